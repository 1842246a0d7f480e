#!/usr/bin/env python3
"""Run the property-based fuzzing of ``tests/test_fuzz.py`` with many more inputs than CI does.

    python benchmarks/fuzz.py [--scale 20] [--only WORD]

Every property of the test module runs ``--scale`` times as many examples as in CI
(hypothesis shrinks any failure to a small input). Prints how many inputs each
property tried, how long it took, and every failure with its smallest input (and
the ``@reproduce_failure`` line hypothesis gives for it).
Exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Folders:
    """What the properties need of pytest's ``tmp_path_factory``: fresh folders."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def mktemp(self, name: str) -> Path:
        self.count += 1
        path = self.root / f"{name}{self.count}"
        path.mkdir()
        return path


def properties(module) -> list[tuple[str, object]]:
    """Return (name, callable taking the folder factory) of every property in the test module."""
    found = []
    for name in sorted(dir(module)):
        test = getattr(module, name)
        if not name.startswith("test_") or not callable(test):
            continue
        if name == "test_every_kind_of_file_survives_structural_mutations":
            for kind in sorted(module.FILES):
                found.append((f"{name}[{kind}]", lambda folders, test=test, kind=kind: test(folders, kind)))
        else:
            found.append((name, lambda folders, test=test: test(folders)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20, help="examples per property, as a multiple of CI's (default 20)")
    parser.add_argument("--only", default="", help="run only the properties whose name contains this")
    args = parser.parse_args()
    os.environ["CATALOGUE_FUZZ_SCALE"] = str(args.scale)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795305600")
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
    import logging

    import test_fuzz

    logging.disable(logging.WARNING)  # a cache note per input would drown the report
    failures: list[tuple[str, str]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "user-cache")
        for name, run in properties(test_fuzz):
            if args.only not in name:
                continue
            before = sum(test_fuzz.TRIED.values())
            begin = time.perf_counter()
            try:
                run(Folders(Path(tempfile.mkdtemp(dir=tmp))))
                status = "ok"
            except Exception:  # a property failed: hypothesis has shrunk it; report and go on
                status = "FAILED"
                failures.append((name, traceback.format_exc(limit=3)))
            tried = sum(test_fuzz.TRIED.values()) - before
            print(f"{status:<6} {tried:6d} inputs  {time.perf_counter() - begin:6.1f} s  {name}", flush=True)
    total = sum(test_fuzz.TRIED.values())
    print(f"\n{total} inputs tried in {time.perf_counter() - started:.0f} s; {len(failures)} properties failed")
    for name, text in failures:
        print(f"\n--- {name}\n{text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
