"""The pages of one catalogue, rendered one at a time: on demand, or in the background in the order an editor needs them.

The preview keeps one :class:`Pages` per published catalogue. It plans once and makes
the Jinja environment and the shared page context (its service cards included) once,
so any single page renders in milliseconds: a request for a page not rendered yet is
answered by rendering it then, from the same contexts ``build`` uses
(:func:`~catalogue.render.engine.render_page`), which is why the two agree byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..clock import build_date
from ..index import Catalogue
from ..render.context import Common, common_context
from ..render.engine import render_page
from ..render.env import make_environment
from ..render.plan import PagePlan
from ..render.site import add_static_files
from ..render.urls import output_path
from ..write import OutputTree

#: Pages a search engine or a browser asks for by themselves, not an editor: rendered last.
LAST = frozenset({"sitemap.xml", "robots.txt", "redirect.html"})


class Pages:
    """Render the planned pages of one catalogue with one environment and one shared context."""

    def __init__(self, catalogue: Catalogue, planned: list[PagePlan], theme: Path | None) -> None:
        self.catalogue = catalogue
        self.planned = planned
        self.plans: dict[str, PagePlan] = {output_path(p.url): p for p in planned}
        self.theme = theme
        self.env = make_environment(catalogue.site.language, theme / "templates" if theme else None)
        self.common: Common = common_context(self.env, catalogue, build_date(), {})

    def render(self, path: str) -> bytes:
        """Return the page at output ``path`` as ``build`` writes it."""
        return render_page(self.env, self.catalogue, self.plans[path], self.common).encode("utf-8")

    def static(self) -> dict[str, bytes]:
        """Return the static files ``build`` copies beside the pages (the map's packages when there is a map)."""
        tree = OutputTree()
        add_static_files(tree, self.theme, self.common)
        return tree.files

    def likely(self, paths: Iterable[str]) -> list[str]:
        """Return those of ``paths`` an editor is likely to open next, in plan order: the home page, then the indexes."""
        return [path for path in self.plans if path in paths and path.count("/") <= 1 and self.plans[path].template not in LAST]

    def in_order(self, paths: set[str]) -> list[str]:
        """Return ``paths`` in plan order, the pages nobody asks for by hand last."""
        first = [path for path in self.plans if path in paths and self.plans[path].template not in LAST]
        return first + [path for path in self.plans if path in paths and self.plans[path].template in LAST]

