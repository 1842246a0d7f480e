"""Everything search finds: the catalogue's documents, then the community plans' (both searches read this)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..index import Catalogue
from ..outputs.context import RecordPrints
from .analysed import AnalysisCache
from .documents import SearchDocument, catalogue_documents
from .plan_documents import plan_documents
from .synonyms import catalogue_synonyms


def build_documents(
    cat: Catalogue,
    gettext: Callable[[str], str],
    check: Callable[[], None] = lambda: None,
    cache: Path | None = None,
    prints: RecordPrints | None = None,
) -> list[SearchDocument]:
    """Return the search documents of a publishable catalogue and its plans, in a stable order.

    Each document is analysed only when its fields changed since the last run (kept in memory,
    and in ``cache`` when given: :mod:`.analysed`); with ``prints``, a service whose inputs did
    not change gets its fields from the last run too.
    """
    analyser = AnalysisCache(catalogue_synonyms(cat), cache)
    docs = catalogue_documents(cat, gettext, analyser, check, prints) + plan_documents(cat, cat.planning, gettext, analyser)
    analyser.save()
    return docs
