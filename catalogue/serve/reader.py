"""Read the content folder once, then re-read only the files that changed.

A drop-in for :func:`catalogue.load.content.load_folder` (``pipeline.load(read=…)``):
the first call reads everything; later calls re-read the files named by
:meth:`IncrementalReader.changed` and replay the rest, problems included. Any
change it cannot place — a new, deleted or renamed file, a file with a bad name —
falls back to reading the whole folder, which is still correct, only slower.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, Problems, display_path
from ..load import content as content_loader
from ..load.content import RECORD_FOLDERS, SLUG_RE, Document, RawContent, load_folder

_ORDER = {"site": 0, **{kind: i + 1 for i, kind in enumerate(RECORD_FOLDERS)}, "vocabularies": 10, "pages": 11}


@dataclass
class _File:
    """What reading one file gave: a document or a failure, and its problems."""

    documents: list[Document] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


class IncrementalReader:
    """Keep every file's document and problems; re-read only what changed."""

    def __init__(self) -> None:
        self.files: dict[Path, _File] = {}  # absolute path → what reading it gave
        self.other: list[Problem] = []  # problems about no single known file (a missing site.yaml)
        self.pending: set[Path] = set()
        self.full = True
        self.order: list[Path] = []  # the files in the order load_folder reads them
        self.reads = 0  # files read by the last call, for tests and timings

    def changed(self, paths: set[Path]) -> None:
        """Note files that changed since the last read."""
        self.pending |= {p.resolve() for p in paths}

    def __call__(self, content: Path, problems: Problems) -> RawContent:
        if self.full or not self._can_patch(content):
            self._read_all(content)
        else:
            for path in sorted(self.pending):
                self.files[path] = read_one(content, path)
                self.reads += 1
        self.pending.clear()
        for problem in self.other:
            problems.add(problem)
        documents: list[Document] = []
        failed: set[str] = set()
        if len(self.order) != len(self.files):
            root = content.resolve()
            self.order = sorted(self.files, key=lambda p: (_rank(root, p), p.name))
        for path in self.order:
            entry = self.files[path]
            documents.extend(entry.documents)
            failed |= entry.failed
            for problem in entry.problems:
                problems.add(problem)
        return RawContent(documents, failed)

    def _can_patch(self, content: Path) -> bool:
        """Return whether every pending change is an edit of a file already known.

        Anything else — a new or deleted file, a folder moved in or away (``mv
        content/life-situations elsewhere`` reports the folder alone) — is read
        again as a whole: slower, never stale.
        """
        self.reads = 0
        for path in self.pending:
            entry = self.files.get(path)
            if entry is not None:
                if not (entry.documents or entry.failed) or not path.is_file():
                    return False
            elif path.exists() or any(path in known.parents for known in self.files):
                return False
        # What is left came and went between two looks (sed -i, some editors' safe save): it changes nothing.
        self.pending = {p for p in self.pending if p in self.files}
        return True

    def _read_all(self, content: Path) -> None:
        problems = Problems()
        raw = load_folder(content, problems)
        self.reads = len(raw.documents)
        root = content.resolve()
        by_shown: dict[str, Path] = {}
        self.files = {}
        for path in _content_files(root):
            by_shown[display_path(content / path.relative_to(root))] = path
        for doc in raw.documents:
            self._entry(by_shown, doc.path, root).documents.append(doc)
        for key in raw.failed:
            kind, _, ident = key.partition("/")
            path = _path_of(root, kind, ident)
            self.files.setdefault(path, _File()).failed.add(key)
        self.other = []
        self.order = []
        for problem in problems.items:
            if problem.path in by_shown:
                self._entry(by_shown, problem.path, root).problems.append(problem)
            else:
                self.other.append(problem)
        self.full = False

    def _entry(self, by_shown: dict[str, Path], shown: str, root: Path) -> _File:
        path = by_shown.get(shown) or (root / shown)
        return self.files.setdefault(path, _File())


def read_one(content: Path, path: Path) -> _File:
    """Read one known content file the way ``load_folder`` reads it."""
    entry = _File()
    problems = Problems()
    root = content.resolve()
    rel = path.relative_to(root)
    folder = rel.parts[0] if len(rel.parts) > 1 else ""
    shown_folder = display_path(content / folder) if folder else ""
    if rel.as_posix() == "site.yaml":
        content_loader._load_yaml(path, "site", "site", entry.documents, entry.failed, problems, root)
    elif folder == "vocabularies":
        content_loader._load_yaml(path, "vocabularies", path.stem, entry.documents, entry.failed, problems, root)
    elif folder == "pages":
        content_loader._load_page(path, entry.documents, entry.failed, problems, root)
    elif folder in RECORD_FOLDERS and SLUG_RE.match(path.stem):
        source = content_loader._read(path, problems, root)
        if source is None:
            entry.failed.add(f"{folder}/{path.stem}")
        else:
            entry.documents.append(Document(folder, path.stem, f"{shown_folder}/{path.name}", source=source))
    entry.problems = list(problems.items)
    return entry


def _content_files(root: Path) -> list[Path]:
    files = [root / "site.yaml"]
    for folder in (*RECORD_FOLDERS, "vocabularies", "pages"):
        if (root / folder).is_dir():
            files.extend(p for p in (root / folder).iterdir() if p.is_file())
    return files


def _path_of(root: Path, kind: str, ident: str) -> Path:
    if kind == "site":
        return root / "site.yaml"
    return root / kind / f"{ident}{'.md' if kind == 'pages' else '.yaml'}"


def _rank(root: Path, path: Path) -> int:
    """Return the position of a file's folder in the order ``load_folder`` reads them."""
    parent = path.parent
    if parent == root:
        return 0 if path.name == "site.yaml" else 99
    return _ORDER.get(parent.name, 99) if parent.parent == root else 99
