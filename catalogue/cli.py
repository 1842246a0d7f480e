"""The command line: ``catalogue check|build|schema``; exit 0 ok, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import CatalogueError
from .report import Reporter

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalogue", description="Build a catalogue of social services from YAML files.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--debug", action="store_true", help="show tracebacks and timings")
        p.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                       help="also print GitHub annotations (default inside GitHub Actions)")

    check = sub.add_parser("check", help="validate every file and report all problems")
    common(check)
    build = sub.add_parser("build", help="check, then build the site")
    common(build)
    build.add_argument("--out", type=Path, default=Path("public"), help="output folder (default: public)")
    schema = sub.add_parser("schema", help="write JSON Schemas for editors (VS Code)")
    common(schema)
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="output folder (default: schemas)")
    return parser


def main(argv: Sequence[str] | None = None, reporter: Reporter | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    reporter = reporter or Reporter()
    reporter.github = getattr(args, "github", False)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(message)s")
    if not args.content.is_dir():
        reporter.error(f"no content folder at {args.content}; pass --content DIR")
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args, reporter)
    except CatalogueError as exc:
        reporter.error(str(exc))
        return EXIT_CONTENT
    except KeyboardInterrupt:
        reporter.error("interrupted; the previous output is untouched")
        return 130
    except Exception as exc:  # a bug of ours: short message, traceback on request
        if args.debug:
            traceback.print_exc()
        else:
            reporter.error(f"internal error ({type(exc).__name__}: {exc}); run again with --debug for the traceback and report it")
        return EXIT_INTERNAL


def cmd_check(args: argparse.Namespace, reporter: Reporter) -> int:
    from .pipeline import load

    loaded = load(args.content, strict=args.strict)
    reporter.problems(loaded.problems)
    if loaded.problems.has_errors():
        return EXIT_CONTENT
    if not loaded.problems.items:
        reporter.info("no problems")
    return EXIT_OK


def cmd_build(args: argparse.Namespace, reporter: Reporter) -> int:
    from .pipeline import build_site

    result = build_site(args.content, args.out, strict=args.strict)
    reporter.problems(result.problems)
    if result.problems.has_errors():
        reporter.info(f"nothing written; {args.out} is unchanged")
        return EXIT_CONTENT
    reporter.info(f"built {result.pages} pages into {args.out}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, reporter: Reporter) -> int:
    from .outputs.schema import write_schemas
    from .pipeline import load

    loaded = load(args.content)
    written = write_schemas(args.out, loaded.catalogue)
    reporter.info(f"wrote {len(written)} schemas into {args.out}")
    return EXIT_OK


COMMANDS = {"check": cmd_check, "build": cmd_build, "schema": cmd_schema}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
