"""``build``: atomic, deterministic, safe output."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from conftest import run_cli
from sites import PROVIDER, SERVICE, write_site

import catalogue.write as write_module


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def all_text(folder: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in sorted(folder.rglob("*")) if p.is_file())


def test_build_writes_a_page_per_record(site, tmp_path):
    out = tmp_path / "public"
    result = run_cli("build", "--content", site, "--out", out)
    assert result.code == 0, result.out
    for page in [
        "index.html",
        "404.html",
        "sluzby/azylovy-dum-lysa/index.html",
        "sluzby/pecovatelska-sluzba-lysa/index.html",
        "poskytovatele/charita-lysa/index.html",
        "lokality/lysa/index.html",
        "zivotni-situace/ztrata-bydleni/index.html",
        "stranky/o-katalogu/index.html",
    ]:
        assert (out / page).is_file(), page


def test_two_builds_are_byte_identical(site, tmp_path):
    run_cli("build", "--content", site, "--out", tmp_path / "a")
    run_cli("build", "--content", site, "--out", tmp_path / "b")
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_rebuild_in_place_changes_no_byte(site, tmp_path):
    out = tmp_path / "public"
    run_cli("build", "--content", site, "--out", out)
    first = tree_digest(out)
    run_cli("build", "--content", site, "--out", out)
    assert tree_digest(out) == first


def test_failed_build_leaves_the_previous_site_untouched(make_site, tmp_path):
    content = make_site({})
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    before = tree_digest(out)
    make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("kind: registered", "kind: maybe")})
    result = run_cli("build", "--content", content, "--out", out)
    assert result.code == 1
    assert result.lines[-1] == f"nic nezapsáno; {out} je beze změny"
    assert tree_digest(out) == before


def test_interrupted_write_leaves_the_previous_site_and_no_debris(site, tmp_path, monkeypatch):
    out = tmp_path / "public"
    run_cli("build", "--content", site, "--out", out)
    before = tree_digest(out)

    def crash(*_, **__):
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "swap_in", crash)
    write_site(site, {"services/azylovy-dum-lysa.yaml": SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy")})
    assert run_cli("build", "--content", site, "--out", out).code == 130  # an incremental build: files linked, then the swap
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "public"]


def test_a_confidential_street_in_the_content_stops_the_build(make_site, tmp_path):
    """The address must not be in the repository at all: the build refuses rather than quietly hiding it."""
    leaky = SERVICE.replace("address: {city: Lysá nad Labem}", "address: {street: Tajná, number: \"4711/3\", city: Lysá nad Labem}")
    content = make_site({"services/azylovy-dum-lysa.yaml": leaky})
    out = tmp_path / "public"
    result = run_cli("build", "--content", content, "--out", out)
    assert result.code == 1 and not out.exists()
    assert "services/azylovy-dum-lysa.yaml:15:23: locations[0].address.street: utajené místo tohle v obsahu nesmí mít vůbec" in result.out


def test_markdown_is_sanitised(make_site, tmp_path):
    evil = PROVIDER.replace(
        "description: Charita pomáhá lidem v nouzi.",
        'description: |\n  <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)"> <b onclick="alert(4)">B</b>',
    )
    content = make_site({"providers/charita-lysa.yaml": evil})
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    page = (out / "poskytovatele/charita-lysa/index.html").read_text()
    for bad in ("<script>alert", "javascript:", "onerror", "onclick", "alert(1)"):
        assert bad not in page
    assert "<b>B</b>" in page


def test_two_owners_of_one_path_are_refused():
    tree = write_module.OutputTree()
    tree.add("sluzby/x/index.html", "a", "service x")
    with pytest.raises(Exception, match='two things want to write "sluzby/x/index.html": service x and page x'):
        tree.add("sluzby/x/", "b", "page x")


def test_output_outside_the_site_is_refused():
    tree = write_module.OutputTree()
    with pytest.raises(Exception, match="outside the site"):
        tree.add("../etc/passwd", "x", "evil")


def test_source_date_epoch_is_the_only_clock(site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    run_cli("build", "--content", site, "--out", tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    run_cli("build", "--content", site, "--out", tmp_path / "b")
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_output_files_are_world_readable(site, tmp_path):
    out = tmp_path / "public"
    run_cli("build", "--content", site, "--out", out)
    assert all(os.stat(p).st_mode & 0o444 == 0o444 for p in out.rglob("*"))


@pytest.mark.parametrize("frozen_before", [False, True], ids=["as a command", "in the live preview (frozen for good)"])
def test_a_build_collects_garbage_only_while_rendering_and_leaves_the_collector_as_it_found_it(site, tmp_path, monkeypatch, frozen_before):
    """The catalogue's million objects last to the end: only the steps that leave cyclic garbage run the collector."""
    import gc

    from catalogue import pipeline

    seen: dict[str, bool] = {}

    def noting(step: str, real):
        def run(*args, **kwargs):
            seen.setdefault(step, gc.isenabled())
            return real(*args, **kwargs)

        return run

    monkeypatch.setattr(pipeline, "render_pages", noting("render", pipeline.render_pages))
    monkeypatch.setattr(pipeline, "write_service_worker", noting("offline", pipeline.write_service_worker))
    if frozen_before:
        gc.freeze()
    try:
        assert run_cli("build", "--content", site, "--out", tmp_path / "public").code == 0
        assert seen == {"render": True, "offline": False}
        assert gc.isenabled() and (gc.get_freeze_count() > 0) == frozen_before
    finally:
        gc.unfreeze()
