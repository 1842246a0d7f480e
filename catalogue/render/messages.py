"""Keep the translations in step with the code: extract every UI string, update the .po files.

    python -m catalogue.render.messages          # add new strings to every language, drop unused ones

Message ids are English and come from the templates (``{{ _("…") }}``, ``{% trans %}``)
and from Python (``gettext("…")``, ``_("…")``). English gets them as they are;
translators fill the empty ``msgstr`` lines in ``catalogue/locale/<lang>/LC_MESSAGES/messages.po``.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from ..messages import table
from ..messages.core import translations
from .env import BUILTIN_TEMPLATES
from .i18n import LOCALE_DIR

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATE_METHODS = [("**.html", "jinja2"), ("**.xml", "jinja2"), ("**.txt", "jinja2"), ("**.j2", "jinja2")]
TEMPLATE_OPTIONS = {"**": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "trimmed": "false"}}
PYTHON_METHODS = [("**.py", "python")]
KEYWORDS = {**DEFAULT_KEYWORDS, "Np_": (1, 2)}  # catalogue.messages.core.Np_: a message with a plural
SOURCE_LANGUAGE = "en"  # the language of the message ids


def extract() -> Catalog:
    """Return a catalogue of every message the templates and the Python code use, in a stable order."""
    catalog = Catalog(project="catalogue", fuzzy=False)
    sources = [
        (BUILTIN_TEMPLATES, TEMPLATE_METHODS, TEMPLATE_OPTIONS, "templates"),
        (PACKAGE, PYTHON_METHODS, {}, "catalogue"),
    ]
    for folder, methods, options, prefix in sources:
        for filename, lineno, message, comments, context in extract_from_dir(str(folder), methods, options, keywords=KEYWORDS):
            catalog.add(message, None, [(f"{prefix}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / "messages.po").is_file())


def update(language: str, template: Catalog) -> None:
    """Merge the extracted messages into one language's .po file, keeping every translation."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    created = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.creation_date = created  # a stamp per run made every branch's .po files conflict
    catalog.obsolete.clear()
    if language == SOURCE_LANGUAGE:
        for message in catalog:
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            if message.id and not any(strings):
                message.string = message.id  # the ids are English already (singular and plural for ngettext)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, include_lineno=False, include_previous=False)


def main(argv: list[str]) -> int:
    template = extract()
    for language in languages():
        update(language, copy.deepcopy(template))  # update() shares the template's messages: English ids must not leak
    translations.cache_clear()
    return table.main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
