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
A result's hours line (``result_line``) is the twin of ``static/hours.js``'s ``line`` and of
the search page's choice among a service's schedules, in the same sentences (``hours_text``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Protocol

from babel.dates import format_skeleton
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
    state_at,
    State,
)
from ..model.hours import DAY
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


# --- a result's hours line, as the service page and the search page say it ----------------------


def _hm(minute: int) -> str:
    minute = minute - DAY if minute > DAY else minute
    return f"{minute // 60}:{minute % 60:02d}"


def _fill(template: str, **values: str) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value, 1)
    return template


def _state_words(text: dict[str, Any], st: State, moment: dt.datetime) -> str:
    if st.open:
        if st.until is None or st.until > 2 * DAY:
            return text["always"]
        return _fill(text["open"], time=_hm(st.until)) if st.until <= DAY else _fill(text["openTomorrow"], time=_hm(st.until - DAY))
    parts = []
    if st.reason == "holiday":
        parts.append(text["holiday"])
    if st.reason == "closure":
        parts.append(_fill(text["closureNote"], note=st.note) if st.note else text["closure"])
    if st.next_day is not None and st.next_at is not None:
        day = moment.date() + dt.timedelta(days=st.next_day)
        when = (text["today"] if st.next_day == 0 else text["tomorrow"] if st.next_day == 1
                else text["days"][day.weekday()] if st.next_day < 7
                else _fill(text["date"], date=format_skeleton("dM", day, locale=text["lang"])))
        parts.append(_fill(when, time=_hm(st.next_at)))
        if st.appointment:
            parts.append(text["orAppointment"])
    elif st.appointment:
        parts.append(text["appointment"])
    return " ".join(parts)


def hours_line(text: dict[str, Any], schedule: Schedule, moment: dt.datetime, holidays: frozenset[dt.date]) -> str:
    """Return the sentence of a schedule at ``moment`` in the site's words (``render.context.hours_text``), as ``static/hours.js`` writes it."""
    words = _state_words(text, state_at(schedule, moment, holidays), moment)
    return _fill(text["label"], label=schedule.label, text=words) if words and schedule.label else words


def _soonest(st: State) -> float:
    """Order of a schedule's state for a result's line: open longest first, then the soonest to open (search.js hoursLine)."""
    if st.open:
        return -1e9 if st.until is None else -st.until
    if st.next_day is not None and st.next_at is not None:
        return st.next_day * DAY + st.next_at
    return 1e9 if st.appointment else 2e9


def result_line(text: dict[str, Any], schedules: Sequence[Schedule], moment: dt.datetime, country: str) -> str:
    """Return a result's hours line: of its schedules the one open longest now, else the one that opens soonest."""
    holidays = public_holidays(country, (moment.year - 1, moment.year, moment.year + 1))
    if not schedules:
        return ""
    best = min(schedules, key=lambda h: _soonest(state_at(h, moment, holidays)))  # min keeps the first of equals, as the page
    return hours_line(text, best, moment, holidays)
