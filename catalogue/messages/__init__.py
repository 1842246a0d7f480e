"""Every message the tools show, by code; translated into the site's language when shown.

``python -m catalogue.messages.table`` writes the table of every message into the README
and the editors' guide (the extraction, ``python -m catalogue.render.messages``, does too).
"""

from . import checks, commands, fields, files  # noqa: F401  (each module defines its messages)
from .core import ALL, LANGUAGES, Message, Said, choose_language, say, translate, translations

__all__ = ["ALL", "LANGUAGES", "Message", "Said", "choose_language", "say", "translate", "translations"]
