"""The web form at /admin/: Decap CMS configured from the models, and what it saves loads back exactly.

The round trip writes each record the way Decap saves it — the form's values
(numbers as numbers, switches as booleans, everything else as text) serialised
by the ``yaml`` npm package that Decap itself uses — and loads the result with
our strict loader. Node and ``node_modules/yaml`` come from ``npm install``
(package.json); without them the round trip is skipped.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml as pyyaml

from conftest import ROOT, run_cli
from sites import SERVICE, SITE, write_site

from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content
from catalogue.load.yamlstrict import parse
from catalogue import vendor
from catalogue.outputs.cms import cms_config

NODE = shutil.which("node")
HAVE_YAML = (ROOT / "node_modules/yaml/package.json").is_file()
needs_node = pytest.mark.skipif(not (NODE and HAVE_YAML), reason="needs node and `npm install` (node_modules/yaml)")

# Values a form saves unquoted that YAML 1.1 readers get wrong: times, yes/no words, leading zeros, numbers in text.
TRICKY_SERVICE = SERVICE.replace(
    'contacts: {phone: "+420 325 551 234", email: azyl@example.org}',
    'contacts: {phone: ["+420 325 551 234", "+420 777 123 456"], email: azyl@example.org}',  # several, as a list
).replace(
    "      mon: 8:00-12:00, 13:00-16:00\n      tue: 8:00-12:00\n",
    '      mon: 8:30-12:00, 13:00-16:30\n      tue: 8:30-12:00\n      note: "no"\n',
).replace("    wheelchair: false\n", '    wheelchair: false\n    name: "yes"\n    notes: "8:30"\n').replace(
    "    confidential: true\n", "    confidential: false\n"  # a confidential place has no notes
)


@pytest.fixture
def built(site, tmp_path) -> Path:
    out = tmp_path / "public"
    assert run_cli("build", "--content", site, "--out", out).code == 0
    return out


def config_of(out: Path) -> dict:
    return pyyaml.safe_load((out / "admin/config.yml").read_text(encoding="utf-8"))


def field(fields: list[dict], path: str) -> dict:
    """Return the field at a dotted path like ``locations.hours.mon``."""
    head, _, rest = path.partition(".")
    (found,) = [f for f in fields if f["name"] == head]
    return field(found["fields"], rest) if rest else found


def test_admin_page_loads_decap_from_the_site_itself_and_is_not_indexed(built):
    decap = vendor.packages()["decap-cms"]
    page = (built / "admin/index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
    assert scripts == ["start.js", f"../static/vendor/decap-cms/{decap.version}/decap-cms.js", "widgets.js"]
    assert "https://" not in page.split("<body>")[1].split("</main>")[1]  # nothing after the message comes from elsewhere
    assert '<meta name="robots" content="noindex">' in page
    for name, digest in decap.files.items():  # the whole package, chunks and licences included, as pinned
        assert vendor.sha256((built / decap.url(name)).read_bytes()) == digest, name
    about = (built / decap.url("ABOUT.txt")).read_text(encoding="utf-8")
    assert f"decap-cms {decap.version}" in about and "Licence: MIT" in about and decap.integrity in about


def test_one_folder_collection_per_kind_and_each_edit_a_pull_request(built):
    config = config_of(built)
    assert config["backend"] == {"name": "github", "repo": "example/katalog", "branch": "main", "open_authoring": True}
    assert config["publish_mode"] == "editorial_workflow"
    folders = {c["name"]: c for c in config["collections"] if "folder" in c}
    assert set(folders) == {"services", "providers", "localities", "life-situations", "pages", "plans", "news"}  # a plan's parts: per plan
    for kind in ("services", "providers", "localities", "life-situations"):
        collection = folders[kind]
        assert collection["folder"] == f"content/{kind}"
        assert (collection["extension"], collection["format"], collection["slug"]) == ("yaml", "yaml", "{{slug}}")
        names = {f["name"] for f in collection["fields"]}
        assert "id" not in names  # the id is the file name
        # the import's provenance is not the editor's to change (its required keys would also
        # block saving every hand-written record); Decap keeps fields it does not show
        assert "source" not in names


def test_ids_of_records_are_relations_and_vocabulary_ids_are_selects(built):
    services = next(c for c in config_of(built)["collections"] if c["name"] == "services")["fields"]
    provider = field(services, "provider")
    assert (provider["widget"], provider["collection"], provider["value_field"], provider["multiple"]) == ("relation", "providers", "{{slug}}", False)
    assert field(services, "locations.locality")["collection"] == "localities"
    assert field(services, "area")["multiple"] is True
    assert field(services, "life_situations")["collection"] == "life-situations"
    assert field(services, "life_situations")["display_fields"] == ["title"]
    groups = field(services, "target_groups")
    assert groups["widget"] == "select" and groups["multiple"] is True
    assert {"label": "Senioři", "value": "seniori"} in groups["options"]
    assert [o["value"] for o in field(services, "type")["options"]] == [
        "azylove-domy", "odborne-socialni-poradenstvi", "pecovatelska-sluzba", "svepomocne-skupiny"]
    assert {o["value"] for o in field(services, "languages")["options"]} == {"cs", "uk"}
    assert [o["label"] for o in field(services, "forms")["options"]] == ["pobytová", "ambulantní", "terénní"]
    assert field(services, "capacity.unit")["widget"] == "select"
    locations = field(services, "locations")
    assert locations["widget"] == "list" and field(locations["fields"], "hours")["widget"] == "object"
    monday = field(services, "locations.hours.mon")
    assert monday["widget"] == "string" and re.match(monday["pattern"][0], "8:00-12:00, 13:00-16:00")
    assert field(services, "verified")["widget"] == "datetime" and field(services, "verified")["format"] == "YYYY-MM-DD"
    assert field(services, "capacity.count") == {**field(services, "capacity.count"), "widget": "number", "value_type": "int"}
    assert field(services, "description")["widget"] == "markdown"
    assert field(services, "name").get("required", True) is True and field(services, "summary")["required"] is False


def test_without_a_github_repository_the_admin_page_says_so_and_nothing_is_copied(make_site, tmp_path):
    content = make_site({"site.yaml": SITE.replace("repository: {url: https://github.com/example/katalog}\n", "")})
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    assert sorted(p.name for p in (out / "admin").iterdir()) == ["index.html"]
    page = (out / "admin/index.html").read_text(encoding="utf-8")
    assert "Webový formulář není nastaven" in page and "repository.url" in page and "<script" not in page
    assert not (out / "static/vendor/decap-cms").exists()  # copied only when a page uses it (the map's Leaflet is)


@pytest.mark.parametrize("url", ["https://github.com/example/katalog-polabi", "https://github.com/mesto/katalog"])
def test_the_example_repository_gets_no_form_and_check_says_where(make_site, tmp_path, url):
    content = make_site({"site.yaml": SITE.replace("https://github.com/example/katalog", url)})
    check = run_cli("check", "--content", content)
    assert check.code == 0
    assert check.lines[0] == (
        f'{content / "site.yaml"}:6:19: varování: repository.url: „{url}“ je ukázková adresa, proto se webový formulář '
        '/admin/ vynechává a odkazy „Upravit tento záznam“ nikam nevedou; napište adresu vlastního repozitáře katalogu na GitHubu'
    )
    assert run_cli("check", "--content", content, "--strict").code == 1
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    assert not (out / "admin/config.yml").exists() and not (out / "static/vendor/decap-cms").exists()
    page = (out / "admin/index.html").read_text(encoding="utf-8")
    assert "Webový formulář je vypnutý" in page and url in page and "<script" not in page


def test_a_demo_may_keep_the_example_repository_without_a_warning(make_site, tmp_path):
    content = make_site({"site.yaml": SITE.replace("https://github.com/example/katalog", "https://github.com/example/katalog-polabi") + "demo: true\n"})
    assert run_cli("check", "--content", content).lines == ['žádné problémy']
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    assert not (out / "admin/config.yml").exists()
    assert "Webový formulář je vypnutý" in (out / "admin/index.html").read_text(encoding="utf-8")


def test_without_decap_installed_the_build_warns_and_the_admin_page_says_how_to_install_it(site, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(vendor, "FOLDER", tmp_path / "nothing-installed")
    out = tmp_path / "public"
    with caplog.at_level("WARNING", logger="catalogue"):
        assert run_cli("build", "--content", site, "--out", out).code == 0  # the citizens' site does not wait for the editors' tool
    assert any("web form at /admin/ is left out: decap-cms" in r.getMessage() and "python -m catalogue.vendor install" in r.getMessage() for r in caplog.records)
    assert (out / "index.html").is_file() and not (out / "admin/config.yml").exists() and not (out / "static/vendor/decap-cms").exists()
    page = (out / "admin/index.html").read_text(encoding="utf-8")
    assert "Webový formulář nebyl nainstalován" in page and "python3 dev.py site" in page and "<script" not in page


# --- the round trip ----------------------------------------------------------------


def as_form_values(fields: list[dict], data: dict) -> dict:
    """Return what the form holds for a parsed file: numbers, booleans, lists and text, by widget."""
    out: dict[str, Any] = {}
    for spec in fields:
        if spec["name"] in data:
            out[spec["name"]] = _form_value(spec, data[spec["name"]])
    return out


def _form_value(spec: dict, value: Any) -> Any:
    kind = spec["widget"]
    if kind == "one-or-many":  # shown as "a, b", saved as cms_widgets.js does (tested on its own below)
        items = [item.strip() for item in (", ".join(value) if isinstance(value, list) else str(value)).split(",") if item.strip()]
        return items[0] if len(items) == 1 else items
    if kind == "number":
        return int(value) if spec.get("value_type") == "int" else float(value)
    if kind == "boolean":
        return str(value).lower() in ("true", "yes", "ano")
    if kind == "object":
        return as_form_values(spec["fields"], value)
    if kind == "list" and "fields" in spec:
        return [as_form_values(spec["fields"], item) for item in value]
    if kind == "list" or spec.get("multiple"):
        return [str(v) for v in (value if isinstance(value, list) else [value])]
    return ", ".join(value) if isinstance(value, list) else str(value)


def stringify(values: list[dict]) -> list[str]:
    """Serialise form values as Decap does: ``new YAML.Document`` of the values, ``toString()``."""
    script = (
        "const YAML = require('yaml');"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map(v => { const d = new YAML.Document(); d.contents = YAML.createNode(v); return d.toString(); })));"
    )
    done = subprocess.run([NODE, "-e", script], input=json.dumps(values), capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)


def records(catalogue) -> dict:
    return {
        "providers": catalogue.providers, "services": catalogue.services, "localities": catalogue.localities,
        "life-situations": catalogue.life_situations, "pages": catalogue.pages,
    }


@needs_node
def test_what_the_form_saves_loads_back_exactly_as_meant(tmp_path):
    original = write_site(tmp_path / "original", {"services/azylovy-dum-lysa.yaml": TRICKY_SERVICE})
    before = check_content(original, cache=RecordCache(None))
    assert not before.problems.has_errors(), [p.format() for p in before.problems.errors]
    config = cms_config(before.catalogue)
    collections = {c["name"]: c for c in config["collections"] if "folder" in c}
    files = sorted(p for kind in collections for p in (original / kind).glob("*.*"))
    values = []
    for path in files:
        collection = collections[path.parent.name]
        if collection["format"] == "frontmatter":
            front = path.read_text(encoding="utf-8").split("---\n")[1]
            values.append(as_form_values(collection["fields"], parse(front)))
        else:
            values.append(as_form_values(collection["fields"], parse(path.read_bytes())))
    saved = stringify(values)
    assert "      mon: 8:30-12:00, 13:00-16:30\n" in saved[files.index(original / "services/azylovy-dum-lysa.yaml")]
    assert "note: no\n" in saved[files.index(original / "services/azylovy-dum-lysa.yaml")]  # unquoted, as Decap writes it

    again = tmp_path / "again"
    shutil.copytree(original, again)
    for path, text in zip(files, saved):
        target = again / path.relative_to(original)
        if path.suffix == ".md":
            body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
            text = f"---\n{text}---\n{body}"
        target.write_text(text, encoding="utf-8")
    after = check_content(again, cache=RecordCache(None))
    assert not after.problems.has_errors(), [p.format() for p in after.problems.errors]
    assert records(after.catalogue) == records(before.catalogue)
    service = after.catalogue.services["azylovy-dum-lysa"]
    assert service.locations[0].hours[0].mon.intervals == ((510, 720), (780, 990)) and service.locations[0].hours[0].note == "no"
    assert service.locations[0].name == "yes" and service.locations[0].notes == "8:30"
    assert service.contacts.phone == ["+420 325 551 234", "+420 777 123 456"]
    assert after.catalogue.providers["charita-lysa"].ico == "00845451"


@needs_node
def test_every_pattern_is_a_javascript_regular_expression(built):
    patterns = sorted(set(re.findall(r"^\s*- '?(\^.*?\$)'?$", (built / "admin/config.yml").read_text(encoding="utf-8"), re.M)))
    assert patterns
    script = "const p = JSON.parse(require('fs').readFileSync(0, 'utf8')); p.forEach(x => new RegExp(x)); console.log(p.length);"
    done = subprocess.run([NODE, "-e", script], input=json.dumps(patterns), capture_output=True, text=True, check=True)
    assert int(done.stdout) == len(patterns)


@needs_node
def test_one_or_many_shows_text_and_saves_one_value_as_a_value_and_several_as_a_list(built):
    phone = field(next(c for c in config_of(built)["collections"] if c["name"] == "providers")["fields"], "contacts.phone")
    assert phone["widget"] == "one-or-many" and "čárkou" in phone["hint"]
    assert re.match(phone["pattern"][0], "+420 325 551 234, +420 777 123 456") and not re.match(phone["pattern"][0], "+420 32x")
    script = (ROOT / "catalogue/outputs/cms_widgets.js").read_text(encoding="utf-8")
    harness = (
        "const registered = {}; const widgets = {string: {control: 'text-control', preview: 'text-preview'}};"
        "global.window = {CMS: {getWidget: n => widgets[n], registerWidget: (n, c, p) => { registered.widget = [n, c, p]; },"
        "  registerWidgetValueSerializer: (n, s) => { registered.serializer = [n, s]; }}};"
        + script +
        "const s = registered.serializer[1];"
        "console.log(JSON.stringify({widget: registered.widget, name: registered.serializer[0],"
        "  shown: [s.deserialize('+420 1'), s.deserialize(['+420 1', '+420 2'])],"
        "  saved: [s.serialize('+420 1'), s.serialize('+420 1, +420 2'), s.serialize(' +420 1 ,, '), s.serialize('')]}));"
    )
    done = subprocess.run([NODE, "-e", harness], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == {
        "widget": ["one-or-many", "text-control", "text-preview"], "name": "one-or-many",
        "shown": ["+420 1", "+420 1, +420 2"],
        "saved": ["+420 1", ["+420 1", "+420 2"], "+420 1", []],
    }


@pytest.mark.skipif(not hasattr(pyyaml, "CSafeDumper"), reason="PyYAML without libyaml")
def test_the_configuration_is_the_same_bytes_with_and_without_libyaml(built, monkeypatch):
    """The build writes it with libyaml's emitter (a quarter of the time); a machine without libyaml must get the same file."""
    from catalogue.outputs import cms

    config = config_of(built)
    fast = cms.dump_config(config)
    monkeypatch.setattr(cms, "DUMPER", pyyaml.SafeDumper)
    assert cms.dump_config(config) == fast == (built / "admin/config.yml").read_text(encoding="utf-8")
    assert fast.count("\n") > 200
