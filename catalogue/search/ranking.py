"""The ranking: one definition, read by the command line (``engine``) and the browser (``static/search-engine.js``).

Every word of a search document is indexed with the *field* it came from, and
whether it came there literally or as a synonym of a phrase there (``Synonyms``):
together a *code*, ``field * 2 + synonym``. A query word earns a document the
points of its best match (``POINTS``: the field's weight, less for a synonym, less
again when the word only begins an indexed word, "nocleh" in "noclehárna");
a document must match every query word, and its score is the sum. So a service
whose name, kind or target group says "senioři" outranks one whose description
mentions them, and "jídlo" finds food aid (named "potravinová pomoc", a synonym)
above a café that serves lunch.

Then, in this order:

* a provider that the query does not name (not every query word in its name,
  literally) comes after every other result: people look for help, and a
  provider's page is one step further from it;
* results stop where they stop being relevant: after the first ``MIN_RESULTS``,
  a result scoring less than ``CUT`` of the best one is left out (no long tail of
  words found only in descriptions);
* equal scores keep the documents' order (services A–Z, then providers…).

Points are integers and the rule is plain integer arithmetic, so Python and
JavaScript agree to the last result; the browser reads this module's numbers
from ``search/index.json`` (``ranking_data``), never a copy of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

#: Where a word of a document stands, strongest first, and what a literal match there earns.
FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 100),  # the record's own name (a service's, a provider's, a life situation's title)
    ("topic", 70),  # what the help is: its kind and §, its target groups
    ("place", 60),  # where it is and which places it serves, its address
    ("summary", 50),  # the one sentence written for citizens
    ("provider", 50),  # who provides it
    ("situation", 40),  # the titles of the life situations it belongs to: signposts, in many words
    ("about", 30),  # forms, languages, registered or related, access, cost, the building's name
    ("text", 20),  # the description
)
FIELD_NAMES = tuple(name for name, _ in FIELDS)
#: What a synonym earns, against the word itself (percent).
SYNONYM_PERCENT = 80
#: What a word earns when the query word only begins it (percent).
PREFIX_PERCENT = 50
#: Query words shorter than this match whole index words only (a two-letter prefix matches half the index).
MIN_PREFIX = 3
#: A result is kept when its score is at least this share of the best score: numerator, denominator…
CUT = (1, 2)
#: …or when it is among the first few: a short list is no long tail, and a weaker match can still help.
MIN_RESULTS = 3
#: Records that come after the others unless the query names them.
DEMOTED = ("provider",)
#: Records that come after all the others, even when the query names them: the community plan's
#: documents are for those who plan services, not for someone looking for help.
LAST = ("plan", "measure")


def code(field: str, synonym: bool = False) -> int:
    """The posting code of a word found in ``field`` (literally, or as a synonym)."""
    return FIELD_NAMES.index(field) * 2 + int(synonym)


NAME_CODE = code("name")


def _points() -> list[list[int]]:
    """Exact and prefix points per code."""
    table = []
    for _, weight in FIELDS:
        for percent in (100, SYNONYM_PERCENT):
            exact = weight * percent // 100
            table.append([exact, exact * PREFIX_PERCENT // 100])
    return table


#: code → [points of an exact match, points of a prefix match].
POINTS: list[list[int]] = _points()


def capped(c: int, cap: int) -> int:
    """Code ``c``, or ``cap`` when that earns less: a town's name in a service's name says where, not what."""
    return cap if POINTS[cap][0] < POINTS[c][0] else c


def better(a: int, b: int) -> bool:
    """Whether code ``a`` is a better match than code ``b`` (more points; on a tie the lower code)."""
    return POINTS[a][0] > POINTS[b][0] or (POINTS[a][0] == POINTS[b][0] and a < b)


def ranking_data() -> dict:
    """The ranking as the browser reads it (``search/index.json``, key ``ranking``)."""
    return {
        "points": POINTS,
        "code_bits": CODE_BITS,
        "field_bonus": FIELD_BONUS,
        "min_prefix": MIN_PREFIX,
        "cut": list(CUT),
        "min_results": MIN_RESULTS,
        "demoted": list(DEMOTED),
        "last": list(LAST),
        "name_code": NAME_CODE,
    }


#: Bits of a posting value that hold the code; above them, in how many more fields the word stands.
CODE_BITS = 4
#: What each further field a word stands in adds (at most ``MAX_EXTRA_FIELDS``): a service whose
#: target group, summary and description all speak of homelessness is more about it than one
#: that lists the target group among others.
FIELD_BONUS = 5
MAX_EXTRA_FIELDS = 2


def posting_value(best: int, fields: int) -> int:
    """A posting's value: the best code of a word in a document, and the number of fields it stands in."""
    return best | min(fields - 1, MAX_EXTRA_FIELDS) << CODE_BITS


def points(value: int, exact: bool) -> int:
    """What a posting earns a document for one query word."""
    return POINTS[value & ((1 << CODE_BITS) - 1)][0 if exact else 1] + FIELD_BONUS * (value >> CODE_BITS)


#: One term a query word matches: its postings [(document, value)] and whether the match is exact.
Match = tuple[Sequence[tuple[int, int]], bool]


@dataclass(frozen=True)
class QueryPart:
    """What one part of a query matches: each of its words (the terms the word's chosen key matches),
    and the markers of its synonym groups."""

    words: Sequence[Sequence[Match]]
    markers: Sequence[Match]
    literal: bool = True  # False: the words count only through the markers


@dataclass(frozen=True)
class Ranked:
    doc: int
    score: int


def _best(matches: Iterable[Match]) -> tuple[dict[int, int], set[int]]:
    """Per document, the most a word's matches earn it; and the documents that have it in their name literally."""
    best: dict[int, int] = {}
    in_name: set[int] = set()
    for postings, exact in matches:
        for doc, value in postings:
            p = points(value, exact)
            if p > best.get(doc, 0):
                best[doc] = p
            if value & ((1 << CODE_BITS) - 1) == NAME_CODE:
                in_name.add(doc)
    return best, in_name


def _part(part: QueryPart) -> tuple[dict[int, int], set[int]]:
    """Per document, what a part earns (every word literally, or a synonym group's marker for each
    word, whichever is more); and the documents that have all its words in their name."""
    score: dict[int, int] | None = None
    named: set[int] | None = None
    for word in part.words if part.literal else ():
        best, in_name = _best(word)
        score = best if score is None else {doc: s + best[doc] for doc, s in score.items() if doc in best}
        named = in_name if named is None else named & in_name
    score, named = score or {}, named or set()
    marked, _ = _best(part.markers)
    for doc, p in marked.items():
        through = p * len(part.words)
        if through > score.get(doc, 0):
            score[doc] = through
    return score, named


def rank(parts: Sequence[QueryPart], allowed: Callable[[int], bool], record_of: Callable[[int], str]) -> list[Ranked]:
    """Rank the documents that match every part of a query; ``allowed`` says whether one passes the filters.

    Returns the results best first, cut where they stop being relevant.
    """
    score: dict[int, int] = {}
    named: set[int] = set()
    for number, part in enumerate(parts):
        got, in_name = _part(part)
        if number == 0:
            score = {doc: p for doc, p in got.items() if allowed(doc)}
            named = in_name
        else:
            score = {doc: s + got[doc] for doc, s in score.items() if doc in got}
            named &= in_name
    if not score:
        return []
    top = max(score.values())
    def order(item: tuple[int, int]) -> tuple:
        record = record_of(item[0])
        return (record in LAST, record in DEMOTED and item[0] not in named, -item[1], item[0])

    ordered = sorted(score.items(), key=order)
    return [Ranked(doc, s) for i, (doc, s) in enumerate(ordered) if i < MIN_RESULTS or s * CUT[1] >= top * CUT[0]]


def choose_key(group: Sequence[str], count: Callable[[str], int]) -> str:
    """The key of a query word with the most documents (ties: the first, the real stem)."""
    if len(group) == 1:
        return group[0]
    best, most = group[0], -1
    for key in group:
        n = count(key)
        if n > most:
            best, most = key, n
    return best
