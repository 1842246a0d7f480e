"""Open data: every build publishes the catalogue under data/ as JSON (with its schema), CSV,
Open Referral HSDS 3.0 and a DCAT-AP-CZ record, linked from /otevrena-data/; ``export`` writes
the same files on their own. Validated against the shipped schemas, offline."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import ROOT, run_cli
from html_tree import find, find_all, page, resolve, text
from site_fixtures import demo_site, fixture_site  # noqa: F401 - fixtures
from sites import SERVICE, write_site

from catalogue.cli import EXPORT_FORMATS
from catalogue.index import publishable
from catalogue.model.records import LifeSituation, Location, Locality, Provider, Service, Site
from catalogue.model.schedule import Schedule
from catalogue.outputs.opendata import FORMATS, export_files
from catalogue.outputs.opendata.catalogue_json import LEFT_OUT, RENAMED
from catalogue.outputs.opendata.csv_export import COLUMNS
from catalogue.outputs.opendata.hsds import Ids, schedules
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content

HSDS_SCHEMAS = ROOT / "catalogue/outputs/opendata/hsds-3.0"
HSDS_BASE = "https://schemas.invalid/hsds/3.0/"  # never fetched: the registry holds every schema and retrieves nothing
DATA_FILES = {
    "data/katalog.json", "data/katalog.schema.json", "data/sluzby.csv", "data/sluzby-excel.csv",
    "data/sluzby.csv-metadata.json", "data/hsds/services.json", "data/hsds/taxonomies.json", "data/dcat/datova-sada.jsonld", "data/dcat/katalog.jsonld",
}

# A shelter whose secret address appears nowhere else in the fixture catalogue.
SECRET = SERVICE.replace("address: {city: Lysá nad Labem}",
                         "address: {street: Skrytá, number: \"9876/5\", city: Lysá nad Labem, postcode: \"294 71\"}").replace(
    "    confidential: true", "    coordinates: {lat: 50.2077, lon: 14.8399}\n    notes: Zvonek U Nováků\n    confidential: true"
)
assert "Skrytá" in SECRET and "Zvonek" in SECRET and "50.2077" in SECRET
SECRET_BITS = ["Skrytá", "9876", "294 71", "294%2071", "50.2077", "50,2077", "14.8399", "14,8399", "Zvonek"]


def hsds_validator(kind: str = "service") -> Draft202012Validator:
    """Validate an HSDS object (a service) against the shipped HSDS 3.0 schemas; every $ref resolves locally."""
    resources = [
        (HSDS_BASE + path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012))
        for path in sorted(HSDS_SCHEMAS.glob("*.json"))
    ]
    return Draft202012Validator({"$ref": HSDS_BASE + f"{kind}.json"}, registry=Registry().with_resources(resources),
                                format_checker=FormatChecker())


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def errors(validator: Draft202012Validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def data_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "data").rglob("*")) if p.is_file()}


# --- the page -----------------------------------------------------------------------


def test_every_build_publishes_the_files_and_the_page_links_each_one(fixture_site):
    assert set(data_files(fixture_site)) == DATA_FILES
    path = fixture_site / "otevrena-data/index.html"
    root = page(path)
    assert text(find(root, "h1")) == "Otevřená data"
    linked = {resolve(fixture_site, path, a.get("href")) for a in find_all(root, "a")}
    assert {fixture_site / rel for rel in DATA_FILES} <= linked
    documented = [text(dt) for dt in find_all(root, "dt")]
    assert documented == [c.name for c in COLUMNS]  # every column of the CSV, in order
    assert "uvedete zdroj: Město Testov" in text(root)  # the licence names this catalogue's publisher


def test_every_page_links_the_open_data_page_from_its_footer(fixture_site):
    for rel in ("index.html", "sluzby/azylovy-dum-lysa/index.html", "hledat/index.html"):
        path = fixture_site / rel
        footer = find(page(path), "footer", class_="site-footer")
        targets = [resolve(fixture_site, path, a.get("href")) for a in find_all(footer, "a")]
        assert fixture_site / "otevrena-data/index.html" in targets, rel


# --- HSDS -----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_hsds_validates_against_the_shipped_schemas(which, request):
    site = request.getfixturevalue(which)
    services = load_json(site / "data/hsds/services.json")
    assert isinstance(services, list) and services
    validator = hsds_validator()
    assert {s["name"]: errors(validator, s) for s in services if errors(validator, s)} == {}
    by_id: dict[str, set[str]] = {}
    for service in services:
        for obj in _objects(service):
            if "id" in obj:
                by_id.setdefault(obj["id"], set()).add(json.dumps(obj, sort_keys=True))
    assert all(uuid.UUID(i).version == 5 for i in by_id)
    # One id, one object: shared ones (an organization, a taxonomy term) repeat unchanged.
    assert {i: len(objects) for i, objects in by_id.items() if len(objects) > 1} == {}
    taxonomies = load_json(site / "data/hsds/taxonomies.json")
    assert [errors(hsds_validator("taxonomy"), t) for t in taxonomies] == [[]] * len(taxonomies)
    used = {a["taxonomy_term"]["taxonomy_id"] for s in services for a in s["attributes"]}
    assert used <= {t["id"] for t in taxonomies}


def test_the_hsds_validator_refuses_what_the_schemas_forbid():
    validator = hsds_validator()
    good = {"id": str(uuid.uuid4()), "name": "Služba", "status": "active"}
    assert errors(validator, good) == []
    assert errors(validator, {**good, "status": "open"})
    assert errors(validator, {"id": good["id"], "status": "active"})
    assert errors(validator, {**good, "service_at_locations": [{"id": good["id"], "location": {"id": good["id"]}}]})  # no location_type
    assert errors(validator, {**good, "id": "not-a-uuid"})


def test_a_hsds_service_nests_its_organization_places_schedules_and_terms(fixture_site):
    services = {s["name"]: s for s in load_json(fixture_site / "data/hsds/services.json")}
    shelter = services["Azylový dům pro matky s dětmi"]
    assert shelter["organization"]["name"] == "Charita Lysá"
    assert shelter["organization_id"] == shelter["organization"]["id"]
    assert shelter["organization"]["organization_identifiers"][0]["identifier"] == "00845451"
    assert shelter["assured_date"] == "2026-09-01" and shelter["minimum_age"] == 18
    assert shelter["cost_options"] == [{"id": shelter["cost_options"][0]["id"], "option": "Placená", "currency": "CZK",
                                        "amount_description": "Ubytování 150 Kč za den"}]
    assert [(lang["name"], lang.get("code")) for lang in shelter["languages"]] == [("čeština", "cs"), ("ukrajinština", "uk")]
    assert [a["name"] for a in shelter["service_areas"]] == ["Lysá nad Labem", "Milovice"]
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["name"], a.get("value")) for a in shelter["attributes"]}
    assert {("Cílové skupiny", "Rodiny s dětmi", None), ("Cílové skupiny", "Osoby bez přístřeší", None),
            ("Druhy pomoci", "Azylové domy", None), ("Registr poskytovatelů sociálních služeb", "Identifikátor v registru", "4139471"),
            ("Registrovaná kapacita", "lůžka", "12"), ("Životní situace", "Přicházím o bydlení", None)} <= terms
    (place,) = shelter["service_at_locations"]
    address = place["location"]["addresses"][0]
    assert (address["city"], address["address_1"], address["postal_code"], address["state_province"]) == (
        "Lysá nad Labem", "", "", "Středočeský kraj")  # confidential: the municipality and its region only
    assert "latitude" not in place["location"]
    assert [(e["byday"], e["opens_at"], e["closes_at"]) for e in place["schedules"]] == [
        ("MO,TU", "08:00", "12:00"), ("MO", "13:00", "16:00")]


def test_schedules_map_the_opening_hours():
    make_id = lambda *parts: "/".join(parts)  # noqa: E731
    assert schedules([], make_id) == []
    nonstop = Schedule(**{day: "nonstop" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    (entry,) = schedules([nonstop], make_id)
    assert (entry["byday"], entry["opens_at"], entry["closes_at"], entry["freq"]) == ("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00", "WEEKLY")
    assert entry["notes"] == "Open on public holidays too."  # open all seven days: also on holidays
    only_note = Schedule(note="po telefonické domluvě")
    assert schedules([only_note], make_id) == [{"id": "note", "description": "po telefonické domluvě"}]
    seasonal = schedules([Schedule(sat="9:00-12:00", note="jen v létě")], make_id, {"valid_from": "2026-06-01"})
    assert seasonal == [{"id": "09:00-12:00", "valid_from": "2026-06-01", "description": "jen v létě", "notes": "Closed on public holidays.",
                         "freq": "WEEKLY", "byday": "SA", "opens_at": "09:00", "closes_at": "12:00"}]


def test_hsds_schedules_carry_overnight_hours_appointments_labels_seasons_and_closures():
    make_id = lambda *parts: "/".join(parts)  # noqa: E731
    shelter = Schedule(**{day: "18:00-7:00" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    (night,) = schedules([shelter], make_id)
    assert (night["opens_at"], night["closes_at"]) == ("18:00", "07:00")  # closes the next morning
    office = Schedule.model_validate({
        "label": "Kancelář", "attending": "in-person", "mon": "8:00-12:00 (jen objednaní)", "tue": "po domluvě",
        "closed": ["23. 12.–1. 1. (vánoce)"], "seasons": [{"from": "1. 7.", "to": "31. 8.", "tue": "9:00-12:00"}],
    })
    care = Schedule.model_validate({"label": "Péče u klientů", "attending": "at-home", "sat": "7:00-19:00"})
    entries = schedules([office, care], make_id, gettext=lambda s: s, today=dt.date(2026, 11, 22))
    by_id = {e["id"]: e for e in entries}
    assert by_id["08:00-12:00 jen objednaní"]["description"] == "Kancelář jen objednaní"
    assert by_id["08:00-12:00 jen objednaní"]["attending_type"] == "in person at the place"
    assert by_id["appointment"]["byday"] == "TU" and "opens_at" not in by_id["appointment"]
    assert by_id["08:00-12:00 jen objednaní"]["notes"] == "Closed on public holidays. Closed: 23. 12.–1. 1. (vánoce)."
    summer = by_id["season/0/09:00-12:00"]
    assert (summer["valid_from"], summer["valid_to"], summer["byday"]) == ("2027-07-01", "2027-08-31", "TU")  # the next summer
    assert by_id["1/07:00-19:00"]["description"] == "Péče u klientů" and by_id["1/07:00-19:00"]["attending_type"] == "at the client's home"


def test_hsds_ids_are_rfc_4122_uuid5():
    ids = Ids("https://katalog.example.org/")
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://katalog.example.org/")
    for parts in (("service", "azylovy-dum-lysa"), ("service", "x", "location", 0, "schedule", "08:00-12:00"), ("provider", "ž")):
        assert ids(*parts) == str(uuid.uuid5(namespace, "/".join(map(str, parts))))


def test_hsds_ids_are_stable_and_belong_to_the_catalogue(fixture_site, make_site, tmp_path):
    from sites import SITE

    first = {s["name"]: s["id"] for s in load_json(fixture_site / "data/hsds/services.json")}
    for base_url, same in (("https://katalog.example.org/", True), ("https://jinde.example.org/", False)):
        content = make_site({"site.yaml": SITE.replace("https://katalog.example.org/", base_url)})
        out = tmp_path / base_url.split("/")[2]
        assert run_cli("export", "--content", content, "--format", "hsds", "--out", out).code == 0
        second = {s["name"]: s["id"] for s in load_json(out / "hsds/services.json")}
        shared = first.keys() & second.keys()
        assert len(shared) == 2
        assert all((first[name] == second[name]) is same for name in shared), base_url


# --- our JSON and its schema ------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_the_json_validates_against_its_published_schema(which, request):
    site = request.getfixturevalue(which)
    schema = load_json(site / "data/katalog.schema.json")
    Draft202012Validator.check_schema(schema)
    document = load_json(site / "data/katalog.json")
    assert document["$schema"] == schema["$id"] == "https://katalog.example.org/data/katalog.schema.json"
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    assert errors(validator, document) == []
    assert errors(validator, {**document, "schema_version": "0.9"})
    broken = json.loads(json.dumps(document))
    broken["services"][0]["opening"] = "8-16"
    assert errors(validator, broken)


def test_the_json_holds_every_record_in_a_stable_order(fixture_site):
    document = load_json(fixture_site / "data/katalog.json")
    assert list(document) == ["$schema", "schema_version", "catalogue", "vocabularies", "localities", "providers", "services", "life_situations"]
    assert [s["id"] for s in document["services"]] == ["azylovy-dum-lysa", "klub-senioru-milovice", "pecovatelska-sluzba-lysa"]
    assert [loc["id"] for loc in document["localities"]] == ["kraj", "litol", "lysa", "milovice", "okres"]
    assert [p["id"] for p in document["providers"]] == ["charita-lysa"] and [s["id"] for s in document["life_situations"]] == ["ztrata-bydleni"]
    shelter = document["services"][0]
    assert list(shelter)[:4] == ["id", "name", "url", "kind"]
    assert shelter["locations"][0]["hours"][0]["mon"] == [{"opens": "08:00", "closes": "12:00"}, {"opens": "13:00", "closes": "16:00"}]
    assert shelter["locations"][0]["hours"][0]["wed"] == [] and shelter["locations"][0]["hours"][0]["public_holidays"] == "closed"
    assert shelter["locations"][0]["address"] == {"city": "Lysá nad Labem"} and shelter["locations"][0]["confidential"] is True
    assert document["life_situations"][0]["services"] == ["azylovy-dum-lysa"]  # gathered by its rule, listed resolved


RICH = {  # every optional field filled in somewhere, so an unexported one shows
    "site.yaml": "description: Katalog pro zkoušku.\n",
    "services/uplna-sluzba.yaml": """\
name: Úplná služba
provider: charita-lysa
kind: registered
type: pecovatelska-sluzba
registry_id: "7654321"
summary: Všechno vyplněno.
forms: [field, outpatient]
target_groups: [seniori]
age: {min: 60, max: 99}
area: [okres]
capacity: [{form: field, count: 30, unit: clients}, {form: outpatient, count: 5, unit: clients}]
fees: {paid: false, text: Zdarma.}
languages: [cs]
contacts: {phone: "+420 325 000 222", email: uplna@example.org, web: https://uplna.example.org, note: Volejte ráno.}
locations:
  - name: Kancelář
    address: {street: Husova, number: "12", city: Lysá nad Labem, postcode: "289 22", ruian: "43069571"}
    locality: lysa
    coordinates: {lat: 50.2016, lon: 14.8329}
    wheelchair: true
    hours:
      - {label: Kancelář, attending: in-person, mon: 8:00-12:00, note: jindy po domluvě, holidays: open, closed: [24. 12.]}
      - {label: Léto, seasons: [{from: 1. 7., to: 31. 8., tue: 9:00-12:00}]}
    notes: Druhé patro.
life_situations: [ztrata-bydleni]
verified: 2026-10-01
description: Popis služby.
former_ids: [stara-sluzba]
end_date: 2027-12-31
source: {registry: rpss, portal_id: 7001, imported: 2026-01-15}
""",
    "localities/okres.yaml": "name: Okres Nymburk\nlevel: district\nparent: kraj\ncode: CZ0208\ncentroid: {lat: 50.18, lon: 15.04}\n",
    "life-situations/ztrata-bydleni.yaml": "title: Přicházím o bydlení\nsummary: Když hrozí ztráta bydlení.\ntext: Rady pro občany.\nformer_ids: [bydleni]\n",
}


def test_every_field_of_the_models_is_exported_or_left_out_on_purpose(make_site, tmp_path):
    from sites import PROVIDER, SITE

    content = make_site({**RICH, "site.yaml": SITE + RICH["site.yaml"], "providers/charita-lysa.yaml": PROVIDER + "former_ids: [charita]\n"})
    assert run_cli("export", "--content", content, "--format", "json", "--out", tmp_path / "out").code == 0
    document = load_json(tmp_path / "out/katalog.json")

    def keys(records: list[dict]) -> set[str]:
        return {k for record in records for k in record}

    exported = {
        Site: set(document["catalogue"]),
        Provider: keys(document["providers"]),
        Service: keys(document["services"]),
        Location: keys([loc for s in document["services"] for loc in s["locations"]]),
        Locality: keys(document["localities"]),
        LifeSituation: keys(document["life_situations"]),
        Schedule: keys([h for s in document["services"] for loc in s["locations"] for h in loc.get("hours", [])]),
    }
    missing = {}
    for model, found in exported.items():
        renamed = RENAMED.get(model.__name__, {})
        expected = {renamed.get(f, f) for f in model.model_fields if f not in LEFT_OUT.get(model.__name__, set())}
        if expected - found:
            missing[model.__name__] = sorted(expected - found)
    assert missing == {}, "export the new fields in catalogue_json.py and schema.py, or list them in LEFT_OUT"


# --- CSV ------------------------------------------------------------------------------


def read_csv(data: bytes, delimiter: str) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel recognises UTF-8 only by its byte order mark"
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def expected_rows(site: Path) -> int:
    return sum(max(1, len(s["locations"])) for s in load_json(site / "data/katalog.json")["services"])


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_the_csv_reads_back_with_its_columns_one_row_per_service_and_place(which, request):
    site = request.getfixturevalue(which)
    for name, delimiter in (("sluzby.csv", ","), ("sluzby-excel.csv", ";")):
        rows = read_csv((site / "data" / name).read_bytes(), delimiter)
        assert list(rows[0]) == [c.name for c in COLUMNS], name
        assert len(rows) == expected_rows(site), name
        assert all(len(row) == len(COLUMNS) and None not in row for row in rows), name
    metadata = load_json(site / "data/sluzby.csv-metadata.json")
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == [c.name for c in COLUMNS]
    assert metadata["url"] == "sluzby.csv" and metadata["dialect"]["delimiter"] == ","


def test_the_csv_values_and_the_excel_dialect(fixture_site):
    plain = {(r["service_id"], r["place_number"]): r for r in read_csv((fixture_site / "data/sluzby.csv").read_bytes(), ",")}
    excel = {(r["service_id"], r["place_number"]): r for r in read_csv((fixture_site / "data/sluzby-excel.csv").read_bytes(), ";")}
    home = plain[("pecovatelska-sluzba-lysa", "1")]
    assert (home["service_name"], home["provider_ico"], home["street"], home["postcode"], home["city"]) == (
        "Pečovatelská služba Lysá", "00845451", "Husova", "289 22", "Lysá nad Labem")
    assert (home["locality"], home["district"], home["region"]) == ("Litol", "Okres Nymburk", "Středočeský kraj")
    assert (home["latitude"], home["longitude"], home["hours_mon"], home["hours_wed"]) == ("50.2016", "14.8329", "7:00-15:30", "zavřeno")
    assert home["phone"] == "+420 325 551 234"  # the provider's: the service has none of its own
    club = plain[("klub-senioru-milovice", "1")]
    assert club["hours_sun"] == "nonstop" and club["kind"] == "related" and club["paragraph"] == ""
    shelter = plain[("azylovy-dum-lysa", "1")]
    assert (shelter["confidential"], shelter["street"], shelter["latitude"], shelter["target_groups"]) == (
        "true", "", "", "Rodiny s dětmi; Osoby bez přístřeší")
    in_excel = excel[("pecovatelska-sluzba-lysa", "1")]
    assert (in_excel["provider_ico"], in_excel["phone"], in_excel["postcode"]) == ('="00845451"', '="+420 325 551 234"', '="289 22"')
    assert (in_excel["latitude"], in_excel["service_name"], in_excel["verified"]) == ("50,2016", "Pečovatelská služba Lysá", "2026-10-01")


def test_excel_never_runs_a_value_as_a_formula():
    from catalogue.outputs.opendata.csv_export import excel_cell

    summary = next(c for c in COLUMNS if c.name == "summary")
    assert excel_cell('=HYPERLINK("http://x","y")', summary) == '="=HYPERLINK(""http://x"",""y"")"'
    assert excel_cell("-" + "x" * 300, summary) == "'-" + "x" * 300
    assert excel_cell("Pomoc v nouzi", summary) == "Pomoc v nouzi"
    assert excel_cell("50.25", next(c for c in COLUMNS if c.name == "latitude")) == "50,25"
    assert excel_cell("00845451", next(c for c in COLUMNS if c.name == "provider_ico")) == '="00845451"'



SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui)")
def test_both_csv_files_open_in_libreoffice_with_their_columns_and_diacritics(fixture_site, tmp_path):
    """Open each file as a person picks it in the import dialog (UTF-8, its separator) and save it back."""
    for name, separator, ico in (("sluzby.csv", 44, "845451"), ("sluzby-excel.csv", 59, "00845451")):
        out = tmp_path / name.removesuffix(".csv")
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", f"--infilter=CSV:{separator},34,76,1",
             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(fixture_site / "data" / name)],
            check=True, capture_output=True, timeout=180,
        )
        rows = list(csv.DictReader(io.StringIO((out / name).read_text(encoding="utf-8"), newline="")))
        assert list(rows[0]) == [c.name for c in COLUMNS], name
        assert len(rows) == expected_rows(fixture_site), name
        home = next(r for r in rows if r["service_id"] == "pecovatelska-sluzba-lysa")
        assert (home["service_name"], home["region"], home["phone"]) == ("Pečovatelská služba Lysá", "Středočeský kraj", "+420 325 551 234"), name
        assert home["provider_ico"] == ico, name  # a spreadsheet drops the zeros of a bare number; the Excel file keeps them


# --- DCAT-AP-CZ -----------------------------------------------------------------------


def test_the_dcat_record_describes_every_distribution_for_the_national_catalogue(demo_site):
    dataset = load_json(demo_site / "data/dcat/datova-sada.jsonld")
    assert dataset["@context"].startswith("https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/")
    assert dataset["typ"] == "Datová sada" and dataset["iri"] == "https://katalog.example.org/data/dcat/datova-sada.jsonld"
    assert dataset["název"] == {"cs": "Katalog sociálních služeb Mikroregionu Polabí"}
    assert dataset["poskytovatel"] == "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/75034603"
    assert dataset["periodicita_aktualizace"].endswith("/frequency/WEEKLY")
    assert dataset["kontaktní_bod"]["e-mail"] == "mailto:katalog@mikroregion-polabi.example.org"
    assert dataset["dokumentace"] == "https://katalog.example.org/otevrena-data/"
    assert "sociální služby" in dataset["klíčové_slovo"]["cs"]
    files = {d["soubor_ke_stažení"].removeprefix("https://katalog.example.org/"): d for d in dataset["distribuce"]}
    assert set(files) == {"data/katalog.json", "data/sluzby.csv", "data/hsds/services.json"}
    for rel, distribution in files.items():
        assert (demo_site / rel).is_file()
        assert distribution["přístupové_url"] == distribution["soubor_ke_stažení"]
        assert distribution["typ_média"].startswith("http://www.iana.org/assignments/media-types/")
        assert distribution["podmínky_užití"]["autorské_dílo"] == "https://creativecommons.org/licenses/by/4.0/"
        assert distribution["podmínky_užití"]["osobní_údaje"].endswith("/neobsahuje-osobní-údaje/")
    assert files["data/sluzby.csv"]["schéma"] == "https://katalog.example.org/data/sluzby.csv-metadata.json"
    catalogue = load_json(demo_site / "data/dcat/katalog.jsonld")
    assert catalogue["typ"] == "Katalog" and catalogue["datová_sada"] == [dataset["iri"]]
    assert catalogue["poskytovatel"] == dataset["poskytovatel"]


def test_without_a_publisher_the_record_has_none_and_cc0_waives_every_right(make_site, tmp_path):
    from sites import SITE

    content = make_site({"site.yaml": SITE + "open_data: {licence: cc0}\n"})
    assert run_cli("export", "--content", content, "--format", "dcat", "--out", tmp_path / "out").code == 0
    dataset = load_json(tmp_path / "out/dcat/datova-sada.jsonld")
    assert "poskytovatel" not in dataset
    terms = dataset["distribuce"][0]["podmínky_užití"]
    assert {terms["autorské_dílo"], terms["databáze_jako_autorské_dílo"], terms["databáze_chráněná_zvláštními_právy"]} == {
        "https://creativecommons.org/publicdomain/zero/1.0/"}
    assert dataset["periodicita_aktualizace"].endswith("/IRREG")


# --- confidential places, determinism -----------------------------------------------


def test_a_confidential_address_reaches_no_open_data_file(make_site, tmp_path):
    """``check`` refuses the address on a confidential place; were one let through in code, the exports still drop it."""
    content = make_site({"services/azylovy-dum-lysa.yaml": SECRET})
    assert run_cli("build", "--content", content, "--out", tmp_path / "public").code == 1  # never in the content
    cat = check_content(write_site(tmp_path / "clean"), cache=RecordCache(None)).catalogue
    leaky = Location.model_validate({
        "address": {"street": "Skrytá", "number": "9876/5", "city": "Lysá nad Labem", "postcode": "294 71"},
        "locality": "litol", "coordinates": {"lat": 50.2077, "lon": 14.8399}, "notes": "Zvonek U Nováků", "confidential": True,
    })
    cat.services["azylovy-dum-lysa"] = cat.services["azylovy-dum-lysa"].model_copy(update={"locations": [leaky]})
    published = {rel: data.decode("utf-8") for rel, data in export_files(publishable(cat)).items()}
    leaks = {rel: [bit for bit in SECRET_BITS if bit in body] for rel, body in published.items()}
    assert {rel: bits for rel, bits in leaks.items() if bits} == {}
    (shelter,) = [s for s in json.loads(published["data/katalog.json"])["services"] if s["id"] == "azylovy-dum-lysa"]
    assert shelter["locations"][0]["locality"] == "lysa"  # coarsened from the part Litol to its municipality
    assert "Lysá nad Labem" in published["data/hsds/services.json"]  # the municipality is kept


def test_two_builds_publish_byte_identical_open_data(fixture_site, tmp_path):
    again = tmp_path / "again"
    assert run_cli("build", "--content", fixture_site.parent / "content", "--out", again).code == 0
    assert data_files(again) == data_files(fixture_site)
    assert (again / "otevrena-data/index.html").read_bytes() == (fixture_site / "otevrena-data/index.html").read_bytes()


# --- the export command -----------------------------------------------------------------


def test_export_writes_what_the_build_publishes(fixture_site, tmp_path):
    out = tmp_path / "export"
    run = run_cli("export", "--content", fixture_site.parent / "content", "--out", out)
    assert run.code == 0 and run.out.strip() == f"zapsáno 9 souborů (json, csv, hsds, dcat) do {out}"
    exported = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert {f"data/{rel}": data for rel, data in exported.items()} == data_files(fixture_site)


def test_export_writes_only_the_chosen_formats_and_leaves_other_files_alone(site, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "poznamky.txt").write_text("moje")
    assert run_cli("export", "--content", site, "--format", "hsds", "--format", "json", "--out", out).code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "hsds/services.json", "hsds/taxonomies.json", "katalog.json", "katalog.schema.json", "poznamky.txt"]
    assert (out / "poznamky.txt").read_text() == "moje"


def test_export_of_broken_content_reports_it_and_writes_nothing(make_site, tmp_path):
    content = make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("provider: charita-lysa", "provider: charita-lysaa")})
    out = tmp_path / "out"
    run = run_cli("export", "--content", content, "--out", out)
    assert run.code == 1
    assert 'services/azylovy-dum-lysa.yaml:2:11: provider: poskytovatel „charita-lysaa“ neexistuje (nemysleli jste „charita-lysa“?)' in run.out
    assert f"nic nezapsáno; {out} je beze změny" in run.out
    assert not out.exists()


def test_export_usage_errors(site, tmp_path):
    assert run_cli("export", "--content", site, "--format", "xml", "--out", tmp_path / "out").code == 2
    assert run_cli("export", "--content", site).code == 2  # --out is required
    a_file = tmp_path / "soubor"
    a_file.write_text("")
    run = run_cli("export", "--content", site, "--out", a_file)
    assert run.code == 2 and "existuje a není to složka; zvolte jiné --out" in run.err
    assert run_cli("export", "--content", tmp_path / "nowhere", "--out", tmp_path / "out").code == 2
    assert not (tmp_path / "out").exists()


def test_the_command_line_offers_every_format():
    assert EXPORT_FORMATS == tuple(FORMATS)


def _objects(obj):
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from _objects(v)
    elif isinstance(obj, list):
        for item in obj:
            yield from _objects(item)


def test_the_readme_documents_every_column_and_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Open data", 1)[1].split("\n## ", 1)[0]
    between = {f"hours_{day}" for day in ("tue", "wed", "thu", "fri", "sat")}  # written as hours_mon … hours_sun
    assert [c.name for c in COLUMNS if f"`{c.name}`" not in section and c.name not in between] == []
    assert [rel for rel in sorted(DATA_FILES) if f"`{rel}`" not in section] == []


def test_the_excel_file_keeps_a_formula_in_a_text_as_text(make_site, tmp_path):
    content = make_site({"services/azylovy-dum-lysa.yaml": SERVICE + "summary: '=HYPERLINK(\"https://zlo.example.org\")'\n"})
    assert run_cli("export", "--content", content, "--format", "csv", "--out", tmp_path / "out").code == 0
    plain = read_csv((tmp_path / "out/sluzby.csv").read_bytes(), ",")
    excel = read_csv((tmp_path / "out/sluzby-excel.csv").read_bytes(), ";")
    assert plain[0]["summary"] == '=HYPERLINK("https://zlo.example.org")'  # the standard file keeps the data as written
    assert excel[0]["summary"] == '="=HYPERLINK(""https://zlo.example.org"")"'


def test_the_large_files_are_what_json_dumps_would_write(fixture_site):
    from catalogue.outputs.opendata.common import compact_json

    for rel in ("data/katalog.json", "data/hsds/services.json"):
        data = (fixture_site / rel).read_bytes()
        document = json.loads(data)
        assert data == compact_json(document) == (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
