"""What each page reads while it renders is within what it declares: the live preview cannot serve a stale page.

As Lektor records dependencies, every page is rendered here with a recording
catalogue: each read is noted as the key the live preview uses ("services/x",
"type-services:t", "nav", …). A read is covered when the page declares its key,
or when every change that alters what was read also touches a key the page
declares (``Depends.expand``). A key forgotten in ``render/depends.py`` fails
here instead of leaving a page stale after an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from plan_sites import write_plan_site
from sites import write_site

from catalogue.index import Catalogue, publishable
from catalogue.model.kinds import RECORD_KINDS, VOCABULARIES
from catalogue.render.context import common_context
from catalogue.render.depends import Depends
from catalogue.render.engine import render_page
from catalogue.render.env import make_environment
from catalogue.render.plan import PagePlan, plan_pages
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content

#: Group keys derived from services alone: any change of a service touches "all:services" too.
SERVICE_GROUPS = ("provider-services:", "type-services:", "target-group-services:", "located:", "area:")


class Recorded(Mapping):
    """A mapping of the catalogue that notes a key for every entry read, and ``everything`` when walked."""

    def __init__(self, data: Mapping, reads: set[str], key: Callable[[str], Iterable[str]], everything: str) -> None:
        self.data, self.reads, self.key, self.everything = data, reads, key, everything

    def __getitem__(self, ident: str) -> Any:
        self.reads.update(self.key(ident))
        return self.data[ident]

    def __iter__(self) -> Iterator[str]:
        self.reads.add(self.everything)
        return iter(self.data)

    def __len__(self) -> int:
        self.reads.add(self.everything)
        return len(self.data)


class RecordedVocabularies:
    def __init__(self, vocab: Any, reads: set[str]) -> None:
        self.vocab, self.reads = vocab, reads

    def __getattr__(self, name: str) -> Any:
        if name == "terms":
            return Recorded(self.vocab.terms, self.reads, lambda file: {f"vocabularies/{file}"}, "vocabularies")
        self.reads.add(f"vocabularies/{name.replace('_', '-')}")
        return getattr(self.vocab, name)


def _kind(folder: str) -> Callable[[Any, set[str]], Recorded]:
    return lambda value, reads: Recorded(value, reads, lambda ident: {f"{folder}/{ident}"}, f"all:{folder}")


def _group(prefix: str) -> Callable[[Any, set[str]], Recorded]:
    return lambda value, reads: Recorded(value, reads, lambda ident: {f"{prefix}{ident}"}, "all:services")


def _noting(*keys: str) -> Callable[[Any, set[str]], Any]:
    def rule(value: Any, reads: set[str]) -> Any:
        reads.update(keys)
        return value

    return rule


def _structure(value: Any, reads: set[str]) -> Any:
    return value  # the locality tree: a change of it re-renders every page ("*")


class RecordedPlanning:
    """The community plans as a page sees them: a plan read is "plan:ID", every plan "plans:*", the news "news:*"."""

    LOOKUPS = {
        "measures_by_service": "service-measures:",
        "measures_by_target_group": "target-group-measures:",
        "measures_by_type": "type-measures:",
    }

    def __init__(self, planning: Any, reads: set[str]) -> None:
        self.planning, self.reads = planning, reads

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.planning, name)
        if name == "plans":
            return Recorded(value, self.reads, lambda pid: {f"plan:{pid}"}, "plans:*")
        if name in self.LOOKUPS:
            prefix = self.LOOKUPS[name]
            return Recorded(value, self.reads, lambda ident: {f"{prefix}{ident}"}, "plans:*")
        if name in ("news", "sorted_news", "news_of_plan"):
            self.reads.add("news:*")
        elif name == "sorted_plans":
            self.reads.add("plans:*")
        else:
            raise AssertionError(f"the recorder does not know Planning.{name}: add a rule saying which keys cover it")
        return value


class RecordingCatalogue:
    """The catalogue as a page sees it, noting what it reads; every attribute needs a rule (none is guessed)."""

    def __init__(self, cat: Catalogue, reads: set[str], serving: Callable[[str], set[str]]) -> None:
        self._cat, self._reads = cat, reads
        self._rules: dict[str, Callable[[Any, set[str]], Any]] = {
            "site": _noting("site"),
            "vocab": lambda value, reads: RecordedVocabularies(value, reads),
            "records": lambda value, reads: {k: _kind(k)(v, reads) for k, v in value.items()},
            **{kind.attribute: _kind(kind.folder) for kind in RECORD_KINDS},
            "sources": lambda value, reads: Recorded(value, reads, lambda key: {key}, "all:sources"),
            "services_by_provider": _group("provider-services:"),
            "services_by_type": _group("type-services:"),
            "services_by_target_group": _group("target-group-services:"),
            "services_by_life_situation": _group("situation-services:"),
            "services_located_in": _group("located:"),
            "services_serving": lambda value, reads: Recorded(value, reads, serving, "all:services"),
            "services_by_area": _group("area:"),
            "situations_by_service": lambda value, reads: Recorded(value, reads, lambda s: {f"services/{s}"}, "all:services"),
            "sorted_services": _noting("all:services"),
            "data_date": _noting("all:services", "all:providers"),
            "nav_pages": _noting("nav"),
            "has_plans": _noting("nav"),
            "planning": lambda value, reads: RecordedPlanning(value, reads),
            "contacts_for": lambda method, reads: lambda service: (reads.add(f"providers/{service.provider}"), method(service))[1],
            "ended": _kind("services"),  # an ended service's page reads its own record
            # the listed services of its type nearest to it: any change of a listed service may change them
            "similar_services": lambda method, reads: lambda service, limit=10: (reads.add("all:services"), method(service, limit))[1],
            **{name: _structure for name in ("children", "roots", "ancestors", "descendants", "service_area")},
        }

    def __getattr__(self, name: str) -> Any:
        rule = self._rules.get(name)
        assert rule is not None, f"the recorder does not know Catalogue.{name}: add a rule saying which keys cover it"
        return rule(getattr(self._cat, name), self._reads)


class Effects:
    """For every key, the record changes that alter what it stands for, and what each change touches."""

    def __init__(self, cat: Catalogue) -> None:
        keys = [kind.key(i) for kind in RECORD_KINDS for i in cat.records[kind.folder]]
        keys += [v.key for v in VOCABULARIES] + ["site"]
        self.touched = {key: Depends.expand(cat, cat, {key}) for key in keys}
        self.causes: dict[str, set[str]] = {}
        for key, touched in self.touched.items():
            for found in touched:
                self.causes.setdefault(found, set()).add(key)
        self.serving = lambda lid: {f"area:{a}" for a in (lid, *cat.ancestors(lid))}

    def uncovered(self, plan: PagePlan, reads: set[str]) -> list[str]:
        """Return the reads the page's declared keys do not cover, each with a change that would leave it stale."""
        declared = plan.depends
        if "*" in declared:
            return []
        out = []
        for read in sorted(reads - declared):
            causes = self.causes.get(read, set())
            if not causes and read.startswith(SERVICE_GROUPS) and "all:services" in declared:
                continue  # an empty group: a service moving into it touches "all:services"
            if not causes and f"all:{read.partition('/')[0]}" in declared:
                continue  # a record that does not exist (yet): adding it touches "all:<its kind>"
            stale = sorted(key for key in causes if not self.touched[key] & declared)
            if stale or not causes:
                out.append(f"{read} (a change of {stale[0] if stale else read} would not re-render it)")
        return out


def reads_of(cat: Catalogue, effects: Effects, plan: PagePlan) -> set[str]:
    """Render one page from a recording catalogue (its own cards: none reused from another page); return its reads."""
    reads: set[str] = set()
    recording = RecordingCatalogue(cat, reads, effects.serving)
    env = make_environment(cat.site.language)
    render_page(env, recording, plan, common_context(env, recording, None, {}))  # type: ignore[arg-type]
    return reads


def catalogue_of(content: Path) -> Catalogue:
    loaded = check_content(content, cache=RecordCache(None))
    assert loaded.catalogue is not None and not loaded.problems.has_errors()
    return publishable(loaded.catalogue)


@pytest.fixture(scope="module", params=["fixture", "demo", "plan in comment"])
def catalogue(request, tmp_path_factory) -> Catalogue:
    if request.param == "demo":
        return catalogue_of(ROOT / "content")
    if request.param == "plan in comment":
        return catalogue_of(write_plan_site(tmp_path_factory.mktemp("plan-reads") / "content"))
    return catalogue_of(write_site(tmp_path_factory.mktemp("reads") / "content"))


def test_every_page_reads_only_what_it_declares(catalogue):
    effects = Effects(catalogue)
    stale = {}
    for plan in plan_pages(catalogue):
        missing = effects.uncovered(plan, reads_of(catalogue, effects, plan))
        if missing:
            stale[plan.url] = missing
    assert not stale, f"pages that read more than their PagePlan.depends declares (render/depends.py): {stale}"


def test_a_forgotten_key_is_found(catalogue):
    """Without the key of its services, a provider's page would stay stale when one of them changes."""
    effects = Effects(catalogue)
    plan = next(p for p in plan_pages(catalogue) if p.template == "provider.html" and catalogue.services_by_provider.get(p.ident))
    forgetful = PagePlan(plan.url, plan.template, plan.owner, plan.depends - {f"provider-services:{plan.ident}"}, plan.ident)
    assert effects.uncovered(forgetful, reads_of(catalogue, effects, forgetful))


def test_the_recorder_knows_every_lookup_of_the_catalogue():
    """A new lookup on Catalogue needs a rule here (which keys cover it), or the check above would miss its reads."""
    recording = RecordingCatalogue.__new__(RecordingCatalogue)
    RecordingCatalogue.__init__(recording, None, set(), lambda lid: set())  # type: ignore[arg-type]
    public = {name for name in dir(Catalogue) if not name.startswith("_")}
    assert public <= recording._rules.keys(), sorted(public - recording._rules.keys())
