"""Typed contexts of the pages without a record of their own: home, search, the indexes, redirects, sitemap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from ..index import Catalogue
from ..index.queries import (
    AREA_PREFIX,
    by_letter,
    by_name,
    home_places,
    locality_filter,
    locality_tree,
    situations,
    terms,
    types_by_group,
    with_services,
)
from ..model.records import UP_TO_MUNICIPALITY, LifeSituation, Locality, Provider, Service
from ..model.vocabularies import ServiceType, Term
from . import views
from .i18n import translations
from .lists import LETTERS, PartLink, is_long, letter_list, part_links
from .plan import PagePlan
from .urls import absolute, url_for

LARGE = 300  # localities; a catalogue with more offers only its regions and districts in the search form
LARGE_LEVELS = UP_TO_MUNICIPALITY[:-1]  # regions and districts
TypeGroups = list[tuple[str, list[tuple[str, ServiceType, int]]]]  # (group, [(type id, type, number of services)])


class HomePage(TypedDict):
    json_ld: dict
    situations: list[LifeSituation]
    target_groups: list[tuple[str, Term, int]]  # (id, term, number of services)
    places: list[Locality]
    type_groups: TypeGroups
    data_date: dt.date | None


@dataclass(frozen=True)
class PlaceOption:
    """A place in the search form's list, with the filter values that find it and its sub-places."""

    id: str
    name: str
    in_name: str  # "v Lysé nad Labem" (``views.place_in``), or "" to say "okres Nymburk: …"
    filter: list[str]
    children: list[PlaceOption]


class SearchPage(TypedDict):
    facets: list[tuple[str, str, list[tuple[str, str]]]]  # (name, legend, [(value, label)])
    search_text: dict[str, Any]  # what the page's script shows, translated
    area_mark: str
    big: bool  # too many places to list them all
    places: list[PlaceOption]
    situations: list[LifeSituation]
    near_text: dict[str, str]  # what static/near.js says, translated


class ServicesPage(TypedDict):
    letters: list[tuple[str, list[Service]]]  # every service under its initial; none when the list is split by letter
    parts: list[PartLink]  # a long list's letters, each a page of its own (:mod:`.lists`)
    count: int


class ProvidersPage(TypedDict):
    providers: list[tuple[Provider, int]]  # each with its number of services; none when split by letter
    parts: list[PartLink]
    count: int


class LocalitiesPage(TypedDict):
    places: list[tuple[str, str, list]]  # (id, name, children as the same triples)
    shallow: bool  # a large catalogue lists its regions and districts; each district's page lists its towns


class TargetGroupsPage(TypedDict):
    groups: list[tuple[str, Term, int]]


class ServiceTypesPage(TypedDict):
    type_groups: TypeGroups


class LifeSituationsPage(TypedDict):
    situations: list[LifeSituation]


class CrisisLinesPage(TypedDict):
    """Nothing of its own: the crisis lines are every page's (``Common``); this page lists them without scripts."""


class MyListPage(TypedDict):
    """Nothing from the catalogue: the list is each visitor's own, shown by ``static/my-list.js``."""


def counted_groups(cat: Catalogue) -> list[tuple[str, Term, int]]:
    """Return the target groups in Czech order with their number of services."""
    return [(gid, group, len(cat.services_by_target_group.get(gid, []))) for gid, group in terms(cat.vocab.target_groups)]


def counted_types(cat: Catalogue) -> TypeGroups:
    """Return the service types by group, in the law's order, with their number of services."""
    return [
        (group, [(tid, stype, len(cat.services_by_type.get(tid, []))) for tid, stype in types])
        for group, types in types_by_group(cat)
    ]


def home_page(cat: Catalogue, plan: PagePlan) -> HomePage:
    return HomePage(
        json_ld=views.website_ld(cat.site, absolute(cat.site.base_url, url_for("search"))),
        situations=situations(cat),
        target_groups=counted_groups(cat),
        places=home_places(cat),
        type_groups=counted_types(cat),
        data_date=cat.data_date,
    )


def place_options(cat: Catalogue, lids: list[str], big: bool) -> list[PlaceOption]:
    """Return the places of the search form from ``lids`` down; a large catalogue offers regions and districts only."""
    _ = translations(cat.site.language).gettext
    out = []
    for lid in lids:
        locality = cat.localities[lid]
        if not big or locality.level in LARGE_LEVELS:
            children = place_options(cat, cat.children.get(lid, []), big)
            in_name = views.place_in(locality, _) or ""
            out.append(PlaceOption(lid, locality.name, in_name, locality_filter(cat, lid), children))
    return out


def search_page(cat: Catalogue, plan: PagePlan) -> SearchPage:
    """Return the search page's facets (name, legend, [(value, label)]), its places and the strings its script shows."""
    _ = translations(cat.site.language).gettext
    ngettext = translations(cat.site.language).ngettext

    def labelled(vocabulary: dict) -> list[tuple[str, str]]:
        return [(tid, term.name) for tid, term in terms(vocabulary)]

    facets = [
        ("life_situation", _("Life situation"), [(s.id, s.title) for s in situations(cat)]),
        ("target_group", _("Who the help is for"), labelled(cat.vocab.target_groups)),
        ("type", _("Kind of help"), labelled(cat.vocab.service_types)),
        ("form", _("How it is provided"), labelled(cat.vocab.forms)),
        ("kind", _("Type of record"), [
            ("registered", _("registered social service")), ("related", _("related activity")),
            *([("plan", _("community plan")), ("measure", _("measure of the community plan"))] if cat.has_plans else []),
        ]),
        ("language", _("Language"), labelled(cat.vocab.languages)),
        ("wheelchair", _("Access"), [("yes", _("wheelchair accessible"))]),
        ("free", _("Cost"), [("yes", _("free of charge"))]),
        # search.hours.HOURS_VALUES; "open now" (name "open") is worked out in the browser at the moment of the search
        ("hours", _("Opening hours"), [
            ("evening", _("in the evening (after 18:00)")), ("weekend", _("at weekends")),
            ("nonstop", _("nonstop")), ("appointment", _("by appointment")),
        ]),
    ]
    samples = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 5, "other": 5}

    def plurals(form: Callable[[int], str]) -> dict[str, str]:
        return {k: form(n) for k, n in samples.items()}

    text = {
        "found": plurals(lambda n: ngettext("%(num)d result", "%(num)d results", n)),
        "services": plurals(lambda n: ngettext("%(num)d service", "%(num)d services", n)),
        "others": plurals(lambda n: ngettext("%(num)d other result", "%(num)d other results", n)),
        "services_open": plurals(lambda n: ngettext("%(num)d service open now", "%(num)d services open now", n)),
        "open_now": _("open now"),
        "and": _("%(first)s and %(second)s"),
        "or": _(" or "),
        "found_for": _("for “%(query)s”"),
        "at_place": _("%(place)s: %(summary)s"),
        "summary": {
            "life_situation": _("life situation: %(values)s"),
            "target_group": _("for: %(values)s"),
            "type": _("kind of help: %(values)s"),
            "form": _("provided: %(values)s"),
            "language": _("language: %(values)s"),
            "hours": _("open: %(values)s"),
        },
        "remove": _("Remove the filter: %(label)s"),
        "clear_all": _("Clear all filters"),
        "searching": _("Searching…"),
        "nothing": _("Nothing found for “%(query)s”."),
        "corrected": _("No results for “%(query)s”. Showing results for “%(corrected)s”."),
        "suggest": _("Did you mean: %(link)s?"),
        "failed": _("Search is not available right now. Please browse the catalogue instead."),
        "record": {
            "service": "",
            "provider": _("Provider"),
            "life-situation": _("Life situation"),
            "page": _("Page"),
            "plan": _("Community plan"),
            "measure": _("Measure of the community plan"),
        },
        "phone": _("Phone"),
    }
    big = len(cat.localities) > LARGE
    return SearchPage(
        facets=facets, search_text=text, area_mark=AREA_PREFIX, big=big,
        places=place_options(cat, cat.roots, big), situations=situations(cat), near_text=near_text(_),
    )


def near_text(_: Callable[[str], str]) -> dict[str, str]:
    """Return what "find the nearest" says on the search page, translated."""
    return {
        "locating": _("Finding out where you are…"),
        "denied": _("Your location is not available (it was not allowed, or the device does not know it). Type your town or village instead."),
        "unknown": _("No town or village of that name is in the catalogue. Choose one of the suggestions."),
        "from_here": _("Sorted by distance from where you are."),
        "from_here_in": _("Sorted by distance from where you are (near %(place)s)."),
        "from_place": _("Sorted by distance from %(place)s."),
        "no_position": _("We do not know where %(place)s lies, so only the services located there or serving it come first; the others keep their order."),
        "left_out": _("%(num)s results without a known place are left out by the distance."),
        "km": _("%(km)s km"),
        "comes": _("comes to you: it serves %(place)s"),
        "serves": _("serves %(place)s"),
        "here": _("in %(place)s"),
        "approximate": _("about %(km)s km (to the centre of its town)"),
        "clear": _("Do not sort by distance"),
    }


def services_page(cat: Catalogue, plan: PagePlan) -> ServicesPage:
    services, parts = letter_list(cat, "services")
    if is_long(services):
        return ServicesPage(letters=[], parts=part_links(f"{plan.url}{LETTERS}/", parts), count=len(services))
    return ServicesPage(letters=by_letter(services), parts=[], count=len(services))


def providers_page(cat: Catalogue, plan: PagePlan) -> ProvidersPage:
    providers, parts = letter_list(cat, "providers")
    if is_long(providers):
        return ProvidersPage(providers=[], parts=part_links(f"{plan.url}{LETTERS}/", parts), count=len(providers))
    counted = [(p, len(cat.services_by_provider.get(p.id, []))) for p in providers]
    return ProvidersPage(providers=counted, parts=[], count=len(providers))


def localities_page(cat: Catalogue, plan: PagePlan) -> LocalitiesPage:
    def named(nodes: list[tuple[str, list]]) -> list[tuple[str, str, list]]:
        return [(lid, cat.localities[lid].name, named(children)) for lid, children in nodes]

    shown = with_services(cat)
    shallow = len(shown) > LARGE  # 6,400 places would make a page of 600 KB: the towns are on their districts' pages
    if shallow:
        shown = {lid for lid in shown if cat.localities[lid].level in LARGE_LEVELS}
    return LocalitiesPage(places=named(locality_tree(cat, shown)), shallow=shallow)


def target_groups_page(cat: Catalogue, plan: PagePlan) -> TargetGroupsPage:
    return TargetGroupsPage(groups=counted_groups(cat))


def service_types_page(cat: Catalogue, plan: PagePlan) -> ServiceTypesPage:
    return ServiceTypesPage(type_groups=counted_types(cat))


def life_situations_page(cat: Catalogue, plan: PagePlan) -> LifeSituationsPage:
    return LifeSituationsPage(situations=situations(cat))


def crisis_lines_page(cat: Catalogue, plan: PagePlan) -> CrisisLinesPage:
    return CrisisLinesPage()


def my_list_page(cat: Catalogue, plan: PagePlan) -> MyListPage:
    return MyListPage()


def planned(cat: Catalogue, plan: PagePlan) -> Mapping[str, Any]:
    """Return what the plan decided (a redirect's target and title, the sitemap's entries): the whole context."""
    return plan.params


#: template → the function that builds its page's context.
PAGES: dict[str, Callable[[Catalogue, PagePlan], Mapping[str, Any]]] = {
    "home.html": home_page,
    "search.html": search_page,
    "services.html": services_page,
    "providers.html": providers_page,
    "localities.html": localities_page,
    "target_groups.html": target_groups_page,
    "service_types.html": service_types_page,
    "life_situations.html": life_situations_page,
    "my_list.html": my_list_page,
    "crisis_lines.html": crisis_lines_page,
    "404.html": planned,
    "redirect.html": planned,
    "sitemap.xml": planned,
    "robots.txt": planned,
}
