"""Questions every output asks of the linked catalogue: groupings, orders, places, the locality filter.

Pure functions of a (publishable) catalogue. The web pages, search and print all
read them, so a rule — where a service is, in which order types are listed — is
written once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model.records import SERVICE_GROUPS, UP_TO_MUNICIPALITY, LifeSituation, Locality, Service
from ..model.vocabularies import ServiceType
from .collation import collate, initial
from .linked import Catalogue

#: Prefix of the locality filter value "serves every place within this locality".
AREA_PREFIX = "area:"
HOME_PLACES = 40  # at most this many places as links on the home page


# --- orders ------------------------------------------------------------------------


def by_name(records: Iterable[Any], attribute: str = "name") -> list:
    """Return records in Czech alphabetical order of ``attribute``."""
    return sorted(records, key=lambda r: (collate(getattr(r, attribute)), getattr(r, "id", "")))


def terms(vocabulary: dict) -> list[tuple[str, Any]]:
    """Return a vocabulary's (id, term) pairs in Czech alphabetical order of the names."""
    return sorted(vocabulary.items(), key=lambda item: (collate(item[1].name), item[0]))


def by_letter(records: list, attribute: str = "name") -> list[tuple[str, list]]:
    """Group records, already in Czech order, under the initial letters of ``attribute``."""
    out: list[tuple[str, list]] = []
    for record in records:
        letter = initial(getattr(record, attribute))
        if not out or out[-1][0] != letter:
            out.append((letter, []))
        out[-1][1].append(record)
    return out


def situations(cat: Catalogue) -> list[LifeSituation]:
    """Return the life situations in their editors' order, then by title."""
    return sorted(cat.life_situations.values(), key=lambda s: (s.order, collate(s.title), s.id))


def situations_of(cat: Catalogue, service_id: str) -> list[LifeSituation]:
    """Return the life situations a service helps with, in the editors' order."""
    return [cat.life_situations[s] for s in cat.situations_by_service.get(service_id, ())]


# --- services in lists ---------------------------------------------------------------


def services_of(cat: Catalogue, ids: Iterable[str]) -> list[Service]:
    """Return the services of ``ids`` that exist, in order."""
    return [cat.services[i] for i in ids if i in cat.services]


def without(ids: list[str], leave_out: list[str]) -> list[str]:
    """``ids`` without those in ``leave_out``, in order."""
    skip = set(leave_out)
    return [i for i in ids if i not in skip]


def group_rank(stype: ServiceType | None) -> int:
    """Return the position of a type's group in the law's order (unknown types last)."""
    return SERVICE_GROUPS.index(stype.group) if stype else len(SERVICE_GROUPS)


def by_type(cat: Catalogue, ids: list[str]) -> list[tuple[str, ServiceType | None, list[Service]]]:
    """Group services by service type: counselling, care, prevention, related; types by name inside."""
    groups: dict[str, list[Service]] = {}
    for service in services_of(cat, ids):
        groups.setdefault(service.type, []).append(service)
    types = cat.vocab.service_types

    def order(tid: str) -> tuple:
        stype = types.get(tid)
        return group_rank(stype), collate(stype.name if stype else tid)

    return [(tid, types.get(tid), groups[tid]) for tid in sorted(groups, key=order)]


def types_by_group(cat: Catalogue) -> list[tuple[str, list[tuple[str, ServiceType]]]]:
    """Return the service-type vocabulary by group, in the law's order, types by paragraph then name."""
    out = []
    for group in SERVICE_GROUPS:
        members = [(tid, t) for tid, t in cat.vocab.service_types.items() if t.group == group]
        if members:
            out.append((group, sorted(members, key=lambda m: (paragraph_key(m[1].paragraph), collate(m[1].name)))))
    return out


def paragraph_key(paragraph: str | None) -> tuple[int, str]:
    """Return a sort key in the order of the law: "57" before "60", "60" before "60a"; types without a paragraph last."""
    match = re.match(r"(\d+)(.*)", paragraph or "")
    return (int(match.group(1)), match.group(2)) if match else (10**6, "")


# --- places -----------------------------------------------------------------------


def municipality(cat: Catalogue, locality_id: str) -> str | None:
    """Return the municipality a locality is or lies in; None for a district or region."""
    for candidate in (locality_id, *cat.ancestors(locality_id)):
        locality = cat.localities.get(candidate)
        if locality is not None and locality.level == "municipality":
            return candidate
    return None


def place_name(cat: Catalogue, locality: Locality) -> str:
    """Return a place as a person names it: a part of a town with its town ("Zlatov – Podhradí")."""
    if locality.level in UP_TO_MUNICIPALITY:
        return locality.name
    town = municipality(cat, locality.id)
    return f"{cat.localities[town].name} – {locality.name}" if town else locality.name


def places(cat: Catalogue, service: Service) -> list[str]:
    """Return the names of the places where a service is located, else of its area."""
    ids = [l.locality for l in service.locations] or list(service.area)
    names: list[str] = []
    for lid in ids:
        locality = cat.localities.get(lid)
        if locality is None:
            continue
        name = place_name(cat, locality)
        if name not in names:
            names.append(name)
    return names


def locality_tree(cat: Catalogue, keep: set[str]) -> list[tuple[str, list]]:
    """Return the localities in ``keep`` as nested (id, children) from the roots."""

    def walk(lid: str) -> tuple[str, list]:
        return lid, [walk(child) for child in cat.children.get(lid, []) if child in keep]

    return [walk(root) for root in cat.roots if root in keep]


def with_services(cat: Catalogue) -> set[str]:
    """Return the localities with a service located there or serving them, and their parents."""
    found = set(cat.services_located_in) | set(cat.services_serving)
    return found | {a for lid in found for a in cat.ancestors(lid)}


def home_places(cat: Catalogue) -> list[Locality]:
    """Return the places the home page offers: the most local level with services that still fits a short list.

    A micro-region lists its towns and villages (never parts of them); the national catalogue its regions.
    """
    shown = with_services(cat)
    levels = [[l for l in cat.localities.values() if l.level == level and l.id in shown] for level in UP_TO_MUNICIPALITY]
    levels = [found for found in levels if found]
    fitting = [found for found in levels if len(found) <= HOME_PLACES]
    chosen = fitting[-1] if fitting else (levels[0] if levels else [])
    return by_name(chosen)


def locality_filter(cat: Catalogue, lid: str) -> list[str]:
    """The locality filter values that find what is located in or serves ``lid``.

    ``lid`` itself, and ``area:A`` for every locality ``A`` that contains it: a
    service whose area is a region is found in each of the region's towns without
    listing them (see ``search.documents._locality_values``). A service matches through one of
    these values at most, so the per-value counts of a result add up.
    """
    return [lid, *(AREA_PREFIX + a for a in cat.ancestors(lid) if a in cat.localities)]



# --- sensitive pages ----------------------------------------------------------------


def sensitive_service(cat: Catalogue, service: Service) -> bool:
    """Return whether a service's page offers the quick exit: its kind of help or one of its life situations is sensitive."""
    stype = cat.vocab.service_types.get(service.type)
    if stype is not None and stype.quick_exit:
        return True
    return any(situation.quick_exit for situation in situations_of(cat, service.id))
