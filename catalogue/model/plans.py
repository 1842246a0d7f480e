"""The community plan's records: a plan, its priorities, measures, action plans, working groups,
comment periods, and news items. Validation only, no IO.

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
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from .fields import Bool, Date, Email, Float, Int, Markdown, Slug, Text, Url, field
from .records import Capacity, Contacts, Identified, Record

# --- field types -----------------------------------------------------------------

PRIORITY_NUMBER_RE = re.compile(r"^[1-9][0-9]*$")
MEASURE_NUMBER_RE = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
FILE_RE = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*\.pdf$")
FIRST_YEAR, LAST_YEAR = 1990, 2100


def _fail(kind: str, message: str, value: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message, {"value": value})


def _priority_number(value: str) -> str:
    if not PRIORITY_NUMBER_RE.match(value):
        raise _fail("priority_number", '"{value}" is not a priority number; write a whole number, e.g. 2', value)
    return value


def _measure_number(value: str) -> str:
    if not MEASURE_NUMBER_RE.match(value):
        raise _fail(
            "measure_number",
            '"{value}" is not a measure number; write the priority and the measure, e.g. 2.3',
            value,
        )
    return value


def _year(value: object) -> object:
    if isinstance(value, str) and value.isdigit() and len(value) == 4 and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    if isinstance(value, str):
        raise _fail("year", '"{value}" is not a year; write four digits without quotes, e.g. 2021', value)
    return value


def _pdf_file(value: str) -> str:
    if value.startswith(("http://", "https://")):
        return value
    if not FILE_RE.match(value):
        raise _fail(
            "pdf_file",
            '"{value}" is not a PDF in files/ nor a web address; write e.g. komunitni-plan-2020-2024.pdf '
            "(lowercase, no spaces) or https://…",
            value,
        )
    return value


PriorityNumber = Annotated[
    str, AfterValidator(_priority_number), WithJsonSchema({"type": "string", "pattern": PRIORITY_NUMBER_RE.pattern})
]
MeasureNumber = Annotated[
    str, AfterValidator(_measure_number), WithJsonSchema({"type": "string", "pattern": MEASURE_NUMBER_RE.pattern})
]
Year = Annotated[int, BeforeValidator(_year), WithJsonSchema({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR})]
PdfFile = Annotated[
    str,
    AfterValidator(_pdf_file),
    WithJsonSchema({"type": "string", "pattern": f"(^https?://)|({FILE_RE.pattern})"}),
]
Amount = Annotated[Int, Field(ge=0)]


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
            raise PydanticCustomError("period", "start is after end; swap the years", None)
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
    document: Optional[PdfFile] = field("Schválený dokument jako PDF: soubor ve složce files/ nebo adresa https://…", default=None)
    summary: Optional[Text] = field("Jedna věta pro přehledy: co plán řeší", default=None)
    text: Optional[Markdown] = field("Vize a jak plán vznikal (Markdown)", default=None)
    evaluation: Optional[Markdown] = field("Vyhodnocení plánu (Markdown), u stavu evaluated", default=None)
    organisations: dict[Slug, PartnerOrganisation] = field(
        "Organizace, které nejsou poskytovateli v katalogu (město, úřad práce, škola): id → název; "
        "odpovědnost, partnerství a členství se uvádějí jen u organizací, nikdy u osob",
        default={},
    )
    funding_sources: dict[Slug, FundingSource] = field(
        "Zdroje financování, na které se opatření a akční plány odkazují: id → název", default={}
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


class Indicator(Record):
    name: Text = field("Co se měří, např. Počet klientů odlehčovací služby")
    unit: Optional[Text] = field("Jednotka, např. klientů, lůžek, hodin, %", default=None)
    baseline: Optional[Value] = field("Výchozí hodnota: {year: 2019, value: 40}", default=None)
    target: Optional[Value] = field("Cílová hodnota: {year: 2024, value: 60}", default=None)
    values: dict[YearKey, Float] = field("Naměřené hodnoty po letech: {2020: 42, 2021: 47}", default={})
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


# --- action plans -------------------------------------------------------------------


class FundingShare(Record):
    source: Slug = field("Zdroj (id z funding_sources plánu)")
    amount: Optional[Amount] = field("Částka v Kč (celé číslo)", default=None)


class ActionMeasure(Record):
    measure: MeasureNumber = field("Číslo opatření, např. 2.3")
    activities: Optional[Text] = field("Co se v tomto roce udělá", default=None)
    cost: Optional[Amount] = field("Náklady v tomto roce v Kč", default=None)
    funding: list[FundingShare] = field("Z čeho se to zaplatí", default=[])
    status: Optional[MeasureStatus] = field(
        "Stav na konci roku: planned, in_progress, done, dropped (vyplňuje se při vyhodnocení)", default=None
    )
    evaluation: Optional[Text] = field("Vyhodnocení za tento rok", default=None)


class NetworkService(Record):
    service: Slug = field("Služba (id)")
    capacity: Optional[Capacity] = field("Kapacita v tomto roce, liší-li se od katalogu", default=None)
    funding: list[FundingShare] = field("Financování služby v tomto roce", default=[])
    note: Optional[Text] = field("Poznámka, např. nová služba od 1. 7.", default=None)


class Network(Record):
    include: Literal["registered", "all", "listed"] = field(
        "Které služby tvoří síť: registered (registrované služby na území plánu z katalogu), "
        "all (i související aktivity), listed (jen služby v services)",
        default="registered",
    )
    add: list[Slug] = field("Služby navíc (id), např. služby mimo území, které jeho obyvatelům slouží", default=[])
    remove: list[Slug] = field("Služby, které do sítě nepatří (id)", default=[])
    services: list[NetworkService] = field(
        "Údaje o službách sítě v tomto roce: kapacita (liší-li se od katalogu) a financování", default=[]
    )


class ActionPlan(PlanPart):
    year: Year = field("Rok akčního plánu; smí být i rok před začátkem období plánu (přechodný rok)")
    title: Optional[Text] = field("Název; chybí-li, web napíše „Akční plán na rok …“", default=None)
    status: Literal["draft", "approved", "evaluated"] = field(
        "Stav: draft (návrh), approved (schválený), evaluated (vyhodnocený)"
    )
    approval: Optional[Approval] = field("Schválení akčního plánu", default=None)
    text: Optional[Markdown] = field("Úvod a shrnutí roku (Markdown)", default=None)
    measures: list[ActionMeasure] = field(
        "Opatření v tomto roce: co, za kolik, z čeho; opatření, jejichž roky plnění rok zahrnují, se doplní sama",
        default=[],
    )
    network: Network = field("Síť služeb v tomto roce (sestaví se z katalogu)", default=Network())
    evaluation: Optional[Markdown] = field("Vyhodnocení roku (Markdown)", default=None)


# --- working groups -------------------------------------------------------------------


class Meeting(Record):
    date: Date = field("Datum jednání (RRRR-MM-DD)")
    title: Optional[Text] = field("Téma jednání", default=None)
    place: Optional[Text] = field("Místo, např. Městský úřad Lysá nad Labem, zasedací místnost", default=None)
    minutes: Optional[Markdown] = field(
        "Zápis (Markdown): vznikne z něj stránka; uvádějte organizace, ne jména osob", default=None
    )
    minutes_pdf: Optional[PdfFile] = field("Zápis jako PDF: soubor ve složce files/ nebo adresa https://…", default=None)


class WorkingGroup(PlanPart):
    name: Text = field("Název pracovní skupiny, např. Senioři a lidé se zdravotním postižením")
    summary: Optional[Text] = field("Čím se skupina zabývá, jednou větou", default=None)
    target_groups: list[Slug] = field("Cílové skupiny, na které se skupina zaměřuje (slovník target-groups)", default=[])
    coordinator: Optional[Slug] = field("Organizace, která skupinu vede (id poskytovatele nebo organizace plánu)", default=None)
    members: list[Slug] = field(
        "Členské organizace (id poskytovatelů nebo organizací plánu); jména osob se nezveřejňují", default=[]
    )
    text: Optional[Markdown] = field("Jak skupina pracuje, jak se zapojit (Markdown)", default=None)
    meetings: list[Meeting] = field("Jednání skupiny", default=[])
    order: Int = field("Pořadí v přehledu", default=100)


# --- public comment periods -------------------------------------------------------------

OUTCOMES = ("accepted", "partly", "rejected", "noted")


class Comment(Record):
    received: Optional[Date] = field("Kdy připomínka přišla (RRRR-MM-DD)", default=None)
    organisation: Optional[Slug] = field(
        "Od koho, je-li to organizace (id poskytovatele nebo organizace plánu); chybí-li, od veřejnosti. "
        "Jména osob se nezveřejňují",
        default=None,
    )
    measures: list[MeasureNumber] = field("Kterých opatření se připomínka týká, např. [2.3]", default=[])
    text: Text = field("Připomínka (stručně, bez osobních údajů)")
    outcome: Literal["accepted", "partly", "rejected", "noted"] = field(
        "Jak byla vypořádána: accepted (akceptována), partly (částečně akceptována), "
        "rejected (neakceptována), noted (vzata na vědomí)"
    )
    response: Optional[Text] = field("Zdůvodnění vypořádání", default=None)
    changed: list[MeasureNumber] = field("Která opatření se kvůli připomínce změnila, např. [2.3]", default=[])


class CommentPeriod(PlanPart):
    title: Text = field("Název, např. Připomínkové řízení k návrhu plánu 2020–2024")
    opens: Date = field("První den, kdy lze připomínkovat (RRRR-MM-DD)")
    closes: Date = field("Poslední den, kdy lze připomínkovat (RRRR-MM-DD)")
    draft: Optional[PdfFile] = field("Návrh jako PDF: soubor ve složce files/ nebo adresa https://…", default=None)
    email: Optional[Email] = field("Kam posílat připomínky e-mailem; chybí-li, kontakt plánu", default=None)
    office: Optional[Text] = field(
        "Kde lze připomínky podat osobně nebo poštou, např. Městský úřad Lysá nad Labem, odbor sociálních věcí, "
        "Husovo nám. 23", default=None,
    )
    office_hours: Optional[Text] = field("Úřední hodiny podatelny", default=None)
    issue_form: Bool = field("Nabídnout formulář v repozitáři na GitHubu (je-li v site.yaml repository)", default=True)
    text: Optional[Markdown] = field("Jak připomínkovat, co s připomínkami bude (Markdown)", default=None)
    comments: list[Comment] = field("Tabulka vypořádání: připomínky a jak se s nimi naložilo (po skončení)", default=[])

    @model_validator(mode="after")
    def _ordered(self) -> "CommentPeriod":
        if self.opens > self.closes:
            raise PydanticCustomError("period", "opens is after closes; swap the dates", None)
        return self


# --- news ---------------------------------------------------------------------------------

NEWS_TOPICS = ("plan", "meeting", "comment_period", "service", "event")


class NewsMeta(Identified):
    title: Text = field("Nadpis zprávy")
    date: Date = field("Datum zprávy (RRRR-MM-DD); nejnovější jsou první")
    topic: Literal["plan", "meeting", "comment_period", "service", "event"] = field(
        "O čem: plan (plán), meeting (jednání), comment_period (připomínkování), service (nová služba), event (akce)",
        default="plan",
    )
    summary: Optional[Text] = field("Jedna věta pro přehled a kanál novinek", default=None)
    plan: Optional[Slug] = field("Plán, kterého se zpráva týká (id)", default=None)
    measures: list[MeasureNumber] = field("Opatření plánu, kterých se týká, např. [2.3] (s polem plan)", default=[])
    services: list[Slug] = field("Služby, kterých se týká (id)", default=[])
    updated: Optional[Date] = field("Kdy byla zpráva naposledy opravena (RRRR-MM-DD)", default=None)


class NewsItem(NewsMeta):
    body: SkipJsonSchema[str] = field("Text zprávy (Markdown)")


# kind of file → model; the folder of each is described in the module docstring.
PLAN_KINDS: dict[str, type[Identified]] = {
    "plans": Plan,
    "plan-priorities": Priority,
    "plan-measures": Measure,
    "plan-action-plans": ActionPlan,
    "plan-working-groups": WorkingGroup,
    "plan-comment-periods": CommentPeriod,
}
# kind → sub-folder of plans/ID/
PLAN_FOLDERS: dict[str, str] = {
    "plan-priorities": "priorities",
    "plan-measures": "measures",
    "plan-action-plans": "action-plans",
    "plan-working-groups": "working-groups",
    "plan-comment-periods": "comment-periods",
}

# Which fields name records outside the plan (checked like the catalogue's references, with
# did-you-mean): kind → (path of the field, what it names), as in ``references.REFERENCES``.
# Organisations, funding sources, measure numbers, working groups and files are the plan's
# own and are checked by ``validate.plans``.
PLAN_REFERENCES: dict[str, list[tuple[str, str]]] = {
    "plans": [("area[]", "locality")],
    "plan-priorities": [],
    "plan-measures": [
        ("target_groups[]", "target group"),
        ("service_types[]", "service type"),
        ("localities[]", "locality"),
        ("services[]", "service"),
    ],
    "plan-action-plans": [
        ("network.add[]", "service"),
        ("network.remove[]", "service"),
        ("network.services[].service", "service"),
        ("network.services[].capacity.unit", "capacity unit"),
    ],
    "plan-working-groups": [("target_groups[]", "target group")],
    "plan-comment-periods": [],
    "news": [("plan", "plan"), ("services[]", "service")],
}
