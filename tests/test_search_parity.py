"""One ranking, two searches: the browser's engine (search-engine.js, in Node over the built site's
files) and the command line's (engine.py) give the same results, scores and corrections.

Every query of the relevance set runs through both, plus queries that probe the edges
(a synonym phrase with a negation, stopwords only, filters only, a correction that
finds nothing, a word that only begins others). ``test_search_relevance.py`` compares
the real search page in Chromium with the command line on the same set.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from relevance import load_queries
from site_fixtures import demo_site  # noqa: F401 - fixture
from test_search_browser import demo_engine

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
]


def index_filters(engine, filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """The filters as the search page sends them to the engine: a place as the values that find it."""
    return {k: [x for v in vs for x in (engine.places.get(v, [v]) if k == "locality" else [v])] for k, vs in filters.items()}


def test_browser_engine_and_command_line_agree_on_every_query(demo_site, tmp_path):  # noqa: F811 - fixture
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the browser's engine cannot be run")
    engine = demo_engine()
    asked = [(q.query, q.filters) for q in load_queries()] + EDGES
    source = tmp_path / "queries.jsonl"
    source.write_text("".join(json.dumps([q, index_filters(engine, f)], ensure_ascii=False) + "\n" for q, f in asked), encoding="utf-8")
    result = tmp_path / "results.jsonl"
    subprocess.run([node, RUNNER, str(demo_site / "search"), str(source), str(result)], check=True, timeout=300)
    browser = [json.loads(line) for line in result.read_text(encoding="utf-8").splitlines()]
    number = {doc.url: n for n, doc in enumerate(engine.docs)}
    differ = []
    for (q, f), got in zip(asked, browser, strict=True):
        cli = engine.search(q, f, limit=None)
        wanted = {"docs": [[number[h.url], h.score] for h in cli.hits], "corrected": cli.corrected, "suggestion": cli.suggestion}
        if got != wanted:
            differ.append(f"{q!r} {f}: browser {got} cli {wanted}")
    assert differ == []
    assert any(r["corrected"] for r in browser) and any(not r["docs"] for r in browser)  # the edges were reached
