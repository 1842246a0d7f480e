"""The index both searches read: for every term, the documents that have it and where (a ranking code).

``Postings`` is built from the search documents (``documents``); the command line
queries it in memory, the build writes it into the site in chunks that the browser
fetches as a query needs them (``browser``). Terms are kept in the order of their
UTF-16 code units — the order of JavaScript's ``<`` — so that both sides cut the
same prefix ranges.

File format (a chunk of terms, or a facet's values): a sequence of entries, each
``key`` then its postings, all numbers as LEB128 varints::

    count · (len(key utf-8) · key · n · (delta_doc << 4 | code) × n) × count

``delta_doc`` is the gap to the previous document of the same entry (the first is
the document itself); facets have code 0.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .ranking import CODE_BITS, MAX_EXTRA_FIELDS, MIN_PREFIX, Match, better, posting_value

Posting = tuple[int, int]  # (document number, value: ``ranking.posting_value``)
Entry = tuple[str, list[Posting]]
VALUE_BITS = CODE_BITS + MAX_EXTRA_FIELDS.bit_length()


def order_key(term: str) -> bytes:
    """Sort key of a term: its UTF-16 code units, as JavaScript compares strings."""
    return term.encode("utf-16-be")


@dataclass(frozen=True)
class Postings:
    terms: list[str]  # in ``order_key`` order
    lists: list[list[Posting]]  # per term, by document

    @classmethod
    def build(cls, documents: Iterable[dict[str, int]]) -> Postings:
        """Index the documents' terms (term → code); document numbers are their positions."""
        table: dict[str, list[Posting]] = {}
        for number, terms in enumerate(documents):
            for term, c in terms.items():
                table.setdefault(term, []).append((number, c))
        terms = sorted(table, key=order_key)
        return cls(terms, [table[t] for t in terms])

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", [order_key(t) for t in self.terms])

    def entries(self) -> list[Entry]:
        return list(zip(self.terms, self.lists))

    def matches(self, key: str) -> list[Match]:
        """The postings of every term ``key`` matches: itself, and the terms it begins when long enough."""
        keys: list[bytes] = self._keys  # type: ignore[attr-defined]
        wanted = order_key(key)
        i = bisect.bisect_left(keys, wanted)
        out: list[Match] = []
        while i < len(keys) and keys[i].startswith(wanted):
            exact = self.terms[i] == key
            if exact or len(key) >= MIN_PREFIX:
                out.append((self.lists[i], exact))
            if not exact and len(key) < MIN_PREFIX:
                break
            i += 1
        return out

    def exact(self, term: str) -> list[Match]:
        """The postings of ``term`` itself (a synonym group's marker), if indexed."""
        keys: list[bytes] = self._keys  # type: ignore[attr-defined]
        i = bisect.bisect_left(keys, order_key(term))
        return [(self.lists[i], True)] if i < len(keys) and self.terms[i] == term else []

    def count(self, key: str) -> int:
        """How many documents ``key`` matches."""
        return len({doc for postings, _ in self.matches(key) for doc, _ in postings})


def facet_postings(docs: Sequence, names: Sequence[str]) -> dict[str, dict[str, list[int]]]:
    """Facet → value → the documents (numbers) that have it, values sorted; ``docs`` carry ``filters``."""
    out: dict[str, dict[str, list[int]]] = {name: {} for name in names}
    for number, doc in enumerate(docs):
        for name in names:
            for value in doc.filters.get(name, ()):
                out[name].setdefault(value, []).append(number)
    return {name: dict(sorted(values.items())) for name, values in out.items()}


def best_terms(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Each term once, in the order first seen, with its posting value: the best of its codes
    (``ranking.better``) and the number of fields it stands in."""
    best: dict[str, int] = {}
    fields: dict[str, set[int]] = {}
    for term, c in pairs:
        if term not in best or better(c, best[term]):
            best[term] = c
        fields.setdefault(term, set()).add(c >> 1)
    return {term: posting_value(c, len(fields[term])) for term, c in best.items()}


# --- the file format ------------------------------------------------------------------


def _varint(n: int, out: bytearray) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def encode(entries: Sequence[Entry]) -> bytes:
    """Entries (key, postings by document) as the bytes of one file."""
    out = bytearray()
    append = out.append
    _varint(len(entries), out)
    for key, postings in entries:
        raw = key.encode("utf-8")
        _varint(len(raw), out)
        out += raw
        _varint(len(postings), out)
        previous = 0
        for doc, c in postings:
            n = (doc - previous) << VALUE_BITS | c
            if n < 0x80:  # one or two bytes: nearly every posting
                append(n)
            elif n < 0x4000:
                append((n & 0x7F) | 0x80)
                append(n >> 7)
            else:
                _varint(n, out)
            previous = doc
    return bytes(out)


def _varint_at(data: bytes, at: int) -> tuple[int, int]:
    """The varint at ``at``: (value, position after it)."""
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def decode(data: bytes) -> list[Entry]:
    """The entries of one file (the inverse of :func:`encode`)."""
    count, at = _varint_at(data, 0)
    entries = []
    for _ in range(count):
        length, at = _varint_at(data, at)
        key = data[at : at + length].decode("utf-8")
        n, at = _varint_at(data, at + length)
        postings, doc = [], 0
        for _ in range(n):
            value, at = _varint_at(data, at)
            doc += value >> VALUE_BITS
            postings.append((doc, value & ((1 << VALUE_BITS) - 1)))
        entries.append((key, postings))
    return entries


def chunks(entries: Sequence[Entry], target: int) -> list[tuple[str, bytes]]:
    """Cut entries (in term order) into files of about ``target`` bytes: (first term, bytes)."""
    out: list[tuple[str, bytes]] = []
    start, size = 0, 0
    for i, (key, postings) in enumerate(entries):
        size += len(key) + 2 + 2 * len(postings)  # an estimate: most postings take two bytes
        if size >= target or i == len(entries) - 1:
            out.append((entries[start][0], encode(entries[start : i + 1])))
            start, size = i + 1, 0
    return out
