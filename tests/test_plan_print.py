"""The printed plan and action plan, read back from the PDF: contents with the pages where things really are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import TODAY_EPOCH
from plan_sites import write_plan_site

from catalogue.pipeline import print_site

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plan-print")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        run = print_site(write_plan_site(root / "content"), root / "public", workers=1)
    assert not run.problems.has_errors(), [p.format() for p in run.problems.items]
    return root / "public" / "tisk"


def pages(path: Path) -> list[str]:
    """Return the text of every page, whitespace folded."""
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def printed_number(text: str) -> int | None:
    """Return the page number printed in a page's footer (the last number on it)."""
    found = re.findall(r"\b(\d{1,3})\b", text)
    return int(found[-1]) if found else None


def contents(text: str, entries: list[str]) -> dict[str, int]:
    """Return each entry of a contents page with the page number after its dot leaders."""
    out = {}
    for entry in entries:
        match = re.search(re.escape(entry) + r"[ .]*?(\d+)", text)
        assert match, (entry, text[:500])
        out[entry] = int(match.group(1))
    return out


def test_the_plan_booklet_lists_its_priorities_and_measures_on_the_pages_where_they_are(printed):
    texts = pages(printed / "komunitni-plan-2025-2028.pdf")
    assert len(texts) % 4 == 0  # padded for saddle stitching
    assert "Komunitní plán Testova" in texts[0] and "V připomínkovém řízení" in texts[0]  # the cover
    toc = next(t for t in texts if t.startswith("Obsah"))
    found = contents(toc, ["Priorita 1: Senioři doma", "1.1 Pečovatelská služba o víkendu", "Priorita 2: Bydlení", "2.2 Poradna pro lidi v dluzích"])
    for entry, number in found.items():
        page = next(t for t in texts if printed_number(t) == number)
        heading = entry if entry.startswith("Priorita") else "Opatření " + entry.replace(" ", ": ", 1)
        assert heading in page, (entry, number, page[:200])


def test_the_plan_booklet_has_measure_indicator_and_settlement_tables(printed):
    text = " ".join(pages(printed / "komunitni-plan-2025-2028.pdf"))
    assert "Odpovídá Charita Lysá" in text  # the facts table of measure 1.1
    assert "Hodiny péče o víkendu (hodin za rok)" in text and "2025 250 naměřeno" in text and "2026 600 cíl" in text
    assert "Víkendová péče i v Milovicích." in text and "Částečně akceptována" in text and "veřejnost" in text
    assert "Připomínky k aktualizaci 2025" in text


def test_the_action_plan_booklet_has_the_measures_and_the_network_of_the_year(printed):
    texts = pages(printed / "akcni-plan-2025-2028-2025.pdf")
    text = " ".join(texts)
    assert "Akční plán na rok 2025" in texts[0]
    toc = next(t for t in texts if t.startswith("Obsah"))
    number = contents(toc, ["Síť služeb v roce 2025"])["Síť služeb v roce 2025"]
    assert "Síť služeb v roce 2025" in next(t for t in texts if printed_number(t) == number)
    assert "1.1 Pečovatelská služba o víkendu" in text and "600 000 Kč" in text
    assert "Pečovatelská služba Lysá" in text and "40 klienti" in text  # the year's capacity, not the catalogue's
    assert "Azylový dům pro matky s dětmi" in text  # in the area, from the catalogue


def test_the_plan_pdfs_are_tagged_and_titled(printed):
    reader = pypdf.PdfReader(printed / "komunitni-plan-2025-2028.pdf")
    assert reader.metadata.title == "Komunitní plán Testova 2025–2028"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
