"""Parse built pages into ElementTree elements (standard library only) for structural assertions."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements a parser closes implicitly when the next sibling starts (enough for our own markup).
IMPLIED_END = {"p": {"p", "ul", "ol", "dl", "table", "div", "section", "h1", "h2", "h3", "h4", "form"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        parent = self.stack[-1]
        if parent.tag in IMPLIED_END and tag in IMPLIED_END[parent.tag]:
            self.stack.pop()
            parent = self.stack[-1]
        element = ET.SubElement(parent, tag, {k: (v if v is not None else "") for k, v in attrs})
        element.text = ""
        if tag == "br":
            element.tail = " "
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        ET.SubElement(self.stack[-1], tag, {k: (v if v is not None else "") for k, v in attrs}).text = ""

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        current = self.stack[-1]
        if len(current):
            last = current[-1]
            last.tail = (last.tail or "") + data
        else:
            current.text = (current.text or "") + data


def parse(html: str) -> ET.Element:
    """Return the document as an element tree (root tag ``document``)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def page(path: Path) -> ET.Element:
    return parse(path.read_text(encoding="utf-8"))


def text(element: ET.Element | None) -> str:
    """Return the element's text content with whitespace collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def find_all(root: ET.Element, tag: str, **attrs: str) -> list[ET.Element]:
    """Return descendants with ``tag`` (or "*") whose attributes equal ``attrs`` (``class_`` matches a class)."""
    found = []
    for element in root.iter(tag):
        ok = True
        for name, value in attrs.items():
            if name == "class_":
                ok = ok and value in element.get("class", "").split()
            else:
                ok = ok and element.get(name.replace("_", "-")) == value
        if ok:
            found.append(element)
    return found


def find(root: ET.Element, tag: str, **attrs: str) -> ET.Element | None:
    matches = find_all(root, tag, **attrs)
    return matches[0] if matches else None


def headings(root: ET.Element) -> list[tuple[int, str]]:
    """Return (level, text) of every heading in document order."""
    return [(int(e.tag[1]), text(e)) for e in root.iter() if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]


def json_ld(root: ET.Element) -> list[dict]:
    return [json.loads(e.text or "") for e in find_all(root, "script", type="application/ld+json")]


def links(root: ET.Element) -> list[str]:
    """Return every URL the page refers to: links, stylesheets, scripts, images, form actions."""
    out = []
    for element in root.iter():
        for attribute in ("href", "src", "action"):
            if attribute in element.attrib:
                out.append(element.get(attribute))
    return out


def resolve(site: Path, page_path: Path, url: str) -> Path | None:
    """Return the file an internal link of ``page_path`` leads to, or None for an external one."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    rel = page_path.relative_to(site).as_posix()
    target = urljoin("/" + rel, unquote(parts.path)) if parts.path else "/" + rel
    path = site / target.lstrip("/")
    if target.endswith("/"):
        path = path / "index.html"
    return path
