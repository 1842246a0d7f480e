"""Typed access to one registration of the registry file: a wrong type, an unknown code-list id or a damaged value is an error naming the registration and the key."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .codelists import REQUIRED, CodeLists, Item
from .messages import Part, RegistryInputError, found

MAX_TEXT = 2000  # longer than any real name, phone or address; a longer value means a damaged file
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def clean(text: str) -> str:
    """Return text as it should have been typed: no control characters, single spaces, trimmed."""
    return " ".join(_CONTROL_RE.sub(" ", text).split())


class Reader:
    """Typed access to one registration; a wrong type or an unknown code-list id is an error."""

    def __init__(self, path: str, portal: object, lists: CodeLists, language: str) -> None:
        self.path, self.portal, self.lists, self.language = path, portal, lists, language

    def fail(self, key: str, expected: Part, value: Any) -> None:
        raise RegistryInputError(
            "item_wrong_type", self.language, path=self.path, portal=self.portal, key=key, expected=expected, found=found(value)
        )

    def text(self, data: dict, key: str, where: str, optional: bool = True) -> str | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # house numbers and postcodes come as either
        if not isinstance(value, str):
            self.fail(f"{where}{key}", Part("expected_text"), value)
        if len(value) > MAX_TEXT:
            raise RegistryInputError("item_too_long", self.language, path=self.path, portal=self.portal, key=f"{where}{key}", length=len(value), limit=MAX_TEXT)
        return clean(value) or None

    def items(self, data: dict, key: str, where: str) -> list[dict]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"{where}{key}", Part("expected_objects"), value)
        return value

    def obj(self, data: dict, key: str, where: str) -> dict | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(f"{where}{key}", Part("expected_object"), value)
        return value

    def date(self, data: dict, key: str, where: str) -> dt.date | None:
        value = self.text(data, key, where)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            self.fail(f"{where}{key}", Part("expected_date"), value)
        return None

    def ref(self, data: dict, key: str, where: str, required: bool = False) -> Item | None:
        """Return the code-list item a ``{"id": "List/N"}`` reference names."""
        value = self.obj(data, key, where)
        if value is None:
            if required:
                self.fail(f"{where}{key}", Part("expected_reference"), None)
            return None
        ident = value.get("id")
        if not isinstance(ident, str):
            self.fail(f"{where}{key}.id", Part("expected_text"), ident)
        item = self.lists.get(ident)
        prefix = ident.split("/", 1)[0]
        if item is None and (prefix in REQUIRED or self.lists.has_list(prefix)):  # an optional list, once given, is checked too
            raise RegistryInputError(
                "item_unknown_id", self.language, path=self.path, portal=self.portal, key=f"{where}{key}", value=ident, file=self.lists.file_of(prefix)
            )
        return item


def portal_id_of(item: Any, index: int, path: str, language: str) -> int:
    """Return the registration's ``portalId``; an item without one is an error."""
    if not isinstance(item, dict):
        raise RegistryInputError("item_not_object", language, path=path, index=index + 1, found=found(item))
    portal = item.get("portalId")
    if not isinstance(portal, int) or isinstance(portal, bool) or portal < 1:
        ident = item.get("identifikator")
        raise RegistryInputError("item_no_portal_id", language, path=path, index=index + 1, ident=ident if isinstance(ident, str) else "?")
    return portal
