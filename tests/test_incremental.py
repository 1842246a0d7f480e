"""The incremental build: nothing written when nothing changed; after an edit, the same bytes as a full build.

Every edit an editor makes (a service's text, a provider's name, a service moved,
a record added or deleted, a plan's measure, a template, site.yaml, a static file)
is built incrementally into one folder and in full into another, and every file of
the two trees is compared. The demo content is used: it has every kind of record.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue import manifest
from catalogue.render.env import forget_environments
from catalogue.outputs.opendata import csv_export
from catalogue.search import analysed, documents
from conftest import ROOT, run_cli


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Return every file below ``folder`` by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def tree_stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Return (modification time, inode) of every file below ``folder``."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_ino) for p in folder.rglob("*")}


def build(content: Path, out: Path, *extra: str) -> str:
    forget_environments()  # a theme template written by the test replaces a built-in one of the same name
    result = run_cli("build", "--content", content, "--out", out, *extra)
    assert result.code == 0, result.out + result.err
    return result.out


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A copy of the demo content, built once into ``public`` beside it."""
    root = tmp_path_factory.mktemp("incremental")
    shutil.copytree(ROOT / "content", root / "content", ignore=shutil.ignore_patterns(".cache"))
    return root


def fresh(tmp_path: Path) -> tuple[Path, Path]:
    """Return a new copy of the demo content and its output folder, built once."""
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(".cache"))
    content, out = tmp_path / "content", tmp_path / "public"
    build(content, out)
    return content, out


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_line(path: Path, prefix: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(prefix))


def edit_text(c: Path) -> None:
    replace(c / "services/klub-senioru-lysa.yaml", "zájezdy a kurzy", "zájezdy, kurzy a tanec")


def rename_provider(c: Path) -> None:
    path = c / "providers/spolek-senioru-polabi.yaml"
    name = first_line(path, "name: ")
    replace(path, name, name + " a okolí")


def move_service(c: Path) -> None:
    replace(c / "services/klub-senioru-lysa.yaml", "area: [lysa-nad-labem, stratov, ostra, jirice]", "area: [milovice]")


def add_record(c: Path) -> None:
    text = (c / "services/klub-senioru-lysa.yaml").read_text(encoding="utf-8")
    name = first_line(c / "services/klub-senioru-lysa.yaml", "name: ")
    (c / "services/klub-senioru-stratov.yaml").write_text(text.replace(name, "name: Klub seniorů Stratov"), encoding="utf-8")


def delete_record(c: Path) -> None:
    (c / "services/klub-senioru-stratov.yaml").unlink()


def change_measure(c: Path) -> None:
    path = sorted((c / "plans/2020-2024/measures").glob("*.yaml"))[0]
    name = first_line(path, "name: ") if "\nname: " in "\n" + path.read_text(encoding="utf-8") else first_line(path, "title: ")
    replace(path, name, name + " (upraveno)")


def change_template(c: Path) -> None:
    folder = c / "theme/templates"
    folder.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "templates/service.html").read_text(encoding="utf-8")
    (folder / "service.html").write_text(text + "\n{# a theme's own service page #}\n<!-- theme -->\n", encoding="utf-8")


def change_site(c: Path) -> None:
    path = c / "site.yaml"
    title = first_line(path, "title: ")
    replace(path, title, title + " a okolí")


def add_static(c: Path) -> None:
    folder = c / "theme/static"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "extra.css").write_text("body { outline: 0; }\n", encoding="utf-8")


#: (what, the edit, whether the build renders some pages only: None for "all may be", site.yaml shows on every page)
EDITS: list[tuple[str, Callable[[Path], None], bool | None]] = [
    ("a service's text", edit_text, True),
    ("a provider renamed", rename_provider, True),
    ("a service moved to another locality", move_service, True),
    ("a record added", add_record, True),
    ("a record deleted", delete_record, True),
    ("a plan's measure", change_measure, True),
    ("site.yaml", change_site, None),
    ("a template", change_template, False),
    ("a static file", add_static, False),
]


def cold_build(content: Path, root: Path) -> Path:
    """Build a copy of ``content`` without its caches (``.cache``: records, search documents) in full; return the output."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(content, root / "content", ignore=shutil.ignore_patterns(".cache"))
    build(root / "content", root / "public", "--full")
    return root / "public"


def test_after_each_edit_the_incremental_tree_is_byte_identical_to_a_full_build(demo):
    content, out = demo / "content", demo / "public"
    build(content, out)
    for what, edit, incremental in EDITS:
        edit(content)
        said = build(content, out)
        assert incremental is None or ("znovu vysázeno" in said) == incremental, f"{what}: {said}"
        incremental_tree, full_tree = tree_bytes(out), tree_bytes(cold_build(content, demo / "full"))
        assert incremental_tree.keys() == full_tree.keys(), what
        differ = sorted(p for p in full_tree if incremental_tree[p] != full_tree[p])
        assert not differ, f"{what}: {differ[:5]}"


@pytest.mark.parametrize("edit", [edit_text, add_record, rename_provider], ids=["edited", "added", "provider renamed"])
def test_the_search_index_and_the_open_data_after_an_edit_are_a_cold_full_builds(tmp_path, edit):
    """What the search step keeps from the last build (each document's analysed form, in the content's
    cache) gives the files a build without any cache makes — and they did change."""
    content, out = fresh(tmp_path)
    before = tree_bytes(out)
    edit(content)
    build(content, out)
    after = tree_bytes(out)
    assert after == tree_bytes(cold_build(content, tmp_path / "cold"))
    for part in ("search/index.json", "search/index/", "data/"):
        assert any(p.startswith(part) and after.get(p) != before.get(p) for p in {*after, *before}), part


def test_a_rebuild_makes_the_search_fields_and_open_data_of_the_edited_service_only(tmp_path, monkeypatch):
    """The other services' search documents and open-data rows come from the last build (by the hashes
    of their files and of everything they share), so a national rebuild does not make 6,700 of them again."""
    content, out = fresh(tmp_path)
    assert run_cli("search", "senioři", "--content", content).code == 0  # knows no fingerprints: leaves the build's
    noted = tmp_path / "noted"  # a file, not a list: an incremental build makes these in a forked child

    def noting(what: str, real: Callable) -> Callable:
        def spy(cat, s, *rest):
            with noted.open("a", encoding="utf-8") as fh:
                fh.write(f"{what} {s.id}\n")
            return real(cat, s, *rest)
        return spy

    monkeypatch.setattr(documents, "_service", noting("search", documents._service))
    monkeypatch.setattr(csv_export, "_service_rows", noting("csv", csv_export._service_rows))
    monkeypatch.setattr(analysed, "_memory", None)  # a new process: only the cache on disk
    edit_text(content)
    build(content, out)
    assert noted.read_text(encoding="utf-8").splitlines() == ["search klub-senioru-lysa", "csv klub-senioru-lysa"]  # its open data too


def test_a_record_added_and_removed_again_gives_the_first_site_back(tmp_path):
    content, out = fresh(tmp_path)
    before = tree_bytes(out)
    add_record(content)
    build(content, out)
    added = tree_bytes(out)
    assert sum(p.startswith("search/doc/") for p in added) == sum(p.startswith("search/doc/") for p in before) + 1
    delete_record(content)
    build(content, out)
    assert tree_bytes(out) == before


def test_a_build_with_nothing_changed_writes_nothing(tmp_path):
    content, out = fresh(tmp_path)
    before, around = tree_stats(out), sorted(os.listdir(tmp_path))
    said = build(content, out)
    assert said.strip().splitlines()[-1].startswith("od posledního sestavení se nic nezměnilo")
    assert tree_stats(out) == before and sorted(os.listdir(tmp_path)) == around


def test_an_edit_rewrites_only_the_pages_it_touches(tmp_path):
    content, out = fresh(tmp_path)
    before = tree_stats(out)
    edit_text(content)
    said = build(content, out)
    now = tree_stats(out)
    rewritten = {p for p in now if now[p] != before.get(p)}
    assert "sluzby/klub-senioru-lysa/index.html" in rewritten
    assert "sluzby/nocleharna-nymburk/index.html" not in rewritten and "poskytovatele/index.html" not in rewritten
    pages = [p for p in now if p.endswith(".html")]
    assert len({p for p in rewritten if p.endswith(".html")}) < len(pages) // 2, said


def test_a_file_edited_or_removed_in_the_output_is_made_again(tmp_path):
    content, out = fresh(tmp_path)
    expected = tree_bytes(out)
    (out / "sluzby/nocleharna-nymburk/index.html").write_text("hand-edited", encoding="utf-8")
    (out / "search/places.json").unlink()
    (out / "stray.txt").write_text("not ours", encoding="utf-8")
    (out / "sluzby/nocleharna-nymburk/stray.txt").write_text("not ours either", encoding="utf-8")
    said = build(content, out)
    assert not said.startswith("od posledního sestavení se nic nezměnilo")
    assert tree_bytes(out) == expected


def test_an_edit_that_publishes_nothing_leaves_the_site_alone(tmp_path):
    content, out = fresh(tmp_path)
    before = tree_stats(out)
    path = content / "services/klub-senioru-lysa.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment only\n", encoding="utf-8")
    assert "nic zveřejněného se nezměnilo" in build(content, out)
    assert tree_stats(out) == before
    assert build(content, out).strip().startswith("od posledního sestavení se nic nezměnilo")


@pytest.mark.parametrize("damage", ["garbage", "missing state", "code"])
def test_anything_uncertain_builds_everything(tmp_path, monkeypatch, damage):
    content, out = fresh(tmp_path)
    expected = tree_bytes(out)
    folder = manifest.folder(content)
    if damage == "garbage":
        for path in folder.glob("*.manifest"):
            path.write_bytes(b"not a manifest")
    elif damage == "missing state":
        for path in folder.glob("*.state"):
            path.unlink()
        edit_text(content)
    else:  # the program changed (a translation, a template, the code): a folder of it is watched like the package
        code = tmp_path / "code"
        code.mkdir()
        monkeypatch.setattr(manifest, "CODE_ROOTS", (*manifest.CODE_ROOTS, code))
        (code / "messages.po").write_text("msgid \"\"\n", encoding="utf-8")
    said = build(content, out)
    assert "znovu vysázeno" not in said and not said.startswith("od posledního sestavení se nic nezměnilo"), said
    if damage != "missing state":
        assert tree_bytes(out) == expected


def test_full_ignores_the_manifest(tmp_path):
    content, out = fresh(tmp_path)
    before = tree_stats(out)
    assert build(content, out, "--full").strip().startswith("sestaveno ")
    now = tree_stats(out)
    assert all(now[p] != before[p] for p in now if not p.endswith("/") and (out / p).is_file())


def test_a_no_change_build_never_imports_the_models(tmp_path):
    """Its second goes to the survey: pydantic and the models cost 0.35 s of start-up (the command line names their choices itself)."""
    import subprocess
    import sys

    content, out = fresh(tmp_path)
    probe = (
        "import sys, catalogue.cli as cli\n"
        "from catalogue.report import Reporter\n"
        f"sys.argv = ['build', 'build', '--content', {str(content)!r}, '--out', {str(out)!r}]\n"
        "code = cli.main(reporter=Reporter())\n"
        "print(code, sorted(m for m in sys.modules if m == 'pydantic' or m.startswith('catalogue.model')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "od posledního sestavení se nic nezměnilo" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout


def test_the_command_line_names_the_models_choices_as_they_are():
    from catalogue import cli
    from catalogue.model.kinds import RECORD_KINDS
    from catalogue.model.records import LEVELS

    assert cli.NEW_KINDS == tuple(kind.name for kind in RECORD_KINDS if kind.new)
    assert cli.LEVELS == tuple(LEVELS)
