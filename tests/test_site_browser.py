"""The built site in a real browser (Debian's headless Chromium through Playwright), served over http.

axe-core on every page type, the keyboard alone, a 320 px screen, 200 % zoom, JavaScript
off, the "open now" line at fixed times, and printing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_fixtures import AXE, PLAN_PAGES, demo_site, fixture_site, node_tool, page_types, plan_site, serve  # noqa: F401 - fixtures

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PRAGUE = dt.timezone(dt.timedelta(hours=1))  # CET: the test days are in November


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright  # a test extra: pip install -e .[test]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(request) -> tuple[Path, str]:
    """The demo when there is one (the real thing), else the fixture catalogue; with its server's URL."""
    try:
        folder = request.getfixturevalue("demo_site")
    except pytest.skip.Exception:
        folder = request.getfixturevalue("fixture_site")
    return folder, serve(folder)


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="cs-CZ", timezone_id="Europe/Prague")
    page = context.new_page()
    yield page
    context.close()


def axe(page) -> list[str]:
    page.add_script_tag(path=str(node_tool(AXE)))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


def test_axe_finds_no_violation_on_any_page_type(site, tab):
    folder, base = site
    found = {}
    for kind, rel in page_types(folder).items():
        url = base + rel.removesuffix("index.html")
        tab.goto(url)
        violations = axe(tab)
        if violations:
            found[kind] = violations
    assert len(page_types(folder)) >= 15
    assert found == {}


def test_axe_on_every_page_type_of_a_plan_in_public_comment(browser, plan_site, tab):
    """The demo's plan is evaluated; this one is open for comments, so its pages offer the e-mail and the form."""
    base = serve(plan_site)
    found = {}
    types = {kind: rel for kind, rel in page_types(plan_site).items() if kind in PLAN_PAGES or kind in ("service", "target group", "service type")}
    assert set(PLAN_PAGES) <= set(types)
    for kind, rel in types.items():
        tab.goto(base + rel.removesuffix("index.html"))
        violations = axe(tab)
        if violations:
            found[kind] = violations
    assert found == {}


def test_axe_on_the_fixture_service_pages_with_a_confidential_place_and_a_map(browser, fixture_site, tab):
    base = serve(fixture_site)
    for rel in ("sluzby/azylovy-dum-lysa/", "sluzby/pecovatelska-sluzba-lysa/", "sluzby/klub-senioru-milovice/"):
        tab.goto(base + rel)
        assert axe(tab) == [], rel


FOCUSED = """() => {
  const e = document.activeElement, href = e.getAttribute('href') || '';
  if (e.classList.contains('skip')) return 'a.skip';
  if (href.startsWith('tel:')) return href;
  if (e.tagName === 'SUMMARY') return 'summary:' + (e.closest('details.crisis') ? 'crisis' : e.closest('details.menu') ? 'menu' : '?');
  if (e.id) return e.tagName.toLowerCase() + '#' + e.id;
  if (e.closest('.site-title')) return 'a:home';
  if (e.closest('form.search')) return e.tagName.toLowerCase() + ':search';
  return e.tagName.toLowerCase() + ':' + href;
}"""


def tab_order(tab, url: str, presses: int) -> list[str]:
    """Open url and return what each of the first presses of Tab focuses."""
    tab.goto(url)
    order = []
    for _ in range(presses):
        tab.keyboard.press("Tab")
        order.append(tab.evaluate(FOCUSED))
    return order


def test_the_keyboard_reaches_the_skip_link_then_the_search_field_and_enter_searches(site, tab):
    folder, base = site
    tab.goto(base + page_types(folder)["service"].removesuffix("index.html"))
    tab.keyboard.press("Tab")
    focused = tab.evaluate("() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})")
    assert focused == {"cls": "skip", "href": "#main"}
    box = tab.locator("a.skip").bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the skip link is visible when focused"
    assert tab.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    tab.keyboard.press("Enter")
    tab.wait_for_url("**#main", timeout=5000)  # the fragment navigation may land after the key press returns
    # The crisis lines come first on purpose (reachable without scrolling), then the home link and
    # the search; on a phone the Menu button follows the search, as the header reads in the source.
    assert tab_order(tab, base + page_types(folder)["service"].removesuffix("index.html"), 5) == [
        "a.skip", "tel:112", "summary:crisis", "a:home", "input#q",
    ], "the search field is the fifth thing Tab reaches"
    tab.set_viewport_size({"width": 320, "height": 640})
    assert tab_order(tab, base + page_types(folder)["service"].removesuffix("index.html"), 7) == [
        "a.skip", "tel:112", "summary:crisis", "a:home", "input#q", "button:search", "summary:menu",
    ]
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    tab.keyboard.type("senioři")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/hledat/?q=*")
    assert "hledat/?q=senio" in tab.url


def test_the_skip_link_moves_focus_to_the_main_content(site, tab):
    folder, base = site
    tab.goto(base)
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    inside = tab.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert inside, "after the skip link, Tab continues inside <main>"


@pytest.mark.parametrize("width,scale", [(320, 1), (640, 2)], ids=["320px", "1280px at 200% zoom"])
def test_no_horizontal_scrolling_on_a_small_screen_or_at_200_percent(site, browser, width, scale):
    folder, base = site
    context = browser.new_context(viewport={"width": width, "height": 640}, device_scale_factor=scale)
    page = context.new_page()
    wide = {}
    for kind, rel in page_types(folder).items():
        page.goto(base + rel.removesuffix("index.html"))
        scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide[kind] = (scroll, client)
    context.close()
    assert wide == {}


def test_text_stays_readable_at_320px(site, browser):
    folder, base = site
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base + page_types(folder)["service"].removesuffix("index.html"))
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p, main dd')).fontSize)")
    assert size >= 16
    context.close()


def test_a_service_page_is_complete_without_javascript(site, browser):
    folder, base = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + page_types(folder)["service"].removesuffix("index.html"))
    assert page.locator("h1").is_visible()
    assert page.locator("#h-contact").is_visible() or page.locator("#h-where").is_visible()
    if page.locator("table.hours").count():
        assert page.locator("table.hours").first.is_visible()
        assert not page.locator(".open-now").first.is_visible()
    assert page.locator("form[role=search] input[name=q]").is_visible()
    assert page.evaluate("() => document.querySelectorAll('a[href]').length") > 10
    context.close()


def test_the_crisis_lines_open_from_every_page_with_or_without_scripts(site, browser):
    """The lines come from the site's shared file (static/ui-text.js); without scripts the disclosure leads to their page."""
    folder, base = site
    url = base + page_types(folder)["service"].removesuffix("index.html")
    for scripts in (True, False):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        page.locator("details.crisis summary").click()
        shown = page.locator("details.crisis li")
        if scripts:
            assert shown.count() == 5 and shown.first.is_visible()
            assert [a.get_attribute("href") for a in page.locator("details.crisis a").all()][:2] == ["tel:112", "tel:116123"]
            assert "Linka první psychické pomoci" in shown.nth(1).inner_text()
        else:
            assert shown.count() == 1
            page.locator("details.crisis a").click()
            page.wait_for_url("**/krizove-linky/")
            assert page.locator("main a[href='tel:116123']").is_visible()
        context.close()


OPEN_NOW = {  # Prague time → the line under "Otevírací doba" of the shelter (Mon 8–12, 13–16; Tue 8–12)
    dt.datetime(2026, 11, 23, 9, 0, tzinfo=PRAGUE): "Nyní otevřeno, do 12:00.",
    dt.datetime(2026, 11, 23, 12, 30, tzinfo=PRAGUE): "Nyní zavřeno; otevírá dnes v 13:00.",
    dt.datetime(2026, 11, 23, 18, 0, tzinfo=PRAGUE): "Nyní zavřeno; otevírá zítra v 8:00.",
    dt.datetime(2026, 11, 24, 13, 0, tzinfo=PRAGUE): "Nyní zavřeno; otevírá v pondělí v 8:00.",
}


@pytest.mark.parametrize("when", OPEN_NOW, ids=lambda d: d.strftime("%a %H:%M"))
def test_open_now_is_computed_in_the_browser(fixture_site, browser, when):
    context = browser.new_context(timezone_id="UTC")  # the script uses the catalogue's time zone, not the visitor's
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(serve(fixture_site) + "sluzby/azylovy-dum-lysa/")
    line = page.locator(".open-now")
    line.wait_for(state="visible")
    assert line.inner_text() == OPEN_NOW[when]
    context.close()


def test_open_nonstop(fixture_site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(serve(fixture_site) + "sluzby/klub-senioru-milovice/")
    assert page.locator(".open-now").inner_text() == "Nyní otevřeno."
    context.close()


def test_printing_hides_the_navigation_and_shows_where_links_go(fixture_site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(serve(fixture_site) + "sluzby/pecovatelska-sluzba-lysa/")
    page.emulate_media(media="print")
    for selector in (".site-nav", "form[role=search]", ".crumbs", ".skip"):
        assert page.evaluate(f"() => getComputedStyle(document.querySelector('{selector}')).display") == "none", selector
    after = page.evaluate("() => getComputedStyle(document.querySelector('a[href*=openstreetmap]'), '::after').content")
    assert "https://www.openstreetmap.org/?mlat=50.2016" in after
    assert page.evaluate("() => getComputedStyle(document.querySelector('article.service')).breakAfter") == "page"
    assert page.locator(".site-footer .print-only").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    context.close()


def test_the_404_page_works_at_any_depth(site, tab):
    folder, base = site
    response = tab.goto(base + "404.html")
    assert response.ok
    assert tab.evaluate("() => getComputedStyle(document.body).fontFamily").startswith("system-ui")  # the stylesheet loaded
