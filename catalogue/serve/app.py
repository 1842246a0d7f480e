"""Serve the preview's snapshot from memory, as a static host would serve the built folder."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
from urllib.parse import quote, unquote

from .overlay import inject, placeholder_page
from .preview import Preview

StartResponse = Callable[[str, list[tuple[str, str]]], object]
_TYPES = {".html": "text/html; charset=utf-8", ".yml": "text/yaml; charset=utf-8", ".yaml": "text/yaml; charset=utf-8",
          ".json": "application/json", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json"}


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
        status, name = "200 OK", _resolve(path, snapshot.files)
        if name is None and path and not path.endswith("/") and f"{path}/index.html" in snapshot.files:
            location = "/" + quote(path) + "/"
            return _respond(start_response, "301 Moved Permanently", b"", "text/plain", [("Location", location)])
        if name is None:
            status, name = "404 Not Found", "404.html"
        body = snapshot.files.get(name)
        if body is None:
            if snapshot.files or not snapshot.errors:
                return _respond(start_response, status, b"not found", "text/plain; charset=utf-8")
            body, name = placeholder_page(snapshot.language), "index.html"
        kind = content_type(name)
        if kind.startswith("text/html"):
            if status.startswith("200"):
                self.preview.viewing(name)
            body = inject(body, snapshot.errors, snapshot.language)
        if environ.get("REQUEST_METHOD") == "HEAD":
            return _respond(start_response, status, b"", kind, [("Content-Length", str(len(body)))])
        return _respond(start_response, status, body, kind)


def _resolve(path: str, files: dict[str, bytes]) -> str | None:
    if not path or path.endswith("/"):
        candidate = f"{path}index.html"
        return candidate if candidate in files else None
    return path if path in files else None


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
