"""The "Otevřená data" page (``/otevrena-data/``): every file of ``data/``, what it holds, its columns, its terms.

Made by the open-data output step once the files exist, so it can say how large
each one is; like the editors' report and ``/admin/``, it is not in the page plan,
and since that step runs after every build and every change in the live preview,
the page needs no dependency keys. It is a page of the citizens' site all the same
(``base.html``, the shared context), rendered by the same engine as the planned pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from babel.numbers import format_decimal

from ...index import Catalogue
from ...render.context import common_context
from ...render.engine import render_template
from ...render.env import make_environment
from ...render.i18n import translations
from ...render.urls import url_for
from .common import CSV, CSV_EXCEL, CSV_METADATA, DCAT_CATALOGUE, DCAT_DATASET, HSDS, HSDS_TAXONOMIES, JSON, JSON_SCHEMA
from .csv_export import COLUMNS, HOURS_HELP
from .plans import PLAN_JSON, PLAN_SCHEMA
from .schema import SCHEMA_VERSION

TEMPLATE = "opendata/page.html"


@dataclass(frozen=True)
class Download:
    """A published file as the page lists it."""

    url: str  # site path, "/data/…"
    size: str  # "1,2 MB" in the site's language


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    description: str


class OpenDataPage(TypedDict):
    """What ``opendata/page.html`` shows, besides the shared context."""

    files: dict[str, Download]  # path ("data/katalog.json") → its URL and size, of the files just made
    paths: dict[str, str]  # what the template names a file ("json", "csv", …) → its path
    columns: list[ColumnDoc]  # the CSV's columns, in order, described in the site's language
    hours_help: str
    schema_version: str
    data_date: dt.date | None  # the newest verification date ("data as of")


def open_data_page(cat: Catalogue, files: dict[str, bytes]) -> OpenDataPage:
    """Return the page's context: the files just made (with their sizes) and what documents them."""
    language = cat.site.language
    gettext = translations(language).gettext
    return OpenDataPage(
        files={path: Download(f"/{path}", file_size(len(data), language)) for path, data in files.items()},
        paths={"json": JSON, "schema": JSON_SCHEMA, "csv": CSV, "excel": CSV_EXCEL, "csvw": CSV_METADATA,
               "hsds": HSDS, "taxonomies": HSDS_TAXONOMIES, "dataset": DCAT_DATASET, "catalogue": DCAT_CATALOGUE,
               "plan": PLAN_JSON, "plan_schema": PLAN_SCHEMA},
        columns=[ColumnDoc(c.name, gettext(c.description)) for c in COLUMNS],
        hours_help=gettext(HOURS_HELP),
        schema_version=SCHEMA_VERSION,
        data_date=cat.data_date,
    )


def render_page(cat: Catalogue, files: dict[str, bytes], theme: Path | None) -> tuple[str, str]:
    """Return the page's URL and HTML, listing the files just made (with their sizes)."""
    env = make_environment(cat.site.language, theme / "templates" if theme else None)
    url = url_for("open-data")
    return url, render_template(env, TEMPLATE, url, open_data_page(cat, files), common_context(env, cat, None, {}))


def file_size(size: int, language: str) -> str:
    """Return ``850 kB`` or ``12,4 MB`` (decimal units, the locale's decimal mark)."""
    if size < 1_000_000:
        return f"{format_decimal(max(1, round(size / 1000)), locale=language)} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=language)} MB"
