"""``check`` on the community plan's files: one case per failure mode, with the exact message and position."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_cli
from plan_sites import plan_files, write_plan_site
from sites import SERVICE_2


CASES = [
    ('plans/2025-2028.yaml', 'status: comment', 'status: schvalen', 'plans/2025-2028.yaml:4:9: status: "schvalen" není povoleno; použijte jedno z: \'draft\', \'comment\', \'approved\' or \'evaluated\''),
    ('plans/2025-2028.yaml', 'period: {start: 2025, end: 2028}', 'period: {start: 2028, end: 2025}', 'plans/2025-2028.yaml:3:9: period: start je po end; roky prohoďte'),
    ('plans/2025-2028.yaml', 'period: {start: 2025, end: 2028}', 'period: {start: 20025, end: 2028}', 'plans/2025-2028.yaml:3:17: period.start: „20025“ není rok; napište čtyři číslice bez uvozovek, např. 2021'),
    ('plans/2025-2028.yaml', 'area: [lysa, milovice]', 'area: [lysa, milovic]', 'plans/2025-2028.yaml:5:14: area[1]: lokalita „milovic“ neexistuje (nemysleli jste „milovice“?)'),
    ('plans/2025-2028.yaml', 'commissioner: mesto-testov', 'commissioner: mesto-testow', 'plans/2025-2028.yaml:6:15: commissioner: organizace „mesto-testow“ neexistuje (nemysleli jste „mesto-testov“?); uveďte poskytovatele (providers/), nebo ji doplňte do organisations v plans/2025-2028.yaml'),
    ('plans/2025-2028.yaml', 'status: comment', 'status: approved', 'plans/2025-2028.yaml:4:9: varování: status: plán má stav approved, ale neuvádí, kdo ho schválil; doplňte approval: {body: …, resolution: …, date: …}'),
    ('plans/2025-2028/priorities/2.yaml', 'number: 2', 'number: 1', 'plans/2025-2028/priorities/2.yaml:1:9: number: priorita 1 už má toto číslo v priorities/1.yaml; čísla jsou v rámci plánu jedinečná'),
    ('plans/2025-2028/priorities/2.yaml', 'number: 2', 'number: II', 'plans/2025-2028/priorities/2.yaml:1:9: number: „II“ není číslo priority; napište celé číslo, např. 2'),
    ('plans/2025-2028/measures/2-2.yaml', 'number: 2.2', 'number: 2.1', 'plans/2025-2028/measures/2-2.yaml:1:9: number: opatření 2.1 už má toto číslo v measures/2-1.yaml; čísla jsou v rámci plánu jedinečná'),
    ('plans/2025-2028/measures/2-2.yaml', 'number: 2.2', 'number: 3.1', 'plans/2025-2028/measures/2-2.yaml:1:9: number: opatření 3.1 patří k prioritě 3, kterou plán nemá (jeho priority: 1, 2); doplňte priorities/3.yaml, nebo opatření přečíslujte'),
    ('plans/2025-2028/measures/2-2.yaml', 'number: 2.2', 'number: 2,2', 'plans/2025-2028/measures/2-2.yaml:1:9: number: „2,2“ není číslo opatření; napište prioritu a opatření, např. 2.3'),
    ('plans/2025-2028/measures/1-1.yaml', 'responsible: charita-lysa', 'responsible: charita-lisa', 'plans/2025-2028/measures/1-1.yaml:9:14: responsible: organizace „charita-lisa“ neexistuje (nemysleli jste „charita-lysa“?); uveďte poskytovatele (providers/), nebo ji doplňte do organisations v plans/2025-2028.yaml'),
    ('plans/2025-2028/measures/1-1.yaml', 'services: [pecovatelska-sluzba-lysa]', 'services: [pecovatelska-sluzba-lisa]', 'plans/2025-2028/measures/1-1.yaml:8:12: services[0]: služba „pecovatelska-sluzba-lisa“ neexistuje (nemysleli jste „pecovatelska-sluzba-lysa“?)'),
    ('plans/2025-2028/measures/1-1.yaml', 'funding: [kraj, obec]', 'funding: [kraj, obce]', 'plans/2025-2028/measures/1-1.yaml:14:17: funding[1]: zdroj financování „obce“ neexistuje (nemysleli jste „obec“?); doplňte ho do funding_sources v plans/2025-2028.yaml'),
    ('plans/2025-2028/measures/1-1.yaml', 'working_group: seniori', 'working_group: senioři', 'plans/2025-2028/measures/1-1.yaml:11:16: working_group: „senioři“ není id; použijte malá písmena a-z, číslice a pomlčky, např. charita-lysa'),
    ('plans/2025-2028/measures/1-1.yaml', 'working_group: seniori', 'working_group: seniory', 'plans/2025-2028/measures/1-1.yaml:11:16: working_group: pracovní skupina „seniory“ v plánu „2025-2028“ není (nemysleli jste „seniori“?)'),
    ('plans/2025-2028/measures/1-1.yaml', '    unit: hodin za rok\n', '', 'plans/2025-2028/measures/1-1.yaml:16:5: varování: indicators[0]: ukazatel „Hodiny péče o víkendu“ nemá jednotku; doplňte unit: (např. klientů, lůžek, %), aby jeho čísla dávala smysl'),
    ('plans/2025-2028/measures/1-1.yaml', 'values: {2025: 250, 2026: 480}', 'values: {2025: 250, 2026: 4,80}', 'plans/2025-2028/measures/1-1.yaml:20:35: indicators[0].values.80: „80“ není rok; napište čtyři číslice bez uvozovek, např. 2021'),
    ('plans/2025-2028/measures/1-1.yaml', 'values: {2025: 250, 2026: 480}', 'values: {2025: 250, 26: 480}', 'plans/2025-2028/measures/1-1.yaml:20:29: indicators[0].values.26: „26“ není rok; napište čtyři číslice bez uvozovek, např. 2021'),
    ('plans/2025-2028/measures/1-1.yaml', 'timeline: {start: 2025, end: 2026}', 'timeline: {start: 2025, end: 2031}', 'plans/2025-2028/measures/1-1.yaml:12:11: varování: timeline: roky 2025–2031 sahají mimo období plánu 2025–2028'),
    ('plans/2025-2028/measures/1-1.yaml', 'status: in_progress', 'status: hotovo', 'plans/2025-2028/measures/1-1.yaml:4:9: status: "hotovo" není povoleno; použijte jedno z: \'planned\', \'in_progress\', \'done\' or \'dropped\''),
    ('plans/2025-2028/action-plans/2025.yaml', 'year: 2025', 'year: 2030', 'plans/2025-2028/action-plans/2025.yaml:1:7: year: rok 2030 leží mimo období plánu 2025–2028 (akční plán může pokrýt i rok 2024, rok předtím)'),
    ('plans/2025-2028/action-plans/2025.yaml', '  - measure: 1.1', '  - measure: 1.7', 'plans/2025-2028/action-plans/2025.yaml:5:14: measures[0].measure: opatření 1.7 v plánu „2025-2028“ není; jeho opatření jsou 1.1, 2.1, 2.2'),
    ('plans/2025-2028/action-plans/2025.yaml', '{source: obec, amount: 200000}', '{source: obecni, amount: 200000}', 'plans/2025-2028/action-plans/2025.yaml:8:56: measures[0].funding[1].source: zdroj financování „obecni“ neexistuje (nemysleli jste „obec“?); doplňte ho do funding_sources v plans/2025-2028.yaml'),
    ('plans/2025-2028/action-plans/2025.yaml', '    - service: pecovatelska-sluzba-lysa', '    - service: klub-senioru-milovice', 'plans/2025-2028/action-plans/2025.yaml:12:16: varování: network.services[0].service: „klub-senioru-milovice“ není v síti daného roku (include: registered); doplňte ji do network.add, nebo tyto podrobnosti smažte'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'members: [charita-lysa, mesto-testov]', 'members: [charita-lysa, charita-lysa]', 'plans/2025-2028/working-groups/seniori.yaml:5:25: members[1]: „charita-lysa“ je uvedeno dvakrát; jedno smažte'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'minutes_pdf: zapis-2026-06-02.pdf', 'minutes_pdf: zapis-2026-06-03.pdf', 'plans/2025-2028/working-groups/seniori.yaml:13:18: meetings[1].minutes_pdf: soubor „zapis-2026-06-03.pdf“ ve files/ není (nemysleli jste „zapis-2026-06-02.pdf“?); vložte tam PDF, nebo napište jeho webovou adresu'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'minutes_pdf: zapis-2026-06-02.pdf', 'minutes_pdf: Zápis 2. 6..pdf', 'plans/2025-2028/working-groups/seniori.yaml:13:18: meetings[1].minutes_pdf: „Zápis 2. 6..pdf“ není PDF ve files/ ani webová adresa; napište např. komunitni-plan-2020-2024.pdf (malá písmena a-z, číslice a pomlčky) nebo https://…'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'date: 2026-03-10', 'date: 2027-03-10', 'plans/2025-2028/working-groups/seniori.yaml:7:11: meetings[0].date: 2027-03-10 je v budoucnosti, a přesto má schůzka zápis; zkontrolujte datum'),
    ('plans/2025-2028/comment-periods/navrh.yaml', 'closes: 2026-12-15', 'closes: 2026-10-15', 'plans/2025-2028/comment-periods/navrh.yaml:3:9: closes: 2026-10-15 je před začátkem řízení (2026-11-01); data prohoďte'),
    ('plans/2025-2028/comment-periods/aktualizace-2025.yaml', 'outcome: partly', 'outcome: maybe', 'plans/2025-2028/comment-periods/aktualizace-2025.yaml:9:14: comments[0].outcome: "maybe" není povoleno; použijte jedno z: \'accepted\', \'partly\', \'rejected\' or \'noted\''),
    ('plans/2025-2028/comment-periods/aktualizace-2025.yaml', 'changed: [1.1]', 'changed: [1.4]', 'plans/2025-2028/comment-periods/aktualizace-2025.yaml:11:15: comments[0].changed[0]: opatření 1.4 v plánu „2025-2028“ není; jeho opatření jsou 1.1, 2.1, 2.2'),
    ('news/2026-11-01-navrh.md', 'plan: 2025-2028\n', '', 'news/2026-11-01-navrh.md:6:11: measures: opatření patří k plánu; doplňte plan: (id plánu)'),
    ('news/2026-11-01-navrh.md', 'plan: 2025-2028', 'plan: 2025-2029', 'news/2026-11-01-navrh.md:6:7: plan: plán „2025-2029“ neexistuje (nemysleli jste „2025-2028“?)'),
    ('news/2026-11-01-navrh.md', 'date: 2026-11-01', 'date: 1. 11. 2026', 'news/2026-11-01-navrh.md:3:7: date: „1. 11. 2026“ není datum; napište RRRR-MM-DD, např. 2026-09-01'),
    ('news/2026-05-04-vikendy.md', 'updated: 2026-05-06', 'updated: 2026-05-01', 'news/2026-05-04-vikendy.md:4:10: updated: 2026-05-01 je před datem novinky, 2026-05-04'),
]


def problems(tmp_path, overrides: dict) -> list[str]:
    return problems_of(write_plan_site(tmp_path / "content", overrides))


def problems_of(content) -> list[str]:
    result = run_cli("check", "--content", content)
    return [line.replace(f"{content}/", "") for line in result.lines]


def test_the_plan_fixture_and_the_demo_plan_pass_strict(tmp_path):
    assert run_cli("check", "--content", write_plan_site(tmp_path / "content"), "--strict").lines == ['žádné problémy']
    assert run_cli("check", "--content", ROOT / "content", "--strict").lines == ['žádné problémy']


@pytest.mark.parametrize(("file", "replace", "by", "expected"), CASES, ids=[f"{c[0].rsplit('/', 1)[-1]}: {c[2][:30]}" for c in CASES])
def test_each_mistake_in_a_plan_file_is_reported_where_it_is(tmp_path, file, replace, by, expected):
    text = plan_files()[file]
    assert replace in text
    assert expected in problems(tmp_path, {file: text.replace(replace, by, 1)})


def test_a_folder_of_parts_needs_its_plan_and_holds_only_the_folders_of_parts(tmp_path):
    found = problems(tmp_path, {
        "plans/stary/measures/1-1.yaml": "number: 1.1\ntitle: X\nresponsible: charita-lysa\n",
        "plans/2025-2028/opatreni/1-2.yaml": "number: 1.2\n",
    })
    assert 'plans/stary:1:1: složka nepatří k žádnému záznamu; doplňte plans/stary.yaml, nebo složku pojmenujte podle jejího záznamu' in found
    assert ('plans/2025-2028/opatreni:1:1: varování: není součástí záznamu; nečte se (složka obsahuje priorities, measures, action-plans, working-groups, comment-periods)') in found


def test_the_plan_is_the_folder_and_the_id_the_file_name(tmp_path):
    found = problems(tmp_path, {"plans/2025-2028/priorities/2.yaml": "plan: jiny\nnumber: 2\ntitle: Bydlení\n"})
    assert 'plans/2025-2028/priorities/2.yaml:1:1: plan: plan je složka, ve které soubor leží; tento řádek smažte' in found


def test_files_holds_pdfs_that_records_name(tmp_path):
    found = problems(tmp_path, {"files/navrh-planu.pdf": b"<html>not a pdf</html>", "files/stary-zapis.pdf": b"%PDF-1.7\n"})
    assert 'files/navrh-planu.pdf:1:1: soubor není PDF (nezačíná %PDF-); vyexportujte ho do PDF znovu' in found
    assert ('files/stary-zapis.pdf:1:1: varování: tento soubor neuvádí žádný plán, schůzka ani připomínkové řízení; uveďte ho (document, draft, minutes_pdf), nebo ho smažte') in found


def test_a_measure_whose_services_have_all_ended_is_a_warning(tmp_path):
    ended = SERVICE_2 + "end_date: 2026-06-30\n"
    found = problems(tmp_path, {"services/pecovatelska-sluzba-lysa.yaml": ended})
    assert ('plans/2025-2028/measures/1-1.yaml:8:11: varování: services: všechny služby tohoto opatření skončily (pecovatelska-sluzba-lysa dne 2026-06-30); uveďte služby, které v něm pokračují, nebo nastavte status: done či dropped') in found


def test_a_web_form_may_write_the_values_of_an_indicator_as_a_list(tmp_path):
    text = plan_files()["plans/2025-2028/measures/1-1.yaml"].replace(
        "values: {2025: 250, 2026: 480}", "values: [{year: 2025, value: 250}, {year: 2026, value: 480}]")
    assert problems(tmp_path, {"plans/2025-2028/measures/1-1.yaml": text}) == ['žádné problémy']


def test_a_web_form_may_write_the_plans_organisations_and_funding_sources_as_lists_with_their_ids(tmp_path):
    text = plan_files()["plans/2025-2028.yaml"].replace(
        "organisations:\n  mesto-testov: {name: Město Testov, web: https://testov.example.org}",
        "organisations:\n  - {id: mesto-testov, name: Město Testov, web: https://testov.example.org}",
    ).replace("  kraj: {name: Krajská dotace}\n  obec: {name: Rozpočet obce}", "  - {id: kraj, name: Krajská dotace}\n  - {id: obec, name: Rozpočet obce}")
    assert problems(tmp_path, {"plans/2025-2028.yaml": text}) == ['žádné problémy']
    twice = text.replace("{id: obec, name: Rozpočet obce}", "{id: kraj, name: Rozpočet obce}")
    assert problems(tmp_path / "twice", {"plans/2025-2028.yaml": twice}) == [
        "plans/2025-2028.yaml:15:3: funding_sources: napište je jako {id: {name: …}}, nebo jako seznam {id: …, name: …} s různými id",
        '1 chyba v 1 souboru',
    ]


def test_a_plans_folder_linked_out_of_the_content_folder_is_refused_once_and_none_of_its_files_read(tmp_path):
    content = write_plan_site(tmp_path / "content")
    elsewhere = tmp_path / "elsewhere"
    (content / "plans/2025-2028").rename(elsewhere)
    (content / "plans/2025-2028").symlink_to(elsewhere)
    found = problems_of(content)
    refused = [line for line in found if "mimo složku s obsahem" in line]
    assert refused == [f"plans/2025-2028:1:1: složka je odkaz na {elsewhere}, mimo složku s obsahem; nečte se: "
                       "místo odkazu vložte do složky s obsahem přímo soubor"]
    from catalogue.validate.cache import RecordCache
    from catalogue.validate.stage import check_content

    records = check_content(content, cache=RecordCache(None)).catalogue.records
    assert [key for key in records if key.startswith("plan-") and records[key]] == []  # no part of it was read
