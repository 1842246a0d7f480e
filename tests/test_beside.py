"""The slow outputs of an incremental build made in a forked child while the pages render: the same files, or none.

:class:`catalogue.workers.Ahead` runs work in a child and gives back its result, or None
whenever anything went wrong; :class:`catalogue.incremental.Beside` uses it for the search
index and the open data, and the build makes them itself when the child gave nothing.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest

from catalogue import incremental, workers
from catalogue.sealed import write_sealed
from catalogue.workers import Ahead
from conftest import ROOT
from test_incremental import build, cold_build, edit_text, tree_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a child is forked only where a process can fork")


def test_the_child_gives_back_what_its_work_returned():
    ahead = Ahead(lambda: {"pid": os.getpid(), "files": [("a.json", b"{}" * 100_000, "x")]})
    made = ahead.take()
    assert made["pid"] != os.getpid()  # made in the child
    assert made["files"] == [("a.json", b"{}" * 100_000, "x")]  # more than a pipe's buffer
    assert ahead.take() is None  # taken once


@pytest.mark.parametrize("work", [lambda: 1 / 0, lambda: (lambda: None), lambda: os._exit(3)], ids=["raises", "unpicklable", "dies"])
def test_a_child_that_fails_in_any_way_gives_none(work):
    assert Ahead(work).take() is None


def test_a_cancelled_child_is_ended_and_reaped_at_once():
    ahead = Ahead(lambda: time.sleep(60))
    pid, started = ahead.pid, time.monotonic()
    ahead.cancel()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # no zombie left: it was reaped
    assert ahead.take() is None


@pytest.fixture()
def given(monkeypatch) -> list[dict | None]:
    """Always use the child (whatever this machine's cores), and record what each build took from it."""
    monkeypatch.setattr(incremental.Beside, "possible", staticmethod(lambda survey: survey is not None and survey.manifest is not None and not survey.reason))
    taken: list[dict | None] = []
    take = Ahead.take
    monkeypatch.setattr(Ahead, "take", lambda self: taken.append(made := take(self)) or made)
    return taken


def edited_demo(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(".cache"))
    content, out = tmp_path / "content", tmp_path / "public"
    build(content, out)
    edit_text(content)
    return content, out


def test_an_incremental_build_takes_the_search_index_and_open_data_from_the_child(tmp_path, given):
    content, out = edited_demo(tmp_path)
    assert "znovu vysázeno" in build(content, out)  # incremental
    (made,) = given
    assert made is not None and set(made) == {"markdown", "search", "search-ids", "opendata"}
    files = {path for name in ("search", "search-ids", "opendata") for path, _, _ in made[name][0]}
    assert "search/index.json" in files and "search/ids.json" in files and any(p.startswith("data/") for p in files)
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path / "cold"))


def test_when_the_child_fails_the_build_makes_the_same_files_itself(tmp_path, given, monkeypatch):
    content, out = edited_demo(tmp_path)
    monkeypatch.setattr(incremental, "made_beside", lambda build, steps: 1 / 0)  # what the child runs: it fails
    assert "znovu vysázeno" in build(content, out)
    assert given == [None]
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path / "cold"))


def test_a_full_build_makes_everything_itself(tmp_path, given):
    content, out = edited_demo(tmp_path)
    build(content, out, "--full")
    assert given == []  # no child: nothing to compare with, every page rendered by the render's own workers


def test_when_no_child_can_be_forked_the_build_makes_everything_itself(tmp_path, given, monkeypatch):
    content, out = edited_demo(tmp_path)

    def no_fork():
        raise OSError(errno.ENOMEM, "Cannot allocate memory")

    monkeypatch.setattr(workers.os, "fork", no_fork)
    assert "znovu vysázeno" in build(content, out)
    assert given == [None]
    assert tree_bytes(out) == tree_bytes(cold_build(content, tmp_path / "cold"))


def test_a_cancelled_child_leaves_no_half_written_cache_file(tmp_path):
    big = {i: os.urandom(1000) for i in range(100_000)}  # 100 MB: still being written when cancelled
    ahead = Ahead(lambda: write_sealed(tmp_path / "services.pickle", big))
    time.sleep(0.3)
    ahead.cancel()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("child", [True, False], ids=["beside", "alone"])
def test_a_damaged_search_file_is_made_again_with_the_result_ids(tmp_path, monkeypatch, child):
    """The result ids are made from the search documents in memory: when one of the search's files was
    damaged and nothing was edited, both steps run again (the ids were once written empty so)."""
    if not child:
        monkeypatch.setattr(incremental.Beside, "possible", staticmethod(lambda survey: False))
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(".cache"))
    content, out = tmp_path / "content", tmp_path / "public"
    build(content, out)
    good = (out / "search/ids.json").read_bytes()
    (out / "search/ids.json").write_text("{}", encoding="utf-8")
    build(content, out)
    assert (out / "search/ids.json").read_bytes() == good
