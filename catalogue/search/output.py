"""The search step of the build: the Pagefind bundle, the did-you-mean vocabulary, the places' parents."""

from __future__ import annotations

import json

from ..index import Catalogue
from ..outputs.context import OutputContext
from ..render.i18n import translations
from .browser import SEARCH_FOLDER, pagefind_files, vocabulary_files
from .corpus import build_documents
from .suggest import site_vocabulary


def write_search(context: OutputContext) -> None:
    """Add ``pagefind/`` and ``search/`` to the site; runs after the pages, in build and serve."""
    cat = context.catalogue
    docs = build_documents(cat, translations(cat.site.language).gettext, context.check)
    for path, data in pagefind_files(docs, cat.site.language, check=context.check).items():
        context.tree.add(path, data, "search index")
    context.check()
    for path, data in vocabulary_files(site_vocabulary(cat, docs)).items():
        context.tree.add(path, data, "search vocabulary")
    context.tree.add(f"{SEARCH_FOLDER}/places.json", places_file(cat), "search places")


def places_file(cat: Catalogue) -> bytes:
    """Each locality's parent ("" for none) and name: the search page finds what serves a
    place its form does not offer (``queries.locality_filter``) from these, and names it;
    fetched only for such a place."""
    places = {
        lid: [loc.parent if loc.parent in cat.localities else "", loc.name] for lid, loc in sorted(cat.localities.items())
    }
    return json.dumps(places, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
