"""The registry's code lists: every ``*.json`` of the folder, indexed by the ids they define.

A reference in the registry file looks like ``{"id": "DruhSocialniSluzby/13"}``; the part
before the slash names the list. Files are found by the ids they hold, not by their
names, so a renamed file still works; a list the import needs and cannot find is an
error that names the file to download.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import CODELIST_BASE
from .messages import REGISTRY_URL, Part, RegistryInputError, json_reason

# id prefix → (what it is, the file the registry publishes it in); the import needs all of these.
REQUIRED = {
    "DruhSocialniSluzby": ("list_service_types", "druhy-socialni-sluzby"),
    "CilovaSkupinaOsoby": ("list_target_groups", "cilove-skupiny-osoby"),
    "VekovaSkupinaOsoby": ("list_age_groups", "vekove-skupiny-osoby"),
    "FormaSocialniSluzby": ("list_forms", "formy-soc-sluzby"),
    "TypKapacitySocialniSluzby": ("list_capacity_types", "typy-kapacity-socialni-sluzby"),
    "Kraj": ("list_regions", "kraje"),
    "Okres": ("list_districts", "okresy"),
    "Obec": ("list_municipalities", "obce"),
    "CastObce": ("list_parts", "casti-obci"),
}  # prefix of the ids → (what it lists, a part of the messages; its file)
# The registry publishes no list of city districts; one can be added in the same shape.
CITY_DISTRICT = "MestskyObvodMestskaCast"
OPTIONAL = {CITY_DISTRICT: ("list_city_districts", "mestske-obvody-mestske-casti")}


@dataclass
class Item:
    id: str
    name: str
    code: str | None  # the official code (ČSÚ/RÚIAN, NUTS, LAU) when the list gives one
    parent: str | None  # the id of the larger place (an Obec's Okres, an Okres's Kraj…)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def number(self) -> str:
        return self.id.rsplit("/", 1)[-1]


@dataclass
class CodeLists:
    items: dict[str, Item]
    files: dict[str, str]  # prefix → file it was read from

    def get(self, ref: str) -> Item | None:
        return self.items.get(ref)

    def has_list(self, prefix: str) -> bool:
        return prefix in self.files

    def of(self, prefix: str) -> list[Item]:
        return [i for i in self.items.values() if i.id.startswith(prefix + "/")]

    def file_of(self, prefix: str) -> str:
        return self.files.get(prefix) or (REQUIRED.get(prefix) or OPTIONAL.get(prefix, ("", prefix)))[1] + ".json"


_CODE_KEYS = ("kod", "kodRuian", "kodLau", "kodNuts3")
_PARENT_KEYS = ("obec", "mestskyObvodMestskaCast", "okres", "kraj")


def load(folder: Path) -> CodeLists:
    """Read every code list in ``folder``; raise when a required one is missing or broken."""
    if not folder.is_dir():
        raise RegistryInputError("codelists_missing_folder", folder=str(folder), url=REGISTRY_URL)
    items: dict[str, Item] = {}
    files: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        for item in _read(path):
            prefix = item.id.split("/", 1)[0]
            files.setdefault(prefix, path.name)
            items[item.id] = item
    for prefix, (what, file) in REQUIRED.items():
        if prefix not in files:
            raise RegistryInputError("codelist_missing", what=Part(what), prefix=prefix, folder=str(folder), file=file, url=CODELIST_BASE)
    return CodeLists(items, files)


def _read(path: Path) -> list[Item]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegistryInputError("codelist_broken", file=path.name, reason=_reason(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("polozky"), list):
        raise RegistryInputError("codelist_broken", file=path.name, reason=Part("codelist_no_items"))
    out = []
    for n, raw in enumerate(data["polozky"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or "/" not in raw["id"]:
            raise RegistryInputError("codelist_broken", file=path.name, reason=Part("codelist_item_no_id", index=n))
        name = raw.get("nazev")
        if isinstance(name, dict):
            name = name.get("cs")
        if not isinstance(name, str) or not name.strip():
            raise RegistryInputError("codelist_broken", file=path.name, reason=Part("codelist_item_no_name", id=raw["id"]))
        code = next((str(raw[k]) for k in _CODE_KEYS if isinstance(raw.get(k), (str, int)) and str(raw[k]).strip()), None)
        parent = next((raw[k]["id"] for k in _PARENT_KEYS if isinstance(raw.get(k), dict) and isinstance(raw[k].get("id"), str)), None)
        extra = {k: v for k, v in raw.items() if k not in ("id", "nazev") and isinstance(v, (str, int))}
        out.append(Item(raw["id"], " ".join(name.split()), code, parent, extra))
    return out


def _reason(exc: Exception) -> Part | str:
    if isinstance(exc, json.JSONDecodeError):
        return Part("codelist_not_json", line=exc.lineno, column=exc.colno, reason=json_reason(exc.msg))
    if isinstance(exc, UnicodeDecodeError):
        return Part("codelist_not_utf8")
    return getattr(exc, "strerror", None) or str(exc)
