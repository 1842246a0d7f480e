"""The live preview's model: the built site in memory, updated by the smallest rebuild that is correct.

On a change the preview re-reads only the changed files (:mod:`.reader`), takes
unchanged records from the content-hash cache, and compares the new catalogue with
the last good one record by record. Only pages whose ``PagePlan.depends`` names a
changed record (or "*") are rendered again; a template change re-renders the pages
that use the template, directly or through ``extends``/``include``/``import``.
Everything else that ``build`` writes (static files, the extra outputs) is made
again every time through the same pipeline functions, so the preview serves what
``build`` would write.

A broken edit keeps the last good site and records the errors, which the server
shows over every page; fixing the file clears them.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import jinja2

from .. import pipeline
from ..clock import today
from ..errors import CatalogueError, Problem, Problems
from ..index import Catalogue, publishable
from ..load.yamlstrict import YamlError
from ..model.records import Site
from ..outputs.context import OutputContext, Superseded, cache_folder
from ..render.env import BUILTIN_TEMPLATES, forget_environments, template_problem, template_roots
from ..render.depends import Depends, changed_keys
from ..render.plan import PagePlan, plan_pages
from ..render.static import STATIC_DIR
from ..render.urls import SECTIONS, output_path, url_for
from ..validate.cache import RecordCache, cache_root, default_cache_folder
from ..validate.stage import Loaded, check_content, paused_gc
from ..write import OutputTree
from .changes import affected_templates, ignored, reload_path, shown, templates_names, touches, under
from .reader import IncrementalReader

log = logging.getLogger("catalogue")
LANGUAGES = get_args(Site.model_fields["language"].annotation)

ON_SCREEN_SECONDS = 600  # a page asked for in the last ten minutes is probably still open in a tab


@dataclass(frozen=True)
class Snapshot:
    """What the server serves: every output file, and the errors of the latest edit (if any)."""

    files: dict[str, bytes]
    errors: tuple[Problem, ...] = ()
    generation: int = 0
    language: str = "cs"


@dataclass
class Update:
    """What one rebuild did, for the terminal and the browser."""

    changed: list[str] = field(default_factory=list)  # record keys and template names that changed
    rendered: int = 0  # pages rendered
    pages: int = 0  # pages in the site
    seconds: float = 0.0
    problems: Problems = field(default_factory=Problems)
    reload: str = ""  # the path the browser is told about ("*" for a full page reload)
    steps: list[tuple[str, float]] = field(default_factory=list)  # (stage, seconds), shown with --debug
    full: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors()


class Preview:
    """Build the site once into memory, then keep it current as files change."""

    def __init__(self, content: Path, theme: Path | None = None, strict: bool = False) -> None:
        self.content = content
        self.theme = theme or content / "theme"
        self.strict = strict
        self.reader = IncrementalReader()
        self.cache: RecordCache = RecordCache(default_cache_folder(content))
        self.good: Catalogue | None = None  # the last catalogue without errors, as published
        self.plans: dict[str, PagePlan] = {}  # output path → plan, of the last good build
        self.snapshot = Snapshot({})
        self.broken = True  # the content has errors (or was never loaded)
        self.needs_full = True
        self.pending_templates: set[Path] = set()
        self.rendered: dict[str, bytes] = {}  # pages and static files of the last render, before the extra outputs
        self.extras: set[str] = set()  # the static (non-page) files among them
        self.outputs_due = False
        self.later: set[str] = set()  # pages a change touched that are rendered after the reload (finish)
        self.planned: list[PagePlan] = []
        self.viewed: dict[str, float] = {}  # page → when a browser last asked for it
        self.reloaded_at: float | None = None
        self.lock = threading.RLock()  # one rebuild at a time
        self.outputs_lock = threading.Lock()  # one run of the extra outputs at a time; rebuilds need not wait for it
        self.revision = 0  # counts the renders: extra outputs made for an older one are not served

    def publish(self, files: dict[str, bytes] | None = None, errors: tuple[Problem, ...] | None = None, language: str | None = None) -> None:
        """Serve a new snapshot: the parts given replace the served ones, the rest stays; the only place that does.

        The server reads ``self.snapshot`` once per request, so each request sees one whole site.
        """
        old = self.snapshot
        self.snapshot = Snapshot(
            old.files if files is None else files,
            old.errors if errors is None else errors,
            old.generation + 1,
            language or old.language,
        )

    # --- what to watch ----------------------------------------------------------

    def watched(self) -> list[Path]:
        """Return the folders whose changes rebuild the preview."""
        folders = [self.content, BUILTIN_TEMPLATES, STATIC_DIR]
        return [f.resolve() for f in folders if f.is_dir()]

    def theme_dir(self) -> Path | None:
        return self.theme if self.theme.is_dir() else None

    # --- building ---------------------------------------------------------------

    def build(self) -> Update:
        """Build everything (the first time, or when a change cannot be placed)."""
        with self.lock:
            update = self._rebuild(set(), full=True)
        finished = self.finish()
        if finished is not None:
            update.problems.extend(finished.problems)
        return update

    def update(self, paths: set[Path], defer_outputs: bool = False) -> Update | None:
        """Rebuild after ``paths`` changed; None when none of them matters."""
        caches = cache_root(self.content)  # the content's own caches change on every run: not an edit
        relevant = {p.resolve() for p in paths if not ignored(p) and not under(p.resolve(), caches)}
        if not relevant:
            return None
        with self.lock, paused_gc():  # a national rebuild must not wait for a full collection
            update = self._rebuild(relevant, full=False)
        if not defer_outputs:
            finished = self.finish()
            if finished is not None:
                update.problems.extend(finished.problems)
        return update

    def _rebuild(self, paths: set[Path], full: bool) -> Update:
        start = time.perf_counter()
        update = Update(full=full or self.good is None)
        templates, static, content = self._classify(paths)
        self.pending_templates |= templates  # remembered while the content is broken
        update.full = update.full or self.needs_full
        if content or update.full or self.broken:
            self.reader.changed(content)
            loaded = check_content(self.content, cache=self.cache, strict=self.strict, read=self.reader)
            update.steps.extend(loaded.timings.steps)
            self._forget_disk_cache()
            update.problems = loaded.problems
            catalogue = loaded.catalogue
            self.broken = loaded.problems.has_errors() or catalogue is None
            if self.broken:
                self.publish(errors=tuple(loaded.problems.errors), language=content_language(loaded))
                update.changed = sorted(shown(self.content, p) for p in content)
                update.seconds = time.perf_counter() - start
                return update
            new = publishable(catalogue)
        else:
            new = self.good
        assert new is not None
        templates, self.pending_templates = self.pending_templates, set()
        if templates:
            forget_environments()  # a new theme file may now override a built-in one of the same name
        keys = changed_keys(self.good, new) if self.good is not None and not update.full else {"*"}
        grouped = Depends.expand(self.good, new, keys) if self.good is not None and "*" not in keys else keys
        names = affected_templates(self._template_roots(), templates) if templates else set()
        update.changed = sorted(keys - {"*"}) + sorted(templates_names(self._template_roots(), templates))
        update.changed += sorted(shown(self.content, p) if under(p, self.content.resolve()) else p.name for p in static)
        try:
            self._render(new, grouped, names, update, direct=keys)
        except (jinja2.TemplateError, CatalogueError) as exc:
            self.needs_full = True  # some pages may be half done: render everything once it works again
            update.problems.add(self._render_problem(exc))
            self.publish(errors=tuple(update.problems.errors))
        update.reload = reload_path(static, templates, content)
        update.seconds = time.perf_counter() - start
        return update

    def _render_problem(self, exc: Exception) -> Problem:
        """Turn a template or output error into a problem that points at the template line."""
        return template_problem(exc, self._template_roots())

    def _render(self, new: Catalogue, keys: set[str], templates: set[str], update: Update, direct: set[str] = frozenset()) -> None:
        """Render the pages a change touches: first those on screen and the changed records' own, the rest in :meth:`finish`.

        ``direct`` are the changed records' keys ("services/x"): their own pages come first.
        """
        mark = time.perf_counter()
        planned = plan_pages(new)
        update.steps.append(("plan", time.perf_counter() - mark))
        plans = {output_path(p.url): p for p in planned}
        chosen = {path for path, plan in plans.items() if touches(plan, keys, templates)}
        chosen |= {path for path, plan in self.plans.items() if path in plans and touches(plan, keys, templates)}
        chosen |= plans.keys() - self.plans.keys()
        if update.full:
            chosen = set(plans)
        own = {output_path(url_for(kind, ident)) for kind, _, ident in (k.partition("/") for k in direct) if kind in SECTIONS and ident}
        first = chosen if update.full else chosen & (self.on_screen() | own)
        tree = OutputTree()
        wanted = {plans[p].url for p in first}
        if update.full:  # from the disk cache: after that, only an edited text is converted, when a page shows it
            mark = time.perf_counter()
            pipeline.prepare_markdown(new, self.content)
            update.steps.append(("markdown", time.perf_counter() - mark))
        mark = time.perf_counter()
        pipeline.render_pages(new, tree, self.theme_dir(), only=lambda plan: plan.url in wanted, plans=planned)
        update.steps.append((f"render ({len(first)} pages)", time.perf_counter() - mark))
        old = self.snapshot.files
        files = {path: old[path] for path in plans if path in old and path not in tree.files}
        files.update(tree.files)
        earlier_outputs = {p: d for p, d in old.items() if p not in files and p not in self.plans and p not in self.extras}
        self.extras = {p for p in tree.files if p not in plans}
        self.good, self.plans, self.planned, self.needs_full = new, plans, planned, False
        self.rendered = files
        self.revision += 1
        self.later = (self.later & set(plans)) | (chosen - first)
        self.outputs_due = True
        self.publish({**earlier_outputs, **files}, errors=(), language=new.site.language)
        update.rendered = len(chosen)
        update.pages = len(plans)

    def on_screen(self) -> set[str]:
        """Return the pages open in a browser, as far as the server can tell: they are rendered first after a change.

        Every open tab asks for its page again after a reload, so the pages asked for
        since the last reload are the open ones; before the first reload, the recent ones.
        """
        cutoff = self.reloaded_at if self.reloaded_at is not None else time.monotonic() - ON_SCREEN_SECONDS
        return {path for path, when in list(self.viewed.items()) if when >= cutoff}

    def reloading(self) -> None:
        """Note that every open tab is being told to reload."""
        self.reloaded_at = time.monotonic()

    def viewing(self, path: str) -> None:
        """Note that a browser shows ``path`` (the server calls this for every page it sends)."""
        now = time.monotonic()
        self.viewed[path] = now
        if len(self.viewed) > 100:
            self.viewed = {p: t for p, t in self.viewed.items() if now - t < ON_SCREEN_SECONDS}

    def finish(self) -> Update | None:
        """Render the pages left for later, then make the extra outputs (report, CMS, search…) as ``build`` does.

        ``update(…, defer_outputs=True)`` leaves this for after the browser has been told
        to reload, so the page being edited shows sooner; the rest follows a moment later.
        The extra outputs are made outside the rebuild lock (the search index takes
        seconds at national scale), so the next save is shown without waiting for them;
        outputs made for a render that a newer one replaced meanwhile are dropped, and
        the newer render's own ``finish`` makes them again.
        """
        with self.outputs_lock:
            with self.lock:
                if not self.outputs_due or self.good is None:
                    return None
                update = Update()
                start = time.perf_counter()
                try:
                    later = self._render_later(update)
                except (jinja2.TemplateError, CatalogueError) as exc:
                    return self._failed(update, exc, start)
                if later:  # served now: a newer save renders from the snapshot, and these may not wait for the index
                    self.publish({**self.snapshot.files, **later})
                self.outputs_due = False
                revision, good = self.revision, self.good
                tree = OutputTree()
                tree.files = dict(self.rendered)
                tree.owners = {path: "page or static file" for path in tree.files}
            try:
                stale = lambda: revision != self.revision  # noqa: E731 - a newer render came in
                context = OutputContext(good, tree, today(), self.theme_dir(), stale, cache_folder(self.content))
                for _name, output in pipeline.output_steps():
                    context.check()
                    output(context)
            except Superseded:
                return None  # the newer render's own finish makes the outputs
            except (jinja2.TemplateError, CatalogueError) as exc:
                with self.lock:
                    return self._failed(update, exc, start) if revision == self.revision else None
            with self.lock:
                if revision != self.revision:
                    return None
                self.publish(tree.files)
            update.seconds = time.perf_counter() - start
            return update

    def _render_later(self, update: Update) -> dict[str, bytes]:
        """Render the pages a change touched that were left for after the reload; return them."""
        if not self.later:
            return {}
        assert self.good is not None
        tree = OutputTree()
        wanted = {self.plans[p].url for p in self.later}
        pipeline.render_pages(self.good, tree, self.theme_dir(), only=lambda plan: plan.url in wanted, plans=self.planned)
        self.rendered = {**self.rendered, **tree.files}
        update.rendered, self.later = len(self.later), set()
        return tree.files

    def _failed(self, update: Update, exc: Exception, start: float) -> Update:
        """Show a template or output error and keep serving the last good files."""
        self.needs_full = True
        self.outputs_due = False
        update.problems.add(self._render_problem(exc))
        self.publish(errors=tuple(update.problems.errors))
        update.seconds = time.perf_counter() - start
        return update

    def _forget_disk_cache(self) -> None:
        """After the first load, keep the cache in memory only: saving 15,000 entries per edit is slow."""
        if self.cache.path is not None:
            memory = RecordCache(None)
            memory.entries = self.cache.entries
            self.cache = memory

    # --- what a change touches -----------------------------------------------------

    def _template_roots(self) -> list[Path]:
        return template_roots(self.theme)

    def _classify(self, paths: set[Path]) -> tuple[set[Path], set[Path], set[Path]]:
        """Split changed paths into templates, static files and content files; ignore the rest."""
        templates: set[Path] = set()
        static: set[Path] = set()
        content: set[Path] = set()
        content_root = self.content.resolve()
        theme = self.theme.resolve()
        for path in paths:
            if any(under(path, root) for root in self._template_roots()):
                templates.add(path)
            elif under(path, STATIC_DIR.resolve()) or under(path, theme / "static"):
                static.add(path)
            elif under(path, content_root) and not under(path, theme):
                content.add(path)
        return templates, static, content


def content_language(loaded: Loaded) -> str | None:
    """Return the site's language even when the content is broken: the overlay speaks it from the first error on."""
    if loaded.catalogue is not None:
        return loaded.catalogue.site.language
    site = next((d for d in loaded.documents.values() if d.kind == "site"), None)
    try:
        value = site.data.get("language") if site is not None else None
    except YamlError:
        return None
    return str(value) if value in LANGUAGES else None
