#!/usr/bin/env python3
"""Print how the search page's map copes with thousands of places: time to a ready map, its longest main-thread
block, the marker elements it draws, and the bytes of its data and code.

    python benchmarks/bench_map.py [--scale 1] [--content DIR] [--runs 5] [--compare OLD_MAP_JS]

Builds the national catalogue (benchmarks/national.py; at scale 1 about 6,700 services and
9,600 places; 0.4 is the browser test's 3,800) unless ``--content`` is given, serves it on
127.0.0.1 and opens ``/hledat/?kind=registered&kind=related`` (every service) in
Chromium (a fresh browser context each run: nothing cached), the map's tiles blocked (as offline: the markers are the
work). A run clicks "Zobrazit na mapě" and waits until the map stops changing (no change
under ``.map-view`` for 500 ms): "ready" is its last change after the click, Leaflet's
load and the map data's fetch included. "Longest task" is the longest main-thread block
in that time (the page cannot answer a tap meanwhile). ``--compare`` serves another
``static/map.js`` from a second server over the same build and interleaves its runs with
the current one's (e.g. ``git show main:static/map.js > /tmp/old.js``). Bytes: raw and
gzip (level 6) of what the map loads when opened. The machine may be shared: medians and
their range are printed with the load average.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import BUILD, load_average, run, spread, workspace  # noqa: E402
from national import generate_national  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVERY_SERVICE = "hledat/?kind=registered&kind=related"

OPEN_MAP = """async () => {
  const panel = document.querySelector('[data-map]'), view = panel.querySelector('.map-view');
  let longest = 0, last = 0;
  const tasks = new PerformanceObserver(list => list.getEntries().forEach(e => { longest = Math.max(longest, e.duration); }));
  tasks.observe({entryTypes: ['longtask']});
  const changes = new MutationObserver(() => { last = performance.now(); });
  changes.observe(view, {subtree: true, childList: true, attributes: true});
  const t0 = performance.now();
  panel.querySelector('.map-toggle').click();
  await new Promise(resolve => {
    const tick = () => {
      const markers = view.querySelectorAll('.leaflet-marker-icon, path.leaflet-interactive').length;
      if (markers && performance.now() - last > 500) resolve(); else setTimeout(tick, 50);
    };
    tick();
  });
  tasks.disconnect();
  changes.disconnect();
  return {ready: last - t0, longest: longest, elements: view.querySelectorAll('.leaflet-marker-icon, path.leaflet-interactive').length,
          state: panel.getAttribute('data-state')};
}"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    override: bytes | None = None  # another static/map.js

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if self.override is not None and self.path.split("?")[0] == "/static/map.js":
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(self.override)))
            self.end_headers()
            self.wfile.write(self.override)
            return
        super().do_GET()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(folder: Path, override: bytes | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (Quiet,), {"override": override})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def map_files(site: Path) -> dict[str, Path]:
    """What the search page's map loads when it is opened: its data, Leaflet and the clustering."""
    page = (site / "hledat" / "index.html").read_text(encoding="utf-8")
    code = []
    for attribute in ("data-scripts", "data-styles"):
        start = page.index(attribute + '="') + len(attribute) + 2
        code += page[start:page.index('"', start)].split()
    files = {name: site / name for name in ("map/services.json", "map/places.json", "search/ids.json")}
    files.update({Path(href).name: (site / "hledat" / href).resolve() for href in code})
    return files


def points(site: Path) -> int:
    services = json.loads((site / "map" / "services.json").read_text())["services"]
    places = json.loads((site / "map" / "places.json").read_text())["places"]
    return sum(len(row[4]) + sum(1 for i in row[6] if places[i][3] is not None) for row in services)


def only_from(base: str):
    """A route handler that lets requests to ``base`` through and aborts the others (the tiles)."""
    def handle(route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            route.abort()
    return handle


def measure(runs: int, variants: dict[str, str]) -> dict[str, list[dict]]:
    """Open the map ``runs`` times per variant (name → base URL), interleaved; return each run's numbers."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[dict]] = {name: [] for name in variants}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            for name, url in variants.items():
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
                context.route("**/*", only_from(url))
                page = context.new_page()  # a fresh context: nothing cached
                page.goto(url + EVERY_SERVICE)
                page.wait_for_selector("#search-app[data-state=done]", timeout=120_000)
                found[name].append(page.evaluate(OPEN_MAP))
                context.close()
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--content", type=Path, help="a content folder to build instead of the national catalogue")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another static/map.js to serve over the same build, interleaved")
    args = parser.parse_args()
    with workspace("bench-map-") as work:
        content = args.content
        if content is None:
            content = work / "content"
            generate_national(content, args.scale)
        site = work / "public"
        built = run([*BUILD, "build", "--content", content, "--out", site])
        print(f"build: {built.seconds:.0f} s wall, {built.cpu:.0f} s CPU (load {load_average()})")
        servers = {"current": serve(site)}
        if args.compare:
            servers["compared"] = serve(site, args.compare.read_bytes())
        print(f"{points(site):,} points on the map of every service")
        print(f"{'file':<32}{'raw KB':>10}{'gzip KB':>10}")
        raw_total = gz_total = 0
        for name, path in map_files(site).items():
            data = path.read_bytes()
            raw, gz = len(data), len(gzip.compress(data, 6))
            raw_total, gz_total = raw_total + raw, gz_total + gz
            print(f"{name:<32}{raw / 1024:>10.1f}{gz / 1024:>10.1f}")
        print(f"{'all the map loads':<32}{raw_total / 1024:>10.1f}{gz_total / 1024:>10.1f}")
        try:
            found = measure(args.runs, {name: base for name, (_, base) in servers.items()})
        finally:
            for server, _ in servers.values():
                server.shutdown()
        for name, results in found.items():
            print(f"{name}: ready {spread([r['ready'] for r in results], 'ms', 0)}, longest task "
                  f"{spread([r['longest'] for r in results], 'ms', 0)}, marker elements "
                  f"{statistics.median(r['elements'] for r in results):.0f}, state {results[-1]['state']}")
        print(f"(load average {load_average()}; shared machine: compare medians and ratios)")


if __name__ == "__main__":
    main()
