"""Markdown → sanitised HTML: python-markdown renders, nh3 keeps only harmless tags."""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


logging.getLogger("MARKDOWN").setLevel(logging.WARNING)  # it logs every extension load at DEBUG
_converter = md.Markdown(extensions=["sane_lists", "tables"], output_format="html")


@lru_cache(maxsize=65536)
def _render(text: str) -> str:
    # One converter, reset between texts: building one per call costs more than converting.
    html = _converter.reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )


def render_markdown(text: str | None, shift_headings: int = 1) -> str:
    """Return safe HTML for Markdown; headings move down so a page keeps one h1."""
    if not text or not text.strip():
        return ""
    html = _render(text)
    if shift_headings:
        for level in (3, 2, 1):  # h1 → h2, h2 → h3, h3 → h4
            new = min(level + shift_headings, 4)
            html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    return html


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
