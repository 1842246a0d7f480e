"""What an incremental build takes from the last one, and what it makes beside its render.

:func:`reuse_of` compares the catalogue with the one the last build recorded
(:mod:`.manifest`): the changed records' keys, the group keys they belong to, and so
the pages to render again and the outputs to make again. :class:`Beside` makes the
slow outputs in a forked child while the parent renders those pages.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from . import manifest
from .errors import Problems
from .index import Catalogue
from .manifest import Manifest, Survey
from .render.depends import Depends, changed_keys
from .validate.cache import RecordCache
from .workers import Ahead, available_cores, can_fork, paused_gc
from .write import OutputTree

log = logging.getLogger("catalogue")
Step = tuple[str, Callable[[Any], None]]  # a build's step: its name, and what it does to the build


class Building(Protocol):
    """What :class:`Beside` reads of a build (``pipeline.Build``)."""

    tree: OutputTree
    problems: Problems


TOGETHER = {"search": ("search", "search-ids"), "search-ids": ("search", "search-ids")}  # steps whose files are kept as one


@dataclass
class Reuse:
    """What an incremental build takes from the last one: the keys that changed since, its pages and other outputs.

    ``keys`` are the changed records' keys ("services/x"), ``grouped`` the same with
    the group keys they belong to, before and after (what pages depend on).
    """

    manifest: Manifest
    survey: Survey
    keys: set[str]
    grouped: set[str]
    pages: dict[str, frozenset[str]]  # the last build's: output path → dependency keys

    def stale(self, path: str, depends: frozenset[str]) -> bool:
        """Return whether the page at ``path`` must be rendered again: its keys (now or before) changed, or its file."""
        before = self.pages.get(path)
        if before is None or path not in self.manifest.outputs or path in self.survey.damaged:
            return True
        return any("*" in self.grouped or (self.grouped and "*" in keys) or not keys.isdisjoint(self.grouped) for keys in (depends, before))

    def keeps(self, step: str) -> bool:
        """Return whether a step's files can be taken as they are: the catalogue is the same and none of them was touched.

        The search's result ids are made from the search's documents in memory: the two are kept, or made, together.
        """
        if step in ("render", "markdown", "offline", "write") or self.keys:
            return False
        together = TOGETHER.get(step, (step,))
        return not any(self.manifest.outputs[path][4] in together for path in self.survey.damaged)

    def keep_outputs(self, tree: OutputTree, step: str) -> None:
        """Take the files ``step`` made last time into ``tree``."""
        for path, (_size, _mtime, sha, _ino, made_by) in sorted(self.manifest.outputs.items()):
            if made_by == step:
                tree.keep(path, sha, step)


def reuse_of(content: Path, out: Path, catalogue: Catalogue, survey: Survey, records: RecordCache | None = None) -> Reuse | None:
    """Return what this build can take from the last one, or None when it must be full (the reason is logged).

    ``records``: the record cache this build's catalogue came from, where the last state's records are found.
    """
    if survey.reason or survey.manifest is None:
        log.info("full build: %s", survey.reason)
        return None
    with paused_gc():  # unpickling the national catalogue: 0.4 s without the collector, several with it
        state = manifest.read_state(content, out, survey.manifest, records.record if records else None)
    if state is None:
        log.info("full build: the last build's catalogue is not at hand")
        return None
    keys = changed_keys(state.catalogue, catalogue)
    grouped = Depends.expand(state.catalogue, catalogue, keys) if "*" not in keys else keys
    log.debug("changed: %s", ", ".join(sorted(keys)) or "nothing published")
    return Reuse(survey.manifest, survey, keys, grouped, state.pages)



class Beside:
    """The outputs an incremental build makes in a forked child (:class:`.workers.Ahead`) while it compares and renders.

    A one-edit national build spends 7 s of its 20 in the search index and the open data,
    which need the catalogue but neither the comparison with the last build nor the pages:
    on a second core they are ready about when the pages are. The child starts as soon
    as the catalogue is checked (with the Markdown texts, which the search reads); its files
    come back as they were made and join the tree in the steps' own order. When the
    child failed, the build makes them itself (and meets the same error, or not). Only
    where the build may be incremental, on a machine with two cores; stopped when the
    comparison finds every page to render again (the render's own workers take both cores).
    """

    FIRST = ("markdown",)  # what the child does first, for itself
    STEPS = ("search", "search-ids", "opendata")

    def __init__(self, build: Building, steps: list[Step]) -> None:
        chosen = [(n, s) for n, s in steps if n in self.FIRST + self.STEPS]
        self.child = Ahead(lambda: made_beside(build, chosen))
        self.made: dict[str, tuple[list[tuple[str, bytes, str]], float, float]] | None = None

    @staticmethod
    def possible(survey: Survey | None) -> bool:
        """Return whether a build may be incremental (by its survey), on a machine where a child helps."""
        return survey is not None and survey.manifest is not None and not survey.reason and can_fork() and available_cores() >= 2

    @staticmethod
    def worth(reuse: Reuse | None) -> bool:
        """Return whether the comparison leaves the child's work worth waiting for (an incremental render of some pages)."""
        return reuse is not None and "*" not in reuse.grouped

    def give(self, tree: OutputTree, name: str) -> bool:
        """Add the files the child made in step ``name`` to ``tree``; False when the build must make them itself."""
        if name not in self.STEPS:
            return False
        if self.made is None:
            self.made = self.child.take() or {}
        if name not in self.made:
            return False
        files, elapsed, cpu = self.made[name]
        for path, data, owner in files:
            tree.add(path, data, owner)
        log.debug("%-10s made beside the pages in %.3f s  (cpu %.3f s)", name, elapsed, cpu)
        return True


def made_beside(build: Building, steps: list[Step]) -> dict[str, tuple[list[tuple[str, bytes, str]], float, float]]:
    """Run ``steps`` (in the child) and return each one's files (path, bytes, owner) and its time and processor time."""
    tree, made = build.tree, {}
    for name, step in steps:
        tree.step, count, start, cpu = name, len(tree.files), time.perf_counter(), time.process_time()
        step(build)
        if build.problems.has_errors():
            raise RuntimeError(name)  # the build runs it again and reports what it finds
        files = [(path, tree.files[path], tree.owners[path]) for path in list(tree.files)[count:]]
        made[name] = (files, time.perf_counter() - start, time.process_time() - cpu)
    return made
