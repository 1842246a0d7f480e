"""The benchmarks' instruments at a tiny scale, so that they cannot rot: the national catalogue
generator writes valid content of the national shape, and the Hugo conversion has our page set."""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
from pathlib import Path

from catalogue.validate.stage import check_content

from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

import hugo_site  # noqa: E402
import national  # noqa: E402


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_the_national_catalogue_passes_check_without_a_warning(tmp_path):
    content = tmp_path / "content"
    stats = national.generate(content, scale=0.01)
    assert stats["services"] == 67 and stats["providers"] >= 30
    result = run_cli("check", "--content", content)
    assert result.code == 0, result.out
    assert result.out.strip().splitlines()[-1] == 'žádné problémy'


def test_the_generator_is_deterministic_and_the_seed_changes_it(tmp_path):
    national.generate(tmp_path / "a", scale=0.005)
    national.generate(tmp_path / "b", scale=0.005)
    national.generate(tmp_path / "c", scale=0.005, seed=2)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b") != tree_digest(tmp_path / "c")


def test_records_have_the_national_shape(tmp_path):
    content = tmp_path / "content"
    stats = national.generate(content, scale=0.03)
    cat = check_content(content).catalogue
    descriptions = [len(s.description) for s in cat.services.values()]
    assert 800 <= min(descriptions) and max(descriptions) <= 1310
    assert len(set(s.description for s in cat.services.values())) == len(descriptions)  # no paragraph repeated wholesale
    assert all(400 <= len(p.description) <= 610 for p in cat.providers.values())
    assert all(1 <= len(s.area) <= 5 and 1 <= len(s.locations) <= 3 for s in cat.services.values())
    levels = [{cat.localities[a].level for a in s.area} for s in cat.services.values()]
    share = {level: sum(level in found for found in levels) / len(levels) for level in ("region", "district", "municipality")}
    assert 0.05 < share["region"] < 0.3 and 0.25 < share["district"] < 0.6 and share["municipality"] > 0.3, share
    for service in cat.services.values():
        for location in service.locations:  # a location lies in the area it serves (else check warns)
            assert {location.locality, *cat.ancestors(location.locality)} & set(service.area)
            if location.confidential:  # a secret address is never written: the municipality only
                assert location.address.street is None and location.address.postcode is None and location.coordinates is None
    assert stats["confidential"] >= 1
    assert stats["municipalities"] == round(national.NATIONAL["municipalities"] * 0.03)
    assert statistics.mean(len(s.locations) for s in cat.services.values()) > 1.2


def test_the_hugo_site_has_our_page_set(tmp_path):
    content = tmp_path / "content"
    national.generate(content, scale=0.005)
    assert run_cli("build", "--content", content, "--out", tmp_path / "public").code == 0
    hugo_site.convert(content, tmp_path / "hugo")
    ours = {p.parent.relative_to(tmp_path / "public").as_posix() for p in (tmp_path / "public").rglob("index.html")
            if 'http-equiv="refresh"' not in p.read_text("utf-8")}
    ours -= {"admin", "redakce"}  # the editors' tools, which Hugo has no equivalent of
    ours -= {"otevrena-data", "muj-seznam"}  # the open-data page, My list: work of ours the Hugo site does not do
    ours -= {"krizove-linky"}  # the crisis lines' page: the Hugo site has no crisis lines
    theirs = set()
    for path in (tmp_path / "hugo" / "content").rglob("*.md"):
        data = json.loads(path.read_text("utf-8").partition("\n")[0])
        if data.get("build", {}).get("render") == "never":
            continue
        rel = path.relative_to(tmp_path / "hugo" / "content").with_suffix("").as_posix()
        theirs.add(data["url"].strip("/") if "url" in data else rel.removesuffix("_index").strip("/") or ".")
    assert theirs == ours
    layouts = {p.relative_to(tmp_path / "hugo" / "layouts").as_posix() for p in (tmp_path / "hugo" / "layouts").rglob("*.html")}
    assert {"lokality/page.html", "sluzby/page.html", "_partials/card.html"} <= layouts


def test_the_page_size_benchmark_sorts_pages_by_kind_and_skips_redirects_and_the_cms():
    import bench_pages  # noqa: PLC0415 - a benchmark module, on the path above

    site = ROOT / "tests" / "golden" / "site"
    kinds = bench_pages.page_sizes(site)
    assert {"sluzby", "lokality", "muj-seznam (index)", "home / 404"} <= set(kinds)
    assert not any(path.startswith(("admin/", "redakce/")) for pages in kinds.values() for *_, path in pages)
    size, packed, path = max(kinds["sluzby"])
    assert (site / path).stat().st_size == size and 0 < packed < size
    lines = bench_pages.report(kinds)
    assert len(lines) == len(kinds) + 1 and path in "\n".join(lines)
