"""The live preview with a community plan: an edit of a plan's file renders what shows it, and equals a fresh build."""

from __future__ import annotations

import pytest

from plan_sites import MEASURE_1_1, NEWS_2, write_plan_site
from preview_edits import built, save

from catalogue.serve.preview import Preview

MEASURE = "plans/2025-2028/measures/1-1.yaml"


@pytest.fixture
def preview(tmp_path) -> Preview:
    preview = Preview(write_plan_site(tmp_path / "content"))
    assert preview.build().ok
    return preview


def test_renaming_a_measure_renders_its_plan_and_the_service_it_develops_and_rereads_one_file(preview):
    update = save(preview, MEASURE, MEASURE_1_1.replace("title: Pečovatelská služba o víkendu", "title: Péče i o víkendu"))
    assert update.ok and update.changed == ["plan-measures/2025-2028/1-1"] and preview.reader.reads == 1
    files = preview.snapshot.files
    assert "Péče i o víkendu" in files["komunitni-plan/2025-2028/opatreni/1-1/index.html"].decode()
    assert "Péče i o víkendu" in files["komunitni-plan/2025-2028/index.html"].decode()
    assert "Péče i o víkendu" in files["sluzby/pecovatelska-sluzba-lysa/index.html"].decode()
    assert "Péče i o víkendu" in files["cilove-skupiny/seniori/index.html"].decode()
    assert "Péče i o víkendu" not in files["sluzby/azylovy-dum-lysa/index.html"].decode()


def test_after_edits_of_every_kind_of_plan_file_the_preview_equals_a_fresh_build(preview, tmp_path):
    save(preview, MEASURE, MEASURE_1_1.replace("services: [pecovatelska-sluzba-lysa]", "services: [azylovy-dum-lysa]"))
    save(preview, "plans/2025-2028/priorities/3.yaml", "number: 3\ntitle: Rodiny\n")
    save(preview, "plans/2025-2028/measures/3-1.yaml", "number: 3.1\ntitle: Poradna pro rodiny\nresponsible: charita-lysa\n")
    save(preview, "news/2026-05-04-vikendy.md", NEWS_2.replace("Nová víkendová péče", "Víkendová péče začala"))
    save(preview, "files/zapis-2026-06-02.pdf", None)
    save(preview, "plans/2025-2028/working-groups/seniori.yaml",
         (preview.content / "plans/2025-2028/working-groups/seniori.yaml").read_text().replace("minutes_pdf: zapis-2026-06-02.pdf", "title: Bez zápisu"))
    assert preview.snapshot.errors == ()
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")


def test_a_new_plan_puts_the_plan_into_every_pages_menu(tmp_path):
    from sites import write_site

    preview = Preview(write_site(tmp_path / "content"))
    assert preview.build().ok and "komunitni-plan" not in preview.snapshot.files["index.html"].decode()
    plan = "title: Plán\nperiod: {start: 2026, end: 2027}\nstatus: draft\narea: [lysa]\n"
    update = save(preview, "plans/2026-2027.yaml", plan)
    assert update.ok
    assert "komunitni-plan/" in preview.snapshot.files["sluzby/azylovy-dum-lysa/index.html"].decode()
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")
