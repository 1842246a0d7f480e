"""Markdown → sanitised HTML: python-markdown renders, nh3 keeps only harmless tags.

Headings follow the page's outline. A text is rendered *under* a heading of the page
(a service's description sits under the h2 "What the service offers", a life
situation's advice right under the h1): the top-most heading level the text uses
becomes one below that, the others keep their distance to it, and no heading is
more than one level below the heading before it. So ``#``, ``##``, ``###`` in a
description become h3, h4, h5, and ``##`` then ``####`` become h3, h4.
"""

from __future__ import annotations

import hashlib
import logging
import re

import markdown as md
import nh3

from ..messages.commands import MARKDOWN_RENDERED
from ..messages.core import say
from ..messages.fields import TOO_DEEP as DEEP
from ..errors import CatalogueError
from ..model.fields import MARKDOWN_DEPTH, markdown_nesting

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
DEEPEST = 6  # HTML has no h7: deeper headings stay at h6
# After nh3 a heading tag has no attributes (none are allowed), and text never holds a raw "<".
_HEADING_RE = re.compile(r"<(/?)h([1-6])>")


logging.getLogger("MARKDOWN").setLevel(logging.WARNING)  # it logs every extension load at DEBUG
_converter = md.Markdown(extensions=["sane_lists", "tables"], output_format="html")


#: text → its sanitised HTML: each text is converted once per process (and its forked render
#: workers), whether pages, search or print ask for it; ``texts.prepare`` fills it ahead.
RENDERED: dict[str, str] = {}


def _render(text: str) -> str:
    html = RENDERED.get(text)
    if html is None:
        html = RENDERED[text] = convert(text)
    return html


def convert(text: str) -> str:
    """Return the sanitised HTML of a Markdown text, headings as written (uncached: see ``RENDERED``)."""
    depth, line = markdown_nesting(text)
    if depth > MARKDOWN_DEPTH:  # validation refuses such content; a theme may render other text as Markdown
        raise CatalogueError(say(MARKDOWN_RENDERED, reason=say(DEEP, depth=depth, line=line, limit=MARKDOWN_DEPTH)))
    # One converter, reset between texts: building one per call costs more than converting.
    html = _converter.reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )


def fit_headings(html: str, under: int) -> str:
    """Return sanitised ``html`` with its headings moved to sit below a heading of level ``under``.

    The top-most level used becomes ``under + 1``; each heading keeps its distance to
    it but goes at most one level deeper than the heading before it (the first one at
    most ``under + 1``), so the page's heading order has no gaps.
    """
    levels = [int(level) for closing, level in _HEADING_RE.findall(html) if not closing]
    if not levels:
        return html
    top = min(levels)
    previous = under
    current = under + 1

    def move(match: re.Match) -> str:
        nonlocal previous, current
        if not match.group(1):
            wanted = int(match.group(2)) - top + under + 1
            current = min(wanted, previous + 1, DEEPEST)
            previous = current
        return f"<{match.group(1)}h{current}>"

    return _HEADING_RE.sub(move, html)


def render_markdown(text: str | None, under: int | None = 1) -> str:
    """Return safe HTML for Markdown whose headings sit below a heading of level ``under``.

    The default suits text right below the page's h1; ``under=None`` keeps the levels
    as written (for text that is stripped of its tags anyway).
    """
    if not text or not text.strip():
        return ""
    html = _render(text)
    if under is not None and "<h" in html:
        html = fit_headings(html, under)
    return html


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
