"""What search sees: one document per service, provider, life situation and free page.

Both searches read these documents — the browser's and the command line's — so
they index the same words, with the same analysis and the same synonyms, and
cannot drift apart. A document carries

* ``terms``: the analysed index terms (``analysis.index_terms``) of everything a
  person might type for it, each with the ranking code of the best field it
  occurs in (``ranking.FIELDS``): name; kind and target groups; life situations;
  places (where it is located, which area it covers, their parent localities and,
  for an area, the localities within it) and address; summary; provider; forms,
  languages and the like; description — plus the terms of every synonym group
  whose phrase occurs in a field, coded as a synonym in that field (``Synonyms``);
* ``text``: the same fields as plain text (the baseline without the Czech layer,
  and the did-you-mean vocabulary);
* ``meta``: what a result shows; ``filters``: the facet values, as ids.

A service's opening hours are there for filters that read the one definition of
:mod:`catalogue.index.opening`, over the schedules search counts (:mod:`.hours`: not an
office's beside others): ``filters["hours"]`` says whether it is open in the evening, at
weekends, nonstop or by appointment, and ``meta["hours"]`` carries those schedules as
``static/hours.js`` reads them, for "open now" and the results' hours line at the moment
of the search.

Documents are built from the publishable catalogue only: a confidential
location has already lost its street (``index.publishable``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..index import Catalogue
from ..model.records import LifeSituation, Service
from ..index.queries import AREA_PREFIX, places, situations_of
from ..model.records import UP_TO_MUNICIPALITY
from ..render.urls import url_for
from ..render.views import plain
from ..outputs.context import RecordPrints
from .analysed import AnalysisCache, Recipe, Words
from .hours import hours_filter, hours_meta

#: Facet name → what it filters on. The names are the URL parameters of the search page.
FACETS = ("target_group", "type", "form", "locality", "life_situation", "kind", "language", "wheelchair", "free", "hours")
#: An area with more localities below it than this lists only the area itself in its text.
_MAX_AREA_NAMES = 60


@dataclass(frozen=True)
class SearchDocument:
    url: str
    record: str  # service | provider | life-situation | page
    id: str
    title: str
    text: str
    terms: dict[str, int]  # term → ranking code
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    #: the did-you-mean words of title and text, and of the title (``analysed.document_words``); None: not worked out
    words: tuple[Words, tuple[str, ...]] | None = field(default=None, compare=False, repr=False)


def catalogue_documents(
    cat: Catalogue,
    gettext: Callable[[str], str],
    analyser: AnalysisCache,
    check: Callable[[], None] = lambda: None,
    prints: RecordPrints | None = None,
) -> list[SearchDocument]:
    """Return the search documents of the services, providers, life situations and pages, in a stable order.

    ``check`` is called every few hundred services; an exception from it stops the work
    (the live preview's "a newer render came in"). With ``prints`` (what the build read),
    a service whose files and shared inputs are those of the last run gets its fields
    from then (``AnalysisCache.recipe``) instead of gathering them again.
    """
    area_names = _area_names(cat)
    docs = []
    for number, s in enumerate(cat.sorted_services):
        if number % 256 == 0:
            check()
        key = prints.service(s.id, s.provider) if prints is not None else None
        recipe = analyser.recipe(key)
        if recipe is None:
            recipe = _service(cat, s, situations_of(cat, s.id), gettext, area_names)
        analyser.keep_recipe(key, recipe)
        docs.append(_document(*recipe[:5], analyser, *recipe[5:]))
    docs += [_provider(cat, pid, gettext, analyser) for pid in sorted(cat.providers)]
    docs += [_situation(cat, sid, gettext, analyser) for sid in sorted(cat.life_situations)]
    docs += [_page(cat, pid, gettext, analyser) for pid in sorted(cat.pages)]
    return docs


def _document(
    url: str,
    record: str,
    ident: str,
    title: str,
    parts: list,
    analyser: AnalysisCache,
    meta: dict,
    filters: dict,
) -> SearchDocument:
    """A search document; ``parts`` are (field, text) pairs, or plain strings weighed as description
    (analysed by ``analysed.analyse_fields``, or taken from the last run when the same)."""
    fields = [("name", title)] + [p if isinstance(p, tuple) else ("text", p) for p in parts]
    text = "\n".join(value for _, value in fields[1:] if value)
    done = analyser.analyse(fields)
    return SearchDocument(
        url, record, ident, title, text, done.terms, {k: v for k, v in meta.items() if v}, filters, (done.words, done.title_words)
    )


def _locality_values(cat: Catalogue, service: Service) -> list[str]:
    """A service's locality filter values (what ``queries.locality_filter`` asks for).

    Plain ids: where it is located and the areas it serves, with their parents (a
    filter by a district finds what is in its towns); ``area:A`` for each area ``A``
    (it serves every place within ``A``). A plain id inside one of the areas, and an
    area inside another, are left out: the outer area's mark covers them. Naming the
    sub-localities of an area instead would put a region's thousand towns into every
    result a phone downloads and into the filter index.
    """
    areas = [a for a in cat.service_area(service) if a in cat.localities]
    inside = {d for a in areas for d in cat.descendants(a)}
    areas = sorted({a for a in areas if a not in inside})
    named: set[str] = set()
    for lid in [location.locality for location in service.locations] + areas:
        named.add(lid)
        named.update(cat.ancestors(lid))
    return sorted(v for v in named if v in cat.localities and v not in inside) + [AREA_PREFIX + a for a in areas]


def _area_names(cat: Catalogue) -> Callable[[str], tuple[str, ...]]:
    """The names of the places within an area a person may type (down to municipalities: keeps national indexes small),
    or none when there are too many; worked out once per area."""
    cache: dict[str, tuple[str, ...]] = {}

    def names(area: str) -> tuple[str, ...]:
        if area not in cache:
            below = [d for d in cat.descendants(area) if d in cat.localities and cat.localities[d].level in UP_TO_MUNICIPALITY]
            cache[area] = tuple(cat.localities[d].name for d in below) if len(below) <= _MAX_AREA_NAMES else ()
        return cache[area]

    return names


def _place_names(cat: Catalogue, service: Service, area_names: Callable[[str], tuple[str, ...]]) -> list[str]:
    """Names a person may type for where the service is or works."""
    names: dict[str, None] = {}
    for lid in [l.locality for l in service.locations] + list(cat.service_area(service)):
        for one in (lid, *cat.ancestors(lid)):
            if one in cat.localities:
                names[cat.localities[one].name] = None
    for area in cat.service_area(service):
        names.update(dict.fromkeys(area_names(area)))
    return list(names)


def _service(
    cat: Catalogue,
    s: Service,
    situations: list[LifeSituation],
    _: Callable[[str], str],
    area_names: Callable[[str], tuple[str, ...]],
) -> Recipe:
    """Return what a service's document is made of (``_document``'s arguments but the analyser)."""
    vocab = cat.vocab
    stype = vocab.service_types.get(s.type)
    provider = cat.providers.get(s.provider)
    wheelchair = any(l.wheelchair for l in s.locations)
    free = s.fees is not None and not s.fees.paid
    contacts = cat.contacts_for(s)
    kind_label = _("registered social service") if s.kind == "registered" else _("related activity")
    parts = [
        ("summary", s.summary or ""),
        ("topic", stype.name if stype else ""),
        ("topic", f"§ {stype.paragraph}" if stype and stype.paragraph else ""),
        ("about", kind_label),
        ("topic", " ".join(vocab.target_groups[g].name for g in s.target_groups if g in vocab.target_groups)),
        ("about", " ".join(vocab.forms[f].name for f in s.forms if f in vocab.forms)),
        ("provider", provider.name if provider else ""),
        ("place", " ".join(_place_names(cat, s, area_names))),
        ("place", " ".join(l.address.one_line() for l in s.locations if l.address)),
        ("about", " ".join(l.name or "" for l in s.locations)),  # a building's name says little of the help
        ("about", " ".join(vocab.languages[g].name for g in s.languages if g in vocab.languages)),
        ("situation", " ".join(ls.title for ls in situations)),
        ("about", _("wheelchair accessible") if wheelchair else ""),
        ("about", _("free of charge") if free else ""),
        ("text", plain(s.description, 100_000)),
    ]
    phones = contacts.phone
    meta = {
        "title": s.name,
        "record": "service",
        "type": stype.name if stype else "",
        "provider": provider.name if provider else "",
        "place": ", ".join(places(cat, s)),
        "summary": s.summary or plain(s.description, 180),
        "phone": str(phones[0]) if phones else "",
        "hours": hours_meta(s),
    }
    filters = {
        "target_group": sorted(s.target_groups),
        "type": [s.type],
        "form": sorted(s.forms),
        "locality": _locality_values(cat, s),
        "life_situation": sorted(ls.id for ls in situations),
        "kind": [s.kind],
        "language": sorted(s.languages),
        "wheelchair": ["yes"] if wheelchair else [],
        "free": ["yes"] if free else [],
        "hours": hours_filter(s),
        "record": ["service"],
    }
    return (url_for("services", s.id), "service", s.id, s.name, parts, meta, _nonempty(filters))


def _provider(cat: Catalogue, pid: str, _: Callable[[str], str], analyser: AnalysisCache) -> SearchDocument:
    p = cat.providers[pid]
    services = [cat.services[i] for i in cat.services_by_provider.get(pid, [])]
    parts = [
        ("about", _("provider")),
        ("place", p.address.one_line() if p.address else ""),
        ("text", " ".join(s.name for s in services)),
        ("text", plain(p.description, 100_000)),
    ]
    meta = {
        "title": p.name,
        "record": "provider",
        "place": p.address.city if p.address else "",
        "summary": plain(p.description, 180),
    }
    return _document(url_for("providers", pid), "provider", pid, p.name, parts, analyser, meta, {"record": ["provider"]})


def _situation(cat: Catalogue, sid: str, _: Callable[[str], str], analyser: AnalysisCache) -> SearchDocument:
    ls = cat.life_situations[sid]
    parts = [("about", _("life situation")), ("summary", ls.summary or ""), ("text", plain(ls.text, 100_000))]
    meta = {"title": ls.title, "record": "life-situation", "summary": ls.summary or plain(ls.text, 180)}
    filters = {"record": ["life-situation"], "life_situation": [sid]}
    return _document(url_for("life-situations", sid), "life-situation", sid, ls.title, parts, analyser, meta, filters)


def _page(cat: Catalogue, pid: str, _: Callable[[str], str], analyser: AnalysisCache) -> SearchDocument:
    page = cat.pages[pid]
    meta = {"title": page.title, "record": "page", "summary": page.description or plain(page.body, 180)}
    return _document(url_for("pages", pid), "page", pid, page.title, [("summary", page.description or ""), ("text", plain(page.body, 100_000))], analyser, meta, {"record": ["page"]})


def _nonempty(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in filters.items() if v}
