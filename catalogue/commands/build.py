"""``build.py build``: check, then build the site (with ``--print``, its PDFs too); nothing when nothing changed."""

from __future__ import annotations

import argparse

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_CONTENT, EXIT_OK
from ..manifest import survey_build
from ..report import Reporter
from ..write import tidy


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    print_pdfs = getattr(args, "print_pdfs", False)
    full = getattr(args, "full", False)
    # The survey first, and the rest of the program only when there is work: "nothing changed" is quick.
    survey = survey_build(args.content, args.out, strict=args.strict, print_pdfs=print_pdfs, full=full)
    if survey.unchanged and survey.manifest is not None:
        tidy(args.out)
        count = survey.manifest.warnings
        note = say(said.UNCHANGED_WARNINGS, count=count) if count else ""
        reporter.info(say(said.UNCHANGED, out=args.out, note=note))
        return EXIT_OK
    from ..pipeline import build_site

    result = build_site(args.content, args.out, strict=args.strict, print_pdfs=print_pdfs, full=full, survey=survey)
    reporter.problems(result.problems)
    if result.problems.has_errors():
        reporter.info(say(said.NOTHING_WRITTEN, out=args.out))
        return EXIT_CONTENT
    if result.unchanged:
        reporter.info(say(said.NOTHING_PUBLISHED, out=args.out))
    elif result.rendered < result.pages:
        reporter.info(say(said.BUILT_PARTLY, count=result.pages, out=args.out, rendered=result.rendered))
    else:
        reporter.info(say(said.BUILT, count=result.pages, out=args.out))
    return EXIT_OK
