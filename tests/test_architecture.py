"""The architecture, checked: one-way layers and no circles (import-linter), small modules, the README's map.

The contracts live in pyproject.toml ``[tool.importlinter]``; the README's "How it
works" table shows the same layers, lowest first.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "catalogue"
MAX_LINES = 400  # a module longer than this does more than one job: split it by job
LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filenames=('pyproject.toml',), no_cache=True, no_logo=True))"
)


def lint(root: Path) -> subprocess.CompletedProcess:
    """Run import-linter on the ``catalogue`` package found in ``root``, with ``root``'s contracts."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", LINT], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def layers() -> list[set[str]]:
    """Return the contract's layers, highest first, each as the set of its sibling modules."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (layered,) = [c for c in contracts if c["type"] == "layers"]
    return [{name.strip() for name in layer.split("|")} for layer in layered["layers"]]


def test_the_import_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "2 kept, 0 broken" in result.stdout


def test_an_import_against_the_layers_breaks_the_contracts(tmp_path):
    """The check can fail: errors.py importing the command line breaks both the layers and the no-circles contract."""
    shutil.copytree(PACKAGE, tmp_path / "catalogue", ignore=shutil.ignore_patterns("__pycache__", "static", "locale"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / "catalogue" / "errors.py").open("a", encoding="utf-8") as fh:
        fh.write("\nfrom . import cli  # noqa: E402,F401\n")
    result = lint(tmp_path)
    assert result.returncode == 1, result.stdout[-4000:] + result.stderr[-2000:]
    assert "catalogue.errors is not allowed to import catalogue.cli" in result.stdout
    assert "0 kept, 2 broken" in result.stdout


def test_every_part_of_the_package_is_in_a_layer():
    named = set().union(*layers())
    parts = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" and p.stem != "__init__"}
    parts |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert parts == named


def test_no_module_is_longer_than_400_lines():
    long = {
        p.relative_to(ROOT).as_posix(): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these by job: {long}"


def test_the_readme_shows_the_layers_lowest_first():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## How it works") :]
    section = section[: section.index("\n## ", 3)]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`catalogue/" in line]
    shown = [set(re.findall(r"`catalogue/([a-z_]+)(?:/|\.py)`", row.split("|")[2])) for row in rows]
    assert shown == list(reversed(layers())), "the README's table must list the layers of pyproject.toml, lowest first"
