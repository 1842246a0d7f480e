"""``build.py build``: check, then build the site (with ``--print``, its PDFs too)."""

from __future__ import annotations

import argparse

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_CONTENT, EXIT_OK
from ..pipeline import build_site
from ..report import Reporter


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    result = build_site(args.content, args.out, strict=args.strict, print_pdfs=getattr(args, "print_pdfs", False))
    reporter.problems(result.problems)
    if result.problems.has_errors():
        reporter.info(say(said.NOTHING_WRITTEN, out=args.out))
        return EXIT_CONTENT
    reporter.info(say(said.BUILT, count=result.pages, out=args.out))
    return EXIT_OK
