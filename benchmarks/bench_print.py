#!/usr/bin/env python3
"""Print pages per second and total print time, at demo scale and for a 500-service catalogue.

    python benchmarks/bench_print.py [--runs 1] [--jobs N] [--skip-500]

Each measurement is a fresh ``build.py print`` process, as an editor or CI runs it.
"cold" has no print cache (every PDF is laid out), "warm" reuses it (nothing
changed, so nothing is laid out; this is the cost of deciding that). The demo is
``content/`` when it is there, else a national-shaped catalogue of 40 services; the
500 services are a part of the national catalogue of benchmarks/national.py (real
text lengths, so about two booklet pages per service).
Pages counts the booklet and the leaflets (not the imposed sheets); "booklet" is the
catalogue alone, the figure to watch when its type or layout changes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import ENV  # noqa: E402
from national import generate  # noqa: E402

SUMMARY = re.compile(r"printed (\d+) PDFs, (\d+) pages, into .* \((\d+) rendered, (\d+) unchanged\)")


def booklet_pages(out: Path) -> int:
    """Return the page count of the printed catalogue."""
    from pypdf import PdfReader

    return len(PdfReader(out / "tisk" / "katalog.pdf").pages)


def measure(content: Path, out: Path, jobs: int | None) -> tuple[float, int, int, float, str]:
    """Run ``build.py print``; return (seconds, pages, rendered, peak MB, booklet detail)."""
    args = [sys.executable, str(ROOT / "build.py"), "print", "--content", str(content), "--out", str(out), "--debug"]
    if jobs:
        args += ["--jobs", str(jobs)]
    env = {**ENV, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])}
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    peak = 0.0
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    except ImportError:  # not on Unix
        pass
    match = SUMMARY.search(stdout)
    if match is None:  # exit 1 for overflowing leaflets still prints the summary
        raise SystemExit(f"build.py print failed ({proc.returncode}):\n{stdout[-2000:]}\n{stderr[-2000:]}")
    steps = dict(re.findall(r"print catalogue: (\w+)\s+([\d.]+) s", stderr + stdout))
    detail = " ".join(f"{k} {float(v):.1f}" for k, v in steps.items())
    return elapsed, int(match.group(2)), int(match.group(3)), peak, detail


def bench(label: str, content: Path, runs: int, jobs: int | None, work: Path) -> None:
    cache = content.resolve().parent / ".cache" / "print"
    for mode in ("cold", "warm"):
        times, details = [], []
        pages = rendered = 0
        peak = 0.0
        for _ in range(runs):
            if mode == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            elif not cache.is_dir():
                measure(content, work / "public", jobs)
            seconds, pages, rendered, peak_mb, detail = measure(content, work / "public", jobs)
            times.append(seconds)
            details.append(detail)
            peak = max(peak, peak_mb)
        median = statistics.median(times)
        rate = pages / median if mode == "cold" else float("nan")
        rate_text = f"{rate:5.1f} pages/s" if mode == "cold" else "   (cached)   "
        print(f"{label:<12} {mode:<5} {pages:4d} pages (booklet {booklet_pages(work / 'public'):3d})  {median:6.1f} s  {rate_text}  "
              f"{rendered} PDFs laid out  peak {peak:4.0f} MB"
              + (f"   [booklet s: {details[0]}]" if mode == "cold" and details[0] else ""), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None, help="PDFs rendered at once (default: one per core)")
    parser.add_argument("--skip-500", action="store_true", help="only the demo scale")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs or 'one per core'}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-print-") as tmp:
        work = Path(tmp)
        demo = ROOT / "content"
        if not (demo / "site.yaml").is_file():
            demo = work / "demo" / "content"
            generate(demo, scale=40 / 6700)
        else:  # copy, so the benchmark's cache never touches the working tree's
            shutil.copytree(demo, work / "demo" / "content")
            demo = work / "demo" / "content"
        bench("demo", demo, args.runs, args.jobs, work / "demo")
        if not args.skip_500:
            content = work / "s500" / "content"
            generate(content, scale=500 / 6700)
            bench("500 services", content, args.runs, args.jobs, work / "s500")


if __name__ == "__main__":
    main()
