"""The community plan's other records: action plans, working groups, comment periods, news, PDFs.

The plan itself, its priorities and measures, and the field types are in :mod:`.plans`.
Field descriptions are Czech: they are what editors read in VS Code and the guide.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic.json_schema import SkipJsonSchema

from .fields import Bool, Date, Email, Int, Markdown, Slug, Text, field
from .plans import Amount, Approval, MeasureNumber, MeasureStatus, PdfRef, PlanPart, Year
from .records import Capacity, Identified, Record


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
    minutes_pdf: Optional[PdfRef] = field("Zápis jako PDF: soubor ve složce files/ nebo adresa https://…", default=None)


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
    draft: Optional[PdfRef] = field("Návrh jako PDF: soubor ve složce files/ nebo adresa https://…", default=None)
    email: Optional[Email] = field("Kam posílat připomínky e-mailem; chybí-li, kontakt plánu", default=None)
    office: Optional[Text] = field(
        "Kde lze připomínky podat osobně nebo poštou, např. Městský úřad Lysá nad Labem, odbor sociálních věcí, "
        "Husovo nám. 23", default=None,
    )
    office_hours: Optional[Text] = field("Úřední hodiny podatelny", default=None)
    issue_form: Bool = field("Nabídnout formulář v repozitáři na GitHubu (je-li v site.yaml repository)", default=True)
    text: Optional[Markdown] = field("Jak připomínkovat, co s připomínkami bude (Markdown)", default=None)
    comments: list[Comment] = field("Tabulka vypořádání: připomínky a jak se s nimi naložilo (po skončení)", default=[])



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


# The folders of plans/ID/ that hold the plan's parts, each a kind of record of its own (model.kinds).
PLAN_PARTS = ("priorities", "measures", "action-plans", "working-groups", "comment-periods")


class PdfFile(Identified):
    """A PDF of ``files/``, published as it is; the loader has checked that it is one."""

    data: SkipJsonSchema[bytes] = field("Obsah souboru")


# Fields that name what only a plan knows, checked by ``validate.plans`` and offered as choices by the
# editors' schemas and the CMS: kind → (path of the field, what it names), as in ``RecordKind.references``.
PLAN_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (("commissioner", "organisation"), ("document", "file")),
    "plan-measures": (
        ("responsible", "organisation"), ("partners[]", "organisation"), ("activities[].responsible", "organisation"),
        ("funding[]", "funding source"), ("working_group", "working group"),
    ),
    "plan-action-plans": (
        ("measures[].measure", "measure"), ("measures[].funding[].source", "funding source"),
        ("network.services[].funding[].source", "funding source"),
    ),
    "plan-working-groups": (("coordinator", "organisation"), ("members[]", "organisation"), ("meetings[].minutes_pdf", "file")),
    "plan-comment-periods": (
        ("comments[].organisation", "organisation"), ("comments[].measures[]", "measure"), ("comments[].changed[]", "measure"),
        ("draft", "file"),
    ),
    "news": (("measures[]", "measure"),),
}
