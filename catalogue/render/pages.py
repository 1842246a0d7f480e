"""Typed contexts of the record pages: everything a template shows, looked up in Python.

A template gets its page's context (these TypedDicts), the shared one
(:class:`~.context.Common`) and formatting filters — never the catalogue — so its
inputs are visible and testable here, and what a page reads can be recorded
(``tests/test_page_reads.py``) and held against its declared dependencies.
The index pages, home, search and the files without a record are in :mod:`.indexes`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypedDict

from ..index import Catalogue
from ..index.geo import Point, exact_points
from ..index.queries import by_type, sensitive_service, services_of, situations_of
from ..model.records import Capacity, Contacts, LifeSituation, Locality, Location, Page, Provider, Service
from ..model.vocabularies import Language, ServiceType, Term
from . import indexes, views
from .community import pages as community_pages
from .community.parts import MeasureLink, measure_links
from .i18n import translations
from .listpages import list_part_page
from .lists import PartLink, facet_parts, part_links
from .locality import locality_page
from .maps import any_on_map
from .mylist import hours_words, list_entry
from .plan import PagePlan
from .urls import absolute, url_for

ByType = list[tuple[str, ServiceType | None, list[Service]]]  # (type id, type, its services), in the law's order


class ServicePage(TypedDict):
    service: Service
    provider: Provider | None
    stype: ServiceType | None
    json_ld: dict
    target_groups: list[tuple[str, Term | None]]
    forms: list[str]  # names
    area: list[tuple[str, Locality | None]]  # where it helps, in the service's order
    capacities: list[tuple[str, Capacity, str]]  # (its form's name when there are several, else "", capacity, the unit's word: "lůžek")
    languages: list[tuple[str, Language | None]]
    contacts: Contacts  # the service's, or its provider's when it has none
    locations: list[tuple[Location, Locality | None, list[views.ScheduleView]]]  # each place with its schedules
    helps: list[LifeSituation]
    points: list[Point]  # its public places with coordinates: the map (never a confidential place)
    list_entry: dict  # the service as My list keeps it
    quick_exit: bool  # a sensitive kind of help or life situation
    editable: bool  # "edit this record" is offered: never for a service with a confidential place
    measures: list[MeasureLink]  # the measures of the community plans that develop it


class EndedServicePage(TypedDict):
    service: Service
    stype: ServiceType | None
    similar: list[Service]  # listed services of the same type, nearest first


class ProviderPage(TypedDict):
    provider: Provider
    json_ld: dict
    services: list[Service]


class LifeSituationPage(TypedDict):
    situation: LifeSituation
    by_type: ByType  # its services, one line each, by kind of help; none when the list is split into parts
    parts: list[PartLink]  # a long list's pages, one per place (:mod:`.lists`), else none
    kinds: list[tuple[str, str, int]]  # (type id, name, number of services) of a split list's overview
    count: int
    has_map: bool  # a listed service has a place a map can show
    quick_exit: bool  # a sensitive situation (domestic violence)
    near_search: str  # the search page asked for these services, nearest first


class TargetGroupPage(TypedDict):
    group_id: str
    group: Term
    count: int
    by_type: ByType  # as on a life situation's page
    parts: list[PartLink]
    kinds: list[tuple[str, str, int]]
    has_map: bool
    near_search: str
    measures: list[MeasureLink]  # the measures of the community plans that concern the group


class ServiceTypePage(TypedDict):
    type_id: str
    stype: ServiceType
    services: list[Service]  # one line each; none when the list is split into parts
    parts: list[PartLink]  # a long list's pages, one per place
    count: int
    has_map: bool
    quick_exit: bool  # a sensitive kind of help (shelters, crisis help)
    near_search: str
    measures: list[MeasureLink]  # the measures of the community plans that concern the type


class FreePage(TypedDict):
    page: Page


def service_page(cat: Catalogue, plan: PagePlan) -> ServicePage:
    service = cat.services[plan.ident]
    vocab = cat.vocab
    provider_url = absolute(cat.site.base_url, url_for("providers", service.provider))
    return ServicePage(
        service=service,
        provider=cat.providers.get(service.provider),
        stype=vocab.service_types.get(service.type),
        json_ld=views.service_ld(cat, service, absolute(cat.site.base_url, plan.url), provider_url),
        target_groups=[(gid, vocab.target_groups.get(gid)) for gid in service.target_groups],
        forms=[vocab.forms[form].name if form in vocab.forms else form for form in service.forms],
        area=[(lid, cat.localities.get(lid)) for lid in cat.service_area(service)],
        capacities=capacities(cat, service),
        languages=[(code, vocab.languages.get(code)) for code in service.languages],
        contacts=cat.contacts_for(service),
        locations=[
            (location, cat.localities.get(location.locality), [views.schedule_view(h, cat.site.language) for h in location.hours])
            for location in service.locations
        ],
        helps=situations_of(cat, service.id),
        points=exact_points(cat, service),
        list_entry=list_entry(cat, service, plan.url, hours_words(translations(cat.site.language).gettext)),
        quick_exit=sensitive_service(cat, service),
        # The edit link leads to the file and its history, where a shelter's address may once have been written.
        editable=not any(location.confidential for location in service.locations),
        measures=measure_links(cat.planning.measures_by_service.get(service.id, [])),
    )


def capacities(cat: Catalogue, service: Service) -> list[tuple[str, Capacity, str]]:
    """Return each registered capacity with its unit's word, and its form's name when there are several."""
    forms, several = cat.vocab.forms, len(service.capacity) > 1
    return [
        ((forms[c.form].name if c.form in forms else c.form) if several and c.form else "", c, views.capacity_unit(cat, c))
        for c in service.capacity
    ]


def ended_service_page(cat: Catalogue, plan: PagePlan) -> EndedServicePage:
    service = cat.ended[plan.ident]
    return EndedServicePage(
        service=service,
        stype=cat.vocab.service_types.get(service.type),
        similar=services_of(cat, cat.similar_services(service)),
    )


def provider_page(cat: Catalogue, plan: PagePlan) -> ProviderPage:
    provider = cat.providers[plan.ident]
    return ProviderPage(
        provider=provider,
        json_ld=views.organisation_ld(provider, absolute(cat.site.base_url, plan.url), cat.site.country),
        services=services_of(cat, cat.services_by_provider.get(provider.id, [])),
    )


def near_search(facet: str, ident: str) -> str:
    """Return the search page's address that lists what a facet page lists, nearest first (``static/near.js``)."""
    return f"{url_for('search')}?{facet}={ident}&near=ask"


def life_situation_page(cat: Catalogue, plan: PagePlan) -> LifeSituationPage:
    situation = cat.life_situations[plan.ident]
    ids = cat.services_by_life_situation.get(situation.id, [])
    parts, groups = split_list(cat, plan, "life-situations", ids)
    return LifeSituationPage(
        situation=situation, by_type=[] if parts else groups, parts=parts, kinds=kind_counts(groups) if parts else [],
        count=len(ids), has_map=not parts and any_on_map(services_of(cat, ids)),
        quick_exit=situation.quick_exit, near_search=near_search("life_situation", situation.id),
    )


def target_group_page(cat: Catalogue, plan: PagePlan) -> TargetGroupPage:
    ids = cat.services_by_target_group.get(plan.ident, [])
    parts, groups = split_list(cat, plan, "target-groups", ids)
    return TargetGroupPage(
        group_id=plan.ident, group=cat.vocab.target_groups[plan.ident], count=len(ids),
        by_type=[] if parts else groups, parts=parts, kinds=kind_counts(groups) if parts else [],
        measures=measure_links(cat.planning.measures_by_target_group.get(plan.ident, [])),
        has_map=not parts and any_on_map(services_of(cat, ids)), near_search=near_search("target_group", plan.ident),
    )


def service_type_page(cat: Catalogue, plan: PagePlan) -> ServiceTypePage:
    ids = cat.services_by_type.get(plan.ident, [])
    parts = part_links(plan.url, facet_parts(cat, "service-types", plan.ident))
    services = [] if parts else services_of(cat, ids)
    stype = cat.vocab.service_types[plan.ident]
    return ServiceTypePage(
        type_id=plan.ident, stype=stype, services=services, parts=parts, count=len(ids), has_map=any_on_map(services),
        quick_exit=stype.quick_exit, near_search=near_search("type", plan.ident),
        measures=measure_links(cat.planning.measures_by_type.get(plan.ident, [])),
    )


def split_list(cat: Catalogue, plan: PagePlan, facet: str, ids: list[str]) -> tuple[list[PartLink], ByType]:
    """Return a facet's pages of places when its list is long (else none), and its services by kind of help."""
    return part_links(plan.url, facet_parts(cat, facet, plan.ident)), by_type(cat, ids)


def kind_counts(groups: ByType) -> list[tuple[str, str, int]]:
    """Return each kind of help of a list with its number of services."""
    return [(tid, stype.name if stype else tid, len(services)) for tid, stype, services in groups]


def free_page(cat: Catalogue, plan: PagePlan) -> FreePage:
    return FreePage(page=cat.pages[plan.ident])


#: template → the function that builds its page's context. Every page template has one.
PAGES: dict[str, Callable[[Catalogue, PagePlan], Mapping[str, Any]]] = {
    "service.html": service_page,
    "service_ended.html": ended_service_page,
    "provider.html": provider_page,
    "locality.html": locality_page,
    "life_situation.html": life_situation_page,
    "target_group.html": target_group_page,
    "service_type.html": service_type_page,
    "page.html": free_page,
    "list_part.html": list_part_page,
    "providers_part.html": list_part_page,
    **indexes.PAGES,
    **community_pages.PAGES,
}


def page_context(cat: Catalogue, plan: PagePlan) -> Mapping[str, Any]:
    """Return the context of one planned page, read from the catalogue now."""
    return PAGES[plan.template](cat, plan)
