"""The build, as flat lists of named, timed steps (as Zola's ``Site::build``).

First the survey (:mod:`.manifest`): when nothing the last build read or wrote has
changed, ``build`` stops there. Then the check stage
(:func:`~catalogue.validate.stage.check_content`: load → validate → check). Only
when the content is valid do the steps of ``build`` run:
markdown → render → admin → editors → files → map → search → search-ids → opendata → [print] → offline →
write. Every step reads the publishable catalogue and adds its files to one :class:`OutputTree`; a step that
finds an error stops the list, so nothing is written unless everything is valid,
and the output is swapped in atomically by the last step.

An incremental build (the manifest trusted, only content changed) renders the pages
whose dependency keys meet the changed keys (:func:`~.render.depends.changed_keys`
and :meth:`~.render.depends.Depends.expand`, as the live preview), runs the other
outputs again only when the catalogue changed, and links every unchanged file from
the site in place into the new tree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import manifest
from .clock import Timings, build_date, today
from .incremental import Beside, Reuse, reuse_of
from .errors import Problems
from .index import Catalogue, publishable
from .manifest import Manifest, State, Survey
from .outputs.cms import write_admin
from .outputs.context import OutputContext, RecordPrints, cache_folder
from .outputs.editors_report import write_editors_report
from .outputs.mapdata import write_map_data
from .outputs.offline import write_service_worker
from .outputs.plan_files import write_plan_files
from .outputs.opendata import write_open_data
from .outputs.print import FOLDER, PrintResult, print_catalogue, print_paths
from .outputs.print.cache import default_print_cache
from .render import texts
from .render.env import template_problem, template_roots
from .render.plan import PagePlan, plan_pages
from .render.site import render_site
from .render.urls import output_path
from .search.ids import write_result_ids
from .search.output import write_search
from .validate.cache import RecordCache
from .validate.stage import Loaded, check_content
from .workers import build_heap, collecting
from .write import OutputTree, Recycle, tidy

Output = Callable[[OutputContext], None]
log = logging.getLogger("catalogue")


@dataclass
class Build:
    """What the steps of one build share: the publishable catalogue, the output tree, the problems."""

    content: Path
    out: Path
    catalogue: Catalogue
    problems: Problems
    strict: bool = False
    theme: Path | None = None
    print_files: dict[str, str] | None = None  # the PDFs' URLs when this build prints: the pages link them
    workers: int | None = None  # print processes (None: one per core)
    tree: OutputTree = field(default_factory=OutputTree)
    printed: PrintResult | None = None
    survey: Survey | None = None  # how the inputs and the output stand against the last build (None: not asked)
    reuse: Reuse | None = None  # what this build takes from the last one (None: a full build)
    pages: dict[str, frozenset[str]] = field(default_factory=dict)  # output path → dependency keys, of this build
    prints: RecordPrints | None = None  # what each service's outputs are made from (None: not known)
    beside: Beside | None = None  # the slow outputs, made meanwhile in a forked child (an incremental build)
    records: RecordCache | None = None  # the record cache the catalogue came from: the state names its records

    @property
    def outputs(self) -> OutputContext:
        return OutputContext(self.catalogue, self.tree, today(), self.theme, cache=cache_folder(self.content), prints=self.prints, once=True)


Step = tuple[str, Callable[[Build], None]]


def output_steps() -> list[tuple[str, Output]]:
    """Return the outputs made after the pages, in order; ``build`` and ``serve`` run this same list.

    Each reads the finished catalogue and adds its own files; page rendering never builds them.
    The search index and the open data last: they take seconds at national scale, and the
    live preview serves the editors' report and the CMS configuration sooner this way.
    The maps' data comes before the index; which service each search result is, after it.
    """
    return [
        ("admin", write_admin), ("editors", write_editors_report), ("files", write_plan_files), ("map", write_map_data),
        ("search", write_search), ("search-ids", write_result_ids), ("opendata", write_open_data),
    ]


def site_steps(print_pdfs: bool = False) -> list[Step]:
    """Return the steps of ``build`` after the check: pages, the outputs, the PDFs when asked, the swap."""
    steps: list[Step] = [("markdown", markdown_step), ("render", render_step)]
    steps += [(name, output_step(output)) for name, output in output_steps()]
    if print_pdfs:
        steps.append(("print", print_step))
    steps.append(("offline", offline_step))  # last: its version is a hash of the files before it
    steps.append(("write", write_step))
    return steps


COLLECTING = ("markdown", "render", "print")  # the steps that leave cyclic garbage (run_steps)


def print_steps() -> list[Step]:
    """Return the steps of ``print`` after the check: the PDFs, then the swap of ``OUT/tisk/`` alone."""
    return [("markdown", markdown_step), ("print", print_step), ("write", write_print_step)]


def run_steps(build: Build, steps: list[Step], timings: Timings) -> bool:
    """Run the steps in order, each timed; stop at the first that leaves an error. Return whether all ran.

    Only the steps that render (and their workers) run with the cyclic garbage collector (a build pauses it): they
    leave cyclic garbage (Jinja, Markdown: 135 objects a page); the others make lasting objects
    by the million and hardly any (a national one-edit build spent 7.3 of its 37 s collecting).
    An incremental build takes the slow outputs from a forked child (``Build.beside``) that made them meanwhile.
    """
    for name, step in steps:
        build.tree.step = name
        collector = collecting() if name in COLLECTING else nullcontext()
        with timings.step(name), template_errors(build.problems, build.theme), collector:
            if build.reuse is not None and build.reuse.keeps(name):
                build.reuse.keep_outputs(build.tree, name)
            elif build.beside is None or not build.beside.give(build.tree, name):
                step(build)
        if build.problems.has_errors():
            return False
    return True


@contextmanager
def template_errors(problems: Problems, theme: Path | None) -> Iterator[None]:
    """Report a template that fails (a theme's, most likely) at its file and line, instead of crashing."""
    try:
        yield
    except jinja2.TemplateError as exc:
        problems.add(template_problem(exc, template_roots(theme)))


# --- the steps ------------------------------------------------------------------------


def markdown_step(build: Build) -> None:
    """Render every Markdown text once, before the pages, search and print share it."""
    prepare_markdown(build.catalogue, build.content)


def render_step(build: Build) -> None:
    """Render the pages (all, or the stale ones) and copy the static files (the pages link the PDFs when this build prints)."""
    planned = plan_pages(build.catalogue)
    build.pages = {output_path(plan.url): plan.depends for plan in planned}
    reuse = build.reuse
    if reuse is None:
        render_pages(build.catalogue, build.tree, build.theme, plans=planned, print_files=build.print_files)
        return
    stale = {path for path, depends in build.pages.items() if reuse.stale(path, depends)}
    render_pages(
        build.catalogue, build.tree, build.theme, only=lambda plan: output_path(plan.url) in stale, plans=planned,
        print_files=build.print_files, parallel=len(stale) >= len(planned) // 4,
    )
    for path in sorted(build.pages.keys() - stale):
        build.tree.keep(path, reuse.manifest.outputs[path][2], "render")


def output_step(output: Output) -> Callable[[Build], None]:
    """Return a step that runs one extra output on the build's catalogue and tree."""

    def step(build: Build) -> None:
        output(build.outputs)

    return step


def print_step(build: Build) -> None:
    """Print the catalogue and leaflets into the tree (under ``tisk/``); an overflowing leaflet is a problem."""
    build.printed = print_outputs(build.outputs, build.content, build.strict, build.workers)
    build.problems.extend(build.printed.problems)


def offline_step(build: Build) -> None:
    """Add the service worker, versioned by the files it caches (only ``build``: the preview must not cache)."""
    write_service_worker(build.tree, build.catalogue)


def write_step(build: Build) -> None:
    """Swap in the whole site at once (linking the unchanged files from the one in place); until now nothing was written.

    The manifest goes first and comes back last: a build killed in between leaves none, and the next one is full.
    """
    digests = build.tree.digests()
    survey = build.survey
    manifest.forget(build.content, build.out)
    previous = build.tree.write_atomically(build.out, reuse=survey.intact if survey else None, digests=digests, recycle=survey.recycle() if survey else Recycle(None))
    if survey is None:
        return
    record = Manifest(str(build.out.resolve()), survey.settings, survey.inputs, warnings=len(build.problems.warnings), previous=previous)
    record.outputs, record.folders = manifest.record_outputs(build.out, digests, build.tree.steps)
    record.pages = sum(1 for p in digests if p.endswith(".html"))
    state = State(record.token, build.catalogue, build.pages)
    name, named = build.records.references() if build.records else (None, set())
    manifest.save(build.content, build.out, record, state, name)
    if build.records is not None:
        build.records.pin(named)  # a check or preview before the next build keeps them


def write_print_step(build: Build) -> None:
    """Swap in ``OUT/tisk/`` alone; the rest of ``OUT`` is untouched."""
    folder = OutputTree()
    for path, data in build.tree.files.items():
        folder.add(path.removeprefix(f"{FOLDER}/"), data, build.tree.owners[path])
    folder.write_atomically(build.out / FOLDER, beside=build.out.resolve().parent)  # never a temporary tree inside the site


# --- the commands' entry points ----------------------------------------------------------


@dataclass
class BuildResult:
    """The result of ``build``: every problem, how many pages were written (0 when nothing was), each step's time.

    ``unchanged``: nothing the last build read changed, so nothing was written;
    ``rendered``: how many pages were rendered (fewer than ``pages`` when incremental).
    """

    problems: Problems
    pages: int = 0
    timings: Timings | None = None
    unchanged: bool = False
    rendered: int = 0
    warnings: int = 0  # of the last build, when this one found nothing changed


def prepare(
    loaded: Loaded, content: Path, out: Path, strict: bool, theme: Path | None = None, workers: int | None = None
) -> Build:
    """Return the state of a build of checked, valid content: the publishable catalogue, the theme when there is one."""
    assert loaded.catalogue is not None
    theme = theme or content / "theme"
    theme_dir = theme if theme.is_dir() else None
    return Build(content, out, publishable(loaded.catalogue), loaded.problems, strict, theme_dir, workers=workers, records=loaded.cache)


def build_site(
    content: Path, out: Path, strict: bool = False, theme: Path | None = None, print_pdfs: bool = False,
    full: bool = False, survey: Survey | None = None,
) -> BuildResult:
    """Check the content and, only when it is valid, render and swap in the site; do nothing when nothing changed.

    ``print_pdfs`` adds the printed catalogue and leaflets under ``tisk/`` (and the pages
    link them); a leaflet that overflows its format is a warning, an error with ``strict``
    (then nothing is written). Unless ``full``, what the last build recorded
    (:mod:`.manifest`) decides what to render again; ``survey`` is that comparison when
    the caller has made it. A ``theme`` elsewhere than ``content/theme`` builds in full.
    """
    if survey is None and theme is None:
        survey = manifest.survey_build(content, out, strict, print_pdfs, full)
    if survey is not None and survey.unchanged and survey.manifest is not None:
        return BuildResult(Problems(), survey.manifest.pages, unchanged=True, warnings=survey.manifest.warnings)
    with build_heap() as freeze:  # the catalogue lives to the end: no collection need walk it (see run_steps)
        loaded = check_content(content, strict=strict)
        if loaded.problems.has_errors() or loaded.catalogue is None:
            return BuildResult(loaded.problems, timings=loaded.timings)
        build = prepare(loaded, content, out, strict, theme)
        build.survey = survey
        return _build_valid(build, loaded.timings, print_pdfs, freeze)


def _build_valid(build: Build, timings: Timings, print_pdfs: bool, freeze: Callable[[], None]) -> BuildResult:
    """Compare with the last build, then run the steps (``freeze`` the catalogues once they are made)."""
    survey = build.survey
    if print_pdfs:
        build.print_files = print_paths(build.catalogue)
    if survey is not None:
        build.prints = RecordPrints.of(build.content, survey.inputs, survey.settings, build.catalogue.sources)
    steps = site_steps(print_pdfs)
    build.beside = Beside(build, steps) if Beside.possible(survey) else None
    try:
        if survey is not None:
            with timings.step("compare"):
                build.reuse = reuse_of(build.content, build.out, build.catalogue, survey, build.records)
        freeze()
        if build.reuse is not None and survey is not None and not build.reuse.keys and not survey.damaged and not survey.extra:
            unchanged_catalogue(build)  # edits that publish nothing (a comment, an unpublished draft)
            return BuildResult(build.problems, build.reuse.manifest.pages, timings, unchanged=True)
        if build.beside is not None and not Beside.worth(build.reuse):
            build.beside.child.cancel()  # every page again: the render's workers want both cores
            build.beside = None
        if not run_steps(build, steps, timings):
            return BuildResult(build.problems, timings=timings)
    finally:
        if build.beside is not None:
            build.beside.child.cancel()
    pages = sum(1 for p in build.tree.paths() if p.endswith(".html"))
    rendered = sum(1 for p in build.tree.files if p.endswith(".html"))
    return BuildResult(build.problems, pages, timings, rendered=rendered)


def unchanged_catalogue(build: Build) -> None:
    """Record the new inputs of a build whose published catalogue is the last one's: the output stays as it is."""
    assert build.reuse is not None and build.survey is not None
    record = build.reuse.manifest
    record.inputs, record.warnings = build.survey.inputs, len(build.problems.warnings)
    manifest.save(build.content, build.out, record, None)
    tidy(build.out)


@dataclass
class PrintRun:
    """The result of ``print``: the problems, and what was printed (None when the content is invalid)."""

    problems: Problems
    printed: PrintResult | None = None
    timings: Timings | None = None


def print_site(content: Path, out: Path, strict: bool = False, workers: int | None = None) -> PrintRun:
    """Check the content and print it into ``out/tisk/`` (swapped in atomically); the rest of ``out`` is untouched."""
    loaded = check_content(content, strict=strict)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        return PrintRun(loaded.problems, timings=loaded.timings)
    build = prepare(loaded, content, out, strict, workers=workers)
    if not run_steps(build, print_steps(), loaded.timings):
        return PrintRun(build.problems, timings=loaded.timings)
    return PrintRun(build.problems, build.printed, loaded.timings)


# --- shared with the live preview ----------------------------------------------------------


def render_pages(
    catalogue: Catalogue,
    tree: OutputTree,
    theme: Path | None,
    only: Callable[[PagePlan], bool] | None = None,
    plans: list[PagePlan] | None = None,
    print_files: dict[str, str] | None = None,
    parallel: bool | None = None,
) -> None:
    """Render the pages (``only`` the chosen ones) and static files; ``build`` and ``serve`` share this step."""
    render_site(catalogue, tree, theme, generated=build_date(), only=only, plans=plans, print_files=print_files, parallel=parallel)


def prepare_markdown(catalogue: Catalogue, content: Path) -> int:
    """Render the catalogue's Markdown texts that this process has not (the disk cache has most); return how many."""
    return texts.prepare(texts.markdown_texts(catalogue), texts.MarkdownCache(texts.default_folder(content)))


def print_outputs(context: OutputContext, content: Path, strict: bool = False, workers: int | None = None) -> PrintResult:
    """Print the catalogue and leaflets into ``context.tree`` (under ``tisk/``); return the print result."""
    result = print_catalogue(
        context.catalogue, default_print_cache(content), workers=workers, strict=strict, theme=context.theme, content=content
    )
    for path, data in sorted(result.files.items()):
        context.tree.add(path, data, f"print {path}")
    return result
