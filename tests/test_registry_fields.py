"""What the registry's data needs of the model: values as people type them, city districts, codes, capacity per form."""

from __future__ import annotations

import pytest

from conftest import run_cli
from html_tree import parse as parse_html
from sites import LOCALITIES, SERVICE, SERVICE_2

from catalogue.model.fields import phone_digits, split_phone, web_address


@pytest.mark.parametrize(
    ("typed", "shown", "dialled"),
    [
        ("737 123 970", "+420 737 123 970", "+420737123970"),
        ("573372012", "+420 573 372 012", "+420573372012"),
        ("+420354403120", "+420 354 403 120", "+420354403120"),
        ("00420 596 110 111", "+420 596 110 111", "+420596110111"),
        ("596 319 683, linka 247", "+420 596 319 683, linka 247", "+420596319683;ext=247"),
        ("596 319 683 kl. 12 (po–pá 8–15)", "+420 596 319 683, linka 12 (po–pá 8–15)", "+420596319683;ext=12"),
        ("116 123", "116 123", "116123"),
        ("+48 12 345 67 89", "+48 12 345 67 89", "+48123456789"),
    ],
)
def test_a_phone_is_shown_in_one_national_format_and_dialled_with_its_extension(typed, shown, dialled):
    number, extension, note = split_phone(typed)
    from catalogue.model.fields import phone_text

    assert phone_text(number, extension, note) == shown
    assert phone_digits(shown) == dialled


@pytest.mark.parametrize("typed", ["12", "abc", "325 55", "+1"])
def test_what_is_no_phone_is_refused(typed):
    assert split_phone(typed) is None


@pytest.mark.parametrize(
    ("typed", "published"),
    [("www.example.cz", "https://www.example.cz"), ("example.cz/poradna", "https://example.cz/poradna"),
     ("http://example.cz", "http://example.cz"), ("HTTPS://Example.cz", "https://Example.cz")],
)
def test_a_web_address_without_its_scheme_is_published_with_https(typed, published):
    assert web_address(typed) == published


def test_the_page_shows_normalised_contacts_with_working_links(make_site, tmp_path):
    service = SERVICE.replace('contacts: {phone: "+420 325 551 234", email: azyl@example.org}',
                              'contacts: {phone: ["325551234, linka 12"], email: " Azyl@Example.org ", web: www.azyl.example.org}')
    content = make_site({"services/azylovy-dum-lysa.yaml": service})
    assert run_cli("build", "--content", content, "--out", tmp_path / "out").code == 0
    page = parse_html((tmp_path / "out/sluzby/azylovy-dum-lysa/index.html").read_text())
    links = {a.get("href"): "".join(a.itertext()) for a in page.iter("a") if a.get("href")}
    assert links["tel:+420325551234;ext=12"] == "+420 325 551 234, linka 12"
    assert links["mailto:azyl@example.org"] == "azyl@example.org"
    assert "https://www.azyl.example.org" in links


def test_capacity_per_form_is_labelled_as_the_registered_maximum(make_site, tmp_path):
    service = SERVICE.replace("forms: [residential]", "forms: [residential, outpatient]").replace(
        "capacity: [{count: 12, unit: beds}]", "capacity: [{form: residential, count: 12, unit: beds}, {form: outpatient, count: 30, unit: clients}]")
    content = make_site({"services/azylovy-dum-lysa.yaml": service})
    assert run_cli("build", "--content", content, "--out", tmp_path / "out").code == 0
    page = parse_html((tmp_path / "out/sluzby/azylovy-dum-lysa/index.html").read_text())
    facts = dict(zip(("".join(dt.itertext()) for dt in page.iter("dt")), ("".join(dd.itertext()) for dd in page.iter("dd"))))
    assert facts["Registrovaná kapacita (nejvýše)"] == "pobytová: 12 lůžka ambulantní: 30 klienti"


def test_a_capacity_form_the_service_does_not_have_is_an_error(make_site):
    service = SERVICE.replace("capacity: [{count: 12, unit: beds}]", "capacity: [{form: field, count: 12, unit: beds}]")
    result = run_cli("check", "--content", make_site({"services/azylovy-dum-lysa.yaml": service}))
    assert 'services/azylovy-dum-lysa.yaml:10:19: capacity[0].form: „terénní (field)“ není mezi formami služby (pobytová (residential)); doplňte ji do forms, nebo opravte kapacitu' in result.out


def test_city_districts_nest_between_a_municipality_and_its_parts(make_site):
    content = make_site({
        "localities/praha.yaml": 'name: Praha\nlevel: municipality\nparent: kraj\ncode: "554782"\n',
        "localities/praha-7.yaml": 'name: Praha 7\nlevel: city-district\nparent: praha\ncode: "500186"\n',
        "localities/holesovice.yaml": 'name: Holešovice\nlevel: part\nparent: praha-7\ncode: "490067"\n',
        "localities/letna.yaml": "name: Letná\nlevel: neighbourhood\nparent: holesovice\n",
    })
    result = run_cli("check", "--content", content)
    assert result.code == 0, result.out


def test_a_city_district_cannot_lie_in_a_part(make_site):
    content = make_site({"localities/obvod.yaml": "name: Obvod\nlevel: city-district\nparent: litol\n"})
    result = run_cli("check", "--content", content)
    assert 'obvod.yaml:3:9: parent: úroveň městská část (city-district) nemůže ležet v „litol“, což je úroveň část obce (part); zvolte větší nadřazenou lokalitu' in result.out


def test_an_official_code_names_one_place_of_its_level(make_site):
    content = make_site({
        "localities/lysa.yaml": LOCALITIES["lysa"] + 'code: "537560"\n',
        "localities/milovice.yaml": LOCALITIES["milovice"] + 'code: "537560"\n',
        "localities/litol.yaml": LOCALITIES["litol"] + 'code: "537560"\n',  # another level: a part may share the number
    })
    result = run_cli("check", "--content", content)
    assert [l for l in result.out.splitlines() if "code" in l] == [
        f'{content}/localities/milovice.yaml:4:7: code: kód „537560“ už používá lokalita „lysa“; úřední kód označuje jediné místo'
    ]


def test_a_registration_is_imported_into_one_service_only(make_site):
    source = "source: {registry: rpss, portal_id: 7035, imported: 2026-11-01}\n"
    content = make_site({"services/azylovy-dum-lysa.yaml": SERVICE + source,
                         "services/pecovatelska-sluzba-lysa.yaml": SERVICE_2 + source})
    result = run_cli("check", "--content", content)
    assert (f'{content}/services/pecovatelska-sluzba-lysa.yaml:17:37: source.portal_id: registrace 7035 je už importována '
            'jako služba „azylovy-dum-lysa“; jedna registrace je jedna služba, jeden ze souborů smažte') in result.out


def test_a_confidential_address_point_never_reaches_a_page(make_site, tmp_path):
    service = SERVICE.replace('postcode: "289 22"}\n    locality: lysa', 'postcode: "289 22", ruian: "12345678"}\n    locality: lysa')
    content = make_site({"services/azylovy-dum-lysa.yaml": service})
    assert run_cli("build", "--content", content, "--out", tmp_path / "out").code == 0
    vendored = tmp_path / "out/static/vendor"  # third-party files copied byte for byte (pinned by hash): Decap's bundle holds "12345678"
    texts = [p.read_text(errors="replace") for p in (tmp_path / "out").rglob("*") if p.is_file() and vendored not in p.parents]
    assert not [t for t in texts if "12345678" in t]


def test_a_public_address_point_links_the_official_address_record(make_site, tmp_path):
    service = SERVICE_2.replace('postcode: "289 22"}', 'postcode: "289 22", ruian: "43069571"}')
    content = make_site({"services/pecovatelska-sluzba-lysa.yaml": service})
    assert run_cli("build", "--content", content, "--out", tmp_path / "out").code == 0
    page = (tmp_path / "out/sluzby/pecovatelska-sluzba-lysa/index.html").read_text()
    assert 'href="https://vdp.cuzk.gov.cz/vdp/ruian/adresnimista/43069571"' in page


def test_an_ended_service_is_set_apart_from_every_listing(make_site):
    import datetime as dt

    from catalogue.index import publishable
    from catalogue.search.corpus import build_documents
    from catalogue.validate.cache import RecordCache
    from catalogue.validate.stage import check_content

    content = make_site({"services/pecovatelska-sluzba-lysa.yaml": SERVICE_2 + "end_date: 2026-10-31\n"})
    loaded = check_content(content, cache=RecordCache(None))
    assert not loaded.problems.has_errors()
    before = publishable(loaded.catalogue, on=dt.date(2026, 10, 31))
    after = publishable(loaded.catalogue, on=dt.date(2026, 11, 1))
    assert "pecovatelska-sluzba-lysa" in before.services and not before.ended  # its last day still counts
    assert "pecovatelska-sluzba-lysa" not in after.services and "pecovatelska-sluzba-lysa" in after.ended
    assert any("pecovatelska-sluzba-lysa" in str(doc) for doc in build_documents(before, lambda text: text))
    assert all("pecovatelska-sluzba-lysa" not in str(doc) for doc in build_documents(after, lambda text: text))
