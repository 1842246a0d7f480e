"""JSON Schemas for editors, generated from the models (draft-07, which VS Code's YAML extension reads).

Reference fields get the current ids as enums, so the editor completes
``provider:``, ``type:`` or ``target_groups:`` with values that exist.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..index import Catalogue
from ..load.content import SLUG_RE
from ..index.plans import plan_choices
from ..model.kinds import RECORD_KINDS, VOCABULARIES
from ..model.plan_parts import PLAN_REFERENCES
from ..model.records import Site
from ..model.references import REFERENCES
from ..validate.crossref import known_ids

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_for(model: type, title: str) -> dict[str, Any]:
    """Return a draft-07 schema for ``model`` (pydantic writes 2020-12 ``$defs``)."""
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    out: dict[str, Any] = {"$schema": DRAFT_07, "title": title, **schema}
    if definitions:
        out["definitions"] = definitions
    return _strip_titles(out)


def _strip_titles(node: Any) -> Any:
    """Drop pydantic's auto titles ("Provider", "Phone") that VS Code would show instead of descriptions."""
    if isinstance(node, dict):
        return {k: _strip_titles(v) for k, v in node.items() if not (k == "title" and isinstance(v, str) and "description" in node)}
    if isinstance(node, list):
        return [_strip_titles(v) for v in node]
    return node


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["definitions"][node["$ref"].rsplit("/", 1)[1]]
    for option in node.get("anyOf", []):  # Optional[X] → anyOf [X, null]
        if option.get("type") != "null":
            return _resolve(schema, option)
    return node


def _field_node(schema: dict, path: str) -> dict | None:
    """Return the schema node of a reference path like ``locations[].locality``."""
    node: dict = schema
    for part in path.split("."):
        many = part.endswith("[]")
        node = _resolve(schema, node).get("properties", {}).get(part.removesuffix("[]"))
        if node is None:
            return None
        if many:
            node = _resolve(schema, node).get("items")
            if node is None:
                return None
    return node


def add_enums(schema: dict, kind: str, catalogue: Catalogue) -> None:
    """Offer the ids that exist for each reference field of ``kind``."""
    known = known_ids(catalogue)
    for path, what in REFERENCES.get(kind, []):
        node = _field_node(schema, path)
        if node is None:
            continue
        ids = sorted(known[what])
        if ids:
            target = _resolve(schema, node) if "$ref" in node else node
            target["enum"] = ids
            target.pop("pattern", None)


def add_plan_enums(schema: dict, kind: str, catalogue: Catalogue) -> None:
    """Offer what the plans know for the fields that name it (organisations, funding sources, measure numbers…).

    One schema serves every plan, so it offers what any plan knows; ``check`` holds each
    plan to its own.
    """
    known = plan_choices(catalogue.planning, catalogue.providers)
    for path, what in PLAN_REFERENCES.get(kind, ()):
        node = _field_node(schema, path)
        if node is not None and known[what] and what != "file":
            target = _resolve(schema, node) if "$ref" in node else node
            target["enum"] = known[what]
            target.pop("pattern", None)


def build_schemas(catalogue: Catalogue | None) -> dict[str, dict]:
    """Return file name → schema for every kind of file in ``content/``."""
    out: dict[str, dict] = {"site.schema.json": schema_for(Site, "site.yaml")}
    for kind in RECORD_KINDS:
        if not kind.form:
            continue  # not fields an editor writes (the PDFs of files/)
        if kind.editable:  # front matter above Markdown: not a YAML file of its own
            name, title = f"{kind.name}.schema.json", f"{kind.label_singular} (front matter)"
        else:
            name, title = f"{kind.folder}.schema.json", f"{kind.folder}/*{kind.suffix}"
        schema = schema_for(kind.written, title)
        schema["properties"].pop("id", None)
        if not kind.editable:
            schema["required"] = [r for r in schema.get("required", []) if r != "id"]
        if catalogue is not None:
            add_enums(schema, kind.folder, catalogue)
            add_plan_enums(schema, kind.folder, catalogue)
        out[name] = schema
    for vocabulary in VOCABULARIES:
        name, model = vocabulary.file, vocabulary.model
        if vocabulary.document:  # one document of sections (the registry mapping), not id → term
            out[f"vocabulary-{name}.schema.json"] = schema_for(model, f"vocabularies/{name}.yaml")
            continue
        term = schema_for(model, name)
        vocabulary = out[f"vocabulary-{name}.schema.json"] = {
            "$schema": DRAFT_07,
            "title": f"vocabularies/{name}.yaml",
            "description": "Slovník: id → údaje",
            "type": "object",
            "propertyNames": {"pattern": SLUG_RE.pattern},
            "additionalProperties": {k: v for k, v in term.items() if k not in ("$schema", "title", "definitions")},
        }
        if "definitions" in term:  # a term's nested parts (capacity units' forms): "#/definitions/…" points at the root
            vocabulary["definitions"] = term["definitions"]
    return out


def write_schemas(folder: Path, catalogue: Catalogue | None) -> list[Path]:
    """Write every schema as stable, sorted JSON; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in sorted(build_schemas(catalogue).items()):
        path = folder / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
