"""The demo catalogue as citizens get it: every page read with a parser (skipped until content/ exists)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from html_tree import find, find_all, headings, json_ld, page, text
from site_fixtures import DEMO, demo_site, is_redirect, site_pages  # noqa: F401 - fixtures

from catalogue.validate.stage import check_content as load


@pytest.fixture(scope="module")
def catalogue(demo_site):
    return load(DEMO).catalogue


def pages(site: Path) -> list[Path]:
    return [p for p in site_pages(site) if not is_redirect(p)]


def test_every_demo_page_has_one_h1_ordered_headings_and_the_frame(demo_site, catalogue):
    base = catalogue.site.base_url.rstrip("/")
    for path in pages(demo_site):
        name = path.relative_to(demo_site).as_posix()
        root = page(path)
        levels = [level for level, _ in headings(root)]
        assert levels.count(1) == 1 and levels[0] == 1, name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"{name}: {headings(root)}"
        assert find(root, "html").get("lang") == catalogue.site.language, name
        assert find(root, "a", class_="skip").get("href") == "#main", name
        assert find(root, "main", id="main") is not None, name
        assert len(find_all(root, "form", role="search")) == 1, name
        canonical = find(root, "link", rel="canonical").get("href")
        assert canonical.startswith(base + "/"), name
        for data in json_ld(root):
            assert data["@context"] == "https://schema.org", name


def test_every_demo_service_page_says_how_to_reach_the_service(demo_site, catalogue):
    for service in catalogue.services.values():
        root = page(demo_site / "sluzby" / service.id / "index.html")
        assert text(find(root, "h1")) == service.name
        reach = [a.get("href") for a in root.iter("a") if a.get("href", "").startswith(("tel:", "mailto:", "http"))]
        has_contacts = not catalogue.contacts_for(service).is_empty()
        if has_contacts:
            assert [h for h in reach if h.startswith(("tel:", "mailto:"))] or find(root, "section", aria_labelledby="h-contact") is not None
        if service.registry_id:
            assert service.registry_id in text(root)
        if service.verified:
            assert find(root, "footer", class_="record") is not None
        (data,) = json_ld(root)
        assert data["@type"] == "Service" and data["name"] == service.name


def test_no_confidential_street_or_coordinate_of_the_demo_reaches_the_site(demo_site, catalogue):
    secrets = set()
    for service in catalogue.services.values():  # the unredacted catalogue: what must stay secret
        for location in service.locations:
            if not location.confidential:
                continue
            if location.address and location.address.street:
                street = " ".join(p for p in (location.address.street, location.address.number) if p)
                secrets.add(street)
            if location.coordinates:
                secrets.update({f"{location.coordinates.lat}", f"{location.coordinates.lon}"})
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in demo_site.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".json", ".txt", ".js"})
    leaked = sorted(s for s in secrets if s in everything)
    assert not leaked


def test_the_demo_sitemap_lists_every_page(demo_site, catalogue):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {u.findtext("s:loc", namespaces=ns) for u in ET.parse(demo_site / "sitemap.xml").getroot().findall("s:url", ns)}
    base = catalogue.site.base_url.rstrip("/")
    expected = {
        base + "/" + re.sub(r"index\.html$", "", p.relative_to(demo_site).as_posix())
        for p in pages(demo_site)
        if p.name != "404.html" and not p.relative_to(demo_site).as_posix().startswith(("hledat/", "muj-seznam/"))
    }
    assert urls == expected


def test_every_service_of_the_demo_is_reachable_without_search(demo_site, catalogue):
    """The facet pages alone lead to every service: the catalogue works with JavaScript off."""
    linked = set()
    for section in ("cilove-skupiny", "druhy-sluzeb", "lokality", "zivotni-situace", "poskytovatele"):
        for path in (demo_site / section).glob("*/index.html"):
            linked.update(re.findall(r'href="\.\./\.\./sluzby/([a-z0-9-]+)/"', path.read_text(encoding="utf-8")))
    assert set(catalogue.services) <= linked
