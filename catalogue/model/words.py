"""Words as people type them: folded for comparison, and the "did you mean" of an unknown id.

``check`` (a reference to no record), ``search`` (a filter id) and the enumerated
values (``forms: [terénní]``) compare what was typed with what exists the same way.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping

CUTOFF = 0.75  # difflib's ratio for a typo: "charita-lysaa" → "charita-lysa", not "lysa" → "lysa-nad-labem"
MIN_PREFIX = 3  # fewer letters than this start too many ids to mean one


def fold(text: str) -> str:
    """Return ``text`` without case, diacritics and repeated spaces: "Terénní " → "terenni"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def suggestion(value: str, ids: Iterable[str], names: Mapping[str, str] | None = None) -> str | None:
    """Return the id ``value`` most likely meant, or None.

    A typo of an id ("charita-lysaa"); else the shortest id that starts with what was
    typed ("lysa" → "lysa-nad-labem", not its parts "lysa-nad-labem-litol"); else an
    id whose name is what was typed or starts with it, folded ("Lysá" → "lysa-nad-labem").
    """
    known = sorted(ids)
    close = difflib.get_close_matches(value, known, n=1, cutoff=CUTOFF)
    if close:
        return close[0]
    typed = fold(value).replace(" ", "-")
    if len(typed) < MIN_PREFIX:
        return None
    starts = [i for i in known if i.startswith(typed)]
    if starts:
        return min(starts, key=lambda i: (len(i), i))
    if names:
        folded = {i: fold(n).replace(" ", "-") for i, n in names.items() if i in set(known)}
        by_name = [i for i, n in folded.items() if n == typed] or [i for i, n in folded.items() if n.startswith(typed)]
        if by_name:
            return min(by_name, key=lambda i: (len(folded[i]), i))
    return None


def did_you_mean(value: str, ids: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """Return ``' (did you mean "x"?)'`` for the likely id, or an empty string."""
    found = suggestion(value, ids, names)
    return f' (did you mean "{found}"?)' if found else ""
