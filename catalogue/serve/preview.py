"""The live preview's model: the site in memory, served as soon as the content is valid, kept current by the smallest correct rebuild.

Start-up validates the content and plans the pages, then serves: a page not rendered
yet is rendered when a browser asks for it (:class:`~.pages.Pages`, from the page
contexts ``build`` uses), and :meth:`Preview.finish` renders the rest in the background
— home page and indexes, then the extra outputs (CMS, editors' report, search), then
every other page. On a change only the changed files are re-read (:mod:`.reader`) and
the new catalogue is compared with the last good one record by record: pages whose
``PagePlan.depends`` names a changed record (or "*"), or whose template changed, become
stale. Those on screen and the changed record's own are rendered at once (the tab
reloads); the others are never served stale — rendered when asked for, or in the
background in short chunks that stop as soon as a newer save comes in. Once the
background work is done the preview serves what ``build`` would write.

A broken edit keeps the last good site and records the errors, which the server
shows over every page; fixing the file clears them.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import get_args

import jinja2

from .. import pipeline
from ..clock import today
from ..errors import CatalogueError, Problem
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
from ..validate.stage import Loaded, check_content
from ..workers import paused_gc
from ..write import OutputTree
from .changes import affected_templates, classify, ignored, reload_path, shown, templates_names, touches, under
from .pages import Pages
from .reader import IncrementalReader
from .snapshot import Served, Snapshot, Update

log = logging.getLogger("catalogue")
LANGUAGES = get_args(Site.model_fields["language"].annotation)

ON_SCREEN_SECONDS = 600  # a page asked for in the last ten minutes is probably still open in a tab
CHUNK_SECONDS = 0.05  # background rendering holds the rebuild lock this long at most, so a save never waits longer


class Preview:
    """Serve the site from memory as soon as the content is valid, then keep it current as files change."""

    def __init__(self, content: Path, theme: Path | None = None, strict: bool = False) -> None:
        self.content = content
        self.theme = theme or content / "theme"
        self.strict = strict
        self.reader = IncrementalReader()
        self.cache: RecordCache = RecordCache(default_cache_folder(content))
        self.pages: Pages | None = None  # the pages of the last catalogue without errors, as published
        self.served = Served()  # the snapshot being served
        self.broken = True  # the content has errors (or was never loaded)
        self.needs_full = True
        self.pending_templates: set[Path] = set()
        self.extras: set[str] = set()  # the static (non-page) files beside the pages
        self.outputs_due = False
        self.viewed: dict[str, float] = {}  # page → when a browser last asked for it
        self.reloaded_at: float | None = None
        self.lock = threading.RLock()  # one rebuild at a time
        self.outputs_lock = threading.Lock()  # one run of finish() at a time; rebuilds need not wait for it
        self.fill = self.served.lock  # held while the served files change (pages rendered meanwhile go in under it)
        self.revision = 0  # counts the renders: work for an older one is not served
        self.incoming = 0  # saves waiting for or holding the rebuild lock: background work gives way to them
        self.asking = 0  # pages being rendered for a browser: background work pauses for them

    @property
    def snapshot(self) -> Snapshot:
        """Return what the server serves now; a request reads it once, so it sees one whole site."""
        return self.served.snapshot

    @property
    def good(self) -> Catalogue | None:
        """Return the last catalogue without errors, as published."""
        return self.pages.catalogue if self.pages is not None else None

    @property
    def plans(self) -> dict[str, PagePlan]:
        """Return output path → plan of the last good catalogue's pages."""
        return self.pages.plans if self.pages is not None else {}

    # --- what to watch ----------------------------------------------------------

    def watched(self) -> list[Path]:
        """Return the folders whose changes rebuild the preview."""
        folders = [self.content, BUILTIN_TEMPLATES, STATIC_DIR]
        return [f.resolve() for f in folders if f.is_dir()]

    def theme_dir(self) -> Path | None:
        return self.theme if self.theme.is_dir() else None

    # --- building ---------------------------------------------------------------

    def start(self) -> Update:
        """Validate the content and plan the pages, then serve: pages render when asked for, the rest in :meth:`finish`."""
        with self.lock:
            return self._rebuild(set(), full=True)

    def build(self) -> Update:
        """Build everything now: start, then render every page and make the extra outputs."""
        update = self.start()
        finished = self.finish()
        if finished is not None:
            update.problems.extend(finished.problems)
        return update

    def update(self, paths: set[Path], defer_outputs: bool = False) -> Update | None:
        """Rebuild after ``paths`` changed (None when none of them matters); the rest now, or with ``defer_outputs`` in :meth:`finish`."""
        caches = cache_root(self.content)  # the content's own caches change on every run: not an edit
        relevant = {p.resolve() for p in paths if not ignored(p) and not under(p.resolve(), caches)}
        if not relevant:
            return None
        self._arriving(+1)  # the background work stops at its next page
        try:
            with self.lock, paused_gc():  # a national rebuild must not wait for a full collection
                update = self._rebuild(relevant, full=False)
        finally:
            self._arriving(-1)
        if not defer_outputs:
            finished = self.finish()
            if finished is not None:
                update.problems.extend(finished.problems)
        return update

    def _arriving(self, count: int) -> None:
        with self.fill:
            self.incoming += count

    def _asking(self, count: int) -> None:
        with self.fill:
            self.asking += count

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
                self.served.publish(errors=tuple(loaded.problems.errors), language=content_language(loaded))
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
            self.served.publish(errors=tuple(update.problems.errors))
        update.reload = reload_path(static, templates, content)
        update.seconds = time.perf_counter() - start
        return update

    def _render_problem(self, exc: Exception) -> Problem:
        """Turn a template or output error into a problem that points at the template line."""
        return template_problem(exc, self._template_roots())

    def _render(self, new: Catalogue, keys: set[str], templates: set[str], update: Update, direct: set[str] = frozenset()) -> None:
        """Serve the new catalogue: pages a change touches are pending, those on screen and the changed records' own rendered now.

        ``direct`` are the changed records' keys ("services/x"): their own pages come first.
        """
        mark = time.perf_counter()
        pages = Pages(new, plan_pages(new), self.theme_dir())
        plans, before = pages.plans, self.plans
        update.steps.append(("plan", time.perf_counter() - mark))
        if update.full:
            stale = set(plans)
            mark = time.perf_counter()  # from the disk cache: after that, only an edited text is converted, when a page shows it
            pipeline.prepare_markdown(new, self.content)
            update.steps.append(("markdown", time.perf_counter() - mark))
        else:
            stale = {path for path, plan in plans.items() if touches(plan, keys, templates)}
            stale |= {path for path, plan in before.items() if path in plans and touches(plan, keys, templates)}
            stale |= plans.keys() - before.keys()
        own = {output_path(url_for(kind, ident)) for kind, _, ident in (k.partition("/") for k in direct) if kind in SECTIONS and ident}
        mark = time.perf_counter()
        static = pages.static()
        first = {path: pages.render(path) for path in pages.in_order(stale & (self.on_screen() | own))} if not update.full else {}
        update.steps.append((f"render ({len(first)} pages)", time.perf_counter() - mark))
        with self.fill:
            old = self.snapshot
            files = {path: old.files[path] for path in plans if path in old.files and path not in stale}
            fallback = {path: data for path in plans.keys() - files.keys() if (data := old.files.get(path, old.fallback.get(path)))}
            outputs = {p: d for p, d in old.files.items() if p not in plans and p not in static and p not in before and p not in self.extras}
            files.update(static)
            files.update(first)
            self.extras = set(static)
            self.pages, self.needs_full, self.outputs_due = pages, False, True
            self.revision += 1
            self.served.publish({**outputs, **files}, errors=(), language=new.site.language, pages=(pages, plans.keys() - files.keys(), fallback))
        update.rendered = len(stale)
        update.pages = len(plans)

    def page(self, snapshot: Snapshot, path: str) -> bytes | None:
        """Return a pending page of ``snapshot``, rendered now (a browser asks for it); its last good version if that fails.

        When the background is rendering the same page already, wait for it rather than render it twice.
        """
        assert snapshot.pages is not None
        key = (snapshot.pages, path)
        other = self.served.claim(key)
        if other is not None and other.wait(60) and (body := self.served.stored(snapshot, path)) is not None:
            return body
        self._asking(+1)
        try:
            body = snapshot.pages.render(path)
        except (jinja2.TemplateError, CatalogueError) as exc:
            if snapshot.pages is self.pages:
                self.needs_full = True
                self.served.publish(errors=(self._render_problem(exc),))
            return snapshot.fallback.get(path)
        finally:
            self._asking(-1)
            if other is None:
                self.served.release(key)
        self.served.store(snapshot, path, body)
        return body

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

    # --- the background part ----------------------------------------------------------

    def finish(self) -> Update | None:
        """Render the pending pages and make the extra outputs (report, CMS, search…) as ``build`` does; None when superseded.

        First the pages an editor opens next (home, indexes), then the extra outputs (outside
        the rebuild lock: the search index takes seconds at national scale), then every other
        page, in chunks of at most ``CHUNK_SECONDS`` under the lock. A save coming in stops the
        work at the next page; the newer render's own ``finish`` goes on from there.
        """
        with self.outputs_lock:
            update, start = Update(), time.perf_counter()
            try:
                if not self._render_pending(update, likely=True):
                    return None
                made = self._make_outputs(update)
                if made is not None:
                    return made
                if not self._render_pending(update, likely=False):
                    return None
            except Superseded:
                return None
            except (jinja2.TemplateError, CatalogueError) as exc:
                return self._failed(update, exc, start)
            update.seconds = time.perf_counter() - start
            return update

    def _render_pending(self, update: Update, likely: bool) -> bool:
        """Render pending pages (``likely``: only the home page and the indexes) in chunks; return False when a save came in."""
        with self.lock:
            revision, pages, pending = self.revision, self.snapshot.pages, self.snapshot.pending
            if pages is None:
                return True
            order = pages.likely(pending) if likely else pages.in_order(pending)
        done = 0
        while done < len(order):
            while self.asking and not self.incoming:  # a browser waits for a page: let it have the processor
                time.sleep(0.005)
            if self.incoming:
                return False
            with self.lock:
                if revision != self.revision:
                    return False
                snapshot, until = self.snapshot, time.perf_counter() + CHUNK_SECONDS
                while done < len(order) and not (self.incoming or self.asking) and time.perf_counter() < until:
                    path, done = order[done], done + 1
                    if path in snapshot.pending and self.served.claim((pages, path)) is None:  # else a request renders it
                        try:
                            self.served.store(snapshot, path, pages.render(path))
                        finally:
                            self.served.release((pages, path))
                        update.rendered += 1
        return True

    def _make_outputs(self, update: Update) -> Update | None:
        """Make the extra outputs of the current render and serve them; raise Superseded when a newer one came in.

        Return None when done (or nothing was due), an Update with the problem when an output failed.
        """
        with self.lock:
            if not self.outputs_due or self.pages is None:
                return None
            revision, pages = self.revision, self.pages
            tree = OutputTree()
            tree.owners = {path: "page or static file" for path in (*pages.plans, *self.extras)}
        stale = lambda: revision != self.revision or self.incoming > 0  # noqa: E731 - a newer save came in
        context = OutputContext(pages.catalogue, tree, today(), self.theme_dir(), stale, cache_folder(self.content))
        try:
            for _name, output in pipeline.output_steps():
                context.check()
                output(context)
        except (jinja2.TemplateError, CatalogueError) as exc:
            with self.lock:
                if revision != self.revision:
                    raise Superseded from None
                return self._failed(update, exc, time.perf_counter())
        with self.lock:
            if revision != self.revision:
                raise Superseded
            self.outputs_due = False
            with self.fill:  # no page rendered meanwhile may go missing between the two
                kept = {path: data for path, data in self.snapshot.files.items() if path in pages.plans or path in self.extras}
                self.served.publish({**kept, **tree.files})
        return None

    def _failed(self, update: Update, exc: Exception, start: float) -> Update:
        """Show a template or output error and keep serving the last good files (those of pending pages included)."""
        with self.lock:
            self.needs_full = True
            self.outputs_due = False
            update.problems.add(self._render_problem(exc))
            with self.fill:
                snapshot = self.snapshot
                files = {**{p: snapshot.fallback[p] for p in snapshot.pending if p in snapshot.fallback}, **snapshot.files}
            self.served.publish(files, errors=tuple(update.problems.errors), pages=(snapshot.pages, set(), {}))
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
        return classify(paths, self._template_roots(), self.content.resolve(), self.theme.resolve())


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
