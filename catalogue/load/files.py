"""What the catalogue may read: files inside the content folder (or the project's own templates and static files), of sensible size.

Content comes from pull requests, and git keeps symbolic links: a link
``content/theme/static/x -> /etc/passwd`` would otherwise be published as
``/static/x``. So every path is resolved, and one that leads outside the folders
allowed for it is refused with a message naming it. A file larger than any real
record is refused before it is read.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
OWN_FOLDERS = (PROJECT / "templates", PROJECT / "static")  # the built-in templates and static files
MAX_FILE_BYTES = 1_048_576  # 1 MiB; the longest real record is a few kilobytes

OUTSIDE = (
    "{what} is a link to {target}, outside the content folder; it is not read: "
    "put the file itself into the content folder instead of a link"
)
TOO_LARGE = "the file has {size:,} bytes, a content file may have at most {limit:,}; shorten its texts or split it"


class Refused(Exception):
    """A file the catalogue does not read; the message says why and what to do."""


def inside(path: Path, roots: Iterable[Path]) -> bool:
    """Return whether ``path``, resolved (links followed), lies in one of the resolved ``roots``."""
    real = path.resolve()
    return any(real == root or root in real.parents for root in (r.resolve() for r in roots))


def check_inside(path: Path, roots: Iterable[Path], what: str = "the file") -> None:
    """Raise :class:`Refused` when ``path`` resolves outside ``roots``."""
    if not inside(path, roots):
        raise Refused(OUTSIDE.format(what=what, target=os.path.realpath(path)))


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_content(path: Path, root: Path) -> bytes:
    """Return the bytes of a content file in a folder inside ``root``; raise :class:`Refused` for a link out of it or a huge file.

    The file is opened without following a link first: the national catalogue has
    33,000 files, and resolving each one would cost a warm ``check`` seconds. Only a
    link (or a system without ``O_NOFOLLOW``) is resolved and checked.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW) if _NOFOLLOW else -1
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.EMLINK):  # the file is a link (EMLINK on FreeBSD)
            raise
        fd = -1
    if fd < 0:
        check_inside(path, [root])
        fd = os.open(path, os.O_RDONLY)
    with open(fd, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise Refused(TOO_LARGE.format(size=size, limit=MAX_FILE_BYTES))
        return fh.read()


def outside_links(folder: Path, roots: Iterable[Path]) -> list[Path]:
    """Return the links below ``folder`` (files or folders, not followed) that resolve outside ``roots``."""
    roots = [r.resolve() for r in roots]
    found: list[Path] = []
    for parent, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = Path(parent, name)
            if path.is_symlink() and not inside(path, roots):
                found.append(path)
    return sorted(found)
