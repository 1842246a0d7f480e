"""A warm check reads no record file that stands as the last run recorded it (size, times, inode), and still sees every edit."""

from __future__ import annotations

import hashlib
import os

import pytest

import catalogue.load.content as content_module
import catalogue.load.known as known_module
from catalogue.sealed import unseal, write_sealed
from catalogue.validate.cache import RecordCache, default_cache_folder
from catalogue.validate.stage import check_content
from sites import SERVICE, edit_keeping_size_and_time

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"


@pytest.fixture
def settled(monkeypatch):
    """Files written by the test count as settled at once (the racy rule is tested on its own below)."""
    monkeypatch.setattr(known_module, "RACY_NS", 0)


def count_reads(monkeypatch, content) -> list[str]:
    """Record every content file opened from now on (relative to ``content``)."""
    opened: list[str] = []
    real = content_module.read_with_stat

    def reading(path):
        opened.append(os.path.relpath(path, content))
        return real(path)

    monkeypatch.setattr(content_module, "read_with_stat", reading)
    return opened


def check(content):
    cache = RecordCache(default_cache_folder(content))
    loaded = check_content(content, cache=cache)
    return loaded, cache


def test_a_warm_check_reads_no_record_file_and_reports_the_same(make_site, settled, monkeypatch):
    """A problem of the cross-record checks still has its line and column: the file is read then, and only then."""
    content = make_site({SERVICE_FILE: SERVICE.replace("provider: charita-lysa", "provider: charita-lisa")})
    first, _ = check(content)
    opened = count_reads(monkeypatch, content)
    second, cache = check(content)
    assert [p.format() for p in second.problems.sorted()] == [p.format() for p in first.problems.sorted()]
    assert any(f"{SERVICE_FILE}:2:11: provider" in p.format() for p in second.problems.errors)
    assert opened and all(name == "site.yaml" or name.startswith(("vocabularies/", "pages/")) for name in opened)  # parsed at once
    assert cache.files is not None and cache.files.unread > 5 and cache.misses == 0
    assert second.documents[SERVICE_FILE.removesuffix(".yaml")].source.startswith(b"name:")  # read when asked for


def test_an_edit_that_keeps_the_size_and_puts_the_time_back_is_seen(make_site, settled):
    """``touch -d``/``cp -p`` keep size and mtime: the change time (which nobody can set back) still differs."""
    content = make_site({})
    check(content)
    edit_keeping_size_and_time(content)
    loaded, cache = check(content)
    assert any('"registerez" is not a kind of service' in p.message for p in loaded.problems.errors)
    assert cache.misses == 1


def test_a_file_touched_without_change_is_read_and_is_a_cache_hit(make_site, settled):
    content = make_site({})
    _, first = check(content)
    os.utime(content / SERVICE_FILE)
    _, cache = check(content)
    assert cache.misses == 0 and cache.hits == first.misses
    assert cache.files is not None and cache.files.unread == first.misses - 2  # that one, and the page (read at once)


def test_files_changed_just_before_the_record_was_made_are_read_again(make_site):
    """Racy git: a second write within the clock's resolution could keep every value of the stat, so such a file is not trusted."""
    content = make_site({})
    check(content)
    _, cache = check(content)  # the test wrote every file a moment ago
    assert cache.files is not None and cache.files.unread == 0
    assert cache.hits > 5 and cache.misses == 0


def test_a_file_the_stat_vouches_for_but_the_cache_does_not_know_is_validated_from_its_bytes(make_site, settled):
    """The record cache gone (or the code changed): the file is read, and its entry is keyed by what it holds."""
    content = make_site({SERVICE_FILE: SERVICE.replace("kind: registered", "kind: sometimes")})
    check(content)
    (default_cache_folder(content) / "records.pickle").unlink()
    loaded, cache = check(content)
    assert any('"sometimes" is not a kind of service' in p.message for p in loaded.problems.errors)
    assert cache.hits == 0 and cache.misses > 5
    _, again = check(content)
    assert again.misses == 0 and again.files is not None and again.files.unread == again.hits - 1  # the page is read at once


def test_a_file_changed_after_its_stat_is_validated_and_keyed_by_what_it_holds_now(make_site, settled):
    """What the stat vouched for is used only to find a cache entry; a record validated anew is keyed by the bytes it was made from."""
    content = make_site({})
    check(content)
    files = default_cache_folder(content) / "files.pickle"
    known = unseal(files.read_bytes())
    name = next(path for path in known["files"] if path.endswith(SERVICE_FILE))
    known["files"][name] = (known["files"][name][0], hashlib.sha256(b"what the file held before").digest())
    write_sealed(files, known)
    (default_cache_folder(content) / "records.pickle").unlink()
    _, cache = check(content)
    real = hashlib.sha256((content / SERVICE_FILE).read_bytes()).digest()
    assert RecordCache.key("services", "azylovy-dum-lysa", real, "CZ") in cache.entries
    assert unseal(files.read_bytes())["files"][name][1] == real


def test_a_check_from_elsewhere_does_not_take_the_paths_of_another(make_site, settled, monkeypatch):
    """The loader's paths are relative when the content folder is given relative: another working directory starts afresh."""
    content = make_site({})
    monkeypatch.chdir(content.parent)
    check(content.relative_to(content.parent))
    _, cache = check(content)
    assert cache.files is not None and cache.files.unread == 0 and cache.misses == 0


def test_check_hands_its_own_look_at_the_files_to_the_loader_which_still_sees_the_edit(make_site, settled, monkeypatch):
    """``check`` has just looked at every file (``validate/last.py``): the loader compares with that look instead of a second stat."""
    import catalogue.validate.last as last
    from conftest import run_cli

    monkeypatch.setattr(last, "RACY_NS", 0)
    content = make_site({})
    assert run_cli("check", "--content", content).code == 0
    edit_keeping_size_and_time(content)
    path = content / SERVICE_FILE
    looks: list = []
    real = RecordCache.known_files

    def spying(self, content, stats=None):
        looks.append(stats)
        return real(self, content, stats)

    monkeypatch.setattr(RecordCache, "known_files", spying)
    result = run_cli("check", "--content", content)
    assert result.code == 1 and "registerez" in result.out and f"{SERVICE_FILE}:3:7: kind" in result.out
    assert looks[0] is not None and looks[0][str(path)][2] == os.stat(path).st_ino
