"""Plan and render every page of the citizens' site from the publishable catalogue."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, NotRequired, TypedDict
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from babel import Locale
from babel.dates import get_day_names

from ..errors import CatalogueError, display_path
from ..index import Catalogue
from ..load.files import OWN_FOLDERS, Refused, check_inside
from ..model.fields import phone_digits
from ..model.hours import WEEKDAYS, format_interval
from ..model.records import Page, Site
from ..workers import die_with_parent
from ..write import OutputTree
from . import views
from .env import make_environment
from .i18n import translations
from .urls import absolute, output_path, relative, url_for

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
SEARCH_STATIC_DIR = Path(__file__).resolve().parents[1] / "search" / "static"  # czech-analysis.js, search.js


@dataclass(frozen=True)
class PagePlan:
    """One page: where it goes, how it is rendered, and which records it shows.

    ``depends`` lists record keys ("services/x", "providers/y", "vocabularies/…",
    "site") and group keys (see :class:`Depends`) whose change must re-render the
    page; "*" means every change does (the home page, the sitemap). The live preview
    re-renders only affected pages.
    """

    url: str
    template: str
    context: dict[str, Any]
    owner: str
    depends: frozenset[str] = frozenset({"*"})


def plan_pages(cat: Catalogue) -> list[PagePlan]:
    """Return every page to render, in a stable order: indexes, records, facets, redirects, then sitemap and robots."""
    deps = Depends(cat)
    plans = [
        PagePlan("/", "home.html", {}, "home page"),
        PagePlan("/404.html", "404.html", {"root_links": True}, "not-found page", deps.common),
        PagePlan(url_for("search"), "search.html", search_context(cat), "search page"),
        PagePlan(url_for("services"), "services.html", {}, "index of services", deps.listing("services")),
        PagePlan(url_for("providers"), "providers.html", {}, "index of providers", deps.listing("providers", "services")),
        PagePlan(url_for("localities"), "localities.html", {}, "index of localities", deps.listing("localities", "services")),
        PagePlan(url_for("target-groups"), "target_groups.html", {}, "index of target groups", deps.listing("services")),
        PagePlan(url_for("service-types"), "service_types.html", {}, "index of service types", deps.listing("services")),
        PagePlan(
            url_for("life-situations"), "life_situations.html", {}, "index of life situations",
            deps.listing("life-situations", "services"),
        ),
    ]
    for service in cat.sorted_services:
        plans.append(
            PagePlan(url_for("services", service.id), "service.html", {"service": service}, f"service {service.id}", deps.service(service))
        )
    for pid in sorted(cat.providers):
        plans.append(
            PagePlan(url_for("providers", pid), "provider.html", {"provider": cat.providers[pid]}, f"provider {pid}", deps.provider(pid))
        )
    for lid in sorted(cat.localities):
        plans.append(
            PagePlan(url_for("localities", lid), "locality.html", {"locality": cat.localities[lid]}, f"locality {lid}", deps.locality(lid))
        )
    for sid in sorted(cat.life_situations):
        plans.append(
            PagePlan(
                url_for("life-situations", sid), "life_situation.html", {"situation": cat.life_situations[sid]},
                f"life situation {sid}", deps.life_situation(sid),
            )
        )
    for gid in sorted(cat.vocab.target_groups):
        plans.append(
            PagePlan(
                url_for("target-groups", gid), "target_group.html", {"group_id": gid, "group": cat.vocab.target_groups[gid]},
                f"target group {gid}", deps.target_group(gid),
            )
        )
    for tid in sorted(cat.vocab.service_types):
        plans.append(
            PagePlan(
                url_for("service-types", tid), "service_type.html", {"type_id": tid, "stype": cat.vocab.service_types[tid]},
                f"service type {tid}", deps.service_type(tid),
            )
        )
    for pid in sorted(cat.pages):
        plans.append(PagePlan(url_for("pages", pid), "page.html", {"page": cat.pages[pid]}, f"page {pid}", deps.page(pid)))
    plans.extend(redirect_plans(cat, deps))
    listed = [(p.url, lastmod(p)) for p in plans if p.template not in UNLISTED]
    plans.append(PagePlan("/sitemap.xml", "sitemap.xml", {"entries": listed}, "sitemap"))
    plans.append(PagePlan("/robots.txt", "robots.txt", {}, "robots.txt", deps.common))
    return plans


UNLISTED = {"404.html", "redirect.html", "search.html"}  # pages a search engine should not list


def search_context(cat: Catalogue) -> dict[str, Any]:
    """Return the search page's facets (name, legend, [(value, label)]) and the strings its script shows."""
    _ = translations(cat.site.language).gettext
    ngettext = translations(cat.site.language).ngettext

    def terms(vocabulary: dict) -> list[tuple[str, str]]:
        return [(tid, term.name) for tid, term in views.terms(vocabulary)]

    facets = [
        ("life_situation", _("Life situation"), [(s.id, s.title) for s in views.situations(cat)]),
        ("target_group", _("Who the help is for"), terms(cat.vocab.target_groups)),
        ("type", _("Kind of help"), terms(cat.vocab.service_types)),
        ("form", _("How it is provided"), terms(cat.vocab.forms)),
        ("kind", _("Type of record"), [("registered", _("registered social service")), ("related", _("related activity"))]),
        ("language", _("Language"), terms(cat.vocab.languages)),
        ("wheelchair", _("Access"), [("yes", _("wheelchair accessible"))]),
        ("free", _("Cost"), [("yes", _("free of charge"))]),
    ]
    samples = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 5, "other": 5}
    text = {
        "found": {k: ngettext("%(num)d result", "%(num)d results", n) for k, n in samples.items()},
        "found_for": _("for “%(query)s”"),
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
        },
        "phone": _("Phone"),
    }
    return {"facets": facets, "search_text": text, "locality_filter": functools.partial(views.locality_filter, cat), "area_mark": views.AREA_PREFIX}


def lastmod(plan: PagePlan) -> dt.date | None:
    """Return when a record page last changed, as far as the content says (its verification date)."""
    record = plan.context.get("service") or plan.context.get("provider")
    return getattr(record, "verified", None)


def redirect_plans(cat: Catalogue, deps: Depends) -> list[PagePlan]:
    """Return a redirect page at the old URL of every renamed record (``former_ids``)."""
    plans = []
    for kind, records in (("services", cat.services), ("providers", cat.providers), ("life-situations", cat.life_situations)):
        for rid in sorted(records):
            record = records[rid]
            title = getattr(record, "name", None) or getattr(record, "title")
            for former in record.former_ids:
                plans.append(
                    PagePlan(
                        url_for(kind, former), "redirect.html", {"target": url_for(kind, rid), "title": title},
                        f"redirect {kind}/{former} to {rid}", deps.common | {f"{kind}/{rid}"},
                    )
                )
    return plans


VOCABULARY_KEYS = ("vocabularies/service-types", "vocabularies/target-groups", "vocabularies/forms",
                   "vocabularies/capacity-units", "vocabularies/languages")
LISTED_KINDS = ("services", "providers", "localities", "life-situations", "pages")


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
        situations: dict[str, set[str]] = {}
        for situation, services in cat.services_by_life_situation.items():
            for sid in services:
                situations.setdefault(sid, set()).add(situation)
        self.situations_of = situations
        self._places: dict[str, frozenset[str]] = {}

    def _place(self, lid: str) -> frozenset[str]:
        """Return the keys of a locality and its ancestors (a place is named with them); computed once."""
        found = self._places.get(lid)
        if found is None:
            found = self._places[lid] = frozenset(f"localities/{l}" for l in (lid, *self.cat.ancestors(lid)))
        return found

    def service(self, service) -> frozenset[str]:
        situations = {*service.life_situations, *self.situations_of.get(service.id, ())}
        keys = {f"services/{service.id}", f"providers/{service.provider}", *(f"life-situations/{sid}" for sid in situations)}
        for lid in {*service.area, *(location.locality for location in service.locations)}:
            keys |= self._place(lid)
        return self.common | keys

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
        return self.common | {f"target-group-services:{gid}"}

    def service_type(self, tid: str) -> frozenset[str]:
        return self.common | {f"type-services:{tid}"}

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
        if touched or any(k.startswith("life-situations/") for k in keys):
            # a gathering rule or a service's own list may move services in or out of any situation
            for cat in (old, new):
                for situation, services in cat.services_by_life_situation.items():
                    if f"life-situations/{situation}" in keys or not touched.isdisjoint(services):
                        out.add(f"situation-services:{situation}")
        return out


def render_site(
    cat: Catalogue,
    out: OutputTree,
    theme: Path | None = None,
    generated: dt.date | None = None,
    print_files: dict[str, str] | None = None,
    only: Callable[[PagePlan], bool] | None = None,
    plans: list[PagePlan] | None = None,
) -> None:
    """Render every planned page and copy static files into ``out``.

    ``print_files`` maps "catalogue" and life-situation ids to the URLs of their
    PDFs (``/tisk/…``) when the build prints; pages link them only then.
    ``only`` picks the pages to render (the live preview re-renders changed ones);
    everything else this function writes is always written. ``plans`` saves
    planning again when the caller has just planned the same catalogue.
    """
    env = make_environment(cat.site.language, theme / "templates" if theme else None)
    common = common_context(cat, generated, print_files or {})
    common["card"] = Cards(env, common)
    chosen = [plan for plan in (plans if plans is not None else plan_pages(cat)) if only is None or only(plan)]
    render = render_parallel if only is None and len(chosen) >= PARALLEL_FROM else render_serial
    for plan, html in render(env, chosen, common):
        out.add(output_path(plan.url), html, plan.owner)
    allowed = [STATIC_DIR, SEARCH_STATIC_DIR, *OWN_FOLDERS, *([theme.parent] if theme else [])]
    copy_static(out, [STATIC_DIR, SEARCH_STATIC_DIR, *([theme / "static"] if theme else [])], allowed)


PARALLEL_FROM = 4000  # pages; below this, starting processes costs more than it saves
CHUNK = 400  # pages a worker renders at a time
_WORK: tuple[jinja2.Environment, list[PagePlan], Common] | None = None  # what forked workers render


def render_serial(env: jinja2.Environment, plans: list[PagePlan], common: Common) -> Iterator[tuple[PagePlan, str]]:
    for plan in plans:
        yield plan, render_page(env, plan, common)


def render_parallel(env: jinja2.Environment, plans: list[PagePlan], common: Common) -> Iterator[tuple[PagePlan, str]]:
    """Render in forked worker processes (they share the catalogue without copying), results in plan order.

    Only for a whole build: the live preview renders a few pages, in a process with server threads.
    """
    global _WORK
    workers = min(available_cores(), 8)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from render_serial(env, plans, common)
        return
    chunks = [(start, min(start + CHUNK, len(plans))) for start in range(0, len(plans), CHUNK)]
    _WORK = (env, plans, common)
    try:
        with multiprocessing.get_context("fork").Pool(workers, die_with_parent, (os.getpid(),)) as pool:
            for (start, end), pages in zip(chunks, pool.imap(_render_chunk, chunks)):
                yield from zip(plans[start:end], pages)
    finally:
        _WORK = None


def _render_chunk(bounds: tuple[int, int]) -> list[str]:
    assert _WORK is not None
    env, plans, common = _WORK
    return [render_page(env, plan, common) for plan in plans[bounds[0] : bounds[1]]]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Common(TypedDict):
    """What every template can use, besides its page's own records, ``page_url``, ``canonical`` and ``link``."""

    cat: Catalogue
    site: Site
    weekdays: tuple[str, ...]
    format_interval: Callable
    phone_digits: Callable[[str], str]
    url_for: Callable[..., str]
    absolute: Callable[[str], str]
    generated: dt.date | None
    print_files: dict[str, str]
    nav_pages: list[Page]
    report_links: Callable[[str, str, str], views.RecordLinks]
    day_names: list[str]  # Monday first, in the site's language
    situations_of: dict[str, list]  # service id → the life situations it helps with
    card: NotRequired[Callable[..., str]]  # a service's card for lists, rendered once (:class:`Cards`)
    hours_text: dict[str, Any]  # what the "open now" script says, translated
    views: SimpleNamespace  # the helpers of :mod:`.views`: map links, groupings, JSON-LD


class Cards:
    """Each service's card (``service_card`` of ``_macros.html``) rendered once per heading level and folder depth.

    A region's page lists thousands of services, and each appears on many pages:
    rendering its card once makes the national build several times faster.
    """

    def __init__(self, env: jinja2.Environment, common: Common) -> None:
        self.env = env
        self.common = common
        self.modules: dict[str, Any] = {}
        self.done: dict[tuple[str, int, str], str] = {}

    def __call__(self, service, level: int, page_url: str) -> str:
        prefix = relative(page_url, "/")  # relative links depend only on the folder depth
        key = (service.id, level, prefix)
        html = self.done.get(key)
        if html is None:
            html = self.done[key] = self._module(prefix, page_url).service_card(service, level)
        return html

    def many(self, services: list, level: int, page_url: str) -> Markup:
        """The cards of ``services``, each followed by a newline (the body of ``service_list``):
        one call per list instead of one template call per card — a town's page lists
        every service of its district."""
        return Markup("".join(f"{self(service, level, page_url)}\n" for service in services))

    def _module(self, prefix: str, page_url: str) -> Any:
        module = self.modules.get(prefix)
        if module is None:
            context = {**self.common, "page_url": page_url, "link": lambda url: relative(page_url, url)}
            module = self.modules[prefix] = self.env.get_template("_macros.html").make_module(context)
        return module


def common_context(cat: Catalogue, generated: dt.date | None, print_files: dict[str, str]) -> Common:
    """Return the context every page shares."""
    gettext = translations(cat.site.language).gettext
    text = {
        "subject": gettext("Error in the catalogue: {title}"),
        "body": gettext("Page: {url}\nRecord: {key}\n\nWhat is wrong or has changed:\n"),
    }

    def report_links(key: str, title: str, page_url: str) -> views.RecordLinks:
        return views.record_links(cat.site, cat, key, title, absolute(cat.site.base_url, page_url), text)

    return Common(
        cat=cat,
        site=cat.site,
        weekdays=WEEKDAYS,
        format_interval=format_interval,
        phone_digits=phone_digits,
        url_for=url_for,
        absolute=lambda url: absolute(cat.site.base_url, url),
        generated=generated,
        print_files=print_files,
        nav_pages=sorted((p for p in cat.pages.values() if p.nav), key=lambda p: (p.order, p.title)),
        report_links=report_links,
        day_names=day_names(cat.site.language),
        situations_of=views.situations_by_service(cat),
        hours_text=hours_text(gettext, cat.site.country),
        views=template_helpers(views),
    )


def template_helpers(module: Any) -> SimpleNamespace:
    """Return a module's public functions, classes and constants, without the modules it imports.

    Templates call ``views.map_link(…)``; a theme's template, even sandboxed, must not
    reach ``views.json`` and from there whatever that module imports.
    """
    return SimpleNamespace(**{
        name: value for name, value in vars(module).items() if not name.startswith("_") and not isinstance(value, ModuleType)
    })


def day_names(language: str) -> list[str]:
    """Return the weekdays' names, Monday first, capitalised for a table."""
    names = get_day_names("wide", locale=Locale.parse(language))
    return [names[i][:1].upper() + names[i][1:] for i in range(7)]


TIME_ZONES = {"CZ": "Europe/Prague", "PL": "Europe/Warsaw"}


def hours_text(gettext: Callable[[str], str], country: str) -> dict[str, Any]:
    """Return the sentences of the "open now" line; ``{time}`` is filled in the browser."""
    return {
        "tz": TIME_ZONES.get(country, "Europe/Prague"),
        "open": gettext("Open now, until {time}."),
        "always": gettext("Open now."),
        "today": gettext("Closed now; opens today at {time}."),
        "tomorrow": gettext("Closed now; opens tomorrow at {time}."),
        "days": [
            gettext("Closed now; opens on Monday at {time}."),
            gettext("Closed now; opens on Tuesday at {time}."),
            gettext("Closed now; opens on Wednesday at {time}."),
            gettext("Closed now; opens on Thursday at {time}."),
            gettext("Closed now; opens on Friday at {time}."),
            gettext("Closed now; opens on Saturday at {time}."),
            gettext("Closed now; opens on Sunday at {time}."),
        ],
    }


def render_page(env: jinja2.Environment, plan: PagePlan, common: Common) -> str:
    """Render one page; links are made relative so the site works from any folder and from file://.

    The 404 page is the exception: a server shows it at any depth, so its links start
    at the site's root path.
    """
    template = env.get_template(plan.template)
    context: dict[str, Any] = {**common, **plan.context, "page_url": plan.url, "canonical": absolute(common["site"].base_url, plan.url)}
    if plan.context.get("root_links"):
        root = urlsplit(common["site"].base_url).path.rstrip("/")
        context["link"] = lambda url: f"{root}/{url.lstrip('/')}"
    else:
        context["link"] = lambda url: relative(plan.url, url)
    return template.render(context)


def copy_static(out: OutputTree, folders: list[Path], allowed: list[Path]) -> None:
    """Copy static files; a theme's file of the same name replaces the built-in one; none from outside ``allowed``."""
    chosen: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                chosen[path.relative_to(folder).as_posix()] = path
    for rel, path in sorted(chosen.items()):
        try:
            check_inside(path, allowed, "the static file")
        except Refused as exc:  # ``check`` reports it with the content; this keeps it out of the site regardless
            raise CatalogueError(f"{display_path(path)}: {exc}") from None
        out.add(f"static/{rel}", path.read_bytes(), f"static file {rel}")
