"""The state an incremental build compares with names its records by their keys in the record cache.

The published catalogue of the last build used to be pickled whole (35 MB at national
scale, 1.5 s to write, 0.8 s to read); its records are the record cache's own, so the
state names them by key and the next build finds them in its cache — the unchanged
ones are then the very objects of the new catalogue, compared by identity.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from catalogue import manifest
from catalogue.sealed import read_sealed
from catalogue.validate.cache import RecordCache, default_cache_folder
from conftest import ROOT, run_cli
from test_incremental import build, cold_build, edit_text, replace, tree_bytes


def built_demo(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(".cache"))
    content, out = tmp_path / "content", tmp_path / "public"
    build(content, out)
    return content, out


def state_of(content: Path, out: Path, cache: RecordCache | None) -> manifest.State | None:
    record = manifest.read_manifest(content, out)
    assert record is not None
    return manifest.read_state(content, out, record, cache.record if cache else None)


def test_the_state_names_the_records_and_finds_them_in_the_record_cache(tmp_path):
    content, out = built_demo(tmp_path)
    assert state_of(content, out, None) is None  # the records are not in it: without the cache it cannot be read
    cache = RecordCache(default_cache_folder(content))
    state = state_of(content, out, cache)
    assert state is not None
    records = {id(e.record) for e in cache.entries.values()}
    services = state.catalogue.services.values()
    # the cache's own objects; the others were made from them (a term named by its name, a shelter's address redacted)
    assert sum(id(s) in records for s in services) > len(services) / 2


def test_a_state_whose_records_the_cache_lost_makes_a_full_build_as_right_as_any(tmp_path):
    content, out = built_demo(tmp_path)
    edit_text(content)
    shutil.rmtree(default_cache_folder(content))  # the record cache gone (deleted, another machine's checkout)
    said = build(content, out)
    assert "znovu vysázeno" not in said  # not incremental: the last catalogue could not be read back
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path / "cold"))


def test_after_an_edit_the_state_holds_the_edited_record_as_it_is_now(tmp_path):
    content, out = built_demo(tmp_path)
    edit_text(content)
    assert "znovu vysázeno" in build(content, out)
    state = state_of(content, out, RecordCache(default_cache_folder(content)))
    assert state is not None and "tanec" in state.catalogue.services["klub-senioru-lysa"].summary
    assert read_sealed(next(manifest.folder(content).glob("*.state"))) is None  # still only by reference


def test_a_check_between_two_builds_keeps_the_next_one_incremental(tmp_path):
    """``check`` (or the preview) uses the files as they are now: the record the last build published
    (the edited file's version then) stays in the record cache all the same, pinned by the state."""
    content, out = built_demo(tmp_path)
    edit_text(content)
    assert "znovu vysázeno" in build(content, out)
    replace(content / "services/klub-senioru-lysa.yaml", "a tanec", "a zpěv")
    assert run_cli("check", "--content", content).code == 0
    assert "znovu vysázeno" in build(content, out)
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path / "cold"))


def test_an_edit_that_publishes_nothing_between_two_builds_keeps_the_next_one_incremental(tmp_path):
    content, out = built_demo(tmp_path)
    service = content / "services/klub-senioru-lysa.yaml"
    edit_text(content)
    assert "znovu vysázeno" in build(content, out)
    service.write_text(service.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    build(content, out)  # nothing published changed: the state stays as it was
    replace(service, "a tanec", "a zpěv")
    assert "znovu vysázeno" in build(content, out)
