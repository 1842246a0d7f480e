"""The page plan: every page of the citizens' site — its URL, template, the record it is about, what it depends on.

Planning reads only what decides which pages exist; what a page shows is read
when it is rendered (:mod:`.pages`), so the plan of a national catalogue is cheap
and the live preview plans again after every save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..index import Catalogue
from ..model.kinds import RECORD_KINDS
from .community import urls as cu
from .crisis import crisis_lines
from .depends import Depends
from .lists import LETTERS, facet_parts, is_long, letter_list
from .urls import url_for

UNLISTED = {"404.html", "redirect.html", "search.html", "service_ended.html", "my_list.html", "plan/atom.xml"}  # pages a search engine should not list


@dataclass(frozen=True)
class PagePlan:
    """One page: where it goes, how it is rendered, and which records it shows.

    ``depends`` lists record keys ("services/x", "providers/y", "vocabularies/…",
    "site") and group keys (see :class:`~.depends.Depends`) whose change must
    re-render the page; "*" means every change does (the home page, the sitemap).
    The live preview re-renders only affected pages. ``ident`` is the record or
    term the page is about; ``params`` what the plan itself decides (a redirect's
    target, the sitemap's entries).
    """

    url: str
    template: str
    owner: str
    depends: frozenset[str] = frozenset({"*"})
    ident: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    lastmod: dt.date | None = None  # when the record last changed, as far as the content says (its verification)


def plan_pages(cat: Catalogue) -> list[PagePlan]:
    """Return every page to render, in a stable order: indexes, records, facets, redirects, then sitemap and robots."""
    deps = Depends(cat)
    plans = [
        PagePlan("/", "home.html", "home page"),
        PagePlan("/404.html", "404.html", "not-found page", deps.common, params={"root_links": True}),
        PagePlan(url_for("search"), "search.html", "search page"),
        PagePlan(url_for("my-list"), "my_list.html", "my list page", deps.common),
        *([PagePlan(url_for("crisis-lines"), "crisis_lines.html", "crisis lines page", deps.common)] if crisis_lines(cat.site) else []),
        PagePlan(url_for("services"), "services.html", "index of services", deps.listing("services")),
        PagePlan(url_for("providers"), "providers.html", "index of providers", deps.listing("providers", "services")),
        PagePlan(url_for("localities"), "localities.html", "index of localities", deps.listing("localities", "services")),
        PagePlan(url_for("target-groups"), "target_groups.html", "index of target groups", deps.listing("services")),
        PagePlan(url_for("service-types"), "service_types.html", "index of service types", deps.listing("services")),
        PagePlan(
            url_for("life-situations"), "life_situations.html", "index of life situations",
            deps.listing("life-situations", "services"),
        ),
    ]
    for service in cat.sorted_services:
        plans.append(record_plan("services", service.id, "service", deps.service(service), service.verified))
    for sid in sorted(cat.ended):  # its address keeps working: the page says it ended and offers similar help
        plans.append(PagePlan(url_for("services", sid), "service_ended.html", f"ended service {sid}", deps.ended_service(sid), sid))
    for pid in sorted(cat.providers):
        plans.append(record_plan("providers", pid, "provider", deps.provider(pid), cat.providers[pid].verified))
    for lid in sorted(cat.localities):
        plans.append(record_plan("localities", lid, "locality", deps.locality(lid)))
    for sid in sorted(cat.life_situations):
        plans.append(record_plan("life-situations", sid, "life situation", list_keys(deps, "life-situations", sid)))
    for gid in sorted(cat.vocab.target_groups):
        plans.append(record_plan("target-groups", gid, "target group", list_keys(deps, "target-groups", gid)))
    for tid in sorted(cat.vocab.service_types):
        plans.append(record_plan("service-types", tid, "service type", list_keys(deps, "service-types", tid)))
    plans.extend(list_plans(cat, deps))
    for pid in sorted(cat.pages):
        plans.append(record_plan("pages", pid, "page", deps.page(pid)))
    plans.extend(community_plans(cat, deps))
    plans.extend(redirect_plans(cat, deps))
    listed = [(p.url, p.lastmod) for p in plans if p.template not in UNLISTED]
    listed.append((url_for("open-data"), None))  # rendered by the open-data output step, after its files
    plans.append(PagePlan("/sitemap.xml", "sitemap.xml", "sitemap", params={"entries": listed}))
    plans.append(PagePlan("/robots.txt", "robots.txt", "robots.txt", deps.common))
    return plans


def list_keys(deps: Depends, kind: str, ident: str) -> frozenset[str]:
    """Return the keys of a list of services and of its parts: a long list is split by places, named on its pages."""
    keys = {
        "life-situations": deps.life_situation, "target-groups": deps.target_group, "service-types": deps.service_type,
    }.get(kind)
    if keys is not None:
        return keys(ident) | {"all:localities"}
    return deps.listing("providers", "services") if kind == "providers" else deps.listing("services")


def list_plans(cat: Catalogue, deps: Depends) -> list[PagePlan]:
    """Return the pages of every split list: the facets' parts, then the letters of the A–Z indexes when long."""
    plans = []
    for facet, idents in (
        ("target-groups", sorted(cat.vocab.target_groups)), ("service-types", sorted(cat.vocab.service_types)),
        ("life-situations", sorted(cat.life_situations)),
    ):
        for ident in idents:
            base = url_for(facet, ident)
            keys = list_keys(deps, facet, ident)
            for part in facet_parts(cat, facet, ident):
                plans.append(PagePlan(base + part.path, "list_part.html", f"{facet} {ident} {part.path}", keys, ident, {"facet": facet, "part": part.path}))
    for what in ("services", "providers"):
        records, parts = letter_list(cat, what)
        if not is_long(records):
            continue
        base = f"{url_for(what)}{LETTERS}/"
        template = "list_part.html" if what == "services" else "providers_part.html"
        for part in parts:
            plans.append(PagePlan(base + part.path, template, f"index of {what} {part.path}", list_keys(deps, what, ""), params={"facet": what, "part": part.path}))
    return plans


def record_plan(kind: str, ident: str, what: str, depends: frozenset[str], lastmod: dt.date | None = None) -> PagePlan:
    """Return the plan of the page of one record or vocabulary term: template ``life_situation.html`` for "life situation"."""
    template = what.replace(" ", "_") + ".html"
    return PagePlan(url_for(kind, ident), template, f"{what} {ident}", depends, ident, lastmod=lastmod)


def community_plans(cat: Catalogue, deps: Depends) -> list[PagePlan]:
    """Return the pages of the community plans and the news: the plans' index, each plan and its parts, the news and their feed."""
    planning = cat.planning
    plans = [PagePlan(cu.plans_url(), "plan/plans.html", "index of plans", deps.plans_index())] if planning.plans else []
    for bundle in planning.sorted_plans:
        pid, keys = bundle.id, deps.plan(bundle.id)

        def part(kind: str, ident: str, what: str) -> PagePlan:
            return PagePlan(cu.plan_url(pid, kind, ident), f"plan/{what.replace(' ', '_')}.html", f"{what} {pid}/{ident}", keys, f"{pid}/{ident}")

        plans.append(PagePlan(cu.plan_url(pid), "plan/plan.html", f"plan {pid}", keys, pid))
        plans += [part("priorities", p.id, "priority") for p in bundle.sorted_priorities]
        plans += [part("measures", m.id, "measure") for m in bundle.sorted_measures]
        plans += [part("action-plans", a.id, "action plan") for a in bundle.sorted_action_plans]
        if bundle.working_groups:
            plans.append(PagePlan(cu.plan_url(pid, "working-groups"), "plan/working_groups.html", f"working groups {pid}", keys, pid))
        for group in bundle.sorted_working_groups:
            plans.append(part("working-groups", group.id, "working group"))
            for meeting in group.meetings:
                if (meeting.minutes or "").strip():
                    day = meeting.date.isoformat()
                    plans.append(PagePlan(cu.meeting_url(pid, group.id, meeting), "plan/meeting.html", f"minutes {pid}/{group.id}/{day}", keys, f"{pid}/{group.id}/{day}"))
        plans += [part("comment-periods", c.id, "comment period") for c in bundle.sorted_comment_periods]
    if planning.news:
        news = deps.plans_index()
        plans.append(PagePlan(cu.news_url(), "plan/news_index.html", "index of news", news))
        plans += [PagePlan(cu.news_url(n.id), "plan/news.html", f"news {n.id}", news, n.id, lastmod=n.updated or n.date) for n in planning.sorted_news]
        plans.append(PagePlan(cu.feed_url(), "plan/atom.xml", "news feed", news))
    return plans


def redirect_plans(cat: Catalogue, deps: Depends) -> list[PagePlan]:
    """Return a redirect page at the old URL of every renamed record (``former_ids``)."""
    plans = []
    for kind in (k for k in RECORD_KINDS if k.renamable and k.section):
        records = cat.records[kind.folder]
        for rid in sorted(records):
            record = records[rid]
            for former in record.former_ids:
                plans.append(
                    PagePlan(
                        url_for(kind.folder, former), "redirect.html", f"redirect {kind.key(former)} to {rid}",
                        deps.common | {kind.key(rid)},
                        params={"target": url_for(kind.folder, rid), "title": getattr(record, kind.title_field)},
                    )
                )
    return plans
