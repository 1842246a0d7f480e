"""The preview's rebuilds: only what a change touches, and always what a full build would make."""

from __future__ import annotations

import threading

import pytest

from preview_edits import BUILD_ONLY, built, save
from sites import LIFE_SITUATION, LOCALITIES, PROVIDER, SERVICE, SERVICE_2, write_site

from catalogue import pipeline
from catalogue.render.env import BUILTIN_TEMPLATES
from catalogue.render.depends import Depends
from catalogue.serve.changes import affected_templates
from catalogue.serve.preview import Preview

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"
PAGE = "sluzby/azylovy-dum-lysa/index.html"


@pytest.fixture
def preview(tmp_path) -> Preview:
    content = write_site(tmp_path / "content")
    preview = Preview(content)
    assert preview.build().ok
    return preview


def test_first_build_serves_what_build_writes(preview, tmp_path):
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")
    assert not BUILD_ONLY & preview.snapshot.files.keys(), "the preview serves no service worker"


def test_after_edits_the_preview_equals_a_fresh_build(preview, tmp_path):
    save(preview, SERVICE_FILE, SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"))
    save(preview, "providers/charita-lysa.yaml", PROVIDER.replace("Charita Lysá", "Oblastní charita Lysá"))
    save(preview, "services/nova-sluzba.yaml", SERVICE_2.replace('"1234567"', '"7654321"'))
    save(preview, "services/pecovatelska-sluzba-lysa.yaml", None)
    save(preview, "localities/litol.yaml", LOCALITIES["litol"].replace("name: Litol", "name: Litol u Lysé"))
    save(preview, "life-situations/ztrata-bydleni.yaml", LIFE_SITUATION.replace("types: [azylove-domy]", "types: [pecovatelska-sluzba]"))
    assert preview.snapshot.errors == ()
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")


def test_moving_a_service_renders_the_lists_it_leaves_and_joins(preview, tmp_path):
    save(preview, "localities/milovice-2.yaml", "name: Benátky\nlevel: municipality\nparent: okres\n")
    moved = SERVICE_2.replace("area: [lysa]", "area: [milovice]").replace("locality: litol", "locality: milovice")
    save(preview, "services/pecovatelska-sluzba-lysa.yaml", moved)
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")


def test_an_edit_rereads_one_file_and_renders_only_the_pages_that_show_the_record(preview):
    update = save(preview, SERVICE_FILE, SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"))
    assert update.ok and update.changed == ["services/azylovy-dum-lysa"]
    assert preview.reader.reads == 1
    keys = Depends.expand(preview.good, preview.good, {"services/azylovy-dum-lysa"})
    showing = {path for path, plan in preview.plans.items() if "*" in plan.depends or plan.depends & keys}
    assert update.rendered == len(showing) and PAGE in showing
    assert "U Lípy" in preview.snapshot.files[PAGE].decode()


def test_saving_unchanged_content_renders_nothing(preview):
    before = dict(preview.snapshot.files)
    update = save(preview, SERVICE_FILE, SERVICE)
    assert update.ok and update.changed == [] and update.rendered == 0
    assert preview.snapshot.files == before


def test_a_broken_edit_keeps_the_last_good_site_and_a_fix_clears_the_errors(preview):
    before = dict(preview.snapshot.files)
    update = save(preview, SERVICE_FILE, SERVICE.replace("kind: registered", "kind: maybe"))
    assert not update.ok
    assert [p.format().split("/content/", 1)[1] for p in preview.snapshot.errors] == [
        "services/azylovy-dum-lysa.yaml:3:7: kind: \"maybe\" is not a kind of service; write one of: registrovaná (registered), související (related)"
    ]
    assert preview.snapshot.files == before
    update = save(preview, SERVICE_FILE, SERVICE)
    assert update.ok and preview.snapshot.errors == ()


def test_a_template_change_renders_the_pages_that_use_it(tmp_path):
    content = write_site(tmp_path / "content")
    theme = content / "theme" / "templates"
    theme.mkdir(parents=True)
    original = (BUILTIN_TEMPLATES / "provider.html").read_text(encoding="utf-8")
    (theme / "provider.html").write_text(original, encoding="utf-8")
    preview = Preview(content)
    preview.build()
    (theme / "provider.html").write_text(original.replace("</h1>", " (THEME)</h1>", 1), encoding="utf-8")
    update = preview.update({theme / "provider.html"})
    assert update.ok and update.rendered == 1 and update.changed == ["provider.html"]
    assert "(THEME)" in preview.snapshot.files["poskytovatele/charita-lysa/index.html"].decode()


def test_a_base_template_change_renders_every_page(tmp_path):
    roots = [BUILTIN_TEMPLATES]
    affected = affected_templates(roots, {BUILTIN_TEMPLATES / "base.html"})
    pages = {p.name for p in BUILTIN_TEMPLATES.glob("*.html")}
    users = {name for name in pages if "extends" in (BUILTIN_TEMPLATES / name).read_text(encoding="utf-8")}
    assert users <= affected and "base.html" in affected


def test_a_template_error_is_shown_and_the_last_good_site_kept(tmp_path):
    content = write_site(tmp_path / "content")
    theme = content / "theme" / "templates"
    theme.mkdir(parents=True)
    preview = Preview(content)
    preview.build()
    before = dict(preview.snapshot.files)
    (theme / "page.html").write_text("{% extends 'base.html' %}{% block main %}{{ page.title }{% endblock %}\n", encoding="utf-8")
    update = preview.update({theme / "page.html"})
    assert not update.ok and preview.snapshot.files == before
    (error,) = preview.snapshot.errors
    assert error.path.endswith("theme/templates/page.html") and error.line == 1 and "template error" in error.message
    (theme / "page.html").unlink()
    assert preview.update({theme / "page.html"}).ok and preview.snapshot.errors == ()


def test_editor_backup_and_swap_files_are_ignored(preview):
    assert preview.update({preview.content / "services" / ".azylovy-dum-lysa.yaml.swp"}) is None
    assert preview.update({preview.content / "services" / "azylovy-dum-lysa.yaml~"}) is None


def test_pages_on_screen_and_the_record_own_page_come_first_the_rest_after_the_reload(preview, tmp_path):
    preview.viewing("poskytovatele/charita-lysa/index.html")  # a tab shows the provider's page
    (preview.content / SERVICE_FILE).write_text(SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"), encoding="utf-8")
    update = preview.update({preview.content / SERVICE_FILE}, defer_outputs=True)
    assert update.ok
    served = preview.snapshot.files
    assert "U Lípy" in served[PAGE].decode()  # the record's own page
    assert "U Lípy" in served["poskytovatele/charita-lysa/index.html"].decode()  # on screen
    assert "sluzby/index.html" not in served  # the index of services is never served stale: it waits for finish()…
    assert "sluzby/index.html" in preview.snapshot.pending
    preview.finish()
    assert "U Lípy" in preview.snapshot.files["sluzby/index.html"].decode()
    assert not preview.snapshot.pending
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")


def slow_outputs(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Add a last output that, until released, holds the first ``finish`` (a national search
    index takes seconds); it writes ``slow.txt`` with the azylovy-dum-lysa service's name."""
    started, release = threading.Event(), threading.Event()
    real_steps = pipeline.output_steps()

    def slow(context):
        if not release.is_set():
            started.set()
            release.wait(10)
        context.tree.add("slow.txt", context.catalogue.services["azylovy-dum-lysa"].name, "test")

    monkeypatch.setattr(pipeline, "output_steps", lambda: [*real_steps, ("slow", slow)])
    return started, release


def test_a_save_is_shown_while_the_search_index_of_the_previous_one_is_still_being_made(preview, monkeypatch, tmp_path):
    # The extra outputs (search index: seconds at national scale) run outside the rebuild lock.
    started, release = slow_outputs(monkeypatch)

    def save_deferred(name: str):
        (preview.content / SERVICE_FILE).write_text(SERVICE.replace("Azylový dům pro matky s dětmi", name), encoding="utf-8")
        return preview.update({preview.content / SERVICE_FILE}, defer_outputs=True)

    assert save_deferred("Azylový dům Jedna").ok
    results: list = []
    first = threading.Thread(target=lambda: results.append(preview.finish()))
    first.start()
    assert started.wait(10)  # the first finish is making its outputs…
    assert save_deferred("Azylový dům Dva").ok  # …and the next save does not wait for it
    assert "Azylový dům Dva" in preview.snapshot.files[PAGE].decode()
    release.set()
    first.join(10)
    assert results == [None]  # made for a render that was replaced: dropped, not served
    assert "slow.txt" not in preview.snapshot.files
    again = preview.finish()
    assert again is not None and again.ok
    assert preview.snapshot.files["slow.txt"].decode() == "Azylový dům Dva"
    assert "Azylový dům Dva" in preview.snapshot.files[PAGE].decode()
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")  # slow.txt included


def test_pages_left_for_later_are_served_even_when_a_newer_save_overtakes_their_outputs(preview, monkeypatch, tmp_path):
    started, release = slow_outputs(monkeypatch)
    (preview.content / SERVICE_FILE).write_text(SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"), encoding="utf-8")
    assert preview.update({preview.content / SERVICE_FILE}, defer_outputs=True).ok
    first = threading.Thread(target=preview.finish)
    first.start()
    assert started.wait(10)  # the index of the list of services, renamed, is being made…
    assert "U Lípy" in preview.snapshot.files["sluzby/index.html"].decode()  # …and the list is already served
    situation = preview.content / "life-situations/ztrata-bydleni.yaml"
    situation.write_text(LIFE_SITUATION.replace("types: [azylove-domy]", "types: [pecovatelska-sluzba]"), encoding="utf-8")
    assert preview.update({situation}, defer_outputs=True).ok  # a save about something else overtakes it
    release.set()
    first.join(10)
    assert preview.finish() is not None
    assert preview.snapshot.files == built(preview.content, tmp_path / "public")
