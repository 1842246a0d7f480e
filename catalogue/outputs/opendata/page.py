"""The "Otevřená data" page (``/otevrena-data/``): every file of ``data/``, what it holds, its columns, its terms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from ...index import Catalogue
from ...render.env import make_environment
from ...render.i18n import translations
from ...render.site import PagePlan, common_context, render_page as render_plan
from ...render.urls import url_for
from .common import CSV, CSV_EXCEL, CSV_METADATA, DCAT_CATALOGUE, DCAT_DATASET, HSDS, HSDS_TAXONOMIES, JSON, JSON_SCHEMA
from .csv_export import COLUMNS, HOURS_HELP
from .schema import SCHEMA_VERSION

TEMPLATE = "open_data.html"


@dataclass(frozen=True)
class Download:
    """A published file as the page lists it."""

    url: str  # site path, "/data/…"
    size: str  # "1,2 MB" in the site's language


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    description: str


def render_page(cat: Catalogue, files: dict[str, bytes], theme: Path | None) -> tuple[str, str]:
    """Return the page's URL and HTML, listing the files just made (with their sizes)."""
    language = cat.site.language
    env = make_environment(language, theme / "templates" if theme else None)
    gettext = translations(language).gettext
    downloads = {path: Download(f"/{path}", file_size(len(data), language)) for path, data in files.items()}
    url = url_for("open-data")
    context = {
        "files": downloads,
        "paths": {"json": JSON, "schema": JSON_SCHEMA, "csv": CSV, "excel": CSV_EXCEL, "csvw": CSV_METADATA,
                  "hsds": HSDS, "taxonomies": HSDS_TAXONOMIES, "dataset": DCAT_DATASET, "catalogue": DCAT_CATALOGUE},
        "columns": [ColumnDoc(c.name, gettext(c.description)) for c in COLUMNS],
        "hours_help": gettext(HOURS_HELP),
        "schema_version": SCHEMA_VERSION,
    }
    common = common_context(cat, None, {})
    return url, render_plan(env, PagePlan(url, TEMPLATE, context, "open-data page"), common)


def file_size(size: int, language: str) -> str:
    """Return ``850 kB`` or ``12,4 MB`` (decimal units, the locale's decimal mark)."""
    if size < 1_000_000:
        return f"{format_decimal(max(1, round(size / 1000)), locale=language)} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=language)} MB"
