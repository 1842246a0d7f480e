"""What pages show that is more than a field: map links, opening hours, report and edit links, JSON-LD.

Pure functions of records and of the publishable catalogue. The page contexts
(:mod:`.pages`) call those that read the catalogue; templates use the others as
filters (:data:`FILTERS`).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from babel.dates import format_skeleton
from markupsafe import Markup

from ..index import Catalogue
from ..model.fields import phone_digits
from ..index.opening import holiday_rule, schedule_data
from ..model.hours import Day, format_minutes
from ..model.schedule import Schedule
from ..model.kinds import KINDS
from ..model.records import Capacity, Coordinates, Locality, Location, Provider, Service, Site
from .i18n import plural_category
from .markdown import render_markdown
from .urls import url_for

_TAG_RE = re.compile(r"<[^>]+>")
ISSUE_FORM = "report-error.yml"  # .github/ISSUE_TEMPLATE/ of the content repository


# --- maps and hours -------------------------------------------------------------


def _coordinate(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def osm_url(coordinates: Coordinates) -> str:
    """Return a link that opens OpenStreetMap on the place, with a marker (no embedded map needed)."""
    lat, lon = _coordinate(coordinates.lat), _coordinate(coordinates.lon)
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"


def map_link(location: Location) -> str | None:
    """Return the map link of a location, never of a confidential one."""
    if location.confidential or location.coordinates is None:
        return None
    return osm_url(location.coordinates)


RUIAN_ADDRESS_URL = "https://vdp.cuzk.gov.cz/vdp/ruian/adresnimista/{code}"


def ruian_link(location: Location) -> str | None:
    """Return the official address-point page of a location (RÚIAN), never of a confidential one."""
    if location.confidential or location.address is None or not location.address.ruian:
        return None
    return RUIAN_ADDRESS_URL.format(code=location.address.ruian)


def hours_json(schedule: Schedule) -> str:
    """Return a schedule as the "open now" script reads it (:func:`catalogue.index.opening.schedule_data`)."""
    return json.dumps(schedule_data(schedule), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class WeekView:
    """One table of a schedule: the regular week (no caption) or a season ("1. 7.–31. 8.")."""

    dates: str | None
    days: list[tuple[str, Day]]  # weekday key, its hours
    note: str | None


@dataclass(frozen=True)
class ScheduleView:
    """A schedule as pages and print show it: its weeks, closures and the rule for public holidays."""

    schedule: Schedule
    weeks: list[WeekView]
    closures: list[tuple[str, str | None]]  # "23. 12.–1. 1.", note
    holidays: Any  # "open", "closed" or the Day of hours on holidays
    holidays_written: bool  # the editor gave the rule (else it follows from the week)


def calendar_text(day: str, language: str) -> str:
    """Return ``23. 12.`` for "12-23" and ``23. 12. 2026`` for "2026-12-23", in the site's language."""
    if len(day) == 5:
        return format_skeleton("Md", dt.date(2000, int(day[:2]), int(day[3:])), locale=language)
    return format_skeleton("yMd", dt.date.fromisoformat(day), locale=language)


def dates_text(first: str, last: str, language: str) -> str:
    """Return ``23. 12.–1. 1.`` (one day alone when first is last)."""
    one = calendar_text(first, language)
    return one if first == last else f"{one}–{calendar_text(last, language)}"


def schedule_view(schedule: Schedule, language: str) -> ScheduleView:
    """Return what a page and the print show of one schedule."""
    weeks = [WeekView(None, schedule.days(), schedule.note)]
    weeks += [WeekView(dates_text(s.valid_from, s.valid_to, language), s.days(), s.note) for s in schedule.seasons]
    closures = [(dates_text(c.first, c.last, language), c.note) for c in schedule.closed]
    return ScheduleView(schedule, weeks, closures, holiday_rule(schedule), schedule.holidays is not None)


# --- quantities -------------------------------------------------------------------


def capacity_unit(cat: Catalogue, capacity: Capacity) -> str:
    """Return the unit's word that follows the count in the site's language: 1 lůžko, 3 lůžka, 28 lůžek."""
    unit = cat.vocab.capacity_units.get(capacity.unit)
    if unit is None:
        return capacity.unit
    return unit.word(plural_category(cat.site.language, capacity.count))


# --- reporting errors and editing --------------------------------------------------


@dataclass(frozen=True)
class RecordLinks:
    """A record's "report an error" links and its "edit" link (any may be missing)."""

    report_email: str | None
    report_issue: str | None
    edit: str | None


def _repository_host(url: str) -> str:
    return urlsplit(url).netloc.lower()


IRI_SAFE = "/:@,"  # characters a query may hold as they are (RFC 3986); "&", "=", "#", "+", "%" are encoded


def iri_quote(text: str, safe: str = "", encoding: str | None = None, errors: str | None = None) -> str:
    """Percent-encode ``text`` for a query (``urlencode``'s ``quote_via``), printable characters beyond ASCII left as they are.

    Browsers encode them when the link is followed, as for any IRI; written out, a Czech
    subject takes half the bytes (the report links are on every record's page).
    """
    return "".join(
        ch if not ch.isascii() and ch.isprintable() and not ch.isspace() else quote(ch, safe=safe + IRI_SAFE) for ch in text
    )


def record_links(cat: Catalogue, key: str, title: str, page_url: str, text: dict[str, str]) -> RecordLinks:
    """Return the report and edit links of the record ``key`` ("services/x"), prefilled so editors know what is meant.

    ``text`` holds the translated subject and body lines: "subject", "body", "issue".
    """
    site = cat.site
    summary = text["subject"].format(title=title)
    body = text["body"].format(title=title, url=page_url, key=key)
    email = None
    if site.contact.email:
        email = f"mailto:{site.contact.email[0]}?" + urlencode({"subject": summary, "body": body}, quote_via=iri_quote)
    issue = edit = None
    repo = site.repository
    if repo is not None:
        base = repo.url.rstrip("/")
        folder, _, ident = key.partition("/")
        source = cat.sources.get(key)
        name = PurePosixPath(source).name if source else KINDS[folder].file_name(ident)
        file = "/".join(p for p in (repo.content_path.strip("/"), folder, name) if p)
        host = _repository_host(base)
        if "gitlab" in host:
            issue = f"{base}/-/issues/new?" + urlencode({"issue[title]": summary, "issue[description]": body}, quote_via=iri_quote)
            edit = f"{base}/-/edit/{repo.branch}/{file}"
        else:  # GitHub and the forges that copy its URLs (Gitea, Forgejo)
            # The issue form .github/ISSUE_TEMPLATE/report-error.yml takes "record"; without the form, "body" is used.
            query = {"template": ISSUE_FORM, "title": summary, "record": f"{title} – {page_url}", "body": body}
            issue = f"{base}/issues/new?" + urlencode(query, quote_via=iri_quote)
            edit = f"{base}/edit/{repo.branch}/{file}"
    return RecordLinks(email, issue, edit)


# --- structured data ---------------------------------------------------------------


def json_ld(data: dict) -> Markup:
    """Return JSON for a ``<script type="application/ld+json">``: ``</script>`` inside text cannot close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


def _contact_ld(contacts) -> dict:
    out: dict = {}
    if contacts.phone:
        out["telephone"] = contacts.phone[0]
    if contacts.email:
        out["email"] = contacts.email[0]
    return out


def _address_ld(address, country: str) -> dict:
    out = {"@type": "PostalAddress", "addressLocality": address.city, "addressCountry": country}
    street = " ".join(p for p in (address.street, address.number) if p)
    if street:
        out["streetAddress"] = street
    if address.postcode:
        out["postalCode"] = address.postcode
    return out


def organisation_ld(provider: Provider, url: str, country: str) -> dict:
    """Return schema.org Organization data for a provider."""
    data: dict = {"@context": "https://schema.org", "@type": "Organization", "name": provider.name, "url": url}
    if provider.contacts.web:
        data["sameAs"] = provider.contacts.web
    if provider.ico:
        data["taxID"] = provider.ico
    if provider.address:
        data["address"] = _address_ld(provider.address, country)
    data.update(_contact_ld(provider.contacts))
    if provider.description:
        data["description"] = _plain(provider.description)
    return data


def service_ld(cat: Catalogue, service: Service, url: str, provider_url: str) -> dict:
    """Return schema.org Service data: what, by whom, where (confidential places only by town)."""
    stype = cat.vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    data: dict = {"@context": "https://schema.org", "@type": "Service", "name": service.name, "url": url}
    if service.summary or service.description:
        data["description"] = service.summary or _plain(service.description or "")
    if stype:
        data["serviceType"] = stype.name
    if provider:
        data["provider"] = {"@type": "Organization", "name": provider.name, "url": provider_url}
    area = [cat.localities[a].name for a in cat.service_area(service) if a in cat.localities]
    if area:
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": name} for name in area]
    if service.target_groups:
        groups = [cat.vocab.target_groups[g].name for g in service.target_groups if g in cat.vocab.target_groups]
        data["audience"] = [{"@type": "Audience", "audienceType": g} for g in groups]
    channels = []
    for location in service.locations:
        place: dict = {"@type": "Place"}
        if location.name:
            place["name"] = location.name
        if location.address:
            place["address"] = _address_ld(location.address, cat.site.country)
        if not location.confidential and location.coordinates:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": location.coordinates.lat, "longitude": location.coordinates.lon}
        channels.append({"@type": "ServiceChannel", "serviceLocation": place})
    if channels:
        data["availableChannel"] = channels
    contacts = cat.contacts_for(service)
    if contacts.phone or contacts.email:
        data["potentialAction"] = {"@type": "CommunicateAction", "target": _contact_targets(contacts)}
    if service.fees is not None:
        data["isAccessibleForFree"] = not service.fees.paid
    return data


def _contact_targets(contacts) -> list[str]:
    return [f"tel:{phone_digits(p)}" for p in contacts.phone] + [f"mailto:{e}" for e in contacts.email]


def website_ld(site: Site, search_url: str) -> dict:
    """Return schema.org WebSite data with the search action (``?q=``)."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.title,
        "url": site.base_url,
        "publisher": {"@type": "Organization", "name": site.organisation.name},
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search_url}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def _plain(markdown: str, limit: int = 300) -> str:
    """Return Markdown as one line of plain text, cut at a word (descriptions for search engines)."""
    text = _one_line(markdown)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


@lru_cache(maxsize=1 << 16)  # pages, JSON-LD and search documents each ask, at several lengths
def _one_line(markdown: str) -> str:
    text = html.unescape(_TAG_RE.sub(" ", render_markdown(markdown, under=None)))
    return " ".join(text.split())


def plain(markdown: str | None, limit: int = 300) -> str:
    """Return Markdown (or nothing) as one line of plain text of at most ``limit`` characters, cut at a word."""
    return _plain(markdown or "", limit)


def points_json(points: list) -> str:
    """Return a map's places as ``[[lat, lon, label], …]`` for its ``data-points`` (``index.geo.Point``)."""
    return json.dumps([[p.lat, p.lon, p.label] for p in points], ensure_ascii=False, separators=(",", ":"))


#: The filters templates format with (``{{ location | map_link }}``); each a pure function of its value.
FILTERS = {
    "script_json": json_ld, "plain": plain, "map_link": map_link, "ruian_link": ruian_link, "hours_json": hours_json,
    "clock": format_minutes,
    "points_json": points_json,
}


def place_in(locality: Locality, _: Callable[[str], str]) -> str | None:
    """How a sentence says "in" a place ("12 služeb v Lysé nad Labem"): its ``in_name``, else a phrase
    by its level ("v obci Semice"); None for a district or region without one (say "okres Nymburk: …")."""
    if locality.in_name:
        return locality.in_name
    phrases = {
        "municipality": _("in the municipality %(name)s"),
        "city-district": _("in the city district %(name)s"),
        "part": _("in the local part %(name)s"),
        "neighbourhood": _("in the neighbourhood %(name)s"),
    }
    phrase = phrases.get(locality.level)
    return phrase % {"name": locality.name} if phrase else None


def ancestor_crumbs(cat: Catalogue, locality_id: str) -> list[tuple[str, str]]:
    """Return (URL, name) of the localities above one, largest first, for its breadcrumbs."""
    return [(url_for("localities", a), cat.localities[a].name) for a in reversed(cat.ancestors(locality_id))]
