"""The content folder as the import sees it: its services, providers, localities and vocabularies, the state file.

Values are compared in one canonical form (:func:`canonical`): phones and webs as the
model writes them, e-mails lower-cased, dates as text, so a file that says the same as
the registry in other words is not a change.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.yamlstrict import Mapping, YamlError, parse
from ..model.choices import FORM_WORDS, KIND_WORDS, spellings
from ..model.fields import phone_text, split_phone, web_address
from ..model.words import fold as fold_word
from .messages import RegistryInputError
from .places import Place, fold

STATE_FILE = "registry/state.json"
STATE_FORMAT = 1


def canonical(path: str, value: Any) -> Any:
    """Return a value as the import compares it: text, lists and mappings only, phones and webs normalised."""
    if value is None:
        return None
    if path.endswith("phone"):
        items = [value] if isinstance(value, str) else list(value)
        out = []
        for item in items:
            parts = split_phone(str(item))
            out.append(phone_text(*parts) if parts else " ".join(str(item).split()))
        return out or None
    if path.endswith("email"):
        items = [value] if isinstance(value, str) else list(value)
        return [str(i).strip().lower() for i in items] or None
    if path.endswith("web"):
        return web_address(str(value))
    if path == "capacity" and isinstance(value, dict):
        value = [value]
    return _plain(value)


#: A registry-owned field whose values an editor may write as the site's words → the vocabulary of its terms.
TERM_FIELDS = {"type": "service-types", "target_groups": "target-groups"}
CHOICE_FIELDS = {"kind": KIND_WORDS, "forms": FORM_WORDS}


class Words:
    """Turn the words an editor typed for terms and choices (``terénní``, ``lůžka``) into their ids.

    The import compares ids: a file that says ``forms: [terénní]`` says what the registry's
    ``field`` says, so it is neither a change nor a conflict, and its words stay as typed.
    """

    def __init__(self, vocabularies: dict[str, dict]) -> None:
        self._index = {name: _spellings(terms) for name, terms in vocabularies.items()}
        self._choices = {name: spellings(words) for name, words in CHOICE_FIELDS.items()}
        self._choices["forms"] = {**self._index.get("forms", {}), **self._choices["forms"]}  # the catalogue's own names too

    def ids(self, path: str, value: Any) -> Any:
        """Return ``value`` of the field ``path`` with every word of a term or choice replaced by its id."""
        if path in TERM_FIELDS:
            return self._map(self._index.get(TERM_FIELDS[path], {}), value)
        if path in self._choices:
            return self._map(self._choices[path], value)
        if path == "capacity":
            items = [value] if isinstance(value, dict) else value
            if not isinstance(items, list):
                return value
            tables = {"unit": self._index.get("capacity-units", {}), "form": self._choices["forms"]}
            return [
                {k: self._map(tables[k], v) if k in tables else v for k, v in item.items()} if isinstance(item, dict) else item
                for item in items
            ]
        return value

    def spelled_as(self, path: str, value: Any, typed: Any) -> Any:
        """Return the registry's ``value`` written with the editor's words wherever a word in ``typed`` means the same id."""
        if path in TERM_FIELDS or path in self._choices:
            words = {self.ids(path, t): t for t in (typed if isinstance(typed, list) else [typed]) if isinstance(t, str)}
            if isinstance(value, list):
                return [words.get(v, v) for v in value]
            return words.get(value, value)
        if path == "capacity" and isinstance(value, list):
            items = typed if isinstance(typed, list) else [typed] if isinstance(typed, dict) else []
            ids = self.ids(path, items)
            out = []
            for i, item in enumerate(value):
                known = ids[i] if i < len(ids) and isinstance(ids[i], dict) and isinstance(items[i], dict) else {}
                out.append({k: items[i][k] if k in ("unit", "form") and known.get(k) == v else v for k, v in item.items()}
                           if isinstance(item, dict) else item)
            return out
        return value

    @staticmethod
    def _map(table: dict[str, str], value: Any) -> Any:
        if isinstance(value, list):
            return [table.get(fold_word(v), v) if isinstance(v, str) else v for v in value]
        return table.get(fold_word(value), value) if isinstance(value, str) else value


def _spellings(terms: dict[str, dict]) -> dict[str, str]:
    """Return folded name, plural form or id → term id (an id wins over a name spelled like it)."""
    out: dict[str, str] = {}
    for ident, term in terms.items():
        forms = term.get("forms")
        words = [term.get("name"), term.get("native"), *(forms.values() if isinstance(forms, dict) else ())]
        for word in words:
            if isinstance(word, str):
                out.setdefault(fold_word(word), ident)
    out.update({fold_word(ident): ident for ident in terms})
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value] or None
    if isinstance(value, (dt.date,)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


@dataclass
class Record:
    kind: str
    id: str
    path: Path
    text: str
    data: Mapping


@dataclass
class Content:
    folder: Path
    services: dict[str, Record] = field(default_factory=dict)
    providers: dict[str, Record] = field(default_factory=dict)
    localities: list[Place] = field(default_factory=list)
    locality_ids: set[str] = field(default_factory=set)
    vocabularies: dict[str, dict] = field(default_factory=dict)
    mapping: dict[str, dict] = field(default_factory=dict)
    has_site: bool = False
    state: dict[str, Any] = field(default_factory=dict)
    _by_portal: dict[int, Record] | None = None

    def by_portal(self) -> dict[int, Record]:
        """Return imported services by their registration (computed once: the import asks for it often)."""
        if self._by_portal is not None:
            return self._by_portal
        out = {}
        for record in self.services.values():
            source = record.data.get("source")
            if isinstance(source, dict) and str(source.get("portal_id", "")).isdigit():
                out[int(source["portal_id"])] = record
        self._by_portal = out
        return out

    def by_registry_id(self) -> dict[str, Record]:
        """Return hand-made services (without a source) by their registry id: the import adopts them."""
        return {
            str(r.data["registry_id"]): r
            for r in self.services.values()
            if isinstance(r.data.get("registry_id"), str) and not isinstance(r.data.get("source"), dict)
        }

    def by_ico(self) -> dict[str, Record]:
        """Return providers by IČO: their own, or the registry's one that failed the checksum (kept in source)."""
        out: dict[str, Record] = {}
        for record in self.providers.values():
            source = record.data.get("source")
            kept = source.get("ico") if isinstance(source, dict) else None
            ico = record.data.get("ico") if isinstance(record.data.get("ico"), str) else kept
            if isinstance(ico, str):
                out[ico] = record
        return out


def read_content(folder: Path, language: str) -> Content:
    """Read what the import needs of an existing content folder (nothing when it does not exist)."""
    content = Content(folder)
    if folder.exists() and not folder.is_dir():
        raise RegistryInputError("content_not_folder", language, path=str(folder))
    if not folder.is_dir():
        return content
    content.has_site = (folder / "site.yaml").is_file()
    for kind, target in (("services", content.services), ("providers", content.providers)):
        for path in sorted((folder / kind).glob("*.yaml")):
            target[path.stem] = _record(kind, path, language)
    for path in sorted((folder / "localities").glob("*.yaml")):
        record = _record("localities", path, language)
        d = record.data
        content.locality_ids.add(path.stem)
        if isinstance(d.get("name"), str) and isinstance(d.get("level"), str):
            code = d.get("code") if isinstance(d.get("code"), str) else None
            parent = d.get("parent") if isinstance(d.get("parent"), str) else None
            content.localities.append(Place(path.stem, str(d["name"]), str(d["level"]), parent, code, existing=True))
    for name in ("service-types", "target-groups", "forms", "capacity-units", "registry"):
        path = folder / "vocabularies" / f"{name}.yaml"
        if path.is_file():
            data = _record("vocabularies", path, language).data
            if name == "registry":
                content.mapping = {k: dict(v) for k, v in data.items() if isinstance(v, dict)}
            else:
                content.vocabularies[name] = {k: dict(v) for k, v in data.items() if isinstance(v, dict)}
    state = folder / STATE_FILE
    if state.is_file():
        try:
            content.state = json.loads(state.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RegistryInputError("content_unreadable", language, path=str(state), reason=str(exc)) from None
    return content


def _record(kind: str, path: Path, language: str) -> Record:
    try:
        raw = path.read_bytes()
        data = parse(raw)
    except OSError as exc:
        raise RegistryInputError("content_unreadable", language, path=str(path), reason=exc.strerror or str(exc)) from None
    except YamlError as exc:
        raise RegistryInputError("content_unreadable", language, path=f"{path}:{exc.line}:{exc.column}", reason=exc.message) from None
    if not isinstance(data, Mapping):
        raise RegistryInputError("content_unreadable", language, path=str(path), reason="the file is not a record (key: value)")
    return Record(kind, path.stem, path, raw.decode("utf-8-sig"), data)


def state_text(state: dict[str, Any]) -> str:
    """Return the state as JSON with one registration (or provider) a line: small diffs, C-speed encoding."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    lines = ["{", f' "format": {state["format"]},']
    for i, kind in enumerate(("providers", "services")):
        entries = sorted(state[kind].items())
        lines.append(f" {dumps(kind)}: {{")
        lines += [f"  {dumps(key)}: {dumps(value)}" + ("," if n < len(entries) - 1 else "") for n, (key, value) in enumerate(entries)]
        lines.append(" }" + ("," if i == 0 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def location_key(item: dict) -> str:
    """Return how a location of a file is recognised: its address point, else its address, else its place."""
    address = item.get("address") if isinstance(item.get("address"), dict) else None
    if address and address.get("ruian"):
        return f"ruian:{address['ruian']}"
    if address:
        return "addr:" + fold("|".join(str(address.get(k) or "") for k in ("street", "number", "city")))
    return f"secret:{item.get('locality')}" if str(item.get("confidential", "")).lower() in ("true", "yes", "ano") else f"place:{item.get('locality')}"
