"""A cache of validated records keyed by content hash, so unchanged files are never parsed twice.

One pickle file beside the content (``.cache/catalogue/records.pickle``); the
key covers the file's bytes, its kind and id, and a fingerprint of the code that
parses and validates, so a change to the models invalidates everything.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger("catalogue")
PACKAGE = Path(__file__).resolve().parents[1]
CODE_FILES = ("load", "model", "validate/records.py", "validate/stage.py", "validate/cache.py")


@dataclass(frozen=True)
class Entry:
    """What validating one file produced; problems without the path (it depends on the cwd)."""

    record: Any
    problems: tuple[tuple[int, int, str, str, int], ...]
    facts: tuple


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """Return a hash of the code whose output is cached."""
    digest = hashlib.sha256()
    for rel in CODE_FILES:
        path = PACKAGE / rel
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.read_bytes())
    return digest.digest()


class RecordCache:
    """In-memory dict, loaded from and saved to one file; ``None`` folder = memory only."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "records.pickle" if folder else None
        self.entries: dict[str, Entry] = {}
        self.used: set[str] = set()
        self.dirty = False
        self.hits = self.misses = 0
        if self.path and self.path.is_file():
            try:
                with self.path.open("rb") as fh:
                    self.entries = pickle.load(fh)
            except Exception as exc:  # a corrupt or foreign cache is only a slower run
                log.debug("ignoring the cache %s: %s", self.path, exc)
                self.entries = {}

    @staticmethod
    def key(kind: str, ident: str, source: bytes) -> str:
        digest = hashlib.sha256(code_fingerprint())
        digest.update(f"{kind}/{ident}\0".encode())
        digest.update(source)
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        """Write the entries used in this run (older ones are dropped), atomically."""
        if not self.path or not (self.dirty or len(self.used) != len(self.entries)):
            return
        keep = {k: self.entries[k] for k in self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".records-", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(keep, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError as exc:  # a read-only checkout still checks, only slower next time
            log.debug("cannot write the cache %s: %s", self.path, exc)


def default_cache_folder(content: Path) -> Path:
    """Return ``.cache/catalogue`` beside the content folder."""
    return content.resolve().parent / ".cache" / "catalogue"
