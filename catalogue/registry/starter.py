"""What a new catalogue needs besides the records: a site.yaml to fill in and the vocabularies.

The vocabularies are the demo catalogue's (``content/vocabularies/`` of the project): the
service types of the act, target groups, forms, capacity units, languages, search
synonyms and the registry mapping. The site.yaml is marked where the editor must fill in.
"""

from __future__ import annotations

from pathlib import Path

from .messages import N_, RegistryInputError
from .yamltext import scalar

DEMO = Path(__file__).resolve().parents[2] / "content"
VOCABULARIES = ("service-types", "target-groups", "forms", "capacity-units", "languages", "synonyms", "registry")

SITE = N_(
    "# FILL IN: this file was created by the import from the registry; it belongs to the editors.\n"
    "# Replace every value marked FILL IN, then run: python build.py check\n"
    "title: %(title)s\n"
    "language: cs\n"
    "country: CZ\n"
    "base_url: https://katalog.example.org/  # FILL IN: the address where the site will run\n"
    "organisation:\n"
    "  name: %(organisation)s  # FILL IN: who publishes the catalogue\n"
    "contact:\n"
    "  email: katalog@example.org  # FILL IN: the editors' e-mail (reports of mistakes go there)\n"
)
TITLE = N_("Catalogue of social services – %(area)s")
ORGANISATION = N_("FILL IN the publisher")


def starter_files(area: str, language: str) -> dict[str, str]:
    """Return content-relative path → text of the files a new catalogue starts with."""
    from ..render.i18n import translations

    gettext = translations(language).gettext
    files = {
        "site.yaml": gettext(SITE) % {
            "title": scalar(gettext(TITLE) % {"area": area}),
            "organisation": scalar(gettext(ORGANISATION)),
        }
    }
    for name in VOCABULARIES:
        path = DEMO / "vocabularies" / f"{name}.yaml"
        if not path.is_file():
            raise RegistryInputError("starter_missing", language, path=str(path))
        files[f"vocabularies/{name}.yaml"] = path.read_text(encoding="utf-8")
    return files


def starter_vocabularies(language: str) -> dict[str, str]:
    """Return the vocabulary files alone (for matching before anything is written)."""
    return {k: v for k, v in starter_files("", language).items() if k.startswith("vocabularies/")}
