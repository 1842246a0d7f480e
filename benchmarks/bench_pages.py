#!/usr/bin/env python3
"""Print the size of every kind of page at national scale, and the bytes of a first and a repeat visit.

    python benchmarks/bench_pages.py [--scale 1] [--source DIR] [--site DIR]

Builds the national catalogue (benchmarks/national.py) with the checkout (or ``--source``, another
checkout of the project, for a before/after) and prints the HTML in all (target, issue 15: at most
115 MB at national scale), and per kind of page the number of pages, their total, the median and
largest size uncompressed (target, issue 15: no page over 100 KB) and gzip-compressed (target,
issue 13: a service page under 20 KB with its styles, without the map), then every page over 100 KB.
``--site`` measures a site built already instead (no catalogue is generated or built).

Visits (issue 13), counted as gzip bytes of what the browser fetches: a first visit to a service page
(the page, the styles, its scripts) and then the search's first use, the map opened (Leaflet and the
maps' data) and "find the nearest"; a repeat visit with the service worker in place (the page comes
from the network again, every other file from its cache, as sw.js does) and one without it (the
browser's own cache keeps nothing here: every file again, as on a host without cache headers).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ENV, ROOT, run, workspace  # noqa: E402
from national import generate_national  # noqa: E402

LIMIT = 100 * 1024
SERVICE_BUDGET = 20 * 1024
HTML_BUDGET = 115 * 2**20  # 1.5 × Hugo's site for the national catalogue (issue 15)
ASSET = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kind_of(rel: Path) -> str:
    """Return the kind of page a built file is (its section, or 'index' for a section's own list)."""
    parts = rel.parts
    if len(parts) == 1:
        return "home / 404"
    if len(parts) > 3:  # a long list's page: a facet's services in one place, a letter of an A–Z index
        return f"{parts[0]} (list parts)"
    return parts[0] if len(parts) > 2 else f"{parts[0]} (index)"


def build(source: Path, content: Path, out: Path) -> float:
    env = {**ENV, "PYTHONPATH": str(source)}
    done = run([sys.executable, str(source / "build.py"), "build", "--content", content, "--out", out], cwd=source, env=env)
    return done.seconds


def page_sizes(out: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Return per kind of page its pages as (bytes, gzip bytes, path)."""
    kinds: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out)
        if rel.parts[0] in ("admin", "redakce", "tisk"):
            continue  # the CMS, the editors' report: not the citizens' site
        data = path.read_bytes()
        if b'http-equiv="refresh"' in data:
            continue
        kinds[kind_of(rel)].append((len(data), gz(data), rel.as_posix()))
    return kinds


def assets(out: Path, page: Path) -> list[Path]:
    """Return the styles and scripts a page loads itself (not those a panel loads when opened)."""
    found = []
    for href in ASSET.findall(page.read_text(encoding="utf-8")):
        target = (page.parent / href).resolve()
        if target.is_file():
            found.append(target)
    return found


def map_files(out: Path) -> list[Path]:
    """Return what opening a map fetches: map.js, the Leaflet files the site's map settings name, the maps' data."""
    script = (out / "static" / "ui-text.js").read_text(encoding="utf-8")
    settings = json.loads(script.split(" = ", 1)[1].split(";\n", 1)[0]).get("map", {})
    named = [path for attr in ("data-scripts", "data-styles") for path in settings.get(attr, "").split()]
    return [out / path for path in named] + [out / "static" / "map.js", *sorted((out / "map").glob("*.json"))]


def visit_bytes(out: Path, page: Path) -> dict[str, int]:
    """Return the gzip bytes of the visits this benchmark describes."""
    own = assets(out, page)
    first = gz(page.read_bytes()) + sum(gz(p.read_bytes()) for p in own)
    maps = sum(gz(p.read_bytes()) for p in map_files(out))
    search_page = out / "hledat" / "index.html"
    search = gz(search_page.read_bytes()) + sum(gz(p.read_bytes()) for p in assets(out, search_page) if p not in own)
    pagefind = out / "pagefind"
    search += sum(gz(p.read_bytes()) for p in pagefind.glob("pagefind*.js")) + sum(
        p.stat().st_size for p in pagefind.glob("*.pagefind"))  # the wasm and its metadata, compressed already
    ids = out / "search" / "ids.json"
    near = (gz(ids.read_bytes()) if ids.is_file() else 0)
    worker = out / "sw.js"
    return {
        "first visit: a service page": first,
        "  + the search page and its index loader": search,
        "  + the map opened (Leaflet, clusters, map data)": maps,
        "  + find the nearest (result ids)": near,
        "repeat visit, with the service worker": gz(page.read_bytes()) + (gz(worker.read_bytes()) if worker.is_file() else 0),
        "repeat visit, without it (no cache headers)": first,
    }


def report(kinds: dict[str, list[tuple[int, int, str]]]) -> list[str]:
    lines = [f"{'pages':26} {'count':>6} {'total MB':>9} {'median KB':>10} {'max KB':>8} {'max gz KB':>10}  largest"]
    for kind, pages in sorted(kinds.items()):
        sizes = [p[0] for p in pages]
        largest = max(pages)
        lines.append(f"{kind:26} {len(pages):6} {sum(sizes) / 2**20:9.1f} {statistics.median(sizes) / 1024:10.1f} {largest[0] / 1024:8.1f} "
                     f"{max(p[1] for p in pages) / 1024:10.1f}  {largest[2]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--source", type=Path, default=ROOT, help="a checkout of the project to build with")
    parser.add_argument("--site", type=Path, help="a built site to measure instead of building one")
    args = parser.parse_args()
    if args.site:
        measure(args.site.resolve())
        return
    with workspace("bench-pages-") as tmp:
        stats = generate_national(tmp / "content", args.scale, say=False)
        seconds = build(args.source.resolve(), tmp / "content", tmp / "public")
        print(f"catalogue         scale {args.scale}: {stats['services']} services, {stats['localities']} localities; built by {args.source} in {seconds:.0f} s (a shared machine)")
        measure(tmp / "public")


def measure(out: Path) -> None:
    """Print the sizes of a built site's pages and a visit's bytes; exit with "over budget" when a target is missed."""
    kinds = page_sizes(out)
    every = [p for pages in kinds.values() for p in pages]
    over = sorted((p for p in every if p[0] > LIMIT), reverse=True)
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    html = sum(p[0] for p in every)
    print(f"site              {total / 2**20:.1f} MB in all, {html / 2**20:.1f} MB of HTML in {len(every)} pages (target at scale 1: {HTML_BUDGET / 2**20:.0f} MB)")
    print("\n".join(report(kinds)))
    print(f"over {LIMIT // 1024} KB       {len(over)} pages" + "".join(f"\n  {p[0] / 1024:.0f} KB {p[2]}" for p in over))
    services = kinds.get("sluzby", [])
    css = gz((out / "static" / "style.css").read_bytes())
    worst = max((p[1] + css, p[2]) for p in services) if services else (0, "")
    print(f"service page      HTML+CSS gzip max {worst[0] / 1024:.1f} KB ({worst[1]}); budget {SERVICE_BUDGET // 1024} KB")
    if services:
        median_page = sorted(services)[len(services) // 2]
        for name, size in visit_bytes(out, out / median_page[2]).items():
            print(f"{name:50} {size / 1024:8.1f} KB")
    if over or worst[0] >= SERVICE_BUDGET or html > HTML_BUDGET:
        raise SystemExit("over budget")


if __name__ == "__main__":
    main()
