"""The search step of the build: the Pagefind bundle and the did-you-mean vocabulary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..render.i18n import translations
from .browser import pagefind_files, vocabulary_files
from .documents import build_documents
from .suggest import site_vocabulary

if TYPE_CHECKING:
    from ..pipeline import OutputContext


def write_search(context: OutputContext) -> None:
    """Add ``pagefind/`` and ``search/`` to the site; runs after the pages, in build and serve."""
    cat = context.catalogue
    docs = build_documents(cat, translations(cat.site.language).gettext, context.check)
    for path, data in pagefind_files(docs, cat.site.language, check=context.check).items():
        context.tree.add(path, data, "search index")
    context.check()
    for path, data in vocabulary_files(site_vocabulary(cat, docs)).items():
        context.tree.add(path, data, "search vocabulary")
