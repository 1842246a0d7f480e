"""Find the content files and parse each into a positioned tree; never validate here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problems, display_path
from .yamlstrict import Mapping, YamlError, parse

RECORD_FOLDERS = ("providers", "services", "localities", "life-situations")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.DOTALL | re.MULTILINE)


@dataclass(eq=False)
class Document:
    """One content file: which kind of record, its id, where it came from, its data.

    Record files are parsed lazily: with a warm cache, a valid file is never
    parsed, and a position is looked up (by parsing) only to report a problem.
    """

    kind: str  # "site", "providers", "services", …, "vocabularies", "pages"
    id: str
    path: str  # as shown to the editor
    parsed: Mapping | None = None
    source: bytes = b""
    body: str = ""  # Markdown body of a page
    body_line: int = 1

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"

    @property
    def data(self) -> Mapping:
        """Return the parsed tree; raise :class:`YamlError` when the file is not a valid record."""
        if self.parsed is None:
            self.parsed = parse_record(self.source)
        return self.parsed


def parse_record(source: bytes) -> Mapping:
    """Parse a record file; anything but a mapping of fields is a :class:`YamlError`."""
    tree = parse(source)
    if not isinstance(tree, Mapping):
        what = "a list" if isinstance(tree, list) else "a single value"
        raise YamlError(1, 1, f"the file holds {what}; a record is a mapping of fields (name: …)")
    return tree


@dataclass
class RawContent:
    documents: list[Document]
    failed: set[str]  # "services/x" of files that could not be read or parsed


def load_folder(content: Path, problems: Problems) -> RawContent:
    """Parse every content file below ``content``; problems go to ``problems``."""
    documents: list[Document] = []
    failed: set[str] = set()
    site = content / "site.yaml"
    if site.is_file():
        _load_yaml(site, "site", "site", documents, failed, problems)
    else:
        problems.error(display_path(site), 1, 1, "", "site.yaml is missing; copy it from the demo catalogue and edit it")
    for folder in RECORD_FOLDERS:
        shown = display_path(content / folder)
        for path in _files(content / folder, ".yaml", problems):
            if _valid_id(path, problems):
                source = _read(path, problems)
                if source is None:
                    failed.add(f"{folder}/{path.stem}")
                else:
                    documents.append(Document(folder, path.stem, f"{shown}/{path.name}", source=source))
    for path in _files(content / "vocabularies", ".yaml", problems):
        if _valid_id(path, problems):
            _load_yaml(path, "vocabularies", path.stem, documents, failed, problems)
    for path in _files(content / "pages", ".md", problems):
        if _valid_id(path, problems):
            _load_page(path, documents, failed, problems)
    return RawContent(documents, failed)


def _files(folder: Path, suffix: str, problems: Problems) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix == suffix:
            found.append(path)
        elif path.suffix in (".yml", ".YAML", ".md", ".yaml", ".markdown"):
            problems.error(display_path(path), 1, 1, "", f"files in {folder.name}/ end in {suffix}; rename it")
        elif not path.name.endswith("~"):
            problems.warning(display_path(path), 1, 1, "", f"not a {suffix} file; it is ignored")
    return found


def _valid_id(path: Path, problems: Problems) -> bool:
    if SLUG_RE.match(path.stem):
        return True
    problems.error(
        display_path(path),
        1,
        1,
        "",
        f'the file name "{path.stem}" is not a valid id; use lowercase a-z, digits and hyphens, e.g. charita-lysa{path.suffix}',
    )
    return False


def _read(path: Path, problems: Problems) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.error(display_path(path), 1, 1, "", f"cannot read the file: {exc.strerror}")
        return None


def _load_yaml(path: Path, kind: str, ident: str, documents: list[Document], failed: set[str], problems: Problems) -> None:
    """Read and parse a small file at once (site, vocabularies): they are always needed."""
    source = _read(path, problems)
    shown = display_path(path)
    try:
        if source is None:
            raise YamlError(1, 1, "")
        documents.append(Document(kind, ident, shown, parse_record(source), source))
    except YamlError as exc:
        if exc.message:
            problems.error(shown, exc.line, exc.column, "", exc.message)
        failed.add(f"{kind}/{ident}")


def _load_page(path: Path, documents: list[Document], failed: set[str], problems: Problems) -> None:
    document = load_front_matter(path, "pages", problems)
    if document is None:
        failed.add(f"pages/{path.stem}")
    else:
        documents.append(document)


def load_front_matter(path: Path, kind: str, problems: Problems) -> Document | None:
    """Read Markdown with YAML front matter between two ``---`` lines (a page, a news item)."""
    raw = _read(path, problems)
    if raw is None:
        return None
    shown = display_path(path)
    try:
        from .yamlstrict import decode

        text = decode(raw).replace("\r\n", "\n")
    except YamlError as exc:
        problems.error(shown, exc.line, exc.column, "", exc.message)
        return None
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        problems.error(shown, 1, 1, "", "a page starts with front matter: a line ---, title: …, and another line ---")
        return None
    try:
        tree = parse(match.group(1))
    except YamlError as exc:
        problems.error(shown, exc.line + 1, exc.column, "", exc.message)
        return None
    if not isinstance(tree, Mapping):
        problems.error(shown, 2, 1, "", "the front matter must be fields (title: …)")
        return None
    _shift(tree, 1)
    body_line = text.count("\n", 0, match.end()) + 1
    return Document(kind, path.stem, shown, tree, raw, text[match.end():], body_line)


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
