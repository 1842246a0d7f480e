"""Did-you-mean: the nearest word of the site's own vocabulary, one edit away.

The same algorithm runs in the browser (``static/search.js``, ``suggestWord``):
a word typed with one letter wrong, missing, extra or two letters swapped, of at
least ``MIN_TYPO_LENGTH`` letters, is replaced by the most frequent vocabulary
word (``site_vocabulary``) at that distance, compared without diacritics.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..index import Catalogue
from .analysed import MIN_SUGGEST_LENGTH, document_words
from .analysis import analyse, fold, is_stopword, tokenize
from .documents import SearchDocument

__all__ = [  # MIN_SUGGEST_LENGTH lives with the words it keeps (``analysed``)
    "MIN_SUGGEST_LENGTH", "MIN_TYPO_LENGTH", "cached_vocabulary", "correct_query", "one_edit_apart", "site_vocabulary",
    "suggest_word", "vocabulary",
]

log = logging.getLogger(__name__)
Shards = dict[int, list[list[str]]]

#: Shorter words are not corrected: one letter changes too much of them.
MIN_TYPO_LENGTH = 5


def _phrases(cat: Catalogue) -> list[str]:
    """The catalogue's names a person may mean: vocabulary terms, localities, synonyms."""
    phrases = [t.name for v in (cat.vocab.service_types, cat.vocab.target_groups, cat.vocab.forms) for t in v.values()]
    phrases += [loc.name for loc in cat.localities.values()]
    phrases += [term for group in cat.vocab.synonyms.values() for term in group.terms]
    return phrases


def site_vocabulary(cat: Catalogue, docs: Iterable[SearchDocument]) -> Shards:
    """The did-you-mean vocabulary of a site, the same for the browser and the command line:
    the words of the documents' titles and of the catalogue's names (vocabulary terms,
    localities, synonyms), by folded length (see ``vocabulary``)."""
    return vocabulary(docs, _phrases(cat))


_last: tuple[str, Shards] | None = None  # the live preview asks again after every save


def forget() -> None:
    """Let go of the vocabulary kept in memory for the next run (``analysed.forget``)."""
    global _last
    _last = None


def cached_vocabulary(cat: Catalogue, docs: Sequence[SearchDocument], folder: Path | None = None) -> Shards:
    """``site_vocabulary``, made once per content: kept in memory and in ``folder`` by the hash of what it reads."""
    global _last
    phrases = _phrases(cat)
    digest = hashlib.sha256(json.dumps([[d.title, d.text] for d in docs] + [phrases], ensure_ascii=False).encode())
    key = digest.hexdigest()[:24]
    if _last is not None and _last[0] == key:
        return _last[1]
    path = folder / f"vocabulary-{key}.json" if folder is not None else None
    shards = _read(path) if path is not None else None
    if shards is None:
        shards = vocabulary(docs, phrases)
        if path is not None:
            _write(path, shards)
    _last = (key, shards)
    return shards


def _read(path: Path) -> Shards | None:
    try:
        return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError) as exc:
        if path.exists():
            log.debug("ignoring the cached vocabulary %s: %s", path, exc)
        return None


def _write(path: Path, shards: Shards) -> None:
    """Keep the vocabulary for the next run; older ones go (one content, one file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("vocabulary-*.json"):
            old.unlink()
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(shards, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:  # a cache: a read-only disk costs time, never the build
        log.debug("cannot write the vocabulary cache %s: %s", path, exc)


def vocabulary(docs: Iterable[SearchDocument], extra: Iterable[str] = ()) -> Shards:
    """Return the did-you-mean vocabulary: folded length → [[folded, word], …], most frequent first.

    The words are those of the site's titles, names and vocabularies (what a person
    is likely to mean), counted over the documents' text. ``word`` is the most
    frequent written form of the folded word.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    titles: set[str] = set()
    for doc in docs:
        words, title_words = doc.words if doc.words is not None else document_words(doc.title, doc.text)
        titles.update(title_words)
        pairs.update(words)
    titles.update(t for phrase in extra for t in tokenize(phrase))
    # Fold each distinct word once, and keep only the words of titles and names: the text
    # has millions of words at national scale, a few ten thousand distinct ones.
    keep = {fold(t) for t in titles}
    counts: Counter[str] = Counter()
    written: dict[str, tuple[int, str]] = {}  # folded → the most frequent written form (then the first in order)
    for (folded, word), n in pairs.items():
        if folded in keep:
            counts[folded] += n
            best = written.get(folded)
            if best is None or (-n, word) < (-best[0], best[1]):
                written[folded] = (n, word)
    shards: Shards = {}
    for folded, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        shards.setdefault(len(folded), []).append([folded, written[folded][1]])
    return shards


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one substitution, insertion, deletion or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def suggest_word(word: str, shards: dict[int, list[list[str]]]) -> str | None:
    """Return the vocabulary word one edit from ``word`` (the most frequent), or None.

    Each shard is ordered most frequent first, so the first hit of a shard is its
    best; across the three shards the earliest position wins, then the shorter length.
    """
    folded = fold(word)
    if len(folded) < MIN_TYPO_LENGTH:
        return None
    best: tuple[int, int, str] | None = None
    for length in (len(folded) - 1, len(folded), len(folded) + 1):
        for position, (candidate, written) in enumerate(shards.get(length, [])):
            if one_edit_apart(folded, candidate):
                if best is None or (position, length) < best[:2]:
                    best = (position, length, written)
                break
    return best[2] if best else None


def correct_query(text: str, shards: dict[int, list[list[str]]]) -> str | None:
    """The query with each word of 5+ letters replaced by its suggestion, or None if none changes.

    Used when a query found nothing. A suggestion with the same stem as the typed
    word ("seniorům" → "seniorů") would change nothing and is not made.
    """
    words = [t for t in tokenize(text) if not is_stopword(t)]
    fixed = []
    for word in words:
        suggestion = suggest_word(word, shards)
        fixed.append(suggestion if suggestion and analyse(suggestion) != analyse(word) else word)
    return " ".join(fixed) if fixed != words else None
