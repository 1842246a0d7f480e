"""The import from the registry: read it, plan the changes, write them all or nothing (``build.py import registry``)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..clock import today
from ..load.yamlstrict import Mapping, YamlError, parse
from ..write import remove_tree
from . import codelists as codelists_module
from .codelists import CodeLists
from .content import read_content
from .convert import Converter, Registration
from .messages import N_, RegistryInputError, say
from .places import Localities, resolve_area
from .reader import portal_id_of
from .report import render
from .source import download, is_url, open_source, registrations
from .starter import starter_files
from .sync import Plan, Planner
from .vocab import Matcher

LEFT_OUT = N_('registration %(portal)s: the %(what)s "%(value)s" is not readable, it was left out')
BAD_ICO = N_('registration %(portal)s: the provider\'s IČO "%(value)s" fails the checksum; the provider was written '
             'without it: ask the provider or the regional office to correct it in the registry')


@dataclass
class Result:
    """What an import did: the files it wrote and its report."""

    written: list[str] = field(default_factory=list)
    report: str = ""
    plan: Plan = field(default_factory=Plan)


def import_registry(content: Path, source: str, lists_source: str, area_specs: list[str], language: str,
                    scratch: Path, progress=None, inform: Callable[[str], None] | None = None) -> Result:
    """Import the registry into ``content``; raise :class:`RegistryInputError` and write nothing on bad input."""
    if is_url(source):
        if inform:
            inform(say("downloading", language, url=source))
        path = download(source, scratch / "source", progress)
    else:
        path = Path(source)
    lists = load_codelists(lists_source, scratch / "ciselniky", language)
    area = resolve_area(area_specs, lists, language)
    existing = read_content(content, language)
    defaults = starter_files(area.title(), language)
    # A new catalogue gets a site.yaml and every vocabulary; an existing one, only a vocabulary it lacks.
    starter = dict(defaults) if not existing.has_site else {}
    for name in ("service-types", "target-groups", "forms", "capacity-units", "registry"):
        rel = f"vocabularies/{name}.yaml"
        if name == "registry" and existing.mapping or name != "registry" and name in existing.vocabularies:
            continue
        starter[rel] = defaults[rel]
        terms = {k: dict(v) for k, v in parse(defaults[rel]).items() if isinstance(v, dict)}
        if name == "registry":
            existing.mapping = terms
        else:
            existing.vocabularies[name] = terms
    day = today()
    places = Localities(lists, existing.localities)
    matcher = Matcher(existing.vocabularies, existing.mapping)
    converter = Converter(lists, matcher, places, area, day, str(path), language)
    selected: list[Registration] = []
    seen: set[int] = set()
    skipped_ended = skipped_untyped = 0
    left_out: list[tuple[str, str]] = []
    bad_icos: set[str] = set()
    with open_source(path) as stream:
        for index, item in registrations(stream, str(path)):
            portal = portal_id_of(item, index, str(path), language)
            if portal in seen:
                raise RegistryInputError("item_duplicate", language, path=str(path), portal=portal)
            seen.add(portal)
            reg = converter.registration(item, portal)
            del item  # the raw registration holds names of people: not a moment longer than needed
            if reg is None:
                continue
            if reg.service["type"] is None:
                skipped_untyped += 1
                continue
            selected.append(reg)
            for problem in reg.problems:
                what, _, value = problem.partition(":")
                if what == "ico":
                    if value in bad_icos:
                        continue  # one provider, many registrations: said once
                    bad_icos.add(value)
                left_out.append((f"services/{reg.portal_id}", say_left_out(language, reg.portal_id, what, value)))
    selected.sort(key=lambda r: r.portal_id)
    planner = Planner(existing, places, day, language)
    provider_ids = planner.providers(selected)
    planner.services(selected, provider_ids)
    planner.missing(seen, {r.portal_id for r in selected}, area.label())
    imported = existing.by_portal()
    kept = [r for r in selected if not (r.ended and r.portal_id not in imported)]
    skipped_ended = len(selected) - len(kept)
    used = {str(f.fields["locality"]) for r in kept for f in r.facilities}
    planner.localities(used)
    planner.finish_state()
    plan = planner.plan
    for rel, text in starter.items():
        if not (content / rel).exists():
            plan.files[rel] = text
    report = render(plan, language=language, source_date=day, area=area.label(), selected=len(selected),
                    unmatched=matcher.unmatched, city_districts=places.unmatched_city_districts,
                    skipped_ended=skipped_ended, left_out=left_out, vocabularies=existing.vocabularies)
    write_all(content, plan.files, language)
    return Result(sorted(plan.files), report, plan)


def say_left_out(language: str, portal: int, what: str, value: str) -> str:
    from ..render.i18n import translations

    message = BAD_ICO if what == "ico" else LEFT_OUT
    return translations(language).gettext(message) % {"portal": portal, "what": what, "value": value}


def load_codelists(source: str, scratch: Path, language: str) -> CodeLists:
    """Read the code lists from a folder, or download the ones the import needs from a base URL."""
    if not is_url(source):
        return codelists_module.load(Path(source))
    base = source if source.endswith("/") else source + "/"
    for _, name in (*codelists_module.REQUIRED.values(),):
        download(f"{base}{name}.json", scratch)
    return codelists_module.load(scratch)


def write_all(content: Path, files: dict[str, str], language: str) -> None:
    """Write every file or none: all are staged beside the content first, then moved into place.

    A new content folder is staged whole and renamed into place; in an existing one,
    each staged file replaces its original by a rename, after every file was written.
    """
    if not files:
        return
    content = content.resolve()
    parent = content.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{content.name}.import-", dir=parent))
    try:
        for rel, text in sorted(files.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        if not content.exists() or (content.is_dir() and not any(content.iterdir())):
            if content.exists():
                content.rmdir()
            os.rename(staging, content)
            return
        for rel in sorted(files):
            (content / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, content / rel)
    except OSError as exc:
        raise RegistryInputError("write_failed", language, path=str(content), reason=exc.strerror or str(exc)) from None
    finally:
        if staging.exists():
            remove_tree(staging)
    shutil.rmtree(staging, ignore_errors=True)
