"""The citizens' site, page by page, on a small catalogue written by the test: structure read with a parser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import TODAY_EPOCH, run_cli
from html_tree import find, find_all, headings, json_ld, links, page, resolve, text
from site_fixtures import INDEXES, OVERRIDES, RELATED, fixture_site, site_pages  # noqa: F401 - fixtures
from sites import LIFE_SITUATION, PAGE, PROVIDER, SERVICE, SERVICE_2, write_site

from catalogue.index import publishable
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content as load
from catalogue.render.plan import plan_pages
from catalogue.render.site import render_site
from catalogue.write import OutputTree

@pytest.fixture
def built(fixture_site) -> Path:
    """The fixture catalogue (with a map link, a renamed service, a related activity), built once."""
    return fixture_site


def html_pages(site: Path) -> list[Path]:
    return site_pages(site)


PAGE_TYPES = {
    "service": "sluzby/azylovy-dum-lysa/index.html",
    "provider": "poskytovatele/charita-lysa/index.html",
    "locality": "lokality/lysa/index.html",
    "target group": "cilove-skupiny/seniori/index.html",
    "service type": "druhy-sluzeb/azylove-domy/index.html",
    "life situation": "zivotni-situace/ztrata-bydleni/index.html",
    "free page": "stranky/o-katalogu/index.html",
    **INDEXES,  # home, search, the index pages and 404: the same paths in every site
}


# --- every page -------------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_exists_with_one_h1_and_ordered_headings(built, kind):
    root = page(built / PAGE_TYPES[kind])
    levels = headings(root)
    assert [l for l, _ in levels].count(1) == 1, levels
    assert levels[0][0] == 1
    for (before, _), (after, title) in zip(levels, levels[1:]):
        assert after <= before + 1, f"{kind}: heading {title!r} skips a level"


def test_every_page_has_language_skip_link_landmarks_and_the_search_form(built):
    for path in html_pages(built):
        if "redirect" in text(find(page(path), "title")):
            continue
        root = page(path)
        if find(root, "meta", http_equiv="refresh") is not None:
            continue  # redirect pages are checked on their own
        name = path.relative_to(built).as_posix()
        assert find(root, "html").get("lang") == "cs", name
        body = find(root, "body")
        first_link = next(body.iter("a"))
        assert first_link.get("href") == "#main" and "skip" in first_link.get("class", ""), name
        main = find(root, "main")
        assert main is not None and main.get("id") == "main", name
        assert find(root, "header") is not None and find(root, "footer") is not None, name
        assert find(root, "nav", aria_label="Hlavní nabídka") is not None, name
        (form,) = find_all(root, "form", role="search")
        assert form.get("method") == "get"
        assert resolve(built, path, form.get("action")) == built / "hledat/index.html", name
        field = find(form, "input", name="q")
        assert field is not None and field.get("type") == "search"
        label = find(form, "label")
        assert label.get("for") == field.get("id") and text(label), name
        assert text(find(root, "title")), name


def test_links_are_relative_so_the_site_works_from_any_folder(built):
    for path in html_pages(built):
        if path.name == "404.html":
            continue
        for url in links(page(path)):
            assert not url.startswith("/"), f"{path.relative_to(built)}: {url}"


def test_the_404_page_links_from_the_site_root_because_servers_show_it_at_any_depth(built):
    root = page(built / "404.html")
    assert find(root, "link", rel="stylesheet").get("href") == "/static/style.css"
    assert find(root, "meta", name="robots").get("content") == "noindex"


def test_canonical_url_and_open_graph_tags(built):
    root = page(built / "sluzby/azylovy-dum-lysa/index.html")
    canonical = "https://katalog.example.org/sluzby/azylovy-dum-lysa/"
    assert find(root, "link", rel="canonical").get("href") == canonical
    og = {m.get("property"): m.get("content") for m in find_all(root, "meta") if m.get("property", "").startswith("og:")}
    assert og["og:url"] == canonical
    assert og["og:title"] == "Azylový dům pro matky s dětmi"
    assert og["og:site_name"] == "Katalog Testov" and og["og:locale"] == "cs_CZ"
    assert og["og:description"].startswith("Azylový dům poskytuje")


# --- the service page ------------------------------------------------------------


def test_service_page_says_who_what_where_when_cost_contact_provider_and_registry(built):
    root = page(built / "sluzby/azylovy-dum-lysa/index.html")
    facts = {text(dt): text(dd) for dt, dd in zip(find_all(root, "dt"), find_all(root, "dd"))}
    assert facts["Pro koho"] == "Rodiny s dětmi, Osoby bez přístřeší Věk: od 18 let"
    assert facts["Forma poskytování"] == "pobytová"
    assert facts["Kde pomáhá"] == "Lysá nad Labem, Milovice"
    assert facts["Úhrady"] == "Placená: Ubytování 150 Kč za den"
    assert facts["Registrovaná kapacita (nejvýše)"] == "12 lůžka"
    assert facts["Jazyky"] == "čeština, ukrajinština (українська)"
    assert find(root, "span", lang="uk") is not None
    assert "registrovaná sociální služba (§ 57)" in text(find(root, "p", class_="kind"))
    assert "Azylový dům poskytuje dočasné ubytování" in text(root)
    hrefs = links(root)
    assert "tel:+420325551234" in hrefs and "mailto:azyl@example.org" in hrefs
    assert "../../poskytovatele/charita-lysa/" in hrefs
    assert "identifikátor služby 4139471, § 57 zákona č. 108/2006 Sb." in text(root)
    assert "Naposledy ověřeno 1. září 2026." in text(root)
    assert "../../zivotni-situace/ztrata-bydleni/" in hrefs


def test_opening_hours_are_an_accessible_table_and_open_now_waits_for_the_script(built):
    root = page(built / "sluzby/azylovy-dum-lysa/index.html")
    table = find(root, "table", class_="hours")
    assert text(find(table, "caption")) == "Otevírací doba"
    assert [th.get("scope") for th in find_all(find(table, "thead"), "th")] == ["col", "col"]
    rows = [(text(find(tr, "th")), text(find(tr, "td"))) for tr in find_all(find(table, "tbody"), "tr")]
    assert rows[:3] == [("Pondělí", "8:00–12:00, 13:00–16:00"), ("Úterý", "8:00–12:00"), ("Středa", "zavřeno")]
    assert len(rows) == 7 and all(find(tr, "th").get("scope") == "row" for tr in find_all(table, "tr")[1:])
    now = find(root, "p", class_="open-now")
    assert "hidden" in now.attrib and text(now) == ""
    data = json.loads(now.get("data-hours"))
    assert data["days"][:3] == [[[480, 720], [780, 960]], [[480, 720]], []] and data["holidays"] == "closed"
    assert text(find(find(root, "div", class_="schedule"), "p", class_="small")) == "Ve státní svátky zavřeno."
    (script,) = [s for s in find_all(root, "script") if s.get("src", "").endswith("hours.js")]
    assert script.get("src") == "../../static/hours.js" and "defer" in script.attrib
    # its sentences and the holidays are the site's, in one file every page loads first (not repeated in each page)
    (texts,) = [s for s in find_all(root, "script") if s.get("src", "").endswith("ui-text.js")]
    assert texts.get("src") == "../../static/ui-text.js" and "defer" in texts.attrib
    assert find(root, "script", id="hours-text") is None
    script_text = (built / "static/ui-text.js").read_text(encoding="utf-8")
    strings = json.loads(script_text.split(" = ", 1)[1].split(";\n", 1)[0])["hours"]
    assert strings["days"][2] == "Nyní zavřeno; otevírá ve středu v {time}."
    assert {"2026-12-24", "2027-03-26", "2027-03-29"} <= set(strings["holidays"])  # Christmas Eve; Good Friday, Easter Monday 2027
    assert all(day[:4] in ("2026", "2027") for day in strings["holidays"])  # this year and the next


def test_a_nonstop_place_says_so(built):
    root = page(built / "sluzby/klub-senioru-milovice/index.html")
    rows = [text(td) for td in find_all(find(root, "table", class_="hours"), "td")]
    assert rows == ["nonstop"] * 7
    assert "související aktivita" in text(find(root, "p", class_="kind"))


def test_map_link_for_a_public_place_with_coordinates(built):
    root = page(built / "sluzby/pecovatelska-sluzba-lysa/index.html")
    maps = [u for u in links(root) if "openstreetmap" in u]
    assert maps == ["https://www.openstreetmap.org/?mlat=50.2016&mlon=14.8329#map=18/50.2016/14.8329"]
    assert "Bezbariérový přístup" in text(root)
    assert "Husova 12, 289 22 Lysá nad Labem" in text(find(root, "p", class_="address"))


def test_confidential_place_shows_only_the_town_no_street_map_or_coordinates(built):
    path = built / "sluzby/azylovy-dum-lysa/index.html"
    root = page(path)
    assert not [u for u in links(root) if "openstreetmap" in u]
    assert text(find(find(root, "div", class_="location"), "h3")) == "Lysá nad Labem" and find(root, "p", class_="address") is None
    assert "Adresa je utajená" in text(root)
    raw = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in built.rglob("*") if p.is_file())
    for secret in ("Tajná", "4711/3", "50.2011", "14.8312"):
        assert secret not in raw
    (data,) = json_ld(root)
    place = data["availableChannel"][0]["serviceLocation"]
    assert "geo" not in place and place["address"] == {"@type": "PostalAddress", "addressCountry": "CZ", "addressLocality": "Lysá nad Labem"}


def test_contacts_fall_back_to_the_providers(built):
    root = page(built / "sluzby/pecovatelska-sluzba-lysa/index.html")
    section = find(root, "section", aria_labelledby="h-contact")
    assert "Kontakty na poskytovatele" in text(section)
    hrefs = links(section)
    assert "tel:+420325551234" in hrefs and "mailto:charita@example.org" in hrefs and "https://charita.example.org" in hrefs


def test_report_an_error_and_edit_links_name_the_record(built):
    root = page(built / "sluzby/azylovy-dum-lysa/index.html")
    record = find(root, "footer", class_="record")
    mail = next(u for u in links(record) if u.startswith("mailto:"))
    query = parse_qs(urlsplit(mail).query)
    assert mail.startswith("mailto:katalog@example.org?")
    assert query["subject"] == ["Chyba v katalogu: Azylový dům pro matky s dětmi"]
    assert "https://katalog.example.org/sluzby/azylovy-dum-lysa/" in query["body"][0]
    assert "services/azylovy-dum-lysa" in query["body"][0]
    issue = next(u for u in links(record) if "/issues/new" in u)
    assert issue.startswith("https://github.com/example/katalog/issues/new?")
    fields = parse_qs(urlsplit(issue).query)
    assert fields["title"] == ["Chyba v katalogu: Azylový dům pro matky s dětmi"]
    assert fields["template"] == ["report-error.yml"]  # the repository's issue form, its "record" field prefilled
    assert fields["record"] == ["Azylový dům pro matky s dětmi – https://katalog.example.org/sluzby/azylovy-dum-lysa/"]
    assert not find_all(record, "p", class_="edit")  # a confidential place: no link to the file and its history
    other = find(page(built / "sluzby/pecovatelska-sluzba-lysa/index.html"), "footer", class_="record")
    edit = find(other, "p", class_="edit")
    assert find(edit, "a").get("href") == "https://github.com/example/katalog/edit/main/content/services/pecovatelska-sluzba-lysa.yaml"


def test_service_json_ld_is_schema_org_and_cannot_close_its_script(make_site, tmp_path):
    hostile = SERVICE.replace("name: Azylový dům pro matky s dětmi", 'name: "Dům </script><script>alert(1)</script> & spol."')
    content = make_site({"services/azylovy-dum-lysa.yaml": hostile})
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    raw = (out / "sluzby/azylovy-dum-lysa/index.html").read_text(encoding="utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["@type"] == "Service" and data["name"] == "Dům </script><script>alert(1)</script> & spol."
    assert data["provider"] == {"@type": "Organization", "name": "Charita Lysá", "url": "https://katalog.example.org/poskytovatele/charita-lysa/"}
    assert "<script>alert" not in raw.replace(block, "")


# --- the other pages ---------------------------------------------------------------


def test_provider_page_lists_all_its_services_and_is_an_organisation(built):
    root = page(built / "poskytovatele/charita-lysa/index.html")
    names = [text(find(li, "a")) for li in find_all(root, "li", class_="card")]
    assert names == ["Azylový dům pro matky s dětmi", "Klub seniorů Milovice", "Pečovatelská služba Lysá"]
    (data,) = json_ld(root)
    assert data["@type"] == "Organization" and data["taxID"] == "00845451"
    assert data["address"]["streetAddress"] == "Husova 12"


def test_locality_page_shows_services_located_and_serving_with_parents_and_parts(built):
    root = page(built / "lokality/lysa/index.html")
    crumbs = [text(a) for a in find_all(find(root, "nav", class_="crumbs"), "a")]
    assert crumbs == ["Úvod", "Místa", "Středočeský kraj", "Okres Nymburk"]
    located = find(root, "section", aria_labelledby="h-located")
    serving = find(root, "section", aria_labelledby="h-serving")
    assert [text(find(li, "a")) for li in find_all(located, "li")] == ["Pečovatelská služba Lysá", "Azylový dům pro matky s dětmi"]
    assert find_all(serving, "li") == []
    parts = find(root, "section", aria_labelledby="h-parts")
    assert [text(a) for a in find_all(parts, "a")] == ["Litol (1)"]
    milovice = page(built / "lokality/milovice/index.html")
    serving = find(milovice, "section", aria_labelledby="h-serving")
    assert [text(find(li, "a")) for li in find_all(serving, "li")] == ["Azylový dům pro matky s dětmi"]


def test_target_group_and_service_type_pages(built):
    group = page(built / "cilove-skupiny/seniori/index.html")
    # one line per service, by kind of help, each kind with its count
    assert [text(h) for h in find_all(group, "h3")] == ["Pečovatelská služba (1)", "Svépomocné skupiny (1)"]
    stype = page(built / "druhy-sluzeb/azylove-domy/index.html")
    assert "Sociální služba podle § 57 zákona č. 108/2006 Sb., o sociálních službách." in text(stype)
    assert "Dočasné ubytování." in text(find(stype, "p", class_="lead"))
    related = page(built / "druhy-sluzeb/svepomocne-skupiny/index.html")
    assert "Související aktivita" in text(find(related, "p", class_="kind"))


def test_life_situation_page_has_its_text_then_services_grouped_by_type(built):
    root = page(built / "zivotni-situace/ztrata-bydleni/index.html")
    assert "Co dělat, když přicházíte o bydlení." in text(root)
    assert [text(h) for h in find_all(root, "h3")] == ["Azylové domy (1)"]
    assert [text(find(li, "a")) for li in find_all(find(root, "ul", class_="rows"), "li")] == ["Azylový dům pro matky s dětmi"]


def test_index_pages_list_every_facet_value(built):
    az = page(built / "sluzby/index.html")
    assert [text(h) for h in find_all(az, "h2")] == ["A", "K", "P"]
    assert [text(a) for a in find_all(find(az, "nav", class_="letters"), "a")] == ["A", "K", "P"]
    providers = page(built / "poskytovatele/index.html")
    assert "Charita Lysá (3 služby)" in text(providers)
    groups = page(built / "cilove-skupiny/index.html")
    assert [text(a) for a in find_all(find(groups, "main"), "a")] == ["Osoby bez přístřeší", "Rodiny s dětmi", "Senioři"]
    types = page(built / "druhy-sluzeb/index.html")
    assert [text(h) for h in find_all(types, "h2")] == ["Sociální poradenství", "Služby sociální péče", "Služby sociální prevence", "Související aktivity"]
    places = page(built / "lokality/index.html")
    assert [text(a) for a in find_all(find(places, "main"), "a")] == ["Středočeský kraj", "Okres Nymburk", "Lysá nad Labem", "Litol", "Milovice"]
    situations = page(built / "zivotni-situace/index.html")
    assert [text(a) for a in find_all(find(situations, "main"), "a")] == ["Přicházím o bydlení"]


def test_home_page_offers_every_way_in(built):
    root = page(built / "index.html")
    main = find(root, "main")
    assert find(main, "form", role="search") is not None
    assert find(find(root, "header"), "form") is None  # one search form per page, here in the main content
    hrefs = links(main)
    for url in ("zivotni-situace/ztrata-bydleni/", "cilove-skupiny/seniori/", "lokality/lysa/", "druhy-sluzeb/azylove-domy/", "sluzby/"):
        assert url in hrefs
    assert "Jak katalog používat" in [t for _, t in headings(root)]
    assert not [u for u in hrefs if u.endswith(".pdf")]
    (data,) = json_ld(root)
    assert data["@type"] == "WebSite" and data["potentialAction"]["target"] == "https://katalog.example.org/hledat/?q={search_term_string}"


def test_search_page_explains_and_offers_browsing_without_javascript(built):
    root = page(built / "hledat/index.html")
    assert "potřebuje JavaScript" in text(root)
    hrefs = links(find(root, "div", class_="search-browse"))
    assert hrefs == ["../zivotni-situace/", "../cilove-skupiny/", "../lokality/", "../druhy-sluzeb/", "../sluzby/"]


def test_free_page_renders_its_markdown(built):
    root = page(built / "stranky/o-katalogu/index.html")
    assert text(find(root, "strong")) == "Město Testov"
    assert find(find(root, "nav", aria_label="Hlavní nabídka"), "a", aria_current="page") is not None


# --- headings in Markdown follow the page's outline ---------------------------------

HEADED = "# Pro koho\n\nText.\n\n## Jak to probíhá\n\nText.\n\n### První schůzka\n\nText.\n\n# Kolik to stojí\n\nText.\n"


def gap_free(levels: list[tuple[int, str]]) -> bool:
    return levels[0][0] == 1 and all(after <= before + 1 for (before, _), (after, _) in zip(levels, levels[1:]))


def test_headings_in_a_description_sit_below_the_section_heading_without_gaps(make_site):
    service = SERVICE.replace(
        "description: |\n  Azylový dům poskytuje dočasné ubytování matkám s dětmi.\n",
        "description: |\n" + "".join(f"  {line}\n" if line else "\n" for line in HEADED.splitlines()),
    )
    files = render(make_site({"services/azylovy-dum-lysa.yaml": service}), None)
    levels = headings(ET_page(files["sluzby/azylovy-dum-lysa/index.html"]))
    assert gap_free(levels), levels
    about = [title for _, title in levels].index("Co služba nabízí")
    assert levels[about : about + 6] == [
        (2, "Co služba nabízí"), (3, "Pro koho"), (4, "Jak to probíhá"), (5, "První schůzka"), (3, "Kolik to stojí"), (2, "Kontakt"),
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("## Jak to probíhá\n\n### První schůzka\n", [3, 4]),  # the top-most level used becomes h3, not the # the text skipped
        ("### Jen malý nadpis\n", [3]),
        ("## A\n\n#### B\n\n### C\n", [3, 4, 4]),  # a level the text skips is closed up
        ("#### Hluboko\n\n# Nahoře\n", [3, 3]),  # never deeper than one below the heading before
    ],
)
def test_any_use_of_headings_in_a_provider_description_keeps_the_order(make_site, markdown, expected):
    provider = PROVIDER.replace("description: Charita pomáhá lidem v nouzi.\n", "description: |\n" + "".join(f"  {l}\n" if l else "\n" for l in markdown.splitlines()))
    files = render(make_site({"providers/charita-lysa.yaml": provider}), None)
    levels = headings(ET_page(files["poskytovatele/charita-lysa/index.html"]))
    assert gap_free(levels), levels
    about = [title for _, title in levels].index("O poskytovateli")
    assert [level for level, _ in levels[about + 1 : about + 1 + len(expected)]] == expected


def test_life_situation_and_free_page_text_starts_right_below_the_h1(make_site):
    situation = LIFE_SITUATION.replace(
        "text: |\n  Co dělat, když přicházíte o bydlení.\n",
        "text: |\n  ## Co udělat hned\n\n  Text.\n\n  ### Kam zavolat\n\n  Text.\n",
    )
    page_md = PAGE + "\n# Kdo katalog vydává\n\n## Redakce\n\nText.\n"
    files = render(make_site({"life-situations/ztrata-bydleni.yaml": situation, "pages/o-katalogu.md": page_md}), None)
    levels = headings(ET_page(files["zivotni-situace/ztrata-bydleni/index.html"]))
    assert gap_free(levels) and levels[:3] == [(1, "Přicházím o bydlení"), (2, "Co udělat hned"), (3, "Kam zavolat")], levels
    levels = headings(ET_page(files["stranky/o-katalogu/index.html"]))
    assert gap_free(levels) and levels[:3] == [(1, "O katalogu"), (2, "Kdo katalog vydává"), (3, "Redakce")], levels


# --- capacity: the unit's word agrees with the number ---------------------------------

UNITS = """\
beds: {name: lůžka, forms: {one: lůžko, few: lůžka, other: lůžek}}
clients: {name: klienti}
"""


@pytest.mark.parametrize(
    ("count", "unit", "shown"),
    [(1, "beds", "1 lůžko"), (3, "beds", "3 lůžka"), (0, "beds", "0 lůžek"), (28, "beds", "28 lůžek"), (1234, "beds", "1 234 lůžek"),
     (28, "clients", "28 klienti")],  # a unit without forms shows its name, as before
)
def test_capacity_unit_takes_the_plural_form_of_its_number(make_site, count, unit, shown):
    service = SERVICE.replace("capacity: [{count: 12, unit: beds}]", f"capacity: [{{count: {count}, unit: {unit}}}]")
    files = render(make_site({"services/azylovy-dum-lysa.yaml": service, "vocabularies/capacity-units.yaml": UNITS}), None)
    root = ET_page(files["sluzby/azylovy-dum-lysa/index.html"])
    facts = dict(zip((text(dt) for dt in root.iter("dt")), (text(dd) for dd in root.iter("dd"))))
    assert facts["Registrovaná kapacita (nejvýše)"] == shown


# --- print files, sitemap, robots, redirects ----------------------------------------


def render(content: Path, print_files: dict[str, str] | None) -> dict[str, str]:
    loaded = load(content)
    tree = OutputTree()
    render_site(publishable(loaded.catalogue), tree, None, None, print_files)
    return {path: data.decode("utf-8") for path, data in tree.files.items() if path.endswith((".html", ".xml", ".txt", ".css", ".js"))}


def test_pdfs_are_linked_only_when_the_build_prints_them(site):
    files = render(site, {"catalogue": "/tisk/katalog.pdf", "ztrata-bydleni": "/tisk/ztrata-bydleni.pdf"})
    assert "tisk/katalog.pdf" in links(ET_page(files["index.html"]))
    assert "../../tisk/ztrata-bydleni.pdf" in links(ET_page(files["zivotni-situace/ztrata-bydleni/index.html"]))
    files = render(site, None)
    assert not [u for u in links(ET_page(files["index.html"])) if u.endswith(".pdf")]
    assert not [u for u in links(ET_page(files["zivotni-situace/ztrata-bydleni/index.html"])) if u.endswith(".pdf")]


def ET_page(html: str):
    from html_tree import parse

    return parse(html)


def test_sitemap_lists_every_page_with_its_full_address_and_robots_points_to_it(built):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(built / "sitemap.xml").getroot()
    urls = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert "https://katalog.example.org/" in urls
    assert "https://katalog.example.org/sluzby/azylovy-dum-lysa/" in urls
    assert "https://katalog.example.org/cilove-skupiny/seniori/" in urls
    assert not [u for u in urls if "404" in u or "hledat" in u or "sluzby/pecovatelska-sluzba/" in u]
    assert len(urls) == len(set(urls))
    lastmod = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}
    assert lastmod["https://katalog.example.org/sluzby/azylovy-dum-lysa/"] == "2026-09-01"
    robots = (built / "robots.txt").read_text()
    assert "Sitemap: https://katalog.example.org/sitemap.xml" in robots and "Allow: /" in robots


def test_a_renamed_record_leaves_a_redirect_at_its_old_address(built):
    for old in ("pecovatelska-sluzba", "sluzba-pro-seniory"):
        root = page(built / f"sluzby/{old}/index.html")
        assert find(root, "meta", http_equiv="refresh").get("content") == "0; url=../../sluzby/pecovatelska-sluzba-lysa/"
        assert find(root, "link", rel="canonical").get("href") == "https://katalog.example.org/sluzby/pecovatelska-sluzba-lysa/"
        assert find(root, "a").get("href") == "../../sluzby/pecovatelska-sluzba-lysa/"
        assert find(root, "meta", name="robots").get("content") == "noindex"


def test_a_former_id_may_not_be_a_live_id_or_claimed_twice(make_site):
    content = make_site({
        "services/pecovatelska-sluzba-lysa.yaml": SERVICE_2 + "former_ids: [azylovy-dum-lysa, stara-sluzba]\n",
        "providers/jiny.yaml": "name: Jiný\nformer_ids: [charita-lysa]\ndescription: Jiný spolek.\ncontacts: {email: a@example.org}\n",
        "services/klub.yaml": RELATED + "former_ids: [stara-sluzba]\n",
    })
    result = run_cli("check", "--content", content)
    errors = [line.split("/content/", 1)[-1] for line in result.lines if "former" in line or "already a former" in line]
    assert errors == [
        'providers/jiny.yaml:2:14: former_ids[0]: „charita-lysa“ je id existujícího záznamu v providers/; dřívější id musí být volné, smažte ho',
        'services/pecovatelska-sluzba-lysa.yaml:17:14: former_ids[0]: „azylovy-dum-lysa“ je id existujícího záznamu v services/; dřívější id musí být volné, smažte ho',
        'services/pecovatelska-sluzba-lysa.yaml:17:32: former_ids[1]: „stara-sluzba“ je už dřívějším id záznamu „klub“; stará adresa může vést jen k jednomu záznamu',
    ]
    assert result.code == 1


# --- themes ------------------------------------------------------------------------


def test_a_town_theme_overrides_a_template_and_a_static_file(make_site, tmp_path):
    content = make_site({
        "theme/templates/base.html": None,
    })
    theme = content / "theme"
    (theme / "templates").mkdir(parents=True, exist_ok=True)
    (theme / "static").mkdir(parents=True, exist_ok=True)
    (theme / "templates/_search_form.html").write_text('<form role="search" method="get" action="{{ link(url_for(\'search\')) }}"><label for="q">Hledej v Testově</label><input id="q" name="q" type="search"></form>\n', encoding="utf-8")
    (theme / "templates/page.html").write_text('{% extends "base.html" %}{% set title = page.title %}{% block main %}<h1 class="town">{{ page.title }}</h1>{% endblock %}\n', encoding="utf-8")
    (theme / "static/style.css").write_text("body { color: #000; } /* Testov */\n", encoding="utf-8")
    (theme / "static/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    assert (out / "static/style.css").read_text() == "body { color: #000; } /* Testov */\n"
    assert (out / "static/logo.svg").is_file() and (out / "static/hours.js").is_file()
    assert text(find(page(out / "sluzby/azylovy-dum-lysa/index.html"), "label")) == "Hledej v Testově"
    assert find(page(out / "stranky/o-katalogu/index.html"), "h1", class_="town") is not None
    assert find(page(out / "sluzby/azylovy-dum-lysa/index.html"), "h1", class_="town") is None


# --- what each page depends on -------------------------------------------------------


EDITS = {
    "provider renamed": {"providers/charita-lysa.yaml": lambda t: t.replace("name: Charita Lysá", "name: Oblastní charita Lysá")},
    "locality renamed": {"localities/milovice.yaml": lambda t: t.replace("Milovice", "Milovice nad Labem")},
    "service joins a group": {"services/pecovatelska-sluzba-lysa.yaml": lambda t: t.replace("target_groups: [seniori]", "target_groups: [seniori, rodiny-s-detmi]")},
    "gathering rule widened": {"life-situations/ztrata-bydleni.yaml": lambda t: t.replace("types: [azylove-domy]", "types: [azylove-domy, pecovatelska-sluzba]")},
    "service moves": {"services/klub-senioru-milovice.yaml": lambda t: t.replace("locality: milovice", "locality: litol")},
    "page leaves the menu": {"pages/o-katalogu.md": lambda t: t.replace("nav: true", "nav: false")},
    "service renamed": {"services/azylovy-dum-lysa.yaml": lambda t: t.replace("Azylový dům pro matky s dětmi", "Azylový dům Zátiší")},
}


def rendered(content: Path):
    cat = publishable(load(content, cache=RecordCache(None)).catalogue)
    tree = OutputTree()
    plans = plan_pages(cat)
    render_site(cat, tree, None, None, None, plans=plans)
    return cat, plans, tree.files


@pytest.mark.parametrize("edit", EDITS)
def test_depends_names_every_record_a_page_shows(tmp_path, edit, monkeypatch):
    """Every page whose HTML changes after an edit must be one the live preview would re-render."""
    from catalogue.render.depends import Depends, changed_keys

    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    content = write_site(tmp_path / "content", OVERRIDES)
    old_cat, old_plans, before = rendered(content)
    for rel, change in EDITS[edit].items():
        path = content / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    new_cat, new_plans, after = rendered(content)
    keys = Depends.expand(old_cat, new_cat, changed_keys(old_cat, new_cat))
    assert keys
    hit = set()
    for plan in (*old_plans, *new_plans):
        if "*" in keys or "*" in plan.depends or plan.depends & keys:
            hit.add(plan.url)
    from catalogue.render.urls import output_path

    urls = {output_path(p.url): p.url for p in (*old_plans, *new_plans)}
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path) and path in urls}
    assert changed, "the edit changed no page"
    missed = sorted(path for path in changed if urls[path] not in hit)
    assert not missed
