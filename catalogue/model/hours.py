"""Opening hours: ``mon: "8:00-12:00, 13:00-16:00"`` → minutes since midnight."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOSED_WORDS = {"closed", "zavřeno", "zavreno"}
NONSTOP_WORDS = {"nonstop", "non-stop", "24h"}
_TIME = r"(\d{1,2})[:.](\d{2})"
_INTERVAL_RE = re.compile(rf"^{_TIME}\s*[-–—]\s*{_TIME}$")
DAY_PATTERN = r"^\s*(closed|zavřeno|nonstop|\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}(\s*,\s*\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2})*)\s*$"

Interval = tuple[int, int]


def _bad(text: str, why: str = "") -> PydanticCustomError:
    reason = f" ({why})" if why else ""
    return PydanticCustomError(
        "hours",
        '"{text}" is not a time interval{reason}; use HH:MM-HH:MM, e.g. 8:00-12:00, several separated by commas',
        {"text": text, "reason": reason},
    )


def parse_interval(text: str) -> Interval:
    """Return (start, end) minutes of one ``8:00-12:00`` interval."""
    match = _INTERVAL_RE.match(text.strip())
    if not match:
        raise _bad(text)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2 != 0):
        raise _bad(text)
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end <= start:
        raise _bad(text, "it ends before it starts")
    return start, end


def parse_day(value: Any) -> Any:
    """Parse one weekday's hours: text with comma-separated intervals, a list of them, closed or nonstop."""
    if value is None:
        return []
    items: list[str]
    if isinstance(value, str):
        word = value.strip().lower()
        if word in CLOSED_WORDS:
            return []
        if word in NONSTOP_WORDS:
            return [(0, 24 * 60)]
        items = [part for part in value.split(",")]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise PydanticCustomError("hours", "expected text like 8:00-12:00, 13:00-16:00", None)
    intervals = sorted(parse_interval(item) for item in items)
    for (s1, e1), (s2, e2) in zip(intervals, intervals[1:]):
        if s2 < e1:
            raise _bad(str(value) if isinstance(value, str) else ", ".join(value), "two intervals overlap")
    return intervals


DayHours = Annotated[
    list[tuple[int, int]],
    BeforeValidator(parse_day),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DAY_PATTERN},
                {"type": "array", "items": {"type": "string"}},
            ],
            "description": "Otevírací doba dne, např. 8:00-12:00, 13:00-16:00; closed = zavřeno; nonstop",
        }
    ),
]


def format_minutes(minutes: int) -> str:
    """Return ``8:00`` for 480 (Czech style: hour without a leading zero)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def format_interval(interval: Interval) -> str:
    """Return ``8:00–12:00``."""
    return f"{format_minutes(interval[0])}–{format_minutes(interval[1])}"
