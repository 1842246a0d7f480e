"""Read the content folder once, then re-read only the files that changed.

A drop-in for :func:`catalogue.load.content.load_folder` (``check_content(read=…)``):
the first call reads every file with the loader's own :func:`~catalogue.load.content.read_file`;
later calls read again the files named by :meth:`IncrementalReader.changed` and
replay the rest, problems included. Any change it cannot place — a new, deleted
or renamed file, a file that gave no record — falls back to reading the whole
folder, which is still correct, only slower.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import Problems
from ..load.content import ContentFile, FileRead, Folder, RawContent, content_files, read_file
from ..model.kinds import CONTENT_FOLDERS


class IncrementalReader:
    """Keep what reading each file gave; re-read only what changed."""

    def __init__(self, folders: Sequence[Folder] = CONTENT_FOLDERS) -> None:
        self.folders = folders
        self.files: dict[Path, FileRead] = {}  # absolute path → what reading it gave, in reading order
        self.places: dict[Path, ContentFile] = {}  # absolute path → the file as the full load names it
        self.pending: set[Path] = set()
        self.full = True
        self.reads = 0  # files read by the last call, for tests and timings

    def changed(self, paths: set[Path]) -> None:
        """Note files that changed since the last read."""
        self.pending |= {p.resolve() for p in paths}

    def __call__(self, content: Path, problems: Problems) -> RawContent:
        if self.full or not self._can_patch():
            self._read_all(content)
        else:
            for path in sorted(self.pending):
                self.files[path] = read_file(self.places[path])  # the dict keeps its place in the reading order
            self.reads = len(self.pending)
        self.pending.clear()
        raw = RawContent([], set())
        for read in self.files.values():
            raw.add(read, problems)
        return raw

    def _can_patch(self) -> bool:
        """Return whether every pending change is an edit of a file that gave a record (or failed to).

        Anything else — a new or deleted file, a folder moved in or away (``mv
        content/life-situations elsewhere`` reports the folder alone) — is read
        again as a whole: slower, never stale.
        """
        for path in self.pending:
            read = self.files.get(path)
            if read is not None:
                if not (read.documents or read.failed) or not path.is_file():
                    return False
            elif path.exists() or any(path in known.parents for known in self.files):
                return False
        # What is left came and went between two looks (sed -i, some editors' safe save): it changes nothing.
        self.pending = {p for p in self.pending if p in self.files}
        return True

    def _read_all(self, content: Path) -> None:
        self.files, self.places = {}, {}
        for file in content_files(content, self.folders):
            key = file.path.resolve()
            self.places[key] = file
            self.files[key] = read_file(file)
        self.reads = sum(1 for read in self.files.values() if read.documents)
        self.full = False
