"""``build.py check``: validate every file and report all problems at once."""

from __future__ import annotations

import argparse
import gc

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_CONTENT, EXIT_OK
from ..report import Reporter
from ..validate.last import last_problems, remember, snapshot


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    if reporter.last:  # the national catalogue's million objects would cost the collector 0.7 s when it is enabled again
        gc.disable()
    before = snapshot(args.content, args.strict)  # taken before anything is read: a file saved meanwhile differs next time
    problems = last_problems(args.content, before)
    if problems is None:
        from ..validate.stage import check_content  # only now: the models' import costs 0.3 s

        loaded = reporter.kept = check_content(args.content, strict=args.strict, stats=before.stats())
        problems = loaded.problems
        remember(args.content, before, problems)
    reporter.problems(problems)
    if problems.has_errors():
        return EXIT_CONTENT
    if not problems.items:
        reporter.info(say(said.NO_PROBLEMS))
    return EXIT_OK
