"""Czech alphabetical order, and the letter a name is filed under in an A–Z index.

Č, Ř, Š, Ž and Ch are letters of their own (Ch after H); other accents sort as
their base letter and only break ties. The two rules below are one rule: a name
filed under "Č" sorts after every "C…" name.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

CARON = "\u030c"  # the háček, as NFD writes it
CARON_LETTERS = "crsz"  # č ř š ž: letters of their own


@lru_cache(maxsize=65536)
def collate(text: str) -> tuple[str, str]:
    """Return a sort key that orders Czech names as a Czech reader expects."""
    lowered = text.lower()
    out: list[str] = []
    i = 0
    while i < len(lowered):
        ch = lowered[i]
        if ch == "c" and lowered[i + 1 : i + 2] == "h":
            out.append("h\uffff")  # ch sorts after h
            i += 2
            continue
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0]
        if CARON in parts[1:] and base in CARON_LETTERS:
            out.append(base + "\uffff")  # č after c, ř after r, …
        else:
            out.append(base)
        i += 1
    return "".join(out), lowered


def initial(name: str) -> str:
    """Return the letter a name is filed under in a Czech A–Z index (Ch, Č, Ř, Š, Ž are letters of their own)."""
    text = name.strip()
    if not text:
        return "#"
    if text[:2].lower() == "ch":
        return "Ch"
    first = unicodedata.normalize("NFD", text[0])
    if CARON in first[1:] and first[0].lower() in CARON_LETTERS:
        return unicodedata.normalize("NFC", first[:2]).upper()
    base = first[0].upper()
    return base if base.isalpha() else "#"
