"""``check`` on the community plan's files: one case per failure mode, with the exact message and position."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_cli
from plan_sites import plan_files, write_plan_site
from sites import SERVICE_2


CASES = [
    ('plans/2025-2028.yaml', 'status: comment', 'status: schvalen', 'plans/2025-2028.yaml:4:9: status: "schvalen" is not allowed; use one of \'draft\', \'comment\', \'approved\' or \'evaluated\''),
    ('plans/2025-2028.yaml', 'period: {start: 2025, end: 2028}', 'period: {start: 2028, end: 2025}', 'plans/2025-2028.yaml:3:9: period: start is after end; swap the years'),
    ('plans/2025-2028.yaml', 'period: {start: 2025, end: 2028}', 'period: {start: 20025, end: 2028}', 'plans/2025-2028.yaml:3:17: period.start: "20025" is not a year; write four digits without quotes, e.g. 2021'),
    ('plans/2025-2028.yaml', 'area: [lysa, milovice]', 'area: [lysa, milovic]', 'plans/2025-2028.yaml:5:14: area[1]: no locality "milovic" (did you mean "milovice"?)'),
    ('plans/2025-2028.yaml', 'commissioner: mesto-testov', 'commissioner: mesto-testow', 'plans/2025-2028.yaml:6:15: commissioner: no organisation "mesto-testow" (did you mean "mesto-testov"?); name a provider (providers/) or add it to organisations in plans/2025-2028.yaml'),
    ('plans/2025-2028.yaml', 'status: comment', 'status: approved', 'plans/2025-2028.yaml:4:9: warning: status: the plan is approved but does not say who approved it; add approval: {body: …, resolution: …, date: …}'),
    ('plans/2025-2028/priorities/2.yaml', 'number: 2', 'number: 1', 'plans/2025-2028/priorities/2.yaml:1:9: number: priority 1 is already numbered so in priorities/1.yaml; numbers are unique within a plan'),
    ('plans/2025-2028/priorities/2.yaml', 'number: 2', 'number: II', 'plans/2025-2028/priorities/2.yaml:1:9: number: "II" is not a priority number; write a whole number, e.g. 2'),
    ('plans/2025-2028/measures/2-2.yaml', 'number: 2.2', 'number: 2.1', 'plans/2025-2028/measures/2-2.yaml:1:9: number: measure 2.1 is already numbered so in measures/2-1.yaml; numbers are unique within a plan'),
    ('plans/2025-2028/measures/2-2.yaml', 'number: 2.2', 'number: 3.1', 'plans/2025-2028/measures/2-2.yaml:1:9: number: measure 3.1 belongs to priority 3, which the plan does not have (its priorities: 1, 2); add priorities/3.yaml or renumber the measure'),
    ('plans/2025-2028/measures/2-2.yaml', 'number: 2.2', 'number: 2,2', 'plans/2025-2028/measures/2-2.yaml:1:9: number: "2,2" is not a measure number; write the priority and the measure, e.g. 2.3'),
    ('plans/2025-2028/measures/1-1.yaml', 'responsible: charita-lysa', 'responsible: charita-lisa', 'plans/2025-2028/measures/1-1.yaml:9:14: responsible: no organisation "charita-lisa" (did you mean "charita-lysa"?); name a provider (providers/) or add it to organisations in plans/2025-2028.yaml'),
    ('plans/2025-2028/measures/1-1.yaml', 'services: [pecovatelska-sluzba-lysa]', 'services: [pecovatelska-sluzba-lisa]', 'plans/2025-2028/measures/1-1.yaml:8:12: services[0]: no service "pecovatelska-sluzba-lisa" (did you mean "pecovatelska-sluzba-lysa"?)'),
    ('plans/2025-2028/measures/1-1.yaml', 'funding: [kraj, obec]', 'funding: [kraj, obce]', 'plans/2025-2028/measures/1-1.yaml:14:17: funding[1]: no funding source "obce" (did you mean "obec"?); add it to funding_sources in plans/2025-2028.yaml'),
    ('plans/2025-2028/measures/1-1.yaml', 'working_group: seniori', 'working_group: senioři', 'plans/2025-2028/measures/1-1.yaml:11:16: working_group: "senioři" is not an id; use lowercase letters a-z, digits and hyphens, e.g. charita-lysa'),
    ('plans/2025-2028/measures/1-1.yaml', 'working_group: seniori', 'working_group: seniory', 'plans/2025-2028/measures/1-1.yaml:11:16: working_group: no working group "seniory" in plan "2025-2028" (did you mean "seniori"?)'),
    ('plans/2025-2028/measures/1-1.yaml', '    unit: hodin za rok\n', '', 'plans/2025-2028/measures/1-1.yaml:16:5: warning: indicators[0]: indicator "Hodiny péče o víkendu" has no unit; add unit: (e.g. klientů, lůžek, %) so its numbers can be read'),
    ('plans/2025-2028/measures/1-1.yaml', 'values: {2025: 250, 2026: 480}', 'values: {2025: 250, 2026: 4,80}', 'plans/2025-2028/measures/1-1.yaml:20:35: indicators[0].values.80: "80" is not a year; write four digits without quotes, e.g. 2021'),
    ('plans/2025-2028/measures/1-1.yaml', 'values: {2025: 250, 2026: 480}', 'values: {2025: 250, 26: 480}', 'plans/2025-2028/measures/1-1.yaml:20:29: indicators[0].values.26: "26" is not a year; write four digits without quotes, e.g. 2021'),
    ('plans/2025-2028/measures/1-1.yaml', 'timeline: {start: 2025, end: 2026}', 'timeline: {start: 2025, end: 2031}', "plans/2025-2028/measures/1-1.yaml:12:11: warning: timeline: the years 2025–2031 reach outside the plan's period 2025–2028"),
    ('plans/2025-2028/measures/1-1.yaml', 'status: in_progress', 'status: hotovo', 'plans/2025-2028/measures/1-1.yaml:4:9: status: "hotovo" is not allowed; use one of \'planned\', \'in_progress\', \'done\' or \'dropped\''),
    ('plans/2025-2028/action-plans/2025.yaml', 'year: 2025', 'year: 2030', "plans/2025-2028/action-plans/2025.yaml:1:7: year: 2030 lies outside the plan's period 2025–2028 (an action plan may also cover 2024, the year before)"),
    ('plans/2025-2028/action-plans/2025.yaml', '  - measure: 1.1', '  - measure: 1.7', 'plans/2025-2028/action-plans/2025.yaml:5:14: measures[0].measure: no measure 1.7 in plan "2025-2028"; its measures are 1.1, 2.1, 2.2'),
    ('plans/2025-2028/action-plans/2025.yaml', '{source: obec, amount: 200000}', '{source: obecni, amount: 200000}', 'plans/2025-2028/action-plans/2025.yaml:8:56: measures[0].funding[1].source: no funding source "obecni" (did you mean "obec"?); add it to funding_sources in plans/2025-2028.yaml'),
    ('plans/2025-2028/action-plans/2025.yaml', '    - service: pecovatelska-sluzba-lysa', '    - service: klub-senioru-milovice', 'plans/2025-2028/action-plans/2025.yaml:12:16: warning: network.services[0].service: "klub-senioru-milovice" is not in the year\'s network (include: registered); add it to network.add, or remove these details'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'members: [charita-lysa, mesto-testov]', 'members: [charita-lysa, charita-lysa]', 'plans/2025-2028/working-groups/seniori.yaml:5:25: members[1]: "charita-lysa" is listed twice; remove one'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'minutes_pdf: zapis-2026-06-02.pdf', 'minutes_pdf: zapis-2026-06-03.pdf', 'plans/2025-2028/working-groups/seniori.yaml:13:18: meetings[1].minutes_pdf: no file "zapis-2026-06-03.pdf" in files/ (did you mean "zapis-2026-06-02.pdf"?); put the PDF there or write its web address'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'minutes_pdf: zapis-2026-06-02.pdf', 'minutes_pdf: Zápis 2. 6..pdf', 'plans/2025-2028/working-groups/seniori.yaml:13:18: meetings[1].minutes_pdf: "Zápis 2. 6..pdf" is not a PDF in files/ nor a web address; write e.g. komunitni-plan-2020-2024.pdf (lowercase a-z, digits and hyphens) or https://…'),
    ('plans/2025-2028/working-groups/seniori.yaml', 'date: 2026-03-10', 'date: 2027-03-10', 'plans/2025-2028/working-groups/seniori.yaml:7:11: meetings[0].date: 2027-03-10 is in the future, yet the meeting has minutes; check the date'),
    ('plans/2025-2028/comment-periods/navrh.yaml', 'closes: 2026-12-15', 'closes: 2026-10-15', 'plans/2025-2028/comment-periods/navrh.yaml:3:9: closes: 2026-10-15 is before the period opens (2026-11-01); swap the dates'),
    ('plans/2025-2028/comment-periods/aktualizace-2025.yaml', 'outcome: partly', 'outcome: maybe', 'plans/2025-2028/comment-periods/aktualizace-2025.yaml:9:14: comments[0].outcome: "maybe" is not allowed; use one of \'accepted\', \'partly\', \'rejected\' or \'noted\''),
    ('plans/2025-2028/comment-periods/aktualizace-2025.yaml', 'changed: [1.1]', 'changed: [1.4]', 'plans/2025-2028/comment-periods/aktualizace-2025.yaml:11:15: comments[0].changed[0]: no measure 1.4 in plan "2025-2028"; its measures are 1.1, 2.1, 2.2'),
    ('news/2026-11-01-navrh.md', 'plan: 2025-2028\n', '', "news/2026-11-01-navrh.md:6:11: measures: measures belong to a plan; add plan: (the plan's id)"),
    ('news/2026-11-01-navrh.md', 'plan: 2025-2028', 'plan: 2025-2029', 'news/2026-11-01-navrh.md:6:7: plan: no plan "2025-2029" (did you mean "2025-2028"?)'),
    ('news/2026-11-01-navrh.md', 'date: 2026-11-01', 'date: 1. 11. 2026', 'news/2026-11-01-navrh.md:3:7: date: "1. 11. 2026" is not a date; write YYYY-MM-DD, e.g. 2026-09-01'),
    ('news/2026-05-04-vikendy.md', 'updated: 2026-05-06', 'updated: 2026-05-01', 'news/2026-05-04-vikendy.md:4:10: updated: 2026-05-01 is before the date of the item, 2026-05-04'),
]


def problems(tmp_path, overrides: dict) -> list[str]:
    return problems_of(write_plan_site(tmp_path / "content", overrides))


def problems_of(content) -> list[str]:
    result = run_cli("check", "--content", content)
    return [line.replace(f"{content}/", "") for line in result.lines]


def test_the_plan_fixture_and_the_demo_plan_pass_strict(tmp_path):
    assert run_cli("check", "--content", write_plan_site(tmp_path / "content"), "--strict").lines == ["no problems"]
    assert run_cli("check", "--content", ROOT / "content", "--strict").lines == ["no problems"]


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
    assert "plans/stary:1:1: the folder belongs to no record; add plans/stary.yaml or rename the folder after its record" in found
    assert ("plans/2025-2028/opatreni:1:1: warning: not part of the record; it is ignored "
            "(the folder holds priorities, measures, action-plans, working-groups, comment-periods)") in found


def test_the_plan_is_the_folder_and_the_id_the_file_name(tmp_path):
    found = problems(tmp_path, {"plans/2025-2028/priorities/2.yaml": "plan: jiny\nnumber: 2\ntitle: Bydlení\n"})
    assert "plans/2025-2028/priorities/2.yaml:1:1: plan: the plan is the folder the file lies in; delete this line" in found


def test_files_holds_pdfs_that_records_name(tmp_path):
    found = problems(tmp_path, {"files/navrh-planu.pdf": b"<html>not a pdf</html>", "files/stary-zapis.pdf": b"%PDF-1.7\n"})
    assert "files/navrh-planu.pdf:1:1: the file is not a PDF (it does not start with %PDF-); export it as PDF again" in found
    assert ("files/stary-zapis.pdf:1:1: warning: no plan, meeting or comment period names this file; "
            "name it (document, draft, minutes_pdf) or delete it") in found


def test_a_measure_whose_services_have_all_ended_is_a_warning(tmp_path):
    ended = SERVICE_2 + "end_date: 2026-06-30\n"
    found = problems(tmp_path, {"services/pecovatelska-sluzba-lysa.yaml": ended})
    assert ("plans/2025-2028/measures/1-1.yaml:8:11: warning: services: every service of this measure has ended "
            "(pecovatelska-sluzba-lysa on 2026-06-30); name the services that carry it on, or set status: done or dropped") in found


def test_a_web_form_may_write_the_values_of_an_indicator_as_a_list(tmp_path):
    text = plan_files()["plans/2025-2028/measures/1-1.yaml"].replace(
        "values: {2025: 250, 2026: 480}", "values: [{year: 2025, value: 250}, {year: 2026, value: 480}]")
    assert problems(tmp_path, {"plans/2025-2028/measures/1-1.yaml": text}) == ["no problems"]


def test_a_web_form_may_write_the_plans_organisations_and_funding_sources_as_lists_with_their_ids(tmp_path):
    text = plan_files()["plans/2025-2028.yaml"].replace(
        "organisations:\n  mesto-testov: {name: Město Testov, web: https://testov.example.org}",
        "organisations:\n  - {id: mesto-testov, name: Město Testov, web: https://testov.example.org}",
    ).replace("  kraj: {name: Krajská dotace}\n  obec: {name: Rozpočet obce}", "  - {id: kraj, name: Krajská dotace}\n  - {id: obec, name: Rozpočet obce}")
    assert problems(tmp_path, {"plans/2025-2028.yaml": text}) == ["no problems"]
    twice = text.replace("{id: obec, name: Rozpočet obce}", "{id: kraj, name: Rozpočet obce}")
    assert problems(tmp_path / "twice", {"plans/2025-2028.yaml": twice}) == [
        "plans/2025-2028.yaml:15:3: funding_sources: write them as {id: {name: …}}, or as a list of {id: …, name: …} with different ids",
        "1 error in 1 file",
    ]


def test_a_plans_folder_linked_out_of_the_content_folder_is_refused_once_and_none_of_its_files_read(tmp_path):
    content = write_plan_site(tmp_path / "content")
    elsewhere = tmp_path / "elsewhere"
    (content / "plans/2025-2028").rename(elsewhere)
    (content / "plans/2025-2028").symlink_to(elsewhere)
    found = problems_of(content)
    refused = [line for line in found if "outside the content folder" in line]
    assert refused == [f"plans/2025-2028:1:1: the folder is a link to {elsewhere}, outside the content folder; it is not read: "
                       "put the file itself into the content folder instead of a link"]
    from catalogue.validate.cache import RecordCache
    from catalogue.validate.stage import check_content

    records = check_content(content, cache=RecordCache(None)).catalogue.records
    assert [key for key in records if key.startswith("plan-") and records[key]] == []  # no part of it was read
