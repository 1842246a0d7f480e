"""The output tree: one owner per path, written atomically, byte-identical on rebuild.

A build writes into ``.public.building-<token>`` beside the output and swaps it in
(where the system cannot swap two folders at once, the previous site waits in
``.public.old-<token>`` until the new one is in place).
A lock file ``.public.building-<token>.lock``, held (``flock``) while the build
runs, marks both as this program's: a killed build leaves them behind, and the
next build removes them — only trees of that name whose lock nobody holds, never
another program's folder and never a running build's. The lock is made as
``.public.claim-<token>`` and renamed once it is held and signed, so a killed
build never leaves a lock that looks like a running one.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import logging
import os
import re
import secrets
import sys
import tempfile
import time
from pathlib import Path

from ..errors import CatalogueError
from ..messages import commands as said
from ..messages.core import say
from .files import remove_tree, unlink_quietly
from .previous import Previous, Recycle, bring_up_to_date, kept_name, take

try:
    import fcntl
except ImportError:  # pragma: no cover - no flock (Windows): a lock counts as held for a day
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("catalogue")
LOCK_SIGNATURE = b"catalogue build "
STALE_SECONDS = 24 * 3600  # without flock, a lock older than this is taken for a killed build's
__all__ = ["OutputTree", "Previous", "Recycle", "remove_leftovers", "remove_tree", "swap_in", "tidy", "write_beside"]


class OutputTree:
    """Collect every output file in memory first; refuse two owners for one path.

    ``kept`` are files an incremental build takes unchanged from the site in place
    (path → SHA-256): they are linked into the new tree, never read. ``step`` names the
    build step now adding files; ``steps`` remembers it for each path (the manifest's).
    """

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.owners: dict[str, str] = {}
        self.kept: dict[str, str] = {}
        self.steps: dict[str, str] = {}
        self.step = ""

    def add(self, path: str, data: bytes | str, owner: str) -> None:
        """Add ``path`` (relative, with forward slashes) written by ``owner``."""
        path = path.lstrip("/")
        if not path or path.endswith("/"):
            path += "index.html"
        if ".." in Path(path).parts:
            raise CatalogueError(say(said.WRITE_OUTSIDE, path=path))
        if path in self.owners:
            raise CatalogueError(say(said.TWO_OWNERS, path=path, first=self.owners[path], second=owner))
        self.owners[path] = owner
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data
        self.steps[path] = self.step

    def keep(self, path: str, sha: str, step: str) -> None:
        """Take ``path`` unchanged from the site in place (its hash ``sha`` as the manifest has it)."""
        if path in self.owners or path in self.kept:
            raise CatalogueError(f'two things want to write "{path}": {self.owners.get(path, step)} and {step}')
        self.kept[path] = sha
        self.steps[path] = step

    def __contains__(self, path: str) -> bool:
        path = path.lstrip("/")
        return path in self.files or path in self.kept

    def paths(self) -> list[str]:
        """Return every path of the tree, made or kept, sorted."""
        return sorted({*self.files, *self.kept})

    def digests(self) -> dict[str, str]:
        """Return every file's SHA-256 (hex), kept ones as recorded."""
        found = dict(self.kept)
        found.update((path, hashlib.sha256(data).hexdigest()) for path, data in self.files.items())
        return found

    def write_atomically(
        self, target: Path, beside: Path | None = None, reuse: dict[str, str] | None = None,
        digests: dict[str, str] | None = None, recycle: Recycle | None = None,
    ) -> Previous | None:
        """Write everything into a fresh folder and swap it in as ``target`` at the end.

        The temporary folders stand in ``beside`` (default: ``target``'s parent), so
        ``print`` can replace ``public/tisk`` without ever putting one inside
        ``public/``. A failed or interrupted build leaves the previous site
        untouched: until the final rename, only the temporary folder is touched.

        ``reuse`` (path → SHA-256) are the files of the site in place known to be
        intact: a file of the same bytes is hard-linked from there instead of written
        (copied where links are impossible), so an unchanged file keeps its time and
        writing 28,000 files costs little more than linking them. The kept files
        must be among them. ``digests`` saves hashing again (:meth:`digests`).

        With ``recycle`` the new tree is the one kept beside the site by the last
        build, brought up to date (:mod:`.previous`), and the site in place is kept
        in its turn when it is known whole: what it holds then is returned, for the
        manifest.
        """
        digests = digests or (self.digests() if reuse else {})
        same = {p for p in self.files if reuse and reuse.get(p) == digests[p]}
        linked = sorted({*self.kept, *same})
        written = sorted(p for p in self.files if p not in same)
        target = target.resolve()
        work = (beside or target.parent).resolve()
        label = target.relative_to(work).as_posix().replace("/", ".")
        work.mkdir(parents=True, exist_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(work, label, target)
        if work != target.parent:  # an older version staged beside the target itself
            remove_leftovers(target.parent, target.name, target)
        kept = kept_name(work, label)
        with Claim(work, label) as claim:
            staging = claim.tree("building")
            try:
                if not (recycle and take(kept, staging, recycle.previous) and self._brought(staging, target, recycle, written, linked)):
                    self._fresh(staging, target, written, linked)
                os.chmod(staging, 0o755)
                site = recycle.site if recycle is not None and target.is_dir() else None
                moved = swap_in(staging, target, claim.tree("old"), keep=kept if site else None)
            except BaseException:
                remove_tree(staging)
                raise
        return Previous(os.lstat(kept).st_ino, *site) if moved and site else None

    def _fresh(self, staging: Path, target: Path, written: list[str], linked: list[str]) -> None:
        """Make ``staging`` a new tree: an empty one brought up to date (its folders, the files written and linked)."""
        os.mkdir(staging, 0o700)
        bring_up_to_date(staging, target, Previous(0, {}, {}), {}, self.files, written, linked)

    def _brought(self, staging: Path, target: Path, recycle: Recycle, written: list[str], linked: list[str]) -> bool:
        """Bring the kept tree, now ``staging``, up to date; return False (it is removed) where that fails."""
        assert recycle.previous is not None
        try:
            touched = bring_up_to_date(staging, target, recycle.previous, recycle.inodes, self.files, written, linked)
        except OSError as exc:  # the tree was not what its record says after all: make a new one
            log.debug("making a new tree: the one kept could not be brought up to date (%s)", exc)
            remove_tree(staging)
            return False
        log.debug("brought the tree kept beside %s up to date: %d files touched", target, touched)
        return True


def tidy(target: Path) -> None:
    """Remove what killed builds of ``target`` left beside it (a build that writes nothing still cleans up)."""
    target = target.resolve()
    remove_leftovers(target.parent, target.name, target)


def swap_in(staging: Path, target: Path, old: Path, keep: Path | None = None) -> bool:
    """Replace ``target`` by ``staging``; the previous tree is removed last, or moved to ``keep`` (then return True).

    On Linux the two trees trade places in one atomic rename (``RENAME_EXCHANGE``),
    so there is no moment without a site, even for a build killed right then;
    elsewhere the previous tree is first moved to ``old`` (and a build killed
    between the two renames has it put back by the next one).
    """
    had = target.exists()
    if had and not target.is_dir():
        raise CatalogueError(say(said.NOT_A_FOLDER, out=target))
    if had and _exchange(staging, target):
        return _done_with(staging, keep)  # it holds the previous site now
    if had:
        os.rename(target, old)
    try:
        os.rename(staging, target)
    except BaseException:
        if had:
            os.rename(old, target)
        raise
    return _done_with(old, keep) if had else False


def _done_with(tree: Path, keep: Path | None) -> bool:
    """Remove the tree that was the site, or keep it under ``keep`` for the next build (return whether it was kept)."""
    if keep is not None:
        try:
            os.rename(tree, keep)
            return True
        except OSError:  # something else has the name (never replaced): the tree goes
            pass
    remove_tree(tree)
    return False


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2  # <fcntl.h>, <linux/fs.h>


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); return False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


class Claim:
    """The temporary trees of one write, marked as this program's by a lock file held while it runs."""

    def __init__(self, work: Path, label: str) -> None:
        self.work = work
        self.label = label
        self.token = ""
        self.fd = -1

    def tree(self, what: str) -> Path:
        """Return the path of this write's ``building`` or ``old`` tree."""
        return self.work / f".{self.label}.{what}-{self.token}"

    @property
    def lock(self) -> Path:
        return self.work / f".{self.label}.building-{self.token}.lock"

    def __enter__(self) -> Claim:
        """Take the lock. It appears under its name only once it is held and signed (a claim file
        renamed into place), so a lock that nobody holds is always a killed build's."""
        while self.fd < 0:
            self.token = secrets.token_hex(6)
            claim = self.work / f".{self.label}.claim-{self.token}"
            try:
                fd = os.open(claim, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, LOCK_SIGNATURE + str(os.getpid()).encode() + b"\n")
            try:
                os.rename(claim, self.lock)
            except FileNotFoundError:  # another build's cleanup took the claim before it was held: claim again
                os.close(fd)
                continue
            self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        # Unlinked before letting go: a cleaner that takes the lock then finds nothing to remove.
        # A tree an exception left behind has no lock now, and the next build removes it by its name.
        unlink_quietly(str(self.lock))
        os.close(self.fd)


_LEFTOVER_RE = re.compile(r"^\.(?P<label>.+)\.(?P<what>building|old|claim)-(?P<token>[A-Za-z0-9_]{6,})(?P<lock>\.lock)?$")


def remove_leftovers(work: Path, label: str, target: Path) -> None:
    """Remove the temporary trees that killed writes of ``label`` left in ``work``; restore an interrupted swap.

    Only names this program makes, only real folders (never a link), and only when
    no running build holds their lock; trees of an older version (no lock at all)
    are recognised by their name.
    """
    groups: dict[str, dict[str, Path]] = {}
    try:
        entries = list(os.scandir(work))
    except OSError:
        return
    for entry in entries:
        match = _LEFTOVER_RE.match(entry.name)
        if not match or match["label"] != label:
            continue
        if match["what"] == "claim" and entry.is_file(follow_symlinks=False):
            if _abandoned(Path(entry.path), signed=False):  # a build killed while it took its lock
                unlink_quietly(entry.path)
        elif match["lock"] and entry.is_file(follow_symlinks=False):
            groups.setdefault(match["token"], {})["lock"] = Path(entry.path)
        elif not match["lock"] and entry.is_dir(follow_symlinks=False):
            groups.setdefault(match["token"], {})[match["what"]] = Path(entry.path)
    for token, found in sorted(groups.items()):
        lock = work / f".{label}.building-{token}.lock"
        if lock.exists() and not _abandoned(lock):
            continue  # a build is running
        old = found.get("old")
        if old is not None and not target.exists():
            log.debug("restoring %s from an interrupted build", target)
            os.rename(old, target)  # killed between the two renames of the swap: the previous site comes back
        for what in ("building", "old"):
            if what in found and found[what].exists():
                log.debug("removing %s, left by an interrupted build", found[what])
                remove_tree(found[what])
        unlink_quietly(str(lock))


def _abandoned(lock: Path, signed: bool = True) -> bool:
    """Return whether no running build holds ``lock`` (and, when ``signed``, that it is one of ours)."""
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        if signed and not os.read(fd, 64).startswith(LOCK_SIGNATURE):
            return False
        if fcntl is None:  # pragma: no cover - no flock
            return os.fstat(fd).st_mtime < time.time() - STALE_SECONDS
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True
    finally:
        os.close(fd)


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
