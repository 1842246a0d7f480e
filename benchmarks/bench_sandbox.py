#!/usr/bin/env python3
"""What Jinja's sandbox costs: the national catalogue's pages rendered with and without it.

    python benchmarks/bench_sandbox.py [--runs 5] [--pages 2000] [--content DIR]

A catalogue with a theme (``content/theme/templates/``) is rendered in Jinja's
SandboxedEnvironment, one without in the plain Environment. This renders the same
random sample of national pages both ways, alternating, in one process (CPU time,
so other load on the machine counts less), checks the pages are byte-identical,
and prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

from common import national_unless, workspace  # noqa: E402

from catalogue import pipeline  # noqa: E402
from catalogue.index import publishable  # noqa: E402
from catalogue.render.plan import plan_pages  # noqa: E402
from catalogue.validate.stage import check_content  # noqa: E402
from catalogue.write import OutputTree  # noqa: E402


def render(catalogue, plans, chosen: set[str], theme: Path | None) -> tuple[float, dict[str, bytes]]:
    """Render the chosen pages; return (CPU seconds, the files)."""
    tree = OutputTree()
    start = time.process_time()
    pipeline.render_pages(catalogue, tree, theme, only=lambda plan: plan.url in chosen, plans=plans)
    return time.process_time() - start, tree.files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--content", type=Path, help="a catalogue to use instead of generating the national one")
    args = parser.parse_args()
    with workspace("bench-sandbox-") as work:
        content = national_unless(args.content, work)
        catalogue = publishable(check_content(content).catalogue)
        theme = work / "theme"
        (theme / "templates").mkdir(parents=True)
        for template in (ROOT / "templates").iterdir():  # a theme that overrides nothing visible: every template sandboxed
            if template.is_file():
                (theme / "templates" / template.name).write_bytes(template.read_bytes())
        plans = plan_pages(catalogue)
        chosen = {plan.url for plan in random.Random(1).sample(plans, min(args.pages, len(plans)))}
        times: dict[str, list[float]] = {"plain": [], "sandboxed": []}
        files: dict[str, dict[str, bytes]] = {}
        for _ in range(args.runs):
            for label, used in (("plain", None), ("sandboxed", theme)):
                seconds, files[label] = render(catalogue, plans, chosen, used)
                times[label].append(seconds)
        assert files["plain"] == files["sandboxed"], "the sandbox changed a page"
    plain, boxed = (statistics.median(times[k]) for k in ("plain", "sandboxed"))
    print(f"{len(chosen)} of {len(plans)} national pages, median CPU time of {args.runs} renders (pages identical):")
    print(f"  plain Environment        {plain:6.2f} s")
    print(f"  SandboxedEnvironment     {boxed:6.2f} s   ({boxed / plain:.2f}×; a whole national build renders {len(plans)} pages)")


if __name__ == "__main__":
    main()
