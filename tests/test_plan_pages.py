"""The community plan's pages on a small catalogue written by the test, read with a parser; links both ways to the services."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import run_cli
from html_tree import find, find_all, headings, links, page, resolve, text
from plan_sites import write_plan_site
from site_fixtures import plan_site  # noqa: F401 - a fixture


PLAN = "komunitni-plan/2025-2028"
PLAN_PAGES = {
    "plans": "komunitni-plan/index.html",
    "plan": f"{PLAN}/index.html",
    "priority": f"{PLAN}/priority/1/index.html",
    "measure": f"{PLAN}/opatreni/1-1/index.html",
    "action plan": f"{PLAN}/akcni-plany/2025/index.html",
    "working groups": f"{PLAN}/pracovni-skupiny/index.html",
    "working group": f"{PLAN}/pracovni-skupiny/seniori/index.html",
    "minutes": f"{PLAN}/pracovni-skupiny/seniori/2026-03-10/index.html",
    "open comment period": f"{PLAN}/pripominky/navrh/index.html",
    "closed comment period": f"{PLAN}/pripominky/aktualizace-2025/index.html",
    "news": "novinky/index.html",
    "news item": "novinky/2026-11-01-navrh/index.html",
}


@pytest.fixture
def site(plan_site) -> Path:
    """The fixture catalogue with a plan in public comment, built once per session."""
    return plan_site


def facts(root) -> dict[str, str]:
    dl = find(root, "dl", class_="facts")
    return {text(dt): text(dd) for dt, dd in zip(find_all(dl, "dt"), find_all(dl, "dd"))}


@pytest.mark.parametrize("kind", PLAN_PAGES)
def test_every_plan_page_has_one_h1_ordered_headings_and_the_plan_styles(site, kind):
    root = page(site / PLAN_PAGES[kind])
    levels = headings(root)
    assert [l for l, _ in levels].count(1) == 1, levels
    for (before, _), (after, title) in zip(levels, levels[1:]):
        assert after <= before + 1, f"{kind}: heading {title!r} skips a level"
    sheets = [l.get("href") for l in find_all(root, "link", rel="stylesheet")]
    assert any(s.endswith("static/plan.css") for s in sheets), sheets
    for url in links(root):
        target = resolve(site, site / PLAN_PAGES[kind], url)
        assert target is None or target.is_file(), (kind, url)


def test_the_main_menu_leads_to_the_plan(site):
    nav = find(page(site / "index.html"), "nav", aria_label="Hlavní nabídka")
    assert "Komunitní plán" in [text(a) for a in find_all(nav, "a")]


def test_plan_home_shows_state_period_and_priorities_with_their_progress(site):
    root = page(site / PLAN_PAGES["plan"])
    assert text(find(root, "h1")) == "Komunitní plán Testova 2025–2028"
    info = facts(root)
    assert info["Stav"] == "V připomínkovém řízení" and info["Období"] == "2025–2028"
    assert info["Zadavatel"] == "Město Testov"
    assert "3 opatření, z toho splněno 1, probíhá 1" in text(root)
    priority = find(root, "section", aria_labelledby="h-priority-1")
    assert text(find(priority, "h3")) == "Priorita 1: Senioři doma"
    assert "1 opatření, z toho splněno 0, probíhá 1" in text(priority)
    assert [text(a) for a in find_all(find(priority, "ul"), "a")] == ["1.1 Pečovatelská služba o víkendu"]
    note = find(root, "section", aria_labelledby="h-comment")
    assert "Do 15. prosince 2026 může k návrhu plánu podat připomínku kdokoli." in text(note)


def test_measure_page_says_what_who_by_when_how_much_and_links_its_services(site):
    root = page(site / PLAN_PAGES["measure"])
    assert text(find(root, "h1")) == "Opatření 1.1: Pečovatelská služba o víkendu"
    info = facts(root)
    assert info["Odpovídá"] == "Charita Lysá" and info["Partneři"] == "Město Testov"
    assert info["Do kdy"] == "2025–2026" and info["Odhad nákladů"] == "1 200 000 Kč"
    assert info["Zdroje financování"] == "Krajská dotace, Rozpočet obce"
    assert info["Pro koho"] == "Senioři" and info["Kde"] == "Lysá nad Labem"
    assert info["Připravila"] == "Senioři"
    services = find(root, "section", aria_labelledby="h-services")
    assert "../../../../sluzby/pecovatelska-sluzba-lysa/" in links(services)
    assert "1.1.1 Nábor pečovatelek" in text(find(root, "section", aria_labelledby="h-activities"))


def test_an_indicator_is_a_chart_with_a_name_and_the_same_numbers_as_a_table(site):
    root = page(site / PLAN_PAGES["measure"])
    indicator = find(root, "section", class_="indicator")
    svg = find(indicator, "svg")
    assert svg.get("role") == "img"
    title = find(svg, "title")
    assert svg.get("aria-labelledby") == title.get("id") and "Hodiny péče o víkendu" in text(title)
    assert len(find_all(svg, "rect")) == 3  # the baseline and two measured years
    table = find(indicator, "table")
    assert text(find(table, "caption")) == "Hodnoty ukazatele"
    rows = [[text(c) for c in tr] for tr in find_all(find(table, "tbody"), "tr")]
    assert rows == [["2024", "100", "výchozí hodnota"], ["2025", "250", "naměřeno"], ["2026", "480", "naměřeno"], ["2026", "600", "cíl"]]
    assert "Cíl: 600 hodin za rok do roku 2026 – 76 % cesty k cíli" in text(indicator)


def test_links_go_both_ways_between_a_service_and_the_measures_that_develop_it(site):
    service = page(site / "sluzby/pecovatelska-sluzba-lysa/index.html")
    section = find(service, "section", aria_labelledby="h-measures")
    assert "Tuto službu rozvíjí opatření 1.1 Pečovatelská služba o víkendu" in text(section)
    (url,) = [u for u in links(section)]
    assert resolve(site, site / "sluzby/pecovatelska-sluzba-lysa/index.html", url) == site / PLAN_PAGES["measure"]
    measure = page(site / PLAN_PAGES["measure"])
    back = [u for u in links(find(measure, "section", aria_labelledby="h-services")) if "sluzby/" in u]
    assert back == ["../../../../sluzby/pecovatelska-sluzba-lysa/"]
    assert find(page(site / "sluzby/klub-senioru-milovice/index.html"), "section", aria_labelledby="h-measures") is None


def test_target_group_and_type_pages_show_the_measures_that_concern_them(site):
    for rel, number in (("cilove-skupiny/seniori/index.html", "1.1"), ("druhy-sluzeb/azylove-domy/index.html", "2.1")):
        section = find(page(site / rel), "section", aria_labelledby="h-measures")
        assert section is not None and number in text(section), rel


def test_while_in_comment_a_measure_offers_an_email_naming_it_and_the_issue_form(site):
    root = page(site / PLAN_PAGES["measure"])
    section = find(root, "section", aria_labelledby="h-comment")
    mail = next(u for u in links(section) if u.startswith("mailto:"))
    assert mail.startswith("mailto:planovani@example.org?")
    assert parse_qs(urlsplit(mail).query)["subject"] == ["Připomínka k opatření 1.1 Pečovatelská služba o víkendu – Plán 2025–2028"]
    issue = next(u for u in links(section) if "/issues/new" in u)
    query = parse_qs(urlsplit(issue).query)
    assert issue.startswith("https://github.com/example/katalog/issues/new?")
    assert query["template"] == ["pripominka-k-planu.yml"] and query["measure"] == ["1.1"]
    assert query["plan"] == ["Komunitní plán Testova 2025–2028"]


def test_the_open_comment_period_says_how_to_comment(site):
    root = page(site / PLAN_PAGES["open comment period"])
    info = facts(root)
    assert info["Kdy"] == "1. listopadu 2026 – 15. prosince 2026" and info["Stav"] == "Připomínky lze podávat"
    assert "../../../../soubory/navrh-planu.pdf" in links(root)
    how = find(root, "section", aria_labelledby="h-how")
    assert "Písemně nebo osobně: Městský úřad Testov, podatelna" in text(how)
    mails = [u for u in links(how) if u.startswith("mailto:")]
    subjects = [parse_qs(urlsplit(u).query)["subject"][0] for u in mails]
    assert subjects[0] == "Připomínka k plánu Komunitní plán Testova 2025–2028"
    assert "Připomínka k opatření 2.1 Azylový dům pro matky s dětmi – Plán 2025–2028" in subjects
    assert (site / "soubory/navrh-planu.pdf").read_bytes().startswith(b"%PDF-")


def test_a_closed_comment_period_publishes_its_settlement_table(site):
    root = page(site / PLAN_PAGES["closed comment period"])
    assert find(root, "section", aria_labelledby="h-how") is None
    table = find(root, "table", class_="settlement")
    assert [text(th) for th in find_all(find(table, "thead"), "th")] == ["Č.", "Od koho", "Připomínka", "Jak byla vypořádána", "Změněné opatření"]
    first, second = find_all(find(table, "tbody"), "tr")
    assert first.get("id") == "pripominka-1"
    assert "Charita Lysá" in text(first) and "Částečně akceptována" in text(first) and "1.1 Pečovatelská služba o víkendu" in text(first)
    assert "veřejnost" in text(second) and "Neakceptována" in text(second)
    assert "2 připomínky: částečně akceptována 1, neakceptována 1." in text(root)


def test_action_plan_lists_the_measures_of_the_year_and_the_network_from_the_catalogue(site):
    root = page(site / PLAN_PAGES["action plan"])
    assert text(find(root, "h1")) == "Akční plán na rok 2025"
    due = find(root, "section", aria_labelledby="h-due")
    rows = [text(find(tr, "th")) for tr in find_all(find(due, "tbody"), "tr")]
    assert [r.split(" ", 1)[0] for r in rows] == ["1.1", "2.1", "2.2"]  # listed, and due by their years
    network = find(root, "table", class_="network")
    services = {text(find(tr, "a")): text(tr) for tr in find_all(find(network, "tbody"), "tr")}
    assert list(services) == ["Azylový dům pro matky s dětmi", "Pečovatelská služba Lysá"]  # registered, in the area; not the club
    assert "40 klienti" in services["Pečovatelská služba Lysá"] and "900 000 Kč" in services["Pečovatelská služba Lysá"]
    assert "12 lůžka (dnes, podle katalogu)" in services["Azylový dům pro matky s dětmi"]


def test_working_group_lists_member_organisations_and_meetings_with_their_minutes(site):
    root = page(site / PLAN_PAGES["working group"])
    members = find(root, "section", aria_labelledby="h-members")
    assert [text(li) for li in find_all(members, "li")] == ["Charita Lysá", "Město Testov"]
    meetings = find(root, "section", aria_labelledby="h-meetings")
    targets = {resolve(site, site / PLAN_PAGES["working group"], url) for url in links(meetings)}
    assert targets == {site / PLAN_PAGES["minutes"], site / "soubory/zapis-2026-06-02.pdf"}
    minutes = page(site / PLAN_PAGES["minutes"])
    assert text(find(minutes, "h1")) == "Zápis z jednání 10. března 2026"
    assert "Přítomni zástupci dvou organizací." in text(minutes)


def test_news_item_names_its_plan_measures_and_services(site):
    root = page(site / PLAN_PAGES["news item"])
    assert text(find(root, "h1")) == "Návrh plánu k připomínkám"
    assert "../../komunitni-plan/2025-2028/opatreni/1-1/" in links(root)
    item = page(site / "novinky/2026-05-04-vikendy/index.html")
    assert "../../sluzby/pecovatelska-sluzba-lysa/" in links(item)


def test_search_finds_measures_as_their_own_kind(site, tmp_path):
    content = write_plan_site(tmp_path / "content")
    found = run_cli("search", "víkendová péče", "--content", content, "--kind", "measure", "--json")
    assert found.code == 0, found.err
    results = json.loads(found.out)["results"]
    assert [r["title"] for r in results] == ["Opatření 1.1: Pečovatelská služba o víkendu"]
    assert results[0]["url"] == "https://katalog.example.org/komunitni-plan/2025-2028/opatreni/1-1/"
    services_only = json.loads(run_cli("search", "víkendová péče", "--content", content, "--kind", "registered", "--json").out)
    assert all(r["record"] == "service" for r in services_only["results"])


def test_the_plan_pages_are_in_the_sitemap(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for rel in PLAN_PAGES.values():
        assert f"https://katalog.example.org/{rel.removesuffix('index.html')}" in sitemap, rel


def test_the_plans_are_open_data_valid_against_their_schema(site):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads((site / "data/komunitni-plan.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data/komunitni-plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["$schema"] == "https://katalog.example.org/data/komunitni-plan.schema.json"
    (plan,) = data["plans"]
    measure = next(m for m in plan["measures"] if m["number"] == "1.1")
    assert measure["services"] == [{"id": "pecovatelska-sluzba-lysa", "name": "Pečovatelská služba Lysá", "url": "https://katalog.example.org/sluzby/pecovatelska-sluzba-lysa/"}]
    assert measure["responsible"] == {"id": "charita-lysa", "name": "Charita Lysá", "url": "https://katalog.example.org/poskytovatele/charita-lysa/"}
    network = plan["action_plans"][0]["network"]
    assert [n["service"]["id"] for n in network] == ["azylovy-dum-lysa", "pecovatelska-sluzba-lysa"]
    assert network[1]["capacity"] == [{"count": 40, "unit": "clients", "form": None}] and network[1]["capacity_from_catalogue"] is False


def test_the_web_form_has_a_collection_per_plan_and_kind_with_the_plans_own_choices(site):
    import yaml

    config = yaml.safe_load((site / "admin/config.yml").read_text(encoding="utf-8"))
    collections = {c["name"]: c for c in config["collections"]}
    measures = collections["plan-measures-2025-2028"]
    assert measures["folder"] == "content/plans/2025-2028/measures" and measures["format"] == "yaml"
    assert measures["preview_path"] == "komunitni-plan/2025-2028/opatreni/{{slug}}/"
    fields = {f["name"]: f for f in measures["fields"]}
    assert "plan" not in fields and "id" not in fields  # the folder and the file name say them
    assert fields["responsible"]["widget"] == "select"
    assert {"value": "mesto-testov", "label": "Město Testov"} in fields["responsible"]["options"]
    assert {"value": "charita-lysa", "label": "Charita Lysá"} in fields["responsible"]["options"]
    assert fields["funding"]["multiple"] is True and [o["value"] for o in fields["funding"]["options"]] == ["kraj", "obec"]
    assert [o["value"] for o in fields["working_group"]["options"]] == ["seniori"]
    assert fields["services"]["widget"] == "relation" and fields["services"]["collection"] == "services"
    indicator = {f["name"]: f for f in fields["indicators"]["fields"]}
    assert [f["name"] for f in indicator["values"]["fields"]] == ["year", "value"]  # the model reads this list too
    actions = {f["name"]: f for f in collections["plan-action-plans-2025-2028"]["fields"]}
    number = next(f for f in actions["measures"]["fields"] if f["name"] == "measure")
    assert {"value": "1.1", "label": "1.1 Pečovatelská služba o víkendu"} in number["options"]
    groups = {f["name"]: f for f in collections["plan-working-groups-2025-2028"]["fields"]}
    pdf = next(f for f in groups["meetings"]["fields"] if f["name"] == "minutes_pdf")
    assert (pdf["widget"], pdf["media_folder"]) == ("file", "/content/files")
    plan = {f["name"]: f for f in collections["plans"]["fields"]}
    assert [f["name"] for f in plan["organisations"]["fields"]] == ["id", "name", "web"]  # the model reads this list too
    assert [f["name"] for f in plan["funding_sources"]["fields"]] == ["id", "name", "description"]
    news = collections["news"]
    assert news["format"] == "frontmatter" and news["fields"][-1] == {"name": "body", "label": "Text zprávy", "widget": "markdown"}
    assert "files" not in collections  # PDFs are uploaded through the file fields
