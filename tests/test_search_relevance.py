"""The relevance set through the command line, the real browser search, and plain Pagefind.

Prints recall@5 and MRR per search and per kind of query (run with -s to see them);
fails when the search page shows anything else than the command line finds, when our
searches fall below the floors, or when they stop beating Pagefind alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.index import publishable
from catalogue.validate.stage import check_content
from catalogue.search.engine import SearchEngine
from pagefind_plain import pagefind_files
from relevance import ask_page, load_queries, misses, report, run_cli, run_plain, score, service_ids
from site_fixtures import demo_site, serve  # noqa: F401 - fixtures
from test_site_browser import browser, tab  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[1]
# Floors a little under what was measured (recall@5 0.99, MRR 1.00 for both: one ranking);
# a change that loses relevance fails here.
FLOOR = {"cli": (0.95, 0.95), "browser": (0.95, 0.95)}


@pytest.fixture(scope="module")
def engine():
    """The command line's engine over the demo, with the documents and vocabulary the site's build uses."""
    loaded = check_content(ROOT / "content")
    return SearchEngine.for_catalogue(publishable(loaded.catalogue))


@pytest.fixture(scope="module")
def documents(engine):
    return engine.docs


@pytest.fixture(scope="module")
def queries():
    return load_queries()


@pytest.fixture(scope="module")
def cli_scores(engine, queries):
    return score(queries, run_cli(engine, queries))


@pytest.fixture(scope="module")
def served(demo_site, documents):  # noqa: F811 - fixture
    """The demo site with, beside it, a plain Pagefind index (``/_plain/pagefind/``) for the baseline."""
    for path, data in pagefind_files(documents, "cs").items():
        target = demo_site / "_plain" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return serve(demo_site)


def test_the_set_is_big_and_varied(queries):
    assert len(queries) >= 60
    kinds = {q.kind for q in queries}
    assert {"plain", "no-diacritics", "inflected", "synonym", "typo", "multi-word", "facet-only", "everyday"} <= kinds


def test_command_line_relevance(cli_scores):
    print("\n" + report("cli", cli_scores) + "\nworst:\n" + misses(cli_scores))
    recall, mrr = FLOOR["cli"]
    assert cli_scores.recall >= recall and cli_scores.mrr >= mrr, misses(cli_scores)


def test_results_stop_where_the_set_says(engine, queries):
    too_many = [(q.query, engine.search(q.query, q.filters, limit=None).total, q.at_most) for q in queries if q.at_most]
    assert too_many and [t for t in too_many if t[1] > t[2]] == []


def test_the_search_page_shows_what_the_command_line_finds_and_beats_plain_pagefind(tab, served, queries, cli_scores, engine):  # noqa: F811
    answers = [ask_page(tab, served, q) for q in queries]
    differ = []
    for q, answer in zip(queries, answers):
        cli = engine.search(q.query, q.filters, limit=len(answer.hrefs) or 10)
        wanted = [h.url for h in cli.hits]
        shown = ["/" + href.lstrip("./") for href in answer.hrefs]
        if (shown, answer.total, answer.corrected, answer.suggestion) != (wanted, cli.total, cli.corrected, cli.suggestion):
            differ.append(f"{q.query!r} {q.filters}: page {shown} {answer} cli {wanted} {cli.total} {cli.corrected} {cli.suggestion}")
    assert differ == [], "\n".join(differ)
    browser_scores = score(queries, [service_ids(a.hrefs) for a in answers])
    plain_scores = score(queries, run_plain(tab, served, "/_plain/pagefind/pagefind.js", queries, engine.places))
    print("\n" + "\n".join(report(n, s) for n, s in (("browser", browser_scores), ("plain", plain_scores), ("cli", cli_scores))))
    print("browser worst:\n" + misses(browser_scores))
    recall, mrr = FLOOR["browser"]
    assert browser_scores.recall >= recall and browser_scores.mrr >= mrr, misses(browser_scores)
    assert browser_scores.recall > plain_scores.recall + 0.1
    for kind in ("no-diacritics", "inflected", "synonym"):
        assert browser_scores.by_kind[kind][0] > plain_scores.by_kind[kind][0], kind
    assert browser_scores.by_kind["typo"][0] > plain_scores.by_kind["typo"][0]


def test_inflected_forms_find_the_same_services(engine):
    found = [
        {h.id for h in engine.search(q, limit=None).hits if h.record == "service"}
        for q in ("seniorům", "senioři", "seniory", "seniorum", "seniori")
    ]
    assert found[0] and all(f == found[0] for f in found)


def test_without_diacritics_finds_the_written_form(engine):
    titles = [h.title for h in engine.search("pecovatelska sluzba", limit=None).hits]
    assert any("Pečovatelská služba" in t for t in titles)


def test_a_word_outranks_the_longer_words_it_only_begins(engine):
    # "domov" has the stem "dom", the beginning of "domácnost" and "domácí násilí" too;
    # a prefix match must not outweigh the word itself.
    services = [h.title for h in engine.search("domov pro seniory", limit=None).hits if h.record == "service"]
    assert all("Domov " in title and "Domácí" not in title for title in services[:5]), services[:5]
