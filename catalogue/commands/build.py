"""``build.py build``: check, then build the site (with ``--print``, its PDFs too); nothing when nothing changed."""

from __future__ import annotations

import argparse

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
        reporter.info(f"nothing changed since the last build; {args.out} is up to date{warnings_note(survey.manifest.warnings)}")
        return EXIT_OK
    from ..pipeline import build_site

    result = build_site(args.content, args.out, strict=args.strict, print_pdfs=print_pdfs, full=full, survey=survey)
    reporter.problems(result.problems)
    if result.problems.has_errors():
        reporter.info(f"nothing written; {args.out} is unchanged")
        return EXIT_CONTENT
    if result.unchanged:
        reporter.info(f"nothing published changed; {args.out} is up to date")
    elif result.rendered < result.pages:
        reporter.info(f"built {result.pages} pages into {args.out} ({result.rendered} rendered again, the rest unchanged)")
    else:
        reporter.info(f"built {result.pages} pages into {args.out}")
    return EXIT_OK


def warnings_note(count: int) -> str:
    """Return a note of the last build's warnings, which a build that did nothing does not repeat."""
    return f" (it had {count} warning{'s' if count != 1 else ''}: `check` lists them)" if count else ""
