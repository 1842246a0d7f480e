"""The golden site: a fresh build of ``tests/golden/content/`` must equal the tree kept in ``tests/golden/site/``.

Any change to what the build writes shows here as a readable diff, page by page.
After an intended change, regenerate the tree and review it like code:

    python3 dev.py test tests/test_golden_site.py --regenerate-golden

Text that the build makes from the content is kept whole. Copies of files kept
elsewhere (``static/``), the binary chunks of the search index (``search/index/``,
``search/facet/``) and its one-per-record result files (``search/doc/``) are compared
by their SHA-256, listed in ``tests/golden/site.sha256``.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest

from catalogue.index import publishable
from catalogue.model.kinds import RECORD_KINDS
from catalogue.pipeline import build_site
from catalogue.validate.stage import check_content as load
from catalogue.render.env import BUILTIN_TEMPLATES
from catalogue.render.plan import plan_pages

GOLDEN = Path(__file__).resolve().parent / "golden"
CONTENT, TREE, HASHES = GOLDEN / "content", GOLDEN / "site", GOLDEN / "site.sha256"
HASHED = ("static/", "search/index/", "search/facet/", "search/doc/")  # compared by hash, not kept whole
DIFF_LINES = 40  # per file, so one broken stylesheet does not flood the report
REGENERATE = "python3 dev.py test tests/test_golden_site.py --regenerate-golden"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fresh_build(tmp_path: Path) -> dict[str, bytes]:
    """Build a copy of the golden content (the record cache must not land in the repository)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    result = build_site(content, tmp_path / "public")
    assert not result.problems.has_errors(), [p.format() for p in result.problems.errors]
    return files_of(tmp_path / "public")


def kept(built: dict[str, bytes]) -> tuple[dict[str, bytes], dict[str, str]]:
    """Split a built tree into the files kept whole and the hashes of the others."""
    whole = {path: data for path, data in built.items() if not path.startswith(HASHED)}
    hashes = {path: digest(data) for path, data in built.items() if path.startswith(HASHED)}
    return whole, hashes


def read_hashes() -> dict[str, str]:
    if not HASHES.is_file():
        return {}
    rows = (line.split("  ", 1) for line in HASHES.read_text().splitlines() if line.strip())
    return {path: sha for sha, path in rows}


def regenerate(built: dict[str, bytes]) -> None:
    whole, hashes = kept(built)
    shutil.rmtree(TREE, ignore_errors=True)
    for path, data in whole.items():
        (TREE / path).parent.mkdir(parents=True, exist_ok=True)
        (TREE / path).write_bytes(data)
    HASHES.write_text("".join(f"{sha}  {path}\n" for path, sha in sorted(hashes.items())))


def differences(built: dict[str, bytes]) -> list[str]:
    """Return the report: files added or missing, a unified diff per changed page, changed hashes."""
    whole, hashes = kept(built)
    golden, golden_hashes = files_of(TREE) if TREE.is_dir() else {}, read_hashes()
    out = [f"new file: {p}" for p in sorted((whole.keys() - golden.keys()) | (hashes.keys() - golden_hashes.keys()))]
    out += [f"missing file: {p}" for p in sorted((golden.keys() - whole.keys()) | (golden_hashes.keys() - hashes.keys()))]
    for path in sorted(whole.keys() & golden.keys()):
        if whole[path] != golden[path]:
            old = golden[path].decode("utf-8", "replace").splitlines()
            new = whole[path].decode("utf-8", "replace").splitlines()
            diff = list(difflib.unified_diff(old, new, f"golden/{path}", f"built/{path}", lineterm="", n=2))
            out += diff[:DIFF_LINES] + ([f"… {len(diff) - DIFF_LINES} more lines of {path}"] if len(diff) > DIFF_LINES else [])
    out += [f"changed bytes: {p}" for p in sorted(hashes.keys() & golden_hashes.keys()) if hashes[p] != golden_hashes[p]]
    return out


def test_a_fresh_build_equals_the_golden_site(tmp_path, request):
    built = fresh_build(tmp_path)
    if request.config.getoption("--regenerate-golden"):
        regenerate(built)
        pytest.skip(f"regenerated {TREE.relative_to(GOLDEN.parent.parent)}; review the change with git diff")
    report = differences(built)
    assert not report, "the build differs from the golden site:\n" + "\n".join(report) + (
        f"\n\nIf the change is intended, run: {REGENERATE}"
    )


def test_the_golden_site_covers_every_page_type(tmp_path):
    """The fixed catalogue stays small, yet shows every kind of record, page template and output at least once."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    catalogue = publishable(load(content).catalogue)
    used = {plan.template for plan in plan_pages(catalogue)}
    templates = {p.name for p in BUILTIN_TEMPLATES.glob("*.html")} - {"base.html"}
    templates |= {f"plan/{p.name}" for p in (BUILTIN_TEMPLATES / "plan").iterdir()}  # the community plan's pages
    # The pages of a list too long for one (over lists.ROWS_MAX lines) need hundreds of records: tests/test_site_size.py
    # builds such a catalogue and follows them; the golden one stays a handful.
    templates -= {"list_part.html", "providers_part.html"}
    assert {t for t in templates if not t.rpartition("/")[2].startswith("_")} <= used, "add a record that shows the new page type"
    for kind in RECORD_KINDS:  # a new kind of record: add one to the golden content (and its page type, if it has pages)
        assert catalogue.records[kind.folder], f"no {kind.folder}/ in tests/golden/content"
        if kind.section:
            assert any(p.url.startswith(f"/{kind.section}/") and p.ident for p in plan_pages(catalogue)), f"no page of {kind.folder}"
    pages = files_of(TREE)
    for needed in ("admin/config.yml", "redakce/index.html", "sitemap.xml", "robots.txt", "search/places.json", "search/hours.json",
                   "map/services.json", "map/places.json", "muj-seznam/index.html", "sw.js"):
        assert needed in pages, needed
    assert any(p.startswith("search/index/") for p in read_hashes())
    assert len(pages) < 95, "keep the golden catalogue a handful of records"
