"""Readable Czech URLs whose last segment is the record's id; stable across builds."""

from __future__ import annotations

from collections.abc import Callable

from ..model.kinds import RECORD_KINDS, VOCABULARIES

#: kind of record or vocabulary ("services", "service-types") or page ("search") → its URL section.
SECTIONS = {
    **{kind.folder: kind.section for kind in RECORD_KINDS if kind.section},
    **{vocabulary.file: vocabulary.section for vocabulary in VOCABULARIES if vocabulary.section},
    "search": "hledat",
    "open-data": "otevrena-data",
    "my-list": "muj-seznam",
    "crisis-lines": "krizove-linky",
}


def url_for(kind: str, ident: str | None = None) -> str:
    """Return the site-relative URL of a record, or of a section's index without an id."""
    section = SECTIONS[kind]
    return f"/{section}/{ident}/" if ident else f"/{section}/"


def output_path(url: str) -> str:
    """Return the file that serves ``url``: folders get ``index.html``."""
    path = url.lstrip("/")
    return path + "index.html" if (not path or path.endswith("/")) else path


def relative(from_url: str, to_url: str) -> str:
    """Return a link from one page to another that works from any folder and from file://."""
    return (_up(from_url) + to_url.lstrip("/")) or "./"


def _up(from_url: str) -> str:
    """Return the ``../`` that lead from a page's folder to the site's root."""
    from_parts = from_url.strip("/").split("/") if from_url.strip("/") else []
    depth = len(from_parts) if from_url.endswith("/") else max(len(from_parts) - 1, 0)
    return "../" * depth


def linker(from_url: str) -> Callable[[str], str]:
    """Return ``relative`` from one page, its ``../`` prefix worked out once (a page makes hundreds of links)."""
    prefix = _up(from_url)

    def link(to_url: str) -> str:
        return (prefix + to_url.lstrip("/")) or "./"

    return link


def absolute(base_url: str, url: str) -> str:
    """Return the full address of a site URL (canonical links, sitemap, Open Graph)."""
    return base_url.rstrip("/") + "/" + url.lstrip("/")
