"""Plan the print jobs, take unchanged ones from the cache, render the rest in parallel, report overflows.

The HTML of every document is rendered here (fast, in this process); the PDFs
are laid out by worker processes, the whole catalogue first since it takes
longest. Output bytes depend only on the HTML, so the order and the number of
workers never change a file.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ...messages import commands as said
from ...messages.core import say
from ...clock import source_timestamp
from ...errors import Problem, Problems, Severity, display_path
from ...index import Catalogue
from ...render.engine import available_cores
from ...render.env import make_environment
from ...workers import die_with_parent
from .cache import PdfCache, job_key
from .contexts import booklet_context, leaflet_context
from .fonts import font_face_css
from .pdf import Job, Rendered, render_job
from .plan import plan_booklets, plan_documents

log = logging.getLogger("catalogue")

FOLDER = "tisk"
CATALOGUE_FILE = "katalog.pdf"
BOOKLET_FILE = "katalog-brozura.pdf"


def print_paths(cat: Catalogue) -> dict[str, str]:
    """Return the site URLs of the PDFs: "catalogue" and each life situation's id → ``/tisk/….pdf``.

    The names are stable so that links, QR codes on posters and bookmarks keep working.
    """
    paths = {"catalogue": f"/{FOLDER}/{CATALOGUE_FILE}"}
    paths.update({sid: f"/{FOLDER}/{sid}.pdf" for sid in sorted(cat.life_situations)})
    paths.update({key: f"/{FOLDER}/{name}" for key, name in plan_documents(cat.planning).items()})
    return paths


@dataclass
class PrintResult:
    """The PDFs (site-relative path → bytes), their page counts and what went wrong."""

    files: dict[str, bytes] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    overflowing: list[str] = field(default_factory=list)  # leaflets that do not fit their format
    rendered: int = 0  # jobs laid out in this run
    cached: int = 0  # jobs taken from the cache
    render_seconds: float = 0.0  # summed over workers

    @property
    def total_pages(self) -> int:
        return sum(self.pages.values())


def plan_jobs(cat: Catalogue, theme: Path | None = None, impose: bool = True) -> list[Job]:
    """Return the documents to print, the catalogue first; the HTML is rendered now."""
    env = make_environment(cat.site.language, theme / "templates" if theme else None)
    created = source_timestamp()
    fonts = font_face_css()
    booklet = env.get_template("print/booklet.html")
    context = booklet_context(cat, created, fonts)
    parts = tuple(booklet.render({**context, "part": part}) for part in ("front", "body", "back"))
    jobs = [Job("catalogue", "booklet", cat.site.print.format, parts, impose)]
    leaflet = env.get_template("print/leaflet.html")
    for situation in sorted(cat.life_situations.values(), key=lambda s: (s.order, s.id)):
        html = leaflet.render(leaflet_context(cat, situation, created, fonts))
        jobs.append(Job(situation.id, "leaflet", cat.site.print.leaflet_format, (html,)))
    names = plan_documents(cat.planning)
    jobs += [Job(names[key], "plan", "A4", parts) for key, parts in plan_booklets(env, cat, created, fonts)]
    return jobs


def print_catalogue(
    cat: Catalogue,
    cache_folder: Path | None = None,
    workers: int | None = None,
    strict: bool = False,
    theme: Path | None = None,
    impose: bool = True,
    content: Path | None = None,
) -> PrintResult:
    """Print the publishable catalogue: the booklet, its imposition and one leaflet per life situation.

    A leaflet that overflows its format is still written, unfolded, and reported
    as a warning (an error when ``strict``). ``content`` is only for naming
    ``site.yaml`` in messages about the booklet.
    """
    cache = PdfCache(cache_folder)
    jobs = plan_jobs(cat, theme, impose)
    keys = [job_key(job) for job in jobs]
    done: dict[int, Rendered] = {}
    for i, key in enumerate(keys):
        hit = cache.get(key)
        if hit is not None:
            done[i] = hit
    todo = [i for i in range(len(jobs)) if i not in done]
    start = time.perf_counter()
    for i, rendered in zip(todo, render_all([jobs[i] for i in todo], workers)):
        cache.put(keys[i], rendered)
        done[i] = rendered
    log.debug("print: %d rendered in %.2f s, %d cached", len(todo), time.perf_counter() - start, len(jobs) - len(todo))
    cache.prune()
    result = PrintResult(rendered=len(todo), cached=len(jobs) - len(todo))
    site_file = display_path(content / "site.yaml") if content else "site.yaml"
    for i, job in enumerate(jobs):
        collect(cat, job, done[i], result, strict, site_file)
        if i in todo:
            result.render_seconds += done[i].seconds
    return result


def render_all(jobs: list[Job], workers: int | None) -> list[Rendered]:
    """Render jobs in worker processes (one process when there is one job or one core)."""
    workers = min(workers or available_cores(), len(jobs))
    if workers <= 1:
        return [render_job(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        return list(pool.map(render_job, jobs))


def collect(cat: Catalogue, job: Job, rendered: Rendered, result: PrintResult, strict: bool, site_file: str) -> None:
    """Add a job's files to the result and its problems to the report."""
    if job.kind == "booklet":
        result.files[f"{FOLDER}/{CATALOGUE_FILE}"] = rendered.pdf
        result.pages[f"{FOLDER}/{CATALOGUE_FILE}"] = rendered.pages
        if rendered.imposed is not None:
            result.files[f"{FOLDER}/{BOOKLET_FILE}"] = rendered.imposed
        source = site_file
    elif job.kind == "plan":
        result.files[f"{FOLDER}/{job.name}"] = rendered.pdf
        result.pages[f"{FOLDER}/{job.name}"] = rendered.pages
        source = site_file
    else:
        path = f"{FOLDER}/{job.name}.pdf"
        result.files[path] = rendered.pdf
        result.pages[path] = rendered.pages
        source = cat.sources.get(f"life-situations/{job.name}", f"life-situations/{job.name}.yaml")
        if rendered.overflows:
            result.overflowing.append(job.name)
            severity = Severity.ERROR if strict else Severity.WARNING
            count = len(cat.services_by_life_situation.get(job.name, []))
            result.problems.add(Problem(source, 1, 1, "text", overflow_message(job, rendered, count), severity))
    for warning in sorted(set(rendered.warnings)):
        result.problems.add(Problem(source, 1, 1, "", say(said.PRINT_WARNING, name=job.name, warning=warning), Severity.WARNING))


def overflow_message(job: Job, rendered: Rendered, services: int) -> str:
    """Return what an editor needs: which leaflet, by how much, and what to do."""
    values = {"name": job.name, "needed": rendered.needed, "capacity": rendered.capacity, "services": services, "folder": FOLDER}
    if job.format == "DL":
        return say(said.LEAFLET_DL, sides=-(-rendered.needed // 3), **values)
    return say(said.LEAFLET_A5, **values)
