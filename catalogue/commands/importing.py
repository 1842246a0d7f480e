"""``build.py import registry``: import the national registry into the content folder, with a report of the changes."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TextIO

from ..errors import EXIT_CONTENT, EXIT_OK
from ..registry import CODELIST_BASE, OFFICIAL_FILE
from ..report import Reporter


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=["registry"], help="what to import: registry = the national registry of social services")
    parser.add_argument("--source", default=OFFICIAL_FILE, help=f"the registry file rpss.json, a path or a URL (default: {OFFICIAL_FILE})")
    parser.add_argument("--codelists", default=CODELIST_BASE,
                        help="the folder of the code lists (ciselniky/*.json), or their base URL")
    parser.add_argument("--area", action="append", default=[], metavar="KIND:NAME",
                        help="what to import: kraj:NAME, okres:NAME or obec:NAME, names or official codes; repeatable")
    parser.add_argument("--report", type=Path, help="also write the change report (Markdown) into this file")


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    """Run the import; 0 when done, 1 with a message on bad input (nothing written)."""
    # imported here, not above: every command's parser needs add_arguments, only an import needs the import
    from ..registry.importer import import_registry
    from ..registry.messages import RegistryInputError, say

    out, err = reporter.out, reporter.err
    language = reporter.language
    with tempfile.TemporaryDirectory(prefix="registry-") as scratch:
        try:
            result = import_registry(args.content, args.source, args.codelists, args.area, language, Path(scratch),
                                     progress_to(err), inform=lambda message: print(message, file=err))
        except RegistryInputError as exc:
            reporter.error(exc.message(language))
            return EXIT_CONTENT
    print(result.report, file=out, end="")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(result.report, encoding="utf-8")
    plan = result.plan
    if result.written:
        print(say("done", language, content=args.content, files=len(result.written), new=len(plan.new_services), conflicts=len(plan.conflicts)), file=err)
    else:
        print(say("nothing_changed", language, content=args.content), file=err)
    return EXIT_OK


def progress_to(stream: TextIO):
    """Return a progress bar that redraws one line of ``stream``."""
    state = {"shown": -1}

    def show(done: int, total: int | None) -> None:
        mb = done / 1e6
        if total:
            percent = done * 100 // total
            if percent == state["shown"]:
                return
            state["shown"] = percent
            bar = "#" * (percent // 4)
            stream.write(f"\r[{bar:<25}] {percent:3d} %  {mb:.1f} / {total / 1e6:.1f} MB")
        else:
            stream.write(f"\r{mb:.1f} MB")
        if total and done >= total:
            stream.write("\n")
        stream.flush()

    return show
