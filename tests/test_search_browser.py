"""The search page in headless Chromium: results, facets in the address, back button, corrections, accessibility."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from catalogue.index import publishable
from catalogue.validate.stage import check_content
from catalogue.search.engine import SearchEngine
from site_fixtures import DEMO, demo_site, fixture_site, serve  # noqa: F401 - fixtures
from test_site_browser import axe, browser, tab  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def base(demo_site):  # noqa: F811 - fixture
    return serve(demo_site).rstrip("/")


@functools.cache
def demo_engine() -> SearchEngine:
    return SearchEngine.for_catalogue(publishable(check_content(DEMO).catalogue))


def results(page) -> list[str]:
    page.wait_for_selector("#search-app[data-state=done]")
    return page.eval_on_selector_all("#search-results li h2 a", "els => els.map(e => e.getAttribute('href'))")


def test_typing_a_query_shows_results_announced_in_a_live_region(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/")
    tab.fill("#q", "pecovatelska sluzba")
    tab.press("#q", "Enter")
    tab.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
    found = results(tab)
    assert "../sluzby/pecovatelska-sluzba-lysa/" in found[:6]
    status = tab.locator("#search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert re.fullmatch(r"4 služby a \d+ další(ch)? výsledk\w+ pro „pecovatelska sluzba“", status.text_content())
    assert parse_qs(urlsplit(tab.url).query)["q"] == ["pecovatelska sluzba"]


def test_the_index_is_fetched_while_typing_and_nothing_fails_to_load(tab, base):  # noqa: F811
    requested: list[str] = []
    failed: list[str] = []
    complaints: list[str] = []
    tab.on("request", lambda r: requested.append(urlsplit(r.url).path))
    tab.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    tab.on("console", lambda m: m.type in ("error", "warning") and complaints.append(m.text))
    tab.goto(f"{base}/hledat/")
    tab.wait_for_selector("#search-app[data-state=done]")
    assert not any(p.startswith("/search/") for p in requested)  # nothing before the field is used
    tab.click("#q")
    tab.type("#q", "azylový dům", delay=30)
    tab.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('/search/index/'))")
    before_enter = set(requested)
    assert "/search/index.json" in before_enter
    assert not any(p.startswith("/search/doc/") for p in before_enter)  # results only once asked
    tab.press("#q", "Enter")
    assert "../sluzby/azylovy-dum-pristav-celakovice/" in results(tab)
    assert not any(p.startswith("/search/facet/") for p in requested)  # no filter chosen, the panel closed
    assert "/static/favicon.svg" in requested
    assert failed == [] and complaints == []


def test_filters_live_in_the_address_and_the_back_button_restores_the_search(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=senior")
    everything = results(tab)
    tab.click("#search-facets summary")
    tab.check("input[name=type][value=pecovatelska-sluzba]")
    tab.wait_for_function("location.search.includes('type=pecovatelska-sluzba')")
    filtered = results(tab)
    assert filtered and len(filtered) < len(everything)
    # the type's services, and the plan's measures that concern the type
    assert all(href.startswith("/sluzby/pecovatelska") or "pecovatelska" in href or "/opatreni/" in href for href in filtered)
    tab.go_back()
    tab.wait_for_function("!location.search.includes('type=')")
    assert results(tab) == everything
    assert not tab.is_checked("input[name=type][value=pecovatelska-sluzba]")


def test_facet_counts_are_shown_when_the_filters_are_open(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=senior&type=pecovatelska-sluzba")
    results(tab)
    tab.wait_for_function("document.querySelector('input[name=type][value=pecovatelska-sluzba]').parentNode.querySelector('.count').textContent !== ''")
    assert tab.text_content("input[name=type][value=pecovatelska-sluzba] ~ .count").strip().startswith("(")


@pytest.mark.parametrize("place", ["milovice-mlada", "okres-nymburk"])
def test_a_place_counts_what_is_there_and_what_serves_it(tab, base, place):  # noqa: F811
    # Services of the whole region or district are found in a town part without the index
    # naming it; the option's count adds up the values it stands for (views.locality_filter).
    tab.goto(f"{base}/hledat/?locality={place}")
    shown = results(tab)
    option = f"#facet-locality option[value={place}]"
    tab.wait_for_function(f"document.querySelector('{option}').textContent.includes('(')")
    # "66 služeb a 17 dalších výsledků": the services, then the rest (the plan's measures for the place)
    total = sum(int(n) for n in re.findall(r"\d+", tab.text_content("#search-status")))
    assert total >= len(shown) > 0
    assert tab.text_content(option).strip().endswith(f"({total})")
    assert total == demo_engine().search("", {"locality": [place]}, limit=None).total  # as on the command line


def test_a_place_the_form_does_not_offer_still_finds_what_serves_it(tab, base):  # noqa: F811
    # A big catalogue offers regions and districts only; a town can still come in a shared address.
    def without_the_option(route):
        html = route.fetch().text()
        html = re.sub(r'<option value="milovice-mlada"[^>]*>[^<]*</option>', "", html)
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    tab.route(re.compile(r".*/hledat/(\?.*)?$"), without_the_option)
    requested: list[str] = []
    tab.on("request", lambda r: requested.append(urlsplit(r.url).path))
    tab.goto(f"{base}/hledat/?locality=milovice-mlada")
    results(tab)
    assert tab.locator("#facet-locality option[value=milovice-mlada][data-added]").count() == 1  # added back, named
    assert tab.eval_on_selector("#facet-locality", "s => s.options[s.selectedIndex].textContent").startswith("Mladá")
    # "66 služeb a 17 dalších výsledků": the services, then the rest (the plan's measures for the place)
    total = sum(int(n) for n in re.findall(r"\d+", tab.text_content("#search-status")))
    assert total == demo_engine().search("", {"locality": ["milovice-mlada"]}, limit=None).total
    assert "/search/places.json" in requested
    tab.unroute(re.compile(r".*/hledat/(\?.*)?$"))


def test_a_typo_is_corrected_and_said_so(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=azilov%C3%BD+d%C5%AFm")
    found = results(tab)
    assert any("azylovy-dum" in href for href in found)
    assert "azylový dům" in tab.text_content("#search-corrected")


def test_nothing_found_offers_help(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=qwxzqwxz")
    assert results(tab) == []
    assert tab.is_visible("#search-empty")
    assert tab.locator("#search-empty a[href*='zivotni-situace']").count() > 0


def test_search_page_with_results_is_axe_clean(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=domov&type=domovy-pro-seniory")
    results(tab)
    tab.click("#search-facets summary")
    assert axe(tab) == []


def test_without_javascript_the_page_explains_and_offers_browsing(browser, base):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/hledat/?q=senior")
    assert not page.is_visible("#search-app")
    assert page.is_visible(".search-browse")
    assert page.locator(".search-browse a").count() >= 5
    context.close()


# --- what the page says it found, the chips, the phone ----------------------------------------

PHONE = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True, "locale": "cs-CZ"}
SHARED = "?q=senior&locality=lysa-nad-labem&free=yes&type=dobrovolnicka-centra"


@pytest.fixture()
def phone(browser):  # noqa: F811 - fixture
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("query", "said"), [
    ("?q=domov+pro+seniory&locality=lysa-nad-labem", r"1\d služeb a 2 další výsledky pro „domov pro seniory“ v Lysé nad Labem"),
    ("?locality=okres-nymburk&type=pecovatelska-sluzba", r"3 služby a 1 další výsledek v okrese Nymburk, druh pomoci: Pečovatelská služba"),
    ("?locality=nymburk-zalabi&free=yes", r"\d+ služ\w+ ve čtvrti Zálabí, zdarma"),  # no in_name: said by its level
    ("?q=jidlo", r"3 služby a 2 další výsledky pro „jidlo“"),
    ("?q=odvoz&wheelchair=yes", r"\d služ\w+ pro „odvoz“, bezbariérový přístup"),
    ("?q=senior&locality=lysa-nad-labem&free=yes&type=dobrovolnicka-centra",
     r"2 služby pro „senior“ v Lysé nad Labem, druh pomoci: Dobrovolnická centra, zdarma"),
])
def test_the_count_and_the_filters_are_said_in_words(tab, base, query, said):  # noqa: F811
    tab.goto(f"{base}/hledat/{query}")
    results(tab)
    assert re.fullmatch(said, tab.text_content("#search-status")), tab.text_content("#search-status")


def test_a_district_without_a_phrase_for_in_is_named_before_the_count(browser, fixture_site):  # noqa: F811
    context = browser.new_context(locale="cs-CZ")
    page = context.new_page()
    page.goto(f"{serve(fixture_site).rstrip('/')}/hledat/?locality=okres")
    results(page)
    assert re.fullmatch(r"Okres Nymburk: \d+ služ(ba|by|eb)", page.text_content("#search-status"))
    context.close()


def test_each_filter_is_a_chip_that_removes_it(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/{SHARED}")
    results(tab)
    chips = tab.locator("#search-chips button")
    labels = chips.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || e.textContent)")
    assert labels == ["Zrušit filtr: Lysá nad Labem", "Zrušit filtr: Dobrovolnická centra", "Zrušit filtr: zdarma", "Zrušit všechny filtry"]
    tab.click("#search-chips button[aria-label='Zrušit filtr: zdarma']")
    tab.wait_for_function("!location.search.includes('free=')")
    results(tab)
    assert "free=" not in tab.url and "type=dobrovolnicka-centra" in tab.url
    assert tab.evaluate("document.activeElement.closest('#search-chips') !== null")  # focus stays on the chips
    tab.click("#search-chips button.chip-clear")
    tab.wait_for_function("location.search === '?q=senior'")
    results(tab)
    assert tab.is_hidden("#search-chips")


def test_on_a_phone_a_shared_search_shows_its_results_first(phone, base):
    phone.goto(f"{base}/hledat/{SHARED}")
    results(phone)
    assert not phone.eval_on_selector("#search-facets", "d => d.open")  # the panel stays closed…
    assert phone.locator("#search-chips button").count() == 4  # …the chips say what is chosen
    first = phone.eval_on_selector("#search-results li", "e => e.getBoundingClientRect().top")
    panel = phone.eval_on_selector("#search-facets", "e => e.getBoundingClientRect().height")
    assert panel < 60 and first > 0  # one line of panel between the chips and the results
    assert axe(phone) == []


def test_on_a_wide_screen_the_filters_stand_beside_the_results(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/{SHARED}")
    results(tab)
    assert tab.eval_on_selector("#search-facets", "d => d.open")
    panel = tab.eval_on_selector("#search-facets", "e => e.getBoundingClientRect()")
    first = tab.eval_on_selector("#search-results li", "e => e.getBoundingClientRect()")
    assert panel["right"] <= first["left"] and abs(panel["top"] - first["top"]) < 40
    assert axe(tab) == []


def test_nothing_scrolls_sideways_at_320_px_with_every_filter_open(phone, base):
    phone.goto(f"{base}/hledat/?q=senior&locality=milovice-benatecka-vrutice")
    results(phone)
    phone.click("#search-facets summary")
    phone.wait_for_function("document.querySelector('#search-facets').open")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    assert phone.eval_on_selector("#facet-locality", "e => e.getBoundingClientRect().right") <= 320
    assert axe(phone) == []


def test_a_corrected_and_an_empty_search_are_axe_clean(tab, base):  # noqa: F811
    for query in ("?q=pecovatelksa", "?q=qwxzqwxz&free=yes"):
        tab.goto(f"{base}/hledat/{query}")
        results(tab)
        assert axe(tab) == [], query


def test_the_plans_measures_are_found_in_the_browser_and_filtered_as_their_own_kind(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=odlehčovací služba")
    everything = results(tab)
    assert any("/sluzby/" in href for href in everything)  # links are relative to the page: ../sluzby/…
    assert any("/komunitni-plan/" in href and "/opatreni/" in href for href in everything)
    assert "/opatreni/" in everything[-1]  # the plan's documents come after the help
    tab.click("#search-facets summary")
    tab.check("input[name=kind][value=measure]")
    tab.wait_for_function("location.search.includes('kind=measure')")
    measures = results(tab)
    assert measures and all("/opatreni/" in href for href in measures)
    assert tab.locator("#search-results li[data-record=measure]").count() == len(measures)
