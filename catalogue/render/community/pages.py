"""Typed contexts of the community plan's pages: each page gets one prepared view.

A page's ``ident`` names what it shows: the plan ("2020-2024"), a part of it
("2020-2024/2-3"), a meeting ("2020-2024/seniori/2019-03-12") or a news item; the
plans' index, the news index and the feed have none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypedDict

from ...index import Catalogue
from ...index.plans import PlanBundle
from ..i18n import translations
from .comments import CommentPeriodView, MeasureComment, comment_period_view
from .groups import MeetingView, WorkingGroupsView, WorkingGroupView, meeting_view, working_group_view
from .items import CommentLinks, comment_links, group_item, plan_header
from .news import FeedView, NewsIndexView, NewsView, PlansIndexView, feed_view, news_index_view, news_view, plans_index_view
from .urls import plan_url
from .views import MeasureView, PlanView, PriorityView, measure_view, plan_view, priority_view
from .years import ActionPlanView, action_plan_view


class Planned(Protocol):
    """What a page context needs of its page's plan (``render.plan.PagePlan``)."""

    url: str
    ident: str


class PlansIndexPage(TypedDict):
    view: PlansIndexView


class PlanPage(TypedDict):
    view: PlanView


class PriorityPage(TypedDict):
    view: PriorityView


class MeasurePage(TypedDict):
    view: MeasureView


class ActionPlanPage(TypedDict):
    view: ActionPlanView


class WorkingGroupsPage(TypedDict):
    view: WorkingGroupsView


class WorkingGroupPage(TypedDict):
    view: WorkingGroupView


class MeetingPage(TypedDict):
    view: MeetingView


class CommentPeriodPage(TypedDict):
    view: CommentPeriodView


class NewsIndexPage(TypedDict):
    view: NewsIndexView


class NewsPage(TypedDict):
    view: NewsView


class FeedPage(TypedDict):
    view: FeedView


def _part(cat: Catalogue, ident: str) -> tuple[PlanBundle, str]:
    plan, _, rest = ident.partition("/")
    return cat.planning.plans[plan], rest


def measure_subject(gettext: Callable[[str], str], bundle: PlanBundle, measure) -> str:
    """Return the subject of a comment on a measure, naming it so the planners know what it is about."""
    values = {"number": measure.number, "title": measure.title, "plan": bundle.plan.label}
    return gettext("Comment on measure %(number)s %(title)s – %(plan)s") % values


def measure_links(cat: Catalogue, bundle: PlanBundle, measure) -> CommentLinks:
    gettext = translations(cat.site.language).gettext
    return comment_links(cat.site, bundle, measure_subject(gettext, bundle, measure), measure.number)


def plans_index_page(cat: Catalogue, plan: Planned) -> PlansIndexPage:
    return PlansIndexPage(view=plans_index_view(cat.planning))


def plan_page(cat: Catalogue, plan: Planned) -> PlanPage:
    return PlanPage(view=plan_view(cat, cat.planning, cat.planning.plans[plan.ident]))


def priority_page(cat: Catalogue, plan: Planned) -> PriorityPage:
    bundle, ident = _part(cat, plan.ident)
    return PriorityPage(view=priority_view(cat, bundle, bundle.priorities[ident]))


def measure_page(cat: Catalogue, plan: Planned) -> MeasurePage:
    bundle, ident = _part(cat, plan.ident)
    measure = bundle.measures[ident]
    return MeasurePage(view=measure_view(cat, cat.planning, bundle, measure, measure_links(cat, bundle, measure)))


def action_plan_page(cat: Catalogue, plan: Planned) -> ActionPlanPage:
    bundle, ident = _part(cat, plan.ident)
    return ActionPlanPage(view=action_plan_view(cat, bundle, bundle.action_plans[ident]))


def working_groups_page(cat: Catalogue, plan: Planned) -> WorkingGroupsPage:
    bundle = cat.planning.plans[plan.ident]
    groups = tuple(group_item(bundle, g) for g in bundle.sorted_working_groups)
    return WorkingGroupsPage(view=WorkingGroupsView(plan_header(bundle), groups))


def working_group_page(cat: Catalogue, plan: Planned) -> WorkingGroupPage:
    bundle, ident = _part(cat, plan.ident)
    return WorkingGroupPage(view=working_group_view(cat, bundle, bundle.working_groups[ident]))


def meeting_page(cat: Catalogue, plan: Planned) -> MeetingPage:
    bundle, rest = _part(cat, plan.ident)
    group_id, _, day = rest.partition("/")
    group = bundle.working_groups[group_id]
    meeting = next(m for m in group.meetings if m.date.isoformat() == day)
    return MeetingPage(view=meeting_view(bundle, group, meeting))


def comment_period_page(cat: Catalogue, plan: Planned) -> CommentPeriodPage:
    bundle, ident = _part(cat, plan.ident)
    gettext = translations(cat.site.language).gettext
    whole = comment_links(cat.site, bundle, gettext("Comment on %(plan)s") % {"plan": bundle.plan.title})
    per_measure = tuple(
        MeasureComment(m.number, m.title, plan_url(bundle.id, "measures", m.id), measure_links(cat, bundle, m))
        for m in bundle.sorted_measures
    )
    return CommentPeriodPage(view=comment_period_view(cat, bundle, bundle.comment_periods[ident], whole, per_measure))


def news_index_page(cat: Catalogue, plan: Planned) -> NewsIndexPage:
    return NewsIndexPage(view=news_index_view(cat.planning))


def news_page(cat: Catalogue, plan: Planned) -> NewsPage:
    return NewsPage(view=news_view(cat, cat.planning, cat.planning.news[plan.ident]))


def feed_page(cat: Catalogue, plan: Planned) -> FeedPage:
    return FeedPage(view=feed_view(cat.planning))


#: template → the function that builds its page's context (merged into ``render.pages.PAGES``).
PAGES: dict[str, Callable[[Catalogue, Any], Mapping[str, Any]]] = {
    "plan/plans.html": plans_index_page,
    "plan/plan.html": plan_page,
    "plan/priority.html": priority_page,
    "plan/measure.html": measure_page,
    "plan/action_plan.html": action_plan_page,
    "plan/working_groups.html": working_groups_page,
    "plan/working_group.html": working_group_page,
    "plan/meeting.html": meeting_page,
    "plan/comment_period.html": comment_period_page,
    "plan/news_index.html": news_index_page,
    "plan/news.html": news_page,
    "plan/atom.xml": feed_page,
}
