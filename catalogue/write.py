"""The output tree: one owner per path, written atomically, byte-identical on rebuild."""

from __future__ import annotations

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import CatalogueError


class OutputTree:
    """Collect every output file in memory first; refuse two owners for one path."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.owners: dict[str, str] = {}

    def add(self, path: str, data: bytes | str, owner: str) -> None:
        """Add ``path`` (relative, with forward slashes) written by ``owner``."""
        path = path.lstrip("/")
        if not path or path.endswith("/"):
            path += "index.html"
        if ".." in Path(path).parts:
            raise CatalogueError(f"refusing to write outside the site: {path}")
        if path in self.owners:
            raise CatalogueError(
                f'two things want to write "{path}": {self.owners[path]} and {owner}; rename one of them'
            )
        self.owners[path] = owner
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data

    def __contains__(self, path: str) -> bool:
        return path.lstrip("/") in self.files

    def write_atomically(self, target: Path) -> None:
        """Write everything into a fresh folder beside ``target`` and swap it in at the end.

        A failed or interrupted build leaves the previous site untouched: until the
        final rename, only the temporary folder is touched.
        """
        target = target.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        try:
            for folder in sorted({os.path.dirname(rel) for rel in self.files} - {""}):
                os.makedirs(staging / folder, exist_ok=True)
            # File system calls release the GIL; on slow (overlay, network) disks threads help a lot.
            with ThreadPoolExecutor(max_workers=8) as pool:
                list(pool.map(lambda rel: _write_file(staging / rel, self.files[rel]), sorted(self.files)))
            os.chmod(staging, 0o755)
            swap_in(staging, target)
        except BaseException:
            remove_tree(staging)
            raise


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fchmod(fd, 0o644)  # readable by the web server whatever the umask
    finally:
        os.close(fd)


def remove_tree(folder: Path) -> None:
    """Delete a whole tree, files in parallel threads."""
    files: list[str] = []
    for root, _, names in os.walk(folder):
        files.extend(os.path.join(root, n) for n in names)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(_unlink_quietly, files))
    shutil.rmtree(folder, ignore_errors=True)


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old tree is removed last."""
    old = None
    if target.exists():
        if not target.is_dir():
            raise CatalogueError(f"{target} exists and is not a folder; choose another --out")
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    try:
        os.rename(staging, target)
    except BaseException:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        remove_tree(old)


def write_beside(out: Path, files: dict[str, bytes]) -> list[Path]:
    """Write each file beside its final name and rename it into place; return the paths written.

    For a folder that holds other files too (``export --out``): a reader never sees
    half a file, and the other files of ``out`` are left alone.
    """
    written = []
    for rel, data in sorted(files.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
