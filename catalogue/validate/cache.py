"""A cache of validated records keyed by content hash, so unchanged files are never parsed twice.

Pickle files inside the content folder (``content/.cache/catalogue/records.pickle``, and
the entries made since its last whole save in ``records.recent.pickle``),
sealed with the user's own key (:mod:`.sealed`), so a file someone else put there is never
unpickled; the key of an entry covers the file's bytes (their SHA-256), its kind and id, and a
fingerprint of the code that parses and validates (and of the Markdown libraries whose
limits validation checks), so a change to the models invalidates everything. A cache
that cannot be used (foreign, damaged, of another shape) is ignored with a note and
written again.

Every cache of a content folder (records, the command line's search index, print)
lives in its ``.cache/``: it goes wherever the content goes, is removed with it, and a
standalone content repository (``check --content /x/content``) keeps it to itself
instead of writing into ``/x``. The folder ignores itself for git (a ``.gitignore``
of ``*`` inside, as pytest and mypy do) and carries a ``CACHEDIR.TAG`` for backups,
so nothing depends on the content's own ``.gitignore``.

Beside them, ``files.pickle`` keeps the stat and the SHA-256 of every record file read
(:class:`~catalogue.load.known.KnownFiles`): the next run does not read the files that
stand as recorded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..messages.commands import RECORD_CACHE_IGNORED
from ..messages.core import say
from ..errors import display_path
from ..load.known import KnownFiles, Stat
from ..sealed import Unsealed, read_sealed, recent_suffices, unseal, write_sealed

log = logging.getLogger("catalogue")
PACKAGE = Path(__file__).resolve().parents[1]
CODE_FILES = ("load", "model", "messages", "validate/records.py", "validate/files.py", "validate/stage.py", "validate/cache.py", "sealed.py")
LIBRARIES = ("pydantic", "pydantic-core", "markdown")  # their versions change what validation says


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
    for name in LIBRARIES:
        digest.update(f"{name}={_version(name)}\n".encode())
    return digest.digest()


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


class RecordCache:
    """In-memory dict, loaded from and saved to its files; ``None`` folder = memory only.

    ``records.pickle`` holds the entries of the last whole save, ``records.recent.pickle``
    those made since (a few): one edited file of the national catalogue no longer writes
    the whole cache again (28 MB, 1 s), only the recent file, until the two differ by more
    than a twentieth of the catalogue and the whole is written (and the entries of files
    since changed or gone are dropped). An entry's key covers its file's bytes, so an entry
    is never wrong, only unused.
    """

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "records.pickle" if folder else None
        self.recent_path = folder / "records.recent.pickle" if folder else None
        self.files_path = folder / "files.pickle" if folder else None
        self.pinned_path = folder / "records.pinned.pickle" if folder else None
        self.files: KnownFiles | None = None  # made by :meth:`known_files` for the content folder read
        self.entries: dict[str, Entry] = {}
        self.base: set[str] = set()  # the keys of records.pickle
        self.recent: set[str] = set()  # the keys of records.recent.pickle
        self.used: set[str] = set()
        self.dirty = False
        self.hits = self.misses = 0
        if self.path and self.path.is_file():
            self.entries = self._read(self.path)
            self.base = set(self.entries)
        self.unreadable = False  # a recent file that could not be used: written again
        if self.base and self.recent_path and self.recent_path.is_file():
            recent = self._read(self.recent_path)
            self.entries.update(recent)
            self.recent, self.unreadable = set(recent), self.dirty  # dirty: it could not be read
        pinned = read_sealed(self.pinned_path)
        self.pinned: set[str] = pinned if isinstance(pinned, set) and all(type(k) is str for k in pinned) else set()

    def _read(self, path: Path, well_formed: Any = None) -> dict:
        """Return the entries of a cache file this user wrote; ignore (with a note) any other."""
        try:
            entries = unseal(path.read_bytes())
            if not (well_formed or _well_formed)(entries):
                raise Unsealed("not a record cache")
        except (OSError, Unsealed) as exc:  # only a slower run: every file is validated again
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            log.warning(say(RECORD_CACHE_IGNORED, path=display_path(path), reason=reason))
            self.dirty = True
            return {}
        return entries

    @staticmethod
    def key(kind: str, ident: str, sha: bytes, country: str = "CZ") -> str:
        """Return the key of a file's entry; ``sha`` is the SHA-256 of its bytes (:meth:`.Document.hashed`)."""
        digest = hashlib.sha256(code_fingerprint())
        digest.update(f"{kind}/{ident}\0{country}\0".encode())  # the country decides how phones are written
        digest.update(sha)
        return digest.hexdigest()

    def known_files(self, content: Path, stats: dict[str, Stat] | None = None) -> KnownFiles | None:
        """Return what the last run recorded of the record files of ``content`` (empty when nothing or elsewhere); None without a folder.

        ``stats``: the files' stats as the caller took them before reading anything (:attr:`.KnownFiles.stats`).
        """
        if self.files_path is None:
            return None
        place = (os.getcwd(), str(content))
        known = self._read(self.files_path, _known_entries) if self.files_path.is_file() else {}
        self.files = KnownFiles(known if known.get("place") == place else {}, place)
        if self.files.entries:
            self.files.entries = self.files.entries["files"]
        self.files.stats = stats
        return self.files

    def __contains__(self, key: str) -> bool:
        return key in self.entries

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

    def references(self) -> tuple[Callable[[Any], str | None], set[str]]:
        """Return how a pickle names this run's records by their keys (a later run finds them with :meth:`record`), and the keys it named.

        The state ``build`` keeps for its next comparison is the published catalogue; its
        records are these entries' (a national 20 MB of models), so it names them by key
        and is a tenth of the size, written and read in a fraction of the time. A key covers
        the file's bytes and the code, so the record found again is the one named; one the
        later cache no longer holds makes the state unreadable (the build is then full).
        """
        keys = {id(entry.record): key for key in self.used if (entry := self.entries[key]).record is not None}
        named: set[str] = set()  # the keys named so far: to :meth:`pin` once the state is written

        def name(obj: Any) -> str | None:
            key = keys.get(id(obj))
            if key is not None:
                named.add(key)
            return key

        return name, named

    def record(self, key: Any) -> Any:
        """Return the record of the entry ``key`` (a pickle's reference from :meth:`references`); KeyError when gone."""
        return self.entries[key].record

    def save(self) -> None:
        """Write the entries used in this run (older ones are dropped), atomically: the few new ones alone when it can."""
        if not self.path or not self.recent_path:
            return
        self._save_files()
        keep = self.used | (self.pinned & self.entries.keys())  # and the records the last build's state names
        fresh = {key for key in keep if key not in self.base}
        if recent_suffices(len(self.base), len(keep), len(fresh)):
            if fresh != self.recent or self.unreadable:
                write_sealed(self.recent_path, {key: self.entries[key] for key in sorted(fresh)})
                self.recent, self.unreadable = fresh, False
            return
        # a read-only checkout, or no home folder: still checks, only slower
        write_sealed(self.path, {key: self.entries[key] for key in keep})
        self.base, self.recent = keep, set()
        try:
            self.recent_path.unlink(missing_ok=True)
        except OSError:
            pass

    def pin(self, keys: set[str]) -> None:
        """Keep the entries of ``keys`` in the cache (the records a build's state names) even when a run does not use them.

        An editor's ``check`` or preview between two builds uses the files as they are
        now; without the pins it would drop the records the last build published (the
        edited file's version then), and the next build could not read its state back.
        """
        if self.pinned_path is not None and keys != self.pinned:
            write_sealed(self.pinned_path, set(keys))
            self.pinned = set(keys)

    def _save_files(self) -> None:
        """Write what this run recorded of the files it met, when it differs from what it found."""
        if self.files is None or self.files_path is None:
            return
        trusted = self.files.trusted(time.time_ns())
        if trusted != self.files.entries:
            write_sealed(self.files_path, {"place": self.files.place, "files": trusted})


def _known_entries(value: object) -> bool:
    """Return whether a sealed value has the shape of ``files.pickle``."""
    if not isinstance(value, dict) or not isinstance(value.get("place"), tuple) or not isinstance(value.get("files"), dict):
        return False
    return all(type(k) is str and type(v) is tuple and len(v) == 2 and type(v[1]) is bytes for k, v in value["files"].items())


def _well_formed(entries: object) -> bool:
    """Return whether a sealed value has the shape this code writes (one an older version wrote may not)."""
    return isinstance(entries, dict) and all(
        type(key) is str and type(entry) is Entry and type(entry.problems) is tuple and type(entry.facts) is tuple
        for key, entry in entries.items()
    )


CACHE_FOLDER = ".cache"
_GITIGNORE = "# Written by the catalogue: caches, safe to delete, never committed.\n*\n"
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# The catalogue's caches (https://bford.info/cachedir/)\n"


def cache_root(content: Path) -> Path:
    """Return the content folder's cache folder, ``content/.cache``."""
    return content.resolve() / CACHE_FOLDER


def cache_folder(content: Path, name: str) -> Path:
    """Return ``content/.cache/<name>``, making the cache folder ignore itself for git the first time."""
    root = cache_root(content)
    try:
        root.mkdir(exist_ok=True)
        for file, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
            if not (root / file).exists():
                (root / file).write_text(text, encoding="utf-8")
    except OSError as exc:  # a read-only checkout still works, only slower next time
        log.debug("cannot prepare the cache folder %s: %s", root, exc)
    return root / name


def default_cache_folder(content: Path) -> Path:
    """Return ``content/.cache/catalogue``: validated records and the command line's search index."""
    return cache_folder(content, "catalogue")
