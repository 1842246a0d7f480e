"""Scalar field types: how a value written in YAML becomes a number, date, phone or URL.

The strict loader hands every scalar over as text; plain (unquoted) text is a
:class:`~catalogue.load.yamlstrict.Plain`. These validators accept a plain scalar
for numbers, booleans and dates, and refuse quoted ones, so ``count: "12"`` is an
error while ``ico: 00845451`` stays the text it looks like.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import shorten
from ..messages import fields as said
from ..messages.core import Message, Said
from ..load.content import ID_MAX, SLUG_RE
from ..load.yamlstrict import Plain

_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_FLOAT_RE = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = {"true", "yes", "ano"}
_FALSE = {"false", "no", "ne"}


def fail(message: Message, **ctx: Any) -> PydanticCustomError:
    """Return the error for ``message``: its code is the error's type, the check says it in the site's language."""
    # A message quotes what the editor wrote, but never a whole pasted book of it.
    ctx = {key: shorten(value) if isinstance(value, str) and not isinstance(value, Said) else value for key, value in ctx.items()}
    return PydanticCustomError(message.code, message.template, ctx or None)


def _as_int(value: Any) -> Any:
    if isinstance(value, Plain) and _INT_RE.match(value):
        return int(value)
    if isinstance(value, str):
        shown = f'"{value}"' if not isinstance(value, Plain) else value
        raise fail(said.WHOLE_NUMBER, shown=shown)
    return value


def _as_float(value: Any) -> Any:
    if isinstance(value, Plain) and _FLOAT_RE.match(value):
        return float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        raise fail(said.DECIMAL_NUMBER, value=str(value))
    return value


def _as_bool(value: Any) -> Any:
    if isinstance(value, Plain):
        word = value.lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    if isinstance(value, str):
        raise fail(said.YES_NO, value=str(value))
    return value


def _as_date(value: Any) -> Any:
    if isinstance(value, str):
        if _DATE_RE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise fail(said.DATE, value=str(value))
    return value


Int = Annotated[int, BeforeValidator(_as_int)]
Float = Annotated[float, BeforeValidator(_as_float)]
Bool = Annotated[bool, BeforeValidator(_as_bool)]
Date = Annotated[dt.date, BeforeValidator(_as_date), WithJsonSchema({"type": "string", "format": "date"})]


def _nonblank(value: str) -> str:
    value = value.strip()
    if not value:
        raise fail(said.BLANK)
    return value


# --- text, and how long it may be --------------------------------------------------
# Limits far above any real record, so that a pasted book (a 10 MB name is on every
# page that lists the service) fails the check instead of building a huge site.

NAME_MAX = 200  # names, titles, address parts, vocabulary terms
TEXT_MAX = 1_000  # a sentence or a note: summaries, notes, fees, short descriptions
MARKDOWN_MAX = 20_000  # a description or a life situation's advice, about ten printed pages
PAGE_MAX = 100_000  # a free page
MARKDOWN_DEPTH = 10  # lists and quotes inside each other; the renderer recurses once per level
TOO_LONG = said.TOO_LONG.template
TOO_DEEP = said.TOO_DEEP.template

# A plain scalar is a str subclass, which strict str accepts and stores as its own text:
# ``00845451`` and ``+420…`` stay exactly as written. The length is checked first, so
# no other rule ever runs over a huge value.
Name = Annotated[str, StringConstraints(max_length=NAME_MAX), AfterValidator(_nonblank)]
Text = Annotated[str, StringConstraints(max_length=TEXT_MAX), AfterValidator(_nonblank)]

# What may open a nesting level at the start of a Markdown line: indentation (4 columns
# a level), a quote marker, a list marker. Counting every one over-estimates the depth
# Python-Markdown reaches, so a text within the limit always renders (see tests/test_fuzz.py).
_NESTING_RE = re.compile(r"(?:[ \t]|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*")
_MARKER_RE = re.compile(r">|[-*+]|\d{1,9}[.)]")


def markdown_nesting(text: str) -> tuple[int, int]:
    """Return the deepest nesting a Markdown text can open, and the (1-based) line where it does."""
    deepest, where = 0, 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line or not (line[0] in " \t>-*+" or line[0].isdigit()):
            continue
        prefix = _NESTING_RE.match(line.expandtabs(4)).group()  # type: ignore[union-attr]
        depth = len(_MARKER_RE.findall(prefix)) + prefix.count(" ") // 4
        if depth > deepest:
            deepest, where = depth, number
    return deepest, where


def _markdown(value: str) -> str:
    depth, line = markdown_nesting(value)
    if depth > MARKDOWN_DEPTH:
        raise fail(said.TOO_DEEP, depth=depth, line=line, limit=MARKDOWN_DEPTH)
    return value


Markdown = Annotated[str, StringConstraints(max_length=MARKDOWN_MAX), AfterValidator(_markdown)]
PageMarkdown = Annotated[str, StringConstraints(max_length=PAGE_MAX), AfterValidator(_markdown)]



def _named(value: str) -> str:
    if not any(c.isalpha() for c in value):
        raise fail(said.NO_LETTER, value=value)
    return value


def _sentence(value: str) -> str:
    # Markdown marks and punctuation are not words: "**ano**" and "yes." are one word too.
    words = re.findall(r"\w+", value)
    if len(words) == 1 and value.strip():
        raise fail(said.ONE_WORD, value=value.strip())
    return value


# What names a service, provider, place or term needs a letter: "123" or "-" was meant elsewhere.
ProperName = Annotated[str, StringConstraints(max_length=NAME_MAX), AfterValidator(_nonblank), AfterValidator(_named)]
# A description or a summary is prose: one word ("yes", "ano", "TODO") is a slip, not a text.
Prose = Annotated[str, StringConstraints(max_length=TEXT_MAX), AfterValidator(_nonblank), AfterValidator(_sentence)]
MarkdownProse = Annotated[
    str, StringConstraints(max_length=MARKDOWN_MAX), AfterValidator(_markdown), AfterValidator(_sentence)
]


def _slug(value: str) -> str:
    if not SLUG_RE.match(value):
        raise fail(said.SLUG, value=value)
    return value


Slug = Annotated[
    str,
    StringConstraints(max_length=ID_MAX),
    AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "maxLength": ID_MAX}),
]


def _term(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise fail(said.BLANK)
    return value


# A term of a vocabulary by its id (beds) or by its name as the site shows it (lůžka): the
# check turns a name into the id once the vocabularies are read (validate/terms.py).
TermRef = Annotated[
    str,
    StringConstraints(max_length=NAME_MAX),
    AfterValidator(_term),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": NAME_MAX}),
]

# --- identifiers with checksums -------------------------------------------------

_ICO_RE = re.compile(r"^\d{8}$")


def ico_checksum_ok(ico: str) -> bool:
    """Return whether an 8-digit IČO has the right check digit (mod 11, weights 8..2)."""
    total = sum(int(d) * w for d, w in zip(ico[:7], range(8, 1, -1)))
    return (11 - total % 11) % 10 == int(ico[7])


def _ico(value: str) -> str:
    compact = value.replace(" ", "")
    if not _ICO_RE.match(compact):
        raise fail(said.ICO, value=value)
    if not ico_checksum_ok(compact):
        raise fail(said.ICO_CHECKSUM, value=value)
    return compact


Ico = Annotated[str, AfterValidator(_ico), WithJsonSchema({"type": "string", "pattern": r"^\d{8}$"})]

_REGISTRY_RE = re.compile(r"^\d{7}$")


def _registry_id(value: str) -> str:
    if not _REGISTRY_RE.match(value):
        raise fail(said.REGISTRY_ID, value=value)
    return value


RegistryId = Annotated[str, AfterValidator(_registry_id), WithJsonSchema({"type": "string", "pattern": r"^\d{7}$"})]

# --- contacts ------------------------------------------------------------------

_PHONE_NUMBER_RE = re.compile(r"^(\+|00)?[0-9][0-9 /.-]*[0-9]")
_EXTENSION_RE = re.compile(r"^[,;]?\s*(?:linka|linky|l\.|kl\.|klapka|ext\.?)\s*([0-9]{1,6})\b\.?", re.IGNORECASE)


# Polish mobile and non-geographic numbers are written 601 234 567 and 800 120 002; the others
# are a 2-digit area code and the line (12 345 67 89).
_PL_MOBILE = ("30", "45", "50", "51", "53", "57", "60", "66", "69", "70", "72", "73", "78", "79", "80", "88")


def _group_national(digits: str, calling: str = "420") -> str:
    if calling == "48" and not digits.startswith(_PL_MOBILE):
        return f"{digits[:2]} {digits[2:5]} {digits[5:7]} {digits[7:]}"
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


#: The calling code of each country a catalogue may be in (``site.country``); both have 9-digit numbers.
CALLING_CODES = {"CZ": "420", "PL": "48"}
DEFAULT_COUNTRY = "CZ"


def split_phone(value: str, country: str = DEFAULT_COUNTRY) -> tuple[str, str, str] | None:
    """Return (number in the national format, extension, note), or None when ``value`` is not a phone.

    ``596 319 683, linka 247`` → ``("+420 596 319 683", "247", "")`` in a Czech catalogue,
    ``("+48 596 319 683", …)`` in a Polish one (``country``: ``site.country``); a note after
    the number (``737 123 970 (po–pá 8–15)``) is kept as it was written.
    """
    value = " ".join(value.split())
    match = _PHONE_NUMBER_RE.match(value)
    if not match:
        return None
    raw, rest = match.group(), value[match.end():].strip()
    digits = re.sub(r"[^0-9]", "", raw)
    international = raw.startswith(("+", "00"))
    if raw.startswith("00"):
        digits = digits[2:]
    calling = next((c for c in CALLING_CODES.values() if digits.startswith(c) and len(digits) == len(c) + 9), None)
    if international and calling:
        number = f"+{calling} " + _group_national(digits[len(calling):], calling)
    elif international and 8 <= len(digits) <= 15:
        written = raw[2:] if raw.startswith("00") else raw[1:]
        number = "+" + " ".join(re.sub(r"[/.-]", " ", written).split())
    elif not international and len(digits) == 9:
        calling = CALLING_CODES.get(country, CALLING_CODES[DEFAULT_COUNTRY])
        number = f"+{calling} " + _group_national(digits, calling)
    elif not international and digits.startswith("1") and 3 <= len(digits) <= 6:
        number = " ".join(raw.split())  # a short line (116 123, 1212) is dialled as it is
    else:
        return None
    extension = ""
    ext = _EXTENSION_RE.match(rest)
    if ext:
        extension, rest = ext.group(1), rest[ext.end():].strip()
    return number, extension, rest.lstrip(",;").strip()


def phone_text(number: str, extension: str, note: str) -> str:
    """Return the one written form of a phone: ``+420 596 319 683, linka 247 (po–pá)``."""
    text = number + (f", linka {extension}" if extension else "")
    return f"{text} {note}" if note else text


@lru_cache(maxsize=1 << 14)  # every page's phone buttons ask again for the same few thousand numbers
def phone_digits(phone: str) -> str:
    """Return what a ``tel:`` link wants: ``+420596319683``, with ``;ext=247`` for an extension."""
    parts = split_phone(phone)
    if parts is None:
        return phone.replace(" ", "")
    number, extension, _ = parts
    digits = number.replace(" ", "")
    return f"{digits};ext={extension}" if extension else digits


def _phone(value: str, info: ValidationInfo) -> str:
    country = (info.context or {}).get("country", DEFAULT_COUNTRY)  # the check passes site.country
    parts = split_phone(value, country)
    if parts is None:
        example = f"+{CALLING_CODES.get(country, CALLING_CODES[DEFAULT_COUNTRY])} 325 551 234"
        raise fail(said.PHONE, value=" ".join(value.split()), example=example, national="325 551 234")
    return phone_text(*parts)


PHONE_PATTERN = r"^(\+|00)?[0-9][0-9 /.-]*[0-9]"
PHONE_MAX, EMAIL_MAX, URL_MAX = 40, 254, 2_000
Phone = Annotated[
    str, StringConstraints(max_length=PHONE_MAX), AfterValidator(_phone),
    WithJsonSchema({"type": "string", "pattern": PHONE_PATTERN, "maxLength": PHONE_MAX}),
]

_EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def is_email(value: str) -> bool:
    """Return whether ``value`` (trimmed, lower-cased) is an e-mail address the model accepts."""
    return bool(_EMAIL_RE.match(value))


def _email(value: str) -> str:
    value = value.strip().lower()  # addresses are case-blind in practice; one spelling everywhere
    if not _EMAIL_RE.match(value):
        raise fail(said.EMAIL, value=value)
    return value


Email = Annotated[
    str, StringConstraints(max_length=EMAIL_MAX), AfterValidator(_email),
    WithJsonSchema({"type": "string", "format": "email", "maxLength": EMAIL_MAX}),
]

_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s<>\"]*)?$", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def web_address(value: str) -> str:
    """Return ``value`` with a scheme: ``www.example.cz`` → ``https://www.example.cz``."""
    value = value.strip()
    if not _SCHEME_RE.match(value) and not value.startswith("//"):
        value = "https://" + value
    scheme, sep, rest = value.partition("://")
    return scheme.lower() + sep + rest if sep else value


def is_web_address(value: str) -> bool:
    """Return whether ``value``, with a scheme, is a web address the model accepts."""
    return bool(_URL_RE.match(web_address(value)))


def _url(value: str) -> str:
    address = web_address(value)
    if not _URL_RE.match(address):
        raise fail(said.URL, value=value.strip())
    return address


Url = Annotated[
    str, StringConstraints(max_length=URL_MAX), AfterValidator(_url),
    WithJsonSchema({"type": "string", "pattern": r"^(https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}", "maxLength": URL_MAX}),
]

_RUIAN_RE = re.compile(r"^\d{1,9}$")


def _ruian(value: str) -> str:
    if not _RUIAN_RE.match(value):
        raise fail(said.RUIAN, value=value)
    return value


RuianCode = Annotated[str, AfterValidator(_ruian), WithJsonSchema({"type": "string", "pattern": r"^\d{1,9}$"})]


def one_or_many(value: Any) -> Any:
    """Let an editor write a single value where a list is allowed."""
    if isinstance(value, str):
        return [value]
    return value


def field(description: str, **kwargs: Any) -> Any:
    """Declare a field with its Czech description (shown in VS Code and the editors' guide)."""
    return Field(description=description, **kwargs)
