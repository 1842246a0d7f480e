"""Whether a place is open at a moment: the one definition of opening hours that every output reads.

The pages' "open now" line (``static/hours.js``, its JavaScript twin, tested against
this module at fixed times), the search documents and their filters (open in the
evening, at weekends), print and the open-data export all work from what is here.

What applies on a day, in this order: a closure that covers it (``closed:``) closes
it; on a public holiday the schedule's ``holidays`` rule (closed unless the place says
``open`` or gives hours, or is open on all seven days of its week); else a season
that covers the day replaces the week; else the week. An interval past midnight
belongs to the day it starts on: a night shelter's Monday 18:00–7:00 is open on
Tuesday at 6:00 even when Tuesday is a holiday, and closed on Monday at 17:00.

Moments are local wall-clock times of the catalogue's country (``datetime`` without a
time zone); the browser converts the visitor's clock to the same zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import holidays as holiday_calendars

from ..model.hours import DAY, WEEKDAYS, Closure, Day
from ..model.schedule import Schedule, Season, Week

EVENING = 18 * 60  # open at some time from 18:00 on: "in the evening", after a working day
LOOK_AHEAD = 370  # days searched for the next opening: a closure can last a summer
RUN_DAYS = 8  # a run of opening longer than this is shown as open, with no end


@dataclass(frozen=True)
class Plan:
    """What applies on one day: its hours and, when it is closed for it, why."""

    day: Day
    reason: str | None = None  # "holiday" or "closure"
    note: str | None = None  # the closure's note


@dataclass(frozen=True)
class State:
    """A schedule at a moment: open until when, or when it opens next."""

    open: bool
    until: int | None = None  # minutes after the moment's midnight when the current opening ends; None: not within a week
    next_day: int | None = None  # days ahead of the next opening (0 = later today)
    next_at: int | None = None  # its minute of that day
    reason: str | None = None  # closed today for a "holiday" or a "closure"
    note: str | None = None
    appointment: bool = False  # visits by appointment are possible (said when closed)


# --- public holidays ------------------------------------------------------------------


@lru_cache(maxsize=16)
def _holidays(country: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    return frozenset(holiday_calendars.country_holidays(country, years=years))


def public_holidays(country: str, years: Iterable[int]) -> frozenset[dt.date]:
    """Return the public holidays (days off by law) of ``country`` ("CZ", "PL") in ``years``, from the ``holidays`` library."""
    return _holidays(country, tuple(sorted(set(years))))


def holiday_years(today: dt.date) -> tuple[int, int]:
    """Return the years whose holidays a built site carries: this one and the next."""
    return today.year, today.year + 1


# --- what applies on a day ----------------------------------------------------------


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _season_covers(season: Season, iso: str) -> bool:
    return Closure(season.valid_from, season.valid_to).covers(iso)


def week_for(schedule: Schedule, day: dt.date) -> Week:
    """Return the week that applies on ``day``: the first season that covers it, else the regular week."""
    iso = _iso(day)
    return next((s for s in schedule.seasons if _season_covers(s, iso)), schedule)


def holiday_rule(schedule: Schedule) -> Any:
    """Return the schedule's rule for public holidays: "open", "closed" or a :class:`Day`."""
    if schedule.holidays is not None:
        return schedule.holidays
    return "open" if schedule.every_day() else "closed"


def plan(schedule: Schedule, day: dt.date, holidays: Collection[dt.date]) -> Plan:
    """Return what applies on ``day``."""
    iso = _iso(day)
    for closure in schedule.closed:
        if closure.covers(iso):
            return Plan(Day(), "closure", closure.note)
    weekday = WEEKDAYS[day.weekday()]
    if day in holidays:
        rule = holiday_rule(schedule)
        if rule == "closed":
            return Plan(Day(), "holiday")
        if isinstance(rule, Day):
            return Plan(rule)
    return Plan(getattr(week_for(schedule, day), weekday) or Day())


def spans(schedule: Schedule, day: dt.date, holidays: Collection[dt.date]) -> list[tuple[int, int]]:
    """Return the openings under way on ``day``, in minutes from its midnight: the night before's, then its own."""
    before = plan(schedule, day - dt.timedelta(days=1), holidays).day
    carried = [(0, end - DAY) for _, end in before.overnight]
    return carried + list(plan(schedule, day, holidays).day.intervals)


def state_at(schedule: Schedule, moment: dt.datetime, holidays: Collection[dt.date]) -> State:
    """Return whether ``schedule`` is open at ``moment`` (local time), until when, or when it opens next."""
    today, minute = moment.date(), moment.hour * 60 + moment.minute
    appointment = any(day.appointment for _, day in week_for(schedule, today).days())
    for start, end in spans(schedule, today, holidays):
        if start <= minute < end:
            return State(True, until=_run_end(schedule, today, end, holidays), appointment=appointment)
    today_plan = plan(schedule, today, holidays)
    reason = today_plan.reason
    for ahead in range(LOOK_AHEAD):
        day = today + dt.timedelta(days=ahead)
        for start, _ in sorted(plan(schedule, day, holidays).day.intervals):
            if ahead > 0 or start > minute:
                return State(False, next_day=ahead, next_at=start, reason=reason, note=today_plan.note, appointment=appointment)
    return State(False, reason=reason, note=today_plan.note, appointment=appointment)


def _run_end(schedule: Schedule, today: dt.date, end: int, holidays: Collection[dt.date]) -> int | None:
    """Follow openings that continue one another (Monday 8:00–24:00, Tuesday 0:00–12:00) to where the run ends.

    ``end`` and the result count minutes from today's midnight; None when the run lasts longer than a week.
    """
    while end < RUN_DAYS * DAY:
        ahead = end // DAY
        offset = ahead * DAY
        day = today + dt.timedelta(days=ahead)
        longer = [offset + e for s, e in spans(schedule, day, holidays) if offset + s <= end < offset + e]
        if not longer:
            return end
        end = max(longer)
    return None


def is_open(schedule: Schedule, moment: dt.datetime, holidays: Collection[dt.date]) -> bool:
    """Return whether the schedule is open at ``moment``."""
    return state_at(schedule, moment, holidays).open


# --- what the search filters and the export read --------------------------------------


def open_in_the_evening(schedule: Schedule) -> bool:
    """Return whether the regular week is open at some time from 18:00 on."""
    return any(end > EVENING for _, day in schedule.days() for _, end in day.intervals)


def open_at_weekends(schedule: Schedule) -> bool:
    """Return whether the regular week is open on Saturday or Sunday (Friday night into Saturday counts)."""
    days = dict(schedule.days())
    return bool(days["sat"].intervals or days["sun"].intervals or days["fri"].overnight)


def always_open(schedule: Schedule) -> bool:
    """Return whether the regular week is open day and night, every day."""
    return all(day.nonstop for _, day in schedule.days())


def by_appointment(schedule: Schedule) -> bool:
    """Return whether some day offers visits by appointment."""
    return any(day.appointment for _, day in schedule.days())


# --- the browser's copy ---------------------------------------------------------------


def _week_data(week: Week) -> dict[str, Any]:
    days = week.days()
    out: dict[str, Any] = {"days": [[list(i) for i in day.intervals] for _, day in days]}
    if any(day.appointment for _, day in days):
        out["appointment"] = [day.appointment for _, day in days]
    return out


def schedule_data(schedule: Schedule) -> dict[str, Any]:
    """Return a schedule as ``static/hours.js`` reads it (the same rules as :func:`plan`, in plain JSON)."""
    rule = holiday_rule(schedule)
    data: dict[str, Any] = _week_data(schedule)
    data["holidays"] = [list(i) for i in rule.intervals] if isinstance(rule, Day) else rule
    if schedule.closed:
        data["closed"] = [[c.first, c.last, c.note or ""] for c in schedule.closed]
    if schedule.seasons:
        data["seasons"] = [{"from": s.valid_from, "to": s.valid_to, **_week_data(s)} for s in schedule.seasons]
    if schedule.label:
        data["label"] = schedule.label
    return data
