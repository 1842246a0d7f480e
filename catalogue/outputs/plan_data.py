"""The community plans as open data: ``data/komunitni-plan.json`` and its JSON Schema beside it.

The export is made of the models below: the data is their dump and the schema is
generated from them (Draft 2020-12, every object closed), so the two cannot drift.
Organisations are named, never people; each measure carries the services that carry
it out (ids and addresses of their pages), and each action plan the year's network
of services as the catalogue and the action plan make it.

The schema's version is the contract: a new optional field raises the minor number,
a field removed, renamed or changed in meaning raises the major one.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..index import Catalogue
from ..model.plans import Indicator, Measure
from ..planning import PlanBundle, Planning, due_measures, network
from ..render import plan_views as pv
from ..render.urls import absolute, url_for

FOLDER = "data"
PLAN_JSON = f"{FOLDER}/komunitni-plan.json"
PLAN_SCHEMA = f"{FOLDER}/komunitni-plan.schema.json"
SCHEMA_VERSION = "1.0"


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ref(Out):
    id: str = Field(description="Identifikátor záznamu v katalogu")
    name: str = Field(description="Název")
    url: Optional[str] = Field(None, description="Stránka záznamu v katalogu, nebo web organizace")


class Years(Out):
    start: int
    end: int


class ApprovalOut(Out):
    body: str = Field(description="Kdo schválil")
    resolution: Optional[str] = Field(None, description="Číslo usnesení")
    date: dt.date


class Point(Out):
    year: int
    value: float


class IndicatorOut(Out):
    name: str
    unit: Optional[str] = None
    baseline: Optional[Point] = None
    target: Optional[Point] = None
    values: list[Point] = Field(description="Naměřené hodnoty po letech, od nejstarší")
    source: Optional[str] = None


class ActivityOut(Out):
    number: str = Field(description="Číslo aktivity, např. 2.3.1")
    title: str
    description: Optional[str] = None
    responsible: Optional[Ref] = None
    deadline: Optional[int] = None
    status: Optional[Literal["planned", "in_progress", "done", "dropped"]] = None


class MeasureOut(Out):
    id: str
    number: str = Field(description="Číslo opatření, např. 2.3; první číslo je priorita")
    url: str
    title: str
    summary: Optional[str] = None
    description: Optional[str] = Field(None, description="Popis (Markdown)")
    status: Literal["planned", "in_progress", "done", "dropped"]
    status_note: Optional[str] = None
    target_groups: list[Ref]
    service_types: list[Ref]
    localities: list[Ref] = Field(description="Prázdné: celé území plánu")
    services: list[Ref] = Field(description="Služby katalogu, které opatření naplňují")
    responsible: Ref = Field(description="Odpovědná organizace (nikdy osoba)")
    partners: list[Ref]
    working_group: Optional[str] = Field(None, description="Identifikátor pracovní skupiny")
    years: Years = Field(description="Roky plnění")
    cost: Optional[int] = Field(None, description="Odhad nákladů v měně země katalogu")
    cost_note: Optional[str] = None
    funding: list[str] = Field(description="Identifikátory zdrojů financování (funding_sources)")
    indicators: list[IndicatorOut]
    activities: list[ActivityOut]


class PriorityOut(Out):
    id: str
    number: str
    url: str
    title: str
    summary: Optional[str] = None
    text: Optional[str] = Field(None, description="Markdown")
    measures: list[str] = Field(description="Čísla opatření priority")


class ShareOut(Out):
    source: str = Field(description="Identifikátor zdroje financování")
    amount: Optional[int] = None


class YearMeasureOut(Out):
    measure: str = Field(description="Číslo opatření")
    activities: Optional[str] = None
    cost: Optional[int] = None
    funding: list[ShareOut]
    status: Optional[Literal["planned", "in_progress", "done", "dropped"]] = None
    evaluation: Optional[str] = None


class CapacityOut(Out):
    count: int
    unit: str = Field(description="Jednotka kapacity ze slovníku capacity-units")


class NetworkServiceOut(Out):
    service: Ref
    capacity: Optional[CapacityOut] = None
    capacity_from_catalogue: bool = Field(description="true: kapacita je dnešní údaj katalogu, ne údaj akčního plánu")
    funding: list[ShareOut]
    note: Optional[str] = None


class ActionPlanOut(Out):
    id: str
    year: int
    url: str
    title: Optional[str] = Field(None, description="Chybí: akční plán na rok year")
    status: Literal["draft", "approved", "evaluated"]
    approval: Optional[ApprovalOut] = None
    text: Optional[str] = None
    measures: list[YearMeasureOut] = Field(description="Opatření plněná v tomto roce")
    network: list[NetworkServiceOut] = Field(description="Síť služeb v tomto roce")
    evaluation: Optional[str] = None


class MeetingOut(Out):
    date: dt.date
    title: Optional[str] = None
    place: Optional[str] = None
    minutes_url: Optional[str] = None
    minutes_pdf: Optional[str] = None


class WorkingGroupOut(Out):
    id: str
    url: str
    name: str
    summary: Optional[str] = None
    target_groups: list[Ref]
    coordinator: Optional[Ref] = None
    members: list[Ref] = Field(description="Členské organizace (nikdy osoby)")
    meetings: list[MeetingOut]


class CommentOut(Out):
    number: int
    received: Optional[dt.date] = None
    organisation: Optional[Ref] = Field(None, description="Chybí: připomínka veřejnosti")
    measures: list[str]
    text: str
    outcome: Literal["accepted", "partly", "rejected", "noted"]
    response: Optional[str] = None
    changed: list[str] = Field(description="Čísla opatření změněných kvůli připomínce")


class CommentPeriodOut(Out):
    id: str
    url: str
    title: str
    opens: dt.date
    closes: dt.date
    draft: Optional[str] = None
    comments: list[CommentOut]


class FundingSourceOut(Out):
    id: str
    name: str
    description: Optional[str] = None


class PlanOut(Out):
    id: str
    url: str
    title: str
    short_title: Optional[str] = None
    period: Years
    status: Literal["draft", "comment", "approved", "evaluated"]
    area: list[Ref]
    approval: Optional[ApprovalOut] = None
    commissioner: Optional[Ref] = None
    document: Optional[str] = Field(None, description="Schválený dokument (PDF)")
    summary: Optional[str] = None
    text: Optional[str] = None
    evaluation: Optional[str] = None
    funding_sources: list[FundingSourceOut]
    priorities: list[PriorityOut]
    measures: list[MeasureOut]
    action_plans: list[ActionPlanOut]
    working_groups: list[WorkingGroupOut]
    comment_periods: list[CommentPeriodOut]


class PlansDocument(Out):
    """Komunitní plány sociálních služeb: priority, opatření, akční plány a jejich vazba na služby katalogu."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    schema_url: str = Field(alias="$schema", description="Adresa JSON Schematu tohoto souboru")
    version: str = Field(description="Verze schématu")
    catalogue: str = Field(description="Adresa katalogu")
    publisher: str
    plans: list[PlanOut]


class PlanExport:
    """The publishable catalogue and its plans, turned into the export's models."""

    def __init__(self, cat: Catalogue, planning: Planning) -> None:
        self.cat = cat
        self.planning = planning

    def url(self, site_url: str) -> str:
        return absolute(self.cat.site.base_url, site_url)

    def named(self, named: pv.Named, ident: str) -> Ref:
        url = named.url if named.url is None or named.url.startswith("http") else self.url(named.url)
        return Ref(id=ident, name=named.name, url=url)

    def terms(self, vocabulary: dict, ids: list[str], kind: str) -> list[Ref]:
        return [Ref(id=i, name=vocabulary[i].name, url=self.url(url_for(kind, i))) for i in ids if i in vocabulary]

    def localities(self, ids: list[str]) -> list[Ref]:
        return [Ref(id=i, name=self.cat.localities[i].name, url=self.url(url_for("localities", i))) for i in ids if i in self.cat.localities]

    def services(self, ids: list[str]) -> list[Ref]:
        return [Ref(id=i, name=self.cat.services[i].name, url=self.url(url_for("services", i))) for i in ids if i in self.cat.services]

    def organisation(self, bundle: PlanBundle, oid: str | None) -> Ref | None:
        return self.named(pv.organisation(self.cat, bundle, oid), oid) if oid else None

    def file(self, name: str | None) -> str | None:
        return self.url(pv.file_url(name)) if name and not name.startswith("http") else name

    def document(self) -> PlansDocument:
        return PlansDocument(
            schema_url=self.url("/" + PLAN_SCHEMA),
            version=SCHEMA_VERSION,
            catalogue=self.cat.site.base_url,
            publisher=self.cat.site.organisation.name,
            plans=[self.plan(b) for b in self.planning.sorted_plans],
        )

    def plan(self, bundle: PlanBundle) -> PlanOut:
        plan = bundle.plan
        return PlanOut(
            id=plan.id,
            url=self.url(pv.plan_url(plan.id)),
            title=plan.title,
            short_title=plan.short_title,
            period=Years(start=plan.period.start, end=plan.period.end),
            status=plan.status,
            area=self.localities(plan.area),
            approval=ApprovalOut(**plan.approval.model_dump()) if plan.approval else None,
            commissioner=self.organisation(bundle, plan.commissioner),
            document=self.file(plan.document),
            summary=plan.summary,
            text=plan.text,
            evaluation=plan.evaluation,
            funding_sources=[FundingSourceOut(id=k, name=v.name, description=v.description) for k, v in plan.funding_sources.items()],
            priorities=[
                PriorityOut(
                    id=p.id, number=p.number, url=self.url(pv.plan_url(plan.id, "priorities", p.id)), title=p.title,
                    summary=p.summary, text=p.text, measures=[m.number for m in bundle.measures_of(p)],
                )
                for p in bundle.sorted_priorities
            ],
            measures=[self.measure(bundle, m) for m in bundle.sorted_measures],
            action_plans=[self.action_plan(bundle, a) for a in bundle.sorted_action_plans],
            working_groups=[self.working_group(bundle, g) for g in bundle.sorted_working_groups],
            comment_periods=[self.comment_period(bundle, c) for c in bundle.sorted_comment_periods],
        )

    def measure(self, bundle: PlanBundle, m: Measure) -> MeasureOut:
        years = bundle.years(m)
        vocab = self.cat.vocab
        return MeasureOut(
            id=m.id,
            number=m.number,
            url=self.url(pv.plan_url(bundle.id, "measures", m.id)),
            title=m.title,
            summary=m.summary,
            description=m.description,
            status=m.status,
            status_note=m.status_note,
            target_groups=self.terms(vocab.target_groups, m.target_groups, "target-groups"),
            service_types=self.terms(vocab.service_types, m.service_types, "service-types"),
            localities=self.localities(m.localities),
            services=self.services(m.services),
            responsible=self.organisation(bundle, m.responsible),
            partners=[self.organisation(bundle, p) for p in m.partners],
            working_group=m.working_group,
            years=Years(start=years[0], end=years[-1]),
            cost=m.cost,
            cost_note=m.cost_note,
            funding=list(m.funding),
            indicators=[indicator(i) for i in m.indicators],
            activities=[
                ActivityOut(
                    number=f"{m.number}.{i + 1}", title=a.title, description=a.description,
                    responsible=self.organisation(bundle, a.responsible), deadline=a.deadline, status=a.status,
                )
                for i, a in enumerate(m.activities)
            ],
        )

    def action_plan(self, bundle: PlanBundle, action) -> ActionPlanOut:
        return ActionPlanOut(
            id=action.id,
            year=action.year,
            url=self.url(pv.plan_url(bundle.id, "action-plans", action.id)),
            title=action.title,
            status=action.status,
            approval=ApprovalOut(**action.approval.model_dump()) if action.approval else None,
            text=action.text,
            measures=[
                YearMeasureOut(
                    measure=due.measure.number,
                    activities=due.details.activities if due.details else None,
                    cost=due.details.cost if due.details else None,
                    funding=[ShareOut(source=f.source, amount=f.amount) for f in due.details.funding] if due.details else [],
                    status=due.details.status if due.details else None,
                    evaluation=due.details.evaluation if due.details else None,
                )
                for due in due_measures(bundle, action)
            ],
            network=[
                NetworkServiceOut(
                    service=self.services([e.service.id])[0],
                    capacity=CapacityOut(count=e.capacity.count, unit=e.capacity.unit) if e.capacity else None,
                    capacity_from_catalogue=e.capacity_from_catalogue,
                    funding=[ShareOut(source=f.source, amount=f.amount) for f in e.funding],
                    note=e.note,
                )
                for e in network(self.cat, bundle, action)
            ],
            evaluation=action.evaluation,
        )

    def working_group(self, bundle: PlanBundle, group) -> WorkingGroupOut:
        return WorkingGroupOut(
            id=group.id,
            url=self.url(pv.plan_url(bundle.id, "working-groups", group.id)),
            name=group.name,
            summary=group.summary,
            target_groups=self.terms(self.cat.vocab.target_groups, group.target_groups, "target-groups"),
            coordinator=self.organisation(bundle, group.coordinator),
            members=[self.organisation(bundle, m) for m in group.members],
            meetings=[
                MeetingOut(
                    date=mt.date, title=mt.title, place=mt.place,
                    minutes_url=self.url(pv.meeting_url(bundle.id, group.id, mt)) if (mt.minutes or "").strip() else None,
                    minutes_pdf=self.file(mt.minutes_pdf),
                )
                for mt in sorted(group.meetings, key=lambda mt: mt.date)
            ],
        )

    def comment_period(self, bundle: PlanBundle, period) -> CommentPeriodOut:
        return CommentPeriodOut(
            id=period.id,
            url=self.url(pv.plan_url(bundle.id, "comment-periods", period.id)),
            title=period.title,
            opens=period.opens,
            closes=period.closes,
            draft=self.file(period.draft),
            comments=[
                CommentOut(
                    number=i + 1, received=c.received, organisation=self.organisation(bundle, c.organisation),
                    measures=list(c.measures), text=c.text, outcome=c.outcome, response=c.response, changed=list(c.changed),
                )
                for i, c in enumerate(period.comments)
            ],
        )


def indicator(i: Indicator) -> IndicatorOut:
    return IndicatorOut(
        name=i.name,
        unit=i.unit,
        baseline=Point(year=i.baseline.year, value=i.baseline.value) if i.baseline else None,
        target=Point(year=i.target.year, value=i.target.value) if i.target else None,
        values=[Point(year=y, value=v) for y, v in i.series()],
        source=i.source,
    )


def plan_schema(schema_url: str) -> dict:
    """Return the JSON Schema (Draft 2020-12) of the export; ``schema_url`` is its ``$id``."""
    schema = PlansDocument.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_url, "title": "Komunitní plány", **schema}


def plan_files(cat: Catalogue, planning: Planning) -> dict[str, bytes]:
    """Return the export and its schema as site path → bytes (stable: sorted keys, no clock)."""
    export = PlanExport(cat, planning)
    data = export.document().model_dump(mode="json", by_alias=True, exclude_none=False)
    schema = plan_schema(export.url("/" + PLAN_SCHEMA))
    return {PLAN_JSON: _json(data), PLAN_SCHEMA: _json(schema, indent=2)}


def _json(data: object, indent: int | None = None) -> bytes:
    separators = (",", ": ") if indent else (",", ":")
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators) + "\n").encode("utf-8")
