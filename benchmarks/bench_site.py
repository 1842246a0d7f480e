#!/usr/bin/env python3
"""Print the weight of the citizens' site and how long the demo takes to build.

    python benchmarks/bench_site.py [--content content] [--runs 3]

Weight: HTML + CSS of each service page, gzip-compressed (level 9), median and max
(target, issue 3: under 20 KB). Page counts per kind. Build time: median of --runs
full builds of the content (check, render, every output, write), each in a fresh process.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 20 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def build(content: Path, out: Path) -> float:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--out", str(out)], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build failed:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
    return time.perf_counter() - start


def is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "public"
        times = [build(args.content, out) for _ in range(args.runs)]
        css = (out / "static/style.css").read_bytes()
        services = [p for p in sorted((out / "sluzby").glob("*/index.html")) if not is_redirect(p)]
        sizes = {p.parent.name: gz(p.read_bytes()) + gz(css) for p in services}
        raw = {p.parent.name: len(p.read_bytes()) + len(css) for p in services}
        pages = Counter(
            "redirect" if is_redirect(p) else (p.relative_to(out).parts[0] if len(p.relative_to(out).parts) > 2 else "index pages")
            for p in out.rglob("*.html")
        )
        heaviest = max(sizes, key=sizes.get)
        print(f"content            {args.content}")
        print(f"build (full)       median {statistics.median(times):.2f} s over {args.runs} runs (min {min(times):.2f}, max {max(times):.2f})")
        print(f"service pages      {len(services)}")
        print(f"HTML+CSS gzip      median {statistics.median(sizes.values()) / 1024:.1f} KB, max {sizes[heaviest] / 1024:.1f} KB ({heaviest}); budget {BUDGET // 1024} KB")
        print(f"HTML+CSS raw       median {statistics.median(raw.values()) / 1024:.1f} KB, max {max(raw.values()) / 1024:.1f} KB")
        print(f"CSS                {len(css) / 1024:.1f} KB raw, {gz(css) / 1024:.1f} KB gzip")
        print(f"HTML pages         {sum(pages.values())} in all: " + ", ".join(f"{k} {v}" for k, v in sorted(pages.items())))
        if sizes[heaviest] >= BUDGET:
            raise SystemExit("over budget")


if __name__ == "__main__":
    main()
