#!/usr/bin/env python3
"""Time from saving a service file to the rebuilt page being served by ``build.py serve``.

    python benchmarks/bench_serve.py [--runs 9] [--skip-national] [--watch native poll]

Each measurement: write a new name into one service file, wait for the server to
tell the open tab to reload (livereload's websocket, as the tab's script does), then
GET the page; the time from the write to that response is one sample (what an
editor waits, minus the browser's own drawing). Medians of --runs.
Demo scale is ``content/`` (or a national-shaped catalogue of 40 services while there
is no demo); national scale is the realistic catalogue of benchmarks/national.py.

``--watch`` compares how changes are noticed: ``native`` (watchfiles: inotify and
friends) and ``poll`` (every 0.8 s, livereload's own watcher interval).
Targets (issue 6): ≤ 300 ms at demo scale, ≤ 1 s at national scale.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
run_seed = 6  # the same waits between saves on every run of the benchmark
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import ENV, fetch, free_port, renamed, save_to_served, workspace  # noqa: E402
from national import generate, generate_national  # noqa: E402


def start(content: Path, watch: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    args = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--port", str(port)]
    if watch == "poll":
        args.append("--poll")
    proc = subprocess.Popen(args, stdout=log.open("w"), stderr=subprocess.STDOUT, env={**ENV, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            fetch(base + "/")
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server did not start; see {log}")


def measure(content: Path, watch: str, runs: int, work: Path, pause: float) -> list[float]:
    """Return seconds from save to served, one per run, waiting as a browser tab does (``common.save_to_served``)."""
    services = sorted((content / "services").glob("*.yaml"))
    service = services[len(services) // 2]
    proc, base = start(content, watch, work / f"serve-{watch}.log")
    try:
        return asyncio.run(save_to_served(base, f"/sluzby/{service.stem}/", service, renamed, runs, pause, run_seed))
    finally:
        proc.terminate()
        proc.wait(10)


def bench(label: str, content: Path, runs: int, watches: list[str], work: Path, pause: float) -> None:
    for watch in watches:
        samples = measure(content, watch, runs, work, pause)
        print(
            f"{label:<9} watch={watch:<6} save→served median {statistics.median(samples) * 1000:6.0f} ms"
            f"   (min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f}, n={len(samples)})",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument("--watch", nargs="+", default=["native", "poll"], choices=["native", "poll"])
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between saves (an editor reads before saving again)")
    args = parser.parse_args()
    with workspace("bench-serve-") as work:
        demo = work / "demo" / "content"
        if (ROOT / "content" / "site.yaml").is_file():
            shutil.copytree(ROOT / "content", demo)
            label = "demo"
        else:  # no demo catalogue yet: one of demo size (a micro-region: tens of services)
            generate(demo, scale=40 / 6700)
            label = "demo-size"
        bench(label, demo, args.runs, args.watch, work, args.pause)
        if not args.skip_national:
            national = work / "national" / "content"
            generate_national(national, say=False)
            bench("national", national, args.runs, args.watch, work, args.pause)


if __name__ == "__main__":
    main()
