"""The check stage: read the content, validate each file (through the cache), link the catalogue, check across records.

``check``, ``build``, ``print``, ``search``, ``new`` and the live preview all
start here. Every problem goes into one :class:`Problems`; nothing is raised.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..clock import Timings, today
from ..errors import Problem, Problems, Severity
from ..index import Catalogue, Vocabularies
from ..load.content import Document, RawContent, load_folder
from ..load.known import Stat
from ..model.fields import DEFAULT_COUNTRY
from ..model.kinds import CONTENT_FOLDERS, RECORD_KINDS, VOCABULARY_FOLDER
from . import records as v
from .cache import Entry, RecordCache, default_cache_folder
from .crossref import Checker
from .files import validate_file, validate_files
from .terms import resolve_names
from ..workers import paused_gc

log = logging.getLogger("catalogue")


@dataclass
class Loaded:
    """The result of ``check``: the catalogue (when it could be linked) and every problem."""

    catalogue: Catalogue | None
    problems: Problems
    documents: dict[str, Document]
    timings: Timings
    cache: RecordCache | None = None  # where the records came from (``build`` names them by key in its state)


def check_content(
    content: Path,
    on_date: dt.date | None = None,
    strict: bool = False,
    cache: RecordCache | None = None,
    read: Callable[[Path, Problems], RawContent] | None = None,
    stats: dict[str, Stat] | None = None,
) -> Loaded:
    """Load, validate and cross-check the content folder; report every problem.

    ``cache`` defaults to the on-disk cache beside the content; pass
    ``RecordCache(None)`` for none. ``read`` finds and reads the files; the live
    preview passes one that re-reads only the files that changed. ``stats``: the
    files' stats by the loader's paths, taken before anything was read (``check``
    has them: :meth:`.last.Snapshot.stats`), so they are not taken twice.
    """
    with paused_gc():
        return _check(content, on_date, strict, cache, read, stats)


def _check(
    content: Path,
    on_date: dt.date | None,
    strict: bool,
    cache: RecordCache | None,
    read: Callable[[Path, Problems], RawContent] | None,
    stats: dict[str, Stat] | None = None,
) -> Loaded:
    timings = Timings()
    problems = Problems()
    if cache is None:
        with timings.step("cache"):  # reading the record cache: a warm check's largest step
            cache = RecordCache(default_cache_folder(content))
    with timings.step("load"):
        raw = read(content, problems) if read else load_folder(content, problems, CONTENT_FOLDERS, cache.known_files(content, stats))
    documents = {d.key: d for d in raw.documents}
    with timings.step("validate"):
        catalogue, broken, found = validate_documents(raw.documents, problems, cache)
        broken |= raw.failed
    if catalogue is not None:
        with timings.step("check"):
            Checker(catalogue, documents, problems, on_date or today(), broken, found).run()
    cache.save()
    log.debug("cache: %d hits, %d misses; %d files not read", cache.hits, cache.misses, cache.files.unread if cache.files else 0)
    if strict:
        problems.promote_warnings()
    return Loaded(catalogue, problems, documents, timings, cache)


def validate_cached(
    doc: Document, cache: RecordCache, country: str = DEFAULT_COUNTRY, key: str | None = None, fresh: dict[str, Entry] | None = None
) -> Entry:
    """Validate one record file, or take what the cache knows of the same bytes (in a catalogue of ``country``).

    ``fresh`` holds what was validated just now for the cache's misses (:func:`.files.validate_files`).
    """
    key = key or RecordCache.key(doc.kind, doc.id, doc.hashed(), country)
    entry = cache.get(key)
    if entry is not None:
        return entry
    entry = fresh.get(key) if fresh else None
    if entry is None:
        entry = validate_file(doc, country)
    cache.put(key, entry)
    return entry


def validate_documents(
    documents: list[Document], problems: Problems, cache: RecordCache
) -> tuple[Catalogue | None, set[str], dict[str, list]]:
    """Validate every file and link the records into a catalogue (None without a valid site.yaml).

    Also return the keys of the files that failed ("services/x": references to them
    are not errors of their own) and what each file names, for the cross-record checks.
    """
    site = None
    all_facts: dict[str, list] = {}
    vocab = Vocabularies()
    records: dict[str, dict] = {kind.folder: {} for kind in RECORD_KINDS}
    broken: set[str] = set()
    sources: dict[str, str] = {}
    for doc in documents:  # the site first: its country decides how the records' phones are written
        if doc.kind == "site":
            site = v.validate_site(doc, problems)
    country = site.country if site is not None else DEFAULT_COUNTRY
    keys = {
        doc.key: RecordCache.key(doc.kind, doc.id, doc.hashed(), country)
        for doc in documents
        if doc.kind not in ("site", VOCABULARY_FOLDER)
    }
    unknown = [doc for doc in documents if doc.key in keys and keys[doc.key] not in cache]
    for doc in unknown:  # validated from the bytes as they are now, never under a hash a stat vouched for
        if doc.unread:
            doc.read_back(cache.files)
            keys[doc.key] = RecordCache.key(doc.kind, doc.id, doc.hashed(), country)
    unknown = [doc for doc in unknown if keys[doc.key] not in cache]
    fresh = dict(zip((keys[doc.key] for doc in unknown), validate_files(unknown, country)))  # many (a cold check): in workers
    for doc in documents:
        if doc.kind == "site":
            continue
        if doc.kind == VOCABULARY_FOLDER:
            terms = v.validate_vocabulary(doc, problems)
            if doc.id in vocab.terms:
                vocab.terms[doc.id] = terms
            continue
        entry = validate_cached(doc, cache, country, keys[doc.key], fresh)
        record = entry.record
        all_facts[doc.key] = list(entry.facts)
        for line, column, field_path, message, severity in entry.problems:
            problems.add(Problem(doc.path, line, column, field_path, message, Severity(severity)))
        if record is None:
            broken.add(doc.key)
        else:
            records[doc.kind][doc.id] = record
            sources[doc.key] = doc.path
    if site is None:
        return None, broken, all_facts
    resolve_names(records, all_facts, vocab.terms)
    catalogue = Catalogue(site=site, records=records, vocab=vocab, sources=sources)
    return catalogue, broken, all_facts
