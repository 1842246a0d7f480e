"""The crisis lines every page offers at its top: the site's own (``crisis_lines`` in site.yaml), or the country's."""

from __future__ import annotations

from ..model.records import CrisisLine, Site
from .i18n import translations


def N_(message: str) -> str:
    """Mark a message for translation; it is translated when the lines are shown."""
    return message


# The national lines of each country: number, who it helps, when and at what cost.
CRISIS_LINES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "CZ": (
        ("112", N_("Emergency: ambulance, fire brigade, police"), N_("nonstop, free")),
        ("116 123", N_("Linka první psychické pomoci: crisis help for adults"), N_("free")),
        ("116 111", N_("Linka bezpečí: for children and young people"), N_("nonstop, free")),
        ("116 006", N_("Help for victims of crime and domestic violence"), N_("nonstop, free")),
        ("800 200 007", N_("Linka seniorů: for older people and those who care for them"), N_("daily 8–20, free")),
    ),
    "PL": (
        ("112", N_("Emergency: ambulance, fire brigade, police"), N_("nonstop, free")),
        ("116 123", N_("Helpline for adults in emotional crisis"), N_("nonstop, free")),
        ("116 111", N_("Helpline for children and young people"), N_("nonstop, free")),
        ("+48 800 120 002", N_("Niebieska Linia: for people experiencing domestic violence"), N_("nonstop, free")),
    ),
}


def crisis_lines(site: Site) -> list[CrisisLine]:
    """Return the site's crisis lines, or its country's national lines in the site's language (``[]``: none)."""
    if site.crisis_lines is not None:
        return list(site.crisis_lines)
    gettext = translations(site.language).gettext
    return [
        CrisisLine(number=number, name=gettext(name), note=gettext(note)) for number, name, note in CRISIS_LINES.get(site.country, ())
    ]
