"""Plan and render every page of the citizens' site from the publishable catalogue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..index import Catalogue
from ..model.hours import WEEKDAYS, format_interval
from ..model.fields import phone_digits
from ..write import OutputTree
from .env import make_environment
from .urls import output_path, relative, url_for

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"


@dataclass(frozen=True)
class PagePlan:
    """One page: where it goes, how it is rendered, and which records it shows.

    ``depends`` lists record keys ("services/x", "providers/y", "vocabularies/…",
    "site") whose change must re-render the page; "*" means every change does
    (home page, A–Z index). The live preview re-renders only affected pages.
    """

    url: str
    template: str
    context: dict[str, Any]
    owner: str
    depends: frozenset[str] = frozenset({"*"})


def plan_pages(cat: Catalogue) -> list[PagePlan]:
    """Return every page to render, in a stable order."""
    plans = [PagePlan("/", "home.html", {}, "home page"), PagePlan("/404.html", "404.html", {}, "not-found page")]
    for service in cat.sorted_services:
        plans.append(PagePlan(url_for("services", service.id), "service.html", {"service": service}, f"service {service.id}"))
    for pid in sorted(cat.providers):
        plans.append(PagePlan(url_for("providers", pid), "provider.html", {"provider": cat.providers[pid]}, f"provider {pid}"))
    for lid in sorted(cat.localities):
        plans.append(PagePlan(url_for("localities", lid), "locality.html", {"locality": cat.localities[lid]}, f"locality {lid}"))
    for sid in sorted(cat.life_situations):
        plans.append(
            PagePlan(url_for("life-situations", sid), "life_situation.html", {"situation": cat.life_situations[sid]}, f"life situation {sid}")
        )
    for pid in sorted(cat.pages):
        plans.append(PagePlan(url_for("pages", pid), "page.html", {"page": cat.pages[pid]}, f"page {pid}"))
    return plans


def render_site(
    cat: Catalogue,
    out: OutputTree,
    theme: Path | None = None,
    generated: dt.date | None = None,
    print_files: dict[str, str] | None = None,
) -> None:
    """Render every planned page and copy static files into ``out``.

    ``print_files`` maps "catalogue" and life-situation ids to the URLs of their
    PDFs (``/tisk/…``) when the build prints; pages link them only then.
    """
    env = make_environment(cat.site.language, theme / "templates" if theme else None)
    common = {
        "cat": cat,
        "site": cat.site,
        "weekdays": WEEKDAYS,
        "format_interval": format_interval,
        "phone_digits": phone_digits,
        "url_for": url_for,
        "generated": generated,
        "print_files": print_files or {},
    }
    for plan in plan_pages(cat):
        html = render_page(env, plan, common)
        out.add(output_path(plan.url), html, plan.owner)
    copy_static(out, [STATIC_DIR, *([theme / "static"] if theme else [])])


def render_page(env: jinja2.Environment, plan: PagePlan, common: dict[str, Any]) -> str:
    """Render one page; links are made relative so the site works from any folder."""
    template = env.get_template(plan.template)
    context = {**common, **plan.context, "page_url": plan.url}
    context["link"] = lambda url: relative(plan.url, url)
    return template.render(context)


def copy_static(out: OutputTree, folders: list[Path]) -> None:
    """Copy static files; a theme's file of the same name replaces the built-in one."""
    chosen: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                chosen[path.relative_to(folder).as_posix()] = path
    for rel, path in sorted(chosen.items()):
        out.add(f"static/{rel}", path.read_bytes(), f"static file {rel}")
