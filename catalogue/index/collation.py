"""Czech alphabetical order, and the letter a name is filed under in an A–Z index: one rule, read two ways.

Ch is one letter (after H); Č, Ř, Š, Ž are letters of their own (each after its
base letter); every other accent is dropped for the order and only breaks ties.
:func:`letter` reads that rule; :func:`collate` sorts by it and :func:`initial`
files by it, so a name filed under "Č" always sorts after every "C…" name.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

CARON = "\u030c"  # the háček, as NFD writes it
CARON_LETTERS = "crsz"  # č ř š ž: letters of their own
AFTER = "\uffff"  # sorts after every letter: "c" + AFTER is č, after every c…


def letter(text: str, i: int) -> tuple[str, int]:
    """Return the Czech letter at ``text[i]`` of a lower-case text, and how many characters it takes.

    The letter is "ch", a letter with a háček ("c\u030c"), or a base letter without its accent.
    """
    if text[i] == "c" and text[i + 1 : i + 2] == "h":
        return "ch", 2
    parts = unicodedata.normalize("NFD", text[i])
    if CARON in parts[1:] and parts[0] in CARON_LETTERS:
        return parts[0] + CARON, 1
    return parts[0], 1


class _Keys(dict):
    """Each character's part of a sort key, worked out the first time it is met (``str.translate`` reads it)."""

    def __missing__(self, code: int) -> str:
        found, _ = letter(chr(code), 0)
        key = self[code] = found[0] + AFTER if found.endswith(CARON) else found
        return key


_KEYS = _Keys()


@lru_cache(maxsize=65536)
def collate(text: str) -> tuple[str, str]:
    """Return a sort key that orders Czech names as a Czech reader expects."""
    lowered = text.lower()
    # ch sorts after h; č after c, ř after r, … — character by character, in C: sorting
    # the national catalogue's names letter by letter in Python cost most of a second.
    return lowered.replace("ch", "h" + AFTER).translate(_KEYS), lowered


def initial(name: str) -> str:
    """Return the letter a name is filed under in a Czech A–Z index (Ch, Č, Ř, Š, Ž are letters of their own)."""
    text = name.strip().lower()
    if not text:
        return "#"
    found, _ = letter(text, 0)
    if found == "ch":
        return "Ch"
    if found.endswith(CARON):
        return unicodedata.normalize("NFC", found).upper()
    return found.upper() if found.isalpha() else "#"
