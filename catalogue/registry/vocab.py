"""Code-list values → the catalogue's vocabularies: by the law's § and name, or the mapping file.

``content/vocabularies/registry.yaml`` names what the catalogue words differently from
the registry (``rodiny s dítětem/dětmi`` → ``rodiny-s-detmi``). Nothing here knows a
code-list id: ids change between code-list versions, names and paragraphs do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .codelists import Item
from .places import fold

_RANGE_RE = re.compile(r"(\d+)\s*[–-]\s*(\d+)")
_ABOVE_RE = re.compile(r"(?:nad|od|starší než)\s+(\d+)")
_BELOW_RE = re.compile(r"(?:do|pod|mladší než)\s+(\d+)")
_PARAGRAPH_RE = re.compile(r"§?\s*(\d+[a-z]?)")

# vocabulary → its section in registry.yaml
SECTIONS = {
    "service-types": "service_types",
    "target-groups": "target_groups",
    "forms": "forms",
    "capacity-units": "capacity_units",
}


@dataclass
class Unmatched:
    """A code-list value no term stands for, with how many registrations use it."""

    vocabulary: str
    item: Item
    count: int = 0


@dataclass
class Matcher:
    """Look up the term of a code-list item; count what cannot be matched."""

    vocabularies: dict[str, dict[str, dict]]  # "service-types" → term id → fields
    mapping: dict[str, dict]  # registry.yaml: section → registry name → term id (or age range)
    unmatched: dict[tuple[str, str], Unmatched] = field(default_factory=dict)
    _cache: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def term(self, vocabulary: str, item: Item) -> str | None:
        """Return the term id for ``item`` in ``vocabulary``, or None (and count it as unmatched)."""
        key = (vocabulary, item.id)
        if key not in self._cache:
            self._cache[key] = self._match(vocabulary, item)
        found = self._cache[key]
        if found is None:
            self.unmatched.setdefault(key, Unmatched(vocabulary, item)).count += 1
        return found

    def _match(self, vocabulary: str, item: Item) -> str | None:
        terms = self.vocabularies.get(vocabulary, {})
        mapped = _lookup(self.mapping.get(SECTIONS[vocabulary], {}), item.name)
        if isinstance(mapped, str) and mapped in terms:
            return mapped
        wanted = fold(item.name)
        by_name = [tid for tid, term in terms.items() if fold(str(term.get("name", ""))) == wanted]
        if len(by_name) == 1:
            return by_name[0]
        paragraph = item_paragraph(item)
        if vocabulary == "service-types" and paragraph:
            by_paragraph = [tid for tid, term in terms.items() if str(term.get("paragraph", "")) == paragraph]
            if len(by_paragraph) == 1:
                return by_paragraph[0]
        return None

    def age(self, items: list[Item]) -> tuple[int | None, int | None] | None:
        """Return the age range the age groups span, or None when they span every age."""
        ranges = [self._age_range(i) for i in items]
        known = [r for r in ranges if r is not None]
        if not known:
            return None
        low = None if any(r[0] is None for r in known) else min(r[0] for r in known if r[0] is not None)
        high = None if any(r[1] is None for r in known) else max(r[1] for r in known if r[1] is not None)
        if (low is None or low <= 1) and high is None:
            return None  # every age: saying so would only add noise
        return low, high

    def _age_range(self, item: Item) -> tuple[int | None, int | None] | None:
        key = ("age-groups", item.id)
        mapped = _lookup(self.mapping.get("age_groups", {}), item.name)
        if isinstance(mapped, dict):
            low, high = mapped.get("min"), mapped.get("max")
            return (int(low) if low is not None else None, int(high) if high is not None else None)
        text = item.name
        if match := _RANGE_RE.search(text):
            return int(match.group(1)), int(match.group(2))
        if match := _ABOVE_RE.search(text):
            return int(match.group(1)), None
        if match := _BELOW_RE.search(text):
            return 0, int(match.group(1))
        self.unmatched.setdefault(key, Unmatched("age-groups", item)).count += 1
        return None


def _lookup(section: dict, name: str):
    wanted = fold(name)
    for key, value in section.items():
        if fold(str(key)) == wanted:
            return value
    return None


def item_paragraph(item: Item) -> str | None:
    """Return the § of a service type when its code-list item states one (``paragraf: "§ 57"``)."""
    for key, value in item.extra.items():
        if "paragraf" in key.lower():
            match = _PARAGRAPH_RE.search(str(value))
            if match:
                return match.group(1)
    return None
