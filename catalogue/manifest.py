"""The build manifest: what the last build read and wrote, so that the next one does only what changed.

Kept in ``content/.cache/outputs/builds/`` (one pair of files per output folder),
sealed like every cache (:mod:`.sealed`), so a manifest someone else put there is
ignored. The manifest holds the fingerprint of everything a build reads — each
content, theme and code file by size, modification time and SHA-256, and the
settings (``--print``, ``--strict``, the build date, the versions of the program,
Python and the libraries that shape the output) — and each output file's SHA-256,
size, modification time, inode and the step that made it. Its companion, the
state, holds the published catalogue and every page's dependency keys: what the
next build compares the new catalogue with (:func:`~.render.depends.changed_keys`,
as the live preview does).

A file whose size and time are those recorded is taken to be unchanged (as git and
make do); one written less than :data:`RACY_SECONDS` before the scan is hashed
again next time, since a second write within the clock's resolution would keep its
time. Anything uncertain makes a full build: no manifest (or a foreign, damaged or
older one), changed code, templates, theme or settings.
"""

from __future__ import annotations

import gc
import hashlib
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .clock import build_date, today
from .sealed import read_sealed, write_sealed
from .validate.cache import cache_folder
from .write import Previous, Recycle

FORMAT = "catalogue-build-manifest-2"
PROJECT = Path(__file__).resolve().parents[1]
PACKAGE = Path(__file__).resolve().parent
CODE_ROOTS = (PACKAGE, PROJECT / "templates", PROJECT / "static", PROJECT / "vendor" / "npm")
LIBRARIES = ("jinja2", "markdown", "markdown-it-py", "nh3", "pydantic", "pydantic-core", "pyyaml", "weasyprint", "babel")  # they shape the output
RACY_SECONDS = 2.0
SKIPPED = ("__pycache__",)

#: An input: (size, modification time in ns, SHA-256 hex); an output adds (inode, step that made it).
Input = tuple[int, int, str]
Output = tuple[int, int, str, int, str]


@dataclass
class Manifest:
    """What one build read (``inputs``, ``settings``) and wrote (``outputs``), paired with its state by ``token``."""

    out: str
    settings: dict[str, str]
    inputs: dict[str, Input]
    outputs: dict[str, Output] = field(default_factory=dict)
    folders: dict[str, int] = field(default_factory=dict)  # each output folder's modification time: a file added changes it
    token: str = field(default_factory=lambda: secrets.token_hex(8))
    warnings: int = 0
    pages: int = 0
    previous: Previous | None = None  # the tree kept beside the output, to be the next one (:mod:`.write.previous`)
    format: str = FORMAT


@dataclass
class State:
    """What the next build compares with: the published catalogue, each page's dependency keys (by output path)."""

    token: str
    catalogue: Any
    pages: dict[str, frozenset[str]]


@dataclass
class Survey:
    """How the inputs and the output folder stand against the last build's manifest.

    ``reason`` says why the build must be full ("" when the manifest can be trusted);
    ``changed`` are the inputs added, changed or removed since; ``intact`` the output
    files still as the manifest says (path → SHA-256), ``damaged`` those missing or
    edited, ``extra`` whether the folder holds files the manifest does not list;
    ``rehashed`` the intact files whose size, time or inode changed (the same bytes).
    """

    manifest: Manifest | None
    settings: dict[str, str]
    inputs: dict[str, Input]
    reason: str = ""
    changed: set[str] = field(default_factory=set)
    intact: dict[str, str] = field(default_factory=dict)
    damaged: set[str] = field(default_factory=set)
    extra: bool = False
    rehashed: set[str] = field(default_factory=set)

    def recycle(self) -> Recycle:
        """Return what the write knows of the trees beside the output: the one kept by the last build, the site in place.

        The site in place is kept for the next build only when every file of it was
        found as recorded (size, time and inode) and nothing else in it.
        """
        last = self.manifest
        if last is None:
            return Recycle(None)  # a tree kept before is not known: it goes
        inodes = {rel: last.outputs[rel][3] for rel in self.intact if rel not in self.rehashed}
        whole = not self.damaged and not self.extra and not self.rehashed
        site = ({rel: entry[3] for rel, entry in last.outputs.items()}, dict(last.folders)) if whole else None
        return Recycle(last.previous, inodes, site)

    @property
    def unchanged(self) -> bool:
        """Return whether nothing the build reads or writes changed: the output is up to date."""
        return self.manifest is not None and not self.reason and not self.changed and not self.damaged and not self.extra


def settings(print_pdfs: bool, strict: bool, theme: Path | None) -> dict[str, str]:
    """Return what a build's output depends on besides its files: options, dates, versions."""
    found = {
        "version": __version__,
        "python": sys.version,
        "print": str(print_pdfs),
        "strict": str(strict),
        "theme": str(theme.resolve()) if theme else "",
        "today": today().isoformat(),
        "build-date": str(build_date()),
    }
    installed = _installed()
    found.update((f"lib {name}", installed.get(name, "-")) for name in LIBRARIES)
    return found


def _installed() -> dict[str, str]:
    """Return the version of each installed distribution, from the names of its ``.dist-info`` folders.

    Much quicker than asking ``importlib.metadata`` about each: a no-change build is
    meant to take well under a second.
    """
    found: dict[str, str] = {}
    for entry in reversed(sys.path):  # the first on the path wins, as for imports
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                project, _, version = name[: -len(".dist-info")].partition("-")
                found[project.lower().replace("_", "-")] = version
    return found


def folder(content: Path) -> Path:
    """Return where the manifests of builds of ``content`` are kept."""
    return cache_folder(content, "outputs") / "builds"


def _paths(content: Path, out: Path) -> tuple[Path, Path]:
    """Return the manifest's and the state's files for a build of ``content`` into ``out``."""
    name = hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:16]
    base = folder(content) / name
    return base.with_suffix(".manifest"), base.with_suffix(".state")


def survey_build(content: Path, out: Path, strict: bool = False, print_pdfs: bool = False, full: bool = False) -> Survey:
    """Compare what a build of ``content`` (its theme in ``content/theme``) into ``out`` reads and writes with the last one."""
    theme = content / "theme"
    theme_dir = theme if theme.is_dir() else None
    return survey(content, out, theme_dir, settings(print_pdfs, strict, theme_dir), full)


def survey(content: Path, out: Path, theme: Path | None, now: dict[str, str], full: bool = False) -> Survey:
    """Compare the inputs and ``out`` with the last build's manifest (unless ``full``: then trust nothing).

    Without the cyclic collector: its objects (the manifest's 100,000 entries) all last,
    and collecting them again cost a no-change build 0.1-0.25 s of its second.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _survey(content, out, theme, now, full)
    finally:
        if enabled:
            if not gc.get_freeze_count():  # into the oldest generation unwalked, as workers.paused_gc does
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _survey(content: Path, out: Path, theme: Path | None, now: dict[str, str], full: bool) -> Survey:
    manifest = None if full else read_manifest(content, out)
    inputs = scan_inputs(content, theme, manifest.inputs if manifest else {})
    found = Survey(manifest, now, inputs)
    if full:
        found.reason = "asked for (--full)"
        return found
    if manifest is None:
        found.reason = "no record of an earlier build"
        return found
    found.changed = {p for p in inputs.keys() | manifest.inputs.keys() if inputs.get(p, (0, 0, ""))[2] != manifest.inputs.get(p, (0, 0, ""))[2]}
    if manifest.settings != now:
        found.reason = "the settings changed: " + ", ".join(sorted(k for k in now.keys() | manifest.settings.keys() if now.get(k) != manifest.settings.get(k)))
    elif any(not p.startswith("content/") for p in found.changed):
        found.reason = "the program, its templates or the theme changed"
    found.intact, found.rehashed, found.extra = check_outputs(out, manifest.outputs, manifest.folders)
    found.damaged = manifest.outputs.keys() - found.intact.keys()
    return found


def read_manifest(content: Path, out: Path) -> Manifest | None:
    """Return the last build's manifest for ``out``, or None (none, foreign, damaged, of another version or folder)."""
    manifest = read_sealed(_paths(content, out)[0])
    if not isinstance(manifest, Manifest) or manifest.format != FORMAT or manifest.out != str(out.resolve()):
        return None
    return manifest


def read_state(content: Path, out: Path, manifest: Manifest, find: Callable[[Any], Any] | None = None) -> State | None:
    """Return the state written with ``manifest``, or None; ``find`` gives back the records :func:`save` named."""
    state = read_sealed(_paths(content, out)[1], find)
    return state if isinstance(state, State) and state.token == manifest.token else None


def forget(content: Path, out: Path) -> None:
    """Remove the manifest before the output changes: a build killed from now on leaves none, so the next is full."""
    try:
        _paths(content, out)[0].unlink(missing_ok=True)
    except OSError:
        pass


def save(content: Path, out: Path, manifest: Manifest, state: State | None, name: Callable[[Any], Any] | None = None) -> None:
    """Write the state (when it changed; ``name`` names the records kept elsewhere) and then the manifest that names it."""
    manifest_path, state_path = _paths(content, out)
    if state is not None:
        write_sealed(state_path, state, name)
    write_sealed(manifest_path, manifest)


# --- fingerprints -------------------------------------------------------------------------


def scan_inputs(content: Path, theme: Path | None, previous: dict[str, Input]) -> dict[str, Input]:
    """Return every file a build reads, by group ("content/…", "theme/…", "code/N/…"), with size, time and hash.

    Hidden files and folders (``.cache``, ``.git``) are not content: the loader skips them.
    """
    theme = theme.resolve() if theme else None
    found: dict[str, Input] = {}
    for rel, path in _walk(content.resolve(), skip=theme):
        found[f"content/{rel}"] = _input(path, previous.get(f"content/{rel}"))
    if theme is not None:
        for rel, path in _walk(theme):
            found[f"theme/{rel}"] = _input(path, previous.get(f"theme/{rel}"))
    for number, root in enumerate(CODE_ROOTS):
        for rel, path in _walk(root, hidden=True):
            key = f"code/{number}/{rel}"
            found[key] = _input(path, previous.get(key))
    return found


def _walk(root: Path, skip: Path | None = None, hidden: bool = False) -> list[tuple[str, str]]:
    """Return (relative path, path) of every file below ``root`` but ``__pycache__``, links not followed, sorted."""
    return sorted((rel, entry.path) for rel, entry in _entries(str(root), hidden, str(skip) if skip else None, SKIPPED))


def _entries(root: str, hidden: bool = True, skip: str | None = None, ignored: tuple[str, ...] = ()) -> Iterator[tuple[str, os.DirEntry]]:
    """Yield (relative path, entry) of every file below ``root``; a link is a file here, never followed."""
    stack = [(root, "")]
    while stack:
        folder_path, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder_path))
        except OSError:
            continue
        for entry in entries:
            if (entry.name.startswith(".") and not hidden) or entry.name in ignored:
                continue
            rel = prefix + entry.name
            if not entry.is_dir(follow_symlinks=False):
                yield rel, entry
            elif entry.path != skip:
                stack.append((entry.path, rel + "/"))


def _input(path: str, previous: Input | None) -> Input:
    """Return a file's size, time and hash; the hash is taken from ``previous`` when size and time match."""
    try:
        info = os.stat(path)
    except OSError:
        return (-1, 0, "missing")
    if previous is not None and previous[0] == info.st_size and previous[1] == info.st_mtime_ns:
        return previous
    sha = file_sha(path)
    racy = info.st_mtime_ns >= (time.time() - RACY_SECONDS) * 1e9
    return (-1 if racy else info.st_size, info.st_mtime_ns, sha)


def file_sha(path: str) -> str:
    """Return the SHA-256 of a file's bytes ("missing" when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return "missing"


def check_outputs(out: Path, recorded: dict[str, Output], folders: dict[str, int]) -> tuple[dict[str, str], set[str], bool]:
    """Return the output files still as recorded (path → hash), those of them found by their bytes alone, and whether there are others.

    Each recorded file is looked at by its path, and a folder listed only when its time
    changed (a file added, removed or renamed in it): the national site's 17,000
    folders need not be read one by one.
    """
    intact: dict[str, str] = {}
    rehashed: set[str] = set()
    base = os.path.join(out, "")  # paths as strings: 28,000 pathlib joins cost more than the lstat calls
    lstat = os.lstat
    for rel, (size, mtime, sha, ino, _step) in recorded.items():
        try:
            info = lstat(base + rel)
        except OSError:
            continue
        if (info.st_size, info.st_mtime_ns, info.st_ino) == (size, mtime, ino):
            intact[rel] = sha
        elif file_sha(base + rel) == sha:
            intact[rel] = sha
            rehashed.add(rel)
    return intact, rehashed, _others(base, recorded, folders)


def _others(base: str, recorded: dict[str, Output], folders: dict[str, int]) -> bool:
    """Return whether the output folder (``base``, ending in a separator) holds a file or folder the manifest does not list."""
    for rel, mtime in folders.items():
        try:
            if os.lstat(base + rel).st_mtime_ns == mtime:
                continue
            names = os.listdir(base + rel)
        except OSError:
            return True
        prefix = f"{rel}/" if rel else ""
        if any(f"{prefix}{name}" not in recorded and f"{prefix}{name}" not in folders for name in names):
            return True
    return False


def record_outputs(out: Path, digests: dict[str, str], steps: dict[str, str]) -> tuple[dict[str, Output], dict[str, int]]:
    """Return the manifest's entries for the files just written into ``out`` (their hashes known), and its folders' times.

    Each file and folder is looked at by its path (a link counts as a foreign file:
    -1): walking the national site's 17,000 folders cost ten times as much.
    """
    base = os.path.join(out, "")
    lstat = os.lstat
    entries: dict[str, Output] = {}
    for rel, sha in digests.items():
        try:
            info = lstat(base + rel)
            size, mtime, ino = (-1, 0, 0) if stat.S_ISLNK(info.st_mode) else (info.st_size, info.st_mtime_ns, info.st_ino)
        except OSError:
            size, mtime, ino = -1, 0, 0
        entries[rel] = (size, mtime, sha, ino, steps.get(rel, ""))
    names = {""}
    for rel in entries:
        parent = os.path.dirname(rel)
        while parent not in names:  # a folder holding only folders counts too
            names.add(parent)
            parent = os.path.dirname(parent)
    return entries, {rel: lstat(base + rel if rel else out).st_mtime_ns for rel in sorted(names)}
