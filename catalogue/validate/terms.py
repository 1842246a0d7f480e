"""Terms of a vocabulary named as the site shows them: ``unit: lůžka`` for ``unit: beds``.

A service may name its type, target groups, languages and capacity unit by the
term's id or by its name (case and diacritics aside). Records are validated and
cached before the vocabularies are known to them, so the names are turned into
ids here, once the vocabularies are read, and the linked catalogue holds ids only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ..model.kinds import VOCABULARIES, VOCABULARY_FOLDER
from ..model.references import Reference
from ..model.words import fold

#: What a reference names ("capacity unit") → the vocabulary file of its terms ("capacity-units").
TERM_FILES: dict[str, str] = {v.referenced_as: v.file for v in VOCABULARIES if v.referenced_as}
LISTED = 12  # a vocabulary this small is listed whole in a message; a longer one points to the guide


def by_name(terms: Mapping[str, Any]) -> dict[str, str]:
    """Return folded id or name → term id: what ``unit: Lůžka`` and ``unit: beds`` both find."""
    out: dict[str, str] = {}
    for ident, term in terms.items():
        for name in spellings(term):
            out.setdefault(fold(name), ident)
    for ident in terms:
        out[fold(ident)] = ident  # an id wins over a name spelled like another id
    return out


def spellings(term: Any) -> list[str]:
    """Return the words the site shows for a term: its name, a unit's forms after numbers, a language's own name."""
    words = [getattr(term, "name", None), getattr(term, "native", None)]
    forms = getattr(term, "forms", None)
    if forms is not None and hasattr(forms, "given"):
        words.extend(getattr(forms, category) for category in forms.given())
    return [w for w in words if isinstance(w, str)]


def term_id(value: str, terms: Mapping[str, Any], index: Mapping[str, str] | None = None) -> str | None:
    """Return the id of the term ``value`` names by id or by name, or None."""
    if value in terms:
        return value
    return (index if index is not None else by_name(terms)).get(fold(value))


def listing(terms: Mapping[str, Any]) -> str:
    """Return ``lůžka (beds), klienti (clients)``: the terms a message offers, or "" for a long list."""
    if len(terms) > LISTED:
        return ""
    return ", ".join(f"{getattr(t, 'name', i)} ({i})" for i, t in sorted(terms.items()))


def replace_at(node: Any, loc: tuple, value: str) -> Any:
    """Return ``node`` with the value at ``loc`` (field names and list indices) replaced; records are frozen."""
    if not loc:
        return value
    head, rest = loc[0], loc[1:]
    if isinstance(node, list):
        index = head if isinstance(head, int) else 0  # one item written without its list (capacity: {…})
        items = list(node)
        items[index] = replace_at(items[index], rest if isinstance(head, int) else loc, value)
        return items
    if isinstance(node, BaseModel) and isinstance(head, str):
        return node.model_copy(update={head: replace_at(getattr(node, head), rest, value)})
    return node


def resolve_names(
    records: dict[str, dict[str, Any]], facts: Mapping[str, list[Reference]], vocab: Mapping[str, Mapping[str, Any]]
) -> None:
    """Replace, in place, each term a record names by its name with the term's id."""
    indexes = {file: by_name(terms) for file, terms in vocab.items()}
    for key, found in facts.items():
        folder, _, ident = key.partition("/")
        record = records.get(folder, {}).get(ident)
        if record is None or folder == VOCABULARY_FOLDER:
            continue
        for _, what, loc, value in found:
            file = TERM_FILES.get(what)
            if file is None or not isinstance(value, str) or value in vocab.get(file, {}):
                continue
            resolved = indexes.get(file, {}).get(fold(value))
            if resolved is not None:
                record = replace_at(record, loc, resolved)
        records[folder][ident] = record
