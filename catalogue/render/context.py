"""What every web page's template can use besides its own page context: the site, links, navigation, cards.

Built once per render. No catalogue in it: a page's records come from its own
typed context (:mod:`.pages`), so what a template shows is visible in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

import jinja2
from babel import Locale
from babel.dates import get_day_names
from markupsafe import Markup

from ..clock import today
from ..index import Catalogue
from ..index.opening import holiday_years, public_holidays
from ..index.queries import places
from ..model.fields import phone_digits
from ..model.hours import WEEKDAYS, format_interval
from ..model.records import CrisisLine, Page, Provider, Service, Site
from ..model.vocabularies import ServiceType
from . import views
from .crisis import crisis_lines
from .i18n import translations
from .community.urls import plans_url
from .maps import MapConfig, map_config
from .urls import absolute, linker, relative, url_for

TIME_ZONES = {"CZ": "Europe/Prague", "PL": "Europe/Warsaw"}


class Common(TypedDict):
    """What every template can use, besides its page's own context, ``page_url``, ``canonical`` and ``link``."""

    site: Site
    weekdays: tuple[str, ...]
    format_interval: Callable
    phone_digits: Callable[[str], str]
    url_for: Callable[..., str]
    absolute: Callable[[str], str]
    generated: dt.date | None
    print_files: dict[str, str]
    nav_pages: list[Page]
    plans_url: str | None  # the community plans' page, when there are plans (the menu names it)
    report_links: Callable[[str, str, str], views.RecordLinks]
    day_names: list[str]  # Monday first, in the site's language
    card: NotRequired[Cards]  # a service's card for lists, rendered once (:class:`Cards`)
    hours_text: dict[str, Any]  # what the "open now" script says, translated
    crisis_lines: list[CrisisLine]  # at the top of every page
    map: MapConfig | None  # None: Leaflet is not installed, the pages have no maps
    ui_text: dict[str, str]  # what static/map.js, near.js and my-list.js say, translated


@dataclass(frozen=True)
class ServiceCard:
    """One service in a list: what ``service_card`` of ``_macros.html`` shows."""

    service: Service
    stype: ServiceType | None
    provider: Provider | None
    places: list[str]
    phone: str | None  # the first phone of its contacts (its provider's when it has none): the call button


def service_card(cat: Catalogue, service: Service) -> ServiceCard:
    """Return a service's card: its type, provider, places and the number to call looked up."""
    phones = cat.contacts_for(service).phone
    return ServiceCard(
        service, cat.vocab.service_types.get(service.type), cat.providers.get(service.provider), places(cat, service),
        phones[0] if phones else None,
    )


class Cards:
    """Each service's card (``service_card`` of ``_macros.html``) rendered once per heading level and folder depth.

    A region's page lists thousands of services, and each appears on many pages:
    rendering its card once makes the national build several times faster.
    """

    def __init__(self, env: jinja2.Environment, common: Common, cat: Catalogue) -> None:
        self.env = env
        self.common = common
        self.cat = cat
        self.modules: dict[str, Any] = {}
        self.done: dict[tuple[str, int, str], str] = {}

    def __call__(self, service: Service, level: int, page_url: str) -> str:
        prefix = relative(page_url, "/")  # relative links depend only on the folder depth
        key = (service.id, level, prefix)
        html = self.done.get(key)
        if html is None:
            html = self.done[key] = self._module(prefix, page_url).service_card(service_card(self.cat, service), level)
        return html

    def rows(self, services: list[Service], page_url: str, wide: bool = False) -> Markup:
        """The compact lines of ``services`` (``service_row`` of ``_macros.html``: name, places when ``wide``, phone)."""
        prefix = relative(page_url, "/")
        out = []
        for service in services:
            key = (service.id, -1 - wide, prefix)  # a card's key with a level no heading has
            html = self.done.get(key)
            if html is None:
                html = self.done[key] = self._module(prefix, page_url).service_row(service_card(self.cat, service), wide)
            out.append(f"{html}\n")
        return Markup("".join(out))

    def lines(self, services: list[Service], page_url: str, kind: bool = False) -> Markup:
        """The lines of a long list (``list_row`` of ``_macros.html``: name, kind when ``kind``, places, free, phone)."""
        prefix = relative(page_url, "/")
        out = []
        for service in services:
            key = (service.id, -3 - kind, prefix)  # the keys of rows (-1, -2) and cards (levels) are others
            html = self.done.get(key)
            if html is None:
                html = self.done[key] = self._module(prefix, page_url).list_row(service_card(self.cat, service), kind)
            out.append(f"{html}\n")
        return Markup("".join(out))

    def many(self, services: list[Service], level: int, page_url: str) -> Markup:
        """The cards of ``services``, each followed by a newline (the body of ``service_list``):
        one call per list instead of one template call per card — a town's page lists
        every service of its district."""
        return Markup("".join(f"{self(service, level, page_url)}\n" for service in services))

    def _module(self, prefix: str, page_url: str) -> Any:
        module = self.modules.get(prefix)
        if module is None:
            context = {**self.common, "page_url": page_url, "link": linker(page_url)}
            module = self.modules[prefix] = self.env.get_template("_macros.html").make_module(context)
        return module


def common_context(env: jinja2.Environment, cat: Catalogue, generated: dt.date | None, print_files: dict[str, str]) -> Common:
    """Return the context every page shares, with its cards."""
    gettext = translations(cat.site.language).gettext
    text = {
        "subject": gettext("Error in the catalogue: {title}"),
        "body": gettext("Page: {url}\nRecord: {key}\n\nWhat is wrong or has changed:\n"),
    }

    def report_links(key: str, title: str, page_url: str) -> views.RecordLinks:
        return views.record_links(cat, key, title, absolute(cat.site.base_url, page_url), text)

    common = Common(
        site=cat.site,
        weekdays=WEEKDAYS,
        format_interval=format_interval,
        phone_digits=phone_digits,
        url_for=url_for,
        absolute=lambda url: absolute(cat.site.base_url, url),
        generated=generated,
        print_files=print_files,
        nav_pages=cat.nav_pages,
        plans_url=plans_url() if cat.has_plans else None,
        report_links=report_links,
        day_names=day_names(cat.site.language),
        hours_text=hours_text(gettext, cat.site.country, cat.site.language, generated or today()),
        crisis_lines=crisis_lines(cat.site),
        map=map_config(cat.site),
        ui_text=ui_text(gettext),
    )
    common["card"] = Cards(env, common, cat)
    return common


def day_names(language: str) -> list[str]:
    """Return the weekdays' names, Monday first, capitalised for a table."""
    names = get_day_names("wide", locale=Locale.parse(language))
    return [names[i][:1].upper() + names[i][1:] for i in range(7)]


def hours_text(gettext: Callable[[str], str], country: str, language: str, on: dt.date) -> dict[str, Any]:
    """Return what the "open now" script needs besides a schedule: its sentences (``{time}``, ``{date}``,
    ``{note}``, ``{label}`` are filled in the browser), the time zone, and the public holidays of this
    year and the next, computed here because the browser has no holiday calendar."""
    return {
        "tz": TIME_ZONES.get(country, "Europe/Prague"),
        "lang": language,
        "holidays": sorted(day.isoformat() for day in public_holidays(country, holiday_years(on))),
        "label": gettext("{label}: {text}"),
        "open": gettext("Open now, until {time}."),
        "openTomorrow": gettext("Open now, until {time} tomorrow."),
        "always": gettext("Open now."),
        "holiday": gettext("Today is a public holiday."),
        "closure": gettext("Closed for the time being."),
        "closureNote": gettext("Closed for the time being ({note})."),
        "date": gettext("Closed now; opens on {date} at {time}."),
        "appointment": gettext("By appointment."),
        "orAppointment": gettext("Visits also by appointment."),
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


def ui_text(gettext: Callable[[str], str]) -> dict[str, str]:
    """Return what the scripts of maps, "near me" and My list write on the page, translated."""
    return {
        "show_map": gettext("Show on a map"),
        "hide_map": gettext("Hide the map"),
        "map_label": gettext("Map of the services in the list"),
        "map_loading": gettext("Loading the map…"),
        "map_failed": gettext("The map could not be loaded. Everything it shows is in the list."),
        "tiles_failed": gettext("The map background cannot be loaded (you may be offline, or the network blocks it); the places are still marked. The list has them all."),
        "map_missing": gettext("%(num)s of the services in the list have no place on the map."),
        "map_none": gettext("None of these services has a place that can be shown on a map."),
        "approximate": gettext("approximate position: the centre of %(place)s"),
        "add": gettext("Add to my list"),
        "remove": gettext("Remove from my list"),
        "added": gettext("Added to your list."),
        "removed": gettext("Removed from your list."),
        "keep_short": gettext("To my list"),
        "not_loaded": gettext("The details of this service could not be loaded; open its page when you are online."),
        "phone": gettext("Phone"),
        "whole_list": gettext("The whole list"),
        "mail_subject": gettext("Services from the catalogue"),
        "copied": gettext("The link is copied."),
        "cleared": gettext("Your list is empty now."),
        "kept": gettext("The services of the shared link are kept in your list."),
        "narrowed": gettext("Showing %(num)s services: %(kind)s."),
        "show_all": gettext("Show every kind"),
    }
