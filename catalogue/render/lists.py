"""Long lists split into pages of their own: by region for a facet, by letter for the A–Z indexes.

Issue 15: a national target group's page once held the whole card of each of its 2,600
services (1.3 MB), the A–Z list 6,700 lines. A list of more than :data:`ROWS_MAX` lines
becomes an overview (what the list holds, with counts) and pages of at most that many
lines: a target group, kind of help or life situation per region (the top places of the
locality tree), the A–Z lists per letter. A part still longer is continued on numbered
pages ("…/stredocesky-kraj/2/"), each with links to every other part and to the previous
and the next one. Planning and the parts' pages split the same way (:func:`area_parts`,
:func:`letter_parts`), so every page planned is the page rendered.
"""

from __future__ import annotations

import math
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..index import Catalogue
from ..index.collation import initial
from ..index.queries import by_name

PartLink = tuple[str, str, int, str]  # (URL, label, number of lines, group) of one part of a split list

#: a facet whose list of services may be split (its kind of URL) → its services, in the list's order
FACETS: dict[str, Callable[[Catalogue, str], list[str]]] = {
    "target-groups": lambda cat, ident: cat.services_by_target_group.get(ident, []),
    "service-types": lambda cat, ident: cat.services_by_type.get(ident, []),
    "life-situations": lambda cat, ident: cat.services_by_life_situation.get(ident, []),
}
LETTERS = "pismeno"  # the A–Z indexes' letters: /sluzby/pismeno/a/, /poskytovatele/pismeno/a/
ROWS_MAX = 200  # lines a list page holds: at most about 75 KB of compact rows (target: no page over 100 KB)
T = TypeVar("T")
ELSEWHERE = "jinde"  # the part of a facet's services with no place in the locality tree


@dataclass(frozen=True)
class Part:
    """One page of a split list: its path below the list's address, its name and what it lists."""

    path: str  # "jihocesky-kraj/", "okres-strakonice/", "okres-benesov/2/", "c-caron/"
    label: str  # "Jihočeský kraj", "okres Strakonice", "okres Benešov (2/3)", "Č"
    ids: tuple[str, ...]  # services (or providers), in the list's order
    group: str = ""  # the larger place a part belongs to when that place's list is split further ("Jihočeský kraj")


def is_long(ids: Sequence[str]) -> bool:
    """Return whether a list is too long for one page."""
    return len(ids) > ROWS_MAX


def chunked(path: str, label: str, ids: Sequence[str], group: str = "") -> list[Part]:
    """Return one part, or as many numbered ones of equal length as keep each within :data:`ROWS_MAX`."""
    pieces = math.ceil(len(ids) / ROWS_MAX)
    if pieces <= 1:
        return [Part(path, label, tuple(ids), group)]
    size = math.ceil(len(ids) / pieces)
    return [
        Part(path if n == 0 else f"{path}{n + 1}/", f"{label} ({n + 1}/{pieces})", tuple(ids[n * size : (n + 1) * size]), group)
        for n in range(pieces)
    ]


def split_places(cat: Catalogue) -> list[str]:
    """Return the places a long list is split by: the roots of the locality tree, or below a single root its children."""
    tops = list(cat.roots)
    while len(tops) == 1 and cat.children.get(tops[0]):
        tops = list(cat.children[tops[0]])
    return tops


def area_parts(cat: Catalogue, ids: Iterable[str], elsewhere: str) -> list[Part]:
    """Return a facet's services by the top place each is located in (else that its area names), in the tree's order.

    A top place with too many is split once more, by its own places (a region by its
    districts: "okres Strakonice" in the group "Jihočeský kraj"), those placed in the top
    place itself on its own page; only then is a part continued on numbered pages. A
    service located in two places is listed in both; one with no known place in the part
    ``elsewhere`` names.
    """
    tops = split_places(cat)
    found, other = by_place(cat, ids, tops)
    parts: list[Part] = []
    for top in tops:
        name, children = cat.localities[top].name, cat.children.get(top, [])
        if not is_long(found[top]) or not children:
            parts += chunked(f"{top}/", name, found[top]) if found[top] else []
            continue
        inside, here = by_place(cat, found[top], children)
        parts += chunked(f"{top}/", name, here, name) if here else []
        parts += [part for child in children if inside[child] for part in chunked(f"{child}/", cat.localities[child].name, inside[child], name)]
    return parts + (chunked(f"{ELSEWHERE}/", elsewhere, other) if other else [])


def by_place(cat: Catalogue, ids: Iterable[str], places: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Return the services of ``ids`` in each of ``places`` (by their places, else their area), and those in none."""
    wanted = set(places)
    found: dict[str, list[str]] = {place: [] for place in places}
    other: list[str] = []

    def place_of(lid: str) -> str | None:
        return next((a for a in (lid, *cat.ancestors(lid)) if a in wanted), None)

    for sid in ids:
        service = cat.services.get(sid)
        if service is None:
            continue
        located = [location.locality for location in service.locations] or list(service.area)
        within = dict.fromkeys(p for p in map(place_of, located) if p)
        for place in within:
            found[place].append(sid)
        if not within:
            other.append(sid)
    return found, other


def letter_slug(letter: str) -> str:
    """Return a letter as an address segment: "a", "ch", "c-caron" for Č; "0-9" for names that start otherwise."""
    if letter == "#":
        return "0-9"
    decomposed = unicodedata.normalize("NFD", letter.lower())
    base = "".join(ch for ch in decomposed if ch.isascii())
    marks = [unicodedata.name(ch, "").removeprefix("COMBINING ").lower().replace(" ", "-") for ch in decomposed if not ch.isascii()]
    if not base:
        return "u" + "-".join(f"{ord(ch):x}" for ch in letter)  # a letter without a Latin base (Ł)
    return "-".join([base, *(mark for mark in marks if mark)])


def letter_parts(records: Sequence, name: Callable[[object], str], ident: Callable[[object], str]) -> list[Part]:
    """Return records, already in Czech order, by initial letter; a long letter in numbered parts."""
    parts: list[Part] = []
    letters: dict[str, list[str]] = {}
    for record in records:
        letters.setdefault(initial(name(record)), []).append(ident(record))
    for letter, ids in letters.items():
        parts += chunked(f"{letter_slug(letter)}/", letter, ids)
    return parts


def neighbours(parts: Sequence[Part], path: str) -> tuple[Part | None, Part, Part | None]:
    """Return the part at ``path`` with the one before and the one after it."""
    index = next(i for i, part in enumerate(parts) if part.path == path)
    return (parts[index - 1] if index else None), parts[index], (parts[index + 1] if index + 1 < len(parts) else None)


def facet_parts(cat: Catalogue, facet: str, ident: str, elsewhere: str = "") -> list[Part]:
    """Return the parts of a facet's list of services (none when it fits one page); split once per catalogue."""

    def split() -> list[Part]:
        ids = FACETS[facet](cat, ident)
        return area_parts(cat, ids, elsewhere) if is_long(ids) else []

    return remembered(cat, ("facet", facet, ident, elsewhere), split)


def part_links(base: str, parts: Sequence[Part]) -> list[PartLink]:
    """Return the parts as links below ``base``."""
    return [(base + part.path, part.label, len(part.ids), part.group) for part in parts]


def letter_list(cat: Catalogue, what: str) -> tuple[list, list[Part]]:
    """Return the records of an A–Z index ("services" or "providers") and its letters' parts; once per catalogue."""

    def split() -> tuple[list, list[Part]]:
        records = cat.sorted_services if what == "services" else by_name(cat.providers.values())
        return records, letter_parts(records, lambda r: r.name, lambda r: r.id)

    return remembered(cat, ("letters", what), split)


_REMEMBERED: dict[int, tuple[weakref.ref, dict]] = {}  # id of a catalogue → (the catalogue, its lists' splits)


def remembered(cat: Catalogue, key: tuple, compute: Callable[[], T]) -> T:
    """Return ``compute()`` for this catalogue, computed once: every page of a split list (hundreds at national
    scale) needs the whole split, and the catalogue never changes (the live preview makes a new one)."""
    entry = _REMEMBERED.get(id(cat))
    if entry is None or entry[0]() is not cat:
        ident = id(cat)
        entry = _REMEMBERED[ident] = (weakref.ref(cat, lambda _: _REMEMBERED.pop(ident, None)), {})
    found = entry[1]
    if key not in found:
        found[key] = compute()
    return found[key]
