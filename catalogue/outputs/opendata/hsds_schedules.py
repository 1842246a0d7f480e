"""A place's opening hours as HSDS 3.0 schedules (the one mapping; :func:`schedules`).

HSDS describes a week as weekly iCal rules, so each schedule of the place (its label,
how people attend) becomes: a rule per distinct interval of each week — the days sharing
``8:00-12:00`` are one entry ``byday: MO,TU,WE``; an interval past midnight closes before
it opens (``18:00``–``07:00``); by appointment is an entry with a description and no
times; a season's week carries ``valid_from``/``valid_to`` (a season of every year: its
current or next occurrence). HSDS has no field for public holidays or dated closures: they
are said in every entry's ``notes`` ("Closed on public holidays. Closed: 23. 12.–1. 1.").
Times are local (the catalogue's country).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ...index.opening import holiday_rule
from ...model.hours import WEEKDAYS, Day, format_minutes
from ...model.schedule import Schedule, Week
from ...render.views import dates_text
from .common import N_, hhmm

RRULE_DAYS = dict(zip(WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU")))
ATTENDING = {
    "in-person": N_("in person at the place"),
    "phone": N_("by phone"),
    "at-home": N_("at the client's home"),
    "field": N_("in the field"),
    "online": N_("online"),
}
BY_APPOINTMENT = N_("by appointment")
HOLIDAYS_CLOSED = N_("Closed on public holidays.")
HOLIDAYS_OPEN = N_("Open on public holidays too.")
HOLIDAYS_HOURS = N_("On public holidays: %(hours)s.")
CLOSED = N_("Closed: %(dates)s.")


def _day_text(day: Day, gettext: Callable[[str], str]) -> str:
    parts = [f"{format_minutes(s)}-{format_minutes(e)}" for s, e in day.intervals]
    return ", ".join(parts + ([gettext(BY_APPOINTMENT)] if day.appointment else []))


def _notes(schedule: Schedule, gettext: Callable[[str], str], language: str) -> str:
    """Say what HSDS has no field for: the rule for public holidays and the closures."""
    rule = holiday_rule(schedule)
    if isinstance(rule, Day):
        said = [gettext(HOLIDAYS_HOURS) % {"hours": _day_text(rule, gettext)}]
    else:
        message = HOLIDAYS_OPEN if rule == "open" else HOLIDAYS_CLOSED
        said = [gettext(message)]
    if schedule.closed:
        dates = ", ".join(
            dates_text(c.first, c.last, language) + (f" ({c.note})" if c.note else "") for c in schedule.closed
        )
        said.append((gettext(CLOSED) % {"dates": dates}).replace("..", "."))  # a Czech date ends in a full stop
    return " ".join(said)


def occurrence(first: str, last: str, today: dt.date) -> tuple[str, str]:
    """Return the dates of a season: as written, or for one of every year its current or next occurrence."""
    if len(first) == 10:
        return first, last
    year = today.year
    wraps = last < first  # 1. 11.–31. 3.
    end = dt.date.fromisoformat(f"{year + 1 if wraps else year}-{last}") if last != "02-29" else dt.date(year, 2, 28)
    if end < today:
        year += 1
    return f"{year}-{first}", f"{year + 1 if wraps else year}-{last}"


def _week_entries(week: Week, make_id: Callable[..., str], key: tuple, shared: dict[str, Any], gettext) -> list[dict[str, Any]]:
    shared = dict(shared)
    if week.note:
        shared["description"] = " ".join(p for p in (shared.get("description"), week.note) if p)
    days_of: dict[tuple[int, int, str], list[str]] = {}
    appointment: dict[str, list[str]] = {}
    for name, day in week.days():
        for start, end in day.intervals:
            days_of.setdefault((start, end, day.note or ""), []).append(name)
        if day.appointment:
            appointment.setdefault(day.note or "", []).append(name)
    entries = []
    for (start, end, note), names in sorted(days_of.items()):
        entry = {"id": make_id(*key, f"{hhmm(start)}-{hhmm(end)}" + (f" {note}" if note else "")), **shared}
        if note:
            entry["description"] = " ".join(p for p in (shared.get("description"), note) if p)
        entry.update({"freq": "WEEKLY", "byday": ",".join(RRULE_DAYS[d] for d in names), "opens_at": hhmm(start), "closes_at": hhmm(end)})
        entries.append(entry)
    for note, names in sorted(appointment.items()):
        said = " ".join(p for p in (shared.get("description"), gettext(BY_APPOINTMENT), note) if p)
        entries.append({"id": make_id(*key, "appointment" + (f" {note}" if note else "")), **shared,
                        "description": said, "freq": "WEEKLY", "byday": ",".join(RRULE_DAYS[d] for d in names)})
    if not entries and shared:
        entries.append({"id": make_id(*key, "note"), **shared})
    return entries


def schedules(
    hours: list[Schedule],
    make_id: Callable[..., str],
    common: dict[str, Any] | None = None,
    gettext: Callable[[str], str] = lambda text: text,
    language: str = "cs",
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Return the HSDS schedules of one place's opening hours; ``common`` is merged into every entry."""
    today = today or dt.date.today()
    entries: list[dict[str, Any]] = []
    for number, schedule in enumerate(hours):
        shared = dict(common or {})
        if schedule.label:
            shared["description"] = " ".join(p for p in (shared.get("description"), schedule.label) if p)
        if schedule.attending:
            shared["attending_type"] = gettext(ATTENDING[schedule.attending])
        if not schedule.is_empty() or schedule.closed or schedule.seasons:
            shared["notes"] = _notes(schedule, gettext, language)
        prefix: tuple = (str(number),) if number else ()  # the first schedule keeps the ids it had before labels existed
        if not (schedule.is_empty() and schedule.seasons and not schedule.note):  # seasons alone: no regular week
            entries += _week_entries(schedule, make_id, prefix, shared, gettext)
        for index, season in enumerate(schedule.seasons):
            first, last = occurrence(season.valid_from, season.valid_to, today)
            dated = {**shared, "valid_from": first, "valid_to": last}
            entries += _week_entries(season, make_id, (*prefix, "season", str(index)), dated, gettext)
    return entries
