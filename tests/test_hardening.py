"""Hostile input, files and interruptions: each case of the adversarial review, with its exact message.

Every case reached ``check``, ``build`` or the preview as an internal error, a
leak or garbage before; now each is a positioned message (or refused quietly
where nobody can act), and nothing already built is lost.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from pathlib import Path

import pytest

from conftest import run_cli
from sites import LIFE_SITUATION, PAGE, SERVICE, SITE

from catalogue.cache import RecordCache, default_cache_folder
from catalogue.pipeline import load
from catalogue.render.markdown import render_markdown
from catalogue.serve.preview import Preview

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"
DESCRIPTION = "description: |\n  Azylový dům poskytuje dočasné ubytování matkám s dětmi.\n"
TOO_DEEP_YAML = (
    "lists and mappings are nested more than 20 levels deep here; a record needs only a few: "
    "check the brackets [ ] { } and the indentation"
)


def problems(result, content: Path) -> list[str]:
    """Return the output lines with the content folder's path taken off."""
    return [line.replace(f"{content}/", "") for line in result.lines]


def check_and_build(content: Path, out: Path) -> tuple[list[str], list[str]]:
    """Return what ``check`` and ``build`` print; both must fail cleanly (exit 1) and write nothing."""
    check = run_cli("check", "--content", content)
    build = run_cli("build", "--content", content, "--out", out)
    assert (check.code, build.code) == (1, 1), (check.out + check.err, build.out + build.err)
    assert "internal error" not in check.err + build.err
    assert not out.exists()
    return problems(check, content), problems(build, content)


def nested_list(levels: int, indent: str = "\t") -> str:
    """Return a Markdown list ``levels`` deep, one item per level."""
    return "".join(f"{indent * level}- úroveň {level}\n" for level in range(levels))


# --- 1. deep YAML nesting ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (SERVICE_FILE, SERVICE.replace("forms: [residential]", "forms: " + "[" * 500 + "]" * 500), f"{SERVICE_FILE}:6:27: {TOO_DEEP_YAML}"),
        (SERVICE_FILE, SERVICE + "age2: " + "{a: " * 500 + "1" + "}" * 500 + "\n", f"{SERVICE_FILE}:27:83: {TOO_DEEP_YAML}"),
        ("site.yaml", SITE + "demo: " + "[" * 500 + "]" * 500 + "\n", f"site.yaml:7:26: {TOO_DEEP_YAML}"),
        ("pages/o-katalogu.md", PAGE.replace("nav: true", "nav: " + "[" * 500 + "]" * 500), f"pages/o-katalogu.md:3:25: {TOO_DEEP_YAML}"),
        (SERVICE_FILE, SERVICE + "".join(f"{'  ' * i}k{i}:\n" for i in range(40)), f"{SERVICE_FILE}:47:41: {TOO_DEEP_YAML}"),
    ],
    ids=["flow-lists", "flow-mappings", "site.yaml", "front-matter", "block-mappings"],
)
def test_deep_yaml_nesting_is_a_positioned_error(make_site, tmp_path, rel, text, expected):
    content = make_site({rel: text})
    check, build = check_and_build(content, tmp_path / "public")
    assert check == [expected, "1 error in 1 file"]
    assert build[:2] == check


def test_an_alias_cannot_nest_deeper_than_its_anchor_allows():
    from catalogue.load.yamlstrict import MAX_DEPTH, YamlError, parse

    half = MAX_DEPTH // 2
    parse(f"a: &x {'[' * half}{']' * half}\nb: {'[' * (half - 1)}*x{']' * (half - 1)}\n")  # exactly the limit
    with pytest.raises(YamlError, match=r"^2:\d+: lists and mappings are nested more than 20 levels deep"):
        parse(f"a: &x {'[' * half}{']' * half}\nb: {'[' * half}*x{']' * half}\n")


def test_deep_yaml_in_the_preview_shows_the_overlay_and_keeps_the_last_good_site(site):
    preview = Preview(site)
    assert preview.build().ok
    before = dict(preview.snapshot.files)
    path = site / SERVICE_FILE
    path.write_text(SERVICE.replace("forms: [residential]", "forms: " + "[" * 500 + "]" * 500), encoding="utf-8")
    update = preview.update({path})
    assert [p.format().replace(f"{site}/", "") for p in preview.snapshot.errors] == [f"{SERVICE_FILE}:6:27: {TOO_DEEP_YAML}"]
    assert not update.ok and preview.snapshot.files == before


# --- 2. deeply nested Markdown -------------------------------------------------------------


# --- 3. links out of the content folder --------------------------------------------------


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "outside" / "passwd"
    path.parent.mkdir()
    path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    return path


def outside(what: str, target: Path) -> str:
    return (
        f"{what} is a link to {target}, outside the content folder; it is not read: "
        "put the file itself into the content folder instead of a link"
    )


# --- 4. the preview and a folder moved away -------------------------------------------------


# --- 5. ids and names of new records -----------------------------------------------------


# --- 6. temporary trees of interrupted builds -----------------------------------------------


def _fake_pdf(job):
    from catalogue.outputs.print.pdf import Rendered

    return Rendered(b"%PDF-1.7 " + job.name.encode(), 4)


# --- 8. the record cache is data this user wrote, or nothing --------------------------------


class Exploit:
    """A pickle that runs a command when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


# --- 9. themes render in Jinja's sandbox ----------------------------------------------------


# --- 11. length limits ---------------------------------------------------------------------


