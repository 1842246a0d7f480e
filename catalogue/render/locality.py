"""A place's page: the services located there and those that serve it, by kind of help, compact.

Lead 2 of issue 15: a town's page once repeated the whole card of every service of its
district and region (6,300 pages of 70 KB at national scale). Now a page lists, one
line each (name, phone, link; the kind is the heading), only

* the services **located here** (a place here or in a part of here) — unless there are
  more than :data:`LIST_MAX`, as in a region or the capital: then those located in a
  sub-place are reached through the sub-places, each with its count, and only the
  ones placed here directly are listed;
* the services that **serve here** because their own area names this place;

and links to the district's and region's pages for the services that serve the whole of
them, each with its count.
"""

from __future__ import annotations

from typing import TypedDict

from ..index import Catalogue
from ..index.queries import by_type, services_of, without
from ..model.records import LEVELS, Locality, Service
from ..model.vocabularies import ServiceType
from . import views
from .maps import any_on_map
from .plan import PagePlan
from .urls import url_for

LIST_MAX = 150  # located services a page lists in full; above it, those in its sub-places are listed there
ByType = list[tuple[str, ServiceType | None, list[Service]]]


class LocalityPage(TypedDict):
    locality: Locality
    ancestors: list[tuple[str, str]]  # (URL, name) of the larger localities, largest first
    located: ByType  # listed here: with a place here (or, unless split, in a sub-place)
    located_count: int  # every service with a place here or in a sub-place
    split: bool  # too many to list: those in sub-places are listed on the sub-places' pages
    serving: ByType  # whose own area names this place, the located ones left out
    serving_count: int
    wider: list[tuple[str, str, int]]  # (URL, name, count) of larger places whose services also serve here
    kinds: list[tuple[str, str, int, str]]  # (type id, name, services listed, anchor) to narrow the list
    children: list[tuple[Locality, int]]  # sub-places with their number of located services
    wide: bool  # a district or region: each line names the service's places
    has_map: bool


def locality_page(cat: Catalogue, plan: PagePlan) -> LocalityPage:
    lid = plan.ident
    locality = cat.localities[lid]
    located_all = cat.services_located_in.get(lid, [])
    children = [(cat.localities[c], len(cat.services_located_in.get(c, []))) for c in cat.children.get(lid, [])]
    split = len(located_all) > LIST_MAX and any(n for _, n in children)
    listed = [sid for sid in located_all if placed_here(cat.services[sid], lid)] if split else located_all
    serving = without(cat.services_by_area.get(lid, []), located_all)
    shown = set(located_all) | set(serving)
    located_groups, serving_groups = by_type(cat, listed), by_type(cat, serving)
    return LocalityPage(
        locality=locality,
        ancestors=views.ancestor_crumbs(cat, lid),
        located=located_groups,
        located_count=len(located_all),
        split=split,
        serving=serving_groups,
        serving_count=len(serving),
        wider=wider(cat, lid, shown),
        kinds=kinds(cat, [*listed, *serving], located_groups),
        children=children,
        wide=LEVELS.index(locality.level) < LEVELS.index("municipality"),
        has_map=any_on_map(services_of(cat, [*listed, *serving])),
    )


def placed_here(service: Service, lid: str) -> bool:
    """Return whether a service has a place in the locality itself (not in one of its sub-places)."""
    return any(location.locality == lid for location in service.locations)


def wider(cat: Catalogue, lid: str, shown: set[str]) -> list[tuple[str, str, int]]:
    """Return the larger places, nearest first, with the number of their services that serve here and are not listed here."""
    out = []
    for ancestor in cat.ancestors(lid):
        count = sum(1 for sid in cat.services_by_area.get(ancestor, []) if sid not in shown)
        if count:
            out.append((url_for("localities", ancestor), cat.localities[ancestor].name, count))
    return out


def kinds(cat: Catalogue, listed: list[str], located: ByType) -> list[tuple[str, str, int, str]]:
    """Return each kind of help listed on the page, in the law's order, with its count and the anchor of its first list."""
    here = {tid for tid, _, _ in located}
    return [
        (tid, stype.name if stype else tid, len(services), f"k-{tid}" if tid in here else f"s-{tid}")
        for tid, stype, services in by_type(cat, listed)
    ]
