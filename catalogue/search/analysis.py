"""Czech text analysis shared by the index (Python) and the browser (JavaScript).

One definition, two implementations: this module and ``static/czech-analysis.js``
produce byte-identical output for every function below (``tests/test_analysis.py``
runs both on ~16,600 Czech word forms, every line of the demo content and 3,000
random strings, and compares). Change one, change the other.

Pipeline
--------
``tokenize``
    NFC-normalise, lowercase (full Unicode case mapping), NFC again, then take runs of
    letters and digits (Unicode general categories L* and N*; Python's ``[^\\W_]``,
    JavaScript's ``[\\p{L}\\p{N}]``). Everything else separates words: punctuation,
    hyphens ("Frýdek-Místek" is two words), spaces, underscores, symbols.
    Python 3.11 knows Unicode 14 and Node 20 a later version, so a character assigned
    since then may be split differently; for all 144,762 characters of Unicode 14
    the two sides agree (checked once while writing this).
``stem``
    The Snowball Czech stemmer (Snowball 3.1.1, ``snowballstemmer.czech_stemmer``,
    imported directly so that an installed PyStemmer can never swap the algorithm).
    Two guards, applied on both sides: a word with an ASCII digit is not stemmed
    ("108", "covid19"), nor is one with a character outside the Basic Multilingual
    Plane (Python counts code points and JavaScript UTF-16 units; the stemmer's
    position arithmetic would differ).
``fold``
    Lowercase and remove diacritics: NFD, delete U+0300–U+036F (Combining
    Diacritical Marks), NFC. This is every mark that Czech, Slovak, Polish and other Latin/Greek/Cyrillic
    letters decompose into. A fixed range, rather than ``unicodedata.combining`` or
    the category Mn, because JavaScript cannot read combining classes and the two
    runtimes ship different Unicode versions: the range keeps both sides identical.
    Latin letters without a decomposition are then replaced by their base letters
    (``LETTERS``: Polish "ł" → "l", "đ" → "d", "ø" → "o", "ß" → "ss", …), so that
    "Łódź" is found by "lodz".

Keys: why a word has more than one
-----------------------------------
The stemmer must see the diacritics: many Czech endings exist only with them
("-ům", "-ám", "-ých", "-ého"), so ``fold`` goes after ``stem``. But people type
queries without diacritics, and stemming a folded word can give a different stem::

    seniorům → stem "senior"   (fold → "senior")
    seniorum → stem "seniorum" ("-um" is no Czech ending)
    péče     → stem "péč"      (fold → "pec")
    pece     → stem "pek"      (the palatalisation rules fire on "ce")

So each word gets a small set of keys (``keys``), all folded:

* the *primary* key ``fold(stem(w))`` — the real stem, shared by the word's
  inflections: seniorům, senioři, seniory → "senior";
* the *folded* key ``fold(stem(fold(w)))`` — what the same word yields when typed
  without diacritics. Because ``fold`` is idempotent, ``keys(fold(w))`` is always a
  subset of ``keys(w)``: a query typed without diacritics finds the exact word.

A query typed without diacritics should also find the word's *other* inflections
("seniorum" → documents saying "seniory"). For that, ``query_keys`` adds guesses
for an undiacritised word: where it ends in the folded form of one of the
stemmer's diacritic endings (the longest one that fits), that ending is put back
with its diacritics and stemmed ("seniorum" → "seniorům" → "senior"; "pece" →
"pecé"/"pecě" → "pec"). Measured on 150,000 inflected forms with diacritics (a
sample of the expanded hunspell-cs dictionary), typing a form without diacritics
reaches the primary key of the form with diacritics 63 % of the time with ``keys``
alone and 98 % with the guesses, at 1.4 query keys per word on average (the misses
are mostly č/š inside the word, which changes palatalisation). Documents are
assumed to be written with diacritics, so the index gets no guesses.

How to use it
-------------
* Index: ``index_terms(text)`` — every key of every non-stopword token, in order
  (a search engine that stores several terms per position can put a token's keys
  at one position).
* Query: ``analyse_query(text)`` — one group of keys per non-stopword token; a
  document matches a group if it has any key of it (OR), and the query if it
  matches every group (AND). An engine that can only AND single terms should use
  the first key of each group, which is ``analyse(text)``.
* ``analyse(text)`` — the primary key per non-stopword token: tokenize → stem → fold.

Stopwords are matched on the lowercase token before stemming, against
``STOPWORDS`` (which lists common undiacritised spellings too, but never one that
is also a content word: "být" is left out because "byt" is a flat).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from snowballstemmer.czech_stemmer import CzechStemmer

__all__ = [
    "LETTERS",
    "REACCENT_ENDINGS",
    "STOPWORDS",
    "analyse",
    "analyse_query",
    "fold",
    "index_terms",
    "is_stopword",
    "keys",
    "normalise",
    "query_keys",
    "stem",
    "tokenize",
]

#: Czech function words dropped from both the index and queries (lowercase); the last line
#: holds the words people put around a need when they type it ("mám dluhy", "hledám někoho
#: na hlídání"), which would otherwise have to stand in a record.
STOPWORDS: frozenset[str] = frozenset(
    """
    a aby ale ani ať až az bez by byl byla byli bylo či ci do i jak jako je jeho její
    jeji jejich jen jsem jsme jsou jste k ke ku kde kdy když kdyz který která které
    kteří ktery ktera ktere kteri mezi na nad nebo než nez o od on ona ono oni pak po
    pod pro proto před pred přes pres při pri s se si sebe ta tak také take tam taky
    ten tento ti tato tím tim tj to toto tu ty u v ve však vsak z za ze že
    mám mam máme mame potřebuji potrebuji potřebuju potrebuju hledám hledam chci co něco neco někoho nekoho kam mi mě
    """.split()
)

#: (folded ending, ending with diacritics) for every case or possessive ending of the
#: Snowball Czech stemmer that has diacritics; longest folded ending first.
REACCENT_ENDINGS: tuple[tuple[str, str], ...] = (
    ("atum", "atům"),
    ("etem", "ětem"),
    ("ach", "ách"),
    ("eho", "ého"),
    ("emi", "ěmi"),
    ("emu", "ému"),
    ("ete", "ěte"),
    ("eti", "ěti"),
    ("ich", "ích"),
    ("iho", "ího"),
    ("imi", "ími"),
    ("imu", "ímu"),
    ("ove", "ové"),
    ("tmi", "ťmi"),
    ("ych", "ých"),
    ("ymi", "ými"),
    ("am", "ám"),
    ("ek", "ěk"),
    ("em", "ém"),
    ("em", "ěm"),
    ("en", "eň"),
    ("im", "ím"),
    ("um", "ům"),
    ("uv", "ův"),
    ("ym", "ým"),
    ("a", "á"),
    ("e", "é"),
    ("e", "ě"),
    ("i", "í"),
    ("t", "ť"),
    ("u", "ů"),
    ("y", "ý"),
)

_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: categories L* and N*
_MARKS = re.compile("[\u0300-\u036f]+")
_DIGIT = re.compile("[0-9]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Latin letters that have no Unicode decomposition, and what ``fold`` makes of them.
LETTERS: dict[str, str] = {"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t"}
_LETTERS = str.maketrans(LETTERS)


def normalise(text: str) -> str:
    """NFC, lowercase, NFC again (lowercasing can leave a decomposed sequence)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower())


def tokenize(text: str) -> list[str]:
    """Split ``text`` into lowercase words: runs of Unicode letters and digits."""
    return _TOKEN.findall(normalise(text))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball Czech stem of a lowercase ``word`` (unchanged if it has a digit)."""
    if _DIGIT.search(word) or _ASTRAL.search(word):
        return word
    # A fresh stemmer per call: the object is stateful, this stays thread-safe, and
    # the cache makes the cost irrelevant.
    return CzechStemmer().stemWord(word)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """``word`` lowercased and without diacritics: "Řeřicha" → "rericha"."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", word.lower()))).translate(_LETTERS)


def is_stopword(token: str) -> bool:
    """Whether a lowercase token is a stopword."""
    return token in STOPWORDS


@lru_cache(maxsize=1 << 16)
def keys(word: str) -> tuple[str, ...]:
    """Index keys of one lowercase word: the primary key first, then the folded one."""
    primary = fold(stem(word))
    folded = fold(stem(fold(word)))
    return (primary,) if folded == primary else (primary, folded)


@lru_cache(maxsize=1 << 16)
def query_keys(word: str) -> tuple[str, ...]:
    """Query keys of one lowercase word: ``keys`` plus, for a word typed without
    diacritics, the keys its ending would have with diacritics (see module doc)."""
    found = list(keys(word))
    if fold(word) != word or _DIGIT.search(word):
        return tuple(found)
    matched = None
    for plain, accented in REACCENT_ENDINGS:
        if matched is not None and plain != matched:
            break
        if len(word) > len(plain) and word.endswith(plain):
            matched = plain
            key = fold(stem(word[: -len(plain)] + accented))
            if key not in found:
                found.append(key)
    return tuple(found)


def _words(text: str) -> list[str]:
    return [t for t in tokenize(text) if not is_stopword(t)]


def analyse(text: str) -> list[str]:
    """Primary key of every non-stopword token: tokenize → stem → fold."""
    return [keys(t)[0] for t in _words(text)]


def index_terms(text: str) -> list[str]:
    """Every key of every non-stopword token, token by token: what an index stores."""
    return [k for t in _words(text) for k in keys(t)]


def analyse_query(text: str) -> list[list[str]]:
    """One group of keys per non-stopword query token (OR inside a group, AND across)."""
    return [list(query_keys(t)) for t in _words(text)]
