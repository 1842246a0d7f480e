"""Serve the preview's snapshot from memory, as a static host would serve the built folder."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
from urllib.parse import quote, unquote

from ..render.urls import output_path, url_for
from ..search.browser import SEARCH_FOLDER
from .overlay import inject, placeholder_page
from .preview import Preview, Snapshot
from .searching import searching

StartResponse = Callable[[str, list[tuple[str, str]]], object]
_TYPES = {".html": "text/html; charset=utf-8", ".yml": "text/yaml; charset=utf-8", ".yaml": "text/yaml; charset=utf-8",
          ".json": "application/json", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json"}

SEARCH_PAGE = output_path(url_for("search"))
SEARCH_INDEX = f"{SEARCH_FOLDER}/index.json"  # the first file the search page loads: once it is served, so is the index


class PreviewApp:
    """A WSGI application over :attr:`Preview.snapshot`; it never touches the disk."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return _respond(start_response, "405 Method Not Allowed", b"", "text/plain", [("Allow", "GET, HEAD")])
        snapshot = self.preview.snapshot  # one consistent site, even while a rebuild runs
        path = unquote(environ.get("PATH_INFO", "/")).lstrip("/")
        if ".." in path.split("/"):
            return _respond(start_response, "404 Not Found", b"not found", "text/plain")
        status, name = "200 OK", _resolve(path, snapshot)
        if name is None and path and not path.endswith("/") and snapshot.has(f"{path}/index.html"):
            location = "/" + quote(path) + "/"
            return _respond(start_response, "301 Moved Permanently", b"", "text/plain", [("Location", location)])
        if name is None:
            status, name = "404 Not Found", "404.html"
        body, errors = snapshot.files.get(name), snapshot.errors
        if body is None and name in snapshot.pending:  # not rendered yet: render it now, from the same contexts
            body = self.preview.page(snapshot, name)
            errors = self.preview.snapshot.errors  # a page that fails to render shows its error
        if body is None:
            if snapshot.files or not snapshot.errors:
                return _respond(start_response, status, b"not found", "text/plain; charset=utf-8")
            body, name = placeholder_page(snapshot.language), "index.html"
        kind = content_type(name)
        if kind.startswith("text/html"):
            if status.startswith("200"):
                self.preview.viewing(name)
            body = inject(body, errors, snapshot.language)
            if name == SEARCH_PAGE and SEARCH_INDEX not in snapshot.files:
                body = searching(body, snapshot.language, "/" + SEARCH_INDEX)
        if environ.get("REQUEST_METHOD") == "HEAD":
            return _respond(start_response, status, b"", kind, [("Content-Length", str(len(body)))])
        return _respond(start_response, status, body, kind)


def _resolve(path: str, snapshot: Snapshot) -> str | None:
    if not path or path.endswith("/"):
        candidate = f"{path}index.html"
        return candidate if snapshot.has(candidate) else None
    return path if snapshot.has(path) else None


def content_type(name: str) -> str:
    """Return the Content-Type of an output file."""
    for suffix, kind in _TYPES.items():
        if name.endswith(suffix):
            return kind
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _respond(
    start_response: StartResponse, status: str, body: bytes, kind: str, extra: list[tuple[str, str]] | None = None
) -> list[bytes]:
    headers = [("Content-Type", kind), ("Cache-Control", "no-store"), *(extra or [])]
    if not any(h[0] == "Content-Length" for h in headers):
        headers.append(("Content-Length", str(len(body))))
    start_response(status, headers)
    return [body]
