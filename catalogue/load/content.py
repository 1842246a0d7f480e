"""Find the content files and parse each into a positioned tree; never validate here.

Which folders hold which kind of file is not known here: the caller passes the
folders (:data:`catalogue.model.kinds.CONTENT_FOLDERS`), each with the reader of
its files. :func:`read_file` reads one file exactly as :func:`load_folder` reads
it, so the live preview re-reads a changed file without a second copy of the rules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..messages.core import LANGUAGES
from ..messages import files as said
from ..messages.core import Message, say
from ..errors import Problem, Problems, display_path
from .files import OWN_FOLDERS, Refused, inside, outside_links, read_content, read_with_stat
from .document import Document, parse_record
from .known import KnownFiles
from .yamlstrict import Mapping, YamlError, decode, parse

SITE_FILE = "site.yaml"  # the one file at the top of the content folder
#: An id: the file name without its suffix, as it stands in URLs and references.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 100  # characters of an id (a file name, the last part of a web address)
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)
_CONTENT_SUFFIXES = (".yml", ".YAML", ".md", ".yaml", ".markdown")  # in the wrong folder, a mistake, not a stray file


def site_language(content: Path) -> str | None:
    """Return the language ``site.yaml`` names, or None when it cannot be read (messages then speak Czech)."""
    try:
        data = parse(read_content(content / SITE_FILE))
    except (OSError, Refused, YamlError):
        return None
    language = data.get("language") if isinstance(data, Mapping) else None
    return language if language in LANGUAGES else None


@dataclass
class FileRead:
    """What reading one file gave: its document (or the key of a file that failed) and its problems."""

    documents: list[Document] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # "services/x" of a file that could not be read or parsed
    problems: list[Problem] = field(default_factory=list)


Reader = Callable[[Path, str, str, str, Problems], FileRead]  # (path, kind, id, name shown, problems) → what it gave


@dataclass(frozen=True)
class ContentFile:
    """A file of the content: where it is, its folder (None: site.yaml), and its name as the editor sees it.

    ``link`` marks a symbolic link: it is read only when it resolves inside ``root``,
    the content folder (a pull request can add a link to ``/etc/passwd``).
    """

    path: Path
    folder: Folder | None
    shown: str
    root: Path | None = None
    link: bool = False
    folder_itself: bool = False  # a folder (a record's own, ``plans/2020-2024/``), as the folder's listing says


@dataclass(frozen=True)
class Folder:
    """A folder of the content: its name (= the kind of its files), their suffix and how each is read.

    ``location`` is where the files lie when not in ``content/<name>/``: a pattern whose
    "*" is the folder of the record they belong to (``plans/*/measures``); their id is
    then that folder's name and the file's, ``2020-2024/2-3``. ``owned`` names the
    folders a record of this folder may have beside its file (``plans/2020-2024/measures``).
    """

    name: str
    suffix: str
    read: Reader
    location: str | None = None
    owned: tuple[str, ...] = ()

    def places(self, content: Path) -> list[Path]:
        """Return the folders that hold its files, in reading order."""
        if self.location is None:
            return [content / self.name] if (content / self.name).is_dir() else []
        parent, _, below = self.location.partition("/*/")
        if not (content / parent).is_dir():
            return []
        owners = sorted(p for p in (content / parent).iterdir() if p.is_dir() and not p.name.startswith("."))
        owners = [owner for owner in owners if not owner.is_symlink() or inside(owner, [content])]  # one refused, as a file of its folder
        return [owner / below for owner in owners if (owner / below).is_dir()]

    def ident(self, path: Path) -> str:
        """Return the id of the record in ``path``: its name, after the name of its owner's folder when nested."""
        return path.stem if self.location is None else f"{path.parent.parent.name}/{path.stem}"


@dataclass
class RawContent:
    documents: list[Document]
    failed: set[str]  # "services/x" of files that could not be read or parsed

    def add(self, read: FileRead, problems: Problems) -> None:
        """Take in what one file gave."""
        self.documents.extend(read.documents)
        self.failed |= read.failed
        for problem in read.problems:
            problems.add(problem)


def load_folder(content: Path, problems: Problems, folders: Sequence[Folder], known: KnownFiles | None = None) -> RawContent:
    """Parse every content file below ``content``: site.yaml, then each folder in order; problems go to ``problems``.

    ``known``: what the last run recorded of the record files, so that those unchanged are not read.
    """
    raw = RawContent([], set())
    for file in content_files(content, folders):
        raw.add(read_file(file, known), problems)
    check_theme(content / "theme", problems)
    return raw


def content_files(content: Path, folders: Sequence[Folder]) -> Iterator[ContentFile]:
    """Yield every file the content consists of, in reading order: site.yaml, then each folder's files by name.

    A folder that is a link out of the content folder is yielded itself, for
    :func:`read_file` to refuse it once.
    """
    root = content.resolve()
    site = content / SITE_FILE
    yield ContentFile(site, None, display_path(site), root, site.is_symlink())
    for folder in folders:
        for where in folder.places(content):
            shown = display_path(where)  # once per folder, not for each of 19,000 files
            if where.is_symlink() and not inside(where, [root]):
                yield ContentFile(where, folder, shown, root, link=True)
                continue
            with os.scandir(where) as entries:  # a link or a folder is told apart without a system call per file
                # a folder is read only where records own one (a plan's parts)
                found = sorted((e.name, e.is_symlink(), e.is_dir()) for e in entries if not e.name.startswith("."))
            for name, link, is_dir in found:
                if folder.owned or not is_dir:
                    yield ContentFile(where / name, folder, f"{shown}/{name}", root, link, is_dir)


def read_file(file: ContentFile, known: KnownFiles | None = None) -> FileRead:
    """Read one content file the way :func:`load_folder` reads it (a record file not at all when ``known`` knows it)."""
    path, folder, shown = file.path, file.folder, file.shown
    problems = Problems()
    if file.link and file.root is not None and not inside(path, [file.root]):
        problems.error(shown, 1, 1, "", _outside(path, said.THE_FOLDER if path.is_dir() else said.THE_FILE))
        key = f"{folder.name}/{path.stem}" if folder is not None else "site/site"
        return FileRead(failed=set() if path.is_dir() else {key}, problems=problems.items)
    if folder is None:
        if not path.is_file():
            problems.error(shown, 1, 1, "", say(said.SITE_MISSING))
            return FileRead(problems=problems.items)
        read = read_yaml(path, "site", "site", shown, problems)
    elif file.folder_itself:
        read = read_owned_folder(path, folder, shown, problems)
    elif (suffix := path.suffix) != folder.suffix:
        if suffix in _CONTENT_SUFFIXES:
            problems.error(shown, 1, 1, "", say(said.FILE_WRONG_SUFFIX, folder=path.parent.name, suffix=folder.suffix))
        elif not path.name.endswith("~"):
            problems.warning(shown, 1, 1, "", say(said.FILE_IGNORED, suffix=folder.suffix))
        read = FileRead()
    elif len(stem := path.name[: -len(suffix)]) > ID_MAX:
        problems.error(shown, 1, 1, "", say(said.FILE_LONG_ID, name=stem[:40], length=len(stem), limit=ID_MAX))
        read = FileRead()
    elif not SLUG_RE.match(stem):
        problems.error(shown, 1, 1, "", say(said.FILE_BAD_ID, name=stem, suffix=suffix))
        read = FileRead()
    elif folder.read is read_record:
        read = read_record(path, folder.name, folder.ident(path), shown, problems, known)
    else:
        read = folder.read(path, folder.name, folder.ident(path), shown, problems)
    read.problems = problems.items
    return read


def read_owned_folder(path: Path, folder: Folder, shown: str, problems: Problems) -> FileRead:
    """Check a record's own folder (``plans/2020-2024/``): its record exists, it holds only the folders of parts.

    Its files are read through their own folders (:attr:`Folder.location`); a folder of
    another name is reported, so no file is silently left out.
    """
    record = f"{path.name}{folder.suffix}"
    if not (path.parent / record).is_file():
        problems.error(shown, 1, 1, "", say(said.FOLDER_NO_RECORD, folder=folder.name, record=record))
    for inner in sorted(path.iterdir()):
        if not inner.name.startswith(".") and not (inner.is_dir() and inner.name in folder.owned):
            problems.warning(f"{shown}/{inner.name}", 1, 1, "", say(said.FOLDER_STRAY, owned=", ".join(folder.owned)))
    return FileRead()


# --- the readers ----------------------------------------------------------------------


def read_record(path: Path, kind: str, ident: str, shown: str, problems: Problems, known: KnownFiles | None = None) -> FileRead:
    """Read a record's bytes; they are parsed only when the cache does not know them, and not read when ``known`` does."""
    name = str(path)
    digest = known.digest(name) if known is not None else None
    if digest is not None:
        return FileRead([Document(kind, ident, shown, None, None, lazy=True, file=name, digest=digest)])
    read = _read_stat(path, shown, problems)
    if read is None:
        return FileRead(failed={f"{kind}/{ident}"})
    doc = Document(kind, ident, shown, None, read[0], lazy=True, file=name)
    if known is not None:
        known.note(name, read[1], doc.hashed())
    return FileRead([doc])


def read_yaml(path: Path, kind: str, ident: str, shown: str, problems: Problems) -> FileRead:
    """Read and parse a small file at once (site, vocabularies): they are always needed."""
    source = _read(path, shown, problems)
    try:
        if source is None:
            raise YamlError(1, 1, "")
        return FileRead([Document(kind, ident, shown, parse_record(source), source)])
    except YamlError as exc:
        if exc.message:
            problems.error(shown, exc.line, exc.column, "", exc.message)
        return FileRead(failed={f"{kind}/{ident}"})


def read_page(path: Path, kind: str, ident: str, shown: str, problems: Problems) -> FileRead:
    """A page is Markdown with YAML front matter between two ``---`` lines."""
    raw = _read(path, shown, problems)
    if raw is None:
        return FileRead(failed={f"{kind}/{ident}"})
    try:
        text = decode(raw).replace("\r\n", "\n")
    except YamlError as exc:
        problems.error(shown, exc.line, exc.column, "", exc.message)
        return FileRead()
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        problems.error(shown, 1, 1, "", say(said.PAGE_NO_FRONT_MATTER))
        return FileRead()
    try:
        tree = parse(match.group(1))
    except YamlError as exc:
        problems.error(shown, exc.line + 1, exc.column, "", exc.message)
        return FileRead()
    if not isinstance(tree, Mapping):
        problems.error(shown, 2, 1, "", say(said.PAGE_FRONT_MATTER_FIELDS))
        return FileRead()
    _shift(tree, 1)
    body_line = text.count("\n", 0, match.end()) + 1
    return FileRead([Document(kind, ident, shown, tree, raw, text[match.end():], body_line)])


PDF_MAGIC = b"%PDF-"
MAX_PDF_BYTES = 50 * 1024 * 1024  # a plan's PDF has a few MB; more is a mistake worth a message


def read_pdf(path: Path, kind: str, ident: str, shown: str, problems: Problems) -> FileRead:
    """Read a PDF of ``files/``: its bytes, once they are known to be a PDF of a sensible size."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.error(shown, 1, 1, "", say(said.FILE_UNREADABLE, reason=exc.strerror))
        return FileRead(failed={f"{kind}/{ident}"})
    if size > MAX_PDF_BYTES:
        problems.error(shown, 1, 1, "", say(said.PDF_TOO_LARGE, size=size // 2**20, limit=MAX_PDF_BYTES // 2**20))
        return FileRead(failed={f"{kind}/{ident}"})
    source = _read(path, shown, problems)
    if source is None or not source.startswith(PDF_MAGIC):
        if source is not None:
            problems.error(shown, 1, 1, "", say(said.PDF_NOT_PDF))
        return FileRead(failed={f"{kind}/{ident}"})
    return FileRead([Document(kind, ident, shown, Mapping((1, 1)), source)])


def _read(path: Path, shown: str, problems: Problems) -> bytes | None:
    """Return a file's bytes, or None with the reason reported (too large, unreadable)."""
    read = _read_stat(path, shown, problems)
    return read[0] if read is not None else None


def _read_stat(path: Path, shown: str, problems: Problems) -> tuple[bytes, os.stat_result] | None:
    """Return a file's bytes and its stat when opened, or None with the reason reported (too large, unreadable)."""
    try:
        return read_with_stat(path)
    except Refused as exc:
        problems.error(shown, 1, 1, "", exc.args[0])
    except OSError as exc:
        problems.error(shown, 1, 1, "", say(said.FILE_UNREADABLE, reason=exc.strerror))
    return None


# --- the theme: files of the content that are not records ------------------------------------


def check_theme(theme: Path, problems: Problems) -> None:
    """Report every link in the theme that leads outside the content folder and the project's own templates and static files.

    The build refuses such a file when it reads it; ``check`` reports it first, so a
    pull request that adds one fails its check and not only its deploy.
    """
    roots = [theme.parent, *OWN_FOLDERS]
    for path in (theme, theme / "templates", theme / "static"):
        if path.is_symlink() and not inside(path, roots):
            problems.error(display_path(path), 1, 1, "", _outside(path, said.THE_FOLDER))
            return
    if theme.is_dir():
        for path in outside_links(theme, roots):
            problems.error(display_path(path), 1, 1, "", _outside(path, said.THE_FOLDER if path.is_dir() else said.THE_FILE))


def _outside(path: Path, what: Message) -> str:
    return say(said.FILE_OUTSIDE, what=say(what), target=os.path.realpath(path))


def _shift(node: object, lines: int) -> None:
    """Move recorded positions down by ``lines`` (front matter starts on line 2)."""
    if isinstance(node, Mapping):
        node.start = (node.start[0] + lines, node.start[1])
        node.key_pos = {k: (l + lines, c) for k, (l, c) in node.key_pos.items()}
        node.value_pos = {k: (l + lines, c) for k, (l, c) in node.value_pos.items()}
        for value in node.values():
            _shift(value, lines)
    elif isinstance(node, list) and hasattr(node, "item_pos"):
        node.start = (node.start[0] + lines, node.start[1])
        node.item_pos = [(l + lines, c) for l, c in node.item_pos]
        for value in node:
            _shift(value, lines)
