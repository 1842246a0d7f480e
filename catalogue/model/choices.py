"""Enumerated values as editors type them: the Czech word the site shows, or the id.

``forms: [terénní]``, ``level: část obce`` and ``kind: registrovaná`` mean the same
as ``field``, ``part`` and ``registered``: an editor copies what the site shows, and
the model keeps the id. Case, diacritics and spacing do not matter (``Terenni``).
Messages list the Czech words first, the ids after them.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Annotated, Any, get_args

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..messages import fields as said
from ..messages.core import say
from ..errors import SHOWN_MAX, shorten
from .words import CUTOFF, fold

#: The id → the words the site shows for it, the first one as messages name it.
FORM_WORDS: dict[str, tuple[str, ...]] = {
    "residential": ("pobytová",),
    "outpatient": ("ambulantní",),
    "field": ("terénní",),
}
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "registered": ("registrovaná", "registrovaná sociální služba"),
    "related": ("související", "související aktivita"),
}
LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "region": ("kraj",),
    "district": ("okres", "ORP", "obec s rozšířenou působností"),
    "municipality": ("obec", "město"),
    "city-district": ("městská část", "městský obvod"),
    "part": ("část obce",),
    "neighbourhood": ("čtvrť",),
}
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "counselling": ("poradenství", "sociální poradenství"),
    "care": ("péče", "služby sociální péče"),
    "prevention": ("prevence", "služby sociální prevence"),
    "related": ("související aktivity", "související"),
}

UNKNOWN_CHOICE = said.CHOICE.template


def choices_text(words: Mapping[str, tuple[str, ...]]) -> str:
    """Return ``pobytová (residential), ambulantní (outpatient)…``: what a message offers."""
    return ", ".join(f"{names[0]} ({ident})" for ident, names in words.items())


def closest(value: str, spellings: Mapping[str, str]) -> str | None:
    """Return the key of ``spellings`` (folded spelling → shown word) nearest a mistyped ``value``."""
    found = difflib.get_close_matches(fold(value), list(spellings), n=1, cutoff=CUTOFF)
    return spellings[found[0]] if found else None


def spellings(words: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Return folded id or word → id: what ``terénní``, ``Terenni`` and ``field`` all find."""
    out: dict[str, str] = {}
    for ident, names in words.items():
        out[fold(ident)] = ident
        for name in names:
            out[fold(name)] = ident
    return out


def as_id(value: str, words: Mapping[str, tuple[str, ...]]) -> str:
    """Return the id ``value`` names by a word or its id, or ``value`` itself when it names none."""
    return spellings(words).get(fold(value), value)


def resolver(words: Mapping[str, tuple[str, ...]], what: str) -> Any:
    """Return a validator that turns a Czech word or an id into the id, or fails naming the choices."""
    by_spelling = spellings(words)
    shown: dict[str, str] = {}  # folded spelling → the word a did-you-mean offers
    for ident, names in words.items():
        shown[fold(ident)] = names[0]
        for name in names:
            shown[fold(name)] = name

    def resolve(value: Any) -> Any:
        if not isinstance(value, str):
            return value  # the Literal reports the wrong type
        ident = by_spelling.get(fold(value))
        if ident is not None:
            return ident
        near = closest(value, shown) if len(value) <= SHOWN_MAX else None  # a pasted text is no typo
        hint = say(said.DID_YOU_MEAN, name=near) if near else ""
        raise PydanticCustomError(
            said.CHOICE.code, UNKNOWN_CHOICE,
            {"value": shorten(value), "what": say(said.CHOICE_WHAT[what]), "hint": hint, "choices": choices_text(words)},
        )

    return resolve


def choice(literal: Any, words: Mapping[str, tuple[str, ...]], what: str) -> Any:
    """Return ``literal`` accepting its Czech words too; the schema offers both (VS Code completes them)."""
    ids = get_args(literal)
    missing = [i for i in ids if i not in words]
    if missing:  # a new id in the Literal without its word would show editors a bare id
        raise ValueError(f"no Czech word for {', '.join(missing)} of {what}")
    table = {i: words[i] for i in ids}
    enum = [*ids, *(name for names in table.values() for name in names)]
    return Annotated[literal, BeforeValidator(resolver(table, what)), WithJsonSchema({"type": "string", "enum": enum})]
