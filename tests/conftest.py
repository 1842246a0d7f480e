from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sites import write_site  # noqa: E402

from catalogue.cli import main  # noqa: E402
from catalogue.report import Reporter  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TODAY_EPOCH = "1795305600"  # 2026-11-22: the demo and fixtures are "verified" relative to this day


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-golden", action="store_true",
        help="rewrite tests/golden/site/ from a fresh build of tests/golden/content/ (after an intended change)",
    )


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)


@pytest.fixture(autouse=True, scope="session")
def own_cache_key(tmp_path_factory):
    """Keep the cache key (``catalogue.sealed``) of the tests out of the user's home folder."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


def run_cli(*args: str | Path) -> Run:
    """Run the CLI in-process with captured output."""
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], reporter=Reporter(out, err))
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small valid catalogue in a temporary folder."""
    return write_site(tmp_path / "content")


@pytest.fixture
def make_site(tmp_path: Path):
    """Write a small catalogue with some files replaced: ``make_site({"services/x.yaml": "…"})``."""

    def make(overrides: dict[str, str | bytes | None]) -> Path:
        return write_site(tmp_path / "content", overrides)

    return make
