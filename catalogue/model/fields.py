"""Scalar field types: how a value written in YAML becomes a number, date, phone or URL.

The strict loader hands every scalar over as text; plain (unquoted) text is a
:class:`~catalogue.load.yamlstrict.Plain`. These validators accept a plain scalar
for numbers, booleans and dates, and refuse quoted ones, so ``count: "12"`` is an
error while ``ico: 00845451`` stays the text it looks like.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..load.content import SLUG_RE
from ..load.yamlstrict import Plain

_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_FLOAT_RE = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = {"true", "yes", "ano"}
_FALSE = {"false", "no", "ne"}


def _fail(kind: str, message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, ctx or None)


def _as_int(value: Any) -> Any:
    if isinstance(value, Plain) and _INT_RE.match(value):
        return int(value)
    if isinstance(value, str):
        shown = f'"{value}"' if not isinstance(value, Plain) else value
        raise _fail("whole_number", "{shown} is not a whole number; write digits without quotes, e.g. 12", shown=shown)
    return value


def _as_float(value: Any) -> Any:
    if isinstance(value, Plain) and _FLOAT_RE.match(value):
        return float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        raise _fail("decimal_number", '"{value}" is not a number; write e.g. 50.2163 (a dot, no quotes)', value=str(value))
    return value


def _as_bool(value: Any) -> Any:
    if isinstance(value, Plain):
        word = value.lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    if isinstance(value, str):
        raise _fail("yes_no", '"{value}" is not yes or no; write true or false without quotes', value=str(value))
    return value


def _as_date(value: Any) -> Any:
    if isinstance(value, str):
        if _DATE_RE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise _fail("date", '"{value}" is not a date; write YYYY-MM-DD, e.g. 2026-09-01', value=str(value))
    return value


Int = Annotated[int, BeforeValidator(_as_int)]
Float = Annotated[float, BeforeValidator(_as_float)]
Bool = Annotated[bool, BeforeValidator(_as_bool)]
Date = Annotated[dt.date, BeforeValidator(_as_date), WithJsonSchema({"type": "string", "format": "date"})]


def _nonblank(value: str) -> str:
    value = value.strip()
    if not value:
        raise _fail("blank", "must not be empty")
    return value


# A plain scalar is a str subclass, which strict str accepts and stores as its own text:
# ``00845451`` and ``+420…`` stay exactly as written.
Text = Annotated[str, AfterValidator(_nonblank)]
Markdown = str


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise _fail(
            "slug",
            '"{value}" is not an id; use lowercase letters a-z, digits and hyphens, e.g. charita-lysa',
            value=value,
        )
    return value


Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern})]

# --- identifiers with checksums -------------------------------------------------

_ICO_RE = re.compile(r"^\d{8}$")


def ico_checksum_ok(ico: str) -> bool:
    """Return whether an 8-digit IČO has the right check digit (mod 11, weights 8..2)."""
    total = sum(int(d) * w for d, w in zip(ico[:7], range(8, 1, -1)))
    return (11 - total % 11) % 10 == int(ico[7])


def _ico(value: str) -> str:
    compact = value.replace(" ", "")
    if not _ICO_RE.match(compact):
        raise _fail("ico", '"{value}" is not an IČO; it has 8 digits, e.g. "00845451"', value=value)
    if not ico_checksum_ok(compact):
        raise _fail("ico_checksum", '"{value}" fails the IČO checksum; check the digits', value=value)
    return compact


Ico = Annotated[str, AfterValidator(_ico), WithJsonSchema({"type": "string", "pattern": r"^\d{8}$"})]

_REGISTRY_RE = re.compile(r"^\d{7}$")


def _registry_id(value: str) -> str:
    if not _REGISTRY_RE.match(value):
        raise _fail("registry_id", '"{value}" is not a registry id; it has 7 digits, e.g. "4139471"', value=value)
    return value


RegistryId = Annotated[str, AfterValidator(_registry_id), WithJsonSchema({"type": "string", "pattern": r"^\d{7}$"})]

# --- contacts ------------------------------------------------------------------

_PHONE_CHARS_RE = re.compile(r"^\+?[0-9 ]+$")


def phone_digits(phone: str) -> str:
    """Return the number as a ``tel:`` link wants it: ``+420123456789``."""
    digits = phone.replace(" ", "")
    if digits.startswith("+"):
        return digits
    if len(digits) == 9:
        return "+420" + digits
    return digits


def _phone(value: str) -> str:
    value = " ".join(value.split())
    digits = value.replace(" ", "").lstrip("+")
    valid = bool(_PHONE_CHARS_RE.match(value)) and (
        (value.startswith("+") and 8 <= len(digits) <= 15)
        or (not value.startswith("+") and (len(digits) == 9 or (digits.startswith("1") and 3 <= len(digits) <= 6)))
    )
    if not valid:
        raise _fail(
            "phone",
            '"{value}" is not a phone number; write e.g. +420 325 551 234, 325 551 234 or a short line like 116 123',
            value=value,
        )
    return value


Phone = Annotated[str, AfterValidator(_phone), WithJsonSchema({"type": "string", "pattern": r"^\+?[0-9 ]+$"})]

_EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def _email(value: str) -> str:
    value = value.strip()
    if not _EMAIL_RE.match(value):
        raise _fail("email", '"{value}" is not an e-mail address; write e.g. poradna@example.org', value=value)
    return value


Email = Annotated[str, AfterValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]

_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s<>\"]*)?$", re.IGNORECASE)


def _url(value: str) -> str:
    value = value.strip()
    if not _URL_RE.match(value):
        raise _fail(
            "url",
            '"{value}" is not a web address; write it in full with http:// or https://, e.g. https://www.example.org',
            value=value,
        )
    return value


Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]


def one_or_many(value: Any) -> Any:
    """Let an editor write a single value where a list is allowed."""
    if isinstance(value, str):
        return [value]
    return value


def field(description: str, **kwargs: Any) -> Any:
    """Declare a field with its Czech description (shown in VS Code and the editors' guide)."""
    return Field(description=description, **kwargs)
