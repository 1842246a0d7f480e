"""Which service each Pagefind result is, without loading the result: ``search/ids.json``.

A Pagefind result names its page by a hash (``result.id``, the name of its fragment
file); what the page is — its URL — is inside the fragment, one download per result.
Sorting a thousand results by distance, or putting them on a map, cannot wait for a
thousand downloads, so after the index is made this step reads every fragment once
and writes hash → position of the service in ``map/services.json``.
"""

from __future__ import annotations

import gzip
import json

from ..outputs.context import OutputContext
from ..outputs.mapdata import dump, service_order
from ..render.urls import url_for
from .browser import PAGEFIND_FOLDER, SEARCH_FOLDER

SIGNATURE = b"pagefind_dcd"  # what Pagefind 1.5 writes before the JSON of a fragment (pinned in pyproject.toml)
FRAGMENTS = f"{PAGEFIND_FOLDER}/fragment/"


def write_result_ids(context: OutputContext) -> None:
    """Add ``search/ids.json``: Pagefind's hash of each service's record → its row in ``map/services.json``."""
    cat = context.catalogue
    rows = {url_for("services", sid): i for i, sid in enumerate(service_order(cat))}
    ids: dict[str, int] = {}
    for path, data in context.tree.files.items():
        if path.startswith(FRAGMENTS) and path.endswith(".pf_fragment"):
            url = fragment_url(data)
            if url in rows:
                ids[path[len(FRAGMENTS) : -len(".pf_fragment")]] = rows[url]
    context.tree.add(f"{SEARCH_FOLDER}/ids.json", dump(ids), "search result ids")


def fragment_url(data: bytes) -> str | None:
    """Return the URL a Pagefind fragment describes (None when it is not one)."""
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        return None
    return json.loads(raw[len(SIGNATURE) :]).get("url")
