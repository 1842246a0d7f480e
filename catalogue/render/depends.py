"""What each page depends on (the live preview's keys), and which keys a change of the catalogue touches.

:func:`changed_keys` compares two catalogues record by record; :meth:`Depends.expand`
adds the group keys those records belong to; a page is rendered again when its
``PagePlan.depends`` meets the result. ``tests/test_page_reads.py`` records what
each page actually reads while rendering and checks it against these keys.
"""

from __future__ import annotations

from ..index import Catalogue
from ..model.kinds import RECORD_KINDS, VOCABULARIES
from ..model.records import Service

#: The vocabularies whose terms web pages show: every page names them (menus, facts, cards).
VOCABULARY_KEYS = tuple(vocabulary.key for vocabulary in VOCABULARIES if vocabulary.shown)
#: Kinds with an index page: any change to one of their records changes "all:<kind>".
LISTED_KINDS = tuple(kind.folder for kind in RECORD_KINDS)


class Depends:
    """The keys each page shows (``PagePlan.depends``): a page is rendered again only when one changes.

    A key names a record ("services/x") or a group of them: "area:okres-3" =
    services whose area includes okres-3, "located:x", "provider-services:p",
    "target-group-services:g", "type-services:t", "situation-services:s" = the
    services listed there, "all:services" = any service (for the indexes), "nav" =
    the free pages in the navigation. So 6,000 locality pages need not list every
    service they show. Generous on purpose: a key too many costs one page render, a
    key too few a stale page.

    Lists of services also show each service's provider and places. Rather than every
    list naming them all (a municipality's page would name a thousand keys, and
    planning the national site would take seconds), :meth:`expand` treats a changed
    provider or place as a change of the services that show it.
    """

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat
        self.common = frozenset({"site", "nav", *VOCABULARY_KEYS})
        self._places: dict[str, frozenset[str]] = {}

    def _place(self, lid: str) -> frozenset[str]:
        """Return the keys of a locality and its ancestors (a place is named with them); computed once."""
        found = self._places.get(lid)
        if found is None:
            found = self._places[lid] = frozenset(f"localities/{l}" for l in (lid, *self.cat.ancestors(lid)))
        return found

    def service(self, service: Service) -> frozenset[str]:
        situations = {*service.life_situations, *self.cat.situations_by_service.get(service.id, ())}
        keys = {f"services/{service.id}", f"providers/{service.provider}", *(f"life-situations/{sid}" for sid in situations)}
        keys.add(f"service-measures:{service.id}")
        for lid in {*service.area, *(location.locality for location in service.locations)}:
            keys |= self._place(lid)
        return self.common | keys

    def ended_service(self, sid: str) -> frozenset[str]:
        """The page of an ended service lists similar ones: any listed service may join or leave them."""
        return self.common | {f"services/{sid}", "all:services"}

    def provider(self, pid: str) -> frozenset[str]:
        return self.common | {f"providers/{pid}", f"provider-services:{pid}"}

    def locality(self, lid: str) -> frozenset[str]:
        above = [lid, *self.cat.ancestors(lid)]
        related = {*above, *self.cat.children.get(lid, [])}
        return (
            self.common
            | {f"localities/{l}" for l in related}
            | {f"area:{a}" for a in above}
            | {f"located:{lid}", *(f"located:{c}" for c in self.cat.children.get(lid, []))}
        )

    def life_situation(self, sid: str) -> frozenset[str]:
        services = self.cat.services_by_life_situation.get(sid, [])
        return self.common | {f"life-situations/{sid}", f"situation-services:{sid}", *(f"services/{s}" for s in services)}

    def target_group(self, gid: str) -> frozenset[str]:
        return self.common | {f"target-group-services:{gid}", f"target-group-measures:{gid}"}

    def service_type(self, tid: str) -> frozenset[str]:
        return self.common | {f"type-services:{tid}", f"type-measures:{tid}"}

    def plan(self, pid: str) -> frozenset[str]:
        """Return the keys of any page of a community plan: every record of the plan ("plan:ID"), the news,
        and the services, providers and places its pages name.

        A plan has tens of pages, and a measure's page names its priority, working group,
        action plans and comments: each page depends on the whole plan rather than on a
        list of its parts that could go stale.
        """
        return self.common | {f"plan:{pid}", "news:*", "all:services", "all:providers", "all:localities"}

    def plans_index(self) -> frozenset[str]:
        """Return the keys of the plans' index and of the news: every plan ("plans:*"), every news item ("news:*")."""
        return self.common | {"plans:*", "news:*", "all:services"}

    def page(self, pid: str) -> frozenset[str]:
        return self.common | {f"pages/{pid}"}

    def listing(self, *kinds: str) -> frozenset[str]:
        """Return the keys of an index page that lists every record of ``kinds``."""
        return self.common | {f"all:{kind}" for kind in kinds}

    @staticmethod
    def expand(old: Catalogue, new: Catalogue, keys: set[str]) -> set[str]:
        """Return ``keys`` with the group keys each changed record belongs to, before and after the change."""
        out = set(keys)
        touched: set[str] = set()  # services whose listings must be rendered again
        for key in keys:
            kind, _, ident = key.partition("/")
            if kind in LISTED_KINDS:
                out.add(f"all:{kind}")
            if kind == "services":
                touched.add(ident)
            elif kind == "providers":  # its name shows beside each of its services, wherever they are listed
                for cat in (old, new):
                    touched.update(cat.services_by_provider.get(ident, []))
            elif kind == "localities":
                before, after = old.localities.get(ident), new.localities.get(ident)
                if before is None or after is None or before.parent != after.parent:
                    return {"*"}  # the locality tree changed: which service serves where changed with it
                for cat in (old, new):  # its name shows beside the services placed in it or below it
                    inside = {ident, *cat.descendants(ident)}
                    touched.update(s.id for s in cat.services.values()
                                   if inside & {*s.area, *(l.locality for l in s.locations)})
            elif kind == "pages":
                before, after = old.pages.get(ident), new.pages.get(ident)
                if (before is not None and before.nav) or (after is not None and after.nav):
                    out.add("nav")  # the navigation on every page names it
        if touched:
            out.add("all:services")
        for ident in touched:
            for cat in (old, new):
                service = cat.services.get(ident)
                if service is None:
                    continue
                out.add(f"provider-services:{service.provider}")
                out.add(f"type-services:{service.type}")
                out.update(f"target-group-services:{g}" for g in service.target_groups)
                out.update(f"area:{a}" for a in cat.service_area(service))
                for location in service.locations:
                    out.update(f"located:{l}" for l in (location.locality, *cat.ancestors(location.locality)))
        out |= plan_keys(old, new, keys)
        if touched or any(k.startswith("life-situations/") for k in keys):
            # a gathering rule or a service's own list may move services in or out of any situation
            for cat in (old, new):
                for situation, services in cat.services_by_life_situation.items():
                    if f"life-situations/{situation}" in keys or not touched.isdisjoint(services):
                        out.add(f"situation-services:{situation}")
        return out


def plan_keys(old: Catalogue, new: Catalogue, keys: set[str]) -> set[str]:
    """Return the group keys a change of the plans' records touches.

    Any record of a plan: the plan's pages ("plan:ID") and the index ("plans:*"); a news
    item: "news:*"; a plan appearing or going: "nav" (the menu names the plans). A measure
    shows on the pages of its services, target groups and types, before and after the change.
    """
    out: set[str] = set()
    for key in keys:
        kind, _, ident = key.partition("/")
        if kind == "news":
            out.add("news:*")
        if kind != "plans" and not kind.startswith("plan-"):
            continue
        pid, _, part = ident.partition("/")
        out |= {f"plan:{pid}", "plans:*"}
        if kind == "plans" and (pid in old.planning.plans) != (pid in new.planning.plans):
            out.add("nav")
        for cat in (old, new):
            bundle = cat.planning.plans.get(pid)
            if bundle is None or kind not in ("plans", "plan-measures"):
                continue
            measures = bundle.measures.values() if kind == "plans" else [m for m in [bundle.measures.get(part)] if m]
            for measure in measures:
                out.update(f"service-measures:{s}" for s in measure.services)
                out.update(f"target-group-measures:{g}" for g in measure.target_groups)
                out.update(f"type-measures:{t}" for t in measure.service_types)
    return out


def changed_keys(old: Catalogue, new: Catalogue) -> set[str]:
    """Return the record keys ("services/x", "vocabularies/forms", "site") whose published record differs."""
    keys: set[str] = set()
    for kind in RECORD_KINDS:
        before, after = old.records[kind.folder], new.records[kind.folder]
        if kind.folder == "services":  # an ended service has its page too
            before, after = {**old.ended, **before}, {**new.ended, **after}
        for ident in before.keys() | after.keys():
            a, b = before.get(ident), after.get(ident)
            if a is not b and a != b:
                keys.add(kind.key(ident))
    for vocabulary in VOCABULARIES:
        if old.vocab.terms[vocabulary.file] != new.vocab.terms[vocabulary.file]:
            keys.add(vocabulary.key)
    if old.site != new.site:
        keys.add("site")
    return keys
