"""The build, as a flat list of named stages: load → validate → link → check → render → write.

Every stage adds to one :class:`Problems`; nothing is written unless the content
is valid, and the output is swapped in atomically at the very end.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Entry, RecordCache, default_cache_folder
from .errors import Problem, Problems, Severity
from .index import Catalogue, Vocabularies, redact_service
from .load.content import Document, load_folder
from .load.yamlstrict import YamlError
from .model.references import facts
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


def load(
    content: Path,
    on_date: dt.date | None = None,
    strict: bool = False,
    cache: RecordCache | None = None,
) -> Loaded:
    """Load, validate and cross-check the content folder; report every problem.

    ``cache`` defaults to the on-disk cache beside the content; pass
    ``RecordCache(None)`` for none.
    """
    timings = Timings()
    problems = Problems()
    cache = cache if cache is not None else RecordCache(default_cache_folder(content))
    with timings.step("load"):
        raw = load_folder(content, problems)
    documents = {d.key: d for d in raw.documents}
    with timings.step("validate"):
        catalogue, broken, facts = _validate(raw.documents, problems, cache)
        broken |= raw.failed
    if catalogue is not None:
        with timings.step("check"):
            Checker(catalogue, documents, problems, on_date or today(), broken, facts).run()
    cache.save()
    log.debug("cache: %d hits, %d misses", cache.hits, cache.misses)
    if strict:
        problems.promote_warnings()
    return Loaded(catalogue, problems, documents, timings)


def validate_cached(doc: Document, cache: RecordCache) -> Entry:
    """Validate one record file, or take what the cache knows of the same bytes."""
    key = RecordCache.key(doc.kind, doc.id, doc.source)
    entry = cache.get(key)
    if entry is not None:
        return entry
    local = Problems()
    record = None
    found: list = []
    try:
        data = doc.data
    except YamlError as exc:
        local.error(doc.path, exc.line, exc.column, "", exc.message)
    else:
        record = v.validate_record(doc, local)
        found = facts(doc.kind, data)
    entry = Entry(
        record,
        tuple((p.line, p.column, p.field, p.message, int(p.severity)) for p in local.items),
        tuple(found),
    )
    cache.put(key, entry)
    return entry


def _validate(
    documents: list[Document], problems: Problems, cache: RecordCache
) -> tuple[Catalogue | None, set[str], dict[str, list]]:
    site = None
    all_facts: dict[str, list] = {}
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
        if doc.kind == "pages":
            record = v.validate_page(doc, problems)
        else:
            entry = validate_cached(doc, cache)
            record = entry.record
            all_facts[doc.key] = list(entry.facts)
            for line, column, field_path, message, severity in entry.problems:
                problems.add(Problem(doc.path, line, column, field_path, message, Severity(severity)))
        if record is None:
            broken.add(f"{doc.kind}/{doc.id}")
        else:
            records[doc.kind][doc.id] = record
            sources[f"{doc.kind}/{doc.id}"] = doc.path
    if site is None:
        return None, broken, all_facts
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
    return catalogue, broken, all_facts


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
