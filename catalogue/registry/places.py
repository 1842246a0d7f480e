"""Places: the area to import (``--area okres:Nymburk``) and localities made from the code lists."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from .codelists import CITY_DISTRICT, CodeLists, Item
from .messages import RegistryInputError

KINDS = {"kraj": "Kraj", "region": "Kraj", "okres": "Okres", "district": "Okres", "obec": "Obec", "municipality": "Obec"}
COUNTRY = {"cz", "cr", "cesko", "ceska republika", "stat:cz"}  # the whole country, compared folded
KIND_WORDS = {"Kraj": "region", "Okres": "district", "Obec": "municipality"}


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics and with single spaces: for matching names."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("–", "-").split())


def slugify(text: str) -> str:
    """Return an id made of ``text``: ``Frýdek-Místek`` → ``frydek-mistek``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


# --- the area ----------------------------------------------------------------------------------


@dataclass
class Area:
    ids: set[str] = field(default_factory=set)  # "Kraj/80", "Okres/3803", "Obec/554821"
    labels: list[str] = field(default_factory=list)  # as the report names them, with codes
    names: list[str] = field(default_factory=list)  # as a title names them

    def covers(self, address: dict) -> bool:
        """Return whether a registry address lies in the area (by its region, district or municipality)."""
        for key in ("obec", "okres", "kraj"):
            ref = address.get(key)
            if isinstance(ref, dict) and ref.get("id") in self.ids:
                return True
        return False

    def label(self) -> str:
        return ", ".join(self.labels)

    def title(self) -> str:
        return ", ".join(self.names)


def resolve_area(specs: list[str], lists: CodeLists, language: str = "cs") -> Area:
    """Return the area of ``--area`` values; a value that names nothing or several places is an error."""
    if not specs:
        raise RegistryInputError("area_missing", language)
    area = Area()
    for spec in specs:
        if fold(spec.strip()) in COUNTRY:
            area.ids.update(i.id for i in lists.of("Kraj"))
            area.labels.append(spec.strip())
            area.names.append(spec.strip())
            continue
        item = _resolve_one(spec.strip(), lists, language)
        area.ids.add(item.id)
        area.labels.append(describe(item, lists))
        area.names.append(f"okres {item.name}" if item.id.startswith("Okres/") else item.name)
    return area


def describe(item: Item, lists: CodeLists) -> str:
    """Return how a place is shown to a person: ``Lhota (okres Kladno, 532410)``."""
    prefix = item.id.split("/", 1)[0]
    if prefix == "Obec":
        district = lists.get(item.parent) if item.parent else None
        inside = f"okres {district.name}, " if district and district.id.startswith("Okres/") else ""
        return f"{item.name} ({inside}{item.code or item.number})"
    if prefix == "Okres":
        return f"okres {item.name} ({item.code or item.number})"
    return f"{item.name} ({item.code or item.number})"


def short_name(item: Item) -> str:
    """Return how people call a region: ``Moravskoslezský`` for Moravskoslezský kraj, ``Praha`` for Hlavní město Praha."""
    if not item.id.startswith("Kraj/"):
        return fold(item.name)
    return fold(item.name).removeprefix("hlavni mesto ").removesuffix(" kraj")


def _resolve_one(spec: str, lists: CodeLists, language: str) -> Item:
    kind, sep, value = spec.partition(":")
    if sep:
        prefix = KINDS.get(fold(kind))
        if prefix is None:
            raise RegistryInputError("area_kind", language, kind=kind, value=spec)
        prefixes = [prefix]
    else:
        value, prefixes = spec, ["Kraj", "Okres", "Obec"]
    value = value.strip()
    candidates = [i for p in prefixes for i in lists.of(p)]
    wanted = fold(value)
    for prefix in prefixes:  # "okres Nymburk" and "Nymburk" alike
        wanted = wanted.removeprefix(KIND_WORDS[prefix] + " ").removeprefix({"Okres": "okres ", "Kraj": "kraj "}.get(prefix, "~"))
    by_code = [i for i in candidates if value in (i.code, i.number, i.id)]
    if len(by_code) == 1:
        return by_code[0]
    by_name = [i for i in candidates if fold(i.name) in (wanted, fold(value)) or short_name(i) == wanted]
    if len(by_name) == 1:
        return by_name[0]
    found = by_name or by_code
    if len(found) > 1:
        rank = {"Kraj": 0, "Okres": 1, "Obec": 2}
        found.sort(key=lambda i: (rank.get(i.id.split("/")[0], 3), fold(i.name), i.id))
        shown = [describe(i, lists) for i in found]
        example_item = found[0]
        example = f"{example_item.id.split('/')[0].lower()}:{example_item.code or example_item.number}"
        return _fail_many(spec, shown, example, language)
    kind_word = " / ".join({"Kraj": "kraj", "Okres": "okres", "Obec": "obec"}[p] for p in prefixes)
    names = sorted({i.name for i in candidates})
    close = difflib.get_close_matches(value, names, n=3, cutoff=0.6) or [
        n for n in names if fold(n) in {fold(c) for c in difflib.get_close_matches(wanted, [fold(x) for x in names], n=3, cutoff=0.6)}
    ][:3]
    if close:
        raise RegistryInputError("area_none", language, value=spec, kind=kind_word, suggestions=", ".join(f'"{c}"' for c in close))
    raise RegistryInputError("area_none_plain", language, value=spec, kind=kind_word)


def _fail_many(spec: str, shown: list[str], example: str, language: str) -> Item:
    listed = "; ".join(shown[:12]) + ("; …" if len(shown) > 12 else "")
    raise RegistryInputError("area_many", language, value=spec, count=len(shown), places=listed, example=example)


# --- localities --------------------------------------------------------------------------------

LEVEL_OF = {"Kraj": "region", "Okres": "district", "Obec": "municipality", CITY_DISTRICT: "city-district", "CastObce": "part"}


@dataclass
class Place:
    """A locality the import wants: made from a code-list item, or an existing record it matched."""

    id: str
    name: str
    level: str
    parent: str | None
    code: str | None
    existing: bool = False


class Localities:
    """Turn the registry's place references into locality ids, creating localities as needed.

    Ids follow the demo: ``moravskoslezsky-kraj``, ``okres-karvina``, ``havirov``,
    ``ostrava-vitkovice``; a municipality whose name recurs in the country gets its
    district (``lhota-okres-kladno``), then its code. The choice depends on the whole
    code list, not on the area, so a municipality keeps its id whatever is imported.
    An existing locality is matched by its level and official code, or by its level,
    name and parent when it has no code (a catalogue typed by hand).
    """

    def __init__(self, lists: CodeLists, existing: list[Place]) -> None:
        self.lists = lists
        self.existing = existing
        self.by_code = {(p.level, p.code): p for p in existing if p.code}
        self.by_name = {(p.level, fold(p.name), p.parent): p for p in existing if not p.code}  # typed by hand
        self.taken = {p.id for p in existing}
        self.places: dict[str, Place] = {}  # code-list id → place
        self.new: dict[str, Place] = {}  # locality id → place created by this import
        # Which names recur, over the whole code list: an id then says more, for every place of
        # that name alike, so ids never depend on what was imported first.
        towns = lists.of("Obec")
        self.repeated = _repeated([fold(i.name) for i in towns])
        self.repeated_in_district = _repeated([f"{fold(i.name)}|{i.parent}" for i in towns])
        self.repeated_districts = _repeated([fold(i.name) for i in lists.of("Okres")])
        self.repeated_parts = _repeated([f"{fold(i.name)}|{i.parent}" for p in ("CastObce", CITY_DISTRICT) for i in lists.of(p)])
        self.by_id = {p.id: p for p in existing}
        self.unmatched_city_districts: dict[str, tuple[str, int]] = {}  # ref → (municipality name, addresses)

    def locality_of(self, address: dict) -> str | None:
        """Return the id of the smallest locality of a registry address, creating its chain."""
        refs = {k: (address.get(k) or {}).get("id") if isinstance(address.get(k), dict) else None for k in ("kraj", "okres", "obec", "mestskyObvodMestskaCast", "castObce")}
        municipality = self.place(refs["obec"]) if refs["obec"] else None
        if municipality is None:
            return None
        smallest = municipality
        district_ref = refs["mestskyObvodMestskaCast"]
        if district_ref:
            city_district = self.place(district_ref, refs["obec"])
            if city_district is not None:
                smallest = city_district
        if refs["castObce"]:
            part = self.place(refs["castObce"], None, smallest.id)
            if part is not None:
                smallest = part
        return smallest.id

    def place(self, ref: str, obec_ref: str | None = None, parent_id: str | None = None) -> Place | None:
        """Return the locality of a code-list id (and of everything above it)."""
        if ref in self.places:
            return self.places[ref]
        item = self.lists.get(ref)
        prefix = ref.split("/", 1)[0]
        if item is None:
            if prefix == CITY_DISTRICT and obec_ref:
                town = self.lists.get(obec_ref)
                _, count = self.unmatched_city_districts.get(ref, ("", 0))
                self.unmatched_city_districts[ref] = (town.name if town else obec_ref, count + 1)
            return None
        level = LEVEL_OF[prefix]
        parent = self._parent(item, prefix, parent_id)
        if prefix == "CastObce" and parent is not None:
            town = self._municipality_of(parent)
            if town is not None and fold(town.name) == fold(item.name):
                self.places[ref] = town  # the part that bears the town's name is the town itself
                return town
        code = item.code if prefix in ("Kraj", "Okres") and item.code else (item.code or item.number)
        found = self.by_code.get((level, code)) or self.by_name.get((level, fold(self._name(item, prefix)), parent.id if parent else None))
        if found is None:
            found = Place(self._new_id(item, prefix, parent), self._name(item, prefix), level, parent.id if parent else None, code)
            self.taken.add(found.id)
            self.new[found.id] = found
            self.by_id[found.id] = found
        self.places[ref] = found
        return found

    def _parent(self, item: Item, prefix: str, parent_id: str | None) -> Place | None:
        if parent_id is not None:
            return self._by_id(parent_id)
        if item.parent is None:
            return None
        parent_item = self.lists.get(item.parent)
        if parent_item is None:
            return None
        return self.place(item.parent)

    def _by_id(self, locality_id: str) -> Place | None:
        return self.by_id.get(locality_id)

    def _municipality_of(self, place: Place) -> Place | None:
        current: Place | None = place
        while current is not None and current.level != "municipality":
            current = self._by_id(current.parent) if current.parent else None
        return current

    def _name(self, item: Item, prefix: str) -> str:
        return f"okres {item.name}" if prefix == "Okres" else item.name

    def _new_id(self, item: Item, prefix: str, parent: Place | None) -> str:
        base = slugify(item.name)
        code = slugify(item.code or item.number)
        if prefix == "Okres":
            candidate = f"okres-{base}" + (f"-{code}" if fold(item.name) in self.repeated_districts else "")
        elif prefix == "Obec":
            district = self.lists.get(item.parent) if item.parent else None
            candidate = base
            if fold(item.name) in self.repeated:
                candidate = f"{base}-okres-{slugify(district.name)}" if district is not None else f"{base}-{code}"
                if f"{fold(item.name)}|{item.parent}" in self.repeated_in_district and district is not None:
                    candidate += f"-{code}"
        elif prefix in ("CastObce", CITY_DISTRICT) and parent is not None:
            town = self._municipality_of(parent)
            town_slug = slugify(town.name) if town else ""
            candidate = base if not town_slug or base.startswith(town_slug) else f"{town_slug}-{base}"
            if f"{fold(item.name)}|{item.parent}" in self.repeated_parts:
                candidate += f"-{code}"
        else:
            candidate = base
        if candidate not in self.taken:
            return candidate
        # taken by a record of another place (typed by hand, or of another level): the code tells them apart
        candidate = f"{candidate}-{code}"
        n = 2
        while candidate in self.taken:
            candidate = f"{candidate.rsplit('-', 1)[0] if n > 2 else candidate}-{n}"
            n += 1
        return candidate


def _repeated(names: list[str]) -> set[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for name in names:
        (twice if name in seen else seen).add(name)
    return twice
