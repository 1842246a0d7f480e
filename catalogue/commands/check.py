"""``build.py check``: validate every file and report all problems at once."""

from __future__ import annotations

import argparse

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_CONTENT, EXIT_OK
from ..report import Reporter
from ..validate.stage import check_content


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    loaded = check_content(args.content, strict=args.strict)
    reporter.problems(loaded.problems)
    if loaded.problems.has_errors():
        return EXIT_CONTENT
    if not loaded.problems.items:
        reporter.info(say(said.NO_PROBLEMS))
    return EXIT_OK
