"""Each search document's analysed form, kept by a hash of what it is made of, so a rebuild analyses only what changed.

Analysing a document — the Czech analysis of every field (``analysis.index_terms``),
the synonym groups its phrases belong to (``Synonyms.markers``), the best code of each
term (``postings.best_terms``) — is most of the search step: 8 of 12 seconds at
national scale. An edit of one record changes one or a few documents, so the
analysed form of each is kept by the SHA-256 of its name and fields, under a
fingerprint of everything else it depends on: the synonym groups, the place-name
terms and the code of the search package. The did-you-mean words of its text
(``suggest.document_words``) are kept beside them.

A build also keeps what each service's document is made of (its fields, meta and
filters: a ``Recipe``) by the service's ``RecordPrints`` fingerprint, so gathering them
(3.5 s at national scale) is done for the services whose files, or whose shared inputs,
changed; the live preview and ``search``, which know no fingerprints, leave them for
the next build.

In memory for the live preview, and in ``content/.cache/outputs/search/documents.pickle``
(sealed, :mod:`catalogue.sealed`) for the next ``build``: written only when a document
was analysed, and holding only the documents of the last run.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..sealed import Layered
from ..workers import paused_gc
from .analysis import fold, index_terms, tokenize
from .postings import best_terms
from .ranking import capped, code
from .synonyms import Synonyms

PACKAGE = Path(__file__).resolve().parent
#: Fields whose phrases do not bring their synonyms: "Stará Boleslav" is no "stáří".
LITERAL_FIELDS = ("place",)

#: Words shorter than this are not offered as corrections (a typo in them is ambiguous).
MIN_SUGGEST_LENGTH = 4

Fields = list[tuple[str, str]]  # (ranking field, text), the name first
#: What a document is made of: URL, record, id, title, (field, text) parts, meta, filters (``documents._document``).
Recipe = tuple[str, str, str, str, list, dict, dict]
Words = tuple[tuple[str, str], ...]  # (folded, written) of each word a person could mistype, in order


@dataclass(frozen=True, slots=True)  # slots: pickling would give each of ten thousand a dict that stays
class Analysed:
    """A document's index terms (term → posting value) and the did-you-mean words of its title and text."""

    terms: dict[str, int]
    words: Words
    title_words: tuple[str, ...]


def analyse_fields(fields: Fields, synonyms: Synonyms) -> Analysed:
    """Analyse a document's fields: every term with the best code of the fields it stands in.

    A word of a place name (``synonyms.places``) weighs at most as a place wherever it stands:
    "Lysá" in "Pečovatelská služba Lysá nad Labem" says where the help is, not what it is,
    so "domov pro seniory Lysá" puts the homes first, not every service named after Lysá.
    """
    place = code("place")
    pairs = []
    for field_name, value in fields:
        if value:
            here = code(field_name)
            pairs += [(t, capped(here, place) if t in synonyms.places else here) for t in index_terms(value)]
            if field_name not in LITERAL_FIELDS:
                pairs += [(m, code(field_name, synonym=True)) for m in synonyms.markers(value)]
    title, text = fields[0][1], "\n".join(value for _, value in fields[1:] if value)
    words, title_words = document_words(title, text)
    return Analysed(best_terms(pairs), words, title_words)


def document_words(title: str, text: str) -> tuple[Words, tuple[str, ...]]:
    """What the did-you-mean vocabulary (``suggest.vocabulary``) reads of a document: the words of its
    title and text a person could mistype, and the words of its title."""
    return text_words(f"{title}\n{text}"), tuple(tokenize(title))


@lru_cache(maxsize=1 << 15)
def text_words(text: str) -> Words:
    """(folded, written) for each word of ``text`` a person could mistype; one record's text is read once."""
    return tuple(pair for pair in map(_word, tokenize(text)) if pair is not None)


@lru_cache(maxsize=1 << 17)
def _word(word: str) -> tuple[str, str] | None:
    """(folded, written) for a word a person could mistype, None for a short one or one with digits.

    The national catalogue's texts have millions of words but a few ten thousand
    distinct ones: each is folded and looked at once.
    """
    if len(word) < MIN_SUGGEST_LENGTH or any(c.isdigit() for c in word):
        return None
    return fold(word), word


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """A hash of the search package's code: an analysis made by other code is never reused."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


@dataclass
class Store:
    """What one content's documents were analysed into (hash of fields → ``Analysed``), under one fingerprint."""

    fingerprint: bytes
    entries: dict[bytes, Analysed] = field(default_factory=dict)
    recipes: dict[bytes, Recipe] = field(default_factory=dict)  # a service's fingerprint (``RecordPrints``) → its fields


_memory: Store | None = None  # the live preview analyses again after every save
_files: Layered | None = None  # where ``_memory`` came from (and went): what its files hold


def forget() -> None:
    """Let go of the analysed documents and words kept in memory for the next run (already on disk).

    At national scale they are about 100 MB that ``build``'s later steps (the open data)
    would otherwise make room beside; the live preview keeps them.
    """
    global _memory, _files
    _memory = _files = None
    text_words.cache_clear()
    _word.cache_clear()


class AnalysisCache:
    """The analysed documents of the last run, and those of this one (``analyse``), saved by :meth:`save`."""

    def __init__(self, synonyms: Synonyms, folder: Path | None = None) -> None:
        self.synonyms = synonyms
        self.path = folder / "documents.pickle" if folder is not None else None
        digest = hashlib.sha256(code_fingerprint())
        digest.update(json.dumps([synonyms.phrases, sorted(synonyms.places)], ensure_ascii=False).encode())  # not pickle: see analyse
        self.fingerprint = digest.digest()
        self.before = self._load()
        self.now = Store(self.fingerprint)
        self.analysed = 0  # how many documents this run analysed
        self.gathered = False  # whether this run knew the services' fingerprints (a build, not the preview or ``search``)

    def _load(self) -> Store:
        if _memory is not None and _files is not None and _memory.fingerprint == self.fingerprint and _files.path == self.path:
            self.files = _files
            return _memory
        with paused_gc():  # ten thousand documents' terms: a second with the collector walking them, a third without
            self.files = Layered(self.path, lambda entries: entries.get(FINGERPRINT, self.fingerprint) == self.fingerprint)
        store = Store(self.fingerprint)
        for key, value in self.files.entries.items():
            if key[:1] == ENTRY:
                store.entries[key[1:]] = value
            elif key[:1] == RECIPE:
                store.recipes[key[1:]] = value
        return store

    def recipe(self, key: bytes | None) -> Recipe | None:
        """Return the fields a document with fingerprint ``key`` was made of last time, or None."""
        return None if key is None else self.before.recipes.get(key)

    def keep_recipe(self, key: bytes | None, recipe: Recipe) -> None:
        """Keep the fields of the document with fingerprint ``key`` for the next run."""
        if key is not None:
            self.gathered = True
            self.now.recipes[key] = recipe

    def analyse(self, fields: Fields) -> Analysed:
        """Return the analysed form of a document's fields: the last run's when they are the same."""
        # JSON, not pickle: pickle writes a string seen twice as a reference to the first, so equal fields made of
        # shared or separate string objects (a record from the cache or parsed afresh) would hash differently
        key = hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).digest()
        found = self.now.entries.get(key) or self.before.entries.get(key)
        if found is None:
            found = analyse_fields(fields, self.synonyms)
            self.analysed += 1
        self.now.entries[key] = found
        return found

    def save(self) -> None:
        """Keep this run's documents for the next (in memory, and on disk when anything changed: the new ones alone, mostly)."""
        global _memory, _files
        if not self.gathered:  # the next build may still use them
            self.now.recipes = self.before.recipes
        _memory, _files = self.now, self.files
        if self.analysed or self.now.entries.keys() != self.before.entries.keys() or self.now.recipes.keys() != self.before.recipes.keys():
            used: dict[bytes, object] = {FINGERPRINT: self.fingerprint}
            used.update((ENTRY + key, value) for key, value in self.now.entries.items())
            used.update((RECIPE + key, value) for key, value in self.now.recipes.items())
            self.files.save(used)


FINGERPRINT, ENTRY, RECIPE = b"f", b"e", b"r"  # what a key of the files is: the code's fingerprint, an analysis, a recipe
