"""``build.py schema``: the JSON Schemas editors' tools read, with the current ids as choices."""

from __future__ import annotations

import argparse

from ..messages import commands as said
from ..messages.core import say
from ..errors import EXIT_OK
from ..outputs.schema import write_schemas
from ..report import Reporter
from ..validate.stage import check_content


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    loaded = check_content(args.content)
    written = write_schemas(args.out, loaded.catalogue)
    reporter.info(say(said.SCHEMAS, count=len(written), out=args.out))
    return EXIT_OK
