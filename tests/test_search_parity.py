"""One ranking, two searches: the browser's engine (search-engine.js, in Node over the built site's
files) and the command line's (engine.py) give the same results, scores and corrections.

Every query of the relevance set runs through both, plus queries that probe the edges
(a synonym phrase with a negation, stopwords only, filters only, a correction that
finds nothing, a word that only begins others). ``test_search_relevance.py`` compares
the real search page in Chromium with the command line on the same set.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import subprocess

import pytest

from relevance import load_queries
from site_fixtures import DEMO, demo_site  # noqa: F401 - fixture
from test_search_browser import demo_engine

from catalogue.index import publishable
from catalogue.index.opening import holiday_years, public_holidays
from catalogue.search.hours import open_documents
from catalogue.validate.stage import check_content

RUNNER = "tests/js/run_search.js"
EDGES = [
    ("jídlo", {}),
    ("jidlo", {}),
    ("bez domova", {}),
    ("lidem bez domova", {}),
    ("domov pro seniory", {"free": ["yes"]}),
    ("pro a na", {}),
    ("pro a na", {"type": ["pecovatelska-sluzba"]}),
    ("", {"locality": ["milovice-mlada"], "free": ["yes"]}),
    ("", {"type": ["pecovatelska-sluzba", "osobni-asistence"], "wheelchair": ["yes"]}),
    ("pecovatelksa", {}),
    ("odlechcovaci sluzba", {}),
    ("azilovy dum zdarma", {"locality": ["okres-praha-vychod"]}),
    ("qwxzqwxz", {}),
    ("nocleh", {}),
    ("do", {}),
    ("charita", {}),
    ("Domov Pod Věží", {}),
    ("senioři Milovice", {"kind": ["related"]}),
    ("", {"hours": ["evening"]}),
    ("pečovatelská služba", {"hours": ["weekend", "nonstop"]}),
    ("poradna", {"hours": ["appointment"], "locality": ["nymburk"]}),
]
#: "Open now" at fixed local times (search/hours.py on the command line, static/hours.js in the engine's twin):
#: a winter night, a summer morning, Christmas Eve (a public holiday), the small hours after New Year's Day.
OPEN_AT = ["2026-11-23T23:00", "2027-07-14T09:30", "2026-12-24T10:00", "2027-01-02T05:00"]
OPEN_QUERIES = [("", {}), ("noclehárna", {}), ("pomoc doma", {}), ("poradna", {"locality": ["nymburk"]}), ("", {"hours": ["weekend"]})]


def index_filters(engine, filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """The filters as the search page sends them to the engine: a place as the values that find it."""
    return {k: [x for v in vs for x in (engine.places.get(v, [v]) if k == "locality" else [v])] for k, vs in filters.items()}


def run_browser_engine(site, lines: list[list], tmp_path) -> list[dict]:
    """Run ``tests/js/run_search.js`` over the built site's search files; one answer per input line."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the browser's engine cannot be run")
    source = tmp_path / "queries.jsonl"
    source.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    result = tmp_path / "results.jsonl"
    subprocess.run([node, RUNNER, str(site / "search"), str(source), str(result)], check=True, timeout=300)
    return [json.loads(line) for line in result.read_text(encoding="utf-8").splitlines()]


def test_browser_engine_and_command_line_agree_on_every_query(demo_site, tmp_path):  # noqa: F811 - fixture
    engine = demo_engine()
    asked = [(q.query, q.filters) for q in load_queries()] + EDGES
    browser = run_browser_engine(demo_site, [[q, index_filters(engine, f)] for q, f in asked], tmp_path)
    number = {doc.url: n for n, doc in enumerate(engine.docs)}
    differ = []
    for (q, f), got in zip(asked, browser, strict=True):
        cli = engine.search(q, f, limit=None)
        wanted = {"docs": [[number[h.url], h.score] for h in cli.hits], "corrected": cli.corrected, "suggestion": cli.suggestion}
        if got != wanted:
            differ.append(f"{q!r} {f}: browser {got} cli {wanted}")
    assert differ == []
    assert any(r["corrected"] for r in browser) and any(not r["docs"] for r in browser)  # the edges were reached


@functools.cache
def demo_catalogue():
    return publishable(check_content(DEMO).catalogue)


def test_open_now_agrees_at_fixed_times(demo_site, tmp_path):  # noqa: F811 - fixture
    engine, cat = demo_engine(), demo_catalogue()
    number = {doc.url: n for n, doc in enumerate(engine.docs)}
    asked, wanted = [], []
    for at in OPEN_AT:
        moment = dt.datetime.fromisoformat(at)
        # the page carries the holidays of its build year and the next (context.hours_text)
        holidays = sorted(d.isoformat() for d in public_holidays(cat.site.country, holiday_years(moment.date())))
        clock = {"at": {"y": moment.year, "m": moment.month, "d": moment.day, "min": moment.hour * 60 + moment.minute}, "holidays": holidays}
        only = open_documents(cat, engine.docs, moment)
        for q, f in OPEN_QUERIES:
            asked.append([q, index_filters(engine, f), clock])
            cli = engine.search(q, f, limit=None, only=only)
            wanted.append({"docs": [[number[h.url], h.score] for h in cli.hits],
                           "corrected": cli.corrected, "suggestion": cli.suggestion})
    browser = run_browser_engine(demo_site, asked, tmp_path)
    differ = [f"{a[0]!r} {a[1]} at {a[2]['at']}: browser {g} cli {w}" for a, g, w in zip(asked, browser, wanted, strict=True) if g != w]
    assert differ == []
    totals = [len(w["docs"]) for w in wanted]
    assert any(totals) and len(set(totals)) > 2  # the moments differ, and something is open
