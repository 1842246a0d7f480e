#!/usr/bin/env python3
"""Print the incremental build's times at national scale beside the cold full build, with CPU time.

    python benchmarks/bench_incremental.py [--runs 3] [--scale 1] [--content DIR]

Each measurement is a fresh ``build.py build`` process (as an editor or CI runs it):
"full" is ``--full`` with a warm record cache (writes every file into a fresh tree),
"no change" runs again with nothing edited, "first edit" changes one service's name
and rebuilds (the first build after a full one: no tree kept beside the site yet), and
"one edit" changes it again, as an editor's every later build (alternating between two
names, so every run is a real edit). Times are
medians of --runs; CPU time counts the process and its workers. Targets (issue 15,
2-core machine): no change ≤ 1 s and nothing written; one edit ≤ 2 s.

Measured at national scale on the shared 2-core machine (December 2026), one edit: before
search and open data kept each service's part, 69.4 s CPU (one ``build --debug``, load
about 4; search 19.3 s, write 22.7 s, open data 5.7 s); after, 42.7 s CPU here (--runs 1,
load about 4; full 127.4 s CPU, no change 1.9 s) and 40–43 s in ``build --debug`` (search
4.5–5.3 s, write 11.7–13.5 s, open data 2.3–2.8 s). The README's "Scale" has every step.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import BUILD, load_average, run, workspace  # noqa: E402
from national import generate_national  # noqa: E402


def rename(service: Path, suffix: str) -> None:
    """Give ``service`` its original name plus ``suffix`` (a real edit of a real record)."""
    text = service.read_text(encoding="utf-8")
    renamed = re.sub(r'^name: "?(.*?)(?: \(upraveno \w+\))?"?$', lambda m: f'name: "{m[1]}{suffix}"', text, count=1, flags=re.M)
    service.write_text(renamed, encoding="utf-8")


def bench(content: Path, out: Path, runs: int) -> list[tuple[str, list[float], list[float], str]]:
    """Return (what, wall seconds, CPU seconds, the build's last line) for each kind of build."""
    args = [*BUILD, "build", "--content", str(content), "--out", str(out)]
    run([*BUILD, "check", "--content", str(content)])  # a warm record cache, as an editor's second build has
    service = sorted((content / "services").glob("*.yaml"))[len(list((content / "services").glob("*.yaml"))) // 2]
    rows: dict[str, tuple[list[float], list[float], str]] = {k: ([], [], "") for k in ("full", "no change", "first edit", "one edit")}

    def measure(what: str, extra: list[str]) -> None:
        done = run([*args, *extra])
        walls, cpus, _ = rows[what]
        rows[what] = ([*walls, done.seconds], [*cpus, done.cpu], done.output.strip().splitlines()[-1])

    for i in range(runs):  # interleaved: the machine's load changes between rounds
        measure("full", ["--full"])
        measure("no change", [])
        rename(service, f" (upraveno {i}a)")
        measure("first edit", [])  # after a full build: no tree kept beside the site yet, one made of links
        rename(service, f" (upraveno {i}b)")
        measure("one edit", [])  # as an editor's next builds: the kept tree brought up to date
    return [(what, walls, cpus, last) for what, (walls, cpus, last) in rows.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the national catalogue (1 = 6,700 services)")
    parser.add_argument("--content", type=Path, help="measure this content folder (a copy is not made: it is edited)")
    args = parser.parse_args()
    with workspace("bench-incremental-") as work:
        content = args.content or work / "content"
        if args.content is None:
            generate_national(content, args.scale)
        rows = bench(content, work / "public", args.runs)
    print(f"load average {load_average()} (a shared machine: compare CPU time and ratios)")
    full = statistics.median(rows[0][1])
    for what, walls, cpus, last in rows:
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"{what:<10} median {wall:6.2f} s wall {cpu:6.2f} s CPU  ({wall / full:5.1%} of full)   {last[:90]}")


if __name__ == "__main__":
    main()
