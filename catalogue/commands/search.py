"""``build.py search``: the site's search on the command line, for editors and front desks."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..messages import commands as said
from ..messages.core import say
from ..messages.fields import DID_YOU_MEAN
from ..errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from ..index import Catalogue, publishable
from ..outputs.context import cache_folder
from ..model.choices import FORM_WORDS, KIND_WORDS, as_id
from ..model.words import suggestion
from ..report import Reporter
from ..render.urls import absolute
from ..search.documents import FACETS
from ..search.plan_documents import PLAN_KINDS
from ..outputs.opendata.catalogue_json import schedule
from ..render.context import hours_text
from ..render.i18n import translations
from ..search.engine import Hit, SearchEngine
from ..search.hours import HOURS_VALUES, client_schedules, local_time, open_documents, result_line
from ..validate.crossref import names_of, noun
from ..validate.stage import check_content


#: Facets whose values editors may write as the site shows them (``--form terénní``, ``--kind související``).
WORDS = {"form": FORM_WORDS, "kind": KIND_WORDS}


def chosen_filters(args: argparse.Namespace) -> dict[str, list[str]]:
    """The facet options of the command line as the search page's filters."""
    filters = {name: list(getattr(args, name, None) or []) for name in FACETS if name not in ("wheelchair", "free")}
    for facet, words in WORDS.items():  # --form terénní, as the site shows it and check accepts it
        filters[facet] = [as_id(value, words) for value in filters.get(facet, [])]
    filters["wheelchair"] = ["yes"] if args.wheelchair else []
    filters["free"] = ["yes"] if args.free else []
    return {k: v for k, v in filters.items() if v}


def known_values(cat: Catalogue, facet: str) -> set[str]:
    """The ids a facet accepts."""
    return {
        "type": set(cat.vocab.service_types),
        "locality": set(cat.localities),
        "target_group": set(cat.vocab.target_groups),
        "form": {"residential", "outpatient", "field"},
        "life_situation": set(cat.life_situations),
        "kind": {"registered", "related", *PLAN_KINDS},
        "language": set(cat.vocab.languages),
        "wheelchair": {"yes"},
        "free": {"yes"},
        "hours": set(HOURS_VALUES),
    }[facet]


def known_names(cat: Catalogue, facet: str) -> dict[str, str]:
    """Id → name of what a facet names, so a name typed as an id ("lysa", "Lysá") finds its id."""
    records = {
        "type": cat.vocab.service_types,
        "locality": cat.localities,
        "target_group": cat.vocab.target_groups,
        "form": cat.vocab.forms,
        "life_situation": cat.life_situations,
        "language": cat.vocab.languages,
    }.get(facet, {})
    return names_of(records)


def unknown_filters(cat: Catalogue, filters: dict[str, list[str]]) -> list[str]:
    """Messages for filter ids the catalogue does not know, with a did-you-mean as ``check`` gives."""
    messages = []
    for facet, values in filters.items():
        known = known_values(cat, facet)
        for value in values:
            if value not in known:
                found = suggestion(value, known, known_names(cat, facet))
                hint = say(DID_YOU_MEAN, name=found) if found else ""
                what = facet.replace("_", " ")
                messages.append(say(said.SEARCH_UNKNOWN, option=facet.replace("_", "-"), what=noun(what), value=value, hint=hint))
    return messages


def moment_of(args: argparse.Namespace, country: str) -> tuple[dt.datetime | None, Any]:
    """The local moment of the results' hours lines and of ``--open-now``: ``--at``, else now; or a message for a bad ``--at``."""
    if args.at is None:
        return local_time(country), None
    try:
        return local_time(country, dt.datetime.fromisoformat(args.at.strip())), None
    except ValueError:
        return None, say(said.SEARCH_BAD_AT, value=args.at)


def hours_of(cat: Catalogue, hit: Hit, moment: dt.datetime) -> tuple[str, list[dict]]:
    """A result's hours line at ``moment`` (as the search page shows it) and its client-facing schedules as the open data
    writes them (``hours.client_schedules``); nothing for what is no service."""
    service = cat.services.get(hit.id) if hit.record == "service" else None
    if service is None:
        return "", []
    schedules = client_schedules(service)
    text = hours_text(translations(cat.site.language).gettext, cat.site.country, cat.site.language, moment.date())
    return result_line(text, schedules, moment, cat.site.country), [schedule(h) for h in schedules]


def run(args: argparse.Namespace, reporter: Reporter) -> int:
    """Search like the site does; exit 1 when the content is invalid, 2 for an unknown filter id."""
    loaded = check_content(args.content, strict=args.strict)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        reporter.problems(loaded.problems)
        reporter.info(say(said.SEARCH_BROKEN))
        return EXIT_CONTENT
    cat = publishable(loaded.catalogue)
    filters = chosen_filters(args)
    unknown = unknown_filters(cat, filters)
    if unknown:
        for message in unknown:
            reporter.error(message)
        return EXIT_USAGE
    moment, problem = moment_of(args, cat.site.country)
    if problem is not None or moment is None:
        reporter.error(problem or say(said.SEARCH_BAD_AT, value=""))
        return EXIT_USAGE
    if not args.query.strip() and not filters and not args.open_now:
        reporter.error(say(said.SEARCH_EMPTY))
        return EXIT_USAGE
    engine = SearchEngine.for_catalogue(cat, cache_folder(Path(args.content)) / "search")
    only = open_documents(cat, engine.docs, moment) if args.open_now else None
    outcome = engine.search(args.query, filters, limit=max(args.limit, 0), only=only)
    hours = {h.url: hours_of(cat, h, moment) for h in outcome.hits}
    if args.json:
        results = []
        for h in outcome.hits:
            meta = {k: v for k, v in h.meta.items() if k != "hours"}  # the browser's encoding: a script gets the readable forms
            line, schedules = hours[h.url]
            results.append({**meta, "url": absolute(cat.site.base_url, h.url), "record": h.record, "id": h.id, "title": h.title,
                            **({"hours_now": line, "schedules": schedules} if schedules else {})})
        reporter.info(json.dumps(
            {"query": args.query, "at": moment.isoformat(timespec="minutes"), "open_now": args.open_now,
             "corrected": outcome.corrected, "total": outcome.total, "results": results},
            ensure_ascii=False,
            indent=2,
        ))
        return EXIT_OK
    if args.open_now:
        reporter.info(say(said.SEARCH_OPEN_AT, moment=f"{moment:%Y-%m-%d %H:%M}"))
    for line in format_outcome(args.query, outcome, cat.site.base_url, {url: line for url, (line, _) in hours.items()}):
        reporter.info(line)  # said lines speak the reporter's language
    return EXIT_OK


def format_outcome(query: str, outcome, base_url: str, hours: dict[str, str] | None = None) -> list[str]:
    """Plain-text results: number, title, what and who, where, hours now (``hours``: by result address), phone, address of the page."""
    lines = []
    if outcome.corrected:
        lines.append(say(said.SEARCH_CORRECTED, query=query, corrected=outcome.corrected))
    if not outcome.total:
        lines.append(say(said.SEARCH_NOTHING_FOR, query=query) if query else say(said.SEARCH_NOTHING))
        return lines
    if len(outcome.hits) < outcome.total:
        lines.append(say(said.SEARCH_FIRST, count=outcome.total, shown=len(outcome.hits)))
    else:
        lines.append(say(said.SEARCH_FOUND, count=outcome.total))
    for number, hit in enumerate(outcome.hits, start=1):
        meta = hit.meta
        lines.append(f"{number:>3}. {hit.title}")
        what = " · ".join(x for x in (meta.get("type"), meta.get("provider"), meta.get("place")) if x)
        if what:
            lines.append(f"     {what}")
        if (hours or {}).get(hit.url):
            lines.append(f"     {hours[hit.url]}")
        if meta.get("phone"):
            lines.append(f"     tel. {meta['phone']}")
        lines.append(f"     {absolute(base_url, hit.url)}")
    return lines
