"""The command line: ``catalogue check|build|schema|serve|new|print|search|export|import``; exit codes as in :mod:`.errors`."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from .load.content import site_language
from .messages import commands as said
from .messages.core import LANGUAGE_VARIABLE, LANGUAGES, choose_language, say
from . import __version__
from .errors import EXIT_CONTENT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, CatalogueError
from .report import Reporter, Translating

# Named here to keep start-up light: importing the models (pydantic) costs a no-change build
# 0.35 s of its second. tests/test_cli.py holds them equal to the models' own lists.
EXPORT_FORMATS = ("json", "csv", "hsds", "dcat", "plan")  # catalogue.outputs.opendata.FORMATS
NEW_KINDS = ("service", "provider", "locality", "life-situation")  # the RECORD_KINDS that ``new`` makes
LEVELS = ("region", "district", "municipality", "city-district", "part", "neighbourhood")  # catalogue.model.records.LEVELS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catalogue", description="Build a catalogue of social services from YAML files.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def language(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGUAGES, default=None,
                       help=f"the language of messages (default: ${LANGUAGE_VARIABLE}, else the site's language, else cs)")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        p.add_argument("--debug", action="store_true", help="show tracebacks and timings")
        language(p)
        p.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                       help="also print GitHub annotations (default inside GitHub Actions)")

    check = sub.add_parser("check", help="validate every file and report all problems")
    common(check)
    build = sub.add_parser("build", help="check, then build the site")
    common(build)
    build.add_argument("--out", type=Path, default=Path("public"), help="output folder (default: public)")
    build.add_argument("--full", action="store_true",
                       help="render everything again, ignoring what the last build recorded (it normally redoes only what changed)")
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
    new.add_argument("kind", choices=NEW_KINDS, help="what to create")
    new.add_argument("--id", help="the id = file name (default: made from the name)")
    new.add_argument("--name", help="name (of a service, provider or locality)")
    new.add_argument("--title", help="title (of a life situation)")
    new.add_argument("--provider", help="service: the provider's id")
    new.add_argument("--type", help="service: the service type's id (vocabularies/service-types.yaml)")
    new.add_argument("--kind", dest="record_kind", choices=["registered", "related"], help="service: registered or related (default: from the type)")
    new.add_argument("--level", choices=LEVELS, help="locality: its level")
    new.add_argument("--parent", help="locality: the id of the larger locality it lies in")
    search = sub.add_parser("search", help="search the catalogue offline, as the site's search does")
    common(search)
    search.add_argument("query", nargs="?", default="", help='what to look for, e.g. "domov pro seniory" (may be empty with filters)')
    for facet, what in (
        ("type", "a service type id"),
        ("locality", "a locality id (its sub-localities and the services covering it included)"),
        ("target-group", "a target group id"),
        ("form", "pobytová, ambulantní or terénní (or residential, outpatient, field)"),
        ("life-situation", "a life situation id"),
        ("kind", "registrovaná, související (or registered, related), plan or measure (of the community plan)"),
        ("language", "a language id"),
    ):
        search.add_argument(f"--{facet}", action="append", default=[], metavar="ID", help=f"only {what}; repeat for any of several")
    search.add_argument("--wheelchair", action="store_true", help="only services with wheelchair access")
    search.add_argument("--free", action="store_true", help="only services free of charge")
    search.add_argument(
        "--hours", action="append", default=[], metavar="WHEN",
        help="only services open in the evening (after 18:00), at weekends, nonstop or by appointment; repeat for any of several",
    )
    search.add_argument("--open-now", action="store_true", help="only services open now (the catalogue's local time), as the site's filter")
    search.add_argument("--at", metavar="TIME", help='the local time of --open-now and of the results\' hours lines instead of now, e.g. "2026-12-24T23:00"')
    search.add_argument("--limit", type=int, default=10, help="how many results to show (default: 10)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    importing = sub.add_parser("import", help="import from the national registry of social services into the content folder")
    importing.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content; created when missing)")
    importing.add_argument("--debug", action="store_true", help="show tracebacks and timings")
    language(importing)
    from .commands.importing import add_arguments

    add_arguments(importing)
    printing = sub.add_parser("print", help="print the catalogue (booklet) and a leaflet per life situation (PDF) into OUT/tisk/")
    common(printing)
    printing.add_argument("--out", type=Path, default=Path("public"), help="output folder; the PDFs go into OUT/tisk/ (default: public)")
    printing.add_argument("--jobs", type=int, default=None, help="PDFs rendered at once (default: one per CPU core)")
    export = sub.add_parser("export", help="write the open data (as build publishes it under data/) into a folder")
    common(export)
    export.add_argument("--format", dest="formats", action="append", choices=EXPORT_FORMATS,
                        help="json (with its JSON Schema), csv (two dialects and CSV on the Web metadata), hsds "
                             "(Open Referral HSDS 3.0), dcat (DCAT-AP-CZ records) or plan (the community plans with their "
                             "JSON Schema); repeat for several (default: all)")
    export.add_argument("--out", type=Path, required=True, help="the folder to write into; its other files are left alone")
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
    reporter.language = choose_language(args.lang, site_language(args.content))
    log_to_stderr(args.debug, reporter.language)
    if args.command != "import" and not args.content.is_dir():  # an import may start a new folder
        reporter.error(say(said.NO_CONTENT, path=args.content))
        return EXIT_USAGE
    try:
        return run_command(args.command, args, reporter)
    except CatalogueError as exc:
        reporter.error(exc.message)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        reporter.error(say(said.INTERRUPTED))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of the output went away (| head): nothing more to say, no error to print
        quiet_stdout()
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug of ours: short message, traceback on request
        if args.debug:
            traceback.print_exc()
        else:
            reporter.error(say(said.INTERNAL, kind=type(exc).__name__, reason=exc))
        return EXIT_INTERNAL


def quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing what is left of it at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (tests capture it)
        pass


def log_to_stderr(debug: bool, language: str) -> None:
    """Print log records (warnings of a build, notes on caches) on stderr, said ones in ``language``."""
    ours = [h for h in logging.getLogger().handlers if isinstance(h.formatter, Translating)]
    if ours:  # a second run in one process (tests, the preview) speaks its own language
        ours[0].formatter.language = language  # type: ignore[union-attr]
        return
    handler = logging.StreamHandler()
    handler.setFormatter(Translating(language))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])


def run_command(name: str, args: argparse.Namespace, reporter: Reporter) -> int:
    """Run one command; only its own module is imported (``check`` needs no Jinja, Pagefind or PDF library)."""
    if name == "check":
        from .commands import check as command
    elif name == "build":
        from .commands import build as command
    elif name == "schema":
        from .commands import schema as command
    elif name == "serve":
        from .commands import serve as command
    elif name == "new":
        from .commands import new as command
    elif name == "print":
        from .commands import printing as command
    elif name == "export":
        from .commands import export as command
    elif name == "import":
        from .commands import importing as command
    else:
        from .commands import search as command
    return command.run(args, reporter)


def run() -> None:
    """Console-script entry point (and ``build.py``'s): run one command, then end the process at once.

    The reporter holds what the command made (:attr:`Reporter.kept`, the national
    catalogue's million objects after ``check``) until the process ends, which then
    ends without tearing down (``os._exit``, once its output is flushed and its exit
    handlers have run: temporary folders, worker pools): freeing those objects one
    by one would only cost time.
    """
    reporter = Reporter()
    reporter.last = True
    code = main(reporter=reporter)
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (| head): what Python itself exits with then
        code = 120
    atexit._run_exitfuncs()
    os._exit(code)
