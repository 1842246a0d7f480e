"""The search page's map with thousands of places, in headless Chromium: a catalogue of the national shape
(benchmarks/national.py at a small scale: 2,680 services, 3,838 places in 2,500 municipalities), searched
for every service.

The markers cluster (the page holds far fewer marker elements than there are points), a cluster
pressed zooms in or spreads its markers, no confidential place is on the map, and nothing is
requested from outside the site except the map's background tiles (which the test blocks).
Time to a ready map and the bytes of its data are a benchmark's (benchmarks/bench_map.py).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from site_fixtures import build, serve
from test_near_browser import Outside
from test_site_browser import browser  # noqa: F401 - fixture

sys.path.insert(0, str(ROOT / "benchmarks"))
import national  # noqa: E402

SCALE = 0.4  # 3,838 places: the test's "thousands"
EVERY_SERVICE = "hledat/?kind=registered&kind=related"


@pytest.fixture(scope="module")
def national_site(tmp_path_factory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("national-map")
    stats = national.generate(root / "content", scale=SCALE)
    assert stats["locations"] >= 3000
    public = build(root / "content", root / "public")
    return root / "content", public, serve(public)


def confidential_only(content: Path) -> set[str]:
    """The services whose every place is confidential (a shelter with no public office)."""
    found = set()
    for path in (content / "services").glob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if all(location.get("confidential") for location in record["locations"]):
            found.add(path.stem)
    return found


def points_in_data(public: Path) -> dict[str, int]:
    """Service id → the points the map data gives it (exact places, and localities' centres for the others)."""
    services = json.loads((public / "map" / "services.json").read_text())["services"]
    places = json.loads((public / "map" / "places.json").read_text())["places"]
    return {row[0]: len(row[4]) + sum(1 for i in row[6] if places[i][3] is not None) for row in services}


def open_big_map(browser, base: str, search: str = EVERY_SERVICE):  # noqa: F811 - fixture
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
    context.outside = Outside(context, base)
    page = context.new_page()
    page.add_init_script("""
      window.__points = 0;
      let real;
      Object.defineProperty(window, 'L', {configurable: true, get() { return real; }, set(value) {
        real = value;
        for (const name of ['marker', 'circleMarker']) {
          const make = value[name];
          if (make) value[name] = function (...args) { window.__points++; return make.apply(this, args); };
        }
      }});
    """)
    page.goto(base + search)
    page.wait_for_selector("#search-app[data-state=done]", timeout=60_000)
    page.click(".map-toggle")
    page.wait_for_selector("[data-map][data-state=shown]", timeout=60_000)
    return context, page


def test_thousands_of_places_cluster_and_a_cluster_opens(browser, national_site):  # noqa: F811
    content, public, base = national_site
    context, page = open_big_map(browser, base)
    total = int(page.get_attribute("#search-app", "data-total"))
    expected = sum(points_in_data(public).values())
    assert total > 1000 and page.evaluate("window.__points") == expected >= 3000  # every service's every point
    markers = page.locator(".map-view .leaflet-marker-icon").count()
    clusters = page.locator(".map-view .marker-cluster").count()
    assert 0 < clusters and markers < expected / 20, (markers, expected)  # clustered: a few dozen elements, not thousands

    zoom = int(page.get_attribute(".map-view", "data-zoom"))
    clusters = page.locator(".map-view .marker-cluster")
    sizes = [int(t) for t in clusters.all_text_contents()]
    clusters.nth(sizes.index(max(sizes))).click()  # the biggest spans several towns: it zooms in
    page.wait_for_function(f"Number(document.querySelector('.map-view').dataset.zoom) > {zoom}", timeout=10_000)
    page.wait_for_timeout(500)  # the zoom's animation
    assert page.locator(".map-view .leaflet-marker-icon").count() > markers  # what it held, spread over the view

    context.close()


def test_a_cluster_of_one_place_spreads_its_markers(browser, national_site):  # noqa: F811
    """Services shown at their town's centre (no coordinates of their own) share one point: their cluster cannot
    zoom apart, so pressing it (Enter on the focused cluster, as a keyboard user does) spreads them out."""
    _, public, base = national_site
    places = json.loads((public / "map" / "places.json").read_text())["places"]
    shared = Counter(i for row in json.loads((public / "map" / "services.json").read_text())["services"]
                     for i in row[6] if places[i][3] is not None)
    town, count = shared.most_common(1)[0]
    assert count >= 5
    context, page = open_big_map(browser, base, "hledat/?locality=" + places[town][0])
    spread = page.locator(".map-view .marker-cluster[style*='opacity: 0.3']")  # markercluster's mark of a spread cluster
    for _ in range(20):
        clusters = page.locator(".map-view .marker-cluster")
        if spread.count() or not clusters.count():
            break
        sizes = [int(t) for t in clusters.all_text_contents()]
        paths = page.locator(".map-view path.leaflet-interactive").count()
        clusters.nth(sizes.index(max(sizes))).focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(700)
    assert spread.count() == 1
    assert page.locator(".map-view path.leaflet-interactive").count() > paths  # the legs and the spread markers
    context.close()


def test_no_confidential_place_and_nothing_from_outside(browser, national_site):  # noqa: F811
    content, public, base = national_site
    secret = confidential_only(content)
    assert secret  # the national shape has shelters with secret addresses
    data = points_in_data(public)
    assert all(data.get(sid, 0) == 0 for sid in secret)  # not even their town's centre
    context, page = open_big_map(browser, base)
    titles = page.evaluate("[...document.querySelectorAll('.map-view .leaflet-marker-icon[title]')].map(m => m.title)")
    assert not any("utajena" in t for t in titles)
    blocked = context.outside.blocked
    assert blocked and all(kind == "image" and "tile.openstreetmap.org" in url for kind, url in blocked), blocked[:5]
    context.close()
