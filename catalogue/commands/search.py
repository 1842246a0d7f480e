"""``build.py search``: the site's search on the command line, for editors and front desks."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

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
from ..search.engine import SearchEngine
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
    if not args.query.strip() and not filters:
        reporter.error(say(said.SEARCH_EMPTY))
        return EXIT_USAGE
    engine = SearchEngine.for_catalogue(cat, cache_folder(Path(args.content)) / "search")
    outcome = engine.search(args.query, filters, limit=max(args.limit, 0))
    if args.json:
        reporter.info(json.dumps(
            {
                "query": args.query,
                "corrected": outcome.corrected,
                "total": outcome.total,
                "results": [
                    {**h.meta, "url": absolute(cat.site.base_url, h.url), "record": h.record, "id": h.id, "title": h.title}
                    for h in outcome.hits
                ],
            },
            ensure_ascii=False,
            indent=2,
        ))
        return EXIT_OK
    for line in format_outcome(args.query, outcome, cat.site.base_url):
        reporter.info(line)  # said lines speak the reporter's language
    return EXIT_OK


def format_outcome(query: str, outcome, base_url: str) -> list[str]:
    """Plain-text results: number, title, what and who, where, phone, address of the page."""
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
        if meta.get("phone"):
            lines.append(f"     tel. {meta['phone']}")
        lines.append(f"     {absolute(base_url, hit.url)}")
    return lines
