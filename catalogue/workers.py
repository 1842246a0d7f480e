"""Worker processes that die with the process that started them.

:func:`forked_pool` starts them (on Linux and macOS, where a process can fork):
they share what the parent holds (the catalogue) without copying it.

A killed ``build`` or ``print`` (SIGKILL, an out-of-memory kill, a CI job
cancelled) gets no chance to stop its pool, and its workers would go on laying out
PDFs for nobody, re-parented to init. So every worker asks the kernel to kill it
when its parent dies (``PR_SET_PDEATHSIG`` on Linux) and, where there is no such
call or a fork server stands between the two, watches the parent from a thread
and exits when it is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import multiprocessing.pool
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 1.0


def available_cores() -> int:
    """Return the cores this process may run on (the worker processes: one per core)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def idle_cores() -> int:
    """Return the cores not busy with other work, by the load average of the last minute (at least one).

    Workers only help when they get a core of their own: on a machine busy with other
    processes they each run slower, and exchanging their results costs CPU time on top.
    One unit of the load is taken for this process's own (and its previous run's).
    """
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on a Unix
        load = 0.0
    return max(1, available_cores() - int(max(0.0, load - 1.0)))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def forked_pool(workers: int) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``workers`` forked processes that die with this one, over a heap frozen for them (:func:`frozen_heap`)."""
    with frozen_heap(), multiprocessing.get_context("fork").Pool(workers, die_with_parent, (os.getpid(),)) as pool:
        yield pool


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the objects that exist now out of the garbage collector's sight while forked workers run.

    A worker's collector would otherwise walk the whole inherited catalogue and write
    to every object's header, copying the parent's memory page by page into each
    worker (memory) and walking it again and again (time). ``gc.freeze`` is made for
    this; afterwards the objects are the collector's again, and no page moved —
    unless they were frozen before, for longer (a build freezes its catalogue for
    the whole build, the live preview for good): then they stay so.
    """
    outer = gc.get_freeze_count() > 0  # frozen already, for longer (a build's catalogue): it stays so
    gc.freeze()
    try:
        yield
    finally:
        if not outer:
            gc.unfreeze()


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
            _age()
            gc.enable()


def _age() -> None:
    """Move every object into the oldest generation without walking it (when nothing is frozen: that stays so).

    What a paused step made all sits in the youngest generation, and the first
    collection after it walked all of it: a warm national ``check`` spent 1.2 s of its
    4 s so, after its work was done.
    """
    if not gc.get_freeze_count():
        gc.freeze()
        gc.unfreeze()


@contextmanager
def build_heap() -> Iterator[Callable[[], None]]:
    """Pause the collector for a build; the function it gives freezes what exists then (the catalogue) to the end.

    On the way out everything the build made joins the oldest generation before the
    collector is on again: else its first collection walked what the steps made and
    the catalogue (0.2-0.28 s at national scale) just before the process ended.
    """
    enabled, outer, froze = gc.isenabled(), gc.get_freeze_count() > 0, []
    gc.disable()
    try:
        yield lambda: froze.append(gc.freeze())
    finally:
        if froze and not outer:
            gc.unfreeze()
        if enabled:
            _age()  # the catalogue and what the steps made: none of it to collect at once
            gc.enable()


@contextmanager
def collecting() -> Iterator[None]:
    """Run with the cyclic garbage collector on (a step that leaves cyclic garbage, in a build that paused it)."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


class Ahead:
    """Work started now in a forked process, its result taken later: the second core's share of a build.

    The child sees what this process holds at the fork (no copy: the pages are shared
    until written) and dies with it. :meth:`take` returns what ``work`` returned, or None
    when it failed in any way (could not be forked, raised, was killed, returned what
    cannot be pickled): the caller then does the work itself, so a failure looks exactly
    as it would have without the child. :meth:`cancel` ends the child when its result is
    no longer wanted: asked to stop first (SIGTERM ends it as an exception, so a cache file
    it was writing is removed, not left half made), killed if it does not within a second.
    """

    def __init__(self, work: Callable[[], Any]) -> None:
        parent = os.getpid()
        self.pid: int | None = None
        self.pipe: int | None = None
        read, write = os.pipe()
        try:
            with frozen_heap():  # the child's collector must not walk (and so copy) the inherited heap
                self.pid = os.fork()
        except OSError:  # no memory or no process left for a child: the caller does the work
            os.close(read)
            os.close(write)
            return
        if self.pid == 0:  # pragma: no cover - the child (coverage does not follow it)
            os.close(read)
            _run_ahead(work, write, parent)
        os.close(write)
        self.pipe = read

    def take(self) -> Any:
        """Wait for the child and return its result (None when it failed)."""
        if self.pipe is None:
            return None
        ok, value, done = False, None, False
        try:
            with os.fdopen(self.pipe, "rb") as fh:
                self.pipe = None
                ok, value = pickle.load(fh)
                done = True
        except Exception:  # nothing, or half of it: the child failed or was killed
            ok, value = False, None
        finally:
            self._end(stop=not done)  # interrupted while waiting: the child must not outlive the wait
        return value if ok else None

    def cancel(self) -> None:
        """End the child (its result is not wanted); nothing when it was taken already."""
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
            self._end(stop=True)

    def _end(self, stop: bool) -> None:
        """Reap the child (its processor time then counts as this process's children's), stopping it first when ``stop``."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        try:
            if stop:
                os.kill(pid, signal.SIGTERM)
                for _ in range(100):
                    if os.waitpid(pid, os.WNOHANG)[0]:
                        return
                    time.sleep(0.01)
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _run_ahead(work: Callable[[], Any], pipe: int, parent: int) -> None:  # pragma: no cover - runs in the child
    """Run ``work`` in the forked child, send the result up ``pipe`` and end without tearing anything down."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, _stop)  # an exception: what the work was writing is cleaned up on the way out
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the child
        die_with_parent(parent)
        with os.fdopen(pipe, "wb") as fh:
            try:
                result = (True, work())
            except BaseException:  # the parent does the work itself and meets the error there
                result = (False, None)
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)  # as it is made: never all of it twice in memory
        code = 0 if result[0] else 1
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _stop(signum: int, frame: Any) -> None:  # pragma: no cover - runs in the child
    raise SystemExit(1)


def give_back_memory() -> None:
    """Return the memory a finished step freed to the system, where the C library keeps it (glibc's ``malloc_trim``).

    The search step of a national build frees some 150 MB that glibc keeps in its heap,
    pinned by a few objects that outlive the step: the process would carry them to the end.
    A few tens of milliseconds; elsewhere (no glibc) nothing.
    """
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None)
    except (OSError, TypeError):  # pragma: no cover - no C library to load by that name (Windows)
        return None


def die_with_parent(parent: int) -> None:
    """Make this worker end when ``parent`` ends: a pool's initializer, with ``initargs=(os.getpid(),)``."""
    direct = os.getppid()
    if not _death_signal() or direct != parent:
        threading.Thread(target=_watch, args=(parent, direct), name="catalogue-parent-watch", daemon=True).start()
    if not _alive(parent, direct):  # the parent died before any of this was in place
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux for SIGKILL when the parent dies; return whether it was granted."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _alive(parent: int, direct: int) -> bool:
    """Return whether ``parent`` still runs: this process was not re-parented, and it still exists."""
    if os.getppid() != direct:
        return False
    if parent == direct or os.name != "posix":
        return True
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(parent: int, direct: int) -> None:
    """Exit as soon as the parent is gone."""
    while _alive(parent, direct):
        threading.Event().wait(WATCH_SECONDS)
    os._exit(1)
