#!/usr/bin/env python3
"""Print how fast the registry import is at national scale, and what its choices cost.

    python benchmarks/bench_import.py [--runs 3] [--keep DIR]

Writes a registry file of national size in the registry's shape (registry_synthetic.py:
6,700 registrations, ~19,000 facilities, ~100 MB) and measures, each in a fresh process:

* reading the file: stdlib ``json.load`` (all of it at once) vs the import's stream of
  registrations (the stdlib's C decoder, one registration at a time), and orjson when
  it is installed;
* the whole-country import into an empty folder (target < 30 s, peak < 1 GB);
* one district into an empty folder (target < 5 s);
* a re-import with no changes (writes no file) and the day-2 re-import over day 1;
* targeted YAML edits against a round trip through ruamel.yaml (when installed):
  how many files keep every byte, and the time per file.

Times are medians of --runs; the machine may be shared, so compare ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from registry_synthetic import generate  # noqa: E402
from synthetic import workspace  # noqa: E402

EPOCH = "1796083200"  # 2026-12-01


CPU: list[float] = []  # CPU seconds (user + system) of each run: steadier than wall time on a shared machine


def run(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run a command in a fresh process; return (seconds, peak MB); its CPU time goes to ``CPU``."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.read().decode()[-2000:]}")
    CPU.append(usage.ru_utime + usage.ru_stime)
    return elapsed, usage.ru_maxrss / 1024


def cpu_note() -> str:
    """Return the median CPU time of the runs of the last measurement, and forget them."""
    note = f"cpu {statistics.median(CPU):6.2f} s" if CPU else ""
    CPU.clear()
    return note


def median_run(make_args, runs: int, before=None) -> tuple[float, float]:
    CPU.clear()
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak = run(make_args())
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def import_args(data: Path, content: Path, source: str, area: list[str]) -> list[str]:
    args = [sys.executable, str(ROOT / "build.py"), "import", "registry", "--source", str(data / source),
            "--codelists", str(data / "ciselniky"), "--content", str(content)]
    for a in area:
        args += ["--area", a]
    return args


def digest(folder: Path, times: bool = True) -> dict[str, tuple[int, str]]:
    """Return path → (modification time, content hash); without ``times`` the content alone counts."""
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns if times else 0, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in folder.rglob("*") if p.is_file()}


def fresh(folder: Path):
    def clear() -> None:
        if folder.exists():
            subprocess.run(["rm", "-rf", str(folder)], check=True)
    return clear


PARSERS = {
    "stdlib json.load (whole file)": "import json,sys; json.load(open(sys.argv[1], 'rb'))",
    "import's stream (stdlib C decoder)": "import sys; from catalogue.registry.source import registrations;"
                                          " n = sum(1 for _ in registrations(open(sys.argv[1], 'rb'), sys.argv[1]))",
    "orjson.loads (whole file)": "import orjson,sys; orjson.loads(open(sys.argv[1], 'rb').read())",
}


def bench_parsers(data: Path, runs: int) -> None:
    for label, code in PARSERS.items():
        if label.startswith("orjson"):
            try:
                __import__("orjson")
            except ImportError:
                print(f"  {label:<40} (not installed)")
                continue
        seconds, peak = median_run(lambda: [sys.executable, "-c", code, str(data / "rpss.json")], runs)
        print(f"  {label:<40} median {seconds:6.2f} s   {cpu_note()}   peak {peak:6.0f} MB")


# How editors really type: what a hand-edited file may look like (all valid YAML, all valid records).
QUIRKS = [
    ("extra spaces after a colon", lambda t: t.replace("kind: ", "kind:   ", 1)),
    ("a list without spaces", lambda t: t.replace(", ", ",", 2) if "[" in t else t + "languages: [cs,uk]\n"),
    ("dashes at the key's column", lambda t: t.replace("\n  - ", "\n- ").replace("\n    ", "\n  ")),
    ("a comment at column 0 inside a list", lambda t: t.replace("\n  - ", "\n# další místo\n  - ", 1)),
    ("a document start", lambda t: "---\n" + t),
    ("a tab-free trailing space", lambda t: t.replace("\n", " \n", 1)),
]


def bench_yaml(content: Path) -> None:
    """Compare a targeted edit with a ruamel.yaml round trip on the imported and the demo files, as written and as editors type."""
    sys.path.insert(0, str(ROOT))
    from catalogue.registry.yamltext import Editor

    files = sorted((ROOT / "content/services").glob("*.yaml")) + sorted((content / "services").glob("*.yaml"))[:300]
    demo = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content/services").glob("*.yaml"))]
    quirky = [change(text) for _, change in QUIRKS for text in demo]
    for label, texts in (("as written", [p.read_text(encoding="utf-8") for p in files]), ("as editors type", quirky)):
        print(f"  {label} ({len(texts)} files):")
        _fidelity(texts, Editor)


def _fidelity(texts: list[str], Editor) -> None:
    start = time.perf_counter()
    same = 0
    for text in texts:
        editor = Editor(text)
        root = editor.root()
        editor.set(root, "name", str(root.get("name")[1].raw.value))  # the same value: nothing may move
        same += editor.apply() == text
    ours = (time.perf_counter() - start) / len(texts) * 1000
    print(f"    targeted edit: {same}/{len(texts)} files keep every byte, {ours:.2f} ms a file")
    try:
        from ruamel.yaml import YAML
    except ImportError:
        print("    ruamel.yaml round trip: not installed (pip install ruamel.yaml to compare)")
        return
    import io

    yaml = YAML()  # set up to write our style: quotes kept, no wrapping, "  - " under a key
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    start = time.perf_counter()
    same = 0
    for text in texts:
        out = io.StringIO()
        yaml.dump(yaml.load(text), out)
        same += out.getvalue() == text
    theirs = (time.perf_counter() - start) / len(texts) * 1000
    print(f"    ruamel.yaml round trip: {same}/{len(texts)} files keep every byte, {theirs:.2f} ms a file")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder instead of a scratch one")
    args = parser.parse_args()
    if args.keep:
        measure(args.keep, args.runs)
    else:
        with workspace("bench-import-") as work:
            measure(work, args.runs)


def measure(work: Path, runs: int) -> None:
    data = work / "registry"
    if not (data / "rpss-next.json").is_file():
        start = time.perf_counter()
        counts = generate(data, with_next=True)
        print(f"(generated {counts['registrations']:,} registrations, {counts['facilities']:,} facilities, "
              f"{counts['municipalities']:,} municipalities, {counts['bytes'] / 1e6:.0f} MB in {time.perf_counter() - start:.0f} s)")
    print("reading the registry file:")
    bench_parsers(data, runs)
    country = work / "country"
    seconds, peak = median_run(lambda: import_args(data, country, "rpss.json", ["CZ"]), runs, fresh(country))
    files = sum(1 for p in country.rglob("*") if p.is_file())
    print(f"whole country into an empty folder   median {seconds:6.2f} s   {cpu_note()}   peak {peak:6.0f} MB   ({files:,} files)")
    district = work / "district"
    seconds, peak = median_run(lambda: import_args(data, district, "rpss.json", ["okres:CZ0806"]), runs, fresh(district))
    files = sum(1 for p in district.rglob("*") if p.is_file())
    print(f"one district into an empty folder    median {seconds:6.2f} s   {cpu_note()}   peak {peak:6.0f} MB   ({files:,} files)")
    before = digest(country)
    seconds, peak = median_run(lambda: import_args(data, country, "rpss.json", ["CZ"]), runs)
    changed = sum(1 for k, v in digest(country).items() if before.get(k) != v)
    print(f"re-import, nothing changed           median {seconds:6.2f} s   {cpu_note()}   peak {peak:6.0f} MB   ({changed} files written)")
    day1 = work / "day1"
    subprocess.run(["cp", "-a", str(country), str(day1)], check=True)
    before = digest(country, times=False)

    def restore() -> None:
        fresh(country)()
        subprocess.run(["cp", "-a", str(day1), str(country)], check=True)

    seconds, peak = median_run(lambda: import_args(data, country, "rpss-next.json", ["CZ"]), runs, restore)
    changed = sum(1 for k, v in digest(country, times=False).items() if before.get(k) != v)
    print(f"day-2 re-import over day 1           median {seconds:6.2f} s   {cpu_note()}   peak {peak:6.0f} MB   ({changed} files written)")
    print("YAML edits:")
    bench_yaml(country)


if __name__ == "__main__":
    main()
