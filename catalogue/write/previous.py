"""The site before the one in place, kept beside it to become the next one.

A build swaps a whole new tree in for the site in place (:func:`..write.swap_in`). At
national scale making that tree costs more than everything an edit changes: 17,000
folders made and 28,000 files linked, then as many removed with the old tree. So
the old tree is kept as ``.public.previous`` (its files are mostly hard links to the
same bytes as the site's) and the next build brings it up to date instead: it
removes what changed or went, links what the site in place has and it lacks, writes
what is new — a few hundred calls for one edited record — and swaps it in.

The manifest records what the kept tree holds (:class:`Previous`: each file's inode,
each folder's modification time, the tree's own inode). A build trusts it only when
all of that is still so: another tree under that name, a file added or removed by
hand, a folder touched, and it is removed and a fresh tree made. A kept file is
never written into, only unlinked and made again: it may be the very file of the
site in place.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .files import THREADS, folders_by_depth, in_batches, link_file, remove_tree, write_file

log = logging.getLogger("catalogue")


@dataclass
class Previous:
    """What a tree kept beside the site holds: its inode, each file's inode, each folder's modification time ("" itself)."""

    root: int
    files: dict[str, int]
    folders: dict[str, int]


@dataclass
class Recycle:
    """What a build knows of the trees beside its output.

    ``previous``: the kept tree, as the last manifest recorded it; ``inodes``: the
    site in place, each file's inode for the files found as recorded (size, time and
    inode); ``site``: the site in place whole (its files' inodes and folders' times),
    when nothing in it is unknown — then it is kept for the next build.
    """

    previous: Previous | None
    inodes: dict[str, int] = field(default_factory=dict)
    site: tuple[dict[str, int], dict[str, int]] | None = None


def kept_name(work: Path, label: str) -> Path:
    """Return where the tree before the site in place is kept."""
    return work / f".{label}.previous"


def take(kept: Path, staging: Path, previous: Previous | None) -> bool:
    """Move the kept tree to ``staging`` when it is as ``previous`` says; else remove it. Return whether it was moved."""
    try:
        info = os.lstat(kept)
    except FileNotFoundError:
        return False
    if not os.path.isdir(kept) or os.path.islink(kept):
        return False  # not ours: never touched
    if previous is None or info.st_ino != previous.root or not _folders_as_recorded(str(kept), previous.folders):
        log.debug("removing %s: not as the last build left it", kept)
        remove_tree(kept)
        return False
    try:
        os.rename(kept, staging)  # ours now: a build killed from here leaves it to be removed as a leftover
    except FileNotFoundError:  # another build took it first
        return False
    return True


def _folders_as_recorded(root: str, folders: dict[str, int]) -> bool:
    """Return whether every folder of the kept tree is there with its recorded time: nothing was added or removed in it."""
    base = os.path.join(root, "")
    lstat = os.lstat
    try:
        return all(lstat(base + rel if rel else root).st_mtime_ns == mtime for rel, mtime in folders.items())
    except OSError:
        return False


def bring_up_to_date(
    tree: Path, site: Path, previous: Previous, inodes: dict[str, int], files: dict[str, bytes], written: list[str], linked: list[str]
) -> int:
    """Make the kept ``tree`` hold ``written`` (from ``files``) and ``linked`` (from ``site``); return how many files it touched.

    A file it holds stays when it is the very file the site has there (the same inode)
    and that file is to be linked; everything else it holds goes. A new tree is an empty
    one brought up to date (``Previous(0, {}, {})``).
    """
    base, source = os.path.join(tree, ""), os.path.join(site, "")
    same = {rel for rel in linked if previous.files.get(rel, -1) == inodes.get(rel, -2)}
    drop = sorted(rel for rel in previous.files if rel not in same)
    link = [rel for rel in linked if rel not in same]
    needed = {os.path.dirname(rel) for rel in (*written, *linked)}
    levels = folders_by_depth(needed)
    wanted = {rel for level in levels for rel in level}
    gone = [[rel for rel in level if rel not in wanted] for level in folders_by_depth((f for f in previous.folders if f), deepest_first=True)]
    new = [[rel for rel in level if rel not in previous.folders] for level in levels]

    def each(work: Callable[[str], object], items: list[str]) -> None:
        in_batches(pool, work, items)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        each(lambda rel: _unlink(base + rel), drop)
        for level in gone:
            each(lambda rel: os.rmdir(base + rel), level)  # empty now: its files are gone, and nothing else was in it
        for level in new:
            each(lambda rel: os.mkdir(base + rel), level)
        each(lambda rel: write_file(base + rel, files[rel]), written)
        each(lambda rel: link_file(source + rel, base + rel), link)
    return len(drop) + len(written) + len(link)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
