"""The last check's problems, said again when nothing it depends on has changed since.

A warm check of the national catalogue spent most of its 2.8 s unpickling the record
cache and cross-checking 17,000 records whose files had not changed. ``check`` keeps
what it found in ``content/.cache/catalogue/check.pickle`` (sealed, :mod:`..sealed`)
with everything the outcome depends on, and reports those same problems — the same
objects, so the same text in every language, the same ``--github`` annotations and
the same exit code — only when all of it is as it was:

* every entry below the content folder (the hidden ones at its top, ``.cache`` and
  ``.git``, aside): its path and type, and a file's size, modification time, inode
  and change time, as git's index compares them (:mod:`..load.known`); a content
  folder with a symbolic link inside is always checked, since what a link resolves
  to can change without the link;
* the code: the SHA-256 of every file of the package, the Python version and the
  names of the installed distributions (a library upgraded is another name);
* the day the checks compare with (expiry, opening hours, holidays: ``today`` or
  ``SOURCE_DATE_EPOCH``);
* the working directory and the content folder as given (problems name files
  relative to them), and ``--strict``.

The entries are taken before the check reads anything, so a file saved during the
check differs next time. A file changed less than :data:`~..load.known.RACY_NS`
before they were taken could be changed again without a trace in its stat: then
nothing is kept and the next check runs in full. Anything unreadable, foreign or of
another shape is ignored: a wrong "no problems" would be far worse than a slow check.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..clock import today
from ..errors import Problem, Problems
from ..load.known import RACY_NS, Stat
from ..sealed import read_sealed, write_sealed
from .cache import PACKAGE, default_cache_folder

log = logging.getLogger("catalogue")
FORMAT = "catalogue-last-check-1"

#: An entry below the content folder: (type,) for a folder; (type, size, mtime, inode, ctime) for a file.
Entry = tuple[int, ...]


@dataclass
class LastCheck:
    """What one check found, and what it found it in."""

    settings: tuple[str, ...]
    files: dict[str, Entry]
    problems: list[Problem]
    format: str = FORMAT


@dataclass
class Snapshot:
    """The content folder and the settings as they stand before a check; ``files`` None when it cannot be kept (a link)."""

    settings: tuple[str, ...]
    files: dict[str, Entry] | None
    taken: int  # time.time_ns() before the entries were looked at
    content: str = ""

    def stats(self) -> dict[str, Stat] | None:
        """Return the files' stats by the loader's paths (``content/services/x.yaml``), for :class:`~..load.known.KnownFiles`."""
        if self.files is None or os.name == "nt":  # there a folder's listing gives no inode: the loader takes its own stats
            return None
        base = os.path.join(self.content, "")
        return {base + rel: entry[1:] for rel, entry in self.files.items() if len(entry) > 1}


def snapshot(content: Path, strict: bool) -> Snapshot:
    taken = time.time_ns()
    settings = (FORMAT, code_print(), today().isoformat(), os.getcwd(), str(content), "strict" if strict else "")
    return Snapshot(settings, entries(content), taken, str(content))


def entries(content: Path) -> dict[str, Entry] | None:
    """Return every entry below ``content`` by relative path, the hidden ones at its top aside; None when one is a link."""
    found: dict[str, Entry] = {}
    stack = [(str(content), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            listing = list(os.scandir(folder))
        except OSError:
            return None
        for entry in listing:
            if not prefix and entry.name.startswith("."):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:  # gone meanwhile, or a folder that cannot be looked into: check
                return None
            kind = stat.S_IFMT(info.st_mode)
            if kind == stat.S_IFLNK:
                return None
            rel = prefix + entry.name
            if kind == stat.S_IFDIR:
                found[rel] = (kind,)  # its own times change with any file saved and removed in it: its entries say enough
                stack.append((entry.path, rel + "/"))
            else:
                found[rel] = (kind, info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
    return found


@lru_cache(maxsize=1)
def code_print() -> str:
    """Return a hash of the whole package's files, the Python version and the installed distributions' names."""
    digest = hashlib.sha256(sys.version.encode())
    paths = []
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]  # what Python compiled from the sources: not a source
        paths += [os.path.join(folder, name) for name in files]
    for path in sorted(paths):
        digest.update(f"\0{os.path.relpath(path, PACKAGE)}\0".encode())
        with open(path, "rb") as fh:
            digest.update(fh.read())
    for place in sys.path:  # "pydantic-2.9.2.dist-info": another version is another name
        if place.endswith("-packages") and os.path.isdir(place):
            digest.update("\0".join(sorted(n for n in os.listdir(place) if n.endswith((".dist-info", ".egg-info")))).encode())
    return digest.hexdigest()


def _path(content: Path) -> Path:
    return default_cache_folder(content) / "check.pickle"


def last_problems(content: Path, now: Snapshot) -> Problems | None:
    """Return the problems the last check found when nothing it depends on changed since, else None (check)."""
    if now.files is None:
        return None
    last = read_sealed(_path(content))
    if not isinstance(last, LastCheck) or last.format != FORMAT or last.settings != now.settings or last.files != now.files:
        return None
    if not isinstance(last.problems, list) or not all(type(p) is Problem for p in last.problems):
        return None
    log.debug("check: nothing changed since the last check of %d files; its problems again", len(now.files))
    return Problems(list(last.problems))


def remember(content: Path, before: Snapshot, problems: Problems) -> None:
    """Keep what this check found in the content as it stood before it, unless a file was changed too lately to tell."""
    path = _path(content)
    limit = before.taken - RACY_NS
    files = before.files
    if files is None or any(len(e) > 1 and (e[2] >= limit or e[4] >= limit) for e in files.values()):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
        return
    write_sealed(path, LastCheck(before.settings, files, list(problems.items)))
