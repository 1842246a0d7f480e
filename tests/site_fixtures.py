"""Built sites for the citizens'-site tests: the tiny fixture catalogue, the demo, and a local web server.

Import the fixtures into a test module (``from site_fixtures import fixture_site``).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, TODAY_EPOCH
from sites import SERVICE_2, write_site

from catalogue.pipeline import build_site

SERVICE_2_RICH = SERVICE_2.replace(
    "    locality: litol\n", "    locality: litol\n    coordinates: {lat: 50.2016, lon: 14.8329}\n"
) + "former_ids: [pecovatelska-sluzba, sluzba-pro-seniory]\n"

RELATED = """\
name: Klub seniorů Milovice
provider: charita-lysa
kind: related
type: svepomocne-skupiny
target_groups: [seniori]
summary: Setkávání, výlety a přednášky pro seniory.
contacts: {email: klub@example.org}
locations:
  - address: {street: Náměstí 1, city: Milovice}
    locality: milovice
    hours: {mon: nonstop, tue: nonstop, wed: nonstop, thu: nonstop, fri: nonstop, sat: nonstop, sun: nonstop}
verified: 2026-08-15
description: Klub pro seniory.
"""

# The fixture catalogue of tests/sites.py, plus a public place with a map link, a renamed
# service and a related activity open nonstop.
OVERRIDES = {
    "services/pecovatelska-sluzba-lysa.yaml": SERVICE_2_RICH,
    "services/klub-senioru-milovice.yaml": RELATED,
}
DEMO = ROOT / "content"
SKIP_PREFIXES = ("admin/", "redakce/", "tisk/")  # the CMS, the editors' report and the PDFs are not the citizens' site


def build(content: Path, out: Path) -> Path:
    """Build ``content`` into ``out`` on the fixed test day; fail on content errors."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        result = build_site(content, out)
    assert not result.problems.has_errors(), "\n".join(p.format() for p in result.problems.items)
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture catalogue, built once per test session."""
    root = tmp_path_factory.mktemp("fixture-site")
    return build(write_site(root / "content", OVERRIDES), root / "public")


@pytest.fixture(scope="session")
def plan_site(tmp_path_factory) -> Path:
    """The fixture catalogue with a community plan in public comment (tests/plan_sites.py), built once per session."""
    from plan_sites import write_plan_site

    root = tmp_path_factory.mktemp("plan-site")
    return build(write_plan_site(root / "content"), root / "public")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo catalogue in content/, built once per test session."""
    if not (DEMO / "site.yaml").is_file():
        pytest.skip("no demo content yet")
    return build(DEMO, tmp_path_factory.mktemp("demo-site") / "public")


def site_pages(site: Path) -> list[Path]:
    """Return the citizens' HTML pages of a built site."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(SKIP_PREFIXES))


def is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


SECTIONS = {
    "service": "sluzby",
    "provider": "poskytovatele",
    "locality": "lokality",
    "target group": "cilove-skupiny",
    "service type": "druhy-sluzeb",
    "life situation": "zivotni-situace",
    "free page": "stranky",
}
INDEXES = {
    "home": "index.html",
    "search": "hledat/index.html",
    "A–Z": "sluzby/index.html",
    "providers": "poskytovatele/index.html",
    "localities": "lokality/index.html",
    "target groups": "cilove-skupiny/index.html",
    "service types": "druhy-sluzeb/index.html",
    "life situations": "zivotni-situace/index.html",
    "open data": "otevrena-data/index.html",
    "404": "404.html",
}


PLAN_PAGES = {  # the community plan's pages, where a site has a plan
    "plans": "komunitni-plan/index.html",
    "plan": "komunitni-plan/*/index.html",
    "priority": "komunitni-plan/*/priority/*/index.html",
    "measure": "komunitni-plan/*/opatreni/*/index.html",
    "action plan": "komunitni-plan/*/akcni-plany/*/index.html",
    "working groups": "komunitni-plan/*/pracovni-skupiny/index.html",
    "working group": "komunitni-plan/*/pracovni-skupiny/*/index.html",
    "minutes": "komunitni-plan/*/pracovni-skupiny/*/*/index.html",
    "comment period": "komunitni-plan/*/pripominky/*/index.html",
    "news": "novinky/index.html",
    "news item": "novinky/*/index.html",
}


def page_types(site: Path) -> dict[str, str]:
    """Return one page of every type (the largest record page of each kind: the most to check)."""
    chosen = {name: rel for name, rel in INDEXES.items() if (site / rel).is_file()}
    patterns = {name: f"{section}/*/index.html" for name, section in SECTIONS.items()} | PLAN_PAGES
    for name, pattern in patterns.items():
        pages = [p for p in site.glob(pattern) if not is_redirect(p)]
        if pages:
            largest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
            chosen[name] = largest.relative_to(site).as_posix()
    return chosen


# --- a local web server ------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@functools.cache
def _servers() -> dict:
    return {}


def serve(folder: Path) -> str:
    """Serve ``folder`` over http on 127.0.0.1 in a thread (once per folder); return its base URL."""
    servers = _servers()
    if folder not in servers:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers[folder] = server
    return f"http://127.0.0.1:{servers[folder].server_address[1]}/"


# --- node tools --------------------------------------------------------------------

NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def node_tool(path: Path) -> Path:
    """Return an npm-installed file; install package-lock.json when it is missing; skip only without node."""
    if path.is_file():
        return path
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node/npm is not installed (Debian: apt-get install nodejs npm)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)
    assert path.is_file(), f"npm ci did not install {path}"
    return path


def crawl_errors(site: Path) -> list[str]:
    """Return every internal link or asset of the site's pages that leads nowhere, and every missing #fragment."""
    from html_tree import links, page, resolve

    ids: dict[Path, set[str]] = {}
    errors = []
    for path in site_pages(site):
        root = page(path)
        ids[path] = {e.get("id") for e in root.iter() if e.get("id")}
    for path in site_pages(site):
        if path.name == "404.html":
            continue  # its links start at the server's root; checked in the browser
        for url in links(page(path)):
            if url.startswith(("mailto:", "tel:")):
                continue
            target = resolve(site, path, url)
            if target is None:
                continue
            name = f"{path.relative_to(site)}: {url}"
            if not target.is_file():
                errors.append(f"{name} → missing {target.relative_to(site) if target.is_relative_to(site) else target}")
                continue
            fragment = url.partition("#")[2]
            if fragment and target in ids and fragment not in ids[target]:
                errors.append(f"{name} → no element with id {fragment!r}")
    return errors


def iter_pages(site: Path) -> Iterator[tuple[str, Path]]:
    for path in site_pages(site):
        yield path.relative_to(site).as_posix(), path
