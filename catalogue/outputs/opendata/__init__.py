"""Open data: the catalogue given back in the formats others read, under ``/data/`` of every build.

One module per format — ``catalogue_json`` (with its JSON Schema, ``schema``),
``csv_export``, ``hsds`` (Open Referral HSDS 3.0), ``dcat`` (the DCAT-AP-CZ record for
the national open-data catalogue), ``plans`` (the community plans, with their schema
from ``plan_json``) — and ``page`` for the "Otevřená data" page that
links and documents them. Every format reads the publishable catalogue only, so a
confidential place reaches none of them with more than its municipality.

``build`` runs :func:`write_open_data` as an output step; ``export``
(:mod:`catalogue.commands.export`) writes the same files on their own (:func:`export_files`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ...index import Catalogue
from ...sealed import Layered
from ...workers import give_back_memory, paused_gc
from ..context import OutputContext, RecordPrints
from .catalogue_json import catalogue_document
from .common import CSV, CSV_EXCEL, CSV_METADATA, FOLDER, HSDS, HSDS_TAXONOMIES, JSON, JSON_SCHEMA, Export, compact_json, readable_json
from .csv_export import csvw_metadata, excel_csv, rows, standard_csv
from .dcat import dcat_files
from .hsds import Hsds
from .page import render_page
from .plans import plan_files
from .schema import catalogue_schema


def json_files(ex: Export) -> dict[str, bytes]:
    return {JSON: compact_json(catalogue_document(ex)), JSON_SCHEMA: readable_json(catalogue_schema(ex.url(JSON_SCHEMA)))}


def csv_files(ex: Export) -> dict[str, bytes]:
    table = rows(ex)
    return {CSV: standard_csv(table), CSV_EXCEL: excel_csv(table), CSV_METADATA: csvw_metadata(ex)}


def hsds_files(ex: Export) -> dict[str, bytes]:
    hsds = Hsds(ex)
    return {HSDS: hsds.services(), HSDS_TAXONOMIES: readable_json(hsds.taxonomy_list())}


FORMATS: dict[str, Callable[[Export], dict[str, bytes]]] = {
    "json": json_files,
    "csv": csv_files,
    "hsds": hsds_files,
    "dcat": dcat_files,
    "plan": plan_files,
}


def _never() -> None:
    return None


def export_files(
    cat: Catalogue,
    formats: Iterable[str] = FORMATS,
    check: Callable[[], None] = _never,
    prints: RecordPrints | None = None,
    cache: Path | None = None,
) -> dict[str, bytes]:
    """Return the files of ``formats`` (site path under ``data/`` → bytes) of the publishable catalogue.

    ``check`` is called between formats, so the live preview can stop work it will not serve.
    With ``prints`` (what the build read) and a ``cache`` file, each service's part of every
    format is kept there (sealed), and taken from the last build's when its inputs are the same.
    """
    files: dict[str, bytes] = {}
    with paused_gc():  # hundreds of thousands of short-lived dicts beside a catalogue of a million objects
        kept = Layered(cache if prints is not None else None)
        ex = Export(cat, prints, kept.entries)
        for name in FORMATS:
            if name in formats:
                check()
                files.update(FORMATS[name](ex))
        if prints is not None and (ex.remade or ex.made.keys() != ex.kept.keys()):
            kept.save(ex.made)
    return files


def write_open_data(context: OutputContext) -> None:
    """Add ``data/`` and the "Otevřená data" page to the site; runs after the pages, in build and serve."""
    cache = context.cache / "opendata" / "services.pickle" if context.cache else None
    files = export_files(context.catalogue, check=context.check, prints=context.prints, cache=cache)
    for path, data in sorted(files.items()):
        context.tree.add(path, data, f"open data {path.removeprefix(FOLDER + '/')}")
    url, html = render_page(context.catalogue, files, context.theme)
    context.tree.add(url, html, "open-data page")
    if context.once:  # the parts of every format, and the cache they were pickled into, are gone
        give_back_memory()
