"""The community plans as open data: ``data/komunitni-plan.json`` and its JSON Schema (the format "plan").

Organisations are named, never people; each
measure carries the services that carry it out (ids and addresses of their pages),
and each action plan the year's network of services as the catalogue and the action
plan make it. A catalogue without plans publishes neither file.
"""

from __future__ import annotations


from ...index import Catalogue
from ...index.plans import PlanBundle, Planning, due_measures, network
from ...model.plans import Indicator, Measure
from ...render.community import parts as cp
from ...render.community import urls as cu
from ...render.urls import absolute, url_for
from .common import FOLDER, Export, compact_json, readable_json
from .plan_json import (
    ActionPlanOut, ActivityOut, ApprovalOut, CapacityOut, CommentOut, CommentPeriodOut, FundingSourceOut,
    IndicatorOut, MeasureOut, MeetingOut, NetworkServiceOut, PlanOut, PlansDocument, Point, PriorityOut, Ref,
    SCHEMA_VERSION, ShareOut, WorkingGroupOut, YearMeasureOut, Years, plan_schema,
)

PLAN_JSON = f"{FOLDER}/komunitni-plan.json"
PLAN_SCHEMA = f"{FOLDER}/komunitni-plan.schema.json"


class PlanExport:
    """The publishable catalogue and its plans, turned into the export's models."""

    def __init__(self, cat: Catalogue, planning: Planning) -> None:
        self.cat = cat
        self.planning = planning

    def url(self, site_url: str) -> str:
        return absolute(self.cat.site.base_url, site_url)

    def named(self, named: cp.Named, ident: str) -> Ref:
        url = named.url if named.url is None or named.url.startswith("http") else self.url(named.url)
        return Ref(id=ident, name=named.name, url=url)

    def terms(self, vocabulary: dict, ids: list[str], kind: str) -> list[Ref]:
        return [Ref(id=i, name=vocabulary[i].name, url=self.url(url_for(kind, i))) for i in ids if i in vocabulary]

    def localities(self, ids: list[str]) -> list[Ref]:
        return [Ref(id=i, name=self.cat.localities[i].name, url=self.url(url_for("localities", i))) for i in ids if i in self.cat.localities]

    def services(self, ids: list[str]) -> list[Ref]:
        return [Ref(id=i, name=self.cat.services[i].name, url=self.url(url_for("services", i))) for i in ids if i in self.cat.services]

    def organisation(self, bundle: PlanBundle, oid: str | None) -> Ref | None:
        return self.named(cp.organisation(self.cat, bundle, oid), oid) if oid else None

    def file(self, name: str | None) -> str | None:
        return self.url(cu.file_url(name)) if name and not name.startswith("http") else name

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
            url=self.url(cu.plan_url(plan.id)),
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
                    id=p.id, number=p.number, url=self.url(cu.plan_url(plan.id, "priorities", p.id)), title=p.title,
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
            url=self.url(cu.plan_url(bundle.id, "measures", m.id)),
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
            url=self.url(cu.plan_url(bundle.id, "action-plans", action.id)),
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
                    capacity=[CapacityOut(count=c.count, unit=c.unit, form=c.form) for c in e.capacity],
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
            url=self.url(cu.plan_url(bundle.id, "working-groups", group.id)),
            name=group.name,
            summary=group.summary,
            target_groups=self.terms(self.cat.vocab.target_groups, group.target_groups, "target-groups"),
            coordinator=self.organisation(bundle, group.coordinator),
            members=[self.organisation(bundle, m) for m in group.members],
            meetings=[
                MeetingOut(
                    date=mt.date, title=mt.title, place=mt.place,
                    minutes_url=self.url(cu.meeting_url(bundle.id, group.id, mt)) if (mt.minutes or "").strip() else None,
                    minutes_pdf=self.file(mt.minutes_pdf),
                )
                for mt in sorted(group.meetings, key=lambda mt: mt.date)
            ],
        )

    def comment_period(self, bundle: PlanBundle, period) -> CommentPeriodOut:
        return CommentPeriodOut(
            id=period.id,
            url=self.url(cu.plan_url(bundle.id, "comment-periods", period.id)),
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


def plan_files(ex: Export) -> dict[str, bytes]:
    """Return the export and its schema as site path → bytes; nothing when there is no plan."""
    if not ex.cat.planning.plans:
        return {}
    export = PlanExport(ex.cat, ex.cat.planning)
    data = export.document().model_dump(mode="json", by_alias=True)
    return {PLAN_JSON: compact_json(data), PLAN_SCHEMA: readable_json(plan_schema(ex.url(PLAN_SCHEMA)))}
