"""The plan's records in lists (measures, priorities, action plans, groups, comment periods, news), the page header, comment links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ...index import Catalogue
from ...index.plans import PlanBundle, Progress, current_comment_period, progress
from ...model.plan_parts import ActionPlan, CommentPeriod, NewsItem, WorkingGroup
from ...model.plans import Measure, Priority
from ...model.records import Site
from .parts import Named, organisation
from .urls import COMMENT_FORM, news_url, plan_url, plans_url


# --- the plan and its parts --------------------------------------------------------


@dataclass(frozen=True)
class MeasureItem:
    """A measure in a list: number, title, state, who and when."""

    url: str
    number: str
    title: str
    summary: str | None
    status: str
    responsible: Named
    years: tuple[int, int]


def measure_item(cat: Catalogue, bundle: PlanBundle, measure: Measure) -> MeasureItem:
    years = bundle.years(measure)
    return MeasureItem(
        url=plan_url(bundle.id, "measures", measure.id),
        number=measure.number,
        title=measure.title,
        summary=measure.summary,
        status=measure.status,
        responsible=organisation(cat, bundle, measure.responsible),
        years=(years[0], years[-1]),
    )


@dataclass(frozen=True)
class PriorityItem:
    url: str
    number: str
    title: str
    summary: str | None
    progress: Progress
    measures: tuple[MeasureItem, ...]


def priority_item(cat: Catalogue, bundle: PlanBundle, priority: Priority) -> PriorityItem:
    measures = bundle.measures_of(priority)
    return PriorityItem(
        url=plan_url(bundle.id, "priorities", priority.id),
        number=priority.number,
        title=priority.title,
        summary=priority.summary,
        progress=progress(measures),
        measures=tuple(measure_item(cat, bundle, m) for m in measures),
    )


@dataclass(frozen=True)
class PlanHeader:
    """What every page of a plan shows at the top and in its breadcrumbs."""

    id: str
    url: str
    title: str
    label: str
    status: str
    period: tuple[int, int]
    index: str  # the page of every plan, first of the breadcrumbs


def plan_header(bundle: PlanBundle) -> PlanHeader:
    plan = bundle.plan
    return PlanHeader(plan.id, plan_url(plan.id), plan.title, plan.label, plan.status, (plan.period.start, plan.period.end), plans_url())


@dataclass(frozen=True)
class CommentLinks:
    """How to send a comment while the plan is in comment: e-mail (subject prefilled) and the issue form."""

    email: str | None
    mailto: str | None
    issue: str | None


def comment_links(site: Site, bundle: PlanBundle, subject: str, measure: str = "") -> CommentLinks:
    """Return the links that start a comment on the plan (or on one measure), prefilled so the planners know what it is about.

    ``subject`` is translated by the caller: "Comment on the plan …" or "Comment on measure 2.3 …".
    """
    period = current_comment_period(bundle)
    if period is None:
        return CommentLinks(None, None, None)
    email = period.email or (bundle.plan.contact.email[0] if bundle.plan.contact.email else None)
    mailto = f"mailto:{email}?" + urlencode({"subject": subject}, quote_via=quote) if email else None
    issue = None
    repo = site.repository
    if period.issue_form and repo is not None and "github" in repo.url:
        query = {"template": COMMENT_FORM, "title": subject, "plan": bundle.plan.title, "measure": measure}
        issue = f"{repo.url.rstrip('/')}/issues/new?" + urlencode({k: v for k, v in query.items() if v}, quote_via=quote)
    return CommentLinks(email, mailto, issue)


@dataclass(frozen=True)
class NewsEntry:
    url: str
    title: str
    date: dt.date
    topic: str
    summary: str | None


def news_entry(item: NewsItem) -> NewsEntry:
    return NewsEntry(news_url(item.id), item.title, item.date, item.topic, item.summary)


@dataclass(frozen=True)
class PeriodItem:
    url: str
    title: str
    opens: dt.date
    closes: dt.date
    comments: int


def period_item(bundle: PlanBundle, period: CommentPeriod) -> PeriodItem:
    return PeriodItem(plan_url(bundle.id, "comment-periods", period.id), period.title, period.opens, period.closes, len(period.comments))


@dataclass(frozen=True)
class GroupItem:
    url: str
    name: str
    summary: str | None
    members: int
    meetings: int


def group_item(bundle: PlanBundle, group: WorkingGroup) -> GroupItem:
    return GroupItem(plan_url(bundle.id, "working-groups", group.id), group.name, group.summary, len(group.members), len(group.meetings))


@dataclass(frozen=True)
class ActionPlanItem:
    url: str
    year: int
    title: str | None  # None: the pages say "Action plan for YEAR"
    status: str


def action_plan_item(bundle: PlanBundle, action: ActionPlan) -> ActionPlanItem:
    return ActionPlanItem(plan_url(bundle.id, "action-plans", action.id), action.year, action.title, action.status)
