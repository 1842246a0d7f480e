"""The search page in headless Chromium: results, facets in the address, back button, corrections, accessibility."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from site_fixtures import demo_site, serve  # noqa: F401 - fixtures
from test_site_browser import axe, browser, tab  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def base(demo_site):  # noqa: F811 - fixture
    return serve(demo_site).rstrip("/")


def results(page) -> list[str]:
    page.wait_for_selector("#search-app[data-state=done]")
    return page.eval_on_selector_all("#search-results li h2 a", "els => els.map(e => e.getAttribute('href'))")


def test_typing_a_query_shows_results_announced_in_a_live_region(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/")
    tab.fill("#q", "pecovatelska sluzba")
    tab.press("#q", "Enter")
    tab.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
    found = results(tab)
    assert "/sluzby/pecovatelska-sluzba-lysa/" in found[:6]
    status = tab.locator("#search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert "výsled" in status.text_content()
    assert parse_qs(urlsplit(tab.url).query)["q"] == ["pecovatelska sluzba"]


def test_filters_live_in_the_address_and_the_back_button_restores_the_search(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=senior")
    everything = results(tab)
    tab.click("#search-facets summary")
    tab.check("input[name=type][value=pecovatelska-sluzba]")
    tab.wait_for_function("location.search.includes('type=pecovatelska-sluzba')")
    filtered = results(tab)
    assert filtered and len(filtered) < len(everything)
    assert all(href.startswith("/sluzby/pecovatelska") or "pecovatelska" in href for href in filtered)
    tab.go_back()
    tab.wait_for_function("!location.search.includes('type=')")
    assert results(tab) == everything
    assert not tab.is_checked("input[name=type][value=pecovatelska-sluzba]")


def test_facet_counts_are_shown_when_the_filters_are_open(tab, base):  # noqa: F811
    tab.goto(f"{base}/hledat/?q=senior&type=pecovatelska-sluzba")
    results(tab)
    tab.wait_for_function("document.querySelector('input[name=type][value=pecovatelska-sluzba]').parentNode.querySelector('.count').textContent !== ''")
    assert tab.text_content("input[name=type][value=pecovatelska-sluzba] ~ .count").strip().startswith("(")


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
