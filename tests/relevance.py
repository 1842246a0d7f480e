"""The relevance set (tests/data/relevance.yaml) run through the three searches, and the metrics.

* ``cli``: the command line's engine (catalogue/search/engine.py);
* ``browser``: the real search page in headless Chromium (static/search-engine.js over
  the site's search files: the same ranking);
* ``plain``: Pagefind on the plain text with the same filters, without our analysis,
  synonyms or corrections — what a site gets from Pagefind alone.

recall@5 is the share of a query's expected services among the first five services
it returns (out of at most five expected); MRR is the mean of 1/rank of the first
expected service. Ranks count services only: providers, life situations and pages
are shown too but the set judges services.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import yaml

RELEVANCE_FILE = Path(__file__).resolve().parent / "data" / "relevance.yaml"
SERVICE_PREFIX = "/sluzby/"


@dataclass(frozen=True)
class Query:
    query: str
    kind: str
    filters: dict[str, list[str]]
    expect: list[str]
    at_most: int | None = None  # the search must stop at this many results


def load_queries(path: Path = RELEVANCE_FILE) -> list[Query]:
    return [
        Query(q["query"], q["kind"], q.get("filters") or {}, list(q["expect"]), q.get("at_most"))
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def service_ids(urls: list[str]) -> list[str]:
    """Service ids in result order, from result URLs (absolute or site-relative)."""
    out = []
    for url in urls:
        path = "/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url
        if SERVICE_PREFIX in path:
            out.append(path.split(SERVICE_PREFIX, 1)[1].strip("/").split("/")[0])
    return out


def recall_at(found: list[str], expect: list[str], k: int = 5) -> float:
    if not expect:
        return 1.0
    return len(set(found[:k]) & set(expect)) / min(k, len(expect))


def reciprocal_rank(found: list[str], expect: list[str]) -> float:
    for rank, sid in enumerate(found, start=1):
        if sid in expect:
            return 1.0 / rank
    return 0.0


@dataclass
class Scores:
    recall: float
    mrr: float
    by_kind: dict[str, tuple[float, float, int]]
    per_query: list[tuple[Query, list[str], float, float]]


def score(queries: list[Query], results: list[list[str]]) -> Scores:
    rows = [(q, found, recall_at(found, q.expect), reciprocal_rank(found, q.expect)) for q, found in zip(queries, results)]
    kinds: dict[str, list] = defaultdict(list)
    for row in rows:
        kinds[row[0].kind].append(row)
    by_kind = {k: (sum(r[2] for r in v) / len(v), sum(r[3] for r in v) / len(v), len(v)) for k, v in sorted(kinds.items())}
    return Scores(sum(r[2] for r in rows) / len(rows), sum(r[3] for r in rows) / len(rows), by_kind, rows)


def run_cli(engine, queries: list[Query]) -> list[list[str]]:
    return [service_ids([h.url for h in engine.search(q.query, q.filters, limit=None).hits]) for q in queries]


def search_url(base: str, q: Query) -> str:
    params = [("q", q.query)] if q.query else []
    params += [(k, v) for k, values in q.filters.items() for v in values]
    return f"{base.rstrip('/')}/hledat/?{urlencode(params)}"


@dataclass(frozen=True)
class PageAnswer:
    """What the search page showed: the addresses of the results on screen, and its correction."""

    hrefs: list[str]
    total: int
    corrected: str | None
    suggestion: str | None


def ask_page(page, base: str, q: Query) -> PageAnswer:
    """The real search page: load it with the query in the address, read what it rendered."""
    page.goto(search_url(base, q))
    page.wait_for_selector("#search-app[data-state=done]", timeout=20_000)
    hrefs = page.eval_on_selector_all("#search-results li h2 a", "els => els.map(e => e.getAttribute('href'))")
    app = page.locator("#search-app")
    return PageAnswer(
        hrefs, int(app.get_attribute("data-total") or 0), app.get_attribute("data-corrected") or None, app.get_attribute("data-suggestion") or None
    )


def run_browser(page, base: str, queries: list[Query], limit: int = 10) -> list[list[str]]:
    """Service ids the search page shows for each query."""
    return [service_ids(ask_page(page, base, q).hrefs[:limit]) for q in queries]


PLAIN_SEARCH = """async ([bundle, q, filters, limit]) => {
  const pf = await import(bundle);
  const f = {};
  for (const [k, v] of Object.entries(filters)) f[k] = {any: v};
  const res = await pf.search(q || null, {filters: f});
  const data = await Promise.all(res.results.slice(0, limit).map(r => r.data()));
  return data.map(d => d.url);
}"""


def run_plain(page, base: str, bundle: str, queries: list[Query], places: dict[str, list[str]], limit: int = 10) -> list[list[str]]:
    """Pagefind alone: the raw query against an index of the plain text (``bundle`` is its pagefind.js).

    Filters mean what they mean on the site (a place stands for the values of
    ``places``, as the search page's options say): only the Czech layer is left out.
    """
    page.goto(f"{base.rstrip('/')}/")
    out = []
    for q in queries:
        filters = {f: [x for v in values for x in (places.get(v, [v]) if f == "locality" else [v])] for f, values in q.filters.items()}
        out.append(service_ids(page.evaluate(PLAIN_SEARCH, [bundle, q.query, filters, limit])))
    return out


def report(name: str, scores: Scores) -> str:
    lines = [f"{name:8} recall@5 {scores.recall:.3f}  MRR {scores.mrr:.3f}"]
    for kind, (recall, mrr, n) in scores.by_kind.items():
        lines.append(f"  {kind:14} n={n:<3} recall@5 {recall:.3f}  MRR {mrr:.3f}")
    return "\n".join(lines)


def misses(scores: Scores, limit: int = 15) -> str:
    rows = sorted(scores.per_query, key=lambda r: (r[2], r[3]))[:limit]
    return "\n".join(f"  {r[0].query!r} {json.dumps(r[0].filters)} recall {r[2]:.2f} rr {r[3]:.2f} got {r[1][:5]}" for r in rows)
