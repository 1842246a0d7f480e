"""``build.py print``: the printed catalogue and the leaflets, into ``OUT/tisk/``."""

from __future__ import annotations

import argparse

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_CONTENT, EXIT_OK
from ..pipeline import print_site
from ..report import Reporter


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    """Print into OUT/tisk/; exit 1 when the content is invalid or a leaflet does not fit its format."""
    printed_run = print_site(args.content, args.out, strict=args.strict, workers=args.jobs)
    reporter.problems(printed_run.problems)
    if printed_run.printed is None:
        reporter.info(say(said.NOTHING_PRINTED, out=args.out / "tisk"))
        return EXIT_CONTENT
    printed = printed_run.printed
    reporter.info(say(
        said.PRINTED, files=len(printed.files), pages=printed.total_pages, out=args.out / "tisk",
        rendered=printed.rendered, cached=printed.cached,
    ))
    if printed.overflowing:
        reporter.info(say(said.OVERFLOWING, names=", ".join(printed.overflowing)))
        return EXIT_CONTENT
    return EXIT_OK
