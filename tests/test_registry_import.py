"""The import from the national registry, on the registry's own shape: the sample files of tests/data/rpss-sample.

Every test copies the sample into a temporary folder and runs ``build.py import registry``
in-process, as an editor would; nothing reaches the network (the download test serves
the file from a local socket).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

SAMPLE = ROOT / "tests" / "data" / "rpss-sample"  # a fictional export in the registry's real shape (its README)
DAY = "1796083200"  # 2026-12-01: day 2's registration 7234 ended on 2026-10-31
AREA = ["--area", "kraj:Moravskoslezský kraj"]


@pytest.fixture(autouse=True)
def import_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A writable copy of the registry sample: rpss.json, rpss-next.json, ciselniky/."""
    assert SAMPLE.is_dir(), f"the registry sample is missing at {SAMPLE}"
    target = tmp_path / "registry"
    shutil.copytree(SAMPLE, target)
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target


def run_import(sample: Path, content: Path, source: str = "rpss.json", *extra: str):
    return run_cli("import", "registry", "--source", sample / source if "://" not in source else source,
                   "--codelists", sample / "ciselniky", *AREA, "--content", content, *extra)


def digest(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def by_portal(content: Path, portal: int) -> Path:
    found = [p for p in (content / "services").glob("*.yaml") if re.search(rf"^  portal_id: {portal}$", p.read_text(), re.M)]
    assert len(found) == 1, found
    return found[0]


def registry(sample: Path, name: str = "rpss.json") -> dict:
    return json.loads((sample / name).read_text(encoding="utf-8"))


def write_registry(sample: Path, data: object, name: str = "rpss.json") -> None:
    (sample / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def imported(sample: Path, tmp_path: Path) -> Path:
    content = tmp_path / "content"
    result = run_import(sample, content)
    assert result.code == 0, result.err
    return content


# --- a new catalogue ---------------------------------------------------------------------------


def test_import_into_an_empty_folder_checks_clean_and_builds(imported, tmp_path):
    assert (imported / "site.yaml").read_text().startswith("# DOPLŇTE")
    for vocabulary in ("service-types", "target-groups", "forms", "capacity-units", "languages", "registry"):
        assert (imported / "vocabularies" / f"{vocabulary}.yaml").is_file()
    check = run_cli("check", "--content", imported)
    assert check.code == 0, check.out
    assert " error" not in check.out
    build = run_cli("build", "--content", imported, "--out", tmp_path / "public")
    assert build.code == 0, build.out
    assert (tmp_path / "public/sluzby/odborne-socialni-poradenstvi-nadeje/index.html").is_file()


def test_one_service_per_registration_one_provider_per_ico(imported, sample):
    items = registry(sample)["polozky"]
    active = [i for i in items if not i["datumPoskytovaniDo"] or i["datumPoskytovaniDo"] >= "2026-12-01"]
    services = list((imported / "services").glob("*.yaml"))
    assert len(services) == len(active)
    assert len(list((imported / "providers").glob("*.yaml"))) == len({i["poskytovatel"]["ico"] for i in active})
    provider = (imported / "providers/nadeje-z-s.yaml").read_text()
    assert 'ico: "15881393"' in provider and "source:\n  registry: rpss\n" in provider


def test_duplicate_facilities_merge_and_names_are_trimmed(imported):
    # registration 7035 lists one facility twice (with a trailing space in its name) and a branch
    text = by_portal(imported, 7035).read_text()
    assert text.count("  - name:") == 2
    assert "name: Odborné sociální poradenství Naděje\n" in text
    assert "Naděje \n" not in text
    assert 'ruian: "43069571"' in text and "postcode: 753 88" in text
    assert 'registry_id: "5876803"' in text


def test_capacity_stays_per_form_and_age_groups_become_a_range(imported):
    text = by_portal(imported, 7035).read_text()
    assert "capacity:\n  - form: outpatient\n    count: 87\n    unit: interventions\n" in text
    assert "age:\n  min: 19\n  max: 64\n" in text


def test_localities_have_codes_levels_and_parents(imported):
    def locality(lid: str) -> str:
        return (imported / "localities" / f"{lid}.yaml").read_text()

    assert locality("moravskoslezsky-kraj") == "name: Moravskoslezský kraj\nlevel: region\ncode: CZ080\n"
    assert locality("okres-ostrava-mesto") == "name: okres Ostrava-město\nlevel: district\nparent: moravskoslezsky-kraj\ncode: CZ0806\n"
    assert locality("ostrava") == 'name: Ostrava\nlevel: municipality\nparent: okres-ostrava-mesto\ncode: "554821"\n'
    assert locality("ostrava-vitkovice") == 'name: Vítkovice\nlevel: part\nparent: ostrava\ncode: "414034"\n'


def test_city_districts_from_a_code_list_nest_their_parts(sample, tmp_path):
    districts = {"polozky": [
        {"id": "MestskyObvodMestskaCast/1", "nazev": {"cs": "Slezská Ostrava"}, "kod": "545881", "obec": {"id": "Obec/554821"}},
        {"id": "MestskyObvodMestskaCast/2", "nazev": {"cs": "Moravská Ostrava a Přívoz"}, "kod": "545970", "obec": {"id": "Obec/554821"}},
        {"id": "MestskyObvodMestskaCast/3", "nazev": {"cs": "Vítkovice"}, "kod": "546003", "obec": {"id": "Obec/554821"}},
    ]}
    (sample / "ciselniky/mestske-obvody-mestske-casti.json").write_text(json.dumps(districts, ensure_ascii=False))
    content = tmp_path / "content"
    result = run_import(sample, content)
    assert result.code == 0, result.err
    district = (content / "localities/ostrava-slezska-ostrava.yaml").read_text()
    assert district == 'name: Slezská Ostrava\nlevel: city-district\nparent: ostrava\ncode: "545881"\n'
    parts = {p.stem: p.read_text() for p in (content / "localities").glob("ostrava-*.yaml")}
    assert any("level: part\nparent: ostrava-slezska-ostrava\n" in text for text in parts.values()), parts
    assert "city-district" not in result.out  # nothing left unmatched
    assert run_cli("check", "--content", content).code == 0


def test_without_a_city_district_list_the_report_says_what_to_add(sample, tmp_path):
    result = run_import(sample, tmp_path / "content")
    assert "MestskyObvodMestskaCast/1" in result.out
    assert 'level: city-district, code: "1"' in result.out


def test_prague_lies_in_its_region_without_a_district(sample, tmp_path):
    lists = sample / "ciselniky"
    regions = json.loads((lists / "kraje.json").read_text())
    regions["polozky"].append({"id": "Kraj/19", "nazev": {"cs": "Hlavní město Praha"}, "kodNuts3": "CZ010"})
    (lists / "kraje.json").write_text(json.dumps(regions, ensure_ascii=False))
    towns = json.loads((lists / "obce.json").read_text())
    towns["polozky"].append({"id": "Obec/554782", "nazev": {"cs": "Praha"}, "kod": "554782", "okres": None, "kraj": {"id": "Kraj/19"}})
    (lists / "obce.json").write_text(json.dumps(towns, ensure_ascii=False))
    data = registry(sample)
    item = json.loads(json.dumps(data["polozky"][0]))
    item["portalId"], item["identifikator"] = 99001, "9900101"
    for facility in item["zarizeni"]:
        facility["adresa"].update({"kraj": {"id": "Kraj/19"}, "okres": None, "obec": {"id": "Obec/554782"}, "castObce": None})
    data["polozky"].append(item)
    write_registry(sample, data)
    content = tmp_path / "content"
    result = run_cli("import", "registry", "--source", sample / "rpss.json", "--codelists", lists, "--area", "kraj:Praha",
                     "--area", "kraj:CZ080", "--content", content)
    assert result.code == 0, result.err
    assert (content / "localities/praha.yaml").read_text() == 'name: Praha\nlevel: municipality\nparent: hlavni-mesto-praha\ncode: "554782"\n'
    assert run_cli("check", "--content", content).code == 0


def test_secret_addresses_and_names_of_people_never_reach_a_file(sample, tmp_path):
    data = registry(sample)
    secrets = ["Tajná", "Skrytá", "666 66", "66666", "99999999"]
    people: set[str] = set()
    for item in data["polozky"]:
        for person in item["poskytovatel"]["statutarniOrgany"]:
            people |= {f"{person['jmeno']} {person['prijmeni']}", person["prijmeni"]}
        for facility in item["zarizeni"]:
            if facility.get("vedouciZarizeni"):
                people |= {facility["vedouciZarizeni"]["prijmeni"]}
            if facility["utajenaAdresa"]:  # give the secret facility a full address: only its municipality may pass
                facility["nazev"] = "Azylový dům Tajná ulice"
                facility["adresa"] = {"ulice": {"nazev": "Skrytá"}, "cisloDomovni": 13, "cisloOrientacni": "7", "psc": "66666",
                                      "kodAdresnihoMista": 99999999, "kraj": {"id": "Kraj/80"}, "okres": {"id": "Okres/3807"},
                                      "obec": {"id": "Obec/554821"}, "castObce": {"id": "CastObce/414034"}, "mestskyObvodMestskaCast": None}
    write_registry(sample, data)
    content = tmp_path / "content"
    result = run_import(sample, content, "rpss.json", "--report", tmp_path / "report.md")
    assert result.code == 0, result.err
    run_cli("build", "--content", content, "--out", tmp_path / "public")
    written = [p for folder in (content, tmp_path / "public") for p in folder.rglob("*") if p.is_file()] + [tmp_path / "report.md"]
    texts = {p: p.read_bytes().decode("utf-8", "replace") for p in written}
    texts[Path("stdout")] = result.out + result.err
    for word in [*people, *secrets]:
        leaks = [str(p) for p, text in texts.items() if word in text]
        assert not leaks, (word, leaks)
    shelter = by_portal(content, 7377).read_text()
    assert "  - locality: ostrava\n    confidential: true\n" in shelter


# --- keeping in sync ---------------------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (old, text)
    path.write_text(text.replace(old, new, 1))


def test_day_two_reports_each_change_and_keeps_every_edit(imported, sample, tmp_path):
    capacity = by_portal(imported, 7439)
    edit(capacity, "kind: registered\n", "kind: registered  # ověřeno s poskytovatelem\nsummary: Pomoc lidem, kteří užívají drogy.\n")
    edit(capacity, "source:\n", "description: |\n  Kontaktní centrum nabízí výměnu injekčního materiálu.\n\n  Přijďte kdykoli.\nsource:\n")
    moved = by_portal(imported, 7259)
    edit(moved, "    locality:", "    hours:\n      mon: 8:00-12:00  # jen v sudých týdnech\n    locality:")
    activity = imported / "services/klub-seniorek.yaml"  # a related activity typed by an editor: no source
    activity.write_text("name: Klub seniorek\nprovider: nadeje-z-s\nkind: related\ntype: kluby-senioru\n")
    before = {p: p.read_text() for p in (capacity, moved, activity)}

    result = run_import(sample, imported, "rpss-next.json", "--report", tmp_path / "report.md")
    assert result.code == 0, result.err
    report = (tmp_path / "report.md").read_text()
    assert report == result.out
    sections = dict(re.findall(r"^## (.+?) \(\d+\)\n\n((?:.+\n?)+)", report, re.M))
    assert "registrace 9999" in sections["Nové služby"]
    assert "2026-10-31" in sections["Ukončené služby"]
    assert "registrace 7692" in sections["Registrace, které z registru zmizely"]
    assert "Zámecká 1875, Bohumín → Dlouhá třída 1789/12, Havířov" in sections["Přestěhovaná zařízení"]
    assert "telefon: nic → `+420 596 000 111 (nová linka)`" in sections["Změněné telefony, e-maily a weby"]
    assert "98 klientů (ambulantní) → 108 klientů (ambulantní)" in sections["Změny kapacity"]
    assert "klub-seniorek" not in report

    # only the registry's changed values differ; every edit, comment and key stays where it was
    assert capacity.read_text() == before[capacity].replace("    count: 98\n", "    count: 108\n")
    assert "      mon: 8:00-12:00  # jen v sudých týdnech\n" in moved.read_text()
    assert "street: Dlouhá třída" in moved.read_text()
    assert activity.read_text() == before[activity]
    ended = by_portal(imported, 7234).read_text()
    assert "end_date: 2026-10-31\nsource:" in ended
    assert run_cli("check", "--content", imported).code == 0


def test_a_conflict_keeps_the_editors_value_and_shows_both(imported, sample):
    capacity = by_portal(imported, 7439)
    edit(capacity, "    count: 98\n", "    count: 100\n")
    result = run_import(sample, imported, "rpss-next.json")
    assert "    count: 100\n" in capacity.read_text()
    conflicts = result.out.split("## Konflikty", 1)[1]
    assert (f"- `services/{capacity.stem}.yaml`, capacity: v katalogu je 100 klientů (ambulantní), registr teď uvádí "
            "108 klientů (ambulantní) (při minulém importu: 98 klientů (ambulantní))\n") in conflicts


def test_an_editors_correction_survives_when_the_registry_did_not_change(imported, sample):
    path = by_portal(imported, 7035)
    edit(path, "name: Odborné sociální poradenství Naděje\n", "name: Poradna Naděje\n")
    result = run_import(sample, imported, "rpss-next.json")
    assert "name: Poradna Naděje\n" in path.read_text()
    assert "Poradna Naděje" not in result.out


def test_a_reimport_without_changes_writes_no_file(imported, sample):
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in imported.rglob("*") if p.is_file()}
    result = run_import(sample, imported)
    assert result.code == 0
    assert "beze změny" in result.err
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in imported.rglob("*") if p.is_file()} == before


def test_two_imports_of_the_same_input_are_byte_identical(sample, tmp_path):
    assert run_import(sample, tmp_path / "a").code == 0
    assert run_import(sample, tmp_path / "b").code == 0
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_an_ended_service_keeps_its_page_but_is_listed_nowhere(imported, sample, tmp_path):
    run_import(sample, imported, "rpss-next.json")
    sid = by_portal(imported, 7234).stem
    out = tmp_path / "public"
    assert run_cli("build", "--content", imported, "--out", out).code == 0
    page = (out / f"sluzby/{sid}/index.html").read_text()
    assert "Tato služba skončila 31. října 2026" in page and 'name="robots" content="noindex"' in page
    assert "Podobné služby" in page
    assert f"/sluzby/{sid}/" not in (out / "sitemap.xml").read_text()
    assert f"{sid}/" not in (out / "sluzby/index.html").read_text()


# --- where the file comes from -------------------------------------------------------------------


def test_the_source_may_be_a_url_and_shows_a_progress_bar(sample, tmp_path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(sample))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/rpss.json"
        result = run_import(sample, tmp_path / "content", url)
    finally:
        server.shutdown()
        server.server_close()
    assert result.code == 0, result.err
    assert "100 %" in result.err and "0.4 MB" in result.err
    assert digest(tmp_path / "content") == digest(_local_import(sample, tmp_path / "local"))


def _local_import(sample: Path, content: Path) -> Path:
    assert run_import(sample, content).code == 0
    return content


# --- areas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ("okres:Karvinna", '--area okres:Karvinna: okres s tímto názvem ani kódem není (nemysleli jste "Karviná"?)'),
        ("Karviná", "--area Karviná odpovídá víc místům (2): okres Karviná (CZ0803); Karviná (okres Karviná, 598917); vyberte jedno podle kódu, např. --area okres:CZ0803"),
        ("vesnice:Lhota", "neznámý druh místa „vesnice“ v --area vesnice:Lhota; použijte kraj:, okres: nebo obec:, např. --area okres:Nymburk"),
    ],
)
def test_an_area_that_names_nothing_or_several_places_is_explained(sample, tmp_path, area, message):
    result = run_cli("import", "registry", "--source", sample / "rpss.json", "--codelists", sample / "ciselniky", "--area", area,
                     "--content", tmp_path / "content")
    assert result.code == 1
    assert result.err == f"chyba: {message}\n"
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize("area", ["obec:554821", "obec:Ostrava", "okres:Ostrava-město", "okres:CZ0806", "kraj:80"])
def test_an_area_by_code_or_by_name(sample, tmp_path, area):
    result = run_cli("import", "registry", "--source", sample / "rpss.json", "--codelists", sample / "ciselniky", "--area", area,
                     "--content", tmp_path / "content")
    assert result.code == 0, result.err
    assert (tmp_path / "content/localities/ostrava.yaml").is_file()


# --- bad input -----------------------------------------------------------------------------------


def _truncate(sample: Path) -> None:
    raw = (sample / "rpss.json").read_bytes()
    (sample / "rpss.json").write_bytes(raw[: len(raw) // 2])


def _registration(change):
    def apply(sample: Path) -> None:
        data = registry(sample)
        change(data["polozky"][1])
        write_registry(sample, data)
    return apply


BAD_INPUTS = [
    ("truncated", _truncate, "{source}: soubor končí uprostřed, po 44 registracích; stahování se přerušilo, stáhněte ho znovu"),
    ("not json", lambda s: (s / "rpss.json").write_text("<html>503 Service Unavailable</html>"),
     "{source}:1:1: soubor registru není platný JSON (chybí hodnota); stáhněte ho znovu"),
    # a syntax error near the end is not a cut download, and its position is the error's own
    ("trailing comma", lambda s: (s / "rpss.json").write_text('{"polozky": [{"portalId": 1,}]}'),
     "{source}:1:29: soubor registru není platný JSON (chybí klíč v uvozovkách); stáhněte ho znovu"),
    ("control character", lambda s: (s / "rpss.json").write_text('{"polozky": [{"portalId": 1, "nazev": "a\tb"}]}'),
     "{source}:1:41: soubor registru není platný JSON (řídicí znak (konec řádku nebo tabulátor) uvnitř textu); stáhněte ho znovu"),
    ("items not a list", lambda s: (s / "rpss.json").write_text('{"polozky": "none"}'),
     "{source}: čekal jsem objekt s klíčem „polozky“ (seznam registrací), našel jsem „polozky“ obsahující text; je to opravdu soubor registru rpss.json?"),
    ("wrong root", lambda s: (s / "rpss.json").write_text('[{"portalId": 1}]'),
     "{source}: čekal jsem objekt s klíčem „polozky“ (seznam registrací), našel jsem seznam [...]; je to opravdu soubor registru rpss.json?"),
    ("garbage bytes", lambda s: (s / "rpss.json").write_bytes(b'{"polozky": [{"portalId": 1, "x": "\xff\xfe"}]}'),
     "{source}: soubor není text v UTF-8 (bajt 0xff na pozici 35); stáhněte ho znovu"),
    ("no portalId", _registration(lambda item: item.pop("portalId")),
     "{source}: registrace č. 2 (identifikátor 7532175) nemá celočíselné „portalId“; bez něj import registraci nesleduje, stáhněte soubor znovu"),
    ("unknown id", _registration(lambda item: item.update(druhSocialniSluzby={"id": "DruhSocialniSluzby/99"})),
     "{source}: registrace 7046, klíč „druhSocialniSluzby“: „DruhSocialniSluzby/99“ v číselníku druhy-socialni-sluzby.json není; stáhněte číselníky znovu, mění se spolu s registrem"),
    ("wrong type", _registration(lambda item: item.update(formy="ambulantní")),
     "{source}: registrace 7046, klíč „formy“: čekal jsem seznam objektů, našel jsem text „ambulantní“; soubor nemá tvar dat registru"),
    ("huge string", _registration(lambda item: item["zarizeni"][0].update(nazev="A" * 100_000)),
     "{source}: registrace 7046, klíč „zarizeni[0].nazev“: hodnota má 100000 znaků, víc než 2000; soubor je poškozený, stáhněte ho znovu"),
    ("missing code list", lambda s: (s / "ciselniky/druhy-socialni-sluzby.json").unlink(),
     "ve složce {lists} chybí číselník: druhy sociálních služeb (id DruhSocialniSluzby/…); stáhněte druhy-socialni-sluzby.json z https://data.mpsv.cz/od/soubory/ciselniky/ do té složky"),
    ("broken code list", lambda s: (s / "ciselniky/obce.json").write_text('{"polozky": [{"nazev": "x"}]}'),
     'obce.json: položka 0 nemá id v podobě „Ciselnik/N“; stáhněte číselník znovu'),
]


@pytest.mark.parametrize(("name", "spoil", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_explained_and_the_content_stays_as_it_was(imported, sample, name, spoil, message):
    before = digest(imported)
    spoil(sample)
    result = run_import(sample, imported)
    assert result.code == 1
    assert result.err == "chyba: " + message.format(source=sample / "rpss.json", lists=sample / "ciselniky") + "\n"
    assert result.out == ""
    assert digest(imported) == before
    assert not [p for p in imported.parent.iterdir() if ".import-" in p.name]  # no staging left behind


def test_a_broken_registry_file_is_explained_in_the_editors_language(sample, tmp_path):
    """The file is read before the catalogue's language is known: its message, and what it found, follow --lang."""
    (sample / "rpss.json").write_text('{"polozky": "none"}')
    result = run_import(sample, tmp_path / "content", "rpss.json", "--lang", "pl")
    assert result.code == 1
    assert "jest: „polozky” zawierające tekst; czy to plik rejestru rpss.json?" in result.err, result.err
    (sample / "rpss.json").write_text('{"polozky": [{"portalId": 1,}]}')
    result = run_import(sample, tmp_path / "content", "rpss.json", "--lang", "pl")
    assert "rpss.json:1:29: plik rejestru nie jest poprawnym JSON-em (brakuje klucza w cudzysłowie)" in result.err, result.err
    (sample / "rpss.json").write_text('[1]')
    result = run_import(sample, tmp_path / "content", "rpss.json", "--lang", "pl")
    assert "oczekiwano obiektu z kluczem „polozky” (lista rejestracji), jest: lista [...];" in result.err, result.err


def test_bad_input_into_a_new_folder_creates_nothing(sample, tmp_path):
    _truncate(sample)
    assert run_import(sample, tmp_path / "content").code == 1
    assert not (tmp_path / "content").exists()


def test_an_interrupted_write_leaves_the_content_as_it_was(imported, sample, monkeypatch):
    import os

    before = digest(imported)
    real = os.replace
    calls = []

    def crash(src, dst):
        calls.append(dst)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = run_import(sample, imported, "rpss-next.json")
    monkeypatch.setattr(os, "replace", real)
    assert result.code == 1 and "nic se nezměnilo" in result.err
    assert digest(imported) == before and calls


def test_unmatched_code_list_values_are_reported_and_the_rest_imported(sample, tmp_path):
    types = json.loads((sample / "ciselniky/druhy-socialni-sluzby.json").read_text())
    for item in types["polozky"]:
        if item["id"] == "DruhSocialniSluzby/1":
            item["nazev"]["cs"] = "poradenství nového druhu"
    (sample / "ciselniky/druhy-socialni-sluzby.json").write_text(json.dumps(types, ensure_ascii=False))
    content = tmp_path / "content"
    result = run_import(sample, content)
    assert result.code == 0
    assert "service-types „poradenství nového druhu“ (DruhSocialniSluzby/1; registrací: 3)" in result.out
    assert "doplňte druh služby do vocabularies/service-types.yaml" in result.out
    assert len(list((content / "services").glob("*.yaml"))) > 50
    assert not list((content / "services").glob("odborne-socialni-poradenstvi-*.yaml"))


def test_an_ico_failing_its_checksum_is_reported_once_and_the_provider_kept_without_it(sample, tmp_path):
    data = registry(sample)
    spoilt = [i for i in data["polozky"] if i["poskytovatel"]["ico"] == "15881393"]
    for item in spoilt:
        item["poskytovatel"]["ico"] = "15881394"  # one digit off: check would refuse the IČO
    write_registry(sample, data)
    content = tmp_path / "content"
    result = run_import(sample, content)
    assert result.code == 0, result.err
    said = 'IČO poskytovatele „15881394“ neprošlo kontrolou správnosti; poskytovatel se zapsal bez něj'
    assert len(spoilt) > 1 and result.out.count(said) == 1  # one provider, said once
    provider = (content / "providers/nadeje-z-s.yaml").read_text(encoding="utf-8")
    assert "\nico:" not in provider and '  ico: "15881394"\n' in provider  # kept in source only, to be matched again
    check = run_cli("check", "--content", content)
    assert check.code == 0, check.out
    again = run_import(sample, content)
    assert again.code == 0 and "nezapsán žádný soubor" in again.err  # matched by the kept IČO: no second provider


def test_values_in_one_line_mappings_are_edited_in_place(imported, sample):
    # an editor rewrote the contacts as one line and added a note: the phone the registry adds joins them
    path = by_portal(imported, 7112)
    text = path.read_text()
    assert "contacts:" not in text
    edit(path, "locations:", "contacts: {note: Volejte dopoledne.}  # doplnila redakce\nlocations:")
    run_import(sample, imported, "rpss-next.json")
    assert "contacts: {phone: +420 596 000 111 (nová linka), note: Volejte dopoledne.}  # doplnila redakce\n" in path.read_text()
    assert run_cli("check", "--content", imported).code == 0


def test_the_sites_words_for_registry_values_are_neither_a_change_nor_a_conflict(imported, sample):
    # an editor copies what the site shows: "terénní", "klienti", "registrovaná", a type's name
    path = by_portal(imported, 7439)
    text = path.read_text()
    assert "kind: registered\n" in text and "form: outpatient\n" in text and "unit: clients\n" in text
    words = (text.replace("kind: registered\n", "kind: registrovaná\n")
             .replace("form: outpatient\n", "form: ambulantní\n").replace("unit: clients\n", "unit: klienti\n"))
    path.write_text(words)
    result = run_import(sample, imported, "rpss-next.json")
    assert result.code == 0, result.err
    conflicts = result.out.split("## Konflikty", 1)[1] if "## Konflikty" in result.out else ""
    assert path.stem not in conflicts
    # the registry's new count is taken in, and every word the editor typed stays
    assert path.read_text() == words.replace("    count: 98\n", "    count: 108\n")
    assert "98 klientů (ambulantní) → 108 klientů (ambulantní)" in result.out
    assert run_cli("check", "--content", imported).code == 0


def test_a_service_typed_by_hand_is_adopted_by_its_registry_id_without_losing_a_word(imported, sample):
    # a catalogue typed before the import: the registration 7035 has a file of the editors' own
    path = by_portal(imported, 7035)
    hand = path.with_name("poradna-nadeje.yaml")
    typed = ("name: Poradna Naděje  # jak ji lidé znají\nprovider: nadeje-z-s\nkind: registrovaná\ntype: odborne-socialni-poradenstvi\n"
             'registry_id: "5876803"\nforms: [ambulantní]\ndescription: Pomáháme s dluhy.\n')
    hand.write_text(typed)
    path.unlink()
    (imported / "registry/state.json").unlink()
    result = run_import(sample, imported)
    assert result.code == 0, result.err
    text = hand.read_text()
    kept = [line for line in text.splitlines() if line in typed.splitlines()]
    assert kept == typed.splitlines()  # every line the editors typed, in their order
    assert "target_groups: [osoby-v-zadluzeni, osoby-v-krizi, rodiny-s-detmi]\n" in text  # what they lacked is filled in
    assert "name: Poradna Naděje  # jak ji lidé znají\n" in text and "description: Pomáháme s dluhy.\n" in text
    assert "source:\n  registry: rpss\n  portal_id: 7035\n" in text
    assert "`services/poradna-nadeje.yaml`, name: v katalogu je `Poradna Naděje`, registr teď uvádí `Odborné sociální poradenství Naděje`" in result.out
    assert "poradna-nadeje.yaml`, kind:" not in result.out and "poradna-nadeje.yaml`, forms:" not in result.out  # the site's words
    assert run_cli("check", "--content", imported).code == 0
