"""A cache in two sealed files: the whole one, and the few entries made since (what a one-edit build writes)."""

from __future__ import annotations

from pathlib import Path

from catalogue.sealed import RECENT_MIN, Layered


def entries(n: int, prefix: str = "k") -> dict[str, bytes]:
    return {f"{prefix}{i}": f"value {i}".encode() * 10 for i in range(n)}


def test_a_few_new_entries_go_to_the_recent_file_and_the_whole_file_stays_as_it_was(tmp_path: Path):
    path = tmp_path / "parts.pickle"
    first = entries(1000)
    Layered(path).save(first)
    whole = path.read_bytes()
    cache = Layered(path)
    assert cache.entries == first
    used = {**first, "new": b"made now"}
    del used["k5"]  # an entry of an edited record's old version: no longer used
    cache.save(used)
    assert path.read_bytes() == whole  # not written again
    recent = tmp_path / "parts.recent.pickle"
    assert recent.is_file() and recent.stat().st_size < len(whole) // 50
    again = Layered(path)
    assert again.entries == {**first, "new": b"made now"}  # the unused one is dropped only at the next whole save
    again.save(used)
    assert Layered(path).entries.keys() == first.keys() | {"new"}


def test_when_the_files_differ_too_much_from_what_a_run_used_the_whole_is_written_again(tmp_path: Path):
    path = tmp_path / "parts.pickle"
    Layered(path).save(entries(1000))
    used = entries(1000, prefix="other")  # a catalogue changed through and through
    assert len(used) > RECENT_MIN
    Layered(path).save(used)
    assert not (tmp_path / "parts.recent.pickle").exists()
    assert Layered(path).entries == used  # the old entries gone


def test_a_recent_file_made_beside_another_whole_file_is_never_read(tmp_path: Path):
    path, recent = tmp_path / "parts.pickle", tmp_path / "parts.recent.pickle"
    Layered(path).save(entries(100))
    cache = Layered(path)
    cache.save({**cache.entries, "new": b"x"})
    old_recent = recent.read_bytes()
    Layered(path).save(entries(100, prefix="other"))  # a whole save (its own token)
    recent.write_bytes(old_recent)  # the recent file of the one before, left behind (say, it could not be removed)
    assert "new" not in Layered(path).entries


def test_a_file_of_another_shape_or_not_this_users_counts_as_none(tmp_path: Path):
    path = tmp_path / "parts.pickle"
    Layered(path).save(entries(10))
    assert Layered(path, valid=lambda found: "k0" not in found).entries == {}
    path.write_bytes(b"planted, unsealed")
    assert Layered(path).entries == {}
    assert Layered(None).entries == {} and Layered(None).save(entries(3)) is None  # memory only: nothing written
