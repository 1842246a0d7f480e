"""The command line: ``catalogue check|build|schema|serve|new``; exit 0 ok, 1 content errors, 2 usage."""

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
from .model.records import LEVELS
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
    build.add_argument("--print", dest="print_pdfs", action="store_true",
                       help="also print the catalogue and the leaflets (PDF) into OUT/tisk/ and link them")
    schema = sub.add_parser("schema", help="write JSON Schemas for editors (VS Code)")
    common(schema)
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="output folder (default: schemas)")
    serve = sub.add_parser("serve", help="live preview: rebuild on every save and refresh the browser")
    common(serve)
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this computer only)")
    serve.add_argument("--poll", action="store_true", help="notice changes by polling (for network drives where notifications do not arrive)")
    new = sub.add_parser("new", help="create a new record file, ready to fill in")
    common(new)
    new.add_argument("kind", choices=["service", "provider", "locality", "life-situation"], help="what to create")
    new.add_argument("--id", help="the id = file name (default: made from the name)")
    new.add_argument("--name", help="name (of a service, provider or locality)")
    new.add_argument("--title", help="title (of a life situation)")
    new.add_argument("--provider", help="service: the provider's id")
    new.add_argument("--type", help="service: the service type's id (vocabularies/service-types.yaml)")
    new.add_argument("--kind", dest="record_kind", choices=["registered", "related"], help="service: registered or related (default: from the type)")
    new.add_argument("--level", choices=list(LEVELS), help="locality: its level")
    new.add_argument("--parent", help="locality: the id of the larger locality it lies in")
    search = sub.add_parser("search", help="search the catalogue offline, as the site's search does")
    common(search)
    search.add_argument("query", nargs="?", default="", help='what to look for, e.g. "domov pro seniory" (may be empty with filters)')
    for facet, what in (
        ("type", "a service type id"),
        ("locality", "a locality id (its sub-localities and the services covering it included)"),
        ("target-group", "a target group id"),
        ("form", "residential, outpatient or field"),
        ("life-situation", "a life situation id"),
        ("kind", "registered or related"),
        ("language", "a language id"),
    ):
        search.add_argument(f"--{facet}", action="append", default=[], metavar="ID", help=f"only {what}; repeat for any of several")
    search.add_argument("--wheelchair", action="store_true", help="only services with wheelchair access")
    search.add_argument("--free", action="store_true", help="only services free of charge")
    search.add_argument("--limit", type=int, default=10, help="how many results to show (default: 10)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    importing = sub.add_parser("import", help="import from the national registry of social services into the content folder")
    importing.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content; created when missing)")
    importing.add_argument("--debug", action="store_true", help="show tracebacks and timings")
    from .registry.command import add_arguments

    add_arguments(importing)
    printing = sub.add_parser("print", help="print the catalogue (booklet) and a leaflet per life situation (PDF) into OUT/tisk/")
    common(printing)
    printing.add_argument("--out", type=Path, default=Path("public"), help="output folder; the PDFs go into OUT/tisk/ (default: public)")
    printing.add_argument("--jobs", type=int, default=None, help="PDFs rendered at once (default: one per CPU core)")
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
    if args.command != "import" and not args.content.is_dir():  # an import may start a new folder
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

    result = build_site(args.content, args.out, strict=args.strict, print_pdfs=getattr(args, "print_pdfs", False))
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


def cmd_serve(args: argparse.Namespace, reporter: Reporter) -> int:
    from .serve import serve

    serve(args.content, port=args.port, host=args.host, reporter=reporter, strict=args.strict, watch="poll" if args.poll else "native")
    return EXIT_OK


def cmd_new(args: argparse.Namespace, reporter: Reporter) -> int:
    from .scaffold import scaffold_command

    return scaffold_command(args, reporter)


def cmd_print(args: argparse.Namespace, reporter: Reporter) -> int:
    """Print into OUT/tisk/; exit 1 when the content is invalid or a leaflet does not fit its format."""
    from .pipeline import print_site

    run = print_site(args.content, args.out, strict=args.strict, workers=args.jobs)
    reporter.problems(run.problems)
    if run.printed is None:
        reporter.info(f"nothing printed; {args.out / 'tisk'} is unchanged")
        return EXIT_CONTENT
    printed = run.printed
    reporter.info(
        f"printed {len(printed.files)} PDFs, {printed.total_pages} pages, into {args.out / 'tisk'} "
        f"({printed.rendered} rendered, {printed.cached} unchanged)"
    )
    if printed.overflowing:
        reporter.info(f"leaflets that do not fit their format: {', '.join(printed.overflowing)}; see above")
        return EXIT_CONTENT
    return EXIT_OK


def cmd_search(args: argparse.Namespace, reporter: Reporter) -> int:
    """Search like the site does; exit 1 when the content is invalid, 2 for an unknown filter id."""
    from .search.cli import run_search

    return run_search(args, reporter)


def cmd_import(args: argparse.Namespace, reporter: Reporter) -> int:
    """Import the registry; exit 1 on bad input, with the content folder untouched."""
    from .registry.command import run

    return run(args, reporter.out, reporter.err)


COMMANDS = {"import": cmd_import, "search": cmd_search, "check": cmd_check, "build": cmd_build, "schema": cmd_schema, "serve": cmd_serve, "new": cmd_new, "print": cmd_print}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
