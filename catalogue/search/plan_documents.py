"""What search sees of the community plans: one document per plan and per measure.

They are a kind of record of their own (``kind``: "plan", "measure"), so a search
can be narrowed to them or leave them out; a measure also carries the target
groups, service types and places it concerns as facet values, so "senioři" with
the target-group filter finds the measures for seniors beside the services.
"""

from __future__ import annotations

from collections.abc import Callable

from ..index import Catalogue
from ..model.plans import Measure
from ..index.plans import PlanBundle, Planning
from ..index.queries import AREA_PREFIX
from ..render.community.parts import organisation
from ..render.community.urls import plan_url
from ..render.views import plain
from .documents import SearchDocument, _document
from .analysed import AnalysisCache

PLAN_KINDS = ("plan", "measure")  # values of the "kind" facet, beside "registered" and "related"


def plan_documents(cat: Catalogue, planning: Planning, gettext: Callable[[str], str], analyser: AnalysisCache) -> list[SearchDocument]:
    """Return the search documents of every plan and measure, in a stable order."""
    docs = []
    for bundle in planning.sorted_plans:
        docs.append(_plan(bundle, gettext, analyser))
        docs += [_measure(cat, bundle, m, gettext, analyser) for m in bundle.sorted_measures]
    return docs


def _plan(bundle: PlanBundle, _: Callable[[str], str], analyser: AnalysisCache) -> SearchDocument:
    plan = bundle.plan
    parts = [
        ("about", _("community plan")),
        ("summary", plan.summary or ""),
        ("topic", " ".join(p.title for p in bundle.sorted_priorities)),
        ("text", plain(plan.text, 100_000)),
    ]
    meta = {
        "title": plan.title,
        "record": "plan",
        "type": _("Community plan"),
        "summary": plan.summary or plain(plan.text, 180),
    }
    filters = {"record": ["plan"], "kind": ["plan"]}
    return _document(plan_url(plan.id), "plan", plan.id, plan.title, parts, analyser, meta, filters)


def _measure(cat: Catalogue, bundle: PlanBundle, measure: Measure, _: Callable[[str], str], analyser: AnalysisCache) -> SearchDocument:
    vocab = cat.vocab
    title = _("Measure %(number)s: %(title)s") % {"number": measure.number, "title": measure.title}
    responsible = organisation(cat, bundle, measure.responsible).name
    places = [cat.localities[l].name for l in measure.localities if l in cat.localities]
    parts = [  # the ranking's fields (search/ranking.py): what the measure is for, where, who carries it out
        ("about", _("measure of the community plan")),
        ("summary", measure.summary or ""),
        ("about", bundle.plan.title),
        ("topic", " ".join(vocab.target_groups[g].name for g in measure.target_groups if g in vocab.target_groups)),
        ("topic", " ".join(vocab.service_types[t].name for t in measure.service_types if t in vocab.service_types)),
        ("place", " ".join(places)),
        ("provider", responsible),
        ("provider", " ".join(organisation(cat, bundle, p).name for p in measure.partners)),
        ("text", " ".join(cat.services[s].name for s in measure.services if s in cat.services)),
        ("text", " ".join(a.title for a in measure.activities)),
        ("text", plain(measure.description, 100_000)),
    ]
    meta = {
        "title": title,
        "record": "measure",
        "type": bundle.plan.label,
        "provider": responsible,
        "place": ", ".join(places),
        "summary": measure.summary or plain(measure.description, 180),
    }
    filters = {
        "record": ["measure"],
        "kind": ["measure"],
        "target_group": sorted(measure.target_groups),
        "type": sorted(measure.service_types),
        "locality": locality_values(cat, measure.localities or bundle.plan.area),
    }
    url = plan_url(bundle.id, "measures", measure.id)
    return _document(url, "measure", f"{bundle.id}/{measure.id}", title, parts, analyser, meta, {k: v for k, v in filters.items() if v})


def locality_values(cat: Catalogue, concerned: list[str]) -> list[str]:
    """A measure's locality filter values: the places it concerns with their parents, and each place
    as an area (``area:X``), so a filter by a part of a town finds the measures for the whole town."""
    places = [l for l in concerned if l in cat.localities]
    named = {*places, *(a for l in places for a in cat.ancestors(l) if a in cat.localities)}
    return sorted(named) + sorted(AREA_PREFIX + l for l in places)
