"""My list: what a service page hands to ``static/my-list.js`` so ``/muj-seznam/`` can show and print it.

The list lives in the browser. Each service page carries the service as the list
shows it (``<script type="application/json" id="list-entry">``): adding it keeps a
copy, so the list works offline; a list opened from a shared link fetches the
pages of its services and reads the same entry.
"""

from __future__ import annotations

from babel import Locale
from babel.dates import get_day_names

from ..index import Catalogue
from ..index.queries import places
from ..model.hours import WEEKDAYS, format_interval
from ..model.records import Hours, Service

FORMAT = 1  # the shape of an entry; my-list.js fetches a page again when its copy has another


def short_day_names(language: str) -> list[str]:
    """Return the weekdays' short names, Monday first, capitalised: Po, Út, St…"""
    names = get_day_names("abbreviated", locale=Locale.parse(language))
    return [names[i][:1].upper() + names[i][1:] for i in range(7)]


def hours_lines(hours: Hours, days: list[str], nonstop: str) -> list[str]:
    """Return a week in a few lines: consecutive days with the same hours joined, closed days left out.

    ``Po–Pá 8:00–12:00, 13:00–16:00``, ``So 9:00–11:00``; ``Po–Ne nonstop``.
    """
    week = [intervals for _, intervals in hours.days()]
    lines: list[str] = []
    start = 0
    while start < len(WEEKDAYS):
        end = start
        while end + 1 < len(WEEKDAYS) and week[end + 1] == week[start]:
            end += 1
        if week[start]:
            span = days[start] if start == end else f"{days[start]}–{days[end]}"
            text = nonstop if week[start] == [(0, 24 * 60)] else ", ".join(map(format_interval, week[start]))
            lines.append(f"{span} {text}")
        start = end + 1
    return lines


def list_entry(cat: Catalogue, service: Service, url: str, nonstop: str) -> dict:
    """Return the service as My list keeps it: names looked up, contacts inherited, places redacted."""
    days = short_day_names(cat.site.language)
    stype = cat.vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    contacts = cat.contacts_for(service)
    where = []
    for location in service.locations:
        locality = cat.localities.get(location.locality)
        address = location.address.one_line() if location.address else (locality.name if locality else "")
        hours = location.hours
        where.append({
            "name": location.name or "",
            "address": address,
            "hours": hours_lines(hours, days, nonstop) if hours else [],
            "hours_note": (hours.note or "") if hours else "",
        })
    return {
        "format": FORMAT,
        "id": service.id,
        "url": url,
        "name": service.name,
        "type": stype.name if stype else "",
        "provider": provider.name if provider else "",
        "summary": service.summary or "",
        "area": ", ".join(places(cat, service)),
        "phones": list(contacts.phone),
        "emails": list(contacts.email),
        "web": contacts.web or "",
        "places": where,
    }
