"""One content file as the loader gives it (:class:`Document`): its kind, id, bytes, and its tree parsed on demand."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..messages import files as said
from ..messages.core import say
from .files import Refused, read_content, read_with_stat
from .known import KnownFiles
from .yamlstrict import Mapping, YamlError, parse


@dataclass(eq=False)
class Document:
    """One content file: which kind of record, its id, where it came from, its data.

    Record files are parsed lazily: with a warm cache, a valid file is never
    parsed, and a position is looked up (by parsing) only to report a problem.
    A record file that stands as the last run recorded it (:mod:`.known`) is not
    even read: ``digest`` is what was recorded, and its bytes are read only when
    asked for (:attr:`source`).
    """

    kind: str  # "site", "providers", "services", …, "vocabularies", "pages"
    id: str
    path: str  # as shown to the editor
    parsed: Mapping | None = None
    _source: bytes | None = b""  # None: not read (yet), see ``file``
    body: str = ""  # Markdown body of a page
    body_line: int = 1
    lazy: bool = False  # ``parsed`` comes from ``source`` on demand, and may be dropped (:meth:`forget`)
    file: str = ""  # where the bytes of a file not read are read from when asked for
    digest: bytes = b""  # the SHA-256 of the bytes ("" until :meth:`hashed`)

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"

    @property
    def source(self) -> bytes:
        """Return the file's bytes, reading them now if they were not read (a problem in the file needs its positions)."""
        if self._source is None:
            try:
                self._source = read_content(Path(self.file))
            except (OSError, Refused):  # gone since the stat: its problems point at its start, the next run reads it
                self._source = b""
        return self._source

    @property
    def unread(self) -> bool:
        return self._source is None

    def hashed(self) -> bytes:
        """Return the SHA-256 of the file's bytes: as recorded for a file not read, else of the bytes read."""
        if not self.digest:
            self.digest = hashlib.sha256(self.source).digest()
        return self.digest

    def read_back(self, known: KnownFiles | None) -> None:
        """Read a file that was taken as recorded, and hash what it holds now: a record is validated from bytes read, never from a stat."""
        if self._source is None:
            try:
                self._source, info = read_with_stat(self.file)
            except (OSError, Refused):  # gone since the stat: validated as empty now, read (and reported) next time
                self._source, info = b"", None
            self.digest = b""
            if known is not None and info is not None:
                known.note(self.file, info, self.hashed())

    @property
    def data(self) -> Mapping:
        """Return the parsed tree; raise :class:`YamlError` when the file is not a valid record."""
        if self.parsed is None:
            late = self._source is None  # only a position is wanted: the record came from the cache
            try:
                self.parsed = parse_record(self.source)
            except YamlError:
                if not late:
                    raise
                self.parsed = Mapping((1, 1))  # broken since the stat: the problem points at the start, the next run reads it
        return self.parsed

    def forget(self) -> None:
        """Drop the parsed tree of a file read lazily; it is parsed again from its bytes if a problem needs a position."""
        if self.lazy:
            self.parsed = None


def parse_record(source: bytes) -> Mapping:
    """Parse a record file; anything but a mapping of fields is a :class:`YamlError`."""
    tree = parse(source)
    if not isinstance(tree, Mapping):
        what = said.A_LIST if isinstance(tree, list) else said.A_SINGLE_VALUE
        raise YamlError(1, 1, say(said.RECORD_NOT_MAPPING, what=say(what)))
    return tree
