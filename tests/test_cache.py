"""The record cache: a second check of unchanged content parses nothing, and says the same."""

from __future__ import annotations

import catalogue.load.content as content_module
import catalogue.load.document as document_module
from catalogue.validate.cache import RecordCache, default_cache_folder
from catalogue.validate.stage import check_content as load
from sites import SERVICE


def count_parses(monkeypatch) -> list[int]:
    calls = [0]
    real = content_module.parse_record

    def counting(source):
        calls[0] += 1
        return real(source)

    monkeypatch.setattr(content_module, "parse_record", counting)  # the files read at once
    monkeypatch.setattr(document_module, "parse_record", counting)  # the records, parsed on demand
    return calls


def test_second_check_of_unchanged_content_parses_no_record(site, monkeypatch):
    first = load(site)
    calls = count_parses(monkeypatch)
    second = load(site)
    assert calls[0] == 1 + 5  # only site.yaml and the five vocabularies, which are always read
    assert second.catalogue.services == first.catalogue.services
    assert second.problems.sorted() == first.problems.sorted()


def test_a_changed_file_is_validated_again(make_site, monkeypatch):
    content = make_site({})
    load(content)
    make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("kind: registered", "kind: sometimes")})
    calls = count_parses(monkeypatch)
    result = load(content)
    assert calls[0] == 1 + 5 + 1
    assert any('"sometimes" is not a kind of service' in p.message for p in result.problems.errors)


def test_cached_problems_are_reported_again_with_positions(make_site):
    content = make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("count: 12", 'count: "12"')})
    first = [p.format() for p in load(content).problems.sorted()]
    second = [p.format() for p in load(content).problems.sorted()]
    assert first == second and any(":10:20: capacity[0].count" in line for line in second)


def test_cache_lives_inside_the_content_ignores_itself_and_survives_corruption(site):
    """A standalone content folder (``check --content /x/content``) keeps its cache to itself, not in ``/x``."""
    outside = sorted(p.name for p in site.parent.iterdir())
    load(site)
    path = default_cache_folder(site) / "records.pickle"
    assert path.is_file() and path.is_relative_to(site / ".cache")
    assert sorted(p.name for p in site.parent.iterdir()) == outside
    assert (site / ".cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (site / ".cache" / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    path.write_bytes(b"not a pickle")
    assert not load(site).problems.has_errors()


def test_memory_only_cache_writes_nothing(site):
    load(site, cache=RecordCache(None))
    assert not default_cache_folder(site).exists()


def test_many_files_are_validated_in_worker_processes_with_the_same_outcome(make_site, monkeypatch):
    """A cold check of many files validates them in forked workers: the same records, problems and cache entries."""
    from catalogue.validate import files

    content = make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("kind: registered", "kind: sometimes")})
    alone_cache = RecordCache(None)
    alone = load(content, cache=alone_cache)
    pools = []
    real_pool = files.forked_pool

    def counted(workers):
        pools.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(files, "PARALLEL_FROM", 2)
    monkeypatch.setattr(files, "CHUNK", 3)
    monkeypatch.setattr(files, "idle_cores", lambda: 2)
    monkeypatch.setattr(files, "forked_pool", counted)
    cache = RecordCache(None)
    shared = load(content, cache=cache)
    assert pools == [2]
    assert shared.problems.sorted() == alone.problems.sorted()
    assert any('"sometimes" is not a kind of service' in p.message for p in shared.problems.errors)
    assert shared.catalogue.records == alone.catalogue.records
    assert cache.entries == alone_cache.entries and cache.misses == alone_cache.misses > 0


def test_workers_are_started_only_for_idle_cores(monkeypatch):
    from catalogue import workers

    monkeypatch.setattr(workers, "available_cores", lambda: 4)
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (1.3, 0.0, 0.0))  # this process's previous run
    assert workers.idle_cores() == 4
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (3.6, 0.0, 0.0))
    assert workers.idle_cores() == 2
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (9.0, 0.0, 0.0))
    assert workers.idle_cores() == 1  # a busy machine: validated in this process


def test_an_edit_writes_the_new_entry_alone_until_the_cache_is_worth_writing_whole(make_site, monkeypatch):
    """One edited file of the national catalogue wrote the whole cache again (28 MB, 1 s); now a small file of recent entries."""
    from catalogue import sealed

    content = make_site({})
    load(content)
    folder = default_cache_folder(content)
    whole, recent = folder / "records.pickle", folder / "records.recent.pickle"
    before = whole.read_bytes()
    make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("count: 12", "count: 14")})
    load(content)
    assert whole.read_bytes() == before and len(RecordCache(folder).recent) == 1
    calls = count_parses(monkeypatch)
    assert not load(content).problems.has_errors() and calls[0] == 1 + 5  # the edited file comes from the recent entries
    assert whole.read_bytes() == before

    monkeypatch.setattr(sealed, "RECENT_MIN", 1)  # beyond what the recent file may hold: written whole again
    make_site({"services/azylovy-dum-lysa.yaml": SERVICE.replace("count: 12", "count: 16")})
    load(content)
    assert whole.read_bytes() != before and not recent.exists()
    cache = RecordCache(folder)
    assert not cache.recent and len(cache.entries) == len(cache.base) == 5 + 2 + 1 + 1 + 1  # the old entries dropped


def test_a_planted_recent_file_is_ignored_with_a_note(site, caplog):
    load(site)
    recent = default_cache_folder(site) / "records.recent.pickle"
    recent.write_bytes(b"\x80\x04not sealed")
    assert not load(site).problems.has_errors()
    assert caplog.messages == [f"note: the record cache {recent} cannot be used (not a sealed cache); it is ignored and written again"]
    caplog.clear()
    load(site)
    assert caplog.messages == []  # it was
