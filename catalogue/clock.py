"""The build's clocks: the day it stamps (``SOURCE_DATE_EPOCH`` when set) and the timer of its steps.

``SOURCE_DATE_EPOCH`` (reproducible-builds.org) is read here and nowhere else:
it fixes "today" for the verification-age checks, the build date the pages may
show, and the dates inside PDFs, so two builds of the same content are
byte-identical.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

log = logging.getLogger("catalogue")


def source_moment() -> dt.datetime | None:
    """Return the moment ``SOURCE_DATE_EPOCH`` fixes (UTC), or None when it is unset or not a number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return None


def build_date() -> dt.date | None:
    """Return the build date only when ``SOURCE_DATE_EPOCH`` fixes it (a page never shows the computer's clock)."""
    moment = source_moment()
    return moment.date() if moment else None


def today() -> dt.date:
    """Return today's date, or the day of ``SOURCE_DATE_EPOCH`` for reproducible checks."""
    return build_date() or dt.date.today()


def source_timestamp() -> str | None:
    """Return ``SOURCE_DATE_EPOCH`` as a W3C datetime (PDF metadata), or None: no date, still reproducible."""
    moment = source_moment()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


@dataclass
class Timings:
    """How long each named step took, in order (shown with ``--debug``)."""

    steps: list[tuple[str, float]] = field(default_factory=list)

    cpu: list[float] = field(default_factory=list)  # each step's processor time, its finished child processes included

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), processor_time()
        yield
        elapsed, used = time.perf_counter() - start, processor_time() - cpu
        self.steps.append((name, elapsed))
        self.cpu.append(used)
        log.debug("%-10s %.3f s  (cpu %.3f s)", name, elapsed, used)


def processor_time() -> float:
    """Return the user + system time of this process and of its children that have ended, in seconds.

    On a shared machine wall time says little; this is the work a step did (render
    workers and Pagefind count once they have exited).
    """
    if resource is None:  # not on a Unix: this process alone
        return time.process_time()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
