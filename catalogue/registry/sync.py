"""Bring a content folder in step with the registry: what changes, in which file, and why.

Each field the registry owns is decided from three values: what the file says now,
what the registry said at the last import (``registry/state.json`` in the content
folder) and what it says today.

* file = last import → the editor left it alone: take the registry's new value;
* file ≠ last import, registry unchanged → the editor's correction: keep it, quietly;
* file ≠ last import, registry changed → a conflict: keep the editor's value, report both.

Everything else in a file (summary, description, hours, notes, fees, languages,
wheelchair access, life situations, coordinates, extra contacts, ``verified``, comments)
is the editors' and is never touched: files are edited in place, not rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..load.yamlstrict import Sequence
from .content import STATE_FILE, STATE_FORMAT, Content, Record, Words, canonical, get, location_key, state_text
from .convert import Registration
from .messages import N_
from .places import Localities, slugify
from .yamltext import Editor, Node, document

SERVICE_ORDER = [
    "name", "provider", "kind", "type", "registry_id", "summary", "forms", "target_groups", "age", "area",
    "capacity", "fees", "languages", "contacts", "locations", "life_situations", "verified", "description",
    "former_ids", "end_date", "source",
]
PROVIDER_ORDER = ["name", "ico", "legal_form", "address", "contacts", "description", "verified", "former_ids", "source"]
CONTACT_ORDER = ["phone", "email", "web", "note"]
LOCATION_ORDER = ["name", "address", "locality", "coordinates", "confidential", "wheelchair", "hours", "notes"]
LOCALITY_ORDER = ["name", "level", "parent", "code", "centroid"]
SERVICE_FIELDS = ["name", "provider", "kind", "type", "registry_id", "forms", "target_groups", "age", "capacity",
                  "contacts.phone", "contacts.email", "contacts.web", "end_date"]
PROVIDER_FIELDS = ["name", "ico", "address", "contacts.phone", "contacts.email", "contacts.web"]
LOCATION_FIELDS = ["name", "address", "locality", "confidential"]
REGISTRY_LOCATION_KEYS = set(LOCATION_FIELDS)
HEADER = N_(
    "# Created by the import from the registry of social services. The import keeps the registry's\n"
    "# fields up to date (name, type, forms, capacity, target groups, facility addresses, official\n"
    "# contacts); everything else (summary, description, hours, notes…) belongs to the editors.\n"
)


# --- the plan -------------------------------------------------------------------------------------


@dataclass
class Change:
    record: str  # "services/x"
    field: str
    old: Any
    new: Any


@dataclass
class Conflict:
    record: str
    field: str
    ours: Any
    theirs: Any
    last: Any


@dataclass
class Plan:
    """Every file to write and everything the report says."""

    files: dict[str, str] = field(default_factory=dict)  # content-relative path → new text
    new_services: list[tuple[str, Registration]] = field(default_factory=list)
    new_providers: list[tuple[str, dict]] = field(default_factory=list)
    ended: list[tuple[str, str, str]] = field(default_factory=list)  # id, name, date
    withdrawn: list[tuple[str, str, int]] = field(default_factory=list)
    out_of_area: list[tuple[str, str, int]] = field(default_factory=list)
    moved: list[tuple[str, str, str]] = field(default_factory=list)
    closed: list[tuple[str, str, bool]] = field(default_factory=list)  # service, place, kept
    opened: list[tuple[str, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    services_total: int = 0
    secret: int = 0
    state: dict[str, Any] = field(default_factory=dict)


class Planner:
    """Decide, record by record, what the import writes."""

    def __init__(self, content: Content, places: Localities, today: dt.date, language: str) -> None:
        self.content = content
        self.places = places
        self.today = today
        self.language = language
        self.plan = Plan()
        self.old_state = content.state if content.state.get("format") == STATE_FORMAT else {}
        self.state: dict[str, Any] = {"format": STATE_FORMAT, "services": {}, "providers": {}}
        self.taken = {"services": set(content.services), "providers": set(content.providers)}
        self.words = Words(content.vocabularies)
        from ..render.i18n import translations

        self._header = translations(language).gettext(HEADER)

    def header(self) -> str:
        return self._header

    # --- providers -------------------------------------------------------------------

    def providers(self, registrations: list[Registration]) -> dict[str, str]:
        """Create or update one provider per IČO; return IČO → provider id."""
        by_ico: dict[str, dict] = {}
        for reg in registrations:
            by_ico.setdefault(reg.ico, reg.provider)
        existing = self.content.by_ico()
        ids: dict[str, str] = {}
        for ico in sorted(by_ico):
            fields = by_ico[ico]
            values = {k: v for k, v in (("name", fields["name"]), ("ico", fields["ico"]), ("address", fields["address"]),
                                         ("contacts.phone", fields["contacts"].get("phone")),
                                         ("contacts.email", fields["contacts"].get("email")),
                                         ("contacts.web", fields["contacts"].get("web")))}
            last = self.old_state.get("providers", {}).get(ico, {})
            self.state["providers"][ico] = {k: canonical(k, v) for k, v in values.items() if v is not None}
            record = existing.get(ico)
            if record is None:
                pid = self._new_id("providers", fields["name"], ico)
                data = _nested(values, PROVIDER_ORDER)
                data["source"] = {"registry": "rpss", "imported": self.today}
                if fields["ico"] is None and ico:
                    data["source"]["ico"] = ico  # the registry's IČO failed the checksum: kept only to match it again
                self.plan.files[f"providers/{pid}.yaml"] = document(data, self.header())
                self.plan.new_providers.append((pid, {"name": fields["name"], "ico": ico}))
                ids[ico] = pid
                continue
            ids[ico] = record.id
            self._update(record, values, PROVIDER_FIELDS, last, PROVIDER_ORDER)
        return ids

    # --- services --------------------------------------------------------------------

    def services(self, registrations: list[Registration], provider_ids: dict[str, str]) -> None:
        by_portal = self.content.by_portal()
        adoptable = self.content.by_registry_id()
        registry_ids: set[str] = set()
        for reg in registrations:
            reg.service["provider"] = provider_ids[reg.ico]
            if reg.registry_id in registry_ids and not reg.ended:  # a service registered again keeps its id on the first registration
                reg.service["registry_id"] = reg.registry_id = None
            elif reg.registry_id and not reg.ended:
                registry_ids.add(reg.registry_id)
            record = by_portal.get(reg.portal_id) or (adoptable.get(reg.registry_id) if reg.registry_id else None)
            values = {path: get(reg.service, path) for path in SERVICE_FIELDS}
            locations = {f.key: f.fields for f in reg.facilities}
            last = self.old_state.get("services", {}).get(str(reg.portal_id), {})
            self.state["services"][str(reg.portal_id)] = {
                "fields": {k: canonical(k, v) for k, v in values.items() if v is not None},
                "locations": {k: canonical("location", v) for k, v in locations.items()},
            }
            self.plan.secret += reg.has_secret
            if record is None:
                if reg.ended:
                    continue
                sid = self._new_id("services", reg.service["name"], str(reg.portal_id), place=self._town(reg))
                data = {k: v for k, v in reg.service.items() if v not in (None, [], {})}
                data["source"] = {"registry": "rpss", "portal_id": reg.portal_id, "imported": self.today}
                self.plan.files[f"services/{sid}.yaml"] = document(data, self.header())
                self.plan.new_services.append((sid, reg))
                self.plan.services_total += 1
                continue
            self.plan.services_total += 1
            editor = self._update(record, values, SERVICE_FIELDS, last.get("fields", {}), SERVICE_ORDER, reg=reg)
            self._locations(record, editor, locations, last.get("locations", {}))
            if not isinstance(record.data.get("source"), dict):
                editor.set(editor.root(), "source", {"registry": "rpss", "portal_id": reg.portal_id, "imported": self.today}, SERVICE_ORDER)
            self._finish(record, editor)

    def missing(self, seen: set[int], selected: set[int], area: str) -> None:
        """Report services whose registration left the registry, or the area; never delete them."""
        for portal, record in sorted(self.content.by_portal().items()):
            name = str(record.data.get("name", record.id))
            if portal not in seen:
                self.plan.withdrawn.append((record.id, name, portal))
            elif portal not in selected:
                self.plan.out_of_area.append((record.id, name, portal))
            # keep what we knew, so a registration that comes back is still recognised
            if str(portal) in self.old_state.get("services", {}) and str(portal) not in self.state["services"]:
                self.state["services"][str(portal)] = self.old_state["services"][str(portal)]

    def localities(self, used: set[str]) -> None:
        """Write the new localities that the imported services use, with everything above them."""
        wanted: set[str] = set()
        for lid in used:
            current = self.places.by_id.get(lid)
            while current is not None and current.id not in wanted:
                wanted.add(current.id)
                current = self.places.by_id.get(current.parent) if current.parent else None
        for place in sorted((p for p in self.places.new.values() if p.id in wanted), key=lambda p: p.id):
            data = {"name": place.name, "level": place.level}
            if place.parent:
                data["parent"] = place.parent
            if place.code:
                data["code"] = place.code
            self.plan.files[f"localities/{place.id}.yaml"] = document(data)

    def finish_state(self) -> None:
        """Write the state only when it says something new (a re-import without changes writes nothing)."""
        old = {k: self.old_state.get(k) for k in self.state}
        if old != self.state:
            self.plan.files[STATE_FILE] = state_text(self.state)
        self.plan.state = self.state

    # --- one record ------------------------------------------------------------------

    def _update(self, record: Record, values: dict[str, Any], fields: list[str], last: dict, order: list[str], reg: Registration | None = None) -> Editor:
        """Take the registry's new values into an existing record where the editor left them alone."""
        editor = Editor(record.text)
        key = f"{record.kind}/{record.id}"
        for path in fields:
            new = canonical(path, values.get(path))
            current = canonical(path, self.words.ids(path, get(record.data, path)))
            before = last.get(path)
            if current == new:
                continue
            if last and current != before:
                if before != new:
                    self.plan.conflicts.append(Conflict(key, path, current, new, before))
                continue
            if not last and current is not None:
                self.plan.conflicts.append(Conflict(key, path, current, new, None))
                continue
            self._set(editor, editor.root(), path, self.words.spelled_as(path, values.get(path), get(record.data, path)), order)
            self.plan.changes.append(Change(key, path, current, new))
            if path == "end_date" and reg is not None and reg.ended:
                self.plan.ended.append((record.id, str(record.data.get("name", record.id)), str(values[path])))
        if record.kind == "providers" and not isinstance(record.data.get("source"), dict):
            editor.set(editor.root(), "source", {"registry": "rpss", "imported": self.today}, order)
        if record.kind == "providers":
            self._finish(record, editor)
        return editor

    def _set(self, editor: Editor, root: Node, path: str, value: Any, order: list[str]) -> None:
        head, _, rest = path.partition(".")
        if not rest:
            if value in (None, [], {}):
                editor.delete(root, head)
            else:
                editor.set(root, head, value, order)
            return
        found = root.get(head)
        if found is None or not isinstance(found[1].raw, yaml.MappingNode):
            if value not in (None, [], {}):
                editor.set(root, head, {rest: value}, order)
            return
        inner = found[1]
        if value in (None, [], {}):
            editor.delete(inner, rest)
        else:
            editor.set(inner, rest, value, CONTACT_ORDER)

    def _locations(self, record: Record, editor: Editor, new: dict[str, dict], last: dict[str, Any]) -> None:
        key = f"services/{record.id}"
        items = record.data.get("locations")
        items = list(items) if isinstance(items, Sequence) else []

        def sequence() -> Node | None:  # composed only when a location must change
            found = editor.root().get("locations")
            return found[1] if found else None

        def node(i: int):
            return lambda: sequence().items()[i]  # type: ignore[union-attr]

        if not items and new and not last:
            seq = sequence()
            if seq is None or not seq.items():
                editor.set(editor.root(), "locations", list(new.values()), SERVICE_ORDER)
                self.plan.opened.extend((key, _place_text(v)) for v in new.values())
            return
        in_file = {location_key(item): i for i, item in enumerate(items) if isinstance(item, dict)}
        gone = [k for k in in_file if k in last and k not in new]
        added = [k for k in new if k not in in_file and k not in last]
        if len(gone) == 1 and len(added) == 1:  # one place left, one came: the facility moved
            old_key, new_key = gone[0], added[0]
            i = in_file[old_key]
            self._location(editor, node(i), items[i], new[new_key], last[old_key], f"{key}.locations[{i}]")
            self.plan.moved.append((key, _place_text(items[i]), _place_text(new[new_key])))
            gone, added = [], []
        for k in new:
            if k in in_file and k not in gone:
                i = in_file[k]
                self._location(editor, node(i), items[i], new[k], last.get(k, {}), f"{key}.locations[{i}]")
        for k in gone:
            i = in_file[k]
            kept = bool(set(items[i]) - REGISTRY_LOCATION_KEYS)
            if not kept:
                editor.delete_item(sequence(), i)  # type: ignore[arg-type]
            self.plan.closed.append((key, _place_text(items[i]), kept))
        for k in added:
            seq = sequence()
            if seq is not None and seq.items():
                editor.append_item(seq, new[k])
            self.plan.opened.append((key, _place_text(new[k])))

    def _location(self, editor: Editor, node, item: dict, new: dict, last: dict, label: str) -> None:
        """Update one location's registry fields; ``node`` returns its YAML node when an edit needs it."""
        record, _, where = label.partition(".")
        for path in LOCATION_FIELDS:
            wanted = canonical(path, new.get(path))
            current = canonical(path, item.get(path))
            before = (last or {}).get(path)
            if current == wanted:
                continue
            if last and current != before:
                if before != wanted:
                    self.plan.conflicts.append(Conflict(record, f"{where}.{path}", current, wanted, before))
                continue
            if new.get(path) is None:
                editor.delete(node(), path)
            else:
                editor.set(node(), path, new[path], LOCATION_ORDER)

    def _finish(self, record: Record, editor: Editor) -> None:
        if editor.changed:
            text = editor.apply()
            if text != record.text:
                self.plan.files[f"{record.kind}/{record.id}.yaml"] = text

    def _new_id(self, kind: str, name: str, unique: str, place: str | None = None) -> str:
        base = slugify(name)[:80].strip("-")
        candidates = [base] + ([f"{base}-{slugify(place)}"] if place else []) + [f"{base}-{unique}"]
        for candidate in candidates:
            if candidate not in self.taken[kind]:
                self.taken[kind].add(candidate)
                return candidate
        n = 2
        while f"{candidates[-1]}-{n}" in self.taken[kind]:
            n += 1
        self.taken[kind].add(f"{candidates[-1]}-{n}")
        return f"{candidates[-1]}-{n}"

    def _town(self, reg: Registration) -> str | None:
        for facility in reg.facilities:
            address = facility.fields.get("address")
            if address:
                return str(address.get("city"))
        return None


def _place_text(location: dict) -> str:
    address = location.get("address")
    if isinstance(address, dict):
        street = " ".join(str(p) for p in (address.get("street"), address.get("number")) if p)
        return ", ".join(p for p in (street, str(address.get("city") or "")) if p)
    return str(location.get("locality", ""))


def _nested(values: dict[str, Any], order: list[str]) -> dict[str, Any]:
    """Return ``{"contacts.phone": …}`` as ``{"contacts": {"phone": …}}``, in the order records are written."""
    out: dict[str, Any] = {}
    for path, value in values.items():
        if value in (None, [], {}):
            continue
        head, _, rest = path.partition(".")
        if rest:
            out.setdefault(head, {})[rest] = value
        else:
            out[head] = value
    return {k: out[k] for k in order if k in out}
