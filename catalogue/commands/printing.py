"""``build.py print``: the printed catalogue and the leaflets, into ``OUT/tisk/``."""

from __future__ import annotations

import argparse

from ..errors import EXIT_CONTENT, EXIT_OK
from ..pipeline import print_site
from ..report import Reporter


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    """Print into OUT/tisk/; exit 1 when the content is invalid or a leaflet does not fit its format."""
    printed_run = print_site(args.content, args.out, strict=args.strict, workers=args.jobs)
    reporter.problems(printed_run.problems)
    if printed_run.printed is None:
        reporter.info(f"nothing printed; {args.out / 'tisk'} is unchanged")
        return EXIT_CONTENT
    printed = printed_run.printed
    reporter.info(
        f"printed {len(printed.files)} PDFs, {printed.total_pages} pages, into {args.out / 'tisk'} "
        f"({printed.rendered} rendered, {printed.cached} unchanged)"
    )
    if printed.overflowing:
        reporter.info(f"leaflets that do not fit their format: {', '.join(printed.overflowing)}; see above")
        return EXIT_CONTENT
    return EXIT_OK
