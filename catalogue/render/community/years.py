"""The view of one year's action plan: the measures due, the network of services, the money."""

from __future__ import annotations

from dataclasses import dataclass

from ...index import Catalogue
from ...index.plans import DueMeasure, NetworkEntry, PlanBundle, due_measures, funding_totals, network
from ...model.plan_parts import ActionPlan
from ...model.records import Capacity, Service
from ..views import capacity_unit
from .items import ActionPlanItem, MeasureItem, PlanHeader, action_plan_item, measure_item, plan_header
from .parts import Share, shares


# --- action plans ---------------------------------------------------------------------


@dataclass(frozen=True)
class DueRow:
    measure: MeasureItem
    activities: str | None
    cost: int | None
    funding: tuple[Share, ...]
    status: str | None
    evaluation: str | None


@dataclass(frozen=True)
class NetworkRow:
    service: Service
    type_name: str
    provider: str
    capacity: tuple[tuple[Capacity, str], ...]  # with the unit's word after the count: 12 klientů
    capacity_from_catalogue: bool
    funding: tuple[Share, ...]
    total: int | None
    note: str | None


@dataclass(frozen=True)
class ActionPlanView:
    header: PlanHeader
    action: ActionPlan
    due: tuple[DueRow, ...]
    due_cost: int
    network: tuple[NetworkRow, ...]
    network_total: int
    network_sources: tuple[tuple[str, int], ...]  # (source name, sum over the network)
    previous: ActionPlanItem | None
    next: ActionPlanItem | None


def due_row(cat: Catalogue, bundle: PlanBundle, due: DueMeasure) -> DueRow:
    d = due.details
    return DueRow(
        measure=measure_item(cat, bundle, due.measure),
        activities=d.activities if d else None,
        cost=d.cost if d else None,
        funding=shares(bundle, d.funding) if d else (),
        status=d.status if d else None,
        evaluation=d.evaluation if d else None,
    )


def network_row(cat: Catalogue, bundle: PlanBundle, entry: NetworkEntry) -> NetworkRow:
    service = entry.service
    stype = cat.vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    return NetworkRow(
        service=service,
        type_name=stype.name if stype else service.type,
        provider=provider.name if provider else service.provider,
        capacity=tuple((c, capacity_unit(cat, c)) for c in entry.capacity),
        capacity_from_catalogue=entry.capacity_from_catalogue,
        funding=shares(bundle, entry.funding),
        total=entry.total,
        note=entry.note,
    )


def action_plan_view(cat: Catalogue, bundle: PlanBundle, action: ActionPlan) -> ActionPlanView:
    due = [due_row(cat, bundle, d) for d in due_measures(bundle, action)]
    entries = network(cat, bundle, action)
    totals = funding_totals([share for e in entries for share in e.funding])
    sources = bundle.plan.funding_sources
    years = bundle.sorted_action_plans
    index = years.index(action)
    return ActionPlanView(
        header=plan_header(bundle),
        action=action,
        due=tuple(due),
        due_cost=sum(r.cost or 0 for r in due),
        network=tuple(network_row(cat, bundle, e) for e in entries),
        network_total=sum(totals.values()),
        network_sources=tuple((sources[s].name if s in sources else s, amount) for s, amount in totals.items()),
        previous=action_plan_item(bundle, years[index - 1]) if index > 0 else None,
        next=action_plan_item(bundle, years[index + 1]) if index + 1 < len(years) else None,
    )
