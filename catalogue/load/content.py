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


@dataclass
class Document:
    """One parsed file: which kind of record, its id, where it came from, its data."""

    kind: str  # "site", "providers", "services", …, "vocabularies", "pages"
    id: str
    path: str  # as shown to the editor
    data: Mapping
    body: str = ""  # Markdown body of a page
    body_line: int = 1


@dataclass
class RawContent:
    documents: list[Document]
    sources: dict[str, bytes]  # path → bytes, for caching by content hash
    failed: set[str]  # "services/x" of files that could not be parsed


def load_folder(content: Path, problems: Problems) -> RawContent:
    """Parse every content file below ``content``; problems go to ``problems``."""
    documents: list[Document] = []
    sources: dict[str, bytes] = {}
    site = content / "site.yaml"
    if site.is_file():
        _load_yaml(site, "site", "site", documents, sources, problems)
    else:
        problems.error(display_path(site), 1, 1, "", "site.yaml is missing; copy it from the demo catalogue and edit it")
    for folder in (*RECORD_FOLDERS, "vocabularies"):
        for path in _files(content / folder, ".yaml", problems):
            if _valid_id(path, problems):
                _load_yaml(path, folder, path.stem, documents, sources, problems)
    for path in _files(content / "pages", ".md", problems):
        if _valid_id(path, problems):
            _load_page(path, documents, sources, problems)
    parsed = {f"{d.kind}/{d.id}" for d in documents}
    failed = {
        f"{folder}/{Path(path).stem}"
        for path in sources
        for folder in (Path(path).parent.name,)
        if f"{folder}/{Path(path).stem}" not in parsed
    }
    return RawContent(documents, sources, failed)


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


def _read(path: Path, sources: dict[str, bytes], problems: Problems) -> bytes | None:
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(shown, 1, 1, "", f"cannot read the file: {exc.strerror}")
        return None
    sources[shown] = data
    return data


def _load_yaml(path: Path, kind: str, ident: str, documents: list[Document], sources: dict[str, bytes], problems: Problems) -> None:
    data = _read(path, sources, problems)
    if data is None:
        return
    shown = display_path(path)
    try:
        tree = parse(data)
    except YamlError as exc:
        problems.error(shown, exc.line, exc.column, "", exc.message)
        return
    if not isinstance(tree, Mapping):
        what = "a list" if isinstance(tree, list) else "a single value"
        problems.error(shown, 1, 1, "", f"the file holds {what}; a record is a mapping of fields (name: …)")
        return
    documents.append(Document(kind, ident, shown, tree))


def _load_page(path: Path, documents: list[Document], sources: dict[str, bytes], problems: Problems) -> None:
    """A page is Markdown with YAML front matter between two ``---`` lines."""
    raw = _read(path, sources, problems)
    if raw is None:
        return
    shown = display_path(path)
    try:
        from .yamlstrict import decode

        text = decode(raw).replace("\r\n", "\n")
    except YamlError as exc:
        problems.error(shown, exc.line, exc.column, "", exc.message)
        return
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        problems.error(shown, 1, 1, "", "a page starts with front matter: a line ---, title: …, and another line ---")
        return
    try:
        tree = parse(match.group(1))
    except YamlError as exc:
        problems.error(shown, exc.line + 1, exc.column, "", exc.message)
        return
    if not isinstance(tree, Mapping):
        problems.error(shown, 2, 1, "", "the front matter must be fields (title: …)")
        return
    _shift(tree, 1)
    body_line = text.count("\n", 0, match.end()) + 1
    documents.append(Document("pages", path.stem, shown, tree, text[match.end():], body_line))


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
