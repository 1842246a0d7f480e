"""One service, place and opening week as the printed pages show them: names looked up, confidential places redacted."""

from __future__ import annotations

from dataclasses import dataclass

from ...index import Catalogue
from ...model.hours import format_interval
from ...model.records import SERVICE_GROUPS, AgeRange, Fees, Hours, Location, Service, Site
from ...render.urls import absolute, url_for
from .qr import qr_src

RELATED = SERVICE_GROUPS[-1]  # related activities: outside the Social Services Act


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


def publisher(site: Site) -> Publisher:
    return Publisher(
        name=site.organisation.name,
        web=str(site.organisation.web) if site.organisation.web else None,
        phones=tuple(site.contact.phone),
        emails=tuple(site.contact.email),
    )


def service_entry(cat: Catalogue, service: Service, with_qr: bool = True) -> ServiceEntry:
    """Return one service as printed: names looked up, contacts inherited, places redacted."""
    vocab = cat.vocab
    stype = vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    contacts = cat.contacts_for(service)
    url = absolute(cat.site.base_url, url_for("services", service.id))
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
        summary=service.summary,
        target_groups=tuple(vocab.target_groups[g].name if g in vocab.target_groups else g for g in service.target_groups),
        age=service.age,
        places=tuple(place_entry(cat, location) for location in service.locations),
        area=tuple(cat.localities[l].name if l in cat.localities else l for l in service.area),
        phones=tuple(contacts.phone),
        emails=tuple(contacts.email),
        web=str(contacts.web) if contacts.web else None,
        contact_note=contacts.note,
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
        hours_note=hours.note if hours else None,
        notes=None if location.confidential else location.notes,
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
