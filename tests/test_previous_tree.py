"""The tree a build keeps beside the site (``.public.previous``) and the next build brings up to date.

Making a new tree for every build cost a national edit most of its time (17,000
folders made, 28,000 files linked, as many removed with the old site). The next
build takes the kept tree instead, changes in it only what differs, and swaps it
in: the site it gives must be a full build's, byte for byte, and a kept tree that
is not as the last build left it must never leak into the site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import catalogue.write as write_module
from test_incremental import build, cold_build, edit_text, fresh, move_service, rename_provider, tree_bytes, tree_stats


def kept(root: Path) -> Path:
    return root / ".public.previous"


def test_the_kept_tree_becomes_the_next_site_with_only_what_changed_touched(tmp_path):
    content, out = fresh(tmp_path)
    assert not kept(tmp_path).exists()  # the first build had no site to keep
    edit_text(content)
    build(content, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".public.previous", "content", "public"]
    site_before, tree_before = os.lstat(out).st_ino, os.lstat(kept(tmp_path)).st_ino
    before = tree_stats(out)
    rename_provider(content)
    build(content, out)
    assert os.lstat(out).st_ino == tree_before and os.lstat(kept(tmp_path)).st_ino == site_before  # the two trees traded places
    now = tree_stats(out)
    untouched = [p for p in now if (out / p).is_file() and now[p] == before.get(p)]
    assert "sluzby/nocleharna-nymburk/index.html" in untouched and len(untouched) > len(now) // 2
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path.parent / f"{tmp_path.name}-full"))


def _stray_file(tree: Path) -> None:
    (tree / "sluzby/nocleharna-nymburk/stray.html").write_text("not ours", encoding="utf-8")


def _stray_folder(tree: Path) -> None:
    (tree / "stray").mkdir()
    (tree / "stray/index.html").write_text("not ours", encoding="utf-8")


def _file_removed(tree: Path) -> None:
    (tree / "poskytovatele/index.html").unlink()


def _another_tree(tree: Path) -> None:
    copy = tree.with_name("copy")
    shutil.copytree(tree, copy, symlinks=True)
    (copy / "stray.html").write_text("not ours", encoding="utf-8")
    shutil.rmtree(tree)
    copy.rename(tree)


@pytest.mark.parametrize("damage", [_stray_file, _stray_folder, _file_removed, _another_tree], ids=["stray file", "stray folder", "file removed", "another tree"])
def test_a_kept_tree_touched_since_is_removed_and_a_new_one_made(tmp_path, damage):
    content, out = fresh(tmp_path)
    edit_text(content)
    build(content, out)
    damage(kept(tmp_path))
    rename_provider(content)
    build(content, out)
    made = tree_bytes(out)
    assert not any("stray" in p for p in made)
    assert made == tree_bytes(cold_build(content, tmp_path.parent / f"{tmp_path.name}-full"))


def test_a_site_edited_by_hand_is_not_kept_and_its_kept_twin_not_trusted(tmp_path):
    """A file edited in place is, through its hard link, edited in the kept tree too."""
    content, out = fresh(tmp_path)
    edit_text(content)
    build(content, out)
    (out / "poskytovatele/index.html").write_text("hand-edited", encoding="utf-8")
    rename_provider(content)
    build(content, out)
    assert not kept(tmp_path).exists()  # the site in place was not known whole: removed, not kept
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path.parent / f"{tmp_path.name}-full"))
    move_service(content)  # and the build after keeps the site again
    build(content, out)
    assert kept(tmp_path).exists()


def test_a_build_interrupted_after_bringing_the_kept_tree_up_to_date_leaves_the_site_and_no_debris(tmp_path, monkeypatch):
    content, out = fresh(tmp_path)
    edit_text(content)
    build(content, out)
    before = tree_bytes(out)
    real = write_module.swap_in

    def crash(*_, **__):
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "swap_in", crash)
    rename_provider(content)
    from conftest import run_cli

    assert run_cli("build", "--content", content, "--out", out).code == 130
    assert tree_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "public"]  # the kept tree was the one being made
    monkeypatch.setattr(write_module, "swap_in", real)
    build(content, out)
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path.parent / f"{tmp_path.name}-full"))
