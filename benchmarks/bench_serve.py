#!/usr/bin/env python3
"""Time from saving a service file to the rebuilt page being served by ``build.py serve``.

    python benchmarks/bench_serve.py [--runs 9] [--skip-national] [--watch native poll]

Each measurement: write a new name into one service file, wait for the server to
tell the open tab to reload (livereload's websocket, as the tab's script does), then
GET the page; the time from the write to that response is one sample (what an
editor waits, minus the browser's own drawing). Medians of --runs.
Demo scale is ``content/`` (or a synthetic catalogue of 40 services while there is
no demo); national scale is the synthetic catalogue of benchmarks/synthetic.py.

``--watch`` compares how changes are noticed: ``native`` (watchfiles: inotify and
friends) and ``poll`` (every 0.8 s, livereload's own watcher interval).
Targets (issue 6): ≤ 300 ms at demo scale, ≤ 1 s at national scale.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
run_seed = 6  # the same waits between saves on every run of the benchmark
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate, generate_national, workspace  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def start(content: Path, watch: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    args = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--port", str(port)]
    if watch == "poll":
        args.append("--poll")
    proc = subprocess.Popen(args, stdout=log.open("w"), stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
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
    """Return seconds from save to served, one per run, waiting as a browser tab does.

    The benchmark connects to the server's livereload websocket like the script in an
    open tab, saves, waits for the "reload" message and then fetches the page once
    (fetching in a tight loop instead would slow the server down it measures).
    """
    services = sorted((content / "services").glob("*.yaml"))
    service = services[len(services) // 2]
    url_path = f"/sluzby/{service.stem}/"
    original = service.read_text(encoding="utf-8")
    proc, base = start(content, watch, work / f"serve-{watch}.log")
    try:
        return asyncio.run(_runs(base, url_path, service, original, runs, pause))
    finally:
        service.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(10)


async def _runs(base: str, url_path: str, service: Path, original: str, runs: int, pause: float) -> list[float]:
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(base.replace("http", "ws") + "/livereload")
    await ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    await ws.read_message()
    await ws.write_message(json.dumps({"command": "info", "url": base + url_path}))
    fetch(base + url_path)  # the tab shows the page being edited
    samples = []
    jitter = random.Random(run_seed)
    for run in range(runs):
        marker = f"Měření{run}x{int(time.time() * 1000) % 100000}"
        changed = re.sub(r"^name: (.*)$", lambda m: f"name: {m.group(1)} {marker}", original, count=1, flags=re.M)
        # An editor reads before saving again (meanwhile the server finishes its background part);
        # the jitter keeps saves from falling in step with a polling watcher's rhythm.
        await asyncio.sleep(pause + jitter.random())
        while True:  # drop reload messages left from the previous run (the background part may send one)
            try:
                await asyncio.wait_for(ws.read_message(), 0.01)
            except asyncio.TimeoutError:
                break
        begin = time.perf_counter()
        service.write_text(changed, encoding="utf-8")
        while True:
            message = json.loads(await asyncio.wait_for(ws.read_message(), 60))
            if message.get("command") == "reload" and marker in fetch(base + url_path):
                break
        samples.append(time.perf_counter() - begin)
    ws.close()
    return samples


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
            generate(demo, services=40, locations=60, municipalities=30)
            label = "demo-size"
        bench(label, demo, args.runs, args.watch, work, args.pause)
        if not args.skip_national:
            national = work / "national" / "content"
            generate_national(national, say=False)
            bench("national", national, args.runs, args.watch, work, args.pause)


if __name__ == "__main__":
    main()
