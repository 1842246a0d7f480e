"""Validate record files: one (parse, validate, what it names), or many at once in forked worker processes.

A cold check of the national catalogue parses and validates 17,000 files, about
10 s of CPU on one core; each file is validated on its own, so worker processes
(one per core) share the work. The workers are forked: they have the documents
already and send back only what validating gave (:class:`~.cache.Entry`), which
the record cache keeps. Problems and records are the same as validating in turn.
Workers are started only for cores that are idle (:func:`~catalogue.workers.idle_cores`).
"""

from __future__ import annotations

from ..errors import Problems
from ..load.content import Document
from ..load.yamlstrict import YamlError
from ..model.references import facts
from ..model.kinds import KINDS
from ..workers import can_fork, forked_pool, idle_cores
from . import records as v
from .cache import Entry

PARALLEL_FROM = 1000  # files to validate; below this, starting the workers costs more than they save
CHUNK = 250  # files a worker validates at a time
_WORK: tuple[list[Document], str] | None = None  # what the forked workers validate, and the site's country


def validate_file(doc: Document, country: str) -> Entry:
    """Parse and validate one record file (in a catalogue of ``country``): its record or problems, and what it names."""
    local = Problems()
    record = None
    found: list = []
    try:
        data = doc.data
    except YamlError as exc:
        local.error(doc.path, exc.line, exc.column, "", exc.message)
    else:
        record = v.validate_record(doc, local, country)
        found = facts(doc.kind, data)
        # The tree with every value's position is several times the record; kept for each of the
        # national catalogue's files it held 200 MB through the whole build. A problem found
        # later parses the file again, as it does when the record came from the cache.
        doc.forget()
    return Entry(
        record,
        tuple((p.line, p.column, p.field, p.message, int(p.severity)) for p in local.items),
        tuple(found),
    )


def validate_files(documents: list[Document], country: str) -> list[Entry]:
    """Validate ``documents``, in order; in forked workers when there are many and more than one core."""
    global _WORK
    workers = min(idle_cores(), 8)
    if len(documents) < PARALLEL_FROM or workers <= 1 or not can_fork():
        return [validate_file(doc, country) for doc in documents]
    for model in {KINDS[doc.kind].model for doc in documents}:
        model.model_rebuild()  # its validator, built here once and not in every worker (the models defer it)
    chunks = [(start, min(start + CHUNK, len(documents))) for start in range(0, len(documents), CHUNK)]
    _WORK = (documents, country)
    try:
        with forked_pool(workers) as pool:
            return [entry for part in pool.imap(_validate_chunk, chunks) for entry in part]
    finally:
        _WORK = None


def _validate_chunk(bounds: tuple[int, int]) -> list[Entry]:
    assert _WORK is not None
    documents, country = _WORK
    return [validate_file(doc, country) for doc in documents[bounds[0] : bounds[1]]]
