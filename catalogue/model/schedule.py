"""Whose hours, and when they change: a place's labelled schedules, seasons, closures and public holidays.

``hours:`` of a location is one schedule (a mapping of days) or a list of labelled
ones — the office, visits to clients, field work, the helpline — so that a reader never
takes the office's closed weekend for "no care at weekends". A schedule may have
seasons (other hours from–to, e.g. in July only on Tuesday), dated closures
(``zavřeno 23. 12.–1. 1.``) and a rule for public holidays. What is open at a moment is
worked out in :mod:`catalogue.index.opening`, the one definition every output reads.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ..messages import fields as said
from .base import Record
from .fields import Text, fail, field
from .hours import CLOSED, DAY, WEEKDAYS, CalendarDay, ClosureField, Day, DayHours, parse_day
from .words import fold

#: How people get the help in these hours (HSDS ``attending_type``), as editors may write it.
Attending = Literal["in-person", "phone", "at-home", "field", "online"]
NONSTOP_SCHEDULE = {"nonstop", "non-stop", "nepretrzite", "24h"}


class Week(Record):
    mon: Optional[DayHours] = field("Pondělí", default=None)
    tue: Optional[DayHours] = field("Úterý", default=None)
    wed: Optional[DayHours] = field("Středa", default=None)
    thu: Optional[DayHours] = field("Čtvrtek", default=None)
    fri: Optional[DayHours] = field("Pátek", default=None)
    sat: Optional[DayHours] = field("Sobota", default=None)
    sun: Optional[DayHours] = field("Neděle", default=None)
    note: Optional[Text] = field("Poznámka, např. „jindy po domluvě“", default=None)

    def days(self) -> list[tuple[str, Day]]:
        """Return (weekday, hours) for all seven days; a day not written is closed."""
        return [(day, getattr(self, day) or CLOSED) for day in WEEKDAYS]  # one closed day for all: a model is frozen

    def is_empty(self) -> bool:
        return all(getattr(self, day) is None for day in WEEKDAYS)

    def runs_into(self) -> list[tuple[str, str, tuple[int, int]]]:
        """Return (day, previous day, its interval) where the previous night's hours are still open when the day's start."""
        days = self.days()
        if not any(end > DAY for _, day in days for _, end in day.intervals):
            return []  # nothing runs past midnight: most weeks
        found = []
        for index, (name, day) in enumerate(days):
            previous_name, previous = days[index - 1]  # Sunday night runs into Monday
            for interval in previous.overnight:
                if day.intervals and day.intervals[0][0] < interval[1] - DAY:
                    found.append((name, previous_name, interval))
        return found


class Season(Week):
    """Other hours for part of the year: from–to, both days included; a day not written is closed then."""

    valid_from: CalendarDay = Field(alias="from", description="Od kdy platí: 1. 7. (každý rok) nebo 1. 7. 2026")
    valid_to: CalendarDay = Field(alias="to", description="Do kdy platí (včetně): 31. 8. (každý rok) nebo 31. 8. 2026")

    @model_validator(mode="after")
    def _same_kind_of_day(self) -> "Season":
        if len(self.valid_from) != len(self.valid_to):
            raise fail(said.SEASON_YEARS)
        return self


def _holidays(value: Any) -> Any:
    if value is None or isinstance(value, Day):
        return value
    if isinstance(value, str) and fold(value) in {"open", "otevreno", "jako obvykle"}:
        return "open"
    if isinstance(value, str) and fold(value) in {"closed", "zavreno"}:
        return "closed"
    if isinstance(value, str):
        try:
            return parse_day(value)
        except PydanticCustomError:
            pass
    raise fail(said.HOLIDAYS_RULE, value=str(value))


HolidayRule = Annotated[
    Any,
    BeforeValidator(_holidays),
    WithJsonSchema({"type": "string", "description": "Ve státní svátky: closed (zavřeno), open (jako v ten den v týdnu) nebo hodiny, např. 9:00-12:00"}),
]


class Schedule(Week):
    """One schedule of a place: its week, and what changes it."""

    label: Optional[Text] = field("Čí je tato otevírací doba, např. Kancelář, Péče u klientů, Telefonická linka", default=None)
    attending: Optional[Attending] = field(
        "Jak se v těchto hodinách pomáhá: in-person (osobně na místě), phone (telefonicky), at-home (u klientů doma), "
        "field (v terénu), online",
        default=None,
    )
    holidays: HolidayRule = field(
        "Ve státní svátky: closed = zavřeno, open = jako v ten den v týdnu, nebo hodiny (9:00-12:00); bez údaje zavřeno, "
        "jen místo otevřené všech sedm dní v týdnu má otevřeno i ve svátek",
        default=None,
    )
    closed: list[ClosureField] = field(
        "Kdy je zavřeno: den nebo rozsah dní, např. [23. 12.–1. 1., 3. 8. 2026–14. 8. 2026 (dovolená)]", default=[]
    )
    seasons: list[Season] = field("Jiná otevírací doba po část roku (od–do), např. v létě", default=[])

    def every_day(self) -> bool:
        """Return whether every day of the week has hours (such a place keeps them on public holidays unless it says not)."""
        return all(day.intervals for _, day in self.days())


def one_schedule_or_many(value: Any) -> Any:
    """Let ``hours`` be one schedule (a mapping), a list of labelled ones, or ``nonstop`` (every day, all day)."""
    if isinstance(value, str) and fold(value) in NONSTOP_SCHEDULE:
        return [{day: "nonstop" for day in WEEKDAYS}]
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return value
    raise fail(said.NOT_A_SCHEDULE)


def _labelled(schedules: list[Schedule]) -> list[Schedule]:
    if len(schedules) > 1 and any(s.label is None for s in schedules):
        raise fail(said.LABEL_NEEDED)
    return schedules


Hours = Annotated[
    list[Schedule],
    BeforeValidator(one_schedule_or_many, json_schema_input_type=Union[Schedule, list[Schedule], Literal["nonstop", "nepřetržitě"]]),
    AfterValidator(_labelled),
]
