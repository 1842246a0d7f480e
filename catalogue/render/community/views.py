"""The views of the plan's home, of a priority and of a measure."""

from __future__ import annotations

from dataclasses import dataclass

from ...index import Catalogue
from ...index.plans import PlanBundle, Planning, Progress, current_comment_period, due_measures, progress
from ...model.plans import Activity, Measure, Plan, Priority
from ...model.records import Service
from .items import ActionPlanItem, CommentLinks, GroupItem, NewsEntry, PeriodItem, PlanHeader, PriorityItem
from .items import action_plan_item, group_item, news_entry, period_item, plan_header, priority_item
from .parts import IndicatorView, Named, funding_names, indicator_view, localities, organisation, service_types, target_groups
from .urls import file_url, plan_url
from ..views import plain


@dataclass(frozen=True)
class PlanView:
    """The plan's home page."""

    header: PlanHeader
    plan: Plan
    commissioner: Named | None
    progress: Progress
    priorities: tuple[PriorityItem, ...]
    action_plans: tuple[ActionPlanItem, ...]
    working_groups: tuple[GroupItem, ...]
    comment_periods: tuple[PeriodItem, ...]
    current_period: PeriodItem | None
    document: str | None  # the approved plan as the editors gave it (a PDF); the printed booklet is in print_files
    news: tuple[NewsEntry, ...]
    funding_sources: tuple[tuple[str, str | None], ...]  # (name, description)


def plan_view(cat: Catalogue, planning: Planning, bundle: PlanBundle) -> PlanView:
    plan = bundle.plan
    current = current_comment_period(bundle)
    return PlanView(
        header=plan_header(bundle),
        plan=plan,
        commissioner=organisation(cat, bundle, plan.commissioner) if plan.commissioner else None,
        progress=progress(bundle.sorted_measures),
        priorities=tuple(priority_item(cat, bundle, p) for p in bundle.sorted_priorities),
        action_plans=tuple(action_plan_item(bundle, a) for a in bundle.sorted_action_plans),
        working_groups=tuple(group_item(bundle, g) for g in bundle.sorted_working_groups),
        comment_periods=tuple(period_item(bundle, c) for c in bundle.sorted_comment_periods),
        current_period=period_item(bundle, current) if current else None,
        document=file_url(plan.document) if plan.document else None,
        news=tuple(news_entry(n) for n in planning.news_of_plan(plan.id)[:5]),
        funding_sources=tuple((s.name, s.description) for s in plan.funding_sources.values()),
    )


@dataclass(frozen=True)
class PriorityView:
    header: PlanHeader
    priority: Priority
    item: PriorityItem


def priority_view(cat: Catalogue, bundle: PlanBundle, priority: Priority) -> PriorityView:
    return PriorityView(plan_header(bundle), priority, priority_item(cat, bundle, priority))


@dataclass(frozen=True)
class ActivityView:
    number: str
    title: str
    description: str | None
    responsible: Named | None
    deadline: int | None
    status: str | None


def activity_view(cat: Catalogue, bundle: PlanBundle, measure: Measure, i: int, activity: Activity) -> ActivityView:
    return ActivityView(
        number=f"{measure.number}.{i + 1}",
        title=activity.title,
        description=activity.description,
        responsible=organisation(cat, bundle, activity.responsible) if activity.responsible else None,
        deadline=activity.deadline,
        status=activity.status,
    )


@dataclass(frozen=True)
class YearOfMeasure:
    """What one year's action plan holds for a measure."""

    url: str
    year: int
    activities: str | None
    cost: int | None
    status: str | None
    evaluation: str | None


@dataclass(frozen=True)
class CommentOnMeasure:
    period_url: str
    number: int  # the comment's number in its settlement table
    text: str
    outcome: str
    response: str | None
    changed: bool  # whether the measure changed because of it


@dataclass(frozen=True)
class MeasureView:
    header: PlanHeader
    measure: Measure
    priority: Named | None
    responsible: Named
    partners: tuple[Named, ...]
    working_group: Named | None
    years: tuple[int, int]
    funding: tuple[str, ...]
    target_groups: tuple[Named, ...]
    service_types: tuple[Named, ...]
    localities: tuple[Named, ...]
    whole_area: bool  # no localities named: the measure concerns the plan's whole area
    services: tuple[Service, ...]
    indicators: tuple[IndicatorView, ...]
    activities: tuple[ActivityView, ...]
    years_in_action_plans: tuple[YearOfMeasure, ...]
    comments: tuple[CommentOnMeasure, ...]
    news: tuple[NewsEntry, ...]
    comment: CommentLinks
    description: str  # for search engines: the summary, or the start of the description


def measure_view(cat: Catalogue, planning: Planning, bundle: PlanBundle, measure: Measure, comment: CommentLinks) -> MeasureView:
    priority = bundle.priority_of(measure)
    group = bundle.working_groups.get(measure.working_group) if measure.working_group else None
    years = bundle.years(measure)
    return MeasureView(
        header=plan_header(bundle),
        measure=measure,
        priority=Named(priority.title, plan_url(bundle.id, "priorities", priority.id)) if priority else None,
        responsible=organisation(cat, bundle, measure.responsible),
        partners=tuple(organisation(cat, bundle, p) for p in measure.partners),
        working_group=Named(group.name, plan_url(bundle.id, "working-groups", group.id)) if group else None,
        years=(years[0], years[-1]),
        funding=funding_names(bundle, measure.funding),
        target_groups=target_groups(cat, measure.target_groups),
        service_types=service_types(cat, measure.service_types),
        localities=localities(cat, measure.localities),
        whole_area=not measure.localities,
        services=tuple(cat.services[s] for s in measure.services if s in cat.services),
        indicators=tuple(indicator_view(ind, f"ukazatel-{i + 1}") for i, ind in enumerate(measure.indicators)),
        activities=tuple(activity_view(cat, bundle, measure, i, a) for i, a in enumerate(measure.activities)),
        years_in_action_plans=years_of_measure(bundle, measure),
        comments=comments_on(bundle, measure),
        news=tuple(news_entry(n) for n in planning.news_of_plan(bundle.id) if measure.number in n.measures),
        comment=comment,
        description=measure.summary or plain(measure.description, 200) or measure.title,
    )


def years_of_measure(bundle: PlanBundle, measure: Measure) -> tuple[YearOfMeasure, ...]:
    out = []
    for action in bundle.sorted_action_plans:
        for due in due_measures(bundle, action):
            if due.measure.id == measure.id:
                d = due.details
                out.append(YearOfMeasure(
                    plan_url(bundle.id, "action-plans", action.id), action.year,
                    d.activities if d else None, d.cost if d else None, d.status if d else None, d.evaluation if d else None,
                ))
    return tuple(out)


def comments_on(bundle: PlanBundle, measure: Measure) -> tuple[CommentOnMeasure, ...]:
    out = []
    for period in bundle.sorted_comment_periods:
        for i, comment in enumerate(period.comments):
            if measure.number in comment.measures or measure.number in comment.changed:
                out.append(CommentOnMeasure(
                    plan_url(bundle.id, "comment-periods", period.id), i + 1, comment.text, comment.outcome,
                    comment.response, measure.number in comment.changed,
                ))
    return tuple(out)
