"""Everything search finds: the catalogue's documents, then the community plans' (both searches read this)."""

from __future__ import annotations

from collections.abc import Callable

from ..index import Catalogue
from .documents import SearchDocument, catalogue_documents
from .plan_documents import plan_documents
from .synonyms import catalogue_synonyms


def build_documents(cat: Catalogue, gettext: Callable[[str], str], check: Callable[[], None] = lambda: None) -> list[SearchDocument]:
    """Return the search documents of a publishable catalogue and its plans, in a stable order."""
    synonyms = catalogue_synonyms(cat)
    return catalogue_documents(cat, gettext, synonyms, check) + plan_documents(cat, cat.planning, gettext, synonyms)
