"""What the benchmark scripts share: a scratch folder, timed runs with their peak memory, a free port.

Every benchmark measures fresh processes, as an editor or CI runs them, with
SOURCE_DATE_EPOCH at the national catalogue's anchor date (``national.ANCHOR``), so
the records' "last verified" dates never age into warnings and builds are reproducible.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from national import ANCHOR  # noqa: E402

ENV = {**os.environ, "SOURCE_DATE_EPOCH": str(int(dt.datetime.combine(ANCHOR, dt.time(), dt.timezone.utc).timestamp()))}
BUILD = [sys.executable, str(ROOT / "build.py")]


@contextmanager
def workspace(prefix: str) -> Iterator[Path]:
    """A scratch folder for a benchmark, removed afterwards. Inside the checkout (``.cache/``, ignored by git):
    on some machines /tmp is ten times slower for many small files."""
    (ROOT / ".cache").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / ".cache", prefix=prefix) as tmp:
        yield Path(tmp)


def national_unless(given: Path | None, work: Path) -> Path:
    """Return the catalogue an in-process benchmark measures: ``given``, or the national one generated into ``work``."""
    if given is not None:
        return given
    from national import generate_national

    content = work / "national" / "content"
    generate_national(content)
    return content


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the most memory the process and its children held at once (sum of their PSS)
    output: str = ""
    cpu: float = 0.0  # user + system seconds of the process and every descendant it waited for (render workers, Pagefind)


def _tree_pss_kb(root: int) -> int:
    """Return the proportional set size of a process and all its descendants, in KB (shared pages counted once)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                parent = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def run(args: Sequence[str | Path], cwd: Path | None = None, env: dict | None = None, check: bool = True) -> Run:
    """Run a command; return its wall time, its processor time, its peak memory (sampled every 0.1 s) and its output."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(a) for a in args], cwd=cwd, env=env or ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed ({proc.returncode}):\n{output[-3000:]}")
    return Run(elapsed, max(peak[0], usage.ru_maxrss) / 1024, output, usage.ru_utime + usage.ru_stime)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spread(values: Sequence[float], unit: str = "s", digits: int = 2) -> str:
    """Return ``median [min–max]`` of the values."""
    if not values:
        return "—"
    if len(values) == 1:
        return f"{values[0]:.{digits}f} {unit}"
    return f"{statistics.median(values):.{digits}f} {unit} [{min(values):.{digits}f}–{max(values):.{digits}f}]"


def load_average() -> str:
    """Return the 1-, 5- and 15-minute load averages (the machine may be shared)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def folder_size(folder: Path) -> tuple[int, int, int, int]:
    """Return (bytes of HTML, bytes of everything, number of files, bytes of the largest HTML page)."""
    html = total = files = largest = 0
    for path in folder.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            files += 1
            total += size
            if path.suffix == ".html":
                html += size
                largest = max(largest, size)
    return html, total, files, largest


def renamed(text: str, marker: str) -> str:
    """Return a record's YAML with ``marker`` added to its name (quoted as ``national.py`` writes it, or plain)."""
    import re

    def add(match: re.Match) -> str:
        value = match.group(1)
        if value.startswith('"') and value.endswith('"'):
            return f'name: {value[:-1]} {marker}"'
        return f"name: {value} {marker}"

    return re.sub(r"^name: (.*)$", add, text, count=1, flags=re.M)


def fetch(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


async def save_to_served(base: str, url_path: str, path: Path, rewrite, count: int, pause: float, seed: int = 6) -> list[float]:
    """Save ``path`` ``count`` times (``rewrite(text, marker)``); return seconds from each save to the page served with it.

    Waits as a browser tab does: connected to the server's livereload websocket, it
    saves, waits for a "reload" message and then fetches the page once (fetching in a
    tight loop instead would slow down the server it measures). ``build.py serve`` and
    ``hugo server`` speak the same LiveReload protocol. The file is restored afterwards.
    """
    import asyncio
    import json
    import random

    from tornado.websocket import websocket_connect

    ws = await websocket_connect(base.replace("http", "ws", 1) + "/livereload")
    # compact JSON: Hugo answers only a hello spelled exactly so
    await ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}, separators=(",", ":")))
    await ws.read_message()
    await ws.write_message(json.dumps({"command": "info", "url": base + url_path}, separators=(",", ":")))
    fetch(base + url_path)  # the tab shows the page being edited
    original = path.read_text("utf-8")
    jitter = random.Random(seed)  # the same waits between saves on every run of a benchmark
    samples = []
    try:
        for n in range(count):
            marker = f"Měření{n}x{int(time.time() * 1000) % 100000}"
            # An editor reads before saving again (meanwhile the server finishes its background part);
            # the jitter keeps saves from falling in step with a polling watcher's rhythm.
            await asyncio.sleep(pause + jitter.random())
            while True:  # drop reload messages left from the previous save (the background part may send one)
                try:
                    await asyncio.wait_for(ws.read_message(), 0.01)
                except asyncio.TimeoutError:
                    break
            begin = time.perf_counter()
            path.write_text(rewrite(original, marker), "utf-8")
            while True:
                message = await asyncio.wait_for(ws.read_message(), 120)
                if message and json.loads(message).get("command") == "reload" and marker in fetch(base + url_path):
                    break
            samples.append(time.perf_counter() - begin)
    finally:
        path.write_text(original, "utf-8")
        ws.close()
    return samples
