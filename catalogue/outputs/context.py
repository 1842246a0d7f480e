"""What every output made after the pages reads, and where it writes (``build`` and ``serve`` alike)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..index import Catalogue
from ..validate import cache as validate_cache
from ..write import OutputTree


class Superseded(Exception):
    """The live preview has a newer render: outputs made for this one would not be served."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class OutputContext:
    """What an extra output reads (the finished, publishable catalogue) and where it writes.

    ``superseded`` tells a long output (the search index) that the live preview has
    moved on to a newer render; it stops by calling :meth:`check`. ``cache`` is the
    folder where outputs keep what they made by content hash (``.cache/`` beside the
    content), or None for none.
    """

    catalogue: Catalogue
    tree: OutputTree
    today: dt.date
    theme: Path | None = None
    superseded: Callable[[], bool] = _never
    cache: Path | None = None

    def check(self) -> None:
        """Raise :class:`Superseded` when the work in hand will not be served."""
        if self.superseded():
            raise Superseded


def cache_folder(content: Path) -> Path:
    """Return ``content/.cache/outputs`` (ignored by git), where the outputs keep their caches."""
    return validate_cache.cache_folder(content, "outputs")
