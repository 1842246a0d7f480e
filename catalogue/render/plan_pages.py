"""The community plan's pages in the page plan: one per plan, priority, measure, action plan,
working group, meeting with minutes and comment period; the plans' index, the news and their feed.
"""

from __future__ import annotations

from collections.abc import Callable

from ..index import Catalogue
from ..planning import PlanBundle, Planning
from . import plan_views as pv
from .site import PagePlan


def plan_page_plans(
    cat: Catalogue, planning: Planning, gettext: Callable[[str], str], print_files: dict[str, str], common: frozenset[str]
) -> list[PagePlan]:
    """Return every page of the plans and the news, in a stable order (``common``: the keys every page shows)."""
    plans: list[PagePlan] = []
    if planning.plans:
        plans.append(PagePlan(pv.plans_url(), "plan/plans.html", {"view": pv.plans_index_view(planning)}, "index of plans", common | {"plans:*", "news:*"}))
    for bundle in planning.sorted_plans:
        plans.extend(bundle_pages(cat, planning, bundle, gettext, print_files, common | plan_keys(bundle)))
    if planning.news:
        news_keys = common | {"news:*", "plans:*"}
        plans.append(PagePlan(pv.news_url(), "plan/news_index.html", {"view": pv.news_index_view(planning)}, "index of news", news_keys))
        for item in planning.sorted_news:
            keys = news_keys | {f"services/{s}" for s in item.services}
            plans.append(PagePlan(pv.news_url(item.id), "plan/news.html", {"view": pv.news_view(cat, planning, item)}, f"news {item.id}", keys))
        plans.append(PagePlan(pv.feed_url(), "plan/atom.xml", {"view": pv.feed_view(planning)}, "news feed", news_keys))
    return plans


def plan_keys(bundle: PlanBundle) -> frozenset[str]:
    """Return the keys every page of a plan depends on: any of its records (``plan:ID``) and the news about it."""
    return frozenset({f"plans/{bundle.id}", f"plan:{bundle.id}", "news:*"})


def bundle_pages(
    cat: Catalogue, planning: Planning, bundle: PlanBundle, gettext: Callable[[str], str], print_files: dict[str, str], keys: frozenset[str]
) -> list[PagePlan]:
    """Return the pages of one plan."""
    pid = bundle.id
    out = [PagePlan(pv.plan_url(pid), "plan/plan.html", {"view": pv.plan_view(cat, planning, bundle, print_files)}, f"plan {pid}", keys)]
    for priority in bundle.sorted_priorities:
        out.append(PagePlan(
            pv.plan_url(pid, "priorities", priority.id), "plan/priority.html", {"view": pv.priority_view(cat, bundle, priority)},
            f"priority {pid}/{priority.id}", keys,
        ))
    for measure in bundle.sorted_measures:
        links = pv.comment_links(cat.site, bundle, measure_subject(gettext, bundle, measure), measure.number)
        view = pv.measure_view(cat, planning, bundle, measure, links)
        out.append(PagePlan(
            pv.plan_url(pid, "measures", measure.id), "plan/measure.html", {"view": view},
            f"measure {pid}/{measure.id}", keys | {f"services/{s}" for s in measure.services},
        ))
    for action in bundle.sorted_action_plans:
        out.append(PagePlan(
            pv.plan_url(pid, "action-plans", action.id), "plan/action_plan.html",
            {"view": pv.action_plan_view(cat, bundle, action, print_files)}, f"action plan {pid}/{action.id}", keys | {"all:services"},
        ))
    if bundle.working_groups:
        groups = pv.WorkingGroupsView(pv.plan_header(bundle), tuple(pv.group_item(bundle, g) for g in bundle.sorted_working_groups))
        out.append(PagePlan(pv.plan_url(pid, "working-groups"), "plan/working_groups.html", {"view": groups}, f"working groups {pid}", keys))
    for group in bundle.sorted_working_groups:
        out.append(PagePlan(
            pv.plan_url(pid, "working-groups", group.id), "plan/working_group.html", {"view": pv.working_group_view(cat, bundle, group)},
            f"working group {pid}/{group.id}", keys | {"all:providers"},
        ))
        for meeting in group.meetings:
            if (meeting.minutes or "").strip():
                out.append(PagePlan(
                    pv.meeting_url(pid, group.id, meeting), "plan/meeting.html", {"view": pv.meeting_view(bundle, group, meeting)},
                    f"minutes {pid}/{group.id}/{meeting.date.isoformat()}", keys,
                ))
    whole = gettext("Comment on %(plan)s") % {"plan": bundle.plan.title}
    plan_links = pv.comment_links(cat.site, bundle, whole)
    per_measure = tuple(
        pv.MeasureComment(
            m.number, m.title, pv.plan_url(pid, "measures", m.id), pv.comment_links(cat.site, bundle, measure_subject(gettext, bundle, m), m.number)
        )
        for m in bundle.sorted_measures
    )
    for period in bundle.sorted_comment_periods:
        out.append(PagePlan(
            pv.plan_url(pid, "comment-periods", period.id), "plan/comment_period.html",
            {"view": pv.comment_period_view(cat, bundle, period, plan_links, per_measure)}, f"comment period {pid}/{period.id}", keys | {"all:providers"},
        ))
    return out


def measure_subject(gettext: Callable[[str], str], bundle: PlanBundle, measure) -> str:
    """Return the subject of a comment on a measure, naming it so the planners know what it is about."""
    values = {"number": measure.number, "title": measure.title, "plan": bundle.plan.label}
    return gettext("Comment on measure %(number)s %(title)s – %(plan)s") % values
