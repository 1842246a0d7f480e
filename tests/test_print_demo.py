"""The demo catalogue in print: every service in the booklet, every leaflet fits, no secret address anywhere."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, TODAY_EPOCH, run_cli

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
