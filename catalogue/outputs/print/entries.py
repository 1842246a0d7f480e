"""One service, place and opening week as the printed pages show them: names looked up, confidential places redacted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ...index import Catalogue
from ...model.hours import Day
from ...model.records import SERVICE_GROUPS, AgeRange, Fees, Location, Service, Site
from ...render.views import ScheduleView, WeekView, schedule_view
from ...render.urls import absolute, url_for
from .qr import qr_src

RELATED = SERVICE_GROUPS[-1]  # related activities: outside the Social Services Act

# A phone number inside free text (a note, a summary): "+420 325 551 234", "325 551 234", "116 123".
PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:(?:\+\d{3} )?\d{3} \d{3} \d{3}|1\d{2} \d{3})(?!\w)")


@dataclass(frozen=True)
class HoursRun:
    """Consecutive days with the same hours: ``first``–``last`` (weekday keys)."""

    first: str
    last: str
    day: Day


@dataclass(frozen=True)
class PrintSchedule:
    """One schedule of a place as printed: its label, its weeks as runs of days, holidays and closures."""

    label: str | None
    weeks: tuple[tuple[WeekView, tuple[HoursRun, ...]], ...]  # the regular week, then each season
    holidays: Any  # "open", "closed" or the Day on public holidays
    closures: tuple[tuple[str, str | None], ...]
    empty: bool  # no regular week (only a note, closures or seasons)


@dataclass(frozen=True)
class PlaceEntry:
    """One location as printed: a confidential one shows only its municipality."""

    name: str | None
    address: str
    confidential: bool
    wheelchair: bool | None
    hours: tuple[PrintSchedule, ...]
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
    return PlaceEntry(
        name=location.name,
        address=address,
        confidential=location.confidential,
        wheelchair=location.wheelchair,
        hours=tuple(print_schedule(schedule_view(s, cat.site.language)) for s in location.hours),
        notes=None if location.confidential else unbroken_phones(location.notes),
    )


def print_schedule(view: ScheduleView) -> PrintSchedule:
    """Return a schedule as printed, each week compacted into runs of days."""
    return PrintSchedule(
        label=view.schedule.label,
        weeks=tuple((week, compact_hours(week.days)) for week in view.weeks),
        holidays=view.holidays,
        closures=tuple(view.closures),
        empty=view.schedule.is_empty(),
    )


def compact_hours(days: list[tuple[str, Day]]) -> tuple[HoursRun, ...]:
    """Return a week with consecutive equal days joined, closed days left out: ``Po–Pá 8:00–16:00``."""
    runs: list[list] = []  # [first, last, day, index of last]
    for index, (name, day) in enumerate(days):
        if day.closed and not day.note:
            continue
        if runs and runs[-1][2] == day and runs[-1][3] == index - 1:
            runs[-1][1], runs[-1][3] = name, index
        else:
            runs.append([name, name, day, index])
    return tuple(HoursRun(first, last, day) for first, last, day, _ in runs)


def unbroken_phones(text: str | None) -> str | None:
    """Return free text, escaped, with every phone number in it kept on one line."""
    if text is None:
        return None
    return Markup(PHONE_IN_TEXT.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', str(escape(text))))
