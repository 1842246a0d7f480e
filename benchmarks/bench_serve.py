#!/usr/bin/env python3
"""The live preview (``build.py serve``): time until it serves, and time from saving a file to the page served with it.

    python benchmarks/bench_serve.py [--scale 1] [--runs 9] [--pauses 2 4] [--skip-demo] [--watch native poll]

Ready: from starting the server to the home page and a service page served, with the
content's caches cold (a first start) and warm (every later one), and the processor
time the server used until then. Save-to-served: write a new name into one service
file, wait for the server to tell the open tab to reload (livereload's websocket, as
the tab's script does), then GET the page; the time from the write to that response
is one sample (what an editor waits, minus the browser's own drawing). Saves come
``--pauses`` seconds apart (± 0.5 s), medians of ``--runs``; beside them, the server's
processor time per save (its background work included). Demo scale is ``content/``;
the national scale is the realistic catalogue of benchmarks/national.py at ``--scale``.
The machine may be shared: compare processor times and ratios, not wall times alone.

``--watch`` compares how changes are noticed: ``native`` (watchfiles: inotify and
friends) and ``poll`` (every 0.8 s, livereload's own watcher interval).
Targets (issue 15): ready ≤ 10 s and save-to-served ≤ 1 s at national scale.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
run_seed = 6  # the same waits between saves on every run of the benchmark
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import ENV, fetch, free_port, load_average, renamed, save_to_served, workspace  # noqa: E402
from national import generate_national  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """Return the processor time (user + system) a process has used so far, its waited-for children included."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / TICKS


def start(content: Path, watch: str, log: Path, page: str) -> tuple[subprocess.Popen, str, float, float]:
    """Start the server; return it, its address, the seconds until it served the home page and ``page``, and its CPU time then."""
    port = free_port()
    args = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--port", str(port)]
    if watch == "poll":
        args.append("--poll")
    begin = time.perf_counter()
    proc = subprocess.Popen(args, stdout=log.open("w"), stderr=subprocess.STDOUT, env={**ENV, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            fetch(base + "/")
            fetch(base + page)
            return proc, base, time.perf_counter() - begin, cpu_seconds(proc.pid)
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit(f"the server did not start; see {log}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:6.0f} ms (min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f}, n={len(samples)})"


def bench(label: str, content: Path, runs: int, watch: str, work: Path, pauses: list[float]) -> None:
    """Print ready times (cold and warm caches) and save-to-served medians for each pause."""
    services = sorted((content / "services").glob("*.yaml"))
    service = services[len(services) // 2]
    page = f"/sluzby/{service.stem}/"
    for caches in ("cold", "warm"):
        if caches == "cold":
            shutil.rmtree(content / ".cache", ignore_errors=True)
        proc, base, ready, cpu = start(content, watch, work / f"serve-{label}-{caches}.log", page)
        print(f"{label:<9} watch={watch:<6} ready, {caches} caches: {ready:6.1f} s (server CPU {cpu:.1f} s; load {load_average()})", flush=True)
        if caches == "cold":
            stop(proc)
    try:
        for pause in pauses:
            before = cpu_seconds(proc.pid)
            samples = asyncio.run(save_to_served(base, page, service, renamed, runs, pause - 0.5, run_seed))
            per_save = (cpu_seconds(proc.pid) - before) / len(samples)
            print(
                f"{label:<9} watch={watch:<6} saves {pause:g} s apart: save→served {ms(samples)};"
                f" server CPU {per_save:.2f} s per save (load {load_average()})",
                flush=True,
            )
    finally:
        stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scale", type=float, default=1.0, help="of the national catalogue (1 = 6,700 services)")
    parser.add_argument("--pauses", type=float, nargs="+", default=[2.0, 4.0], help="seconds between saves (an editor reads first)")
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument("--watch", nargs="+", default=["native"], choices=["native", "poll"])
    args = parser.parse_args()
    with workspace("bench-serve-") as work:
        if not args.skip_demo:
            demo = work / "demo" / "content"
            shutil.copytree(ROOT / "content", demo, ignore=shutil.ignore_patterns(".cache"))
            for watch in args.watch:
                bench("demo", demo, args.runs, watch, work, args.pauses)
        if not args.skip_national:
            national = work / "national" / "content"
            generate_national(national, args.scale)
            for watch in args.watch:
                bench(f"national×{args.scale:g}", national, args.runs, watch, work, args.pauses)


if __name__ == "__main__":
    main()
