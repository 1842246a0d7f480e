"""JSON Schemas for editors: draft-07, generated from the models, and the content validates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_cli

from catalogue.load.yamlstrict import Plain, parse

_INT = re.compile(r"^[-+]?\d+$")
_FLOAT = re.compile(r"^[-+]?\d+\.\d*$")


def as_vscode_reads_it(value):
    """Return the value as a YAML 1.2 editor (VS Code) types it: plain numbers and booleans resolved."""
    if isinstance(value, dict):
        return {k: as_vscode_reads_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_vscode_reads_it(v) for v in value]
    if isinstance(value, Plain):
        if value in ("true", "false"):
            return value == "true"
        if _INT.match(value) and not (len(value) > 1 and value.startswith("0")):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
    return value


def schema_for_file(schemas: Path, rel: Path) -> Path | None:
    folder = rel.parts[0]
    if rel.name == "site.yaml":
        return schemas / "site.schema.json"
    if folder == "vocabularies":
        return schemas / f"vocabulary-{rel.stem}.schema.json"
    if folder in ("providers", "services", "localities", "life-situations"):
        return schemas / f"{folder}.schema.json"
    return None


def validate_folder(content: Path, schemas: Path) -> list[str]:
    failures = []
    for path in sorted(content.rglob("*.yaml")):
        rel = path.relative_to(content)
        if rel.parts[0] == "theme":
            continue
        schema_path = schema_for_file(schemas, rel)
        if schema_path is None:
            continue
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        for error in validator.iter_errors(as_vscode_reads_it(parse(path.read_bytes()))):
            failures.append(f"{rel}: {list(error.absolute_path)}: {error.message}")
    return failures


def test_schemas_are_draft_07_with_czech_descriptions(site, tmp_path):
    assert run_cli("schema", "--content", site, "--out", tmp_path / "s").code == 0
    services = json.loads((tmp_path / "s/services.schema.json").read_text(encoding="utf-8"))
    assert services["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(services)
    assert services["properties"]["name"]["description"] == "Název služby"
    assert services["additionalProperties"] is False
    assert "id" not in services["properties"]


def test_reference_fields_offer_the_ids_that_exist(site, tmp_path):
    run_cli("schema", "--content", site, "--out", tmp_path / "s")
    services = json.loads((tmp_path / "s/services.schema.json").read_text(encoding="utf-8"))
    assert services["properties"]["provider"]["enum"] == ["charita-lysa"]
    assert services["properties"]["target_groups"]["items"]["enum"] == ["osoby-bez-pristresi", "rodiny-s-detmi", "seniori"]
    location = services["definitions"]["Location"]
    assert location["properties"]["locality"]["enum"] == ["kraj", "litol", "lysa", "milovice", "okres"]


def test_fixture_content_validates_against_its_schemas(site, tmp_path):
    run_cli("schema", "--content", site, "--out", tmp_path / "s")
    assert validate_folder(site, tmp_path / "s") == []


def test_schema_flags_what_check_flags(site, tmp_path):
    run_cli("schema", "--content", site, "--out", tmp_path / "s")
    schema = json.loads((tmp_path / "s/services.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    bad = {"name": "X", "provider": "nikdo", "kind": "registered", "type": "azylove-domy", "froms": []}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "'nikdo' is not one of" in messages and "'froms' was unexpected" in messages


def test_demo_content_validates_against_the_schemas(tmp_path):
    assert run_cli("schema", "--content", ROOT / "content", "--out", tmp_path / "s").code == 0
    assert validate_folder(ROOT / "content", tmp_path / "s") == []
