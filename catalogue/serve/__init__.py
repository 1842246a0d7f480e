"""``catalogue serve``: a live preview of the catalogue at http://127.0.0.1:8000/.

The founder chose livereload, and it stays: its Tornado server, its websocket
protocol and its ``livereload.js``, injected into every page, reload the open tab
(or swap a changed stylesheet in place). Two of its parts are replaced, for
reasons measured in ``benchmarks/bench_serve.py``:

* the watcher: livereload polls every 0.8 s, and its poller ignores a second save
  within 3 s of a reload (the page silently stays stale); we watch with the
  operating system's notifications (watchfiles) and tell the browser ourselves
  after each rebuild, so every save is shown;
* the rebuild: instead of a shell command that rebuilds everything, :class:`Preview`
  serves the site from memory, never from the user's ``public/`` folder, as soon as
  the content is valid: a page not rendered yet is rendered when it is asked for.
  After a save the open page and the changed record's own page come first and the
  tab reloads; the other pages the change touches, then the other outputs (CMS,
  editors' report, search index) follow on a thread of their own (:class:`Finisher`),
  in short chunks that give way to the next save at once.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from ..messages import commands as said
from ..messages.core import say
from ..errors import CatalogueError, Severity
from ..report import Reporter
from .guard import HostGuard, guarded_server
from .preview import Preview, Update
from .watch import Watcher

log = logging.getLogger("catalogue")


def serve(
    content: Path,
    port: int = 8000,
    host: str = "127.0.0.1",
    reporter: Reporter | None = None,
    strict: bool = False,
    watch: str = "native",
    theme: Path | None = None,
) -> None:
    """Build the preview, then serve it and rebuild on every change until interrupted."""
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    from .app import PreviewApp

    reporter = reporter or Reporter()
    preview = Preview(content, theme, strict=strict)
    report(reporter, preview.start(), preview)
    gc.collect()
    gc.freeze()  # the catalogue's objects live as long as the server: collections need not walk them again
    loop = IOLoop.current()

    def changed(paths: set[Path]) -> None:
        update = preview.update(paths, defer_outputs=True)
        if update is None:
            return
        if update.reload == "*":
            preview.reloading()
        loop.add_callback(LiveReloadHandler.reload_waiters, update.reload)  # the edited page first…
        report(reporter, update, preview)
        finisher.request()  # …then the other pages it touched, the report, the CMS configuration, search

    first = [True]

    def finished(update: Update) -> None:
        if not update.ok:
            report(reporter, update, preview)
            preview.reloading()
            loop.add_callback(LiveReloadHandler.reload_waiters, "*")  # to show the error
        elif first[0]:
            reporter.info(say(said.SERVE_FINISHED, seconds=f"{update.seconds:.1f}"))
        first[0] = False

    finisher = Finisher(preview, finished)
    finisher.request()  # the pages not asked for yet and the outputs, in the background
    watcher = Watcher(preview.watched(), changed, watch).start()
    server = guarded_server(HostGuard(host, port), PreviewApp(preview), _NoPolling())
    reporter.info(say(said.SERVE_START, content=content, url=f"http://{host}:{port}/", backend=watcher.backend))
    for name in ("livereload", "tornado"):
        logging.getLogger(name).propagate = False  # livereload gives them handlers of their own
    try:
        server.serve(port=port, host=host, debug=False, restart_delay=0)
    except OSError as exc:
        raise CatalogueError(say(said.SERVE_PORT, host=host, port=port, reason=exc.strerror, next=port + 1)) from None
    finally:
        watcher.stop()


class Finisher:
    """Runs :meth:`Preview.finish` on a thread of its own: once per request, and once more
    for the changes that came in while it ran (a newer save supersedes what is left of the older one)."""

    def __init__(self, preview: Preview, done: Callable[[Update], None]) -> None:
        self.preview = preview
        self.done = done
        self.wanted = threading.Event()
        self.thread = threading.Thread(target=self._run, name="catalogue-finish", daemon=True)
        self.thread.start()

    def request(self) -> None:
        self.wanted.set()

    def _run(self) -> None:
        while True:
            self.wanted.wait()
            self.wanted.clear()
            try:
                update = self.preview.finish()
                if update is not None:
                    self.done(update)
            except Exception:  # a bug in one run must not stop the preview; the next save tries again
                log.exception("the preview could not finish the rebuild; the search index and the reports may be out of date")


def report(reporter: Reporter, update: Update, preview: Preview) -> None:
    """Tell the terminal what a rebuild did: errors in full, warnings only of the files that changed."""
    errors = [p for p in update.problems.sorted() if p.severity is Severity.ERROR]
    changed = set(update.changed)
    warnings = [
        p for p in update.problems.sorted()
        if p.severity is Severity.WARNING and any(p.path.endswith(f"{c}.yaml") or p.path.endswith(c) for c in changed)
    ]
    for problem in errors + warnings:
        reporter.info(problem.format(reporter.language))
    log.debug("rebuild stages: %s", ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in update.steps))
    names = ", ".join(update.changed[:5])
    what = say(said.SERVE_MORE, names=names, count=len(update.changed) - 5) if len(update.changed) > 5 else names
    took = f"{update.seconds * 1000:.0f} ms"
    summary = update.problems.summary(reporter.language)
    if errors:
        reporter.info(say(said.SERVE_BROKEN, summary=summary, took=took))
    elif update.full:
        reporter.info(say(said.SERVE_BUILT, count=update.pages, took=took, summary=summary))
    else:
        reporter.info(say(said.SERVE_RENDERED, what=what or say(said.SERVE_NO_CHANGE), rendered=update.rendered, pages=update.pages, took=took))


class _NoPolling:
    """A livereload watcher that never polls: :class:`Watcher` pushes changes instead."""

    def __init__(self) -> None:
        self._changes: list = []
        self.filepath = None  # livereload logs it when it reloads the browser
        self._tasks = {"(catalogue)": {}}  # not empty, or livereload starts watching the working folder

    def start(self, callback) -> bool:  # noqa: ARG002 - livereload's interface
        return True  # "started": livereload then skips its own 0.8 s polling loop

    def examine(self) -> tuple[None, None]:
        return None, None


__all__ = ["Preview", "serve"]
