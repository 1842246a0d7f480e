"""UI translations: gettext catalogues in ``catalogue/locale/<lang>/LC_MESSAGES/messages.po``.

Message ids are English; the .po files are compiled in memory with Babel, so
translators edit text files only and no binary .mo is committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.lexer import TOKEN_DOT, TOKEN_LPAREN, TOKEN_NAME, TOKEN_RPAREN, TOKEN_STRING, Token, TokenStream
from markupsafe import Markup

from ..messages.core import LOCALE_DIR, translations  # noqa: F401  (the site and the messages share catalogues)





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


class ConstantGettext(Extension):
    """Translate ``_("a constant")`` once, when a template is compiled, instead of on every page.

    Jinja's new-style gettext runs four calls per string per page (the national site:
    150,000 of them). A call with one string literal and nothing else is rewritten into
    ``_constant_markup("its translation")``: the same ``Markup(translation) % {}`` the
    new-style call returns, formatted once per language. (Not ``("…" | safe)``: Jinja
    folds ``"…" | safe ~ x`` into a plain string, which autoescape would then escape.)
    Calls with variables, and templates without autoescape, stay as they are.
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.extend(constant_gettext=None)
        environment.globals["_constant_markup"] = Markup

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        gettext = self.environment.constant_gettext  # type: ignore[attr-defined]
        autoescape = self.environment.autoescape
        if gettext is None or not (autoescape(stream.name) if callable(autoescape) else autoescape):
            yield from stream
            return
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            translated = _constant_call(tokens, i, gettext)
            if translated is None:
                yield tokens[i]
                i += 1
                continue
            line = tokens[i].lineno
            yield Token(line, TOKEN_NAME, "_constant_markup")
            yield Token(line, TOKEN_LPAREN, "(")
            yield Token(line, TOKEN_STRING, translated)
            yield Token(line, TOKEN_RPAREN, ")")
            i += 4


def _constant_call(tokens: list[Token], i: int, gettext: Callable[[str], str]) -> str | None:
    """Return the translation when ``tokens[i:i+4]`` are ``_ ( "literal" )`` (not an attribute ``x._``), else None."""
    if i + 3 >= len(tokens) or tokens[i].type != TOKEN_NAME or tokens[i].value not in ("_", "gettext"):
        return None
    if i and tokens[i - 1].type == TOKEN_DOT:
        return None
    lparen, literal, rparen = tokens[i + 1 : i + 4]
    if (lparen.type, literal.type, rparen.type) != (TOKEN_LPAREN, TOKEN_STRING, TOKEN_RPAREN):
        return None
    try:
        return str(Markup(gettext(literal.value)) % {})
    except (ValueError, TypeError, KeyError):  # not a valid format string: fail where Jinja would, on rendering
        return None
