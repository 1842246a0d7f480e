"""``print`` and ``build --print``: the booklet and the leaflets, read back from the PDFs."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, TODAY_EPOCH, run_cli
from pdf_figures import HAS_POPPLER, MM, PHONE, numbered_entries, text_lines, text_runs
from pdf_figures import page_texts as laid_out
from site_fixtures import RELATED
from sites import LIFE_SITUATION, SITE, write_site

from catalogue.render.crisis import crisis_lines
from catalogue.outputs.print.entries import compact_hours, unbroken_phones
from catalogue.outputs.print.impose import booklet_order
from catalogue.model.schedule import Schedule
from catalogue.model.records import Site
from catalogue.index import publishable
from catalogue.validate.stage import check_content as load

COUNSELLING = """\
name: Občanská poradna Milovice
provider: charita-lysa
kind: registered
type: odborne-socialni-poradenstvi
registry_id: "7654321"
target_groups: [rodiny-s-detmi, seniori]
summary: Pomoc s dluhy, bydlením a dávkami.
forms: [outpatient]
fees: {paid: false}
contacts:
  phone: [+420 325 551 201, +420 325 551 202, +420 325 551 203, +420 325 551 204, +420 325 551 205, +420 325 551 206]
  email: poradna@example.org
  note: Objednat se můžete na 325 551 210, 325 551 211, 325 551 212 nebo 325 551 213; v naléhavých případech volejte 116 123 nebo +420 325 551 214.
locations:
  - name: Poradna
    address: {street: Nám. 5. května, number: "1", city: Milovice, postcode: "289 23"}
    locality: milovice
    hours: {mon: 8:00-17:00, tue: 8:00-17:00, wed: 8:00-17:00, thu: 8:00-12:00}
verified: 2026-09-15
description: Poradna radí zdarma a diskrétně.
"""

SECRET = ("Tajná", "4711/3", "50.2011", "14.8312")  # the confidential location of the shelter in tests/sites.py
SERVICE_NAMES = [
    "Azylový dům pro matky s dětmi",
    "Pečovatelská služba Lysá",
    "Občanská poradna Milovice",
    "Klub seniorů Milovice",
]


needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils (pdftotext) is not installed")


def print_site(root: Path, overrides: dict[str, str | None] | None = None) -> Path:
    files = {"services/obcanska-poradna.yaml": COUNSELLING, "services/klub-senioru.yaml": RELATED}
    files.update(overrides or {})
    return write_site(root / "content", files)


def referenced(entries: list[dict[str, str]], names: list[str]) -> list[tuple[str, int]]:
    """Return (service name, page) of index entries; a heading (the town, the group) may run into the first title."""
    longest_first = sorted(names, key=len, reverse=True)
    found = []
    for entry in entries:
        name = next((n for n in longest_first if entry["title"].endswith(n)), None)
        assert name is not None, entry
        found.append((name, int(entry["page"])))
    return found


def reader(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in reader(path).pages]


def outline(path: Path) -> dict[str, int]:
    """Return bookmark title → page index (0-based), over every level."""
    pdf = reader(path)
    found: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(item.title, pdf.get_destination_page_number(item))

    walk(pdf.outline)
    return found


def fonts(path: Path) -> dict[str, bool]:
    """Return font name → embedded, over the pages and the form XObjects they draw."""
    out: dict[str, bool] = {}

    def visit(resources):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            out[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader(path).pages:
        visit(page.get("/Resources"))
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """The fixture catalogue printed once with ``print`` (A5 booklet, DL leaflets)."""
    root = tmp_path_factory.mktemp("print")
    content = print_site(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        result = run_cli("print", "--content", content, "--out", root / "public")
    assert result.code == 0, result.out + result.err
    return root / "public" / "tisk"


# --- the booklet ---------------------------------------------------------------------------


def test_print_writes_the_booklet_its_imposition_and_a_leaflet_per_life_situation(printed):
    assert sorted(p.name for p in printed.iterdir()) == ["katalog-brozura.pdf", "katalog.pdf", "ztrata-bydleni.pdf"]


def test_every_service_appears_in_the_booklet(printed):
    text = "\n".join(page_texts(printed / "katalog.pdf"))
    for name in SERVICE_NAMES:
        assert name in text


def test_booklet_page_count_is_a_multiple_of_four_and_the_back_cover_is_last(printed):
    pages = page_texts(printed / "katalog.pdf")
    assert len(pages) % 4 == 0
    assert "Katalog Testov" in pages[-1] and "katalog.example.org" in pages[-1]
    assert pages[-2].strip() == ""  # padding is blank, before the back cover


@needs_poppler
def test_every_contents_entry_points_to_the_page_of_its_heading(printed):
    path = printed / "katalog.pdf"
    pages = page_texts(path)
    marks = outline(path)
    entries = numbered_entries(laid_out(path)[marks["Obsah"] : marks["Obsah"] + 1], skip={"Obsah"})
    assert len(entries) >= 6
    for entry in entries:
        number = int(entry["page"])
        assert marks[entry["title"]] == number - 1, entry
        assert entry["title"] in pages[number - 1]
        assert pages[number - 1].rstrip().endswith(str(number))  # the printed folio agrees


@needs_poppler
def test_every_index_entry_points_to_the_page_of_its_service(printed):
    path = printed / "katalog.pdf"
    pages = page_texts(path)
    marks = outline(path)
    start = marks["Rejstřík služeb A–Z"]
    alphabetical = numbered_entries(laid_out(path)[start : start + 1], skip={"Rejstřík služeb A–Z"})
    assert [e["title"].split(" – ")[0] for e in alphabetical] == sorted(SERVICE_NAMES, key=lambda n: n.replace("Č", "Cz"))
    for entry in alphabetical:
        name = entry["title"].split(" – ")[0]
        assert marks[name] == int(entry["page"]) - 1
    references = referenced(numbered_entries(laid_out(path)[start + 1 : -1]), SERVICE_NAMES)  # by locality, by target group
    assert len(references) >= 8
    for name, number in references:
        assert marks[name] == number - 1
        assert name in pages[number - 1]


def test_booklet_has_chapters_by_service_group_with_related_activities_last(printed):
    titles = list(outline(printed / "katalog.pdf"))
    chapters = [t for t in titles if t.startswith("Služby") or t in ("Sociální poradenství", "Související aktivity")]
    assert chapters[:4] == ["Sociální poradenství", "Služby sociální péče", "Služby sociální prevence", "Související aktivity"]


def test_service_block_has_what_is_needed_to_get_help(printed):
    text = "\n".join(page_texts(printed / "katalog.pdf"))
    block = text[text.index("Pečovatelská služba Lysá\nCharita Lysá") :][:600]
    for expected in ["Pečovatelská služba (§ 40)", "Senioři", "Husova 12, 289 22 Lysá nad Labem", "7:00–15:30", "+420 325 551 234", "charita@example.org"]:
        assert expected in block, expected


def test_running_headers_name_the_chapter(printed):
    pages = page_texts(printed / "katalog.pdf")
    chapter = next(text for text in pages if text.startswith("Služby sociální péče"))
    assert chapter.count("Služby sociální péče") >= 2  # the heading and the running header


def test_fonts_are_embedded_in_every_pdf(printed):
    for pdf in printed.iterdir():
        found = fonts(pdf)
        assert found and all(found.values()), (pdf.name, found)
        assert any("Catalogue-Sans" in name for name in found)


def test_booklet_is_tagged_with_title_and_language(printed):
    pdf = reader(printed / "katalog.pdf")
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "cs"
    assert pdf.metadata.title == "Katalog Testov"
    assert pdf.metadata["/CreationDate"].startswith("D:20261122")  # from SOURCE_DATE_EPOCH
    alts = []

    def walk(element):
        element = element.get_object()
        if isinstance(element, dict):
            if "/Alt" in element:
                alts.append(str(element["/Alt"]))
            kids = element.get("/K")
            for kid in kids if isinstance(kids, list) else [kids]:
                if kid is not None and not isinstance(kid, int):
                    walk(kid)

    walk(root["/StructTreeRoot"])
    assert "QR kód: služba na webu, https://katalog.example.org/sluzby/azylovy-dum-lysa/" in alts  # each QR code says where it leads


def test_no_confidential_street_or_coordinate_appears_in_any_pdf(printed):
    for pdf in printed.iterdir():
        document = reader(pdf)
        text = "\n".join(page_texts(pdf)) + "\n".join(map(str, (document.metadata or {}).values())) + "\n".join(outline(pdf))
        for secret in SECRET:
            assert secret not in text, (pdf.name, secret)
    for name in ("katalog.pdf", "ztrata-bydleni.pdf"):
        text = "\n".join(page_texts(printed / name))
        assert "Lysá nad Labem (adresa je utajená; nejdřív zavolejte)" in text.replace("\n", " "), name


def test_imposition_puts_two_pages_on_each_side_of_a_sheet(printed):
    booklet = reader(printed / "katalog.pdf")
    sheets = reader(printed / "katalog-brozura.pdf")
    assert len(sheets.pages) == len(booklet.pages) // 2
    sheet = sheets.pages[0].mediabox
    assert (round(float(sheet.width) / MM, 2), round(float(sheet.height) / MM, 2)) == (297.0, 210.0)  # exactly A4, not 2 × 148 mm
    first = sheets.pages[0].extract_text()
    assert "Katalog Testov" in first  # back cover and front cover share the outer side


@needs_poppler
def test_no_phone_number_is_broken_across_lines(printed):
    for name in ("katalog.pdf", "ztrata-bydleni.pdf"):
        lines = [line.text for page in text_lines(printed / name) for line in page]
        whole = PHONE.findall(" ".join(lines))
        kept = [number for line in lines for number in PHONE.findall(line)]
        assert len(whole) >= (12 if name == "katalog.pdf" else 1)
        assert sorted(whole) == sorted(kept), (name, [n for n in whole if n not in kept])


def test_phone_numbers_in_running_text_are_kept_on_one_line():
    text = unbroken_phones("Volejte 325 551 210 nebo +420 325 551 214, linku 116 123 <b> & 12 345 678.")
    assert text == (
        'Volejte <span class="nowrap">325 551 210</span> nebo <span class="nowrap">+420 325 551 214</span>, '
        'linku <span class="nowrap">116 123</span> &lt;b&gt; &amp; 12 345 678.'
    )
    assert unbroken_phones(None) is None


def crisis_site(root: Path, country: str, language: str, lines: str = "") -> Site:
    text = SITE.replace("language: cs", f"language: {language}") + f"country: {country}\n" + lines
    return load(write_site(root / f"{country}-{language}-{len(lines)}", {"site.yaml": text})).catalogue.site


def test_crisis_lines_default_to_the_country_in_the_site_language(tmp_path):
    czech = crisis_lines(crisis_site(tmp_path, "CZ", "cs"))
    assert [line.number for line in czech] == ["112", "116 123", "116 111", "116 006", "+420 800 200 007"]
    assert czech[1].name == "Linka první psychické pomoci: krizová pomoc pro dospělé" and czech[1].note == "zdarma"
    polish = crisis_lines(crisis_site(tmp_path, "PL", "pl"))
    assert [line.number for line in polish] == ["112", "116 123", "116 111", "+48 800 120 002"]
    assert polish[3].name == "Niebieska Linia: dla osób doznających przemocy domowej"
    assert crisis_lines(crisis_site(tmp_path, "CZ", "cs", "crisis_lines: []\n")) == []


def test_a_crisis_line_that_is_not_a_phone_number_is_refused_with_its_position(tmp_path):
    site = SITE + "crisis_lines:\n  - {number: linka 123, name: Krizová linka}\n"
    content = print_site(tmp_path, {"site.yaml": site})
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert f'{content / "site.yaml"}:8:14: crisis_lines[0].number: „linka 123“ není telefonní číslo; napište např. ' \
        "+420 325 551 234, 325 551 234 nebo krátkou linku jako 116 123; klapku jako 325 551 234, linka 12" in result.lines, result.out


def test_front_matter_that_would_spill_a_few_lines_is_set_tighter(site):
    """Contents a line too long for their pages: the tighter setting saves the page; far too long: it is not tried."""
    from catalogue.outputs.print.jobs import plan_jobs
    from catalogue.outputs.print.pdf import TIGHT, fill_page_numbers, fitted_front, layout

    front = plan_jobs(publishable(load(site).catalogue))[0].parts[0]

    def longer(lines: int) -> str:
        extra = "".join(f'<li class="toc-2"><a href="#x"><span class="entry">Položka {i}</span></a></li>' for i in range(lines))
        return front.replace("</ul>\n</nav>", extra + "</ul>\n</nav>", 1)

    def pages(lines: int) -> int:
        return len(layout(fill_page_numbers(longer(lines), None, set())).pages)

    low, high = 0, 200  # the fewest extra lines that need one more page
    base = pages(low)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if pages(middle) == base else (low, middle)
    html, fitted = fitted_front(longer(high), None)
    assert TIGHT in html
    assert len(fitted.pages) == base
    html, fitted = fitted_front(longer(low), None)
    assert TIGHT not in html and len(fitted.pages) == base


def test_booklet_order_for_saddle_stitching():
    assert booklet_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    with pytest.raises(ValueError):
        booklet_order(6)


def test_opening_hours_join_equal_consecutive_days():
    hours = Schedule(mon="8:00-16:00", tue="8:00-16:00", wed="8:00-16:00", thu="8:00-12:00", fri="18:00-7:00", sat="nonstop")
    runs = [(r.first, r.last, r.day.intervals) for r in compact_hours(hours.days())]
    assert runs == [
        ("mon", "wed", ((480, 960),)), ("thu", "thu", ((480, 720),)), ("fri", "fri", ((1080, 1860),)), ("sat", "sat", ((0, 1440),))
    ]


def test_booklet_html_links_each_service_qr_code_to_its_page(site):
    from catalogue.outputs.print.jobs import plan_jobs

    cat = publishable(load(site).catalogue)
    body = plan_jobs(cat)[0].parts[1]
    for sid in cat.services:
        assert f'src="qr:https%3A%2F%2Fkatalog.example.org%2Fsluzby%2F{sid}%2F"' in body


# --- the leaflets ----------------------------------------------------------------------------


def test_dl_leaflet_is_one_a4_sheet_folded_in_three(printed):
    leaflet = reader(printed / "ztrata-bydleni.pdf")
    assert len(leaflet.pages) == 2
    box = leaflet.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)
    outside, inside = (p.extract_text() for p in leaflet.pages)
    assert "Přicházím o bydlení" in outside and "katalog.example.org/zivotni-situace/ztrata-bydleni/" in outside
    assert "Co dělat, když přicházíte o bydlení." in inside
    assert "Azylový dům pro matky s dětmi" in inside and "+420 325 551 234" in inside


CRISIS_LINES = """\
print:
  format: A4
  chapters: target_group
  leaflet_format: A5
crisis_lines:
  - {number: "116 123", name: Linka první psychické pomoci, note: zdarma}
  - {number: 800 100 200, name: Krizové centrum Testov}
"""


def test_a5_leaflet_and_a4_booklet_by_target_group(tmp_path):
    content = print_site(tmp_path, {"site.yaml": SITE + CRISIS_LINES})
    result = run_cli("print", "--content", content, "--out", tmp_path / "public")
    assert result.code == 0, result.out
    leaflet = reader(tmp_path / "public/tisk/ztrata-bydleni.pdf")
    assert len(leaflet.pages) <= 2
    assert round(float(leaflet.pages[0].mediabox.width) / 72 * 25.4) == 148
    booklet = tmp_path / "public/tisk/katalog.pdf"
    pages = page_texts(booklet)
    assert len(pages) % 4 == 0
    assert round(float(reader(booklet).pages[0].mediabox.width) / 72 * 25.4) == 210
    marks = outline(booklet)
    assert {"Senioři", "Rodiny s dětmi", "Osoby bez přístřeší", "Související aktivity"} <= set(marks)
    text = "\n".join(pages)
    for name in SERVICE_NAMES[:3]:  # each printed once in full, in its first group's chapter
        assert text.count(f"{name}\nCharita Lysá") == 1, name
    # the large-print edition: no text under 14 pt inside the covers, body text at 16 pt, on exact A3 sheets
    inside = [run for page in text_runs(booklet)[1:-1] for run in page]
    assert min(run.size for run in inside) >= 14, min(inside, key=lambda r: r.size)
    assert {run.size for run in inside if run.text == "Pomoc s dluhy, bydlením a dávkami."} == {16}
    sheet = reader(tmp_path / "public/tisk/katalog-brozura.pdf").pages[0].mediabox
    assert (round(float(sheet.width) / MM, 2), round(float(sheet.height) / MM, 2)) == (420.0, 297.0)
    # the site's own crisis lines replace the national ones
    back = pages[-1]
    assert "116 123 Linka první psychické pomoci" in back and "+420 800 100 200 Krizové centrum Testov" in back
    assert "112" not in back and "Linka bezpečí" not in back


def test_overflowing_leaflet_is_reported_with_how_much_and_print_fails(tmp_path):
    long_text = "text: |\n" + "".join(f"  Odstavec {i}. " + "Dlouhá rada o tom, co dělat. " * 12 + "\n\n" for i in range(40))
    content = print_site(tmp_path, {"life-situations/ztrata-bydleni.yaml": LIFE_SITUATION.replace(
        "text: |\n  Co dělat, když přicházíte o bydlení.\n", long_text)})
    result = run_cli("print", "--content", content, "--out", tmp_path / "public")
    assert result.code == 1
    line = next(l for l in result.lines if "leták ztrata-bydleni" in l)
    assert re.search(r"ztrata-bydleni\.yaml:1:1: varování: text: leták ztrata-bydleni: potřebuje (\d+) panelů "
                     r"\(\d+ stran A4\), formát DL pojme 6 \(2 strany\); zkraťte text nebo uveďte méně služeb", line), line
    assert int(re.search(r"potřebuje (\d+) panelů", line).group(1)) > 6
    assert result.lines[-1] == "letáky, které se nevejdou do svého formátu: ztrata-bydleni; viz výše"
    # nothing is cut: the PDF keeps every panel, in reading order
    text = "\n".join(page_texts(tmp_path / "public/tisk/ztrata-bydleni.pdf"))
    assert "Odstavec 39." in text


def test_build_print_warns_about_an_overflow_and_strict_fails(tmp_path):
    long_text = "text: |\n" + "".join("  " + "Dlouhá rada o tom, co dělat. " * 12 + "\n\n" for _ in range(40))
    content = print_site(tmp_path, {"life-situations/ztrata-bydleni.yaml": LIFE_SITUATION.replace(
        "text: |\n  Co dělat, když přicházíte o bydlení.\n", long_text)})
    out = tmp_path / "public"
    result = run_cli("build", "--print", "--content", content, "--out", out)
    assert result.code == 0, result.out
    assert any("varování: text: leták ztrata-bydleni: potřebuje" in l for l in result.lines), result.out
    assert (out / "tisk/ztrata-bydleni.pdf").is_file()
    strict = run_cli("build", "--print", "--strict", "--content", content, "--out", tmp_path / "strict")
    assert strict.code == 1
    assert any(": text: leták ztrata-bydleni: potřebuje" in l and "varování" not in l for l in strict.lines)
    assert not (tmp_path / "strict").exists()


# --- the site, the cache, determinism ---------------------------------------------------------


def test_build_print_links_the_pdfs_from_the_site(tmp_path):
    content = print_site(tmp_path)
    out = tmp_path / "public"
    result = run_cli("build", "--print", "--content", content, "--out", out)
    assert result.code == 0, result.out
    for page, pdf in [("index.html", "tisk/katalog.pdf"), ("zivotni-situace/ztrata-bydleni/index.html", "tisk/ztrata-bydleni.pdf")]:
        html = (out / page).read_text("utf-8")
        links = re.findall(r'href="([^"]+\.pdf)"', html)
        assert links, page
        targets = {((out / page).parent / link).resolve() for link in links}
        assert (out / pdf).resolve() in targets
        assert all(t.is_file() for t in targets)
    plain = tmp_path / "plain"
    assert run_cli("build", "--content", content, "--out", plain).code == 0
    assert ".pdf" not in (plain / "index.html").read_text("utf-8")
    assert not (plain / "tisk").exists()


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_two_prints_are_byte_identical_and_the_second_renders_nothing(tmp_path):
    content = print_site(tmp_path)
    first = run_cli("print", "--content", content, "--out", tmp_path / "a")
    assert "(nově vysázeno: 2, beze změny: 0)" in first.out
    again = run_cli("print", "--content", content, "--out", tmp_path / "b")
    assert "(nově vysázeno: 0, beze změny: 2)" in again.out
    shutil.rmtree(content / ".cache" / "print")
    fresh = run_cli("print", "--content", content, "--out", tmp_path / "c", "--jobs", "1")
    assert "(nově vysázeno: 2, beze změny: 0)" in fresh.out
    assert digest(tmp_path / "a/tisk") == digest(tmp_path / "b/tisk") == digest(tmp_path / "c/tisk")


def test_only_the_changed_leaflet_is_rendered_again(tmp_path):
    content = print_site(tmp_path, {"life-situations/dluhy.yaml": "title: Mám dluhy\ntext: Zavolejte do poradny.\nservices: [obcanska-poradna]\n"})
    assert "(nově vysázeno: 3, beze změny: 0)" in run_cli("print", "--content", content, "--out", tmp_path / "public").out
    (content / "life-situations/dluhy.yaml").write_text("title: Mám dluhy\ntext: Zavolejte hned.\nservices: [obcanska-poradna]\n", "utf-8")
    result = run_cli("print", "--content", content, "--out", tmp_path / "public")
    assert "(nově vysázeno: 1, beze změny: 2)" in result.out
    assert "Zavolejte hned." in "\n".join(page_texts(tmp_path / "public/tisk/dluhy.pdf"))
    assert len(list((content / ".cache" / "print").iterdir())) == 3  # the old leaflet's entry is gone


def test_print_refuses_invalid_content_and_leaves_the_pdfs(tmp_path):
    content = print_site(tmp_path)
    assert run_cli("print", "--content", content, "--out", tmp_path / "public").code == 0
    before = digest(tmp_path / "public/tisk")
    (content / "services/klub-senioru.yaml").write_text(RELATED.replace("kind: related", "kind: maybe"), "utf-8")
    result = run_cli("print", "--content", content, "--out", tmp_path / "public")
    assert result.code == 1
    assert result.lines[-1] == f"nic nevytištěno; {tmp_path / 'public' / 'tisk'} je beze změny"
    assert digest(tmp_path / "public/tisk") == before


@needs_poppler
def test_page_numbers_hold_in_a_catalogue_of_many_pages(tmp_path):
    """Chapters and type sections that run over several pages: every number is where its heading starts."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from national import generate

    content = tmp_path / "content"
    generate(content, scale=40 / 6700)  # 40 services of the national catalogue's shape
    # its life situations gather services nationwide; here each leaflet names one, so that every leaflet fits
    services = sorted(p.stem for p in (content / "services").glob("*.yaml"))
    for path in (content / "services").glob("*.yaml"):
        path.write_text(re.sub(r"^life_situations: .*\n", "", path.read_text("utf-8"), flags=re.M), "utf-8")
    for service, path in zip(services, sorted((content / "life-situations").glob("*.yaml"))):
        path.write_text(re.sub(r"^gathers:\n(?:  .*\n)+", f"services: [{service}]\n", path.read_text("utf-8"), flags=re.M), "utf-8")
    assert run_cli("print", "--content", content, "--out", tmp_path / "public").code == 0
    path = tmp_path / "public/tisk/katalog.pdf"
    pages = page_texts(path)
    marks = outline(path)
    assert len(pages) % 4 == 0 and len(pages) > 20
    boxes = laid_out(path)
    toc = numbered_entries([p for p in boxes[1:5] if [h.text for h in p.header] == ["Obsah"]], skip={"Obsah"})
    assert len(toc) > 15
    for entry in toc:
        number = int(entry["page"])
        title = next(t for t in marks if t == entry["title"] or t.startswith(entry["title"] + " §"))  # type headings show the §
        assert marks[title] == number - 1, entry
        assert title in " ".join(pages[number - 1].split()), entry  # headings may wrap
    names = sorted({s.name for s in load(content).catalogue.services.values()}, key=len, reverse=True)
    az, places = marks["Rejstřík služeb A–Z"], marks["Služby podle obcí"]
    alphabetical = numbered_entries(boxes[az:places], skip={"Rejstřík služeb A–Z"})
    assert len(alphabetical) == 40
    for entry in alphabetical:
        assert marks[entry["title"].split(" – ")[0]] == int(entry["page"]) - 1, entry
    references = referenced(numbered_entries(boxes[places:-1], skip={"Služby podle obcí", "Služby podle cílových skupin"}), names)
    assert len(references) >= 2 * 40  # by locality, by target group (two each)
    for name, number in references:
        assert marks[name] == number - 1, (name, number)
