"""Notice saved files and hand the changed paths over in batches.

Two ways, measured (benchmarks/bench_serve.py):

* ``native`` — watchfiles (the operating system's change notifications: inotify,
  FSEvents, ReadDirectoryChangesW); a save is noticed in tens of milliseconds.
* ``poll`` — look at every file's modification time every 0.8 s, as livereload's
  own watcher does (its Tornado ``PeriodicCallback(…, 800)``); on average a save
  waits 0.4 s before anything starts. Used when watchfiles is missing, and for
  folders where notifications do not arrive (network drives, some containers).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("catalogue")

POLL_SECONDS = 0.8  # livereload's watcher interval
Callback = Callable[[set[Path]], None]


class Watcher:
    """Run ``callback(changed paths)`` on a thread of its own until :meth:`stop`."""

    def __init__(self, folders: list[Path], callback: Callback, backend: str = "native") -> None:
        self.folders = folders
        self.callback = callback
        self.backend = backend if backend == "poll" or _have_watchfiles() else "poll"
        self.stopping = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, name="catalogue-watch", daemon=True)

    def start(self) -> Watcher:
        self.thread.start()
        self.ready.wait(5)
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(5)

    def _run(self) -> None:
        if self.backend == "native":
            self._run_native()
        else:
            self._run_poll()

    def _run_native(self) -> None:
        import watchfiles

        self.ready.set()
        for changes in watchfiles.watch(
            *self.folders, stop_event=self.stopping, step=30, debounce=1600, raise_interrupt=False, yield_on_timeout=False
        ):
            self._deliver({Path(path) for _, path in changes})

    def _run_poll(self) -> None:
        before = snapshot(self.folders)
        self.ready.set()
        while not self.stopping.wait(POLL_SECONDS):
            after = snapshot(self.folders)
            changed = {Path(p) for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
            before = after
            if changed:
                self._deliver(changed)

    def _deliver(self, paths: set[Path]) -> None:
        try:
            self.callback(paths)
        except Exception:  # a bug in one rebuild must not stop the preview; the next save tries again
            log.exception("the preview could not rebuild")


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Return path → (modification time in ns, size) of every file below ``folders``."""
    out: dict[str, tuple[int, int]] = {}
    stack = [str(f) for f in folders]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name in ("__pycache__", "node_modules"):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file():
                    stat = entry.stat()
                    out[entry.path] = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                continue
    return out


def _have_watchfiles() -> bool:
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        log.warning("watchfiles is not installed: watching by polling every %.1f s", POLL_SECONDS)
        return False
    return True
