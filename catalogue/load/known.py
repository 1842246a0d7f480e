"""What the last run knew of each record file: its stat and the SHA-256 of its bytes, so an unchanged file is not read.

A warm check of the national catalogue read and hashed its 17,000 files only to find
their entries in the record cache. As git's index does (ruff's and mypy's caches keep
a file's time and size likewise), a file whose size, modification time, inode and
change time (``st_ctime``) are those recorded is taken to be the bytes recorded, and is
not opened; its bytes are read only if a problem in it needs a line and column
(:attr:`.document.Document.source`). Any
difference — an edit, a ``touch``, a copy, an editor's save that replaces the file
(another inode) — reads and hashes it again, and the same bytes are still a cache hit.

The change time is why an edit that keeps the size and puts the old modification
time back (``touch -d``, ``cp -p``, ``rsync -t``) is still seen: every write and every
change of the times sets it, and no program can set it back. A file changed less than
:data:`RACY_NS` before the record was made ("racy git": a second write within the
clock's resolution could keep all four values) is not recorded, so it is read again
next time. A file system whose inodes or change times are not stable (some network
drives) only makes every file read, as before. Where there is no change time to trust —
Windows reports the creation time under that name, FAT keeps none — an edit that keeps the
size and restores the modification time goes unseen, as it does for git there; deleting
``content/.cache`` checks everything from the bytes again.
"""

from __future__ import annotations

import os

RACY_NS = 2_000_000_000  # FAT's two seconds: the coarsest modification time a content folder may sit on

#: A file's size, modification time, inode and change time (ns).
Stat = tuple[int, int, int, int]


def stat_of(info: os.stat_result) -> Stat:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


class KnownFiles:
    """Path → (stat, SHA-256) of the files read by the last run, and of those this run met (the record cache keeps them).

    ``place`` names where the paths are meant from (the working directory and the
    content folder as given): the paths are the loader's own, relative when the
    content folder is given relative, so another place starts empty.
    """

    def __init__(self, entries: dict[str, tuple[Stat, bytes]] | None = None, place: tuple[str, str] = ("", "")) -> None:
        self.entries = entries or {}
        self.place = place
        self.seen: dict[str, tuple[Stat, bytes]] = {}
        self.unread = 0  # files taken from what was recorded, for tests and --debug
        self.stats: dict[str, Stat] | None = None  # the files' stats taken by the caller before anything was read, by path

    def digest(self, path: str) -> bytes | None:
        """Return the SHA-256 recorded for ``path`` when the file stands as recorded, else None (read it)."""
        known = self.entries.get(path)
        if known is None:
            return None
        now = self.stats.get(path) if self.stats is not None else None
        if now is None:
            try:
                now = stat_of(os.stat(path))
            except OSError:
                return None
        if now != known[0]:
            return None
        self.seen[path] = known
        self.unread += 1
        return known[1]

    def note(self, path: str, info: os.stat_result, digest: bytes) -> None:
        """Record what reading ``path`` gave: its stat when it was opened, and the hash of its bytes."""
        self.seen[path] = (stat_of(info), digest)

    def trusted(self, now_ns: int) -> dict[str, tuple[Stat, bytes]]:
        """Return the files met in this run that changed at least :data:`RACY_NS` before ``now_ns`` (the rest are read again)."""
        limit = now_ns - RACY_NS
        return {path: entry for path, entry in self.seen.items() if entry[0][1] < limit and entry[0][3] < limit}
