"""Which service each search result is, without loading the result: ``search/ids.json``.

A result of the browser's search is a document number (``h.doc``); what the document
is — its URL — is in ``search/doc/<n>.json``, one download per result. Sorting a
thousand results by distance, or putting them on a map, cannot wait for a thousand
downloads, so after the index is made this step reads every document's file once and
writes document number → position of the service in ``map/services.json``.
"""

from __future__ import annotations

import json

from ..outputs.context import OutputContext
from ..outputs.mapdata import dump, service_order
from ..render.urls import url_for
from .browser import SEARCH_FOLDER

DOCS = f"{SEARCH_FOLDER}/doc/"


def write_result_ids(context: OutputContext) -> None:
    """Add ``search/ids.json``: each service's document number → its row in ``map/services.json``."""
    cat = context.catalogue
    rows = {url_for("services", sid): i for i, sid in enumerate(service_order(cat))}
    ids: dict[str, int] = {}
    for path, data in context.tree.files.items():
        if path.startswith(DOCS) and path.endswith(".json"):
            url = json.loads(data).get("url")
            if url in rows:
                ids[path[len(DOCS) : -len(".json")]] = rows[url]
    context.tree.add(f"{SEARCH_FOLDER}/ids.json", dump(ids), "search result ids")
