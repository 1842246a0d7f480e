"""Render the citizens' site from the publishable catalogue: plan the pages, render the chosen ones, copy static files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..index import Catalogue
from ..model.fields import phone_digits
from ..write import OutputTree
from .context import common_context
from .engine import render_pages
from .env import make_environment
from .maps import copy_map_packages, map_attributes
from .plan import PagePlan, plan_pages
from .static import TEXT_SCRIPT, copy_static, static_folders, static_roots, text_script
from .urls import output_path


def render_site(
    cat: Catalogue,
    out: OutputTree,
    theme: Path | None = None,
    generated: dt.date | None = None,
    print_files: dict[str, str] | None = None,
    only: Callable[[PagePlan], bool] | None = None,
    plans: list[PagePlan] | None = None,
    parallel: bool | None = None,
) -> None:
    """Render every planned page and copy static files into ``out``.

    ``print_files`` maps "catalogue" and life-situation ids to the URLs of their
    PDFs (``/tisk/…``) when the build prints; pages link them only then.
    ``only`` picks the pages to render (the live preview re-renders changed ones);
    everything else this function writes is always written. ``plans`` saves
    planning again when the caller has just planned the same catalogue. ``parallel``
    allows worker processes (default: only for a whole render).
    """
    env = make_environment(cat.site.language, theme / "templates" if theme else None)
    common = common_context(env, cat, generated, print_files or {})
    chosen = [plan for plan in (plans if plans is not None else plan_pages(cat)) if only is None or only(plan)]
    for plan, html in render_pages(env, cat, chosen, common, parallel=only is None if parallel is None else parallel):
        out.add(output_path(plan.url), html, plan.owner)
    add_static_files(out, theme, common)


def add_static_files(out: OutputTree, theme: Path | None, common: dict) -> None:
    """Add what ``build`` writes beside the pages: the static files, the scripts' texts, the map's packages."""
    copy_static(out, static_folders(theme), static_roots(theme))
    map_settings = map_attributes(common["map"]) if common["map"] is not None else None
    crisis = [
        {"digits": phone_digits(line.number), "name": line.name, "note": line.note or "", "number": line.number}
        for line in common["crisis_lines"]
    ]
    out.add(TEXT_SCRIPT, text_script(common["ui_text"], common["hours_text"], map_settings, crisis), "texts of the scripts")
    if common["map"] is not None:
        copy_map_packages(out)
