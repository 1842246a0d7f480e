"""The news feed parsed back as a feed reader would: a valid Atom document (RFC 4287)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from html_tree import find, links, page
from site_fixtures import plan_site  # noqa: F401 - a fixture

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


@pytest.fixture
def site(plan_site) -> Path:
    """The fixture catalogue with a plan in public comment, built once per session."""
    return plan_site


def feed(site: Path) -> ET.Element:
    return ET.fromstring((site / "novinky/atom.xml").read_bytes())


def stamp(element: ET.Element, name: str) -> dt.datetime:
    value = element.findtext(ATOM + name)
    assert value and RFC3339.match(value), (name, value)
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_the_feed_has_what_rfc_4287_requires_of_a_feed(site):
    root = feed(site)
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(ATOM + name)) == 1, name  # exactly one each
    assert root.findtext(ATOM + "id") == "https://katalog.example.org/novinky/"
    assert root.findtext(ATOM + "title") == "Novinky – Katalog Testov"
    self_links = [l for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
    assert [l.get("href") for l in self_links] == ["https://katalog.example.org/novinky/atom.xml"]
    alternate = [l for l in root.findall(ATOM + "link") if l.get("rel") == "alternate"]
    assert [(l.get("href"), l.get("type")) for l in alternate] == [("https://katalog.example.org/novinky/", "text/html")]
    assert root.find(ATOM + "author").findtext(ATOM + "name") == "Město Testov"  # entries then need no author of their own


def test_every_entry_has_an_id_title_updated_and_link_and_the_feed_is_as_new_as_its_newest(site):
    root = feed(site)
    entries = root.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "title") for e in entries] == ["Návrh plánu k připomínkám", "Nová víkendová péče"]  # newest first
    ids = [e.findtext(ATOM + "id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry, ident in zip(entries, ids):
        parts = urlsplit(ident)
        assert parts.scheme == "https" and parts.netloc == "katalog.example.org"  # an absolute IRI, the item's permanent page
        (alternate,) = [l for l in entry.findall(ATOM + "link") if l.get("rel") == "alternate"]
        assert alternate.get("href") == ident
        local = site / parts.path.lstrip("/") / "index.html"
        assert local.is_file(), local
        assert stamp(entry, "published") <= stamp(entry, "updated")
    assert stamp(entries[1], "updated") == dt.datetime(2026, 5, 6, tzinfo=dt.timezone.utc)  # the correction date
    assert stamp(root, "updated") == max(stamp(e, "updated") for e in entries)


def test_entries_carry_their_text_as_escaped_html_with_a_base_for_relative_links(site):
    entries = feed(site).findall(ATOM + "entry")
    content = entries[0].find(ATOM + "content")
    assert content.get("type") == "html"
    assert "<strong>připomínky</strong>" in content.text  # the markup arrives as text, for the reader to render
    assert content.get("{http://www.w3.org/XML/1998/namespace}base") == entries[0].findtext(ATOM + "id")
    assert entries[1].find(ATOM + "content").text.count("&amp;") == 1  # "&" in the text, escaped once in the HTML
    assert entries[0].findtext(ATOM + "summary") == "Do 15. prosince můžete připomínkovat návrh plánu."
    assert entries[0].find(ATOM + "category").get("term") == "comment_period"


def test_the_news_pages_announce_the_feed(site):
    for rel in ("novinky/index.html", "novinky/2026-11-01-navrh/index.html"):
        root = page(site / rel)
        link = find(root, "link", rel="alternate")
        assert link is not None and link.get("type") == "application/atom+xml", rel
    assert any(url.endswith("atom.xml") for url in links(page(site / "novinky/index.html")))  # and a visible link to it


def test_the_feed_is_left_out_of_the_sitemap_and_the_news_are_in_it(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "atom.xml" not in sitemap
    assert "https://katalog.example.org/novinky/2026-05-04-vikendy/" in sitemap
