"""What the preview serves, how pages rendered meanwhile go into it, and what one rebuild did."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ..errors import Problem, Problems
from .pages import Pages


@dataclass(frozen=True)
class Snapshot:
    """What the server serves: the rendered files, the pages still to render, and the errors of the latest edit (if any).

    ``pending`` pages are planned but not rendered yet: ``pages`` renders them (when a
    browser asks, or in the background), and they move into ``files`` in place — the
    same site, filled in. ``fallback`` keeps the last good version of pending pages,
    served (under the error overlay) when rendering them fails.
    """

    files: dict[str, bytes]
    errors: tuple[Problem, ...] = ()
    generation: int = 0
    language: str = "cs"
    pending: set[str] = field(default_factory=set)
    fallback: dict[str, bytes] = field(default_factory=dict)
    pages: Pages | None = None

    def has(self, path: str) -> bool:
        """Return whether the site has ``path``, rendered or not yet."""
        return path in self.files or path in self.pending


@dataclass
class Update:
    """What one rebuild did, for the terminal and the browser."""

    changed: list[str] = field(default_factory=list)  # record keys and template names that changed
    rendered: int = 0  # pages rendered (after a change: pages it made stale, rendered now or later)
    pages: int = 0  # pages in the site
    seconds: float = 0.0
    problems: Problems = field(default_factory=Problems)
    reload: str = ""  # the path the browser is told about ("*" for a full page reload)
    steps: list[tuple[str, float]] = field(default_factory=list)  # (stage, seconds), shown with --debug
    full: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors()


class Served:
    """The snapshot being served, and the one way it changes: a new one published, or a pending page filled in (any thread)."""

    def __init__(self) -> None:
        self.snapshot = Snapshot({})
        self.lock = threading.RLock()
        self.rendering: dict[tuple[Pages, str], threading.Event] = {}  # pages being rendered now, each by one thread

    def publish(self, files: dict[str, bytes] | None = None, errors: tuple[Problem, ...] | None = None,
                language: str | None = None, pages: tuple[Pages, set[str], dict[str, bytes]] | None = None) -> None:
        """Serve a new snapshot: the parts given replace the served ones (``pages``: a new render, its pending pages
        and their fallbacks), the rest stays."""
        with self.lock:
            old = self.snapshot
            renderer, pending, fallback = pages if pages is not None else (old.pages, old.pending, old.fallback)
            self.snapshot = Snapshot(
                old.files if files is None else files,
                old.errors if errors is None else errors,
                old.generation + 1,
                language or old.language,
                pending,
                fallback,
                renderer,
            )

    def claim(self, key: tuple[Pages, str]) -> threading.Event | None:
        """Note that this thread renders a page; return the event of the thread that renders it already, if one does."""
        with self.lock:
            other = self.rendering.get(key)
            if other is None:
                self.rendering[key] = threading.Event()
            return other

    def release(self, key: tuple[Pages, str]) -> None:
        """Note that a page claimed is rendered (or failed); wake whoever waits for it."""
        with self.lock:
            done = self.rendering.pop(key, None)
        if done is not None:
            done.set()

    def stored(self, snapshot: Snapshot, path: str) -> bytes | None:
        """Return a page of ``snapshot`` that another thread has rendered (None when it failed)."""
        with self.lock:
            return self._current(snapshot).files.get(path)

    def store(self, snapshot: Snapshot, path: str, body: bytes) -> None:
        """Put a pending page rendered for ``snapshot`` into the snapshot served with the same pages (a newer render plans its own)."""
        with self.lock:
            target = self._current(snapshot)
            if path in target.pending:
                target.files[path] = body
                target.pending.discard(path)
                target.fallback.pop(path, None)

    def _current(self, snapshot: Snapshot) -> Snapshot:
        """Return the served snapshot when it has the same pending pages as ``snapshot`` (newer outputs only), else ``snapshot``."""
        return self.snapshot if self.snapshot.pending is snapshot.pending else snapshot
