"""``build.py serve``: the live preview, until Ctrl+C."""

from __future__ import annotations

import argparse

from ..errors import EXIT_OK
from ..report import Reporter
from ..serve import serve


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    serve(args.content, port=args.port, host=args.host, reporter=reporter, strict=args.strict, watch="poll" if args.poll else "native")
    return EXIT_OK
