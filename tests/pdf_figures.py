"""Figures read back from a printed PDF: what size and colour each piece of text is, and where it stands.

Two readers, each for what it does exactly: pypdf walks the content streams (font, size in
points, fill colour of every text run), poppler's ``pdftotext -bbox-layout`` gives the boxes
of words, lines and blocks. Coordinates are points from the top-left corner of the page.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

HAS_POPPLER = shutil.which("pdftotext") is not None
MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: its font (subset prefix removed), size in pt, fill colour (RGB 0–1), baseline."""

    text: str
    font: str
    size: float
    color: tuple[float, float, float]
    x: float
    y: float


@dataclass(frozen=True)
class Box:
    """A word or a line as poppler sees it."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line(Box):
    words: tuple[Box, ...]


def _rgb(operator: bytes, operands: list) -> tuple[float, float, float] | None:
    values = [float(v) for v in operands if isinstance(v, (int, float))]
    if operator in (b"rg", b"sc", b"scn") and len(values) == 3:
        return (values[0], values[1], values[2])
    if operator in (b"g", b"sc", b"scn") and len(values) == 1:
        return (values[0],) * 3
    if operator in (b"k", b"sc", b"scn") and len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def text_runs(path: Path) -> list[list[Run]]:
    """Return every page's text runs with their effective size (font size × text and page matrices) and colour."""
    reader = PdfReader(str(path))
    pages = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        runs: list[Run] = []
        stack: list[tuple[float, float, float]] = []
        state = {"color": (0.0, 0.0, 0.0)}

        def before(operator, operands, cm, tm):
            if operator == b"q":
                stack.append(state["color"])
            elif operator == b"Q" and stack:
                state["color"] = stack.pop()
            elif (color := _rgb(operator, operands)) is not None:
                state["color"] = color

        def visit(text, cm, tm, font, size):
            if not text.strip() or not font:
                return
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            scale = math.sqrt(abs(a * d - b * c))
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
            runs.append(Run(text.strip(), name, round(size * scale, 2), state["color"], x, height - y))

        page.extract_text(visitor_operand_before=before, visitor_text=visit)
        pages.append(runs)
    return pages


def luminance(color: tuple[float, float, float]) -> float:
    """Return the relative luminance of an sRGB colour (WCAG 2)."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(color: tuple[float, float, float]) -> float:
    """Return the WCAG contrast ratio of a text colour on white paper."""
    return 1.05 / (luminance(color) + 0.05)


def text_lines(path: Path) -> list[list[Line]]:
    """Return every page's lines of text with their boxes (``pdftotext -bbox-layout``)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    root = ET.fromstring(out)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iterfind(".//x:line", ns):
            words = tuple(_box(w, w.text or "") for w in line.iterfind("x:word", ns))
            text = " ".join(w.text for w in words)
            x0, y0, x1, y1 = (float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append(Line(text, x0, y0, x1, y1, words))
        pages.append(visual_lines(lines))
    return pages


def visual_lines(lines: list[Line]) -> list[Line]:
    """Join poppler's lines that stand on one baseline (a page number set apart from its entry) into one line."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda l: (l.y1, l.x0)):
        same = next((o for o in out if abs(o.y1 - line.y1) < 1.5 and abs(o.y0 - line.y0) < 1.5), None)
        if same is None:
            out.append(line)
            continue
        words = tuple(sorted((*same.words, *line.words), key=lambda w: w.x0))
        joined = Line(" ".join(w.text for w in words), min(same.x0, line.x0), min(same.y0, line.y0),
                      max(same.x1, line.x1), max(same.y1, line.y1), words)
        out[out.index(same)] = joined
    return sorted(out, key=lambda l: (round(l.y1), l.x0))


def _box(element, text: str) -> Box:
    return Box(text, *(float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))


@dataclass(frozen=True)
class PageText:
    """A page's content lines, told apart from its running header (one or two pieces) and folio."""

    number: int
    lines: list[Line]
    header: tuple[Line, ...]
    folio: Line | None


def page_texts(path: Path) -> list[PageText]:
    """Return the pages with their running header and folio told apart from the content.

    Header and folio are found as the PDF shows them: on most pages the top-most line
    stands at one height and the bottom-most at another, and the folio is a number.
    """
    pages = text_lines(path)
    tops = Counter(round(p[0].y1) for p in pages if len(p) > 2)
    bottoms = Counter(round(p[-1].y1) for p in pages if len(p) > 2)
    header_y = tops.most_common(1)[0][0] if tops else None
    folio_y = bottoms.most_common(1)[0][0] if bottoms else None
    out = []
    for number, lines in enumerate(pages, 1):
        header = tuple(l for l in lines if header_y is not None and abs(l.y1 - header_y) < 1.5 and l.y1 < lines[0].y1 + 1.5)
        folio = lines[-1] if lines and round(lines[-1].y1) == folio_y and lines[-1].text.isdigit() else None
        content = [l for l in lines if l not in header and l is not folio]
        out.append(PageText(number, content, header, folio))
    return out


def page_fill(pages: list[PageText]) -> dict[int, float]:
    """Return page number → how far down the content area its text reaches (0–1).

    The content area is measured on the PDF itself: from the highest to the lowest content
    line over all pages with a running header (the body pages).
    """
    body = [p for p in pages if p.header and p.lines]
    top = min(p.lines[0].y0 for p in body)
    bottom = max(max(l.y1 for l in p.lines) for p in body)
    return {p.number: (max(l.y1 for l in p.lines) - top) / (bottom - top) if p.lines else 0.0 for p in pages}


def numbered_entries(pages: list[PageText], skip: set[str] = frozenset()) -> list[dict[str, str]]:
    """Return the "title … page" entries of contents or index pages, read by where the numbers stand.

    A page number is a line's last word standing at the right edge of the page's number
    column; a title may wrap over lines before it (so a heading above an entry runs into
    its title, unless it is in ``skip``). An entry never runs over a page.
    """
    entries = []
    for page in pages:
        ends = [line.words[-1].x1 for line in page.lines if line.words[-1].text.isdigit() and len(line.words) > 1]
        right = max(ends, default=None)
        pending: list[str] = []
        for line in page.lines:
            last = line.words[-1]
            if right is not None and last.text.isdigit() and len(line.words) > 1 and abs(last.x1 - right) < 1:
                entries.append({"title": " ".join([*pending, *(w.text for w in line.words[:-1])]), "page": last.text})
                pending = []
            elif line.text not in skip:
                pending.append(line.text)
    return entries


def raster(path: Path, page: int, dpi: int = 144):
    """Return one page (1-based) drawn in grey by poppler, as a Pillow image."""
    import io

    from PIL import Image

    png = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", "-png", str(path)],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("L")


def dark_runs(image, dpi: int, y: float, x0: float, x1: float) -> int:
    """Return how many separate dark marks lie on the row at ``y`` between ``x0`` and ``x1`` (points)."""
    scale = dpi / 72
    row = [image.getpixel((round(x * scale), round(y * scale))) < 128 for x in _steps(x0, x1, 0.25)]
    return sum(1 for before, now in zip([False, *row], row) if now and not before)


def _steps(start: float, stop: float, step: float) -> list[float]:
    return [start + i * step for i in range(int((stop - start) / step))]


PHONE = re.compile(r"(?:\+\d{3} )?\d{3} \d{3} \d{3}\b|\b1\d{2} \d{3}\b")
