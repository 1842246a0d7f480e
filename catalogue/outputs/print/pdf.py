"""HTML → PDF with WeasyPrint: the booklet padded for saddle stitching, leaflets measured against their format.

This module runs inside worker processes: a :class:`Job` goes in (plain data,
picklable), a :class:`Rendered` comes out. Nothing here reads the catalogue.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ...load.files import OWN_FOLDERS, inside
from .fonts import FONT_DIRS
from .qr import SCHEME, qr_png, url_of

PDF_VARIANT = "pdf/ua-1"  # tagged PDF with a title and language: screen readers can read it
DL_CONTENT_PANELS = 4  # a DL tri-fold has 6 panels: the cover, 4 for the text and services, the back
A5_LEAFLET_PAGES = 2

log = logging.getLogger("catalogue")
logging.getLogger("PIL").setLevel(logging.INFO)  # its DEBUG lines (every PNG chunk) drown --debug


PAGE_REF = re.compile(r'<span class="pn" data-target="([^"]*)"></span>')
PLACEHOLDER = "888"  # as wide as a real page number, for the first layout of the front matter
FRONT_END = "front-end"  # the anchor where the front matter ends
NEARLY_EMPTY = 0.35  # a last front page whose text ends above this part of its height is worth saving
TIGHT = '<html data-fit="tight" '  # the stylesheet sets the front matter a little tighter


@dataclass(frozen=True)
class Job:
    """One PDF to make. ``kind`` is "booklet", "leaflet" or "plan" (a community plan or an action plan, named
    by its file); ``format`` is A5, A4 or DL.

    A leaflet is one HTML document; the booklet is three (front matter, chapters,
    indexes with the back cover), see :func:`render_booklet`.
    """

    name: str
    kind: str
    format: str
    parts: tuple[str, ...]
    impose: bool = False


@dataclass(frozen=True)
class Rendered:
    """What a job produced: the PDF, the imposed sheets if asked, and how much room the content needed."""

    pdf: bytes
    pages: int  # pages of ``pdf``
    needed: int = 0  # leaflets: panels (DL) or pages (A5) the content needs, to compare with ``capacity``
    capacity: int = 0
    imposed: bytes | None = None
    seconds: float = 0.0
    warnings: tuple[str, ...] = field(default=())

    @property
    def overflows(self) -> bool:
        return self.capacity > 0 and self.needed > self.capacity


READABLE = (*FONT_DIRS, *OWN_FOLDERS)  # the only files a printed document may embed
UNREADABLE = "{url} is not a font or a file of the program's own; a printed document does not embed it"


def fetcher():
    """Return a URL fetcher that draws ``qr:`` images and reads only the fonts and the program's own files.

    Printing never goes online, and a (theme's) template cannot embed a file of the
    build machine (``<a rel="attachment" href="file:///…">``) into a published PDF.
    """
    from urllib.parse import unquote, urlsplit

    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class PrintFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(SCHEME):
                return URLFetcherResponse(url, qr_png(url_of(url)), {"Content-Type": "image/png"})
            if url.startswith("file:") and not inside(Path(unquote(urlsplit(url).path)), READABLE):
                raise ValueError(UNREADABLE.format(url=url))
            return super().fetch(url, headers)

    return PrintFetcher(allowed_protocols={"file", "data"})


def render_job(job: Job) -> Rendered:
    """Render one job (in a worker process); warnings WeasyPrint logs are returned, not printed."""
    start = time.perf_counter()
    with captured_warnings() as warnings:
        if job.kind in ("booklet", "plan"):  # a plan and its action plans are booklets too, never imposed
            result = render_booklet(job)
        elif job.format == "DL":
            result = render_trifold(job)
        else:
            result = render_a5_leaflet(job)
    return Rendered(
        result.pdf, result.pages, result.needed, result.capacity, result.imposed,
        time.perf_counter() - start, (*result.warnings, *warnings),
    )


def layout(html: str, first_page: int = 1, fonts=None):
    """Lay out a document whose first page is numbered ``first_page`` (pages are not drawn yet)."""
    from weasyprint import CSS, HTML

    side = "right" if first_page % 2 else "left"
    numbering = CSS(string=f"@page :first {{ counter-reset: page {first_page}; }} html {{ break-before: {side}; }}")
    return HTML(string=html, base_url="file:///", url_fetcher=fetcher()).render(
        font_config=fonts, stylesheets=[numbering], pdf_variant=PDF_VARIANT
    )


def write(document, pages, tagged: bool = True) -> bytes:
    """Draw the pages into a PDF, tagged for screen readers unless it is only for imposing.

    Sheets for the printer are imposed from an untagged drawing: reading back
    the structure tree of a tagged 300-page PDF takes pypdf longer (15 s) than
    drawing the pages again (4 s), and imposed sheets cannot keep tags anyway.
    """
    if tagged:
        return document.copy(pages).write_pdf(pdf_variant=PDF_VARIANT)
    return document.copy(pages).write_pdf()


def anchors(document, first_page: int) -> dict[str, int]:
    """Return anchor (element id) → printed number of the page where the element starts.

    An element that runs over several pages (a chapter) is an anchor on each of them.
    """
    found: dict[str, int] = {}
    for i, page in enumerate(document.pages):
        for name in page.anchors:
            found.setdefault(name, first_page + i)
    return found


def fill_page_numbers(html: str, pages: dict[str, int] | None, missing: set[str]) -> str:
    """Write page numbers into the ``.pn`` spans (the placeholder when ``pages`` is None)."""

    def number(match: re.Match) -> str:
        target = match.group(1)
        if pages is None:
            value = PLACEHOLDER
        elif target in pages:
            value = str(pages[target])
        else:
            missing.add(target)
            value = "?"
        return f'<span class="pn" data-target="{target}">{value}</span>'

    return PAGE_REF.sub(number, html)


def render_booklet(job: Job) -> Rendered:
    """Render the catalogue from its three documents; pad with the filler page to a multiple of 4 pages.

    Page numbers in the contents and the indexes are read from the laid-out
    chapters and written in as text. (CSS ``target-counter()`` does the same in
    one document, but WeasyPrint then lays every index page out three times:
    a 500-service catalogue took a third longer to lay out.) The front matter's length does
    not depend on the numbers, so it is laid out with placeholders first and
    again with the numbers; should it differ, the rest follows it.

    The back document ends with a filler page and the back cover. Padding
    repeats the laid-out filler page: pages added after the indexes change no number.
    """
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # one set of embedded fonts for the three documents
    front_html, body_html, back_html = job.parts
    missing: set[str] = set()
    clock = Clock(job.name)
    front_html, front = fitted_front(front_html, fonts)
    known = anchors(front, 1)
    for _ in range(3):
        missing.clear()  # report only what the last round could not find
        first_body = len(front.pages) + 1
        body = clock("chapters", layout(body_html, first_body, fonts))
        known |= anchors(body, first_body)
        first_back = first_body + len(body.pages)
        back = clock("indexes", layout(fill_page_numbers(back_html, known, missing), first_back, fonts))
        known |= anchors(back, first_back)
        final_front = clock("front", layout(fill_page_numbers(front_html, known, missing), 1, fonts))
        if len(final_front.pages) == len(front.pages):
            settled = True
            break
        front = final_front
    else:
        settled = False
    *indexes, filler, back_cover = back.pages
    content = len(final_front.pages) + len(body.pages) + len(indexes)
    pages = [*final_front.pages, *body.pages, *indexes, *([filler] * (-(content + 1) % 4)), back_cover]
    pdf = clock("write", write(final_front, pages))
    from .impose import impose_booklet  # pypdf (0.2 s to import) only in the processes that lay out PDFs

    imposed = clock("impose", impose_booklet(write(final_front, pages, tagged=False))) if job.impose else None
    warnings = [f"no page for the link target #{target}" for target in sorted(missing)]
    if not settled:
        warnings.append("the contents kept changing length; page numbers may be off")
    return Rendered(pdf, len(pages), imposed=imposed, warnings=tuple(warnings))


def fitted_front(front_html: str, fonts) -> tuple[str, object]:
    """Lay out the front matter with placeholder page numbers; set it tighter when that saves an almost empty page.

    Returns the HTML to use from now on and its layout. Whether the contents spill a
    few lines onto a page of their own depends on the catalogue's chapters and
    types, so it is measured, not guessed: the ``front-end`` anchor says where the
    text ends on the last page.
    """
    front = layout(fill_page_numbers(front_html, None, set()), 1, fonts)
    last = front.pages[-1]
    end = last.anchors.get(FRONT_END)
    if len(front.pages) < 2 or end is None or end[1] > NEARLY_EMPTY * last.height:
        return front_html, front
    tight_html = front_html.replace("<html ", TIGHT, 1)
    tight = layout(fill_page_numbers(tight_html, None, set()), 1, fonts)
    return (tight_html, tight) if len(tight.pages) < len(front.pages) else (front_html, front)


def render_trifold(job: Job) -> Rendered:
    """Render a DL leaflet as six 99 × 210 mm panels, then put them on the two sides of an A4 sheet.

    The template lays out the cover, the content, a filler page and the back.
    Content that needs more than four panels is reported; its PDF then keeps
    every panel in reading order (nothing is cut) instead of a folding layout.
    """
    document = layout(job.parts[0])
    cover, *content, filler, back = document.pages
    needed = len(content)
    if needed > DL_CONTENT_PANELS:
        pdf = write(document, [cover, *content, back])
        return Rendered(pdf, needed + 2, needed + 2, DL_CONTENT_PANELS + 2)
    panels = [cover, *content, *([filler] * (DL_CONTENT_PANELS - needed)), back]
    from .impose import impose_trifold  # pypdf only where PDFs are laid out, as WeasyPrint above

    pdf = impose_trifold(write(document, panels, tagged=False))
    return Rendered(pdf, 2, needed + 2, DL_CONTENT_PANELS + 2)


def render_a5_leaflet(job: Job) -> Rendered:
    """Render an A5 leaflet; it holds two pages (one sheet, both sides)."""
    document = layout(job.parts[0])
    pages = list(document.pages)
    return Rendered(write(document, pages), len(pages), len(pages), A5_LEAFLET_PAGES)


class Clock:
    """Log how long each step of a document took (``--debug``): ``clock("write", value)`` passes the value on."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.last = time.perf_counter()

    def __call__(self, step: str, value):
        now = time.perf_counter()
        log.debug("print %s: %-8s %6.2f s", self.name, step, now - self.last)
        self.last = now
        return value


class captured_warnings:
    """Collect WeasyPrint's warnings (unsupported CSS, missing images) for the report."""

    def __enter__(self) -> list[str]:
        self.messages: list[str] = []
        self.logger = logging.getLogger("weasyprint")
        self.handler = _ListHandler(self.messages)
        self.handler.setLevel(logging.WARNING)
        self.logger.addHandler(self.handler)
        self.propagate, self.logger.propagate = self.logger.propagate, False
        return self.messages

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.propagate


class _ListHandler(logging.Handler):
    def __init__(self, messages: list[str]) -> None:
        super().__init__()
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
