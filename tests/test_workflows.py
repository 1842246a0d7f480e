"""The editors' tooling around the repository: GitHub workflows and forms, VS Code settings, committed schemas."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

from catalogue.load.yamlstrict import parse
from catalogue.model.kinds import RECORD_KINDS
from catalogue.outputs.schema import build_schemas

WORKFLOWS = ROOT / ".github/workflows"
ACTIONLINT = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))


def workflow(name: str) -> dict:
    # Our strict loader keeps `on:` a key (PyYAML would read it as True).
    return parse((WORKFLOWS / name).read_bytes())


def steps(job: dict) -> list[dict]:
    return list(job["steps"])


def runs(job: dict) -> list[str]:
    return [s["run"] for s in steps(job) if "run" in s]


def uses(job: dict) -> list[str]:
    return [s["uses"].split("@")[0] for s in steps(job) if "uses" in s]


@pytest.mark.skipif(ACTIONLINT is None, reason="actionlint is not installed (pip install -e .[test])")
def test_workflows_pass_actionlint():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    done = subprocess.run([ACTIONLINT, "-color=false", *files], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pull_requests_are_checked_with_annotations_and_the_site_attached():
    flow = workflow("check.yml")
    assert set(flow["on"]) == {"pull_request"}
    assert flow["permissions"] == {"contents": "read"}
    (job,) = flow["jobs"].values()
    commands = runs(job)
    assert commands[0] == "pip install -e ."
    assert "python build.py check --strict --github" in commands
    assert commands.index("python build.py check --strict --github") < commands.index("python build.py build --out public")
    assert commands.index("python -m catalogue.vendor install") < commands.index("python build.py build --out public")
    assert uses(job) == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "public/"


def test_the_main_branch_is_deployed_to_github_pages():
    flow = workflow("deploy.yml")
    assert flow["on"]["push"] == {"branches": ["main"]}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "python build.py build --github --out public" in runs(build)
    assert runs(build).index("python -m catalogue.vendor install") < runs(build).index("python build.py build --github --out public")
    assert uses(build)[-2:] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert deploy["needs"] == "build" and uses(deploy) == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert flow["permissions"] == {"contents": "read"}  # the build job itself cannot write anything


def test_the_report_an_error_form_asks_which_record_and_what_is_wrong():
    form = parse((ROOT / ".github/ISSUE_TEMPLATE/report-error.yml").read_bytes())
    assert form["name"] == "Nahlásit chybu v katalogu" and form["description"]
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert len(fields) == len([i for i in form["body"] if "id" in i])  # ids are unique
    assert {item["type"] for item in form["body"]} <= {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    assert list(fields) == ["record", "what", "details", "source"]
    assert fields["record"]["validations"]["required"] == "true"
    what = fields["what"]
    assert what["type"] == "dropdown" and what["attributes"]["multiple"] == "true"
    assert what["attributes"]["options"] == ["Adresa", "Telefon", "Otevírací doba", "Jiné"]
    for item in form["body"]:
        assert item.get("attributes", {}).get("label", "x") or item["type"] == "markdown"


def test_there_is_a_czech_pull_request_template():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "## Co se mění" in text and "verified:" in text and "confidential: true" in text


def test_vscode_maps_every_content_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    front_matter = {f"{kind.name}.schema.json" for kind in RECORD_KINDS if kind.editable}  # above Markdown: not YAML files
    expected = {f"./schemas/{name}" for name in build_schemas(None) if name not in front_matter}
    assert set(mapping) == expected
    assert mapping["./schemas/services.schema.json"] == ["content/services/*.yaml"]
    assert mapping["./schemas/site.schema.json"] == ["content/site.yaml"]
    assert mapping["./schemas/plan-measures.schema.json"] == ["content/plans/*/measures/*.yaml"]
    for schema, globs in mapping.items():
        name = schema.removeprefix("./schemas/").removesuffix(".schema.json")
        if name.startswith("vocabulary-"):
            assert globs == [f"content/vocabularies/{name.removeprefix('vocabulary-')}.yaml"]
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_committed_schemas_are_current(tmp_path):
    """Regenerate with: python build.py schema --content content --out schemas"""
    assert run_cli("schema", "--content", ROOT / "content", "--out", tmp_path).code == 0
    fresh = {p.name: p.read_bytes() for p in tmp_path.glob("*.json")}
    committed = {p.name: p.read_bytes() for p in (ROOT / "schemas").glob("*.json")}
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not stale, f"schemas/ is out of date ({', '.join(stale)}): python build.py schema --content content --out schemas"


def test_the_registry_is_imported_weekly_into_one_reviewed_pull_request():
    flow = workflow("registry.yml")
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}
    assert flow["on"]["schedule"][0]["cron"].endswith("* * 1")  # weekly, on Mondays
    assert flow["permissions"] == {"contents": "write", "pull-requests": "write"}
    (job,) = flow["jobs"].values()
    commands = runs(job)
    assert commands[0] == "pip install -e ."
    imports = next(c for c in commands if "python build.py import registry" in c)
    assert '--report "$REPORT"' in imports and '--area "$place"' in imports
    assert uses(job) == ["actions/checkout", "actions/setup-python", "peter-evans/create-pull-request"]
    pull = next(s for s in steps(job) if s.get("uses", "").startswith("peter-evans/create-pull-request"))
    assert pull["uses"].split("@")[1].startswith("v")  # pinned to a release
    assert pull["with"]["body-path"] == "${{ env.REPORT }}" and pull["with"]["branch"] == "import-z-registru"
    assert pull["with"]["add-paths"] == "content/"
