"""The demo catalogue in print: every service in the booklet, every leaflet fits, no secret address anywhere."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, TODAY_EPOCH, run_cli
from pdf_figures import (HAS_POPPLER, MM, PHONE, PageText, Run, contrast_on_white, dark_runs, page_fill, page_texts, raster,
                         text_lines, text_runs)

from catalogue.outputs.print.plan import plan_documents
from catalogue.validate.stage import check_content as load

DEMO = ROOT / "content"
pytestmark = pytest.mark.skipif(not (DEMO / "site.yaml").is_file(), reason="no demo content yet")


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo_print(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("demo-print")
    content = root / "content"
    import shutil

    shutil.copytree(DEMO, content)  # its print cache stays in the temporary folder
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        result = run_cli("print", "--content", content, "--out", root / "public")
    return root / "public" / "tisk", result.out + result.err


def test_demo_prints_and_every_leaflet_fits_its_format(demo_print):
    folder, output = demo_print
    assert "leaflet " not in output, output  # an overflow names the leaflet
    catalogue = load(DEMO).catalogue
    expected = {"katalog.pdf", "katalog-brozura.pdf", *(f"{sid}.pdf" for sid in catalogue.life_situations)}
    expected |= set(plan_documents(catalogue.planning).values())  # the plan and its action plans
    assert {p.name for p in folder.iterdir()} == expected


def test_every_demo_service_is_in_the_booklet(demo_print):
    folder, _ = demo_print
    pages = texts(folder / "katalog.pdf")
    assert len(pages) % 4 == 0
    text = flat("\n".join(pages))
    for service in load(DEMO).catalogue.services.values():
        assert flat(service.name) in text, service.id


def test_no_confidential_street_or_coordinate_of_the_demo_is_printed(demo_print):
    folder, _ = demo_print
    secrets = set()
    for service in load(DEMO).catalogue.services.values():  # the unredacted records
        for location in service.locations:
            if location.confidential:
                if location.address and location.address.street:
                    street = " ".join(p for p in (location.address.street, location.address.number) if p)
                    secrets.add(street)
                if location.coordinates:
                    secrets.update({f"{location.coordinates.lat}", f"{location.coordinates.lon}"})
    for pdf in folder.iterdir():
        text = flat("\n".join(texts(pdf)))
        for secret in secrets:
            assert secret not in text, (pdf.name, secret)


# --- legibility: the default edition (A5) read back from the PDF -----------------------------

LABELS = {"Pro koho", "Kde", "Působí", "Telefon", "E-mail", "Web", "Úhrady", "Jazyky"}


@pytest.fixture(scope="module")
def booklet(demo_print) -> Path:
    return demo_print[0] / "katalog.pdf"


@pytest.fixture(scope="module")
def runs(booklet) -> list[list[Run]]:
    return text_runs(booklet)


@pytest.fixture(scope="module")
def laid_out(booklet) -> list[PageText]:
    if not HAS_POPPLER:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    return page_texts(booklet)


def parts(booklet: Path) -> dict[str, int]:
    """Return the top-level bookmarks (contents, how to use, chapters, indexes) → their page (1-based)."""
    pdf = PdfReader(io.BytesIO(booklet.read_bytes()))
    return {item.title: pdf.get_destination_page_number(item) + 1 for item in pdf.outline if not isinstance(item, list)}


def test_body_text_is_at_least_10_5_pt_and_every_text_at_least_8_5_pt(runs):
    inside = [run for page in runs[1:] for run in page]  # the cover is set large, white on blue
    summaries = {flat(s.summary) for s in load(DEMO).catalogue.services.values() if s.summary}
    body = [run for run in inside if run.font == "Catalogue-Sans-Semi-Condensed" and len(run.text) > 20
            and any(run.text in summary for summary in summaries)]
    assert len(body) > 50
    assert min(run.size for run in body) >= 10.5, min(body, key=lambda r: r.size)
    smallest = min(inside, key=lambda r: r.size)
    assert smallest.size >= 8.5, smallest


def test_labels_are_at_least_8_5_pt_and_dark_enough_to_read(runs):
    labels = [run for page in runs for run in page if run.text in LABELS]
    assert {run.text for run in labels} == LABELS
    assert min(run.size for run in labels) >= 8.5
    worst = min(labels, key=lambda r: contrast_on_white(r.color))
    assert contrast_on_white(worst.color) >= 4.5, worst
    grey = [run for page in runs[1:] for run in page if contrast_on_white(run.color) < 4.5]  # the cover is white on blue
    assert not grey, grey[:5]


def test_lines_of_body_text_are_generously_spaced(runs):
    """Consecutive lines of a paragraph stand at least 1.3 × the font size apart, typically 1.4 ×."""
    gaps = []
    for page in runs[1:]:
        lines = sorted({(round(r.y, 1), r.size, round(r.x)) for r in page if r.size >= 10.5 and "Sans" in r.font})
        for (y1, size1, x1), (y2, size2, x2) in zip(lines, lines[1:]):
            if size1 == size2 and x1 == x2 and 0 < y2 - y1 < 2 * size1:
                gaps.append((y2 - y1) / size1)
    assert len(gaps) > 100
    assert min(gaps) >= 1.3, min(gaps)
    assert sorted(gaps)[len(gaps) // 2] >= 1.4


def test_pages_are_well_filled(booklet, laid_out):
    """Every page is at least 60 % filled, except the covers, blank padding and the last page before a page break.

    A page break comes before a chapter or an index (its title opens a page) and before the
    padding; the front matter (the contents, then how to use the catalogue) is one flow.
    """
    fill = page_fill(laid_out)
    titles = parts(booklet)
    assert titles["Obsah"] == 2  # the contents right inside the cover
    opened = {page for title, page in titles.items() if laid_out[page - 1].lines[0].text.startswith(title)}
    last_text = max(p.number for p in laid_out[:-1] if p.lines)
    deliberate = {1, len(laid_out), last_text} | {page - 1 for page in opened - {2}} | {p.number for p in laid_out if not p.lines}
    thin = {page: round(value, 2) for page, value in fill.items() if page not in deliberate and value < 0.6}
    assert not thin, thin
    body = sorted(value for page, value in fill.items() if page not in deliberate)
    assert body[len(body) // 2] >= 0.9  # the median page is full
    assert "Jak katalog používat" not in {title for title, page in titles.items() if page in opened}  # it follows the contents


def test_no_heading_ends_a_page(runs, laid_out):
    """The lowest heading on a page has something to read under it on the same page.

    That is the first row of an entry (a label), an index line (a page number), or at
    least three lines of running text: a type's heading with only its explanation under
    it, or an entry's name with only its provider, stays with what follows.
    """
    for page, lines in list(zip(runs, laid_out))[1:-1]:
        headings = [run for run in page if "Heading" in run.font]
        if not headings:
            continue
        lowest = max(run.y for run in headings)
        below = [run for run in page if run.y > lowest + 1 and not any(abs(run.y - h.y1) < 3 for h in (lines.folio,) if h)]
        labels = [run for run in below if run.text in LABELS or run.text.isdigit()]
        upright = {round(run.y) for run in below if "Italic" not in run.font and "Heading" not in run.font}
        assert labels or len(upright) >= 3, (lines.number, [run.text for run in headings if run.y == lowest])


def index_pages(booklet: Path, laid_out: list[PageText]) -> list[PageText]:
    """Return the pages of the contents and of the three indexes."""
    titles = parts(booklet)
    after_contents = min(page for page in titles.values() if page > titles["Obsah"])
    pages = set(range(titles["Obsah"], after_contents + 1)) | set(range(titles["Rejstřík služeb A–Z"], len(laid_out)))
    return [p for p in laid_out if p.number in pages]


def test_index_page_numbers_stand_in_one_right_aligned_column_after_leaders(booklet, laid_out):
    """Page numbers right-aligned in one column, never touching their entry, a dotted leader between the two.

    An entry too long for its line wraps with a hanging indent, its number on its last line,
    in the same column as every other.
    """
    numbered = led = wrapped = 0
    for page in index_pages(booklet, laid_out):
        ends, gaps = [], []
        for previous, line in zip((None, *page.lines), page.lines):
            words = line.words
            if len(words) < 2 or not words[-1].text.isdigit():
                continue
            if previous and not previous.words[-1].text.isdigit() and words[0].x0 - previous.words[0].x0 > 8:
                wrapped += 1  # a continuation line, indented under the entry's first line
            number, before = words[-1], words[-2]
            assert number.x0 - before.x1 >= 2, (page.number, line.text)  # never "…organizace19"
            ends.append(number.x1)
            gaps.append((before.x1, number.x0, before.y1 - 0.25 * (before.y1 - before.y0)))
        if not ends:
            continue
        assert max(ends) - min(ends) < 0.5, (page.number, sorted(set(round(e) for e in ends)))
        numbered += len(ends)
        image = raster(booklet, page.number)
        for start, stop, baseline in gaps:
            if stop - start > 12:  # room for a leader: it is drawn as dots, about one every 3 pt
                dots = max(dark_runs(image, 144, baseline - dy, start + 1, stop - 1) for dy in (0, 0.5, 1, 1.5, 2))
                led += dots >= (stop - start - 2) / 3 * 0.6
            else:
                led += 1  # the entry fills the line: no room for a leader
    assert numbered > 3 * len(load(DEMO).catalogue.services)  # A–Z, by place, by group, and the contents
    assert led == numbered, f"{numbered - led} of {numbered} entries have no dotted leader"
    assert wrapped >= 3, wrapped  # the demo's long names wrap, and their numbers stayed in the column


def test_imposed_sheet_is_exactly_a4(demo_print):
    sheets = PdfReader(io.BytesIO((demo_print[0] / "katalog-brozura.pdf").read_bytes()))
    for sheet in sheets.pages:
        box = sheet.mediabox
        assert (round(float(box.width) / MM, 2), round(float(box.height) / MM, 2)) == (297.0, 210.0)


def test_crisis_lines_are_on_the_back_cover(laid_out):
    back = laid_out[-1].lines
    assert back[0].text == "V tísni volejte"
    words = [word for line in back for word in line.words]
    for number, name in [("112", "Tísňové volání"), ("116 123", "Linka první psychické pomoci"), ("116 111", "Linka bezpečí"),
                         ("116 006", "Linka pomoci obětem"), ("+420 800 200 007", "Linka seniorů")]:
        lines = [line for line in back if line.text.startswith(number)]
        assert lines, (number, [line.text for line in back])
        digits = lines[0].words[: len(number.split())]  # the whole number on one line
        first = next(w for w in words if w.text == name.split()[0] and w.x0 > digits[-1].x1 and abs(w.y0 - digits[0].y0) < 6)
        beside = " ".join(w.text for w in words[words.index(first):][: len(name.split())])
        assert beside.startswith(name), (number, beside)  # its name beside it


def test_no_phone_number_is_broken_across_lines(demo_print):
    if not HAS_POPPLER:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    folder, _ = demo_print
    for pdf in sorted(folder.iterdir()):
        lines = [line.text for page in text_lines(pdf) for line in page]
        whole = PHONE.findall(" ".join(lines))
        kept = [number for line in lines for number in PHONE.findall(line)]
        assert len(whole) > 0, pdf.name
        assert sorted(whole) == sorted(kept), (pdf.name, sorted(set(whole) - set(kept)))
