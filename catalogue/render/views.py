"""What pages show that is more than a field: map links, opening hours, report and edit links, JSON-LD.

Pure functions of records and of the publishable catalogue. The page contexts
(:mod:`.pages`) call those that read the catalogue; templates use the others as
filters (:data:`FILTERS`).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup

from ..index import Catalogue
from ..model.fields import phone_digits
from ..model.hours import format_minutes
from ..model.kinds import KINDS
from ..model.records import Capacity, Coordinates, Hours, Location, Provider, Service, Site
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


def hours_json(hours: Hours) -> str:
    """Return the week as the "open now" script reads it: ``{"mon": [[480, 720]], …}`` (minutes)."""
    return json.dumps({day: [list(i) for i in intervals] for day, intervals in hours.days()}, separators=(",", ":"))


def day_text(intervals: list[tuple[int, int]], nonstop: str, closed: str) -> str:
    """Return one day's hours for the table: ``8:00–12:00, 13:00–16:00``."""
    if not intervals:
        return closed
    if intervals == [(0, 24 * 60)]:
        return nonstop
    return ", ".join(f"{format_minutes(a)}–{format_minutes(b)}" for a, b in intervals)


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


def record_links(cat: Catalogue, key: str, title: str, page_url: str, text: dict[str, str]) -> RecordLinks:
    """Return the report and edit links of the record ``key`` ("services/x"), prefilled so editors know what is meant.

    ``text`` holds the translated subject and body lines: "subject", "body", "issue".
    """
    site = cat.site
    summary = text["subject"].format(title=title)
    body = text["body"].format(title=title, url=page_url, key=key)
    email = None
    if site.contact.email:
        email = f"mailto:{site.contact.email[0]}?" + urlencode({"subject": summary, "body": body}, quote_via=quote)
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
            issue = f"{base}/-/issues/new?" + urlencode({"issue[title]": summary, "issue[description]": body}, quote_via=quote)
            edit = f"{base}/-/edit/{repo.branch}/{file}"
        else:  # GitHub and the forges that copy its URLs (Gitea, Forgejo)
            # The issue form .github/ISSUE_TEMPLATE/report-error.yml takes "record"; without the form, "body" is used.
            query = {"template": ISSUE_FORM, "title": summary, "record": f"{title} – {page_url}", "body": body}
            issue = f"{base}/issues/new?" + urlencode(query, quote_via=quote)
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
    text = html.unescape(_TAG_RE.sub(" ", render_markdown(markdown, under=None)))
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def plain(markdown: str | None, limit: int = 300) -> str:
    """Return Markdown (or nothing) as one line of plain text of at most ``limit`` characters, cut at a word."""
    return _plain(markdown or "", limit)


def points_json(points: list) -> str:
    """Return a map's places as ``[[lat, lon, label], …]`` for its ``data-points`` (``index.geo.Point``)."""
    return json.dumps([[p.lat, p.lon, p.label] for p in points], ensure_ascii=False, separators=(",", ":"))


#: The filters templates format with (``{{ location | map_link }}``); each a pure function of its value.
FILTERS = {
    "script_json": json_ld, "plain": plain, "map_link": map_link, "ruian_link": ruian_link, "hours_json": hours_json, "day_text": day_text,
    "points_json": points_json,
}



def ancestor_crumbs(cat: Catalogue, locality_id: str) -> list[tuple[str, str]]:
    """Return (URL, name) of the localities above one, largest first, for its breadcrumbs."""
    return [(url_for("localities", a), cat.localities[a].name) for a in reversed(cat.ancestors(locality_id))]
