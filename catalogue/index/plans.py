"""The linked community plans: each plan with its parts, and the lookups pages, print and exports need.

Built from the catalogue's records on first use (``Catalogue.planning``):
measures by number, by priority, by service, by target group and by service type;
the measures due in a year; the year's network of services, read from the
catalogue (which services, their capacity) with the action plan's funding.
Pure functions of validated records, no IO.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..model.plan_parts import ActionMeasure, ActionPlan, CommentPeriod, FundingShare, NewsItem, PdfFile, WorkingGroup
from ..model.plans import MEASURE_STATUSES, Indicator, Measure, Plan, Priority, number_key
from ..model.records import Capacity, Service

#: kind of record → the attribute of :class:`PlanBundle` that holds it
PARTS = {
    "plan-priorities": "priorities",
    "plan-measures": "measures",
    "plan-action-plans": "action_plans",
    "plan-working-groups": "working_groups",
    "plan-comment-periods": "comment_periods",
}


def first_by(records: list, key: Callable) -> dict:
    """Return key → the first record with it (two records an editor numbered alike: the first wins, the check reports the other)."""
    out: dict = {}
    for record in records:
        out.setdefault(key(record), record)
    return out


@dataclass
class PlanBundle:
    """One plan and the records of its folder, each dict by id."""

    plan: Plan
    priorities: dict[str, Priority] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    action_plans: dict[str, ActionPlan] = field(default_factory=dict)
    working_groups: dict[str, WorkingGroup] = field(default_factory=dict)
    comment_periods: dict[str, CommentPeriod] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.plan.id

    @cached_property
    def sorted_priorities(self) -> list[Priority]:
        return sorted(self.priorities.values(), key=lambda p: (number_key(p.number), p.id))

    @cached_property
    def sorted_measures(self) -> list[Measure]:
        return sorted(self.measures.values(), key=lambda m: (number_key(m.number), m.id))

    @cached_property
    def measure_by_number(self) -> dict[str, Measure]:
        """Return number → measure (the first by id when an editor gave two the same number)."""
        return first_by(self.sorted_measures, lambda m: m.number)

    @cached_property
    def priority_by_number(self) -> dict[str, Priority]:
        return first_by(self.sorted_priorities, lambda p: p.number)

    def measures_of(self, priority: Priority) -> list[Measure]:
        """Return the measures numbered under ``priority`` (2.1, 2.2… under 2)."""
        return [m for m in self.sorted_measures if m.priority_number == priority.number]

    def priority_of(self, measure: Measure) -> Priority | None:
        return self.priority_by_number.get(measure.priority_number)

    @cached_property
    def sorted_action_plans(self) -> list[ActionPlan]:
        return sorted(self.action_plans.values(), key=lambda a: (a.year, a.id))

    @cached_property
    def action_plan_by_year(self) -> dict[int, ActionPlan]:
        return first_by(self.sorted_action_plans, lambda a: a.year)

    @cached_property
    def sorted_working_groups(self) -> list[WorkingGroup]:
        return sorted(self.working_groups.values(), key=lambda g: (g.order, g.name, g.id))

    @cached_property
    def sorted_comment_periods(self) -> list[CommentPeriod]:
        return sorted(self.comment_periods.values(), key=lambda c: (c.opens, c.id))

    def years(self, measure: Measure) -> list[int]:
        """Return the years a measure is carried out: its timeline, else the plan's whole period."""
        return (measure.timeline or self.plan.period).years()

    def organisation_name(self, oid: str, providers: dict) -> str | None:
        """Return the name of a provider or of one of the plan's own organisations."""
        if oid in providers:
            return providers[oid].name
        own = self.plan.organisations.get(oid)
        return own.name if own else None


@dataclass
class Planning:
    """Every plan and news item, with the lookups across them."""

    plans: dict[str, PlanBundle] = field(default_factory=dict)
    news: dict[str, NewsItem] = field(default_factory=dict)
    pdfs: dict[str, PdfFile] = field(default_factory=dict)  # file name in files/ ("zapis.pdf") → the file

    @classmethod
    def of(cls, records: dict[str, dict]) -> Planning:
        """Return the plans with their parts, the news and the PDFs of a catalogue's records (by folder)."""
        planning = cls(
            plans={pid: PlanBundle(plan) for pid, plan in records.get("plans", {}).items()},
            news=dict(records.get("news", {})),
            pdfs={f"{f.id}.pdf": f for f in records.get("files", {}).values()},
        )
        for kind, attribute in PARTS.items():
            for record in records.get(kind, {}).values():
                bundle = planning.plans.get(record.plan)
                if bundle is not None:
                    getattr(bundle, attribute)[record.id] = record
        return planning

    @cached_property
    def sorted_plans(self) -> list[PlanBundle]:
        """Return the plans, the newest period first."""
        return sorted(self.plans.values(), key=lambda b: (-b.plan.period.start, b.id))

    @cached_property
    def sorted_news(self) -> list[NewsItem]:
        """Return the news, newest first."""
        return sorted(self.news.values(), key=lambda n: (n.date, n.id), reverse=True)

    @cached_property
    def measures_by_service(self) -> dict[str, list[tuple[PlanBundle, Measure]]]:
        """Return service id → the measures that name it, newest plan first, by number."""
        return self._group(lambda m: m.services)

    @cached_property
    def measures_by_target_group(self) -> dict[str, list[tuple[PlanBundle, Measure]]]:
        return self._group(lambda m: m.target_groups)

    @cached_property
    def measures_by_type(self) -> dict[str, list[tuple[PlanBundle, Measure]]]:
        return self._group(lambda m: m.service_types)

    def _group(self, keys) -> dict[str, list[tuple[PlanBundle, Measure]]]:
        out: dict[str, list[tuple[PlanBundle, Measure]]] = defaultdict(list)
        for bundle in self.sorted_plans:
            for measure in bundle.sorted_measures:
                for key in dict.fromkeys(keys(measure)):
                    out[key].append((bundle, measure))
        return dict(out)

    def news_of_plan(self, plan_id: str) -> list[NewsItem]:
        return [n for n in self.sorted_news if n.plan == plan_id]


# --- progress ----------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """How many measures stand in each state; ``done`` of ``counted`` (dropped measures do not count)."""

    planned: int = 0
    in_progress: int = 0
    done: int = 0
    dropped: int = 0

    @property
    def counted(self) -> int:
        return self.planned + self.in_progress + self.done

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.counted) if self.counted else 0


def progress(measures: list[Measure]) -> Progress:
    """Return the states of ``measures``."""
    counts = dict.fromkeys(MEASURE_STATUSES, 0)
    for measure in measures:
        counts[measure.status] += 1
    return Progress(**counts)


def indicator_progress(indicator: Indicator) -> int | None:
    """Return how far the newest value has come from the baseline to the target, in percent (0–100), if known."""
    if indicator.target is None or not indicator.values:
        return None
    start = indicator.baseline.value if indicator.baseline else 0.0
    latest = indicator.series()[-1][1]
    span = indicator.target.value - start
    if span == 0:
        return 100 if latest == indicator.target.value else 0
    return max(0, min(100, round(100 * (latest - start) / span)))


# --- action plans --------------------------------------------------------------------


@dataclass(frozen=True)
class DueMeasure:
    """A measure in a year's action plan: the measure, and what the action plan says of that year (if anything)."""

    measure: Measure
    details: ActionMeasure | None


def due_measures(bundle: PlanBundle, action_plan: ActionPlan) -> list[DueMeasure]:
    """Return the measures of the year: those whose years include it, and those the action plan lists."""
    listed = {m.measure: m for m in action_plan.measures}
    out = []
    for measure in bundle.sorted_measures:
        if measure.number in listed or (action_plan.year in bundle.years(measure) and measure.status != "dropped"):
            out.append(DueMeasure(measure, listed.get(measure.number)))
    return out


@dataclass(frozen=True)
class NetworkEntry:
    """One service of the year's network: from the catalogue, with the year's capacity and funding."""

    service: Service
    capacity: tuple[Capacity, ...]  # the year's own figure, or the catalogue's, one per form
    capacity_from_catalogue: bool
    funding: tuple[FundingShare, ...]
    note: str | None

    @property
    def total(self) -> int | None:
        amounts = [share.amount for share in self.funding if share.amount is not None]
        return sum(amounts) if amounts else None


def overlaps(cat, first: str, second: str) -> bool:
    """Return whether two localities are the same or one lies within the other."""
    return first == second or second in cat.ancestors(first) or first in cat.ancestors(second)


def in_area(cat, service: Service, area: list[str]) -> bool:
    """Return whether a service works in the plan's area: a place of it lies in the area, or the area in it."""
    places = {*cat.service_area(service), *(l.locality for l in service.locations)}
    return any(overlaps(cat, place, lid) for place in places for lid in area)


def network(cat, bundle: PlanBundle, action_plan: ActionPlan) -> list[NetworkEntry]:
    """Return the year's network of services in catalogue order.

    Which services: the rule (``include``) applied to the catalogue, plus ``add``,
    minus ``remove``; their capacity is the catalogue's unless the action plan gives
    the year's own. The action plan adds only what the catalogue does not know: funding.
    """
    rule = action_plan.network
    details = {s.service: s for s in rule.services}
    chosen: set[str] = set()
    if rule.include != "listed":
        for service in cat.services.values():
            if (rule.include == "all" or service.kind == "registered") and in_area(cat, service, bundle.plan.area):
                chosen.add(service.id)
    chosen |= {sid for sid in rule.add if sid in cat.services}
    if rule.include == "listed":
        chosen |= {sid for sid in details if sid in cat.services}
    chosen -= set(rule.remove)
    out = []
    for service in cat.sorted_services:
        if service.id not in chosen:
            continue
        own = details.get(service.id)
        capacity = (own.capacity,) if own and own.capacity else tuple(service.capacity)
        out.append(
            NetworkEntry(
                service=service,
                capacity=capacity,
                capacity_from_catalogue=not (own and own.capacity),
                funding=tuple(own.funding) if own else (),
                note=own.note if own else None,
            )
        )
    return out


def funding_totals(shares: list[FundingShare]) -> dict[str, int]:
    """Return funding source id → the sum of its amounts, sources in the order first named."""
    out: dict[str, int] = {}
    for share in shares:
        out[share.source] = out.get(share.source, 0) + (share.amount or 0)
    return out


def current_comment_period(bundle: PlanBundle) -> CommentPeriod | None:
    """Return the comment period a plan "in comment" is in: its latest (the content says so, not the clock)."""
    if bundle.plan.status != "comment" or not bundle.comment_periods:
        return None
    return bundle.sorted_comment_periods[-1]


def plan_choices(planning: Planning, providers: dict, plans: list[PlanBundle] | None = None) -> dict[str, list[str]]:
    """Return what a field of ``model.plan_parts.PLAN_REFERENCES`` may name, in ``plans`` (default: every plan)."""
    chosen = planning.sorted_plans if plans is None else plans
    return {
        "organisation": sorted({*providers, *(o for b in chosen for o in b.plan.organisations)}),
        "funding source": sorted({s for b in chosen for s in b.plan.funding_sources}),
        "working group": sorted({g for b in chosen for g in b.working_groups}),
        "measure": sorted({m.number for b in chosen for m in b.sorted_measures}, key=number_key),
        "file": sorted(planning.pdfs),
    }
