"""Synonyms: groups of phrases that mean the same to someone searching (``content/vocabularies/synonyms.yaml``).

A document containing a phrase of a group gets the group's *marker* (``~`` and the
group's id) as a term, in the field where the phrase stands; a query is read into
*parts* (``query_parts``): a word, or a run of words that is a phrase of a group.
A part is matched literally (every word of it, as any word) or through the
markers of its groups, whichever earns more (``ranking.rank``); a phrase with a
negating stopword ("bez domova") is matched through its groups only, as the index
has no stopwords to tell "bez domova" from "domov". So "jídlo" finds
a service named "Potravinová pomoc", and "bez domova" one for "osoby bez
přístřeší" — but the words of a phrase never become terms of their own: a
text about homelessness does not match "domov pro seniory" through "bez domova".

Phrases are matched on analysed keys, token by token and with their stopwords,
so "bezdomovci" in a text matches "bezdomovec" and "osobám bez přístřeší"
matches "osoby bez přístřeší". The browser reads the same phrases from
``search/index.json`` (``data``) and matches a query the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..index import Catalogue
from .analysis import index_terms, is_stopword, keys, query_keys, tokenize

MARKER = "~"  # no analysed word starts with it
#: Stopwords that turn a phrase's meaning around: "bez domova" is no "domov" (Czech and Polish alike).
NEGATIONS = frozenset({"bez"})


@dataclass(frozen=True)
class Part:
    """A part of a query: its words' keys (one group per word that is not a stopword), and the
    markers of the synonym groups that have it as a phrase."""

    words: list[list[str]]
    markers: list[str]
    literal: bool = True  # False: matched through its groups only


class Synonyms:
    """The synonym groups of a catalogue, ready to mark documents and read queries; and the
    index terms of its place names (``places``), which weigh as places wherever they stand."""

    def __init__(self, groups: Mapping[str, Sequence[str]], places: frozenset[str] = frozenset()) -> None:
        self.groups = {gid: list(terms) for gid, terms in sorted(groups.items())}
        self.places = places
        self.phrases: list[tuple[tuple[str, ...], str]] = []  # (primary key of every token, marker)
        for gid, terms in self.groups.items():
            for phrase in terms:
                # Stopwords stay in phrases: "bez domova" must not shrink to "domova".
                words = tuple(keys(t)[0] for t in tokenize(phrase))
                if words:
                    self.phrases.append((words, MARKER + gid))
        self.phrases = sorted(set(self.phrases))
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, marker in self.phrases:
            self._by_first.setdefault(words[0], []).append((words, marker))

    def data(self) -> list[list]:
        """The phrases as the browser reads them: [[marker, [key, …]], …]."""
        return [[marker, list(words)] for words, marker in self.phrases]

    def _at(self, positions: Sequence[Sequence[str]], i: int) -> list[tuple[int, str]]:
        """Every phrase at token ``i``: (its length in tokens, marker)."""
        found = []
        for key in positions[i]:
            for words, marker in self._by_first.get(key, ()):
                n = len(words)
                if i + n <= len(positions) and all(words[j] in positions[i + j] for j in range(1, n)):
                    found.append((n, marker))
        return found

    def _longest(self, positions: Sequence[Sequence[str]], i: int) -> tuple[int, list[str]]:
        """The longest phrase at token ``i``: its length and the markers of every group that has it."""
        found = self._at(positions, i)
        length = max((n for n, _ in found), default=0)
        return length, sorted({marker for n, marker in found if n == length})

    def markers(self, text: str) -> list[str]:
        """The markers of every group with a phrase in ``text``, each once, sorted."""
        positions = [keys(t) for t in tokenize(text)]  # one or two keys per token
        return sorted({marker for i in range(len(positions)) for _, marker in self._at(positions, i)})

    def query_parts(self, text: str) -> list[Part]:
        """Read a query into parts, left to right, a phrase (the longest) before its words."""
        tokens = tokenize(text)
        positions = [query_keys(t) for t in tokens]
        parts: list[Part] = []
        i = 0
        while i < len(tokens):
            length, markers = self._longest(positions, i)
            span = tokens[i : i + max(length, 1)]
            words = [list(query_keys(t)) for t in span if not is_stopword(t)]
            if words:
                # Without "bez", "bez domova" would be "domova": such a phrase is matched as a phrase only.
                parts.append(Part(words, markers, literal=not (markers and NEGATIONS.intersection(span))))
            i += len(span)
        return parts


def catalogue_synonyms(cat: Catalogue) -> Synonyms:
    """The synonym groups of a catalogue's vocabulary, and the words of its place names."""
    places = frozenset(t for loc in cat.localities.values() for t in index_terms(loc.name))
    return Synonyms({gid: group.terms for gid, group in cat.vocab.synonyms.items()}, places)
