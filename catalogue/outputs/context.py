"""What every output made after the pages reads, and where it writes (``build`` and ``serve`` alike)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Mapping
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
    prints: RecordPrints | None = None  # None: no record of what the build read (the preview, tests)
    once: bool = False  # True in ``build``: the process ends after it, so an output keeps nothing in memory for a next run

    def check(self) -> None:
        """Raise :class:`Superseded` when the work in hand will not be served."""
        if self.superseded():
            raise Superseded


#: The folders whose records a service's own outputs read one by one; every other input is shared by all.
OWN_FOLDERS = ("services/", "providers/")


@dataclass(frozen=True)
class RecordPrints:
    """A fingerprint of everything one service's outputs (its search document) are made from.

    They read the service's file, its provider's, and what every record shares: the
    localities, life situations, vocabularies, site, pages, plans, the theme, the
    program and the build's settings (the date among them). From the build's survey
    of its inputs (:mod:`catalogue.manifest`: each file's SHA-256), so working it out
    costs nothing but a hash of the shared files' hashes. A file saved between the
    survey and the loading of the records is caught by the next build, as for pages.
    """

    shared: bytes
    files: Mapping[str, str]  # "services/x", "providers/y" → SHA-256 of its file

    @classmethod
    def of(cls, content: Path, inputs: Mapping[str, tuple], settings: Mapping[str, str], sources: Mapping[str, str]) -> RecordPrints:
        """Return the fingerprints of a build of ``content`` that read ``inputs`` ("content/…" → (size, time,
        SHA-256)) with ``settings``; ``sources`` are the records' files ("services/x" → path, as the loader saw it)."""
        roots = {os.path.join(os.path.abspath(content), ""), os.path.join(str(content.resolve()), "")}
        own: dict[str, str] = {}
        for key, path in sources.items():
            if key.startswith(OWN_FOLDERS):
                full = os.path.abspath(path)
                root = next((r for r in roots if full.startswith(r)), None)
                if root is not None:
                    own[key] = "content/" + full[len(root):].replace(os.sep, "/")
        files = {key: inputs[path][2] for key, path in own.items() if path in inputs}
        skip = set(own.values())
        digest = hashlib.sha256(json.dumps(sorted(settings.items())).encode())
        for path in sorted(inputs.keys() - skip):
            digest.update(f"{path}\0{inputs[path][2]}\n".encode())
        return cls(digest.digest(), files)

    def service(self, sid: str, provider: str) -> bytes | None:
        """Return the fingerprint of service ``sid`` of ``provider``, or None when its file is not known."""
        own = self.files.get(f"services/{sid}")
        if own is None:
            return None
        return hashlib.sha256(b"%s\0%s\0%s\0%s" % (self.shared, sid.encode(), own.encode(), self.files.get(f"providers/{provider}", "-").encode())).digest()


def cache_folder(content: Path) -> Path:
    """Return ``content/.cache/outputs`` (ignored by git), where the outputs keep their caches."""
    return validate_cache.cache_folder(content, "outputs")
