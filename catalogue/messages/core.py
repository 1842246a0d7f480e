"""What a message is: a stable code, an English template with named placeholders, its translations.

A message is said once, where a problem is found (:func:`say`), and translated when it
is shown (:func:`translate`), into the site's language. The English template is the
gettext message id, so the site's ``.po`` catalogues carry the editors' messages too.
Placeholders hold what the editor wrote (never translated) or another message (translated
in turn), so a did-you-mean inside a message speaks the same language.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import babel
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("cs", "en", "pl")  # the languages a site may have (site.language)
DEFAULT_LANGUAGE = "cs"  # before the site config is read, or when it cannot be
SOURCE_LANGUAGE = "en"  # the language of the templates
LANGUAGE_VARIABLE = "CATALOGUE_LANG"


def N_(message: str) -> str:
    """Mark ``message`` for translation; it is translated when shown."""
    return message


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a singular and a plural form (ngettext) for translation."""
    return singular, plural


@dataclass(frozen=True)
class Message:
    """One message: its code (``E-REF-MISSING``), its English template, when it is shown."""

    code: str
    template: str
    stage: str  # the key of :data:`STAGES`: where the message comes from
    plural: str | None = None  # the plural template; ``count`` picks the form

    def render(self, params: dict[str, Any], language: str) -> str:
        """Return the message in ``language`` with its placeholders filled."""
        catalogue = translations(language)
        if self.plural is None:
            template = catalogue.gettext(self.template)
        else:
            template = catalogue.ngettext(self.template, self.plural, int(params.get("count", 0)))
        values = {key: _shown(value, language, key) for key, value in params.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the problem: say it in English
            return self.template.format(**{key: _shown(value, SOURCE_LANGUAGE, key) for key, value in params.items()})


#: Every message by its code; filled by the definition modules as they are imported.
ALL: dict[str, Message] = {}

#: Where messages come from, for the table of messages (code prefix → what it is about).
STAGES: dict[str, str] = {
    "file": N_("reading the files"),
    "field": N_("checking a field"),
    "links": N_("checking the links between records"),
    "plan": N_("checking a community plan"),
    "output": N_("building the site or the PDFs"),
    "command": N_("the commands"),
    "part": "",  # a part of other messages (a did-you-mean, a noun): not listed in the table
}


def define(code: str, template: str | tuple[str, str], stage: str) -> Message:
    """Register a message; a code is defined once."""
    if code in ALL:
        raise ValueError(f"message code {code} is defined twice")
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage} of message {code}")
    singular, plural = template if isinstance(template, tuple) else (template, None)
    message = Message(code, singular, stage, plural)
    ALL[code] = message
    return message


class Said(str):
    """A message with its values: reads as English, translated by :func:`translate`."""

    message: Message
    params: dict[str, Any]

    def __new__(cls, message: Message, params: dict[str, Any]) -> "Said":
        said = super().__new__(cls, message.render(params, SOURCE_LANGUAGE))
        said.message = message
        said.params = params
        return said

    def __reduce__(self) -> tuple:
        return _revive, (self.message.code, self.params)  # the record cache stores code and values

    @property
    def code(self) -> str:
        return self.message.code

    def translated(self, language: str) -> str:
        return self.message.render(self.params, language)


def _revive(code: str, params: dict[str, Any]) -> str:
    message = ALL.get(code)
    return Said(message, params) if message is not None else code


def say(message: Message, /, **params: Any) -> Said:
    """Return ``message`` with its placeholders' values, to translate when shown."""
    return Said(message, params)


def translate(text: str, language: str) -> str:
    """Return ``text`` in ``language``: a said message translated, any other text as it is."""
    return text.translated(language) if isinstance(text, Said) else str(text)


class ListOf(tuple):
    """Said parts shown as a list: ``a, b, c`` in the language of the message around them."""


#: Placeholders that hold sizes and limits: grouped by thousands as the language writes them (24 000 znaků).
GROUPED = ("size", "limit", "length")


def _shown(value: Any, language: str, key: str = "") -> Any:
    if key in GROUPED and type(value) is int and value >= 10_000 and language != SOURCE_LANGUAGE:
        return format_decimal(value, locale=language).replace("\xa0", " ")  # English says 24,000 by its template
    if isinstance(value, Said):
        return value.translated(language)
    if isinstance(value, ListOf):
        return ", ".join(str(_shown(v, language)) for v in value)
    return value


@lru_cache(maxsize=8)
def translations(language: str) -> NullTranslations:
    """Return the compiled translations for ``language`` (English needs none)."""
    po = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    try:
        source = po.read_bytes()
    except OSError:
        return NullTranslations()
    return _compiled(language, source)


def _compiled(language: str, source: bytes) -> Translations:
    """Return the ``.po`` file ``source`` compiled (``.mo``), kept in the user's cache folder under its hash.

    Parsing and compiling a catalogue of a thousand messages takes about 0.1 s, and every
    command shows a message (``check`` two languages: English as said, the site's as shown).
    A compiled file that cannot be read or written only means compiling again.
    """
    digest = hashlib.sha256(source + f"\0babel {babel.__version__}".encode()).hexdigest()[:32]
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "catalogue"  # as sealed.key_path
    path = folder / f"messages-{language}-{digest}.mo"
    try:
        return Translations(io.BytesIO(path.read_bytes()))
    except (OSError, ValueError, struct.error, UnicodeDecodeError):  # none yet, or damaged: compiled again
        pass
    from babel.messages.mofile import write_mo  # only when compiling
    from babel.messages.pofile import read_po

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(source), locale=language))
    data = buffer.getvalue()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"messages-{language}-*.mo"):  # of an earlier version of the catalogue
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".messages-{language}-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass
    return Translations(io.BytesIO(data))


def choose_language(option: str | None = None, site: str | None = None) -> str:
    """Return the language of messages: ``--lang``, then ``CATALOGUE_LANG``, then the site's, then Czech."""
    for candidate in (option, os.environ.get(LANGUAGE_VARIABLE), site):
        if candidate and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return DEFAULT_LANGUAGE
