"""Typed contexts of the pages of a split list (:mod:`.lists`): a facet's services in one place, a letter of the A–Z indexes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypedDict

from ..index import Catalogue
from ..index.queries import by_type, services_of
from ..model.records import Provider, Service
from ..model.vocabularies import ServiceType
from . import lists
from .i18n import translations
from .lists import FACETS, LETTERS, PartLink, facet_parts, letter_list, part_links
from .maps import any_on_map
from .plan import PagePlan
from .urls import url_for

ByType = list[tuple[str, ServiceType | None, list[Service]]]
class ListPartPage(TypedDict):
    title: str  # the page's heading: "Senioři: Středočeský kraj", "Služby od A do Z: P (2/3)"
    list_title: str  # the whole list's name
    list_url: str  # the whole list's page (its overview)
    crumbs: list[tuple[str, str]]  # (URL, label) after the home page
    groups: ByType  # the services, by kind of help (one group on a kind of help's page and in A–Z)
    headings: bool  # a heading per kind of help
    show_kind: bool  # each line names its kind of help (A–Z)
    providers: list[tuple[Provider, int]]  # a letter of the providers' index: each with its number of services
    parts: list[PartLink]  # every part of the list, this one among them
    current: str  # this part's URL
    previous: tuple[str, str] | None  # (URL, label)
    next: tuple[str, str] | None
    count: int  # lines on this page
    total: int  # lines of the whole list
    has_map: bool
    quick_exit: bool


def list_part_page(cat: Catalogue, plan: PagePlan) -> ListPartPage:
    """Return one part of a split list, read again from the catalogue as planning split it."""
    _ = translations(cat.site.language).gettext
    facet, path = plan.params["facet"], plan.params["part"]
    if facet in FACETS:
        base, parts = url_for(facet, plan.ident), facet_parts(cat, facet, plan.ident, _("Without a place"))
        name, index_label = facet_name(cat, facet, plan.ident), index_name(facet, _)
        crumbs = [(url_for(facet), index_label), (base, name)]
    else:
        base, parts = f"{url_for(facet)}{LETTERS}/", letter_list(cat, facet)[1]
        name = _("Services from A to Z") if facet == "services" else _("Providers")
        crumbs = [(url_for(facet), name)]
    before, part, after = lists.neighbours(parts, path)
    services = services_of(cat, part.ids) if facet != "providers" else []
    return ListPartPage(
        title=_("%(list)s: %(part)s") % {"list": name, "part": part.label},
        list_title=name,
        list_url=crumbs[-1][0],
        crumbs=crumbs,
        groups=by_type(cat, list(part.ids)) if facet in ("target-groups", "life-situations") else [("", None, services)],
        headings=facet in ("target-groups", "life-situations"),
        show_kind=facet == "services",
        providers=[(cat.providers[p], len(cat.services_by_provider.get(p, []))) for p in part.ids] if facet == "providers" else [],
        parts=part_links(base, parts),
        current=base + part.path,
        previous=(base + before.path, before.label) if before else None,
        next=(base + after.path, after.label) if after else None,
        count=len(part.ids),
        total=len(FACETS[facet](cat, plan.ident)) if facet in FACETS else len(letter_list(cat, facet)[0]),
        has_map=any_on_map(services),
        quick_exit=facet_sensitive(cat, facet, plan.ident),
    )


def facet_name(cat: Catalogue, facet: str, ident: str) -> str:
    """Return the name of a facet's term or record: the target group's, the kind of help's, the life situation's title."""
    if facet == "life-situations":
        return cat.life_situations[ident].title
    vocabulary = cat.vocab.target_groups if facet == "target-groups" else cat.vocab.service_types
    return vocabulary[ident].name


def index_name(facet: str, _: Callable[[str], str]) -> str:
    """Return the menu's name of a facet's index page."""
    return {"target-groups": _("Who it is for"), "service-types": _("Kinds of help"), "life-situations": _("Life situations")}[facet]


def facet_sensitive(cat: Catalogue, facet: str, ident: str) -> bool:
    """Return whether the page offers the quick exit: a sensitive kind of help or life situation."""
    if facet == "service-types":
        return cat.vocab.service_types[ident].quick_exit
    if facet == "life-situations":
        return cat.life_situations[ident].quick_exit
    return False
