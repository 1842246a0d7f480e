"""What the catalogue may read: files inside the content folder (or the project's own templates and static files), of sensible size.

Content comes from pull requests, and git keeps symbolic links: a link
``content/theme/static/x -> /etc/passwd`` would otherwise be published as
``/static/x``. So every link is resolved, and one that leads outside the folders
allowed for it is refused with a message naming it. A file larger than any real
record is refused before it is read.
"""

from __future__ import annotations

from ..messages import files as said
from ..messages.core import Message, say

import os
from collections.abc import Iterable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
OWN_FOLDERS = (PROJECT / "templates", PROJECT / "static")  # the built-in templates and static files
MAX_FILE_BYTES = 1_048_576  # 1 MiB; the longest real record is a few kilobytes
_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # O_BINARY: Windows only



class Refused(Exception):
    """A file the catalogue does not read; the message says why and what to do."""


def inside(path: Path, roots: Iterable[Path]) -> bool:
    """Return whether ``path``, resolved (links followed), lies in one of the resolved ``roots``."""
    real = path.resolve()
    return any(real == root or root in real.parents for root in (r.resolve() for r in roots))


def check_inside(path: Path, roots: Iterable[Path], what: Message = said.THE_FILE) -> None:
    """Raise :class:`Refused` when ``path`` resolves outside ``roots``."""
    if not inside(path, roots):
        raise Refused(say(said.FILE_OUTSIDE, what=say(what), target=os.path.realpath(path)))


def read_content(path: Path) -> bytes:
    """Return the bytes of a content file; raise :class:`Refused` for a file larger than any record could be."""
    return read_with_stat(path)[0]


def read_with_stat(path: Path | str) -> tuple[bytes, os.stat_result]:
    """Return the bytes of a content file and its stat when it was opened (see :mod:`.known`); refuse as :func:`read_content`."""
    fd = os.open(path, _READ)  # no file object: 17,000 of them at national scale
    try:
        info = os.fstat(fd)
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise Refused(say(said.FILE_TOO_LARGE, size=size, limit=MAX_FILE_BYTES))
        chunks = [os.read(fd, size + 1)]
        while chunks[-1]:  # to the end, as a file object reads: a read may come short, the file may have grown
            chunks.append(os.read(fd, 1 << 16))
        return b"".join(chunks), info
    finally:
        os.close(fd)


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
