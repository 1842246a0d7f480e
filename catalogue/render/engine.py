"""Render planned pages: one page from its typed context, or many in forked worker processes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import jinja2

from ..index import Catalogue
from ..workers import available_cores, can_fork, forked_pool  # available_cores: the PDFs' workers too
from .context import Common
from .pages import page_context
from .plan import PagePlan
from .urls import absolute, linker

PARALLEL_FROM = 4000  # pages; below this, starting processes costs more than it saves
CHUNK = 400  # pages a worker renders at a time
_WORK: tuple[jinja2.Environment, Catalogue, list[PagePlan], Common] | None = None  # what forked workers render


def render_page(env: jinja2.Environment, cat: Catalogue, plan: PagePlan, common: Common) -> str:
    """Render one planned page from its typed context, read from the catalogue now."""
    return render_template(env, plan.template, plan.url, page_context(cat, plan), common, bool(plan.params.get("root_links")))


def render_template(
    env: jinja2.Environment, template: str, url: str, page: Mapping[str, Any], common: Common, root_links: bool = False
) -> str:
    """Render a template as the page at ``url`` (a planned page, or one an output step makes after its files).

    Links are made relative so the site works from any folder and from file://.
    The 404 page is the exception (``root_links``): a server shows it at any depth,
    so its links start at the site's root path.
    """
    base_url = common["site"].base_url
    context: dict[str, Any] = {**common, **page, "page_url": url, "canonical": absolute(base_url, url)}
    if root_links:
        root = urlsplit(base_url).path.rstrip("/")
        context["link"] = lambda target: f"{root}/{target.lstrip('/')}"
    else:
        context["link"] = linker(url)
    return env.get_template(template).render(context)


def render_pages(
    env: jinja2.Environment, cat: Catalogue, plans: list[PagePlan], common: Common, parallel: bool
) -> Iterator[tuple[PagePlan, bytes]]:
    """Render the pages, in plan order, as UTF-8; ``parallel`` allows worker processes when there are many."""
    render = render_parallel if parallel and len(plans) >= PARALLEL_FROM else render_serial
    yield from render(env, cat, plans, common)


def render_serial(env: jinja2.Environment, cat: Catalogue, plans: list[PagePlan], common: Common) -> Iterator[tuple[PagePlan, bytes]]:
    for plan in plans:
        yield plan, render_page(env, cat, plan, common).encode("utf-8")


def render_parallel(env: jinja2.Environment, cat: Catalogue, plans: list[PagePlan], common: Common) -> Iterator[tuple[PagePlan, bytes]]:
    """Render in forked worker processes (they share the catalogue without copying), results in plan order.

    Only for a whole build: the live preview renders a few pages, in a process with server threads.
    The workers send back each page encoded: bytes cross the pipe as they are, where a
    string would be encoded to pickle it, decoded and then encoded again for the file.
    """
    global _WORK
    workers = min(available_cores(), 8)
    if workers <= 1 or not can_fork():
        yield from render_serial(env, cat, plans, common)
        return
    chunks = [(start, min(start + CHUNK, len(plans))) for start in range(0, len(plans), CHUNK)]
    _WORK = (env, cat, plans, common)
    try:
        with forked_pool(workers) as pool:
            for (start, end), pages in zip(chunks, pool.imap(_render_chunk, chunks)):
                yield from zip(plans[start:end], pages)
    finally:
        _WORK = None


def _render_chunk(bounds: tuple[int, int]) -> list[bytes]:
    assert _WORK is not None
    env, cat, plans, common = _WORK
    return [render_page(env, cat, plan, common).encode("utf-8") for plan in plans[bounds[0] : bounds[1]]]
