"""The file system calls of writing a tree: in batches on threads, since on slow disks each call waits.

File system calls release the GIL; on overlay and network file systems one ``mkdir``,
``link`` or ``rmdir`` can take milliseconds, and the national site has 28,000 files in
17,000 folders (a page is ``…/index.html``).
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

BATCH = 64  # files or folders per task of the writing threads
THREADS = 8
T = TypeVar("T")


def in_batches(pool: ThreadPoolExecutor, work: Callable[[T], object], items: Sequence[T], size: int = BATCH) -> None:
    """Do ``work`` on every item, in the pool's threads, a batch of items per task.

    One task per file cost more than the file's system call: the national site's
    45,000 links and folders made 90,000 futures, seconds of CPU spent handing
    them out and waiting on them.
    """
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    list(pool.map(lambda batch: [work(item) for item in batch], batches))


def write_file(path: str | Path, data: bytes) -> None:
    """Create ``path`` (it must not exist: it could be a link to a file of the site in place) with ``data``, readable by all."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fchmod(fd, 0o644)  # readable by the web server whatever the umask
    finally:
        os.close(fd)


def link_file(source: str | Path, path: str | Path) -> None:
    """Hard-link ``source`` (a file of the site in place) as ``path``; copy it, time and all, where links fail."""
    try:
        os.link(source, path, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
            raise
        shutil.copy2(source, path, follow_symlinks=False)
        os.chmod(path, 0o644)


def folders_by_depth(folders: Iterable[str], deepest_first: bool = False) -> list[list[str]]:
    """Return every folder of ``folders`` and their parents (not the root, ""), grouped by depth, shallowest first."""
    every: set[str] = set()
    for rel in folders:
        while rel and rel not in every:
            every.add(rel)
            rel = os.path.dirname(rel)
    levels: dict[int, list[str]] = {}
    for rel in sorted(every):
        levels.setdefault(rel.count("/"), []).append(rel)
    return [levels[depth] for depth in sorted(levels, reverse=deepest_first)]


def remove_tree(folder: Path) -> None:
    """Delete a whole tree: files in parallel threads, then the folders, deepest first, each depth in parallel."""
    files: list[str] = []
    depths: dict[int, list[str]] = {}
    for root, _, names in os.walk(folder):
        files.extend(os.path.join(root, n) for n in names)
        depths.setdefault(root.count(os.sep), []).append(root)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        in_batches(pool, unlink_quietly, files)
        for depth in sorted(depths, reverse=True):
            in_batches(pool, rmdir_quietly, depths[depth])
    shutil.rmtree(folder, ignore_errors=True)  # whatever appeared meanwhile


def rmdir_quietly(path: str) -> None:
    try:
        os.rmdir(path)
    except OSError:
        pass


def unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
