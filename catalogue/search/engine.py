"""Search on the command line, offline, over the same documents as the site: whoosh.

The only module that imports whoosh (so the engine can be swapped). The fork is
``whoosh-reloaded`` 2.7.5, pinned: the original ``Whoosh`` 2.7.4 (2016) emits
SyntaxWarnings on Python 3.12+ and is unmaintained; whoosh-reloaded is the
maintained continuation with the same API (its last release fixed those warnings),
pure Python, so it installs everywhere the catalogue does.

The query is treated as in the browser (``static/search.js``): each word is
analysed (``analysis.analyse_query``), the key with the most records is chosen,
every chosen key must match as a prefix of an index term (Pagefind matches
prefixes too), facets are ANDed across and ORed within; when nothing matches, the
words of 5+ letters are corrected to the nearest word of the
site's vocabulary (``suggest.correct_query``) and the search runs again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import And, ConstantScoreQuery, Every, Or, Prefix, Query, Term

from ..index import Catalogue
from ..render.i18n import translations
from ..index.queries import locality_filter
from .analysis import analyse_query
from .corpus import build_documents
from .documents import FACETS, SearchDocument
from .suggest import correct_query, site_vocabulary

_SCHEMA_VERSION = "2"
#: What a prefix match (not the exact term) adds to a result's score.
PREFIX_WEIGHT = 0.2


@dataclass(frozen=True)
class Hit:
    url: str
    record: str
    id: str
    title: str
    meta: dict[str, str]
    score: float


@dataclass
class Outcome:
    """What a search found: ``hits`` (best first), and the corrected query when the typed one found nothing."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    corrected: str | None = None


def _schema() -> Schema:
    facets = {name: KEYWORD(lowercase=False, scorable=False) for name in FACETS}
    return Schema(
        url=ID(stored=True, unique=True),
        record=ID(stored=True),
        ident=ID(stored=True),
        title=STORED,
        meta=STORED,
        terms=TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False),
        **facets,
    )


def fingerprint(docs: Sequence[SearchDocument]) -> str:
    """A digest of everything indexed: the on-disk index is reused only for the same documents."""
    digest = hashlib.sha256(_SCHEMA_VERSION.encode())
    for doc in docs:
        digest.update(json.dumps([doc.url, doc.record, doc.id, doc.title, doc.terms, doc.meta, doc.filters], sort_keys=True).encode())
    return digest.hexdigest()[:20]


class SearchEngine:
    """A whoosh index of the search documents, in memory or cached in ``folder``.

    ``shards`` is the did-you-mean vocabulary (``suggest.site_vocabulary``);
    ``places`` maps a locality id to the filter values that find it
    (``queries.locality_filter``; an id not in it is looked up as it is);
    ``for_catalogue`` builds all three from a catalogue as the site's build does.
    """

    def __init__(
        self,
        docs: Sequence[SearchDocument],
        shards: dict[int, list[list[str]]],
        folder: Path | None = None,
        places: dict[str, list[str]] | None = None,
    ) -> None:
        self.docs = list(docs)
        self.shards = shards
        self.places = places or {}
        self.index = self._open(folder)

    @classmethod
    def for_catalogue(cls, cat: Catalogue, folder: Path | None = None) -> SearchEngine:
        """The engine over a publishable catalogue's documents and vocabulary, as the site's search sees them."""
        docs = build_documents(cat, translations(cat.site.language).gettext)
        places = {lid: locality_filter(cat, lid) for lid in cat.localities}
        return cls(docs, site_vocabulary(cat, docs), folder, places)

    def _open(self, folder: Path | None):
        if folder is not None:
            target = folder / f"whoosh-{fingerprint(self.docs)}"
            if whoosh_index.exists_in(str(target)):
                return whoosh_index.open_dir(str(target))
            target.mkdir(parents=True, exist_ok=True)
            index = whoosh_index.create_in(str(target), _schema())
        else:
            index = RamStorage().create_index(_schema())
        writer = index.writer()
        for doc in self.docs:
            writer.add_document(
                url=doc.url,
                record=doc.record,
                ident=doc.id,
                title=doc.title,
                meta=doc.meta,
                terms=" ".join(doc.terms),
                **{name: " ".join(doc.filters.get(name, [])) for name in FACETS},
            )
        writer.commit()
        return index

    def search(self, text: str, filters: dict[str, list[str]] | None = None, limit: int | None = 10) -> Outcome:
        """Run a query as the site's search page does; ``filters`` maps facet names to ids."""
        filters = {k: v for k, v in (filters or {}).items() if v}
        if "locality" in filters:
            filters["locality"] = [value for lid in filters["locality"] for value in self.places.get(lid, [lid])]
        with self.index.searcher() as searcher:
            chosen = [self._choose(searcher, group) for group in analyse_query(text)]
            outcome = self._run(searcher, [key for key, _ in chosen], filters, limit)
            if outcome.total or not chosen:
                return outcome
            corrected = correct_query(text, self.shards)
            if corrected is None:
                return outcome
            again = self._run(searcher, [self._choose(searcher, g)[0] for g in analyse_query(corrected)], filters, limit)
            if again.total:
                again.corrected = corrected
                return again
            return outcome

    def _choose(self, searcher, group: list[str]) -> tuple[str, int]:
        """The key of a query word with the most records (ties: the first, the real stem)."""
        best = (group[0], -1)
        for key in group:
            count = len(searcher.search(Prefix("terms", key), limit=None))
            if count > best[1]:
                best = (key, count)
        return best

    def _run(self, searcher, keys: list[str], filters: dict[str, list[str]], limit: int | None) -> Outcome:
        # A key matches index terms it is a prefix of, but only the exact term is scored
        # (BM25F); a prefix match adds a small constant. "domov" has the stem "dom", and a
        # scored prefix put every text about "domácnost" and "domácí násilí" above the
        # homes for the elderly (relevance set, command line: MRR 0.945 → 0.971).
        parts: list[Query] = [
            Or([Term("terms", key, boost=2.0), ConstantScoreQuery(Prefix("terms", key), PREFIX_WEIGHT)]) for key in keys
        ]
        parts += [Or([Term(name, value) for value in values]) for name, values in sorted(filters.items())]
        if not parts:
            return Outcome()
        query = And(parts) if len(parts) > 1 else parts[0]
        if not keys:
            query = And([Every(), query])
        results = searcher.search(query, limit=None)
        hits = [
            Hit(r["url"], r["record"], r["ident"], r["title"], r["meta"], float(r.score or 0.0))
            for r in (results if limit is None else results[:limit])
        ]
        return Outcome(hits, len(results))
