"""A catalogue of national shape, a tenth of the country: no page over 100 KB, every service found from the lists.

Issue 15: the lists of a target group, a kind of help, a life situation and the A–Z
indexes once showed every service in full (a national target group's page 1.3 MB). Long
lists are now split into pages of places and letters (``catalogue/render/lists.py``);
here they must still lead to every service, through links that resolve, with the
previous and next page linked.
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from html_tree import find, find_all, links, page, resolve

from catalogue.render.lists import ROWS_MAX, Part, chunked, letter_slug

sys.path.insert(0, str(ROOT / "benchmarks"))

import national  # noqa: E402

LIMIT = 100 * 1024
LISTS = ("cilove-skupiny", "druhy-sluzeb", "zivotni-situace", "sluzby", "poskytovatele")  # the list pages' sections


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("national")
    stats = national.generate(root / "content", scale=0.12)
    result = run_cli("build", "--content", root / "content", "--out", root / "public")
    assert result.code == 0, result.out + result.err
    return root / "public", stats


def is_redirect(path: Path) -> bool:
    return b'http-equiv="refresh"' in path.read_bytes()


def service_pages(site: Path) -> set[Path]:
    return {p for p in (site / "sluzby").glob("*/index.html") if not is_redirect(p)}


def pager_link(site: Path, path: Path, rel: str) -> Path | None:
    """Return the page a split list's page links as previous ("prev") or next ("next"), if any."""
    nav = find(page(path), "nav", class_="pager")
    hrefs = [a.get("href") for a in find_all(nav, "a") if a.get("rel") == rel] if nav is not None else []
    return resolve(site, path, hrefs[0]) if hrefs else None


def test_no_page_is_over_100_kb(built):
    site, stats = built
    assert stats["services"] > 3 * ROWS_MAX  # long enough that the A–Z list and the largest groups are split
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert len(sizes) > stats["services"]
    assert {path: size for path, size in sizes.items() if size > LIMIT} == {}


def test_long_lists_are_split_into_pages_with_previous_and_next(built):
    site, _ = built
    az = page(site / "sluzby/index.html")
    letters = [resolve(site, site / "sluzby/index.html", url) for url in links(find(az, "main"))]
    assert letters and all(p is not None and p.parent.parent.name == "pismeno" for p in letters)
    seniors = site / "cilove-skupiny/seniori/index.html"
    places = [resolve(site, seniors, a.get("href")) for a in find_all(find(page(seniors), "ul", class_="parts"), "a")]
    assert len(places) > 1 and all(p is not None and p.is_file() for p in places)
    walked = [places[0]]  # from the first page, "next" leads through every page once, and "previous" back
    while (following := pager_link(site, walked[-1], "next")) is not None:
        assert pager_link(site, following, "prev") == walked[-1]
        walked.append(following)
    assert walked == places


def test_every_service_is_reached_from_the_list_pages_through_links_that_resolve(built):
    site, _ = built
    start = [site / section / "index.html" for section in LISTS]
    seen: set[Path] = set(start)
    queue, reached, broken = deque(start), set(), []
    while queue:
        current = queue.popleft()
        for url in links(find(page(current), "main")):
            if url.startswith(("tel:", "mailto:", "http:", "https:", "#")):
                continue
            target = resolve(site, current, url)
            if target is None or not target.is_file():
                broken.append(f"{current.relative_to(site)} → {url}")
                continue
            rel = target.relative_to(site).parts
            if rel[0] == "sluzby" and len(rel) == 3:
                reached.add(target)
            elif rel[0] in LISTS and target not in seen and not (rel[0] == "poskytovatele" and len(rel) == 3):
                seen.add(target)
                queue.append(target)  # a facet's page, a part of a list (a provider's own page does not count)
    assert broken == []
    assert service_pages(site) - reached == set()


def test_a_long_part_is_continued_on_numbered_pages_of_equal_length():
    parts = chunked("okres-benesov/", "okres Benešov", [f"s{i}" for i in range(2 * ROWS_MAX + 1)])
    assert [(p.path, p.label) for p in parts] == [
        ("okres-benesov/", "okres Benešov (1/3)"), ("okres-benesov/2/", "okres Benešov (2/3)"), ("okres-benesov/3/", "okres Benešov (3/3)"),
    ]
    assert [i for p in parts for i in p.ids] == [f"s{i}" for i in range(2 * ROWS_MAX + 1)]
    assert max(len(p.ids) for p in parts) - min(len(p.ids) for p in parts) <= 1
    assert chunked("a/", "A", ["s1"]) == [Part("a/", "A", ("s1",))]


def test_every_letter_has_an_address_of_its_own():
    letters = ["A", "C", "Č", "Ch", "Ř", "S", "Š", "#", "Ł"]
    assert [letter_slug(letter) for letter in letters] == ["a", "c", "c-caron", "ch", "r-caron", "s", "s-caron", "0-9", "u141"]
