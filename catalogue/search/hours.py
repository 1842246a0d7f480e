"""Whose opening hours search reads, and which services are open at a moment.

A place may have several labelled schedules (``model.schedule``). Search counts the
ones a person in need meets: the night shelter, the care at home, the helpline, the
drop-in hours. An office's schedule (a label that begins with one of ``OFFICE_LABELS``,
e.g. "Kancelář") is left out when the place has other schedules beside it: a home-care
service whose office closes at 15:30 still cares for people until 20:00 and at weekends,
and a person filtering for "open now" or "at weekends" wants the help, not the paperwork.
A place whose only hours are its office's keeps them: they are when it can be reached.

The evening, weekend, nonstop and appointment filters (``hours_filter``), the schedules
the browser evaluates for "open now" (``hours_meta``) and the command line's
``--open-now`` (``open_documents``) all read ``client_schedules``, so both searches agree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..index import Catalogue
from ..index.opening import (
    always_open,
    by_appointment,
    is_open,
    open_at_weekends,
    open_in_the_evening,
    public_holidays,
    schedule_data,
)
from ..model.records import Service
from ..model.schedule import Schedule
from ..model.words import fold
from ..render.context import TIME_ZONES

#: Labels (folded, as they begin) of an office's schedule.
OFFICE_LABELS = ("kancelar", "office", "uredni hodiny", "administrativa", "sekretariat")
#: The values of the ``hours`` facet, in the order the search page offers them.
HOURS_VALUES = ("evening", "weekend", "nonstop", "appointment")


class Document(Protocol):
    """What of a search document this module reads (``documents.SearchDocument``)."""

    record: str
    id: str
    meta: dict[str, str]


def is_office(schedule: Schedule) -> bool:
    """Return whether a schedule is labelled as an office's."""
    return bool(schedule.label) and fold(schedule.label).startswith(OFFICE_LABELS)


def client_schedules(service: Service) -> list[Schedule]:
    """Return the schedules of a service's places that search counts: each place's, its office's only when alone."""
    out = []
    for location in service.locations:
        facing = [h for h in location.hours if not is_office(h)]
        out += facing or list(location.hours)
    return out


def hours_filter(service: Service) -> list[str]:
    """Return when a service is open, as the search filters ask (any of its client-facing schedules)."""
    schedules = client_schedules(service)
    tests = {"evening": open_in_the_evening, "weekend": open_at_weekends, "nonstop": always_open, "appointment": by_appointment}
    return [name for name in HOURS_VALUES if any(tests[name](h) for h in schedules)]


def hours_meta(service: Service) -> str:
    """Return the service's client-facing schedules as JSON for "open now" in the browser, or nothing."""
    schedules = [schedule_data(h) for h in client_schedules(service)]
    return json.dumps(schedules, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if schedules else ""


def local_time(country: str, moment: dt.datetime | None = None) -> dt.datetime:
    """Return the wall-clock time of the catalogue's country at ``moment`` (now when None; one without a time zone
    is taken as that wall clock already), to the minute and without a time zone, as ``opening`` reads it."""
    if moment is None or moment.tzinfo is not None:
        try:
            moment = dt.datetime.now(dt.timezone.utc) if moment is None else moment
            moment = moment.astimezone(ZoneInfo(TIME_ZONES.get(country, "Europe/Prague")))
        except ZoneInfoNotFoundError:  # no time-zone data on this machine: its own clock is close enough
            moment = moment.astimezone()
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def open_documents(cat: Catalogue, docs: Sequence[Document], moment: dt.datetime) -> set[int]:
    """Return the numbers of the service documents open at ``moment`` (local time of the catalogue's country)."""
    holidays = public_holidays(cat.site.country, (moment.year - 1, moment.year, moment.year + 1))
    found = set()
    for number, doc in enumerate(docs):
        service = cat.services.get(doc.id) if doc.record == "service" else None
        if service is not None and any(is_open(h, moment, holidays) for h in client_schedules(service)):
            found.add(number)
    return found


def hours_file(docs: Sequence[Document]) -> dict:
    """Return what the browser reads for "open now": the distinct schedules, and each document's (by number).

    Shared schedules are written once (a national catalogue repeats "Mon–Fri 8:00–16:00" thousands of times).
    """
    schedules: dict[str, int] = {}
    by_doc = []
    for number, doc in enumerate(docs):
        if doc.meta.get("hours"):
            own = [schedules.setdefault(json.dumps(s, sort_keys=True, ensure_ascii=False), len(schedules))
                   for s in json.loads(doc.meta["hours"])]
            by_doc.append([number, own])
    return {"schedules": [json.loads(s) for s in schedules], "docs": by_doc}
