"""Typed contexts of the printed community plan and of each year's action plan; no IO, no PDF.

The booklets are laid out by the catalogue's print engine (:func:`.pdf.render_booklet`):
three documents — front matter with the contents, the chapters, and the back
matter ending in the filler page and the back cover — so the contents carry real
page numbers. What the pages show comes from the same prepared views as the web
pages (:mod:`catalogue.render.community`), so print and web cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from ...index import Catalogue
from ...index.plans import PlanBundle, Planning
from ...model.records import Site
from ...render.community import comments, groups, items, urls, views, years
from ...render.urls import absolute
from .entries import Publisher, publisher
from .qr import qr_src

NO_LINKS = items.CommentLinks(None, None, None)  # print offers no e-mail links


def plan_documents(planning: Planning) -> dict[str, str]:
    """Return the names of the plans' PDFs: "plan:ID" and "action-plan:ID:YEAR" → ``komunitni-plan-ID.pdf``…

    The names are stable (links and QR codes keep working); the pages link them by these keys.
    """
    names: dict[str, str] = {}
    for bundle in planning.sorted_plans:
        names[f"plan:{bundle.id}"] = f"komunitni-plan-{bundle.id}.pdf"
        for action in bundle.sorted_action_plans:
            names[f"action-plan:{bundle.id}:{action.id}"] = f"akcni-plan-{bundle.id}-{action.id}.pdf"
    return names


def plan_booklets(env, cat: Catalogue, created: str | None, fonts_css: str) -> list[tuple[str, tuple[str, str, str]]]:
    """Return each plan's and action plan's key ("plan:ID", "action-plan:ID:YEAR") with its three documents' HTML."""
    out = []
    for bundle in cat.planning.sorted_plans:
        contexts = [(f"plan:{bundle.id}", "print/plan.html", plan_booklet_context(cat, cat.planning, bundle, created, fonts_css))]
        contexts += [
            (f"action-plan:{bundle.id}:{a.id}", "print/action_plan.html", action_plan_booklet_context(cat, bundle, a.id, created, fonts_css))
            for a in bundle.sorted_action_plans
        ]
        for key, name, context in contexts:
            template = env.get_template(name)
            out.append((key, tuple(template.render({**context, "part": part}) for part in ("front", "body", "back"))))
    return out


@dataclass(frozen=True)
class PriorityChapter:
    """A chapter of the printed plan: a priority, its measures as a table, then each measure in full."""

    anchor: str
    item: items.PriorityItem
    text: str | None
    measures: tuple[tuple[str, views.MeasureView], ...]  # (anchor, measure)


class PlanBookletContext(TypedDict):
    """What ``print/plan.html`` receives."""

    site: Site
    language: str
    view: views.PlanView
    chapters: list[PriorityChapter]
    groups: list[groups.WorkingGroupView]
    periods: list[comments.CommentPeriodView]
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
    view: years.ActionPlanView
    plan_title: str
    publisher: Publisher
    created: str | None
    url: str
    qr: str
    fonts_css: str
    part: str


def plan_booklet_context(cat: Catalogue, planning: Planning, bundle: PlanBundle, created: str | None, fonts_css: str) -> PlanBookletContext:
    """Return the context of one plan's booklet."""
    url = absolute(cat.site.base_url, urls.plan_url(bundle.id))
    chapters = [
        PriorityChapter(
            anchor=f"p-{priority.number}",
            item=items.priority_item(cat, bundle, priority),
            text=priority.text,
            measures=tuple(
                (f"m-{m.number.replace('.', '-')}", views.measure_view(cat, planning, bundle, m, NO_LINKS)) for m in bundle.measures_of(priority)
            ),
        )
        for priority in bundle.sorted_priorities
    ]
    return PlanBookletContext(
        site=cat.site,
        language=cat.site.language,
        view=views.plan_view(cat, planning, bundle),
        chapters=chapters,
        groups=[groups.working_group_view(cat, bundle, g) for g in bundle.sorted_working_groups],
        periods=[comments.comment_period_view(cat, bundle, c, NO_LINKS, ()) for c in bundle.sorted_comment_periods],
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
    url = absolute(cat.site.base_url, urls.plan_url(bundle.id, "action-plans", action.id))
    return ActionPlanBookletContext(
        site=cat.site,
        language=cat.site.language,
        view=years.action_plan_view(cat, bundle, action),
        plan_title=bundle.plan.title,
        publisher=publisher(cat.site),
        created=created,
        url=url,
        qr=qr_src(url),
        fonts_css=fonts_css,
        part="body",
    )
