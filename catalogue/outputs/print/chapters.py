"""The booklet's chapters (by service group or by target group) and its indexes (A–Z, places, target groups)."""

from __future__ import annotations

from ...index import Catalogue, collate
from ...index.queries import municipality, paragraph_key
from ...model.records import SERVICE_GROUPS, Service
from .entries import RELATED, Chapter, CrossReference, IndexEntry, IndexGroup, ServiceEntry, TypeSection

OTHER = "other"  # services without a target group, when chapters follow target groups


def group_chapters(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[Chapter]:
    """Return one chapter per service group (counselling, care, prevention), related activities last."""
    by_group: dict[str, list[ServiceEntry]] = {g: [] for g in SERVICE_GROUPS}
    for entry in entries.values():
        service = cat.services[entry.id]
        stype = cat.vocab.service_types.get(service.type)
        group = RELATED if entry.related else (stype.group if stype else "prevention")
        by_group[group].append(entry)
    return [
        Chapter("related" if g == RELATED else "group", g, f"ch-{g}", None, None, type_sections(cat, g, items))
        for g, items in by_group.items()
        if items
    ]


def target_group_chapters(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[Chapter]:
    """Return one chapter per target group; a service is printed in its first group and referred to from the others."""
    home: dict[str, str] = {}
    chapter_of: dict[str, list[ServiceEntry]] = {g: [] for g in cat.vocab.target_groups}
    chapter_of[OTHER] = []
    related: list[ServiceEntry] = []
    for entry in entries.values():
        service = cat.services[entry.id]
        if entry.related:
            related.append(entry)
            continue
        groups = [g for g in service.target_groups if g in cat.vocab.target_groups]
        first = groups[0] if groups else OTHER
        home[entry.id] = first
        chapter_of[first].append(entry)
    chapters = []
    for key, items in chapter_of.items():
        also = [
            CrossReference(entries[sid].name, entries[sid].anchor)
            for sid in cat.services_by_target_group.get(key, [])
            if sid in home and home[sid] != key
        ]
        if not items and not also:
            continue
        term = cat.vocab.target_groups.get(key)
        chapters.append(
            Chapter(
                "other" if key == OTHER else "target_group",
                key,
                f"ch-{key}",
                term.name if term else None,
                term.description if term else None,
                type_sections(cat, key, items),
                tuple(also),
            )
        )
    if related:
        chapters.append(Chapter("related", RELATED, f"ch-{RELATED}", None, None, type_sections(cat, RELATED, related)))
    return chapters


def type_sections(cat: Catalogue, chapter_key: str, items: list[ServiceEntry]) -> tuple[TypeSection, ...]:
    """Split a chapter's services by type, types in the order of the law (§), services by name."""
    by_type: dict[str, list[ServiceEntry]] = {}
    for entry in items:
        by_type.setdefault(cat.services[entry.id].type, []).append(entry)

    def order(type_id: str) -> tuple:
        stype = cat.vocab.service_types.get(type_id)
        return (paragraph_key(stype.paragraph if stype else None), collate(stype.name if stype else type_id))

    sections = []
    for type_id in sorted(by_type, key=order):
        stype = cat.vocab.service_types.get(type_id)
        sections.append(
            TypeSection(
                anchor=f"t-{chapter_key}-{type_id}",
                name=stype.name if stype else type_id,
                paragraph=stype.paragraph if stype else None,
                description=stype.description if stype else None,
                services=tuple(by_type[type_id]),
            )
        )
    return tuple(sections)


# --- indexes ---------------------------------------------------------------------------


def alphabetical_index(entries: dict[str, ServiceEntry]) -> list[IndexEntry]:
    """Return every service by name (Czech order), with its provider as a note."""
    ordered = sorted(entries.values(), key=lambda e: (collate(e.name), e.id))
    return [IndexEntry(e.name, e.anchor, e.provider) for e in ordered]


def index_localities(cat: Catalogue, service: Service) -> set[str]:
    """Return where a service is indexed: the municipalities of its places and the localities of its area.

    A part of a town is indexed under the town. A district or region stays as it
    is: listing a district-wide service under each of its hundred villages would
    make the index longer than the catalogue; the villages refer to it instead.
    """
    out: set[str] = set()
    for locality_id in (*(l.locality for l in service.locations), *service.area):
        if locality_id in cat.localities:
            out.add(municipality(cat, locality_id) or locality_id)
    return out


def locality_index(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[IndexGroup]:
    """Return localities by name, each with its services and the wider localities to look at too."""
    places: dict[str, list[ServiceEntry]] = {}
    for entry in entries.values():  # already in name order
        for locality_id in index_localities(cat, cat.services[entry.id]):
            places.setdefault(locality_id, []).append(entry)
    ordered = sorted(places, key=lambda l: (collate(cat.localities[l].name), l))
    return [
        IndexGroup(
            cat.localities[l].name,
            tuple(IndexEntry(e.name, e.anchor) for e in places[l]),
            tuple(cat.localities[a].name for a in cat.ancestors(l) if a in places),
        )
        for l in ordered
    ]


def target_group_index(cat: Catalogue, entries: dict[str, ServiceEntry]) -> list[IndexGroup]:
    """Return target groups (in the vocabulary's order), each with its services."""
    groups = []
    for key, term in cat.vocab.target_groups.items():
        ids = [sid for sid in cat.services_by_target_group.get(key, []) if sid in entries]
        if ids:
            groups.append(IndexGroup(term.name, tuple(IndexEntry(entries[s].name, entries[s].anchor) for s in ids)))
    return groups
