"""Issue 13 in headless Chromium on the demo: the nearest help, the map, My list, the quick exit, offline.

Every request that leaves the test server is blocked (and recorded): the site must work from its own files.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from site_fixtures import demo_site, serve  # noqa: F401 - fixtures
from test_site_browser import axe, browser  # noqa: F401 - fixtures

PODEBRADY = {"latitude": 50.1424, "longitude": 15.1188}
LYSA = {"latitude": 50.2014, "longitude": 14.8329}
NEUTRAL = "<!doctype html><html lang=en><title>Neutral</title><h1>Weather</h1></html>"
SHELTER = "azylovy-dum-pristav-celakovice"  # a confidential house and a public office


@pytest.fixture(scope="module")
def base(demo_site):  # noqa: F811 - fixture
    return serve(demo_site)


class Outside:
    """Blocks every request that leaves the test server; remembers them; answers the quick exit's site."""

    def __init__(self, context, base: str):
        self.base = base
        self.blocked: list[tuple[str, str]] = []
        context.route("**/*", self.handle)

    def handle(self, route):
        request = route.request
        if request.url.startswith(self.base):
            route.continue_()
        elif request.resource_type == "document":
            self.blocked.append((request.resource_type, request.url))
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL)
        else:
            self.blocked.append((request.resource_type, request.url))
            route.abort()


@pytest.fixture
def context(browser, base):  # noqa: F811 - fixture
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="cs-CZ", timezone_id="Europe/Prague")
    context.outside = Outside(context, base)
    yield context
    context.close()


def shown(page) -> list[tuple[str, str]]:
    """Return the search results as (the link's path on the site, distance text)."""
    page.wait_for_selector("#search-app[data-state=done]")
    return page.eval_on_selector_all(
        "#search-results li",
        "lis => lis.map(li => [new URL(li.querySelector('h2 a').href).pathname, (li.querySelector('.distance') || {}).textContent || ''])",
    )


def kilometres(results: list[tuple[str, str]]) -> list[float]:
    return [float(m.group(1).replace(",", ".")) for _, text in results if (m := re.fullmatch(r"([\d,]+) km", text))]


def search_care(page, base: str) -> None:
    """Search for help at home: the care services first, and enough others to sort by distance."""
    page.goto(base + "hledat/?q=" + quote("pomoc doma"))
    page.wait_for_selector("#search-app[data-state=done]")


def nearest_from(browser, base: str, where: dict) -> tuple[list[tuple[str, str]], str]:  # noqa: F811
    """Return the care services nearest first from the browser's location ``where``, and the page's address."""
    context = browser.new_context(geolocation=where, permissions=["geolocation"], locale="cs-CZ")
    Outside(context, base)
    page = context.new_page()
    search_care(page, base)
    page.click("#near-here")
    page.wait_for_function("document.querySelector('#search-results .distance')")
    results, address = shown(page), page.url
    context.close()
    return results, address


@pytest.mark.parametrize("where,first", [(PODEBRADY, "charitni-pecovatelska-sluzba-nymburk"), (LYSA, "pecovatelska-sluzba-lysa")])
def test_the_browsers_location_puts_the_nearest_service_first(browser, base, where, first):  # noqa: F811
    results, address = nearest_from(browser, base, where)
    assert results[0][0] == f"/sluzby/{first}/"
    km = kilometres(results)
    assert len(km) >= 4 and km == sorted(km)
    assert "near=here" in address and str(where["latitude"]) not in address  # the position never goes into the address


def test_a_typed_village_gives_the_same_order_as_being_there(browser, base, context):  # noqa: F811
    expected, _ = nearest_from(browser, base, PODEBRADY)

    page = context.new_page()  # no permission to locate: the person types the place
    search_care(page, base)
    page.click("#near-place")
    page.keyboard.type("Podebr", delay=20)  # without the accents, unfinished
    page.wait_for_function("document.querySelectorAll('#near-places option').length > 0")
    assert "Poděbrady" in page.eval_on_selector_all("#near-places option", "os => os.map(o => o.value)")
    page.fill("#near-place", "podebrady")
    page.press("#near-place", "Enter")
    page.wait_for_function("location.search.includes('near=podebrady')")
    page.wait_for_function("document.querySelector('#search-results .distance')")
    assert [link for link, _ in shown(page)] == [link for link, _ in expected]
    assert "Poděbrady" in page.text_content("#near-status")

    page.select_option("#near-km", "10")
    page.wait_for_function("location.search.includes('km=10')")
    page.wait_for_function("""[...document.querySelectorAll('#search-results .distance')].every(
        d => !/ km$/.test(d.textContent) || parseFloat(d.textContent.replace(',', '.')) <= 10)""")
    near = shown(page)
    assert 0 < len(near) < len(expected) and all(km <= 10 for km in kilometres(near))
    assert axe(page) == []


def map_markers_recorded(page) -> None:
    """Record where Leaflet is asked to put a marker (the clusters hide most of them from the page)."""
    page.add_init_script("""
      window.__markers = [];
      let real;
      Object.defineProperty(window, 'L', {configurable: true, get() { return real; }, set(value) {
        real = value;
        for (const name of ['marker', 'circleMarker', 'circle']) {
          const make = value[name];
          if (make) value[name] = function (at, ...rest) { window.__markers.push([at[0], at[1]]); return make.call(this, at, ...rest); };
        }
      }});
    """)


def open_map(page) -> None:
    page.click(".map-toggle")
    page.wait_for_selector(".map-view .leaflet-container, .map-view.leaflet-container")
    page.wait_for_function("document.querySelector('.map-status').textContent.length > 0")


def test_the_map_loads_from_the_site_and_never_shows_a_confidential_place(base, context, demo_site):  # noqa: F811
    page = context.new_page()
    map_markers_recorded(page)
    scripts: list[str] = []
    page.on("request", lambda r: r.resource_type in ("script", "stylesheet") and scripts.append(r.url))
    page.goto(base + "druhy-sluzeb/azylove-domy/")
    assert not any("leaflet" in url for url in scripts)  # nothing of the map before it is opened
    open_map(page)
    page.wait_for_function("window.__markers.length > 0")
    assert any("/vendor/leaflet/" in url and url.startswith(base) for url in scripts)
    assert all(url.startswith(base) for url in scripts)
    outside = context.outside.blocked
    assert all(kind == "image" and "tile.openstreetmap.org" in url for kind, url in outside), outside
    assert "podklad" in page.text_content(".map-status")  # the tiles were blocked: the map says so in words
    assert page.is_visible(".cards, .rows")  # and the list stays

    secret = (50.16583, 14.74117)  # the shelter's confidential place (content/services/azylovy-dum-pristav-celakovice.yaml)
    near_secret = [(lat, lon) for lat, lon in page.evaluate("window.__markers")
                   if abs(lat - secret[0]) < 0.002 and abs(lon - secret[1]) < 0.002]
    assert near_secret == []
    data = (demo_site / "map" / "services.json").read_text()
    assert "50.1658" not in data and "14.7411" not in data
    row = next(r for r in json.loads(data)["services"] if r[0] == SHELTER)
    assert [p[2] for p in row[4]] == ["Kontaktní kancelář Bezpečného přístavu"]  # its public office only
    assert axe(page) == []


def test_the_map_of_search_results_and_its_toggle(base, context):  # noqa: F811
    page = context.new_page()
    map_markers_recorded(page)
    search_care(page, base)
    toggle = page.locator(".map-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    open_map(page)
    assert toggle.get_attribute("aria-expanded") == "true"
    page.wait_for_function("window.__markers.length > 0")
    assert page.locator("#search-results li").count() > 0
    toggle.click()
    assert page.locator("#map-view").is_hidden() and toggle.get_attribute("aria-expanded") == "false"


def keep(page, base: str, service: str) -> None:
    page.goto(f"{base}sluzby/{service}/")
    button = page.locator(f"[data-keep='{service}']").first
    button.click()
    page.wait_for_function(f"Object.keys(localStorage).some(k => localStorage.getItem(k).includes('\"{service}\"'))")
    assert button.text_content() == "Odebrat ze seznamu"  # the button now says what it will do


def test_my_list_keeps_services_prints_and_travels_as_a_link(browser, base, context, tmp_path):  # noqa: F811
    page = context.new_page()
    keep(page, base, "pecovatelska-sluzba-lysa")
    keep(page, base, "charitni-pecovatelska-sluzba-nymburk")
    assert "(2)" in page.text_content("[data-list-count]")
    page.goto(base + "muj-seznam/")
    page.wait_for_selector(".my-list li")
    items = page.locator(".my-list > li")
    assert items.count() == 2
    first = items.nth(0).inner_text()
    assert "Pečovatelská služba" in first and re.search(r"\d{3} \d{3} \d{3}", first)
    assert page.locator(".my-list a[href^='tel:']").count() >= 2
    assert page.get_attribute("#my-list-mail", "href").startswith("mailto:")
    assert axe(page) == []

    page.emulate_media(media="print")
    assert page.locator("#my-list-print").is_hidden() and page.locator(".site-header").is_hidden()
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.my-list li')).fontSize)")
    assert size >= 18  # large type
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2
    page.emulate_media(media="screen")

    link = page.input_value("#my-list-share")
    assert "pecovatelska-sluzba-lysa" in link and link.startswith(base)
    fresh = browser.new_context(locale="cs-CZ")  # someone else, with an empty list: the shared one becomes theirs
    Outside(fresh, base)
    theirs = fresh.new_page()
    theirs.goto(link)
    theirs.wait_for_selector(".my-list li")
    assert theirs.locator(".my-list > li").nth(0).inner_text() == first
    theirs.goto(base + "muj-seznam/")
    theirs.wait_for_selector(".my-list li")
    assert theirs.locator(".my-list > li").count() == 2
    fresh.close()

    other = browser.new_context(locale="cs-CZ")  # someone with a list of their own: asked before it changes
    Outside(other, base)
    theirs = other.new_page()
    keep(theirs, base, SHELTER)
    theirs.goto(link)
    theirs.wait_for_selector(".my-list li")
    assert theirs.locator(".my-list > li").count() == 2
    assert theirs.is_visible("#my-list-shared")
    assert axe(theirs) == []
    theirs.click("#my-list-keep")
    theirs.goto(base + "muj-seznam/")
    theirs.wait_for_selector(".my-list li")
    assert theirs.locator(".my-list > li").count() == 3
    other.close()


@pytest.mark.parametrize("how", ["button", "Escape"])
def test_the_quick_exit_leaves_and_back_does_not_return(base, context, how):  # noqa: F811
    page = context.new_page()
    page.goto(base)
    assert page.locator("[data-quick-exit]").count() == 0  # only on sensitive pages
    page.goto(f"{base}sluzby/{SHELTER}/")
    exit_link = page.locator("[data-quick-exit]")
    assert exit_link.is_visible()
    if how == "button":
        exit_link.click()
    else:
        page.wait_for_load_state("load")
        page.keyboard.press("Escape")
    page.wait_for_function("document.title === 'Neutral'")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == base and SHELTER not in page.content()


def test_a_visited_page_reloads_offline(browser, base):  # noqa: F811
    context = browser.new_context(service_workers="allow", locale="cs-CZ")
    Outside(context, base)
    page = context.new_page()
    page.goto(base + "sluzby/pecovatelska-sluzba-lysa/")
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null || (navigator.serviceWorker.ready.then(() => location.reload()), false)", timeout=20000)
    page.goto(base + "sluzby/pecovatelska-sluzba-lysa/")  # now under the worker: kept
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(base + "muj-seznam/")
    context.set_offline(True)
    page.goto(base + "sluzby/pecovatelska-sluzba-lysa/")
    assert "Pečovatelská služba" in page.text_content("h1")
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    page.reload()
    assert "Pečovatelská služba" in page.text_content("h1")
    page.goto(base + "muj-seznam/")
    assert page.locator("#my-list").count() == 1
    context.close()


STATES = {
    "crisis lines": ("", "details.crisis summary"),
    "menu on a phone": ("", "#menu-button"),
    "nearest and the distance": ("hledat/?q=" + quote("pečovatelská") + "&near=podebrady&km=20", None),
    "map of a kind of help": ("druhy-sluzeb/pecovatelska-sluzba/", ".map-toggle"),
    "my list, empty": ("muj-seznam/", None),
    "a place's page, narrowed": ("lokality/lysa-nad-labem/", "[data-narrow] a[data-kind]"),
    "a sensitive page": (f"sluzby/{SHELTER}/", None),
}


@pytest.mark.parametrize("width,scale", [(320, 1), (640, 2)], ids=["320px", "1280px at 200% zoom"])
def test_no_overflow_and_no_axe_violation_with_every_panel_open(browser, base, width, scale):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 640}, device_scale_factor=scale, locale="cs-CZ")
    Outside(context, base)
    page = context.new_page()
    keep(page, base, "pecovatelska-sluzba-lysa")
    wide, violations = {}, {}
    for name, (rel, click) in {**STATES, "my list, full": ("muj-seznam/", None)}.items():
        page.goto(base + rel)
        page.wait_for_load_state("load")
        if click and page.locator(click).first.is_visible():
            page.locator(click).first.click()
            page.wait_for_timeout(300)
        if "search" in rel or "hledat" in rel:
            page.wait_for_selector("#search-app[data-state=done]")
        scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide[name] = (scroll, client)
        if found := axe(page):
            violations[name] = found
    context.close()
    assert wide == {} and violations == {}


def test_the_header_leaves_room_for_content_on_a_phone(browser, base):  # noqa: F811
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="cs-CZ")
    page = context.new_page()
    page.goto(base + "sluzby/pecovatelska-sluzba-lysa/")
    bottom = page.evaluate("document.querySelector('.site-header .bar').getBoundingClientRect().bottom")
    assert bottom < 160, bottom  # it was about 400 px before the crisis lines and the folding menu
    assert page.evaluate("document.querySelector('main h1').getBoundingClientRect().bottom") < 640
    assert page.locator(".crisis-bar a[href='tel:112']").first.is_visible()  # crisis lines without scrolling
    assert page.locator("a.call").first.is_visible()
    context.close()


def test_the_map_script_is_only_on_pages_that_show_a_map(demo_site):  # noqa: F811
    assert "map.js" not in (demo_site / "stranky" / "o-katalogu" / "index.html").read_text()
    assert "map.js" in (demo_site / "sluzby" / "pecovatelska-sluzba-lysa" / "index.html").read_text()
