"""Typed contexts of the printed community plan and of each year's action plan; no IO, no PDF.

The booklets are laid out by the catalogue's print engine (:func:`.pdf.render_booklet`):
three documents — front matter with the contents, the chapters, and the back
matter ending in the filler page and the back cover — so the contents carry real
page numbers. What the pages show comes from the same prepared views as the web
pages (:mod:`catalogue.render.plan_views`), so print and web cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from ...index import Catalogue
from ...model.records import Site
from ...planning import PlanBundle, Planning
from ...render import plan_views as pv
from .contexts import Publisher, absolute, publisher
from .qr import qr_src

FOLDER = "tisk"
NO_LINKS = pv.CommentLinks(None, None, None)  # print offers no e-mail links


def plan_file(plan_id: str) -> str:
    return f"{FOLDER}/komunitni-plan-{plan_id}.pdf"


def action_plan_file(plan_id: str, action_id: str) -> str:
    return f"{FOLDER}/akcni-plan-{plan_id}-{action_id}.pdf"


def plan_print_paths(planning: Planning) -> dict[str, str]:
    """Return the site URLs of the plans' PDFs: "plan:ID" and "action-plan:ID:YEAR" → ``/tisk/….pdf``."""
    paths: dict[str, str] = {}
    for bundle in planning.sorted_plans:
        paths[f"plan:{bundle.id}"] = "/" + plan_file(bundle.id)
        for action in bundle.sorted_action_plans:
            paths[f"action-plan:{bundle.id}:{action.id}"] = "/" + action_plan_file(bundle.id, action.id)
    return paths


@dataclass(frozen=True)
class PriorityChapter:
    """A chapter of the printed plan: a priority, its measures as a table, then each measure in full."""

    anchor: str
    item: pv.PriorityItem
    text: str | None
    measures: tuple[tuple[str, pv.MeasureView], ...]  # (anchor, measure)


class PlanBookletContext(TypedDict):
    """What ``print/plan.html`` receives."""

    site: Site
    language: str
    view: pv.PlanView
    chapters: list[PriorityChapter]
    groups: list[pv.WorkingGroupView]
    periods: list[pv.CommentPeriodView]
    publisher: Publisher
    created: str | None
    url: str
    qr: str
    fonts_css: str
    part: str  # "front" | "body" | "back"


class ActionPlanBookletContext(TypedDict):
    """What ``print/action_plan.html`` receives."""

    site: Site
    language: str
    view: pv.ActionPlanView
    plan_title: str
    publisher: Publisher
    created: str | None
    url: str
    qr: str
    fonts_css: str
    part: str


def plan_booklet_context(cat: Catalogue, planning: Planning, bundle: PlanBundle, created: str | None, fonts_css: str) -> PlanBookletContext:
    """Return the context of one plan's booklet."""
    url = absolute(cat.site, pv.plan_url(bundle.id))
    chapters = [
        PriorityChapter(
            anchor=f"p-{priority.number}",
            item=pv.priority_item(cat, bundle, priority),
            text=priority.text,
            measures=tuple(
                (f"m-{m.number.replace('.', '-')}", pv.measure_view(cat, planning, bundle, m, NO_LINKS)) for m in bundle.measures_of(priority)
            ),
        )
        for priority in bundle.sorted_priorities
    ]
    return PlanBookletContext(
        site=cat.site,
        language=cat.site.language,
        view=pv.plan_view(cat, planning, bundle, {}),
        chapters=chapters,
        groups=[pv.working_group_view(cat, bundle, g) for g in bundle.sorted_working_groups],
        periods=[pv.comment_period_view(cat, bundle, c, NO_LINKS, ()) for c in bundle.sorted_comment_periods],
        publisher=publisher(cat.site),
        created=created,
        url=url,
        qr=qr_src(url),
        fonts_css=fonts_css,
        part="body",
    )


def action_plan_booklet_context(
    cat: Catalogue, bundle: PlanBundle, action_id: str, created: str | None, fonts_css: str
) -> ActionPlanBookletContext:
    """Return the context of one year's action plan booklet."""
    action = bundle.action_plans[action_id]
    url = absolute(cat.site, pv.plan_url(bundle.id, "action-plans", action.id))
    return ActionPlanBookletContext(
        site=cat.site,
        language=cat.site.language,
        view=pv.action_plan_view(cat, bundle, action, {}),
        plan_title=bundle.plan.title,
        publisher=publisher(cat.site),
        created=created,
        url=url,
        qr=qr_src(url),
        fonts_css=fonts_css,
        part="body",
    )
