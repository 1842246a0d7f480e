"""UI translations: gettext catalogues in ``catalogue/locale/<lang>/LC_MESSAGES/messages.po``.

Message ids are English; the .po files are compiled in memory with Babel, so
translators edit text files only and no binary .mo is committed.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@lru_cache(maxsize=8)
def translations(language: str) -> NullTranslations:
    """Return the compiled translations for ``language`` (English needs none)."""
    po = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def date_filter(language: str):
    """Return a Jinja filter that writes a date the way the locale does (1. září 2026)."""
    locale = Locale.parse(language)

    @lru_cache(maxsize=4096)  # a few hundred distinct dates, thousands of pages
    def _format(value: dt.date | None, style: str = "long") -> str:
        if value is None:
            return ""
        return format_date(value, format=style, locale=locale)

    return _format


def number_filter(language: str):
    """Return a Jinja filter that writes a number the way the locale does (1 234,5)."""
    locale = Locale.parse(language)

    @lru_cache(maxsize=4096)
    def _format(value: float | int) -> str:
        return format_decimal(value, locale=locale)

    return _format


@lru_cache(maxsize=8)
def _plural_rule(language: str):
    return Locale.parse(language).plural_form


def plural_category(language: str, number: float | int) -> str:
    """Return the CLDR plural category of ``number`` in ``language``: one, few, many or other.

    Czech: 1 → one, 2–4 → few, 0 and 5 and more → other (many is for decimals);
    Polish: 1 → one, 2–4, 22–24… → few, 0, 5–21, 25… → many.
    """
    return _plural_rule(language)(number)
