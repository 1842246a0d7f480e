#!/usr/bin/env python3
"""Print check and build time and peak memory at demo and national scale.

    python benchmarks/bench_build.py [--runs 3] [--skip-national]

Each measurement is a fresh process (as an editor or CI runs it); times are
medians of --runs. "cold" has no record cache, "warm" reuses it. National scale is
the realistic catalogue of benchmarks/national.py (``--scale`` keeps its shape).
Targets (issue 15, 2-core machine): national check ≤ 2 s warm, ≤ 4 s cold; build
≤ 0.5 × Hugo + Pagefind (benchmarks/bench_vs_hugo.py), peak < 1 GB.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import BUILD, load_average, run, workspace  # noqa: E402
from national import generate_national  # noqa: E402


def measure(args: list[str]) -> tuple[float, float, float]:
    """Run ``build.py ARGS`` in a fresh process; return (wall seconds, CPU seconds, peak MB of it and its workers)."""
    done = run([*BUILD, *args])
    return done.seconds, done.cpu, done.peak_mb


def bench(label: str, content: Path, runs: int, work: Path) -> None:
    cache = content.resolve() / ".cache"  # the content folder's own: records, Markdown, search vocabulary
    rows = []
    for command in ("check", "build"):
        for mode in ("cold", "warm"):
            times, cpus, peaks = [], [], []
            for _ in range(runs):
                if mode == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                else:
                    measure(["check", "--content", str(content)])  # make sure the cache is warm
                args = [command, "--content", str(content)]
                if command == "build":
                    args += ["--out", str(work / "public")]
                seconds, cpu, peak = measure(args)
                times.append(seconds)
                cpus.append(cpu)
                peaks.append(peak)
            rows.append((command, mode, statistics.median(times), statistics.median(cpus), max(peaks)))
    # On a shared machine wall time grows with the others' load; CPU time (the build and its
    # workers) is the work done, and the figure to compare between runs.
    print(f"load average {load_average()}")
    for command, mode, seconds, cpu, peak in rows:
        print(f"{label:<9} {command:<6} {mode:<5} median {seconds:6.2f} s wall {cpu:6.2f} s CPU   peak {peak:7.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the national catalogue (1 = 6,700 services)")
    args = parser.parse_args()
    with workspace("bench-") as work:
        demo = work / "demo" / "content"
        shutil.copytree(ROOT / "content", demo)
        bench("demo", demo, args.runs, work / "demo")
        if not args.skip_national:
            national = work / "national" / "content"
            generate_national(national, args.scale)
            bench("national", national, args.runs, work / "national")


if __name__ == "__main__":
    main()
