"""My list: what a service page hands to ``static/my-list.js`` so ``/muj-seznam/`` can show and print it.

The list lives in the browser. Each service page carries the service as the list
shows it (``<script type="application/json" id="list-entry">``): adding it keeps a
copy, so the list works offline; a list opened from a shared link fetches the
pages of its services and reads the same entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from babel import Locale
from babel.dates import get_day_names

from ..index import Catalogue
from ..index.queries import places
from ..model.hours import WEEKDAYS, Day, format_interval
from ..model.records import Service
from ..model.schedule import Schedule

FORMAT = 1  # the shape of an entry; my-list.js fetches a page again when its copy has another


class HoursWords(NamedTuple):
    """The words of opening hours in the site's language."""

    nonstop: str
    appointment: str


def hours_words(gettext: Callable[[str], str]) -> HoursWords:
    """Return the words of opening hours through ``gettext``."""
    return HoursWords(gettext("nonstop"), gettext("by appointment"))


def short_day_names(language: str) -> list[str]:
    """Return the weekdays' short names, Monday first, capitalised: Po, Út, St…"""
    names = get_day_names("abbreviated", locale=Locale.parse(language))
    return [names[i][:1].upper() + names[i][1:] for i in range(7)]


def day_text(day: Day, words: HoursWords) -> str:
    """Return one day's hours: ``8:00–12:00, 13:00–16:00``, ``nonstop``, ``9:00–11:00, po domluvě``."""
    if day.nonstop:
        return words.nonstop
    parts = [format_interval(interval) for interval in day.intervals]
    if day.appointment:
        parts.append(words.appointment)
    text = ", ".join(parts)
    return f"{text} ({day.note})" if day.note else text


def hours_lines(schedule: Schedule, days: list[str], words: HoursWords) -> list[str]:
    """Return a week in a few lines: consecutive days with the same hours joined, closed days left out.

    ``Po–Pá 8:00–12:00, 13:00–16:00``, ``So 9:00–11:00``; ``Po–Ne nonstop``; a labelled schedule's
    lines start with its label (``Kancelář: Po–Pá 8:00–16:00``).
    """
    week = [day for _, day in schedule.days()]
    lines: list[str] = []
    start = 0
    while start < len(WEEKDAYS):
        end = start
        while end + 1 < len(WEEKDAYS) and week[end + 1] == week[start]:
            end += 1
        if not week[start].closed or week[start].note:
            span = days[start] if start == end else f"{days[start]}–{days[end]}"
            lines.append(f"{span} {day_text(week[start], words)}")
        start = end + 1
    return [f"{schedule.label}: {line}" for line in lines] if schedule.label else lines


def list_entry(cat: Catalogue, service: Service, url: str, words: HoursWords) -> dict:
    """Return the service as My list keeps it: names looked up, contacts inherited, places redacted."""
    days = short_day_names(cat.site.language)
    stype = cat.vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    contacts = cat.contacts_for(service)
    where = []
    for location in service.locations:
        locality = cat.localities.get(location.locality)
        address = location.address.one_line() if location.address else (locality.name if locality else "")
        where.append({
            "name": location.name or "",
            "address": address,
            "hours": [line for schedule in location.hours for line in hours_lines(schedule, days, words)],
            "hours_note": " ".join(schedule.note for schedule in location.hours if schedule.note),
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
