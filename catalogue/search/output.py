"""The search step of the build: the browser's index, the did-you-mean vocabulary, the places' parents."""

from __future__ import annotations

import json

from ..index import Catalogue
from ..outputs.context import OutputContext
from ..render.i18n import translations
from ..render.views import place_in
from ..workers import give_back_memory, paused_gc
from .analysed import forget as forget_analysis
from .browser import SEARCH_FOLDER, index_files
from .corpus import build_documents
from .suggest import cached_vocabulary, forget as forget_vocabulary
from .synonyms import catalogue_synonyms


def write_search(context: OutputContext) -> None:
    """Add ``search/`` to the site; runs after the pages, in build and serve."""
    with paused_gc():  # a million postings beside a catalogue of a million objects: the collector would walk them all
        _write_search(context)
    if context.once:  # what the live preview keeps for its next render would only weigh on the build's later steps
        forget_vocabulary()
        give_back_memory()


def _write_search(context: OutputContext) -> None:
    cat = context.catalogue
    folder = context.cache / "search" if context.cache else None
    docs = build_documents(cat, translations(cat.site.language).gettext, context.check, folder, context.prints)
    if context.once:  # saved: the index below is made beside some 50 MB less
        forget_analysis()
    context.check()
    shards = cached_vocabulary(cat, docs, folder)
    for path, data in index_files(docs, shards, catalogue_synonyms(cat), context.check).items():
        context.tree.add(path, data, "search index")
    context.tree.add(f"{SEARCH_FOLDER}/places.json", places_file(cat), "search places")


def places_file(cat: Catalogue) -> bytes:
    """Each locality's parent ("" for none), name and "in" phrase (``views.place_in``, "" for none): the
    search page finds what serves a place its form does not offer (``queries.locality_filter``) from
    these, and names it; fetched only for such a place."""
    _ = translations(cat.site.language).gettext
    places = {
        lid: [loc.parent if loc.parent in cat.localities else "", loc.name, place_in(loc, _) or ""]
        for lid, loc in sorted(cat.localities.items())
    }
    return json.dumps(places, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
