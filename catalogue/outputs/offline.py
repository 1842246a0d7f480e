"""The service worker (``/sw.js``): visited pages, the search once used and My list, offline and on a weak signal.

Written last, from ``sw.js`` beside this module, once every other file of the build
is in the tree: its version is a hash of the files it serves from its cache first
(everything but the pages, which it always asks the network for first, and the
files no page fetches: open data, PDFs, the CMS and the editors' report). Two builds
of the same content give the same worker byte for byte; a build that changes any of
those files gives another, and browsers replace their cache with it. The live
preview writes none: its pages must never come from a cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..index import Catalogue
from ..render.i18n import translations
from ..render.urls import url_for
from ..write import OutputTree

SOURCE = Path(__file__).with_name("sw.js")
URL = "sw.js"
NOT_CACHED_FIRST = ("data/", "tisk/", "admin/", "redakce/")  # fetched by no page's script or style
PRECACHED = (".css", ".js", ".svg")  # of static/ (not the vendored maps): small, and every page uses some


def write_service_worker(tree: OutputTree, cat: Catalogue) -> None:
    """Add ``/sw.js`` for the files now in ``tree``."""
    tree.add(URL, service_worker(tree, cat), "service worker")


def service_worker(tree: OutputTree, cat: Catalogue) -> str:
    """Return the worker's script with its configuration: version, what to cache on install, its offline page."""
    _ = translations(cat.site.language).gettext
    my_list = url_for("my-list").lstrip("/")
    config = {
        "version": version(tree.digests()),
        "precache": ["", my_list, *crisis_page(tree.paths()), *precached(tree.paths())],
        "language": cat.site.language,
        "my_list": my_list,
        "text": {
            "title": _("You are offline"),
            "text": _("This page has not been saved on this device. The pages you have visited and My list work without a connection."),
            "home": _("Home page"),
            "my_list": _("My list"),
        },
    }
    source = SOURCE.read_text(encoding="utf-8")
    return source.replace("const CONFIG = {};", f"const CONFIG = {json.dumps(config, ensure_ascii=False, sort_keys=True)};", 1)


def crisis_page(paths: list[str]) -> list[str]:
    """Return the crisis lines' page when the site has one: kept on install, so it opens offline too."""
    page = url_for("crisis-lines").lstrip("/")
    return [page] if page + "index.html" in paths else []


def cached_first(path: str) -> bool:
    """Return whether the worker serves a file from its cache before asking the network."""
    return not (path.endswith(".html") or path.startswith(NOT_CACHED_FIRST) or path == URL)


def version(digests: dict[str, str]) -> str:
    """Return a hash of every file the worker serves from its cache first, by path and content (its SHA-256, hex)."""
    digest = hashlib.sha256()
    for path in sorted(digests):
        if cached_first(path):
            digest.update(path.encode("utf-8") + b"\0" + bytes.fromhex(digests[path]))
    return digest.hexdigest()[:16]


def precached(paths: list[str]) -> list[str]:
    """Return the site's own scripts, styles and icons (``static/``, not the vendored maps)."""
    return sorted(p for p in paths if p.startswith("static/") and not p.startswith("static/vendor/") and p.endswith(PRECACHED))
