"""The community plan's records: a plan, its priorities and measures (the rest in :mod:`.plan_parts`). Validation only, no IO.

Where the files live (the loader sets ``id`` from the file name and ``plan`` from the folder)::

    plans/ID.yaml                          the plan                        Plan
    plans/ID/priorities/*.yaml             a priority area                 Priority
    plans/ID/measures/*.yaml               a measure, with its activities  Measure
    plans/ID/action-plans/*.yaml           one year's action plan          ActionPlan
    plans/ID/working-groups/*.yaml         a working group and meetings    WorkingGroup
    plans/ID/comment-periods/*.yaml        a public comment period         CommentPeriod
    news/*.md                              a news item (front matter)      NewsItem
    files/*.pdf                            PDFs the records name (document, draft, minutes)

Field descriptions are Czech: they are what editors read in VS Code and the guide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..messages import fields as said
from ..messages.core import Message
from .fields import Date, Float, Int, Markdown, Slug, Text, Url, field
from .records import Contacts, Identified, Record

# --- field types -----------------------------------------------------------------

PRIORITY_NUMBER_RE = re.compile(r"^[1-9][0-9]*$")
MEASURE_NUMBER_RE = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
FILE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.pdf$")
FIRST_YEAR, LAST_YEAR = 1990, 2100


def _fail(message: Message, value: str) -> PydanticCustomError:
    return PydanticCustomError(message.code, message.template, {"value": value})


def _priority_number(value: str) -> str:
    if not PRIORITY_NUMBER_RE.match(value):
        raise _fail(said.PRIORITY_NUMBER, value)
    return value


def _measure_number(value: str) -> str:
    if not MEASURE_NUMBER_RE.match(value):
        raise _fail(said.MEASURE_NUMBER, value)
    return value


def _year(value: object) -> object:
    if isinstance(value, str) and value.isdigit() and len(value) == 4 and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    if isinstance(value, str):
        raise _fail(said.YEAR, value)
    return value


def _pdf_file(value: str) -> str:
    if value.startswith(("http://", "https://")):
        return value
    value = value.removeprefix("/").removeprefix("files/")  # as a web form's file picker may write it
    if not FILE_RE.match(value):
        raise _fail(said.PDF_FILE, value)
    return value


PriorityNumber = Annotated[
    str, AfterValidator(_priority_number), WithJsonSchema({"type": "string", "pattern": PRIORITY_NUMBER_RE.pattern})
]
MeasureNumber = Annotated[
    str, AfterValidator(_measure_number), WithJsonSchema({"type": "string", "pattern": MEASURE_NUMBER_RE.pattern})
]
Year = Annotated[int, BeforeValidator(_year), WithJsonSchema({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR})]
PdfRef = Annotated[
    str,
    AfterValidator(_pdf_file),
    WithJsonSchema({"type": "string", "pattern": f"(^https?://)|({FILE_RE.pattern})"}),
]
Amount = Annotated[Int, Field(ge=0)]


def _keyed(value: object) -> object:
    """Read ``[{id: mesto-lysa, name: …}, …]`` (as the web form writes a map) as ``{mesto-lysa: {name: …}, …}``."""
    if not isinstance(value, list):
        return value
    ids = [item.get("id") if isinstance(item, dict) else None for item in value]
    if None in ids or len(set(ids)) != len(ids):
        raise PydanticCustomError(said.KEYED_LIST.code, said.KEYED_LIST.template, None)
    return {item["id"]: {k: v for k, v in item.items() if k != "id"} for item in value}


def _also_a_list(*keys: str) -> Callable[[dict[str, Any]], None]:
    """Let VS Code accept the list of ``{key: …}`` the web form writes beside the map editors type."""

    def extend(schema: dict[str, Any]) -> None:
        as_map = {k: schema.pop(k) for k in ("type", "additionalProperties", "propertyNames") if k in schema}
        schema["anyOf"] = [as_map, {"type": "array", "items": {"type": "object", "required": list(keys)}}]

    return extend


def number_key(number: str) -> tuple[int, ...]:
    """Return ``(2, 10)`` for "2.10", so that 2.10 sorts after 2.9."""
    return tuple(int(part) for part in number.split(".") if part.isdigit())


# --- shared parts -----------------------------------------------------------------


class Period(Record):
    start: Year = field("První rok, např. 2020")
    end: Year = field("Poslední rok, např. 2024")

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.start > self.end:
            raise PydanticCustomError(said.PERIOD.code, said.PERIOD.template, None)
        return self

    def years(self) -> list[int]:
        """Return every year of the period, first to last."""
        return list(range(self.start, self.end + 1))


class Approval(Record):
    body: Text = field("Kdo dokument schválil, např. Zastupitelstvo města Lysá nad Labem")
    resolution: Optional[Text] = field("Číslo usnesení, např. 12/2019", default=None)
    date: Date = field("Datum schválení (RRRR-MM-DD)")


class PartnerOrganisation(Record):
    name: Text = field("Název organizace (úřad, škola, firma…), nikdy jméno osoby")
    web: Optional[Url] = field("Web organizace", default=None)


class FundingSource(Record):
    name: Text = field("Název zdroje, např. Rozpočet Středočeského kraje")
    description: Optional[Text] = field("Vysvětlení, např. z jakého programu", default=None)


PLAN_STATUSES = ("draft", "comment", "approved", "evaluated")
PlanStatus = Literal["draft", "comment", "approved", "evaluated"]
MEASURE_STATUSES = ("planned", "in_progress", "done", "dropped")
MeasureStatus = Literal["planned", "in_progress", "done", "dropped"]


class PlanPart(Identified):
    # The plan is the folder the file lies in (plans/ID/…); the loader sets it.
    plan: SkipJsonSchema[str] = field("Plán = název složky plans/ID/")


# --- the plan ---------------------------------------------------------------------


class Plan(Identified):
    title: Text = field("Název plánu, např. Komunitní plán sociálních služeb Mikroregionu Polabí 2020–2024")
    short_title: Optional[Text] = field("Krátký název pro nabídku a odkazy, např. Komunitní plán 2020–2024", default=None)
    period: Period = field("Na které roky plán platí")
    status: PlanStatus = field(
        "Stav: draft (návrh), comment (v připomínkovém řízení), approved (schválený), evaluated (vyhodnocený)"
    )
    area: list[Slug] = field("Území, pro které plán platí (id lokalit)", min_length=1)
    approval: Optional[Approval] = field("Schválení: kdo, číslo usnesení, kdy", default=None)
    commissioner: Optional[Slug] = field(
        "Zadavatel plánování (organizace z organisations nebo poskytovatel), např. svazek obcí", default=None
    )
    contact: Contacts = field("Kontakt na koordinátora plánování (organizace, ne osobní údaje)", default=Contacts())
    document: Optional[PdfRef] = field("Schválený dokument jako PDF: soubor ve složce files/ nebo adresa https://…", default=None)
    summary: Optional[Text] = field("Jedna věta pro přehledy: co plán řeší", default=None)
    text: Optional[Markdown] = field("Vize a jak plán vznikal (Markdown)", default=None)
    evaluation: Optional[Markdown] = field("Vyhodnocení plánu (Markdown), u stavu evaluated", default=None)
    organisations: Annotated[dict[Slug, PartnerOrganisation], BeforeValidator(_keyed)] = field(
        "Organizace, které nejsou poskytovateli v katalogu (město, úřad práce, škola): id → název; "
        "odpovědnost, partnerství a členství se uvádějí jen u organizací, nikdy u osob",
        default={},
        json_schema_extra=_also_a_list("id"),
    )
    funding_sources: Annotated[dict[Slug, FundingSource], BeforeValidator(_keyed)] = field(
        "Zdroje financování, na které se opatření a akční plány odkazují: id → název", default={}, json_schema_extra=_also_a_list("id")
    )

    @property
    def label(self) -> str:
        return self.short_title or self.title


class Priority(PlanPart):
    number: PriorityNumber = field('Číslo priority, např. 2 (opatření 2.1, 2.2… k ní patří)')
    title: Text = field("Název prioritní oblasti, např. Péče o seniory v domácím prostředí")
    summary: Optional[Text] = field("Jedna věta pro přehled", default=None)
    text: Optional[Markdown] = field("Popis, zjištěné potřeby a cíl priority (Markdown)", default=None)


class Value(Record):
    year: Year = field("Rok, ke kterému hodnota patří")
    value: Float = field("Hodnota (číslo, desetinná tečka), např. 120 nebo 12.5")


def _year_key(value: object) -> object:
    return _year(value)


YearKey = Annotated[int, BeforeValidator(_year_key)]


def _pairs(value: object) -> object:
    """Read ``[{year: 2020, value: 12}, …]`` (as the web form writes it) as ``{2020: 12, …}``."""
    if not isinstance(value, list):
        return value
    if not all(isinstance(item, dict) and set(item) == {"year", "value"} for item in value):
        raise PydanticCustomError(said.YEAR_VALUES.code, said.YEAR_VALUES.template, None)
    return {item["year"]: item["value"] for item in value}


class Indicator(Record):
    name: Text = field("Co se měří, např. Počet klientů odlehčovací služby")
    unit: Optional[Text] = field("Jednotka, např. klientů, lůžek, hodin, %", default=None)
    baseline: Optional[Value] = field("Výchozí hodnota: {year: 2019, value: 40}", default=None)
    target: Optional[Value] = field("Cílová hodnota: {year: 2024, value: 60}", default=None)
    values: Annotated[dict[YearKey, Float], BeforeValidator(_pairs)] = field(
        "Naměřené hodnoty po letech: {2020: 42, 2021: 47}", default={}, json_schema_extra=_also_a_list("year", "value")
    )
    source: Optional[Text] = field("Odkud číslo pochází, např. výkazy poskytovatelů", default=None)

    def series(self) -> list[tuple[int, float]]:
        """Return the measured values, oldest first."""
        return sorted(self.values.items())


class Activity(Record):
    title: Text = field("Co se udělá, např. Rozšířit terénní odlehčovací službu do Milovic")
    description: Optional[Text] = field("Podrobnosti", default=None)
    responsible: Optional[Slug] = field("Kdo aktivitu zajistí (id poskytovatele nebo organizace plánu)", default=None)
    deadline: Optional[Year] = field("Do kdy (rok)", default=None)
    status: Optional[MeasureStatus] = field(
        "Stav: planned (plánováno), in_progress (probíhá), done (splněno), dropped (zrušeno)", default=None
    )


class Measure(PlanPart):
    number: MeasureNumber = field('Číslo opatření „priorita.pořadí“ v uvozovkách nebo bez, např. 2.3 (patří k prioritě 2)')
    title: Text = field("Název opatření, např. Rozvoj odlehčovacích služeb")
    summary: Optional[Text] = field("Jedna věta pro přehledy: co opatření přinese", default=None)
    description: Optional[Markdown] = field("Popis a zdůvodnění opatření (Markdown)", default=None)
    status: MeasureStatus = field(
        "Stav: planned (plánováno), in_progress (probíhá), done (splněno), dropped (zrušeno)", default="planned"
    )
    status_note: Optional[Text] = field("Komentář ke stavu, např. z ročního vyhodnocení", default=None)
    target_groups: list[Slug] = field("Cílové skupiny, kterých se opatření týká (slovník target-groups)", default=[])
    service_types: list[Slug] = field("Druhy služeb, kterých se týká (slovník service-types)", default=[])
    localities: list[Slug] = field("Lokality, kterých se týká (id lokalit); chybí-li, celé území plánu", default=[])
    services: list[Slug] = field("Služby z katalogu, které opatření naplňují (id služeb)", default=[])
    responsible: Slug = field("Odpovědná organizace: id poskytovatele nebo organizace z organisations plánu (nikdy osoba)")
    partners: list[Slug] = field("Partneři: id poskytovatelů nebo organizací plánu", default=[])
    working_group: Optional[Slug] = field("Pracovní skupina, která opatření připravila (id)", default=None)
    timeline: Optional[Period] = field("Roky plnění {start: 2021, end: 2023}; chybí-li, celé období plánu", default=None)
    cost: Optional[Amount] = field("Odhad nákladů za celé období v Kč (celé číslo), např. 1500000", default=None)
    cost_note: Optional[Text] = field("Poznámka k nákladům, např. ročně 300 000 Kč", default=None)
    funding: list[Slug] = field("Zdroje financování (id z funding_sources plánu)", default=[])
    indicators: list[Indicator] = field("Ukazatele: jak se pozná, že opatření funguje", default=[])
    activities: list[Activity] = field("Aktivity opatření (číslují se 2.3.1, 2.3.2… podle pořadí)", default=[])

    @property
    def priority_number(self) -> str:
        return self.number.split(".", 1)[0]
