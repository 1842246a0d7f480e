"""``check``: one fixture per failure mode, asserting the exact message and position."""

from __future__ import annotations

import pytest

from conftest import run_cli
from sites import LIFE_SITUATION, LOCALITIES, PROVIDER, SERVICE, SERVICE_2, SITE, VOCABULARIES

from catalogue.errors import Severity
from catalogue.model.vocabularies import CapacityUnit, PluralForms
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content
from catalogue.validate.terms import by_name

CONFIDENTIAL_FIELD = (
    "utajené místo tohle v obsahu nesmí mít vůbec, ani nezveřejněné: obsah je uložen v repozitáři git, který bývá "
    "veřejný; smažte to. Zůstává jen obec (locality, address.city); lidé se k místu dostanou přes veřejný telefon "
    "nebo e-mail služby, nebo přes veřejnou kontaktní adresu jako další místo"
)
SECRET_LINE = "    # no street, number, postcode or coordinates: the place is confidential\n    confidential: true"


def check(content, *extra) -> list[str]:
    result = run_cli("check", "--content", content, *extra)
    return result.lines


def errors_for(make_site, overrides) -> list[str]:
    content = make_site(overrides)
    lines = check(content)
    root = str(content) + "/"
    return [line.replace(root, "") for line in lines]


def test_valid_catalogue_passes(site):
    result = run_cli("check", "--content", site, "--strict")
    assert (result.code, result.out) == (0, 'žádné problémy\n')


def test_the_issue_example_reports_every_problem_at_once(make_site):
    service = SERVICE.replace("provider: charita-lysa", "provider: charita-lysaa").replace(
        "mon: 8:00-12:00, 13:00-16:00", 'mon: "8:00-25:00"'
    )
    content = make_site(
        {
            "services/azylovy-dum-lysa.yaml": service,
            "providers/spolecne.yaml": PROVIDER.replace('"00845451"', '"12345678"'),
        }
    )
    result = run_cli("check", "--content", content)
    out = result.out.replace(str(content) + "/", "")
    assert result.code == 1
    assert out.splitlines() == [
        'providers/spolecne.yaml:2:6: ico: „12345678“ neprošlo kontrolou IČO; zkontrolujte číslice',
        'services/azylovy-dum-lysa.yaml:2:11: provider: poskytovatel „charita-lysaa“ neexistuje (nemysleli jste „charita-lysa“?)',
        'services/azylovy-dum-lysa.yaml:21:12: locations[0].hours.mon: „8:00-25:00“ není časový interval; použijte HH:MM-HH:MM, např. 8:00-12:00, více intervalů oddělte čárkami (18:00-7:00 přechází přes půlnoc), nebo nonstop, po domluvě, zavřeno',
        '3 chyby ve 2 souborech',
    ]


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("count: 12", 'count: "12"', 'services/s.yaml:10:20: capacity[0].count: "12" není celé číslo; napište číslice bez uvozovek, např. 12'),
        ("count: 12", "count: twelve", 'services/s.yaml:10:20: capacity[0].count: twelve není celé číslo; napište číslice bez uvozovek, např. 12'),
        ("name: Azylový dům pro matky s dětmi", "name: 123", 'services/s.yaml:1:7: name: „123“ neobsahuje žádné písmeno, takže to nemůže být název; napište název, pod kterým to lidé znají'),
        ("name: Azylový dům pro matky s dětmi", "name: 3D dílna", None),  # digits with a letter are a name
        ("description: |\n  Azylový dům poskytuje dočasné ubytování matkám s dětmi.", "description: yes", 'services/s.yaml:25:14: description: „yes“ je jedno slovo, které čtenářům nic neřekne; napište větu, nebo řádek smažte'),
        ("description: |\n  Azylový dům poskytuje dočasné ubytování matkám s dětmi.", "description: '**ano.**'", 'services/s.yaml:25:14: description: „**ano.**“ je jedno slovo, které čtenářům nic neřekne; napište větu, nebo řádek smažte'),
        ("verified: 2026-09-01", "verified: 2026-09-01\nsummary: TODO", 'services/s.yaml:25:10: summary: „TODO“ je jedno slovo, které čtenářům nic neřekne; napište větu, nebo řádek smažte'),
        ("verified: 2026-09-01", "verified: 2026-09-01\nsummary: Pomoc v nouzi.", None),
        ("name: Azylový dům pro matky s dětmi", "name: [a, b]", 'services/s.yaml:1:7: name: čekal se text, je tu seznam'),
        ("forms: [residential]", "forms: residential", 'services/s.yaml:6:8: forms: čekal se seznam ([a, b] nebo řádky začínající -), je tu "residential"'),
        ("forms: [residential]", "forms: [stationary]", 'services/s.yaml:6:9: forms[0]: „stationary“ není forma poskytování; napište jedno z: pobytová (residential), ambulantní (outpatient), terénní (field)'),
        ("forms: [residential]", "forms: [terení]", 'services/s.yaml:6:9: forms[0]: „terení“ není forma poskytování (nemysleli jste „terénní“?); napište jedno z: pobytová (residential), ambulantní (outpatient), terénní (field)'),
        ("forms: [residential]", "forms: [pobytová, Terénní, ambulantni]", None),  # the words the site shows, any case, with or without diacritics
        ("forms: [residential]", "forms: [pobytová, residential]", 'services/s.yaml:6:19: forms[1]: „residential“ je uvedeno dvakrát; jedno smažte'),
        ("kind: registered", "kind: registrovaná sociální služba", None),
        ("kind: registered", "kind: placená", 'services/s.yaml:3:7: kind: „placená“ není druh záznamu; napište jedno z: registrovaná (registered), související (related)'),
        ("unit: beds", "unit: lůžka", None),  # a capacity unit by the name the site shows
        ("unit: beds", "unit: Lůžka", None),
        ("unit: beds", "unit: lůžko", 'services/s.yaml:10:30: capacity[0].unit: jednotka kapacity „lůžko“ neexistuje (nemysleli jste „lůžka“?); napište jedno z: lůžka (beds), klienti (clients)'),
        ("unit: beds", "unit: postele", 'services/s.yaml:10:30: capacity[0].unit: jednotka kapacity „postele“ neexistuje; napište jedno z: lůžka (beds), klienti (clients)'),
        ("unit: beds", "unit: klijenti", 'services/s.yaml:10:30: capacity[0].unit: jednotka kapacity „klijenti“ neexistuje (nemysleli jste „klienti“?); napište jedno z: lůžka (beds), klienti (clients)'),
        ("type: azylove-domy", "type: Azylové domy", None),
        ("target_groups: [rodiny-s-detmi, osoby-bez-pristresi]", "target_groups: [Rodiny s dětmi, osoby bez přístřeší]", None),
        ("target_groups: [rodiny-s-detmi, osoby-bez-pristresi]", "target_groups: [rodiny s dětmi, rodiny-s-detmi]", 'services/s.yaml:7:33: target_groups[1]: „rodiny-s-detmi“ je uvedeno dvakrát; jedno smažte'),
        ("target_groups: [rodiny-s-detmi, osoby-bez-pristresi]", "target_groups: [matky s dětmi]", 'services/s.yaml:7:17: target_groups[0]: cílová skupina „matky s dětmi“ neexistuje; napište jedno z: Osoby bez přístřeší (osoby-bez-pristresi), Rodiny s dětmi (rodiny-s-detmi), Senioři (seniori)'),
        ("languages: [cs, uk]", "languages: [čeština, українська]", None),
        ("forms: [residential]", "forms: [residential]\nfroms: [field]", 'services/s.yaml:7:1: froms: neznámé pole „froms“ (nemysleli jste „forms“?)'),
        ("kind: registered\n", "", 'services/s.yaml:1:1: chybí povinné pole „kind“; doplňte ho'),
        ("wheelchair: false", "wheelchair: maybe", 'services/s.yaml:19:17: locations[0].wheelchair: „maybe“ není ano ani ne; napište true nebo false bez uvozovek'),
        ("wheelchair: false", "wheelchair: no", None),
        ("verified: 2026-09-01", "verified: 2026-02-30", 'services/s.yaml:24:11: verified: „2026-02-30“ není datum; napište RRRR-MM-DD, např. 2026-09-01'),
        ("verified: 2026-09-01", "verified: 2027-01-01", 'services/s.yaml:24:11: verified: 2027-01-01 je v budoucnosti'),
        ('registry_id: "4139471"', "registry_id: 413947", 'services/s.yaml:5:14: registry_id: „413947“ není identifikátor z registru; má 7 číslic, např. "4139471"'),
        ("email: azyl@example.org", "email: azyl(at)example.org", 'services/s.yaml:13:46: contacts.email[0]: „azyl(at)example.org“ není e-mailová adresa; napište např. poradna@example.org'),
        ('phone: "+420 325 551 234"', 'phone: "325 55"', 'services/s.yaml:13:19: contacts.phone[0]: „325 55“ není telefonní číslo; napište např. +420 325 551 234, 325 551 234 nebo krátkou linku jako 116 123; klapku jako 325 551 234, linka 12'),
        ("email: azyl@example.org}", "email: azyl@example.org, web: javascript:alert(1)}", 'services/s.yaml:13:69: contacts.web: „javascript:alert(1)“ není webová adresa; napište např. www.example.org nebo https://www.example.org/poradna'),
        (SECRET_LINE, "    coordinates: {lat: 14.8312, lon: 50.2011}\n    confidential: false", 'services/s.yaml:17:18: locations[0].coordinates: 14.8312, 50.2011 leží mimo CZ; lat a lon vypadají prohozeně'),
        (SECRET_LINE, "    coordinates: {lat: 50,2011, lon: 14.8312}\n    confidential: false", None),  # 50,2011 in a flow mapping: YAML syntax, reported by the parser
        ("address: {city: Lysá nad Labem}", 'address: {street: Tajná, city: Lysá nad Labem}', f"services/s.yaml:15:23: locations[0].address.street: {CONFIDENTIAL_FIELD}"),
        ("address: {city: Lysá nad Labem}", 'address: {number: "4711/3", city: Lysá nad Labem}', f"services/s.yaml:15:23: locations[0].address.number: {CONFIDENTIAL_FIELD}"),
        ("address: {city: Lysá nad Labem}", 'address: {city: Lysá nad Labem, postcode: "289 22"}', f"services/s.yaml:15:47: locations[0].address.postcode: {CONFIDENTIAL_FIELD}"),
        (SECRET_LINE, "    coordinates: {lat: 50.2011, lon: 14.8312}\n    confidential: true", f"services/s.yaml:17:18: locations[0].coordinates: {CONFIDENTIAL_FIELD}"),
        (SECRET_LINE, "    notes: Vchod ze dvora za poštou.\n    confidential: true", f"services/s.yaml:17:12: locations[0].notes: {CONFIDENTIAL_FIELD}"),
        ("address: {city: Lysá nad Labem}", 'address: {city: Lysá nad Labem, ruian: "43069571"}', f"services/s.yaml:15:44: locations[0].address.ruian: {CONFIDENTIAL_FIELD}"),
        ("age: {min: 18}", "age: {min: 65, max: 18}", 'services/s.yaml:8:6: age: min je větší než max; prohoďte je'),
        ("tue: 8:00-12:00", "tue: 12:00-12:00", 'services/s.yaml:22:12: locations[0].hours.tue: „12:00-12:00“ není časový interval (začíná a končí ve stejný čas); použijte HH:MM-HH:MM, např. 8:00-12:00, více intervalů oddělte čárkami (18:00-7:00 přechází přes půlnoc), nebo nonstop, po domluvě, zavřeno'),
        ("tue: 8:00-12:00", "tue: 8:00-12:00, 11:00-13:00", 'services/s.yaml:22:12: locations[0].hours.tue: „8:00-12:00, 11:00-13:00“ není časový interval (dva intervaly se překrývají); použijte HH:MM-HH:MM, např. 8:00-12:00, více intervalů oddělte čárkami (18:00-7:00 přechází přes půlnoc), nebo nonstop, po domluvě, zavřeno'),
        ("tue: 8:00-12:00", "tue: 8.00–12.00", None),  # Czech typography is accepted
        ("tue: 8:00-12:00", "tue: 18:00-7:00", None),  # a night shelter: passes midnight on the day it starts
        # the times swapped: legal (open 21 hours, past midnight) but far more likely a slip, so a warning
        ("tue: 8:00-12:00", "tue: 12:00-9:00", 'services/s.yaml:22:12: varování: locations[0].hours.tue: 12:00–9:00 přechází přes půlnoc až do 9:00 dalšího rána; pokud jste mysleli 9:00–12:00 během dne, prohoďte časy'),
        ("tue: 8:00-12:00", "tue: po domluvě (volejte předem)", None),
        ("tue: 8:00-12:00", "tue: 9:00-11:00, po domluvě\n      sat: nepřetržitě\n      holidays: 9:00-12:00", None),
        ("tue: 8:00-12:00", "tue: 18:00-7:00\n      wed: 6:00-9:00", 'services/s.yaml:23:12: locations[0].hours.wed: začíná dřív, než skončí 18:00–7:00 dne tue (7:00 následujícího rána); interval přes půlnoc patří ke dni, kdy začíná: jeden z nich zkraťte'),
        ("tue: 8:00-12:00", "tue: nonstop, 8:00-9:00", 'services/s.yaml:22:12: locations[0].hours.tue: „nonstop“ nelze kombinovat s časy; napište buď nonstop, nebo časy'),
        ("tue: 8:00-12:00", "tue: 8:00-12:00\n      closed: [23. 12.–1. 1., 31. 2.]", 'services/s.yaml:23:31: locations[0].hours.closed[1]: „31. 2.“ není den v roce; napište 23. 12. (každý rok) nebo 23. 12. 2026 (jednou), případně 2026-12-23'),
        ("tue: 8:00-12:00", "tue: 8:00-12:00\n      closed: [2026-12-23–1. 1.]", 'services/s.yaml:23:16: locations[0].hours.closed[0]: „2026-12-23–1. 1.“ míchá den každého roku s dnem s rokem; uveďte rok u obou, nebo u žádného'),
        ("tue: 8:00-12:00", "tue: 8:00-12:00\n      closed: [zima]", 'services/s.yaml:23:16: locations[0].hours.closed[0]: „zima“ není uzavření; napište den nebo rozmezí dnů, např. 23. 12.–1. 1. (každý rok) nebo 3. 8. 2026–14. 8. 2026 (dovolená), poznámku za ně do závorky'),
        ("tue: 8:00-12:00", "tue: 8:00-12:00\n      seasons: [{from: 1. 7., to: 32. 8., tue: 9:00-12:00}]", 'services/s.yaml:23:35: locations[0].hours.seasons[0].to: „32. 8.“ není den v roce; napište 23. 12. (každý rok) nebo 23. 12. 2026 (jednou), případně 2026-12-23'),
        ("tue: 8:00-12:00", "tue: 8:00-12:00\n      holidays: maybe", 'services/s.yaml:23:17: locations[0].hours.holidays: „maybe“ není pravidlo pro svátky; napište closed, open (jako v daný den týdne) nebo hodiny jako 9:00-12:00'),
        ("    hours:\n      mon: 8:00-12:00, 13:00-16:00\n      tue: 8:00-12:00", "    hours:\n      - {label: Kancelář, mon: 8:00-12:00}\n      - {tue: 8:00-12:00}", 'services/s.yaml:21:7: locations[0].hours: místo s více rozvrhy potřebuje u každého název, např. label: Kancelář nebo label: Péče u klientů'),
        ("tue: 8:00-12:00", "tue: 510", 'services/s.yaml:22:12: locations[0].hours.tue: „510“ není časový interval; použijte HH:MM-HH:MM, např. 8:00-12:00, více intervalů oddělte čárkami (18:00-7:00 přechází přes půlnoc), nebo nonstop, po domluvě, zavřeno'),
        ("target_groups: [rodiny-s-detmi, osoby-bez-pristresi]", "target_groups: [rodiny-s-detmi, rodiny-s-detmi]", 'services/s.yaml:7:33: target_groups[1]: „rodiny-s-detmi“ je uvedeno dvakrát; jedno smažte'),
        ("languages: [cs, uk]", "languages: [cs, ua]", 'services/s.yaml:12:17: languages[1]: jazyk „ua“ neexistuje; napište jedno z: čeština (cs), ukrajinština (uk)'),
        ("type: azylove-domy", "type: svepomocne-skupiny", 'services/s.yaml:4:7: type: „svepomocne-skupiny“ není druh služby podle zákona 108/2006; registrovaná služba potřebuje druh s paragrafem, nebo použijte kind: related'),
        ("kind: registered", "kind: related", 'services/s.yaml:3:7: kind: „azylove-domy“ je druh registrované služby (§ 57); použijte kind: registered, nebo druh související aktivity'),
        ("locality: lysa", "locality: lisa", 'services/s.yaml:16:15: locations[0].locality: lokalita „lisa“ neexistuje (nemysleli jste „lysa“?)'),
        ("life_situations: [ztrata-bydleni]", "life_situations: [ztrata-bydlení]", 'services/s.yaml:23:19: life_situations[0]: „ztrata-bydlení“ není id; použijte malá písmena a-z, číslice a pomlčky, např. charita-lysa'),
    ],
)
def test_service_field_errors(make_site, replace, by, expected):
    assert replace in SERVICE
    lines = errors_for(make_site, {"services/azylovy-dum-lysa.yaml": None, "services/s.yaml": SERVICE.replace(replace, by, 1)})
    errors = [l for l in lines if "warning:" not in l and not l[0].isdigit() and l != 'žádné problémy']
    if expected is None:
        assert not [l for l in errors if "services/s.yaml" in l and "lat" not in by] or "50,2011" in by
    else:
        assert expected in errors, lines


def test_duplicate_registry_id_names_the_other_service(make_site):
    lines = errors_for(make_site, {"services/pecovatelska-sluzba-lysa.yaml": SERVICE_2.replace('"1234567"', '"4139471"')})
    assert 'services/pecovatelska-sluzba-lysa.yaml:5:14: registry_id: „4139471“ už používá služba „azylovy-dum-lysa“; každá registrovaná služba má své vlastní' in lines


def test_locality_cycle(make_site):
    lines = errors_for(make_site, {"localities/kraj.yaml": "name: Kraj\nlevel: region\nparent: lysa\n"})
    assert 'localities/kraj.yaml:3:9: parent: „lysa“ vede zpět k „kraj“: lokality tvoří kruh' in lines


def test_levels_and_groups_accept_the_words_the_site_shows(make_site):
    content = make_site(
        {
            "localities/litol.yaml": "name: Litol\nlevel: Část obce\nparent: lysa\n",
            "vocabularies/service-types.yaml": VOCABULARIES["service-types"].replace("group: care", "group: služby sociální péče"),
        }
    )
    loaded = check_content(content, cache=RecordCache(None))
    assert not loaded.problems.items
    assert loaded.catalogue.localities["litol"].level == "part"
    assert loaded.catalogue.vocab.service_types["pecovatelska-sluzba"].group == "care"


def test_unknown_level_and_group_list_the_czech_words(make_site):
    lines = errors_for(
        make_site,
        {
            "localities/litol.yaml": "name: Litol\nlevel: vesnice\nparent: lysa\n",
            "vocabularies/service-types.yaml": VOCABULARIES["service-types"].replace("group: care", "group: pece a pomoc"),
        },
    )
    assert (
        'localities/litol.yaml:2:8: level: „vesnice“ není úroveň lokality; napište jedno z: kraj (region), okres (district), obec (municipality), městská část (city-district), část obce (part), čtvrť (neighbourhood)'
    ) in lines
    assert (
        'vocabularies/service-types.yaml:3:74: pecovatelska-sluzba.group: „pece a pomoc“ není skupina druhů služeb; napište jedno z: poradenství (counselling), péče (care), prevence (prevention), související aktivity (related)'
    ) in lines


def test_terms_named_by_name_reach_the_catalogue_as_ids(make_site):
    service = SERVICE.replace("unit: beds", "unit: Lůžka").replace("type: azylove-domy", "type: azylové domy")
    service = service.replace("forms: [residential]", "forms: [pobytová]").replace("languages: [cs, uk]", "languages: [українська]")
    content = make_site({"services/azylovy-dum-lysa.yaml": service})
    loaded = check_content(content, cache=RecordCache(None))
    assert [p.message for p in loaded.problems.items if p.severity == Severity.ERROR] == []
    record = loaded.catalogue.services["azylovy-dum-lysa"]
    assert (record.type, record.forms, record.capacity[0].unit, record.languages) == ("azylove-domy", ["residential"], "beds", ["uk"])
    assert loaded.catalogue.services_by_type["azylove-domy"]


def test_a_capacity_unit_is_found_by_its_forms_after_numbers():
    unit = CapacityUnit(name="lůžka", forms=PluralForms(one="lůžko", few="lůžka", other="lůžek"))
    assert by_name({"beds": unit}) == {"luzka": "beds", "luzko": "beds", "luzek": "beds", "beds": "beds"}


def test_locality_level_must_decrease(make_site):
    lines = errors_for(make_site, {"localities/litol.yaml": "name: Litol\nlevel: region\nparent: lysa\n"})
    assert 'localities/litol.yaml:3:9: parent: úroveň kraj (region) nemůže ležet v „lysa“, což je úroveň obec (municipality); zvolte větší nadřazenou lokalitu' in lines


def test_location_outside_area_is_a_warning(make_site):
    lines = errors_for(make_site, {"services/azylovy-dum-lysa.yaml": SERVICE.replace("area: [lysa, milovice]", "area: [milovice]")})
    assert 'services/azylovy-dum-lysa.yaml:16:15: varování: locations[0].locality: „lysa“ leží mimo území, kde služba působí; doplňte ji do area, nebo lokalitu zkontrolujte' in lines


def test_unverified_and_old_records_warn_and_strict_fails(make_site):
    content = make_site({"services/pecovatelska-sluzba-lysa.yaml": SERVICE_2.replace("verified: 2026-10-01", "verified: 2025-10-01")})
    result = run_cli("check", "--content", content)
    assert result.code == 0
    assert any('varování: verified: naposledy ověřeno 2025-10-01, před více než 12 měsíci' in l for l in result.lines)
    strict = run_cli("check", "--content", content, "--strict")
    assert strict.code == 1
    assert strict.lines[-1] == '1 chyba v 1 souboru'


def test_verification_age_is_configurable(make_site):
    content = make_site(
        {
            "site.yaml": SITE + "checks: {verified_max_age_months: 24}\n",
            "services/pecovatelska-sluzba-lysa.yaml": SERVICE_2.replace("verified: 2026-10-01", "verified: 2025-10-01"),
        }
    )
    assert run_cli("check", "--content", content, "--strict").code == 0


def test_no_contact_and_no_description_warn(make_site):
    provider = "name: Spolek Bez Kontaktu\n"
    service = SERVICE_2.replace("provider: charita-lysa", "provider: spolek").replace("description: Pomoc seniorům v domácnosti.\n", "")
    lines = errors_for(make_site, {"providers/spolek.yaml": provider, "services/pecovatelska-sluzba-lysa.yaml": service})
    assert 'services/pecovatelska-sluzba-lysa.yaml:1:1: varování: chybí popis; napište pár vět o tom, co služba dělá' in lines
    assert 'services/pecovatelska-sluzba-lysa.yaml:1:1: varování: contacts: chybí telefon, e-mail i web, tady i u poskytovatele; jak se lidé na službu obrátí?' in lines


@pytest.mark.parametrize(
    ("language", "forms", "expected"),
    [
        ("cs", "{one: lůžko, few: lůžka, other: lůžek}", []),
        ("cs", "{one: lůžko, few: lůžka, many: lůžek}", [
            'vocabularies/capacity-units.yaml:1:28: beds.forms: chybí tvar „other“; čeština ho používá po číslech 0, 5, 6, 7…; doplňte other: …',
            'vocabularies/capacity-units.yaml:1:59: varování: beds.forms.many: čeština tvar „many“ po celém čísle nepoužívá; smažte ho (používá one, few, other)',
        ]),
        ("cs", "{}", [
            'vocabularies/capacity-units.yaml:1:28: beds.forms: chybí tvar „few“; čeština ho používá po číslech 2, 3, 4; doplňte few: …',
            'vocabularies/capacity-units.yaml:1:28: beds.forms: chybí tvar „one“; čeština ho používá po číslech 1; doplňte one: …',
            'vocabularies/capacity-units.yaml:1:28: beds.forms: chybí tvar „other“; čeština ho používá po číslech 0, 5, 6, 7…; doplňte other: …',
        ]),
        ("pl", "{one: łóżko, few: łóżka, many: łóżek}", []),
        ("pl", "{one: łóżko, few: łóżka, other: łóżek}", [
            'vocabularies/capacity-units.yaml:1:28: beds.forms: brak formy „many”; język polski używa jej po liczbach 0, 5, 6, 7…; dodaj many: …',
            'vocabularies/capacity-units.yaml:1:60: ostrzeżenie: beds.forms.other: język polski nie używa formy „other” po liczbie całkowitej; usuń ją (używa one, few, many)',
        ]),
        ("en", "{one: bed, other: beds}", []),
    ],
)
def test_capacity_unit_forms_cover_the_plurals_of_the_site_language(make_site, language, forms, expected):
    lines = errors_for(make_site, {
        "site.yaml": SITE.replace("language: cs", f"language: {language}"),
        "vocabularies/capacity-units.yaml": f"beds: {{name: lůžka, forms: {forms}}}\nclients: {{name: klienti}}\n",
    })
    assert [l for l in lines if l.startswith("vocabularies/")] == expected


def test_file_level_problems(make_site):
    lines = errors_for(
        make_site,
        {
            "services/Bad Name.yaml": "name: x\n",
            "services/list.yaml": "- a\n- b\n",
            "services/empty.yaml": "",
            "services/binary.yaml": b"\x89PNG\r\n\x1a\n\x00\x00",
            "services/old.yml": "name: x\n",
            "services/with-id.yaml": SERVICE.replace('registry_id: "4139471"', 'registry_id: "7654321"') + "id: other\n",
        },
    )
    assert 'services/Bad Name.yaml:1:1: název souboru „Bad Name“ není platné id; použijte malá písmena a-z, číslice a pomlčky, např. charita-lysa.yaml' in lines
    assert 'services/list.yaml:1:1: soubor obsahuje seznam; záznam je výčet polí (name: …)' in lines
    assert 'services/empty.yaml:1:1: soubor je prázdný; musí obsahovat jeden záznam' in lines
    assert 'services/binary.yaml:1:1: soubor není platné UTF-8 (bajt 0x89); uložte ho v UTF-8' in lines
    assert 'services/old.yml:1:1: soubory ve services/ končí na .yaml; přejmenujte ho' in lines
    assert 'services/with-id.yaml:27:1: id: id je název souboru; tento řádek smažte (místo toho soubor přejmenujte)' in lines


def test_missing_site_yaml(make_site):
    lines = errors_for(make_site, {"site.yaml": None})
    assert lines[0] == 'site.yaml:1:1: chybí site.yaml; zkopírujte ho z ukázkového katalogu a upravte'


def test_life_situation_references(make_site):
    lines = errors_for(make_site, {"life-situations/ztrata-bydleni.yaml": LIFE_SITUATION.replace("[azylove-domy]", "[azylove-dom]") + "services: [nic]\n"})
    assert 'life-situations/ztrata-bydleni.yaml:4:19: gathers.types[0]: druh služby „azylove-dom“ neexistuje (nemysleli jste „Azylové domy“?); napište jedno z: Azylové domy (azylove-domy), Odborné sociální poradenství (odborne-socialni-poradenstvi), Pečovatelská služba (pecovatelska-sluzba), Svépomocné skupiny (svepomocne-skupiny)' in lines
    assert 'life-situations/ztrata-bydleni.yaml:5:12: services[0]: služba „nic“ neexistuje; viz seznam v příručce pro redakci (služba)' in lines


def test_errors_are_sorted_by_file_and_line_with_a_summary(make_site):
    content = make_site(
        {
            "services/b.yaml": "name: B\nfoo: 1\n",
            "services/a.yaml": "name: A\nbar: 2\n",
            "localities/x.yaml": "name: X\nlevel: city\n",
        }
    )
    result = run_cli("check", "--content", content)
    paths = [l.split(":")[0] for l in result.lines[:-1]]
    assert paths == sorted(paths)
    assert result.lines[-1].startswith(f"{len(result.lines) - 1} chyb ve 3 souborech")


def test_github_annotations(make_site):
    content = make_site({"services/s.yaml": "name: X\n"})
    result = run_cli("check", "--content", content, "--github")
    assert any(l.startswith(f"::error file={content}/services/s.yaml,line=1,col=1::") for l in result.lines)


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("check", "--content", tmp_path / "nope").code == 2
    assert run_cli("frobnicate").code == 2
    assert run_cli().code == 2


def test_internal_bug_prints_a_short_message(site, monkeypatch):
    import catalogue.validate.stage as stage

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(stage, "load_folder", boom)
    result = run_cli("check", "--content", site)
    assert result.code == 3
    assert result.err == 'chyba: vnitřní chyba (RuntimeError: kaboom); spusťte znovu s --debug, zobrazí se podrobnosti, a chybu nahlaste\n'
    assert "Traceback" not in result.out + result.err
