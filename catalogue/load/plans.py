"""Find the community plan's files: ``plans/ID.yaml``, the folders of ``plans/ID/``, ``news/*.md`` and ``files/*.pdf``.

Like :mod:`.content`, this only finds and reads; parsing of record files is lazy
(:class:`~.content.Document`), validation happens later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problems, display_path
from ..model.plans import FILE_RE, PLAN_FOLDERS
from .content import Document, _files, _read, _valid_id, load_front_matter

FILES_FOLDER = "files"
PDF_MAGIC = b"%PDF-"
MAX_FILE_BYTES = 50 * 1024 * 1024  # a plan's PDF is a few MB; anything larger is a mistake worth a message


@dataclass
class PlanFiles:
    """What was found: record documents, files that failed to read, and the PDFs in ``files/``."""

    documents: list[Document] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    pdfs: dict[str, Path] = field(default_factory=dict)  # file name → path


def part_id(plan: str, ident: str) -> str:
    """Return the document id of a plan's part: ``kpss-2020-2024/2-3``."""
    return f"{plan}/{ident}"


def load_plan_files(content: Path, problems: Problems) -> PlanFiles:
    """Find every plan, plan part, news item and PDF below ``content``; problems go to ``problems``."""
    found = PlanFiles()
    plans = content / "plans"
    for path in _files(plans, ".yaml", problems):
        if _valid_id(path, problems):
            _add(found, "plans", path.stem, path, problems)
    if plans.is_dir():
        for folder in sorted(p for p in plans.iterdir() if p.is_dir() and not p.name.startswith(".")):
            _load_plan_folder(folder, found, problems)
    for path in _files(content / "news", ".md", problems):
        if _valid_id(path, problems):
            document = load_front_matter(path, "news", problems)
            if document is None:
                found.failed.add(f"news/{path.stem}")
            else:
                found.documents.append(document)
    found.pdfs = _pdfs(content / FILES_FOLDER, problems)
    return found


def _load_plan_folder(folder: Path, found: PlanFiles, problems: Problems) -> None:
    shown = display_path(folder)
    if not (folder.parent / f"{folder.name}.yaml").is_file():
        problems.error(shown, 1, 1, "", f"the folder has no plan; add plans/{folder.name}.yaml or rename the folder after its plan")
        return
    known = set(PLAN_FOLDERS.values())
    for sub in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if sub.is_file() or sub.name not in known:
            where = display_path(sub)
            problems.warning(where, 1, 1, "", f"not part of a plan; it is ignored (a plan's folders: {', '.join(sorted(known))})")
    for kind, name in PLAN_FOLDERS.items():
        for path in _files(folder / name, ".yaml", problems):
            if _valid_id(path, problems):
                _add(found, kind, part_id(folder.name, path.stem), path, problems)


def _add(found: PlanFiles, kind: str, ident: str, path: Path, problems: Problems) -> None:
    source = _read(path, problems)
    if source is None:
        found.failed.add(f"{kind}/{ident}")
    else:
        found.documents.append(Document(kind, ident, display_path(path), source=source))


def _pdfs(folder: Path, problems: Problems) -> dict[str, Path]:
    """Return the PDFs in ``files/``; anything else there, or a file that is not a PDF, is reported."""
    out: dict[str, Path] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        shown = display_path(path)
        if not FILE_RE.match(path.name):
            problems.error(shown, 1, 1, "", "files/ holds PDFs named in lowercase a-z, digits and hyphens, ending in .pdf; rename it")
            continue
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                head = fh.read(len(PDF_MAGIC))
        except OSError as exc:
            problems.error(shown, 1, 1, "", f"cannot read the file: {exc.strerror}")
            continue
        if size > MAX_FILE_BYTES:
            problems.error(shown, 1, 1, "", f"the file has {size // (1024 * 1024)} MB, more than {MAX_FILE_BYTES // (1024 * 1024)} MB; make it smaller")
        elif head != PDF_MAGIC:
            problems.error(shown, 1, 1, "", "the file is not a PDF (it does not start with %PDF-); export it as PDF again")
        else:
            out[path.name] = path
    return out
