"""What templates show that is more than a field: map links, report links, groupings, JSON-LD.

Pure functions of the publishable catalogue; the templates call them through the
common context (:class:`~catalogue.render.site.Common`).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

from markupsafe import Markup

from ..index import Catalogue, collate
from ..model.fields import phone_digits
from ..model.hours import format_minutes
from ..model.records import LEVELS, Capacity, Coordinates, Hours, Location, Provider, Service, ServiceType, Site
from .i18n import plural_category
from .markdown import render_markdown
from .urls import url_for

_TAG_RE = re.compile(r"<[^>]+>")
GROUP_ORDER = ("counselling", "care", "prevention", "related")
FOLDER_SUFFIX = {"pages": ".md"}
ISSUE_FORM = "report-error.yml"  # .github/ISSUE_TEMPLATE/ of the content repository  # every other record is a .yaml file


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


# --- records in lists ------------------------------------------------------------


def services_of(cat: Catalogue, ids: list[str]) -> list[Service]:
    return [cat.services[i] for i in ids if i in cat.services]


def without(ids: list[str], leave_out: list[str]) -> list[str]:
    """``ids`` without those in ``leave_out``, in order."""
    skip = set(leave_out)
    return [i for i in ids if i not in skip]


def by_type(cat: Catalogue, ids: list[str]) -> list[tuple[str, ServiceType | None, list[Service]]]:
    """Group services by service type: counselling, care, prevention, related; types by name inside."""
    groups: dict[str, list[Service]] = {}
    for service in services_of(cat, ids):
        groups.setdefault(service.type, []).append(service)
    types = cat.vocab.service_types

    def order(tid: str) -> tuple:
        stype = types.get(tid)
        group = GROUP_ORDER.index(stype.group) if stype else len(GROUP_ORDER)
        return group, collate(stype.name if stype else tid)

    return [(tid, types.get(tid), groups[tid]) for tid in sorted(groups, key=order)]


def types_by_group(cat: Catalogue) -> list[tuple[str, list[tuple[str, ServiceType]]]]:
    """Return the service-type vocabulary by group, in the law's order, types by name."""
    out = []
    for group in GROUP_ORDER:
        members = [(tid, t) for tid, t in cat.vocab.service_types.items() if t.group == group]
        if members:
            out.append((group, sorted(members, key=lambda m: (_paragraph_key(m[1].paragraph), collate(m[1].name)))))
    return out


def _paragraph_key(paragraph: str | None) -> tuple[int, str]:
    if not paragraph:
        return (10_000, "")
    digits = "".join(c for c in paragraph if c.isdigit())
    return (int(digits or 0), paragraph)


def initial(name: str) -> str:
    """Return the letter a name is filed under in a Czech A–Z index (Ch, Č, Ř, Š, Ž are letters of their own)."""
    text = name.strip()
    if not text:
        return "#"
    if text[:2].lower() == "ch":
        return "Ch"
    first = unicodedata.normalize("NFD", text[0])
    if "\u030c" in first[1:] and first[0].lower() in "crsz":
        return unicodedata.normalize("NFC", first[:2]).upper()
    base = first[0].upper()
    return base if base.isalpha() else "#"


def by_letter(records: list, attribute: str = "name") -> list[tuple[str, list]]:
    """Group records, already in Czech order, under the initial letters of ``attribute``."""
    out: list[tuple[str, list]] = []
    for record in records:
        letter = initial(getattr(record, attribute))
        if not out or out[-1][0] != letter:
            out.append((letter, []))
        out[-1][1].append(record)
    return out


def places(cat: Catalogue, service: Service) -> list[str]:
    """Return the names of the municipalities where a service is located, else of its area."""
    ids = [l.locality for l in service.locations] or list(service.area)
    names = []
    for lid in ids:
        locality = cat.localities.get(lid)
        if locality is None:
            continue
        if locality.level in ("city-district", "part", "neighbourhood"):
            town = next((cat.localities[a] for a in cat.ancestors(lid) if cat.localities[a].level == "municipality"), None)
            name = f"{town.name} – {locality.name}" if town else locality.name
        else:
            name = locality.name
        if name not in names:
            names.append(name)
    return names


def locality_tree(cat: Catalogue, keep: set[str]) -> list[tuple[str, list]]:
    """Return the localities in ``keep`` as nested (id, children) from the roots."""

    def walk(lid: str) -> tuple[str, list]:
        return lid, [walk(child) for child in cat.children.get(lid, []) if child in keep]

    return [walk(root) for root in cat.roots if root in keep]


def with_services(cat: Catalogue) -> set[str]:
    """Return the localities with a service located there or serving them, and their parents."""
    found = set(cat.services_located_in) | set(cat.services_serving)
    return found | {a for lid in found for a in cat.ancestors(lid)}


# --- reporting errors and editing --------------------------------------------------


@dataclass(frozen=True)
class RecordLinks:
    """A record's "report an error" links and its "edit" link (any may be missing)."""

    report_email: str | None
    report_issue: str | None
    edit: str | None


def _repository_host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def record_links(site: Site, cat: Catalogue, key: str, title: str, page_url: str, text: dict[str, str]) -> RecordLinks:
    """Return the report and edit links of the record ``key`` ("services/x"), prefilled so editors know what is meant.

    ``text`` holds the translated subject and body lines: "subject", "body", "issue".
    """
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
        name = PurePosixPath(source).name if source else f"{ident}{FOLDER_SUFFIX.get(folder, '.yaml')}"
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
    return _plain(markdown or "", limit)



def by_name(records, attribute: str = "name") -> list:
    """Return records in Czech alphabetical order of ``attribute``."""
    return sorted(records, key=lambda r: (collate(getattr(r, attribute)), getattr(r, "id", "")))


def terms(vocabulary: dict) -> list[tuple[str, object]]:
    """Return a vocabulary's (id, term) pairs in Czech alphabetical order of the names."""
    return sorted(vocabulary.items(), key=lambda item: (collate(item[1].name), item[0]))


def situations(cat: Catalogue) -> list:
    """Return the life situations in their editors' order, then by title."""
    return sorted(cat.life_situations.values(), key=lambda s: (s.order, collate(s.title), s.id))


def situations_by_service(cat: Catalogue) -> dict[str, list]:
    """Return service id → the life situations it helps with, in the editors' order."""
    out: dict[str, list] = {}
    for situation in situations(cat):
        for sid in cat.services_by_life_situation.get(situation.id, ()):
            out.setdefault(sid, []).append(situation)
    return out


def ancestor_crumbs(cat: Catalogue, locality_id: str) -> list[tuple[str, str]]:
    """Return (URL, name) of the localities above one, largest first, for its breadcrumbs."""
    return [(url_for("localities", a), cat.localities[a].name) for a in reversed(cat.ancestors(locality_id))]


HOME_PLACES = 40  # at most this many places as links on the home page


def home_places(cat: Catalogue) -> list:
    """Return the places the home page offers: the most local level with services that still fits a short list.

    A micro-region lists its towns and villages (never parts of them); the national catalogue its regions.
    """
    shown = with_services(cat)
    levels = [[l for l in cat.localities.values() if l.level == level and l.id in shown] for level in LEVELS[:3]]
    levels = [places for places in levels if places]
    fitting = [places for places in levels if len(places) <= HOME_PLACES]
    chosen = fitting[-1] if fitting else (levels[0] if levels else [])
    return by_name(chosen)


#: Prefix of the locality filter value "serves every place within this locality".
AREA_PREFIX = "area:"


def locality_filter(cat: Catalogue, lid: str) -> list[str]:
    """The locality filter values that find what is located in or serves ``lid``.

    ``lid`` itself, and ``area:A`` for every locality ``A`` that contains it: a
    service whose area is a region is found in each of the region's towns without
    listing them (see ``search.documents._locality_values``). A service matches through one of
    these values at most, so the per-value counts of a result add up.
    """
    return [lid, *(AREA_PREFIX + a for a in cat.ancestors(lid) if a in cat.localities)]
