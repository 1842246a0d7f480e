#!/usr/bin/env python3
"""Print what the open data add to a build: time per format, the page, writing the files, sizes.

    python benchmarks/bench_export.py [--runs 3] [--skip-national]

The catalogue is loaded once and its lookups made, as the build has it when the
output steps run (the pages have used them); each format is then made --runs times,
with the open-data step as the build runs it (every format and the page) and the time
to write its files. Medians of wall-clock time and of this process's CPU time: on a
machine shared with other work, the CPU time is the steadier figure.
National scale is benchmarks/national.py (6,700 services, 4,000 providers, 6,400
localities, realistic text lengths and areas).
Target (issue 12): the national catalogue to all formats adds under 5 s to a build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import workspace  # noqa: E402
from national import generate_national  # noqa: E402

from catalogue.validate.cache import RecordCache  # noqa: E402
from catalogue.index import publishable  # noqa: E402
from catalogue.outputs.opendata import FORMATS, export_files, write_open_data  # noqa: E402
from catalogue.outputs.context import OutputContext  # noqa: E402
from catalogue.validate.stage import check_content  # noqa: E402
from catalogue.write import OutputTree  # noqa: E402


class Timed:
    """Medians of wall-clock and CPU seconds of ``runs`` calls, and the last result."""

    def __init__(self, work, runs: int) -> None:
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            self.result = work()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        self.wall, self.cpu = statistics.median(walls), statistics.median(cpus)

    def __str__(self) -> str:
        return f"median {self.wall:5.2f} s wall, {self.cpu:5.2f} s CPU"


def bench(label: str, content: Path, runs: int, scratch: Path) -> None:
    loaded = check_content(content, cache=RecordCache(None))
    assert loaded.catalogue is not None and not loaded.problems.has_errors(), "the benchmark content must be valid"
    cat = publishable(loaded.catalogue)
    cat.sorted_services, cat.services_by_life_situation  # made by the pages before the output steps run
    print(f"{label}: {len(cat.services):,} services, {sum(len(s.locations) for s in cat.services.values()):,} places")
    for name in FORMATS:
        timed = Timed(lambda: export_files(cat, [name]), runs)
        sizes = ", ".join(f"{path.removeprefix('data/')} {len(data) / 1e6:.1f} MB" for path, data in sorted(timed.result.items()))
        print(f"  {name:<5} {timed}   {sizes}")

    def step() -> OutputTree:
        tree = OutputTree()
        write_open_data(OutputContext(cat, tree, dt.date.today()))
        return tree

    timed = Timed(step, runs)
    tree = timed.result
    identical = step().files == tree.files
    total = sum(len(d) for d in tree.files.values())
    print(f"  step  {timed}   (all formats and the page, as build runs it; {total / 1e6:.1f} MB; "
          f"byte-identical on a second run: {'yes' if identical else 'NO'})")
    target = scratch / "public"

    def write() -> None:
        shutil.rmtree(target, ignore_errors=True)
        tree.write_atomically(target)

    written = Timed(write, runs)
    print(f"  write {written}   (its files, into a fresh folder)")
    print(f"  adds  {timed.wall + written.wall:5.2f} s wall, {timed.cpu + written.cpu:5.2f} s CPU to a build (target: under 5 s)")


def machine_speed() -> float:
    """Return the CPU seconds of a ten-million-step Python loop: to compare runs on different or busy machines."""
    start = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-national", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795305600")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"(cores available: {cores}{load}; a 10-million-step Python loop takes {machine_speed():.2f} s CPU here; "
          "on a shared machine the wall-clock times wait for the others: compare CPU medians)")
    with workspace("bench-export-") as work:
        bench("demo", ROOT / "content", args.runs, work / "demo")
        if not args.skip_national:
            national = work / "national" / "content"
            generate_national(national)
            bench("national", national, args.runs, work / "national")


if __name__ == "__main__":
    main()
