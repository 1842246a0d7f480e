"""Typed template contexts for the printed catalogue and the leaflets; no IO, no PDF.

Everything a printed page shows is decided here, from the publishable catalogue
(confidential locations already redacted): chapters and their order, one entry
per service, the indexes and the leaflets' lists. Templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TypedDict

from markupsafe import Markup, escape

from ...index import Catalogue, collate
from ...model.hours import format_interval
from ...model.records import AgeRange, CrisisLine, Fees, Hours, LifeSituation, Location, Service, Site
from ...render.i18n import translations
from ...render.urls import url_for
from .qr import qr_src

GROUPS = ("counselling", "care", "prevention", "related")
RELATED = "related"
OTHER = "other"  # services without a target group, when chapters follow target groups


def N_(message: str) -> str:
    """Mark a message for translation; it is translated when the catalogue is printed."""
    return message


# The national lines a catalogue prints on its back cover unless site.yaml lists its own
# (``print.crisis_lines``): number, who it helps, when and at what cost.
CRISIS_LINES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "CZ": (
        ("112", N_("Emergency: ambulance, fire brigade, police"), N_("nonstop, free")),
        ("116 123", N_("Linka první psychické pomoci: crisis help for adults"), N_("free")),
        ("116 111", N_("Linka bezpečí: for children and young people"), N_("nonstop, free")),
        ("116 006", N_("Help for victims of crime and domestic violence"), N_("nonstop, free")),
        ("800 200 007", N_("Linka seniorů: for older people and those who care for them"), N_("daily 8–20, free")),
    ),
    "PL": (
        ("112", N_("Emergency: ambulance, fire brigade, police"), N_("nonstop, free")),
        ("116 123", N_("Helpline for adults in emotional crisis"), N_("nonstop, free")),
        ("116 111", N_("Helpline for children and young people"), N_("nonstop, free")),
        ("800 120 002", N_("Niebieska Linia: for people experiencing domestic violence"), N_("nonstop, free")),
    ),
}

# A phone number inside free text (a note, a summary): "+420 325 551 234", "325 551 234", "116 123".
PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:(?:\+\d{3} )?\d{3} \d{3} \d{3}|1\d{2} \d{3})(?!\w)")


@dataclass(frozen=True)
class HoursRun:
    """Consecutive days open at the same times: ``first``–``last`` (weekday keys)."""

    first: str
    last: str
    intervals: str
    nonstop: bool = False


@dataclass(frozen=True)
class PlaceEntry:
    """One location as printed: a confidential one shows only its municipality."""

    name: str | None
    address: str
    confidential: bool
    wheelchair: bool | None
    hours: tuple[HoursRun, ...]
    hours_note: str | None
    notes: str | None


@dataclass(frozen=True)
class ServiceEntry:
    """Everything needed to get help from one service, in print."""

    id: str
    anchor: str
    name: str
    provider: str
    type_name: str
    paragraph: str | None
    related: bool
    forms: tuple[str, ...]
    summary: str | None
    target_groups: tuple[str, ...]
    age: AgeRange | None
    places: tuple[PlaceEntry, ...]
    area: tuple[str, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    web: str | None
    contact_note: str | None
    fees: Fees | None
    languages: tuple[str, ...]
    url: str
    qr: str  # ``qr:`` image source of a QR code opening ``url``


@dataclass(frozen=True)
class TypeSection:
    """The services of one type inside a chapter (a subheading with the type's explanation)."""

    anchor: str
    name: str
    paragraph: str | None
    description: str | None
    services: tuple[ServiceEntry, ...]


@dataclass(frozen=True)
class CrossReference:
    """A service printed in another chapter that also helps this chapter's group."""

    name: str
    anchor: str


@dataclass(frozen=True)
class Chapter:
    """A chapter: a service group (``counselling``…) or a target group; ``title`` is None for groups."""

    kind: str  # "group" | "target_group" | "related" | "other"
    key: str
    anchor: str
    title: str | None
    description: str | None
    sections: tuple[TypeSection, ...]
    see_also: tuple[CrossReference, ...] = ()


@dataclass(frozen=True)
class IndexEntry:
    name: str
    anchor: str
    note: str | None = None


@dataclass(frozen=True)
class IndexGroup:
    """A heading of an index (a municipality, a target group) and the services under it.

    ``see_also`` names wider localities (district, region) with entries of their own.
    """

    title: str
    entries: tuple[IndexEntry, ...]
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Publisher:
    """Who issues the catalogue and how to reach the editors (cover and back cover)."""

    name: str
    web: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]


class BookletContext(TypedDict):
    """What ``print/booklet.html`` receives."""

    site: Site
    language: str
    format: str  # "A5" | "A4"
    chapter_mode: str  # "group" | "target_group"
    chapters: list[Chapter]
    index_alphabetical: list[IndexEntry]
    index_localities: list[IndexGroup]
    index_target_groups: list[IndexGroup]
    services_count: int
    publisher: Publisher
    data_date: dt.date | None
    created: str | None  # W3C datetime for the PDF metadata, from SOURCE_DATE_EPOCH
    site_url: str
    site_qr: str
    crisis_lines: list[CrisisLine]  # on the back cover
    fonts_css: str
    part: str  # "front" | "body" | "back": the booklet is laid out as three documents


class LeafletContext(TypedDict):
    """What ``print/leaflet.html`` receives."""

    site: Site
    language: str
    format: str  # "DL" | "A5"
    situation: LifeSituation
    services: list[ServiceEntry]
    publisher: Publisher
    data_date: dt.date | None
    created: str | None
    url: str
    qr: str
    site_url: str
    fonts_css: str


# --- building the contexts -----------------------------------------------------------


def absolute(site: Site, url: str) -> str:
    """Return the public address of a site URL (``/sluzby/x/`` → ``https://…/sluzby/x/``)."""
    return str(site.base_url).rstrip("/") + url


def booklet_context(cat: Catalogue, created: str | None, fonts_css: str) -> BookletContext:
    """Return the context of the printed catalogue."""
    entries = {s.id: service_entry(cat, s) for s in cat.sorted_services}
    mode = cat.site.print.chapters
    chapters = group_chapters(cat, entries) if mode == "group" else target_group_chapters(cat, entries)
    site_url = str(cat.site.base_url)
    return BookletContext(
        site=cat.site,
        language=cat.site.language,
        format=cat.site.print.format,
        chapter_mode=mode,
        chapters=chapters,
        index_alphabetical=alphabetical_index(entries),
        index_localities=locality_index(cat, entries),
        index_target_groups=target_group_index(cat, entries),
        services_count=len(entries),
        publisher=publisher(cat.site),
        data_date=cat.data_date,
        created=created,
        site_url=site_url,
        site_qr=qr_src(site_url),
        crisis_lines=crisis_lines(cat.site),
        fonts_css=fonts_css,
        part="body",
    )


def leaflet_context(cat: Catalogue, situation: LifeSituation, created: str | None, fonts_css: str) -> LeafletContext:
    """Return the context of one life situation's leaflet."""
    url = absolute(cat.site, url_for("life-situations", situation.id))
    ids = cat.services_by_life_situation.get(situation.id, [])
    return LeafletContext(
        site=cat.site,
        language=cat.site.language,
        format=cat.site.print.leaflet_format,
        situation=situation,
        services=[service_entry(cat, cat.services[sid], with_qr=False) for sid in ids],
        publisher=publisher(cat.site),
        data_date=cat.data_date,
        created=created,
        url=url,
        qr=qr_src(url),
        site_url=str(cat.site.base_url),
        fonts_css=fonts_css,
    )


def publisher(site: Site) -> Publisher:
    return Publisher(
        name=site.organisation.name,
        web=str(site.organisation.web) if site.organisation.web else None,
        phones=tuple(site.contact.phone),
        emails=tuple(site.contact.email),
    )


def crisis_lines(site: Site) -> list[CrisisLine]:
    """Return the crisis lines to print: the site's own, or its country's national lines in the site's language."""
    if site.print.crisis_lines is not None:
        return list(site.print.crisis_lines)
    gettext = translations(site.language).gettext
    return [
        CrisisLine(number=number, name=gettext(name), note=gettext(note))
        for number, name, note in CRISIS_LINES.get(site.country, ())
    ]


def unbroken_phones(text: str | None) -> str | None:
    """Return free text, escaped, with every phone number in it kept on one line."""
    if text is None:
        return None
    return Markup(PHONE_IN_TEXT.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', str(escape(text))))


def service_entry(cat: Catalogue, service: Service, with_qr: bool = True) -> ServiceEntry:
    """Return one service as printed: names looked up, contacts inherited, places redacted."""
    vocab = cat.vocab
    stype = vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    contacts = cat.contacts_for(service)
    url = absolute(cat.site, url_for("services", service.id))
    languages = tuple(vocab.languages[l].name if l in vocab.languages else l for l in service.languages)
    if list(service.languages) in ([], [cat.site.language]):
        languages = ()  # only worth printing when it is more than the catalogue's own language
    return ServiceEntry(
        id=service.id,
        anchor=f"s-{service.id}",
        name=service.name,
        provider=provider.name if provider else service.provider,
        type_name=stype.name if stype else service.type,
        paragraph=stype.paragraph if stype else None,
        related=service.kind == "related" or (stype is not None and stype.group == RELATED),
        forms=tuple(vocab.forms[f].name if f in vocab.forms else f for f in service.forms),
        summary=unbroken_phones(service.summary),
        target_groups=tuple(vocab.target_groups[g].name if g in vocab.target_groups else g for g in service.target_groups),
        age=service.age,
        places=tuple(place_entry(cat, location) for location in service.locations),
        area=tuple(cat.localities[l].name if l in cat.localities else l for l in service.area),
        phones=tuple(contacts.phone),
        emails=tuple(contacts.email),
        web=str(contacts.web) if contacts.web else None,
        contact_note=unbroken_phones(contacts.note),
        fees=service.fees,
        languages=languages,
        url=url,
        qr=qr_src(url) if with_qr else "",
    )


def place_entry(cat: Catalogue, location: Location) -> PlaceEntry:
    """Return a location as printed; a confidential one keeps only the municipality."""
    if location.confidential:
        city = location.address.city if location.address else None
        address = city or (cat.localities[location.locality].name if location.locality in cat.localities else "")
    elif location.address:
        address = location.address.one_line()
    else:
        address = cat.localities[location.locality].name if location.locality in cat.localities else ""
    hours = location.hours
    return PlaceEntry(
        name=location.name,
        address=address,
        confidential=location.confidential,
        wheelchair=location.wheelchair,
        hours=compact_hours(hours) if hours else (),
        hours_note=unbroken_phones(hours.note) if hours else None,
        notes=None if location.confidential else unbroken_phones(location.notes),
    )


def compact_hours(hours: Hours) -> tuple[HoursRun, ...]:
    """Return opening hours with consecutive equal days joined: ``Po–Pá 8:00–16:00``."""
    runs: list[list] = []  # [first, last, intervals, index of last]
    for index, (day, intervals) in enumerate(hours.days()):
        if not intervals:
            continue
        if runs and runs[-1][2] == intervals and runs[-1][3] == index - 1:
            runs[-1][1], runs[-1][3] = day, index
        else:
            runs.append([day, day, intervals, index])
    return tuple(
        HoursRun(first, last, ", ".join(format_interval(i) for i in intervals), intervals == [(0, 24 * 60)])
        for first, last, intervals, _ in runs
    )


# --- chapters --------------------------------------------------------------------------


def group_chapters(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[Chapter]:
    """Return one chapter per service group (counselling, care, prevention), related activities last."""
    by_group: dict[str, list[ServiceEntry]] = {g: [] for g in GROUPS}
    for entry in entries.values():
        service = cat.services[entry.id]
        stype = cat.vocab.service_types.get(service.type)
        group = RELATED if entry.related else (stype.group if stype else "prevention")
        by_group[group].append(entry)
    return [
        Chapter("related" if g == RELATED else "group", g, f"ch-{g}", None, None, type_sections(cat, g, items))
        for g, items in by_group.items()
        if items
    ]


def target_group_chapters(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[Chapter]:
    """Return one chapter per target group; a service is printed in its first group and referred to from the others."""
    home: dict[str, str] = {}
    chapter_of: dict[str, list[ServiceEntry]] = {g: [] for g in cat.vocab.target_groups}
    chapter_of[OTHER] = []
    related: list[ServiceEntry] = []
    for entry in entries.values():
        service = cat.services[entry.id]
        if entry.related:
            related.append(entry)
            continue
        groups = [g for g in service.target_groups if g in cat.vocab.target_groups]
        first = groups[0] if groups else OTHER
        home[entry.id] = first
        chapter_of[first].append(entry)
    chapters = []
    for key, items in chapter_of.items():
        also = [
            CrossReference(entries[sid].name, entries[sid].anchor)
            for sid in cat.services_by_target_group.get(key, [])
            if sid in home and home[sid] != key
        ]
        if not items and not also:
            continue
        term = cat.vocab.target_groups.get(key)
        chapters.append(
            Chapter(
                "other" if key == OTHER else "target_group",
                key,
                f"ch-{key}",
                term.name if term else None,
                term.description if term else None,
                type_sections(cat, key, items),
                tuple(also),
            )
        )
    if related:
        chapters.append(Chapter("related", RELATED, f"ch-{RELATED}", None, None, type_sections(cat, RELATED, related)))
    return chapters


def type_sections(cat: Catalogue, chapter_key: str, items: list[ServiceEntry]) -> tuple[TypeSection, ...]:
    """Split a chapter's services by type, types in the order of the law (§), services by name."""
    by_type: dict[str, list[ServiceEntry]] = {}
    for entry in items:
        by_type.setdefault(cat.services[entry.id].type, []).append(entry)

    def order(type_id: str) -> tuple:
        stype = cat.vocab.service_types.get(type_id)
        return (paragraph_key(stype.paragraph if stype else None), collate(stype.name if stype else type_id))

    sections = []
    for type_id in sorted(by_type, key=order):
        stype = cat.vocab.service_types.get(type_id)
        sections.append(
            TypeSection(
                anchor=f"t-{chapter_key}-{type_id}",
                name=stype.name if stype else type_id,
                paragraph=stype.paragraph if stype else None,
                description=stype.description if stype else None,
                services=tuple(by_type[type_id]),
            )
        )
    return tuple(sections)


def paragraph_key(paragraph: str | None) -> tuple[int, str]:
    """Return a sort key for "57", "60a"; types without a paragraph go last."""
    match = re.match(r"(\d+)(.*)", paragraph or "")
    return (int(match.group(1)), match.group(2)) if match else (10**6, "")


# --- indexes ---------------------------------------------------------------------------


def alphabetical_index(entries: dict[str, ServiceEntry]) -> list[IndexEntry]:
    """Return every service by name (Czech order), with its provider as a note."""
    ordered = sorted(entries.values(), key=lambda e: (collate(e.name), e.id))
    return [IndexEntry(e.name, e.anchor, e.provider) for e in ordered]


def index_localities(cat: Catalogue, service: Service) -> set[str]:
    """Return where a service is indexed: the municipalities of its places and the localities of its area.

    A part of a town is indexed under the town. A district or region stays as it
    is: listing a district-wide service under each of its hundred villages would
    make the index longer than the catalogue; the villages refer to it instead.
    """
    out: set[str] = set()
    for locality_id in (*(l.locality for l in service.locations), *service.area):
        if locality_id in cat.localities:
            out.add(municipality(cat, locality_id) or locality_id)
    return out


def municipality(cat: Catalogue, locality_id: str) -> str | None:
    """Return the municipality a locality is or lies in; None for a district or region."""
    for candidate in (locality_id, *cat.ancestors(locality_id)):
        locality = cat.localities.get(candidate)
        if locality is not None and locality.level == "municipality":
            return candidate
    return None


def locality_index(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[IndexGroup]:
    """Return localities by name, each with its services and the wider localities to look at too."""
    places: dict[str, list[ServiceEntry]] = {}
    for entry in entries.values():  # already in name order
        for locality_id in index_localities(cat, cat.services[entry.id]):
            places.setdefault(locality_id, []).append(entry)
    ordered = sorted(places, key=lambda l: (collate(cat.localities[l].name), l))
    return [
        IndexGroup(
            cat.localities[l].name,
            tuple(IndexEntry(e.name, e.anchor) for e in places[l]),
            tuple(cat.localities[a].name for a in cat.ancestors(l) if a in places),
        )
        for l in ordered
    ]


def target_group_index(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[IndexGroup]:
    """Return target groups (in the vocabulary's order), each with its services."""
    groups = []
    for key, term in cat.vocab.target_groups.items():
        ids = [sid for sid in cat.services_by_target_group.get(key, []) if sid in entries]
        if ids:
            groups.append(IndexGroup(term.name, tuple(IndexEntry(entries[s].name, entries[s].anchor) for s in ids)))
    return groups
