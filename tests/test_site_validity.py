"""Valid HTML and CSS (the Nu checker from npm ``vnu-jar``), no broken link, and the weight budget."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from html_tree import find_all, page
from site_fixtures import VNU, crawl_errors, demo_site, fixture_site, is_redirect, node_tool, site_pages  # noqa: F401 - fixtures

BUDGET = 20 * 1024  # a service page's HTML + CSS, gzip-compressed


def nu_check(files: list[Path]) -> list[dict]:
    """Return the Nu checker's errors for ``files`` (HTML, and CSS with ``--also-check-css``)."""
    jar = node_tool(VNU)
    if not shutil.which("java"):
        pytest.skip("java is not installed (Debian: apt-get install default-jre-headless)")
    run = subprocess.run(
        ["java", "-Xss4m", "-jar", str(jar), "--errors-only", "--format", "json", "--also-check-css", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    return json.loads(run.stderr or '{"messages": []}')["messages"]


def describe(messages: list[dict], root: Path) -> list[str]:
    return [f"{m.get('url', '').split(str(root))[-1]}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages]


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_every_page_and_the_stylesheet_are_valid(which, request):
    site = request.getfixturevalue(which)
    files = [*site_pages(site), *sorted((site / "static").glob("*.css"))]
    assert files
    assert describe(nu_check(files), site) == []


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_no_broken_internal_link_or_asset(which, request):
    site = request.getfixturevalue(which)
    assert crawl_errors(site) == []


def gzipped(*parts: bytes) -> int:
    return len(gzip.compress(b"".join(parts), compresslevel=9, mtime=0))


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_a_service_page_with_its_css_weighs_under_20_kb_compressed(which, request):
    site = request.getfixturevalue(which)
    css = (site / "static/style.css").read_bytes()
    sizes = {
        p.relative_to(site).as_posix(): gzipped(p.read_bytes()) + gzipped(css)
        for p in (site / "sluzby").glob("*/index.html")
        if not is_redirect(p)
    }
    assert sizes
    heaviest = max(sizes, key=sizes.get)
    assert sizes[heaviest] < BUDGET, f"{heaviest}: {sizes[heaviest]} bytes"


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_no_web_fonts_and_no_render_blocking_script(which, request):
    site = request.getfixturevalue(which)
    for path in sorted((site / "static").rglob("*.css")):
        css = path.read_text(encoding="utf-8")
        assert "@font-face" not in css and "@import" not in css, path.name
    for path in site_pages(site):
        root = page(path)
        for script in find_all(root, "script"):
            if script.get("src"):
                assert "defer" in script.attrib or "async" in script.attrib or script.get("type") == "module", path
            else:
                assert script.get("type") in {"application/ld+json", "application/json"}, f"{path}: inline script"
        for link in find_all(root, "link"):
            assert "font" not in (link.get("href") or "") and link.get("rel") != "preload", path
        assert not re.search(r"fonts\.(googleapis|gstatic)", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["fixture_site", "demo_site"])
def test_a_crawl_over_http_from_the_home_page_reaches_every_page(which, request):
    """Follow every internal link from / on a real server: nothing answers 404 and no page is an orphan."""
    from urllib.error import HTTPError
    from urllib.parse import urldefrag, urljoin
    from urllib.request import urlopen

    from html_tree import links, parse
    from site_fixtures import serve

    site = request.getfixturevalue(which)
    base = serve(site)
    seen, queue, broken = {base}, [base], []
    while queue:
        url = queue.pop()
        try:
            with urlopen(url) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if kind != "text/html":
            continue
        for href in links(parse(body.decode("utf-8"))):
            target = urldefrag(urljoin(url, href)).url
            if target.startswith(base) and target not in seen:
                seen.add(target)
                queue.append(target)
    assert broken == []
    reached = {u.removeprefix(base) for u in seen}
    pages = {
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site_pages(site)
        if p.name != "404.html" and not is_redirect(p)
    }
    assert sorted(pages - reached) == []
