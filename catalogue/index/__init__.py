"""The catalogue layer: the linked records, their lookups and queries, Czech order, redaction."""

from .collation import collate, initial
from .linked import Catalogue, Vocabularies
from .redact import publishable, redact, redact_service

__all__ = ["Catalogue", "Vocabularies", "collate", "initial", "publishable", "redact", "redact_service"]
