"""What search sees: one document per service, provider, life situation and free page.

Both searches read these documents — the browser's (Pagefind) and the command
line's (whoosh) — so they index the same words, with the same analysis and the
same synonyms, and cannot drift apart. A document carries

* ``terms``: the analysed index terms (``analysis.index_terms``) of everything a
  person might type for it — name (twice: a word of the name weighs more), type,
  target groups, forms, provider, places (where it is located, which area it
  covers, their parent localities and, for an area, the localities within it),
  address, languages, life situations, description — plus the terms of every
  synonym group whose phrase occurs in the text (``Synonyms``);
* ``text``: the same fields as plain text (the baseline without the Czech layer,
  and the did-you-mean vocabulary);
* ``meta``: what a result shows; ``filters``: the facet values, as ids.

Documents are built from the publishable catalogue only: a confidential
location has already lost its street (``index.publishable``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..index import Catalogue
from ..model.records import LifeSituation, Service
from ..index.queries import AREA_PREFIX, places, situations_of
from ..model.records import UP_TO_MUNICIPALITY
from ..render.urls import url_for
from ..render.views import plain
from .analysis import index_terms, keys, tokenize

#: Facet name → what it filters on. The names are the URL parameters of the search page.
FACETS = ("target_group", "type", "form", "locality", "life_situation", "kind", "language", "wheelchair", "free")
#: An area with more localities below it than this lists only the area itself in its text.
_MAX_AREA_NAMES = 60


@dataclass(frozen=True)
class SearchDocument:
    url: str
    record: str  # service | provider | life-situation | page
    id: str
    title: str
    text: str
    terms: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)


class Synonyms:
    """Groups of phrases that mean the same; a document containing one gets the terms of all.

    Phrases are matched on analysed keys, token by token, so "bezdomovci" in a text
    matches the phrase "bezdomovec" and "osobám bez přístřeší" matches "osoby bez přístřeší".
    """

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self.groups = [list(g) for g in groups]
        self._terms = [[t for phrase in g for t in index_terms(phrase)] for g in self.groups]
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for number, group in enumerate(self.groups):
            for phrase in group:
                # Stopwords stay in phrases: "bez domova" must not shrink to "domova".
                words = tuple(keys(t)[0] for t in tokenize(phrase))
                if words:
                    self._by_first.setdefault(words[0], []).append((words, number))

    def expand(self, text: str) -> list[str]:
        """Return the terms of every group with a phrase in ``text`` (each group once)."""
        positions = [keys(t) for t in tokenize(text)]  # one or two keys per token
        found: set[int] = set()
        for i, here in enumerate(positions):
            for key in here:
                for words, number in self._by_first.get(key, ()):
                    if number in found or i + len(words) > len(positions):
                        continue
                    if all(words[j] in positions[i + j] for j in range(1, len(words))):
                        found.add(number)
        return [t for number in sorted(found) for t in self._terms[number]]


def site_synonyms(cat: Catalogue) -> Synonyms:
    """Return the catalogue's synonym groups (``vocabularies/synonyms.yaml``), in a stable order."""
    return Synonyms(s.terms for _, s in sorted(cat.vocab.synonyms.items()))


def catalogue_documents(
    cat: Catalogue, gettext: Callable[[str], str], synonyms: Synonyms, check: Callable[[], None] = lambda: None
) -> list[SearchDocument]:
    """Return the search documents of the services, providers, life situations and pages, in a stable order.

    ``check`` is called every few hundred services; an exception from it stops the work
    (the live preview's "a newer render came in").
    """
    area_names = _area_names(cat)
    docs = []
    for number, s in enumerate(cat.sorted_services):
        if number % 256 == 0:
            check()
        docs.append(_service(cat, s, situations_of(cat, s.id), gettext, synonyms, area_names))
    docs += [_provider(cat, pid, gettext, synonyms) for pid in sorted(cat.providers)]
    docs += [_situation(cat, sid, gettext, synonyms) for sid in sorted(cat.life_situations)]
    docs += [_page(cat, pid, gettext, synonyms) for pid in sorted(cat.pages)]
    return docs


def _document(
    url: str, record: str, ident: str, title: str, parts: list[str], synonyms: Synonyms, meta: dict, filters: dict
) -> SearchDocument:
    text = "\n".join(p for p in parts if p)
    body = f"{title}\n{text}"
    terms = index_terms(title) + index_terms(body) + synonyms.expand(body)
    return SearchDocument(url, record, ident, title, text, terms, {k: v for k, v in meta.items() if v}, filters)


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
    synonyms: Synonyms,
    area_names: Callable[[str], tuple[str, ...]],
) -> SearchDocument:
    vocab = cat.vocab
    stype = vocab.service_types.get(s.type)
    provider = cat.providers.get(s.provider)
    wheelchair = any(l.wheelchair for l in s.locations)
    free = s.fees is not None and not s.fees.paid
    contacts = cat.contacts_for(s)
    kind_label = _("registered social service") if s.kind == "registered" else _("related activity")
    parts = [
        s.summary or "",
        stype.name if stype else "",
        f"§ {stype.paragraph}" if stype and stype.paragraph else "",
        kind_label,
        " ".join(vocab.target_groups[g].name for g in s.target_groups if g in vocab.target_groups),
        " ".join(vocab.forms[f].name for f in s.forms if f in vocab.forms),
        provider.name if provider else "",
        " ".join(_place_names(cat, s, area_names)),
        " ".join(l.address.one_line() for l in s.locations if l.address),
        " ".join(l.name or "" for l in s.locations),
        " ".join(vocab.languages[g].name for g in s.languages if g in vocab.languages),
        " ".join(ls.title for ls in situations),
        _("wheelchair accessible") if wheelchair else "",
        _("free of charge") if free else "",
        plain(s.description, 100_000),
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
        "record": ["service"],
    }
    return _document(url_for("services", s.id), "service", s.id, s.name, parts, synonyms, meta, _nonempty(filters))


def _provider(cat: Catalogue, pid: str, _: Callable[[str], str], synonyms: Synonyms) -> SearchDocument:
    p = cat.providers[pid]
    services = [cat.services[i] for i in cat.services_by_provider.get(pid, [])]
    parts = [
        _("provider"),
        p.address.one_line() if p.address else "",
        " ".join(s.name for s in services),
        plain(p.description, 100_000),
    ]
    meta = {
        "title": p.name,
        "record": "provider",
        "place": p.address.city if p.address else "",
        "summary": plain(p.description, 180),
    }
    return _document(url_for("providers", pid), "provider", pid, p.name, parts, synonyms, meta, {"record": ["provider"]})


def _situation(cat: Catalogue, sid: str, _: Callable[[str], str], synonyms: Synonyms) -> SearchDocument:
    ls = cat.life_situations[sid]
    text = " ".join((ls.summary or "", plain(ls.text, 100_000)))
    meta = {"title": ls.title, "record": "life-situation", "summary": ls.summary or plain(ls.text, 180)}
    filters = {"record": ["life-situation"], "life_situation": [sid]}
    return _document(url_for("life-situations", sid), "life-situation", sid, ls.title, [_("life situation"), text], synonyms, meta, filters)


def _page(cat: Catalogue, pid: str, _: Callable[[str], str], synonyms: Synonyms) -> SearchDocument:
    page = cat.pages[pid]
    meta = {"title": page.title, "record": "page", "summary": page.description or plain(page.body, 180)}
    return _document(url_for("pages", pid), "page", pid, page.title, [plain(page.body, 100_000)], synonyms, meta, {"record": ["page"]})


def _nonempty(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in filters.items() if v}
