"""``build.py export``: the open-data files on their own, as ``build`` publishes them under ``data/``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from ..index import publishable
from ..outputs.opendata import FOLDER, FORMATS, export_files
from ..report import Reporter
from ..validate.stage import check_content
from ..write import write_beside


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    """Check the content; when it is valid, write the chosen formats into ``--out`` (default: all)."""
    out: Path = args.out
    if out.exists() and not out.is_dir():
        reporter.error(say(said.NOT_A_FOLDER, out=out))
        return EXIT_USAGE
    loaded = check_content(args.content, strict=args.strict)
    reporter.problems(loaded.problems)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        reporter.info(say(said.NOTHING_WRITTEN, out=out))
        return EXIT_CONTENT
    formats = args.formats or list(FORMATS)
    cat = publishable(loaded.catalogue)
    files = export_files(cat, formats)
    written = write_beside(out, {path.removeprefix(f"{FOLDER}/"): data for path, data in files.items()})
    made = [f for f in FORMATS if f in formats and (f != "plan" or cat.planning.plans)]  # no plan, no plan file
    reporter.info(say(said.EXPORTED, count=len(written), formats=", ".join(made), out=out))
    return EXIT_OK
