"""The linked catalogue: validated records plus the lookups every output needs.

Built once after validation (:func:`catalogue.validate.stage.check_content`);
every output reads the publishable copy (:func:`catalogue.index.redact.publishable`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..model.records import LEVELS, LifeSituation, Locality, Page, Provider, Service, Site
from ..model.vocabularies import CapacityUnit, Language, ServiceType, Synonym, Term
from ..model.kinds import VOCABULARIES
from .collation import collate
from .plans import Planning


@dataclass
class Vocabularies:
    """Every vocabulary of :data:`~catalogue.model.kinds.VOCABULARIES`: file id → term id → term.

    The properties are typed shortcuts for the vocabularies the code names; a new
    vocabulary needs none (``vocab.terms["its-file"]``).
    """

    terms: dict[str, dict[str, Any]] = field(default_factory=lambda: {v.file: {} for v in VOCABULARIES})

    @property
    def service_types(self) -> dict[str, ServiceType]:
        return self.terms["service-types"]

    @property
    def target_groups(self) -> dict[str, Term]:
        return self.terms["target-groups"]

    @property
    def forms(self) -> dict[str, Term]:
        return self.terms["forms"]

    @property
    def capacity_units(self) -> dict[str, CapacityUnit]:
        return self.terms["capacity-units"]

    @property
    def languages(self) -> dict[str, Language]:
        return self.terms["languages"]

    @property
    def synonyms(self) -> dict[str, Synonym]:
        return self.terms["synonyms"]

    @property
    def registry(self) -> dict[str, dict[str, Any]]:
        """Return ``vocabularies/registry.yaml``, the import's mapping: section → name in the registry → id."""
        return self.terms["registry"]


@dataclass
class Catalogue:
    """The valid records of every kind, linked: what the checks across records and every output read.

    ``records`` holds each kind of :data:`~catalogue.model.kinds.RECORD_KINDS` by its
    folder ("services" → id → record); the properties are typed shortcuts.
    """

    site: Site
    records: dict[str, dict[str, Any]]
    vocab: Vocabularies
    sources: dict[str, str] = field(default_factory=dict)  # "services/x" → content-relative file path
    # Services whose last day has passed: not listed anywhere, but their pages stay (publishable() fills it).
    ended: dict[str, Service] = field(default_factory=dict)

    @property
    def providers(self) -> dict[str, Provider]:
        return self.records["providers"]

    @property
    def services(self) -> dict[str, Service]:
        return self.records["services"]

    @property
    def localities(self) -> dict[str, Locality]:
        return self.records["localities"]

    @property
    def life_situations(self) -> dict[str, LifeSituation]:
        return self.records["life-situations"]

    @property
    def pages(self) -> dict[str, Page]:
        return self.records["pages"]

    @property
    def has_plans(self) -> bool:
        """Return whether there is a community plan (the menu then leads to it)."""
        return bool(self.records.get("plans"))

    @cached_property
    def planning(self) -> Planning:
        """Return the community plans with their parts, the news and the PDFs, linked (:mod:`.plans`)."""
        return Planning.of(self.records)

    # --- localities -------------------------------------------------------------

    @cached_property
    def children(self) -> dict[str, list[str]]:
        """Return locality id → ids of its direct sub-localities, sorted by name."""
        out: dict[str, list[str]] = defaultdict(list)
        for loc in sorted(self.localities.values(), key=lambda l: (collate(l.name), l.id)):
            if loc.parent in self.localities:
                out[loc.parent].append(loc.id)
        return dict(out)

    def ancestors(self, locality_id: str) -> tuple[str, ...]:
        """Return the chain of parents, nearest first; stops on a cycle. Walked once per locality
        (planning the national site asks 45,000 times, for the places of every list)."""
        found = self._ancestors.get(locality_id)
        if found is None:
            chain: list[str] = []
            current = self.localities.get(locality_id)
            while current is not None and current.parent and current.parent not in chain and current.parent != locality_id:
                chain.append(current.parent)
                current = self.localities.get(current.parent)
            found = self._ancestors[locality_id] = tuple(chain)
        return found

    @cached_property
    def _ancestors(self) -> dict[str, tuple[str, ...]]:
        return {}

    def descendants(self, locality_id: str) -> tuple[str, ...]:
        """Return every sub-locality, depth first; walked once per locality (thousands of
        services ask for the towns of the same few districts and regions)."""
        found = self._descendants.get(locality_id)
        if found is None:
            out: list[str] = []
            seen: set[str] = set()  # a set: a region has hundreds of municipalities
            stack = list(reversed(self.children.get(locality_id, [])))
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                out.append(current)
                stack.extend(reversed(self.children.get(current, [])))
            found = self._descendants[locality_id] = tuple(out)
        return found

    @cached_property
    def _descendants(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def roots(self) -> list[str]:
        return [
            l.id
            for l in sorted(self.localities.values(), key=lambda l: (LEVELS.index(l.level), collate(l.name)))
            if not l.parent or l.parent not in self.localities
        ]

    # --- services ---------------------------------------------------------------

    @cached_property
    def services_by_provider(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for service in self.sorted_services:
            out[service.provider].append(service.id)
        return dict(out)

    @cached_property
    def sorted_services(self) -> list[Service]:
        return sorted(self.services.values(), key=lambda s: (collate(s.name), s.id))

    @cached_property
    def services_located_in(self) -> dict[str, list[str]]:
        """Return locality id → services with a location there or in a sub-locality."""
        out: dict[str, set[str]] = defaultdict(set)
        for service in self.services.values():
            for location in service.locations:
                for loc_id in (location.locality, *self.ancestors(location.locality)):
                    out[loc_id].add(service.id)
        return {k: self._by_name(v) for k, v in out.items()}

    @cached_property
    def services_serving(self) -> dict[str, list[str]]:
        """Return locality id → services whose area covers it (an area covers its sub-localities)."""
        out: dict[str, set[str]] = defaultdict(set)
        for service in self.services.values():
            for area_id in self.service_area(service):
                for loc_id in (area_id, *self.descendants(area_id)):
                    out[loc_id].add(service.id)
        return {k: self._by_name(v) for k, v in out.items()}

    @cached_property
    def services_by_area(self) -> dict[str, list[str]]:
        """Return locality id → services whose own area names it (not one around it, as :attr:`services_serving` does)."""
        return self._group(self.service_area)

    def service_area(self, service: Service) -> list[str]:
        """Return the localities a service covers: its area, or where it is located when no area is given."""
        if service.area:
            return list(service.area)
        return sorted({l.locality for l in service.locations})

    @cached_property
    def services_by_type(self) -> dict[str, list[str]]:
        return self._group(lambda s: [s.type])

    @cached_property
    def services_by_target_group(self) -> dict[str, list[str]]:
        return self._group(lambda s: s.target_groups)

    @cached_property
    def services_by_life_situation(self) -> dict[str, list[str]]:
        """Return life situation id → services: explicit lists, gathering rules and the services' own links."""
        out: dict[str, set[str]] = defaultdict(set)
        for service in self.services.values():
            for situation in service.life_situations:
                out[situation].add(service.id)
        for situation in self.life_situations.values():
            out[situation.id].update(s for s in situation.services if s in self.services)
            rule = situation.gathers
            if rule and (rule.types or rule.target_groups):  # of each type named, and of a target group named
                by_type = {s for t in rule.types for s in self.services_by_type.get(t, ())}
                by_group = {s for g in rule.target_groups for s in self.services_by_target_group.get(g, ())}
                out[situation.id].update(by_type & by_group if rule.types and rule.target_groups else by_type or by_group)
        return {k: self._by_name(v) for k, v in out.items()}

    @cached_property
    def situations_by_service(self) -> dict[str, list[str]]:
        """Return service id → ids of the life situations it helps with, in the editors' order, then by title."""
        ordered = sorted(self.life_situations.values(), key=lambda s: (s.order, collate(s.title), s.id))
        out: dict[str, list[str]] = {}
        for situation in ordered:
            for sid in self.services_by_life_situation.get(situation.id, ()):
                out.setdefault(sid, []).append(situation.id)
        return out

    @cached_property
    def nav_pages(self) -> list[Page]:
        """Return the free pages shown in the navigation of every page, in their editors' order."""
        return sorted((p for p in self.pages.values() if p.nav), key=lambda p: (p.order, p.title))
    def similar_services(self, service: Service, limit: int = 10) -> list[str]:
        """Return listed services of the same type nearest to ``service``: in its places first, then around them."""
        same_type = self.services_by_type.get(service.type, [])
        places = [l.locality for l in service.locations] or list(service.area)
        for lid in places:
            if lid not in self.localities:
                continue
            for around in (lid, *self.ancestors(lid)):
                near = {*self.services_located_in.get(around, ()), *self.services_serving.get(around, ())}
                found = [sid for sid in same_type if sid in near and sid != service.id]
                if found:
                    return found[:limit]
        return [sid for sid in same_type if sid != service.id][:limit]

    def contacts_for(self, service: Service):
        """Return the service's contacts, or its provider's when it has none."""
        if not service.contacts.is_empty():
            return service.contacts
        provider = self.providers.get(service.provider)
        return provider.contacts if provider else service.contacts

    @cached_property
    def data_date(self) -> dt.date | None:
        """Return the newest verification date: 'data as of' without reading the clock."""
        dates = [r.verified for r in (*self.services.values(), *self.providers.values()) if r.verified]
        return max(dates) if dates else None

    # --- helpers ----------------------------------------------------------------

    def _group(self, keys) -> dict[str, list[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for service in self.services.values():
            for key in keys(service):
                out[key].add(service.id)
        return {k: self._by_name(v) for k, v in out.items()}

    @cached_property
    def _service_order(self) -> dict[str, int]:
        """Return service id → position in Czech alphabetical order (sorting once, not per list)."""
        return {s.id: i for i, s in enumerate(self.sorted_services)}

    def _by_name(self, ids: set[str]) -> list[str]:
        order = self._service_order
        return sorted(ids, key=order.__getitem__)
