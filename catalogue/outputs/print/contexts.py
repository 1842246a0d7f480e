"""Typed template contexts for the printed catalogue and the leaflets; no IO, no PDF.

Everything a printed page shows is decided here, from the publishable catalogue
(confidential locations already redacted): chapters and their order, one entry
per service (:mod:`.entries`), the indexes and the leaflets' lists (:mod:`.chapters`).
Templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from ...index import Catalogue
from ...model.records import CrisisLine, LifeSituation, Site
from ...render.urls import absolute, url_for
from .chapters import alphabetical_index, group_chapters, locality_index, target_group_chapters, target_group_index
from ...render.crisis import crisis_lines
from .entries import Chapter, IndexEntry, IndexGroup, Publisher, ServiceEntry, publisher, service_entry
from .qr import qr_src


class BookletContext(TypedDict):
    """What ``print/booklet.html`` receives."""

    site: Site
    language: str
    format: str  # "A5" | "A4"
    chapter_mode: str  # "group" | "target_group"
    chapters: list[Chapter]
    index_alphabetical: list[IndexEntry]
    index_localities: list[IndexGroup]
    index_target_groups: list[IndexGroup]
    services_count: int
    publisher: Publisher
    data_date: dt.date | None
    created: str | None  # W3C datetime for the PDF metadata, from SOURCE_DATE_EPOCH
    site_url: str
    site_qr: str
    crisis_lines: list[CrisisLine]  # on the back cover
    fonts_css: str
    part: str  # "front" | "body" | "back": the booklet is laid out as three documents


class LeafletContext(TypedDict):
    """What ``print/leaflet.html`` receives."""

    site: Site
    language: str
    format: str  # "DL" | "A5"
    situation: LifeSituation
    services: list[ServiceEntry]
    publisher: Publisher
    data_date: dt.date | None
    created: str | None
    url: str
    qr: str
    site_url: str
    fonts_css: str


def booklet_context(cat: Catalogue, created: str | None, fonts_css: str) -> BookletContext:
    """Return the context of the printed catalogue."""
    entries = {s.id: service_entry(cat, s) for s in cat.sorted_services}
    mode = cat.site.print.chapters
    chapters = group_chapters(cat, entries) if mode == "group" else target_group_chapters(cat, entries)
    site_url = str(cat.site.base_url)
    return BookletContext(
        site=cat.site,
        language=cat.site.language,
        format=cat.site.print.format,
        chapter_mode=mode,
        chapters=chapters,
        index_alphabetical=alphabetical_index(entries),
        index_localities=locality_index(cat, entries),
        index_target_groups=target_group_index(cat, entries),
        services_count=len(entries),
        publisher=publisher(cat.site),
        data_date=cat.data_date,
        created=created,
        site_url=site_url,
        site_qr=qr_src(site_url),
        crisis_lines=crisis_lines(cat.site),
        fonts_css=fonts_css,
        part="body",
    )


def leaflet_context(cat: Catalogue, situation: LifeSituation, created: str | None, fonts_css: str) -> LeafletContext:
    """Return the context of one life situation's leaflet."""
    url = absolute(cat.site.base_url, url_for("life-situations", situation.id))
    ids = cat.services_by_life_situation.get(situation.id, [])
    return LeafletContext(
        site=cat.site,
        language=cat.site.language,
        format=cat.site.print.leaflet_format,
        situation=situation,
        services=[service_entry(cat, cat.services[sid], with_qr=False) for sid in ids],
        publisher=publisher(cat.site),
        data_date=cat.data_date,
        created=created,
        url=url,
        qr=qr_src(url),
        site_url=str(cat.site.base_url),
        fonts_css=fonts_css,
    )
