"""The build, as a flat list of named stages: load → validate → link → check → render → write.

Every stage adds to one :class:`Problems`; nothing is written unless the content
is valid, and the output is swapped in atomically at the very end.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Entry, RecordCache, default_cache_folder
from .errors import Problem, Problems, Severity
from .index import Catalogue, Vocabularies, redact_service
from .load.content import Document, RawContent, load_folder
from .load.yamlstrict import YamlError
from .model.references import facts
from .validate import records as v
from .validate.crossref import Checker

if TYPE_CHECKING:
    from .outputs.print import PrintResult
    from .render.site import PagePlan
    from .write import OutputTree

log = logging.getLogger("catalogue")


@dataclass
class Timings:
    steps: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.steps.append((name, elapsed))
        log.debug("%-10s %.3f s", name, elapsed)


@dataclass
class Loaded:
    """The result of ``check``: the catalogue (when it could be linked) and every problem."""

    catalogue: Catalogue | None
    problems: Problems
    documents: dict[str, Document]
    timings: Timings


def today() -> dt.date:
    """Return today's date, or the day of ``SOURCE_DATE_EPOCH`` for reproducible checks."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def load(
    content: Path,
    on_date: dt.date | None = None,
    strict: bool = False,
    cache: RecordCache | None = None,
    read: Callable[[Path, Problems], RawContent] | None = None,
) -> Loaded:
    """Load, validate and cross-check the content folder; report every problem.

    ``cache`` defaults to the on-disk cache beside the content; pass
    ``RecordCache(None)`` for none. ``read`` finds and reads the files; the live
    preview passes one that re-reads only the files that changed.
    """
    with paused_gc():
        return _load(content, on_date, strict, cache, read)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a step makes many lasting objects.

    Loading the national catalogue makes about a million objects (parsed YAML,
    records, the cache); the collector would walk all of them again and again as
    they pile up (unpickling the record cache: 1.0 s with it, 0.35 s without).
    What little cyclic garbage a step leaves waits for the collector's next run.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(
    content: Path,
    on_date: dt.date | None,
    strict: bool,
    cache: RecordCache | None,
    read: Callable[[Path, Problems], RawContent] | None,
) -> Loaded:
    timings = Timings()
    problems = Problems()
    cache = cache if cache is not None else RecordCache(default_cache_folder(content))
    with timings.step("load"):
        raw = (read or load_folder)(content, problems)
    documents = {d.key: d for d in raw.documents}
    with timings.step("validate"):
        catalogue, broken, facts = _validate(raw.documents, problems, cache)
        broken |= raw.failed
    if catalogue is not None:
        with timings.step("check"):
            Checker(catalogue, documents, problems, on_date or today(), broken, facts).run()
    cache.save()
    log.debug("cache: %d hits, %d misses", cache.hits, cache.misses)
    if strict:
        problems.promote_warnings()
    return Loaded(catalogue, problems, documents, timings)


def validate_cached(doc: Document, cache: RecordCache) -> Entry:
    """Validate one record file, or take what the cache knows of the same bytes."""
    key = RecordCache.key(doc.kind, doc.id, doc.source)
    entry = cache.get(key)
    if entry is not None:
        return entry
    local = Problems()
    record = None
    found: list = []
    try:
        data = doc.data
    except YamlError as exc:
        local.error(doc.path, exc.line, exc.column, "", exc.message)
    else:
        record = v.validate_record(doc, local)
        found = facts(doc.kind, data)
    entry = Entry(
        record,
        tuple((p.line, p.column, p.field, p.message, int(p.severity)) for p in local.items),
        tuple(found),
    )
    cache.put(key, entry)
    return entry


def _validate(
    documents: list[Document], problems: Problems, cache: RecordCache
) -> tuple[Catalogue | None, set[str], dict[str, list]]:
    site = None
    all_facts: dict[str, list] = {}
    vocab = Vocabularies()
    records: dict[str, dict] = {"providers": {}, "services": {}, "localities": {}, "life-situations": {}, "pages": {}}
    broken: set[str] = set()
    sources: dict[str, str] = {}
    for doc in documents:
        if doc.kind == "site":
            site = v.validate_site(doc, problems)
            continue
        if doc.kind == "vocabularies":
            terms = v.validate_vocabulary(doc, problems)
            if hasattr(vocab, Vocabularies.attribute(doc.id)):
                setattr(vocab, Vocabularies.attribute(doc.id), terms)
            continue
        if doc.kind == "pages":
            record = v.validate_page(doc, problems)
        else:
            entry = validate_cached(doc, cache)
            record = entry.record
            all_facts[doc.key] = list(entry.facts)
            for line, column, field_path, message, severity in entry.problems:
                problems.add(Problem(doc.path, line, column, field_path, message, Severity(severity)))
        if record is None:
            broken.add(f"{doc.kind}/{doc.id}")
        else:
            records[doc.kind][doc.id] = record
            sources[f"{doc.kind}/{doc.id}"] = doc.path
    if site is None:
        return None, broken, all_facts
    catalogue = Catalogue(
        site=site,
        providers=records["providers"],
        services=records["services"],
        localities=records["localities"],
        life_situations=records["life-situations"],
        pages=records["pages"],
        vocab=vocab,
        sources=sources,
    )
    return catalogue, broken, all_facts


def publishable(catalogue: Catalogue) -> Catalogue:
    """Return the catalogue with confidential locations redacted: the only input of every output."""
    services = {sid: redact_service(s) for sid, s in catalogue.services.items()}
    return Catalogue(
        site=catalogue.site,
        providers=catalogue.providers,
        services=services,
        localities=catalogue.localities,
        life_situations=catalogue.life_situations,
        pages=catalogue.pages,
        vocab=catalogue.vocab,
        sources=catalogue.sources,
    )


@dataclass
class BuildResult:
    problems: Problems
    pages: int = 0
    timings: Timings | None = None


def build_site(
    content: Path, out: Path, strict: bool = False, theme: Path | None = None, print_pdfs: bool = False
) -> BuildResult:
    """Check the content and, only when it is valid, render and swap in the whole site.

    ``print_pdfs`` adds the printed catalogue and leaflets under ``tisk/`` (and
    the pages link them); a leaflet that overflows its format is a warning, an
    error with ``strict`` (then nothing is written).
    """
    from .write import OutputTree

    loaded = load(content, strict=strict)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        return BuildResult(loaded.problems, timings=loaded.timings)
    timings = loaded.timings
    catalogue = publishable(loaded.catalogue)
    tree = OutputTree()
    theme = theme or (content / "theme")
    used_theme = theme if theme.is_dir() else None
    print_files = print_urls(catalogue) if print_pdfs else None
    with template_errors(loaded.problems, used_theme):
        with timings.step("render"):
            render_pages(catalogue, tree, used_theme, print_files=print_files)
        context = OutputContext(catalogue, tree, today(), used_theme)
        for name, output in output_steps():
            with timings.step(name):
                output(context)
        if print_pdfs:
            with timings.step("print"):
                printed = print_outputs(context, content, strict)
            loaded.problems.extend(printed.problems)
    if loaded.problems.has_errors():
        return BuildResult(loaded.problems, timings=timings)
    with timings.step("write"):
        tree.write_atomically(out)
    pages = sum(1 for p in tree.files if p.endswith(".html"))
    return BuildResult(loaded.problems, pages, timings)


@contextmanager
def template_errors(problems: Problems, theme: Path | None) -> Iterator[None]:
    """Report a template that fails (a theme's, most likely) at its file and line, instead of crashing."""
    import jinja2

    from .render.env import template_problem, template_roots

    try:
        yield
    except jinja2.TemplateError as exc:
        problems.add(template_problem(exc, template_roots(theme)))


def render_pages(
    catalogue: Catalogue,
    tree: OutputTree,
    theme: Path | None,
    only: Callable[[PagePlan], bool] | None = None,
    plans: list[PagePlan] | None = None,
    print_files: dict[str, str] | None = None,
) -> None:
    """Render the pages (``only`` the chosen ones) and static files; ``build`` and ``serve`` share this step."""
    from .render.site import render_site

    render_site(catalogue, tree, theme, generated=build_date(), only=only, plans=plans, print_files=print_files)


class Superseded(Exception):
    """The live preview has a newer render: outputs made for this one would not be served."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class OutputContext:
    """What an extra output reads (the finished, publishable catalogue) and where it writes.

    ``superseded`` tells a long output (the search index) that the live preview has
    moved on to a newer render; it stops by calling :meth:`check`.
    """

    catalogue: Catalogue
    tree: OutputTree
    today: dt.date
    theme: Path | None = None
    superseded: Callable[[], bool] = _never

    def check(self) -> None:
        """Raise :class:`Superseded` when the work in hand will not be served."""
        if self.superseded():
            raise Superseded


def output_steps() -> list[tuple[str, Callable[[OutputContext], None]]]:
    """Return the outputs made after the pages, in order; ``build`` and ``serve`` run this same list.

    Each reads the finished catalogue and adds its own files; page rendering never builds them.
    """
    from .outputs.cms import write_admin
    from .outputs.editors_report import write_editors_report
    from .search.output import write_search

    # The search index last: it takes seconds at national scale, and the live preview
    # serves the editors' report and the CMS configuration sooner this way.
    return [("admin", write_admin), ("editors", write_editors_report), ("search", write_search)]


def build_date() -> dt.date | None:
    """Return the build date only when ``SOURCE_DATE_EPOCH`` fixes it (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return None


# --- print ---------------------------------------------------------------------------------


def print_urls(catalogue: Catalogue) -> dict[str, str]:
    """Return the site URLs of the PDFs ("catalogue" and life-situation ids), known before printing."""
    from .outputs.print import print_paths

    return print_paths(catalogue)


def print_outputs(context: OutputContext, content: Path, strict: bool = False, workers: int | None = None) -> PrintResult:
    """Print the catalogue and leaflets into ``context.tree`` (under ``tisk/``); return the print result."""
    from .outputs.print import print_catalogue
    from .outputs.print.cache import default_print_cache

    result = print_catalogue(
        context.catalogue, default_print_cache(content), workers=workers, strict=strict, theme=context.theme, content=content
    )
    for path, data in sorted(result.files.items()):
        context.tree.add(path, data, f"print {path}")
    return result


@dataclass
class PrintRun:
    """The result of ``print``: the problems, and what was printed (None when the content is invalid)."""

    problems: Problems
    printed: PrintResult | None = None
    timings: Timings | None = None


def print_site(content: Path, out: Path, strict: bool = False, workers: int | None = None) -> PrintRun:
    """Check the content and print it into ``out/tisk/`` (swapped in atomically); the rest of ``out`` is untouched."""
    from .outputs.print import FOLDER
    from .write import OutputTree

    loaded = load(content, strict=strict)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        return PrintRun(loaded.problems, timings=loaded.timings)
    timings = loaded.timings
    theme = content / "theme"
    tree = OutputTree()
    context = OutputContext(publishable(loaded.catalogue), tree, today(), theme if theme.is_dir() else None)
    printed = None
    with template_errors(loaded.problems, context.theme), timings.step("print"):
        printed = print_outputs(context, content, strict, workers)
        loaded.problems.extend(printed.problems)
    if loaded.problems.has_errors() or printed is None:
        return PrintRun(loaded.problems, timings=timings)
    folder = OutputTree()
    for path, data in tree.files.items():
        folder.add(path.removeprefix(f"{FOLDER}/"), data, tree.owners[path])
    with timings.step("write"):
        folder.write_atomically(out / FOLDER, beside=out.resolve().parent)  # never a temporary tree inside the site
    return PrintRun(loaded.problems, printed, timings)
