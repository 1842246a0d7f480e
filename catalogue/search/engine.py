"""Search on the command line, offline, over the same documents and the same ranking as the site.

The browser runs the same steps in ``static/search-engine.js``, over the files the
build writes from the same ``Postings``; ``tests/test_search_parity.py`` runs the
whole relevance set through both and compares every result and correction.

A query is read into parts, words and synonym phrases (``synonyms.query_parts``);
of each word's analysed keys the one with the most documents is chosen
(``ranking.choose_key``), and it matches a term that is itself or that it begins;
every part must match, literally or through its synonym groups; facets are ANDed
across and ORed within; the documents are ranked and cut (``ranking.rank``). When nothing matches, the words of
5+ letters are corrected to the nearest word of the site's vocabulary
(``suggest.correct_query``) and the search runs again: when that finds something
it is shown as corrected, otherwise the correction is offered as a suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..index import Catalogue
from ..index.queries import locality_filter
from ..render.i18n import translations
from .corpus import build_documents
from .documents import FACETS, SearchDocument
from .postings import Postings, facet_postings
from .ranking import QueryPart, Ranked, choose_key, rank
from .suggest import cached_vocabulary, correct_query
from .synonyms import Synonyms, catalogue_synonyms


@dataclass(frozen=True)
class Hit:
    url: str
    record: str
    id: str
    title: str
    meta: dict[str, str]
    score: int


@dataclass
class Outcome:
    """What a search found: ``hits`` (best first, at most the limit) of ``total``; ``corrected`` is the
    query that was run instead of one that found nothing, ``suggestion`` a correction that found nothing either."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    corrected: str | None = None
    suggestion: str | None = None


class SearchEngine:
    """The search over a list of documents, in memory.

    ``shards`` is the did-you-mean vocabulary (``suggest.site_vocabulary``),
    ``synonyms`` the catalogue's synonym groups; ``places`` maps a locality id to the filter values that find it
    (``queries.locality_filter``; an id not in it is looked up as it is);
    ``for_catalogue`` builds all three from a catalogue as the site's build does.
    """

    def __init__(
        self,
        docs: Sequence[SearchDocument],
        shards: dict[int, list[list[str]]],
        synonyms: Synonyms | None = None,
        places: dict[str, list[str]] | None = None,
    ) -> None:
        self.docs = list(docs)
        self.shards = shards
        self.synonyms = synonyms or Synonyms({})
        self.places = places or {}
        self.postings = Postings.build(doc.terms for doc in self.docs)
        self.facets = facet_postings(self.docs, FACETS)

    @classmethod
    def for_catalogue(cls, cat: Catalogue, cache: Path | None = None) -> SearchEngine:
        """The engine over a publishable catalogue's documents and vocabulary, as the site's search sees them;
        the vocabulary is kept in ``cache`` (by the documents' content hash) when given."""
        docs = build_documents(cat, translations(cat.site.language).gettext, cache=cache)
        places = {lid: locality_filter(cat, lid) for lid in cat.localities}
        return cls(docs, cached_vocabulary(cat, docs, cache), catalogue_synonyms(cat), places)

    def search(
        self, text: str, filters: dict[str, list[str]] | None = None, limit: int | None = 10, only: set[int] | None = None
    ) -> Outcome:
        """Run a query as the site's search page does; ``filters`` maps facet names to ids, ``only`` (when given)
        are the documents a filter worked out at the moment of the query lets through ("open now": ``hours``)."""
        allowed = self._allowed({k: v for k, v in (filters or {}).items() if v})
        if only is not None:
            allowed = set(only) if allowed is None else allowed & only
        parts = self.synonyms.query_parts(text)
        ranked = self._run(parts, allowed)
        outcome = Outcome()
        if not ranked and parts:
            corrected = correct_query(text, self.shards)
            if corrected is not None:
                again = self._run(self.synonyms.query_parts(corrected), allowed)
                if again:
                    ranked, outcome.corrected = again, corrected
                else:
                    outcome.suggestion = corrected
        outcome.total = len(ranked)
        shown = ranked if limit is None else ranked[:limit]
        outcome.hits = [self._hit(r) for r in shown]
        return outcome

    def _allowed(self, filters: dict[str, list[str]]) -> set[int] | None:
        """The documents passing the filters (None: no filter)."""
        allowed: set[int] | None = None
        for name, values in sorted(filters.items()):
            if name == "locality":
                values = [value for lid in values for value in self.places.get(lid, [lid])]
            docs = {d for value in values for d in self.facets.get(name, {}).get(value, ())}
            allowed = docs if allowed is None else allowed & docs
        return allowed

    def _run(self, parts: list, allowed: set[int] | None) -> list[Ranked]:
        if not parts:
            # Filters only: everything they let through, in the documents' order.
            return [] if allowed is None else [Ranked(doc, 0) for doc in sorted(allowed)]
        matched = [
            QueryPart(
                [self.postings.matches(choose_key(word, self.postings.count)) for word in part.words],
                [m for marker in part.markers for m in self.postings.exact(marker)],
                part.literal,
            )
            for part in parts
        ]
        return rank(
            matched,
            (lambda doc: True) if allowed is None else allowed.__contains__,
            lambda doc: self.docs[doc].record,
        )

    def _hit(self, ranked: Ranked) -> Hit:
        doc = self.docs[ranked.doc]
        return Hit(doc.url, doc.record, doc.id, doc.title, doc.meta, ranked.score)
