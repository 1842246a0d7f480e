"""Opening hours as editors write them: one day's hours, a calendar day, a closure.

A day is ``8:00-12:00, 13:00-16:00``; ``18:00-7:00`` passes midnight and belongs to
the day it starts on (minutes run past 1440: ``(1080, 1860)``); ``nonstop`` (or
``nepřetržitě``) is the whole day; ``po domluvě`` (by appointment) may stand alone or
after the intervals; a note in brackets ends the day: ``9:00-12:00 (jen objednaní)``.
A calendar day is ``23. 12.`` (every year) or ``23. 12. 2026`` / ``2026-12-23`` (once);
a closure is one calendar day or a range of them, with an optional note in brackets.

The messages are templates with named placeholders; :mod:`.schedule` builds the
schedules of a place from these parts.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..messages import fields as said
from ..messages.core import Message, say
from .words import fold

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY = 24 * 60
CLOSED_WORDS = {"closed", "zavreno", "zamknuto", "nic"}
NONSTOP_WORDS = {"nonstop", "non-stop", "24h", "24 h", "nepretrzite", "stale"}
APPOINTMENT_WORDS = {"po domluve", "podle domluvy", "dle domluvy", "na objednani", "by appointment", "po dohode"}
_TIME = r"(\d{1,2})[:.](\d{2})"
_INTERVAL_RE = re.compile(rf"^{_TIME}\s*[-–—]\s*{_TIME}$")
_NOTE_RE = re.compile(r"^(?P<rest>[^()]*?)\s*\((?P<note>[^()]*)\)\s*$")
_CZECH_DATE = r"(\d{1,2})\.\s*(\d{1,2})\.(?:\s*(\d{4}))?"
_ISO_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_CZECH_DATE_RE = re.compile(rf"^{_CZECH_DATE}$")
_ISO_DATE_RE = re.compile(rf"^{_ISO_DATE}$")
_RANGE_RE = re.compile(rf"^(?P<first>{_CZECH_DATE}|{_ISO_DATE})(?:\s*[-–—]\s*(?P<last>{_CZECH_DATE}|{_ISO_DATE}))?$")

#: What editors may write for a day, for the schema and the web form (checked again by :func:`parse_day`).
DAY_PATTERN = (
    r"^\s*(closed|zavřeno|nonstop|nepřetržitě|po domluvě|\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}"
    r"(\s*,\s*(\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}|po domluvě))*)?\s*(\([^()]*\))?\s*$"
)
DAY_HINT = "např. 8:00-12:00, 13:00-16:00; 18:00-7:00 přes půlnoc; nonstop; po domluvě; zavřeno; poznámka v závorce"


Interval = tuple[int, int]


def _error(message: Message, **values: Any) -> PydanticCustomError:
    return PydanticCustomError(message.code, message.template, values or None)


@dataclass(frozen=True)
class Day:
    """One day's hours: intervals in minutes from that day's midnight (an end past 1440 is the next morning)."""

    intervals: tuple[Interval, ...] = ()
    appointment: bool = False  # visits by appointment (po domluvě), besides or instead of the intervals
    note: str | None = None

    @property
    def closed(self) -> bool:
        return not self.intervals and not self.appointment

    @property
    def nonstop(self) -> bool:
        return self.intervals == ((0, DAY),)

    @property
    def overnight(self) -> tuple[Interval, ...]:
        """Return the intervals that run past midnight into the next day."""
        return tuple(i for i in self.intervals if i[1] > DAY)


CLOSED = Day()


def parse_interval(text: str) -> Interval:
    """Return (start, end) minutes of one ``8:00-12:00``; ``18:00-7:00`` ends the next morning (end > 1440)."""
    match = _INTERVAL_RE.match(text.strip())
    if not match:
        raise _error(said.BAD_INTERVAL, text=text.strip(), reason="")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2 != 0):
        raise _error(said.BAD_INTERVAL, text=text.strip(), reason="")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end == start:
        raise _error(said.BAD_INTERVAL, text=text.strip(), reason=say(said.SAME_TIME))
    return (start, end) if end > start else (start, end + DAY)


def _split_note(text: str) -> tuple[str, str | None]:
    match = _NOTE_RE.match(text)
    if not match:
        return text, None
    note = " ".join(match.group("note").split())
    return match.group("rest"), note or None


def parse_day(value: Any) -> Day:
    """Parse one day: text with comma-separated intervals, a list of them, a word, a note in brackets."""
    if isinstance(value, Day):
        return value
    if value is None:
        return CLOSED
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(value)
    if not isinstance(value, str):
        raise _error(said.BAD_DAY)
    written = " ".join(value.split())
    rest, note = _split_note(written)
    items = [part.strip() for part in rest.split(",") if part.strip()]
    words = [fold(item) for item in items]
    intervals: list[Interval] = []
    appointment = False
    for item, word in zip(items, words):
        if word in CLOSED_WORDS | NONSTOP_WORDS:
            if len(items) > 1:
                raise _error(said.ALONE, word=item)
            return Day(() if word in CLOSED_WORDS else ((0, DAY),), note=note)
        if word in APPOINTMENT_WORDS:
            appointment = True
        else:
            intervals.append(parse_interval(item))
    intervals.sort()
    for (s1, e1), (s2, e2) in zip(intervals, intervals[1:]):
        if s2 < e1:
            raise _error(said.BAD_INTERVAL, text=written, reason=say(said.OVERLAP))
    if intervals and intervals[-1][1] - intervals[0][0] > DAY:
        raise _error(said.BAD_INTERVAL, text=written, reason=say(said.NEXT_DAY))
    return Day(tuple(intervals), appointment, note)


def format_minutes(minutes: int) -> str:
    """Return ``8:00`` for 480 (Czech style: hour without a leading zero); past midnight, the next day's time."""
    minutes = minutes if minutes <= DAY else minutes - DAY
    return f"{minutes // 60}:{minutes % 60:02d}"


def format_interval(interval: Interval) -> str:
    """Return ``8:00–12:00`` (``18:00–7:00`` for an interval that passes midnight)."""
    return f"{format_minutes(interval[0])}–{format_minutes(interval[1])}"


def day_source(day: Day) -> str:
    """Return a day as an editor writes it (what the web form and the model's JSON show)."""
    if day.nonstop:
        parts = ["nonstop"]
    else:
        parts = [f"{format_minutes(s)}-{format_minutes(e)}" for s, e in day.intervals]
        if day.appointment:
            parts.append("po domluvě")
    text = ", ".join(parts) or "zavřeno"
    return f"{text} ({day.note})" if day.note else text


DayHours = Annotated[
    Day,
    PlainValidator(parse_day),
    PlainSerializer(day_source),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DAY_PATTERN},
                {"type": "array", "items": {"type": "string"}},
            ],
            "description": f"Otevírací doba dne, {DAY_HINT}",
        }
    ),
]

# --- calendar days and closures ------------------------------------------------------


def parse_calendar_day(text: str) -> str:
    """Return ``MM-DD`` for a day of every year (``23. 12.``) or ``YYYY-MM-DD`` for a dated one."""
    written = " ".join(str(text).split())
    czech, iso = _CZECH_DATE_RE.match(written), _ISO_DATE_RE.match(written)
    if czech:
        day, month, year = int(czech.group(1)), int(czech.group(2)), czech.group(3)
    elif iso:
        year, month, day = iso.group(1), int(iso.group(2)), int(iso.group(3))
    else:
        raise _error(said.BAD_DATE, text=written)
    longest = calendar.monthrange(int(year), month)[1] if year and 1 <= month <= 12 else (29 if month == 2 else 31)
    if not (1 <= month <= 12 and 1 <= day <= longest):
        raise _error(said.BAD_DATE, text=written)
    return f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


@dataclass(frozen=True)
class Closure:
    """Days a place is closed: ``first``–``last`` as ``MM-DD`` (every year, may wrap over New Year) or ``YYYY-MM-DD``."""

    first: str
    last: str
    note: str | None = None

    @property
    def yearly(self) -> bool:
        return len(self.first) == 5

    def covers(self, iso_day: str) -> bool:
        """Return whether the closure covers the day ``YYYY-MM-DD``."""
        if not self.yearly:
            return self.first <= iso_day <= self.last
        day = iso_day[5:]
        if self.first <= self.last:
            return self.first <= day <= self.last
        return day >= self.first or day <= self.last  # 23. 12.–1. 1.


def parse_closure(value: Any) -> Closure:
    """Parse ``23. 12.–1. 1.``, ``24. 12.`` or ``2026-08-03–2026-08-14 (dovolená)``."""
    if isinstance(value, Closure):
        return value
    if not isinstance(value, str):
        raise _error(said.BAD_CLOSURE, text=str(value))
    written = " ".join(value.split())
    rest, note = _split_note(written)
    match = _RANGE_RE.match(rest.strip())
    if not match:
        raise _error(said.BAD_CLOSURE, text=written)
    first = parse_calendar_day(match.group("first"))
    last = parse_calendar_day(match.group("last")) if match.group("last") else first
    if len(first) != len(last):
        raise _error(said.MIXED_CLOSURE, text=written)
    if len(first) == 10 and last < first:
        raise _error(said.BACKWARDS_CLOSURE, text=written)
    return Closure(first, last, note)


def closure_source(closure: Closure) -> str:
    """Return a closure as an editor writes it."""
    text = closure.first if closure.first == closure.last else f"{closure.first}–{closure.last}"
    return f"{text} ({closure.note})" if closure.note else text


ClosureField = Annotated[
    Closure,
    PlainValidator(parse_closure),
    PlainSerializer(closure_source),
    WithJsonSchema({"type": "string", "description": "Zavřeno: den nebo rozsah dní, např. 23. 12.–1. 1. (každý rok) nebo 3. 8. 2026–14. 8. 2026 (dovolená)"}),
]
CalendarDay = Annotated[
    str,
    PlainValidator(parse_calendar_day),
    WithJsonSchema({"type": "string", "description": "Den: 1. 7. (každý rok) nebo 1. 7. 2026, 2026-07-01 (jen ten rok)"}),
]
