"""What the preview serves and what one rebuild did: the two values its server and terminal read."""

from __future__ import annotations

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
