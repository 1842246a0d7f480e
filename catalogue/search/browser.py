"""The browser's search index: our own files under ``search/``, read by ``static/search-engine.js``.

The command line searches the same ``Postings`` in memory (``engine``); here they
are written so that a phone downloads only what a query needs:

* ``index.json`` — fetched first (small): the number of documents and their kinds
  (runs of ``[first document, record]``), the first term of every chunk, the facet
  files, the ranking (``ranking.ranking_data``), the synonym phrases that read a
  query, the did-you-mean rule and word lengths, and a version that changes with
  any file;
* ``index/<hash>.bin`` — the terms and their postings, cut into chunks of about
  ``CHUNK_BYTES`` in term order; a query word loads the chunks its prefix range
  falls in (``postings`` describes the format);
* ``facet/<name>-<hash>.bin`` — per facet, each value's documents: loaded for a
  filter, and all of them when the filter panel shows counts;
* ``doc/<n>.json`` — what result ``n`` shows (address and ``meta``), loaded for the
  results on screen only;
* ``words-<length>.json`` — the did-you-mean vocabulary, one file per word length
  (a one-letter typo changes the length by at most one, so a lookup loads three
  small files, and only after a query found nothing);
* ``hours.json`` — the services' client-facing schedules (``hours.hours_file``), each
  distinct one once: loaded when a person asks for what is open now, which the browser
  works out with ``static/hours.js`` at that moment (a cached page stays right);
* ``places.json`` — written by ``output``.

Chunks and facets are named by a hash of their bytes and results are fetched with
the version in the address, so a browser never mixes two builds' files. Every
file is deterministic: the same documents give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

from .documents import FACETS, SearchDocument
from .hours import hours_file
from .postings import Postings, chunks, encode, facet_postings
from .ranking import ranking_data
from .suggest import MIN_SUGGEST_LENGTH, MIN_TYPO_LENGTH
from .synonyms import NEGATIONS, Synonyms

#: Site folder of the search files.
SEARCH_FOLDER = "search"
#: About how many bytes a chunk of the index holds: a query word usually needs one.
CHUNK_BYTES = 16_000


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def record_runs(docs: Sequence[SearchDocument]) -> list[list]:
    """The documents' kinds as runs: [[first document, record], …]."""
    runs: list[list] = []
    for number, doc in enumerate(docs):
        if not runs or runs[-1][1] != doc.record:
            runs.append([number, doc.record])
    return runs


def index_files(
    docs: Sequence[SearchDocument],
    shards: dict[int, list[list[str]]],
    synonyms: Synonyms,
    check: Callable[[], None] = lambda: None,
) -> dict[str, bytes]:
    """Return the browser's search files (site path → bytes) for ``docs``, the vocabulary ``shards``
    and the synonym groups that read a query."""
    files: dict[str, bytes] = {}
    postings = Postings.build(doc.terms for doc in docs)
    check()
    chunk_table = []
    for first, data in chunks(postings.entries(), CHUNK_BYTES):
        name = f"index/{_hash(data)}.bin"
        files[name] = data
        chunk_table.append([first, name])
    facet_table = {}
    for facet, values in facet_postings(docs, FACETS).items():
        data = encode([(value, [(d, 0) for d in numbers]) for value, numbers in values.items()])
        facet_table[facet] = name = f"facet/{facet}-{_hash(data)}.bin"
        files[name] = data
    check()
    for number, doc in enumerate(docs):
        files[f"doc/{number}.json"] = _json({"url": doc.url, "meta": doc.meta})
    files["hours.json"] = _json(hours_file(docs))
    for length, words in sorted(shards.items()):
        files[f"words-{length}.json"] = _json(words)
    version = hashlib.sha256(b"".join(_hash(data).encode() + path.encode() for path, data in sorted(files.items())))
    meta = {
        "version": version.hexdigest()[:12],
        "docs": len(docs),
        "records": record_runs(docs),
        "chunks": chunk_table,
        "facets": facet_table,
        "ranking": ranking_data(),
        "synonyms": {"phrases": synonyms.data(), "negations": sorted(NEGATIONS)},
        "typo": {"min_length": MIN_TYPO_LENGTH, "min_suggest": MIN_SUGGEST_LENGTH, "lengths": sorted(shards)},
    }
    files["index.json"] = _json(meta)
    return {f"{SEARCH_FOLDER}/{path}": data for path, data in sorted(files.items())}
