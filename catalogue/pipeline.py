"""The build, as a flat list of named stages: load → validate → link → check → render → write.

Every stage adds to one :class:`Problems`; nothing is written unless the content
is valid, and the output is swapped in atomically at the very end.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .index import Catalogue, Vocabularies, redact_service
from .load.content import Document, load_folder
from .validate import records as v
from .validate.crossref import Checker

log = logging.getLogger("catalogue")


@dataclass
class Timings:
    steps: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.steps.append((name, elapsed))
        log.debug("%-10s %.3f s", name, elapsed)


@dataclass
class Loaded:
    """The result of ``check``: the catalogue (when it could be linked) and every problem."""

    catalogue: Catalogue | None
    problems: Problems
    documents: dict[str, Document]
    timings: Timings


def today() -> dt.date:
    """Return today's date, or the day of ``SOURCE_DATE_EPOCH`` for reproducible checks."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def load(content: Path, on_date: dt.date | None = None, strict: bool = False) -> Loaded:
    """Load, validate and cross-check the content folder; report every problem."""
    timings = Timings()
    problems = Problems()
    with timings.step("load"):
        raw = load_folder(content, problems)
    documents = {f"{d.kind}/{d.id}": d for d in raw.documents}
    with timings.step("validate"):
        catalogue, broken = _validate(raw.documents, problems)
        broken |= raw.failed
    if catalogue is not None:
        with timings.step("check"):
            Checker(catalogue, documents, problems, on_date or today(), broken).run()
    if strict:
        problems.promote_warnings()
    return Loaded(catalogue, problems, documents, timings)


def _validate(documents: list[Document], problems: Problems) -> tuple[Catalogue | None, set[str]]:
    site = None
    vocab = Vocabularies()
    records: dict[str, dict] = {"providers": {}, "services": {}, "localities": {}, "life-situations": {}, "pages": {}}
    broken: set[str] = set()
    sources: dict[str, str] = {}
    for doc in documents:
        if doc.kind == "site":
            site = v.validate_site(doc, problems)
            continue
        if doc.kind == "vocabularies":
            terms = v.validate_vocabulary(doc, problems)
            if hasattr(vocab, Vocabularies.attribute(doc.id)):
                setattr(vocab, Vocabularies.attribute(doc.id), terms)
            continue
        validate: Callable = v.validate_page if doc.kind == "pages" else v.validate_record
        record = validate(doc, problems)
        if record is None:
            broken.add(f"{doc.kind}/{doc.id}")
        else:
            records[doc.kind][doc.id] = record
            sources[f"{doc.kind}/{doc.id}"] = doc.path
    if site is None:
        return None, broken
    catalogue = Catalogue(
        site=site,
        providers=records["providers"],
        services=records["services"],
        localities=records["localities"],
        life_situations=records["life-situations"],
        pages=records["pages"],
        vocab=vocab,
        sources=sources,
    )
    return catalogue, broken


def publishable(catalogue: Catalogue) -> Catalogue:
    """Return the catalogue with confidential locations redacted: the only input of every output."""
    services = {sid: redact_service(s) for sid, s in catalogue.services.items()}
    return Catalogue(
        site=catalogue.site,
        providers=catalogue.providers,
        services=services,
        localities=catalogue.localities,
        life_situations=catalogue.life_situations,
        pages=catalogue.pages,
        vocab=catalogue.vocab,
        sources=catalogue.sources,
    )


@dataclass
class BuildResult:
    problems: Problems
    pages: int = 0
    timings: Timings | None = None


def build_site(content: Path, out: Path, strict: bool = False, theme: Path | None = None) -> BuildResult:
    """Check the content and, only when it is valid, render and swap in the whole site."""
    from .render.site import render_site
    from .write import OutputTree

    loaded = load(content, strict=strict)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        return BuildResult(loaded.problems, timings=loaded.timings)
    timings = loaded.timings
    catalogue = publishable(loaded.catalogue)
    tree = OutputTree()
    theme = theme or (content / "theme")
    with timings.step("render"):
        render_site(catalogue, tree, theme if theme.is_dir() else None, generated=build_date())
    with timings.step("write"):
        tree.write_atomically(out)
    pages = sum(1 for p in tree.files if p.endswith(".html"))
    return BuildResult(loaded.problems, pages, timings)


def build_date() -> dt.date | None:
    """Return the build date only when ``SOURCE_DATE_EPOCH`` fixes it (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return None
