"""The small parts of the plan's pages: names with links, funding shares, indicators as a chart and a table."""

from __future__ import annotations

from dataclasses import dataclass

from ...index import Catalogue
from ...index.plans import PlanBundle, indicator_progress
from ...model.plans import Indicator, Measure
from ..urls import url_for
from .urls import plan_url


# --- small parts --------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """Something shown by name, with a link when it has a page (site URL) or a web (absolute URL)."""

    name: str
    url: str | None = None


def organisation(cat: Catalogue, bundle: PlanBundle, oid: str) -> Named:
    """Return a provider (linked to its page) or one of the plan's organisations (linked to its web)."""
    provider = cat.providers.get(oid)
    if provider is not None:
        return Named(provider.name, url_for("providers", oid))
    own = bundle.plan.organisations.get(oid)
    if own is not None:
        return Named(own.name, own.web)
    return Named(oid)


def target_groups(cat: Catalogue, ids: list[str]) -> tuple[Named, ...]:
    return tuple(Named(cat.vocab.target_groups[g].name, url_for("target-groups", g)) for g in ids if g in cat.vocab.target_groups)


def service_types(cat: Catalogue, ids: list[str]) -> tuple[Named, ...]:
    return tuple(Named(cat.vocab.service_types[t].name, url_for("service-types", t)) for t in ids if t in cat.vocab.service_types)


def localities(cat: Catalogue, ids: list[str]) -> tuple[Named, ...]:
    return tuple(Named(cat.localities[l].name, url_for("localities", l)) for l in ids if l in cat.localities)


def funding_names(bundle: PlanBundle, ids: list[str]) -> tuple[str, ...]:
    sources = bundle.plan.funding_sources
    return tuple(sources[s].name if s in sources else s for s in ids)


@dataclass(frozen=True)
class Share:
    source: str  # the funding source's name
    amount: int | None


def shares(bundle: PlanBundle, funding) -> tuple[Share, ...]:
    sources = bundle.plan.funding_sources
    return tuple(Share(sources[f.source].name if f.source in sources else f.source, f.amount) for f in funding)


# --- indicators: a chart drawn as geometry, and its data as a table -------------------

CHART_WIDTH = 480
CHART_HEIGHT = 200
CHART_TOP, CHART_BOTTOM, CHART_LEFT, CHART_RIGHT = 24, 28, 8, 72  # room for values above, years below, the target's label right


@dataclass(frozen=True)
class Bar:
    year: int
    value: float
    kind: str  # "baseline" | "value"
    x: float
    y: float
    width: float
    height: float
    middle: float  # where its labels stand


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    target_y: float | None  # the target as a horizontal line
    baseline_y: float  # the x axis


@dataclass(frozen=True)
class IndicatorRow:
    year: int
    value: float
    kind: str  # "baseline" | "value" | "target"


@dataclass(frozen=True)
class IndicatorView:
    anchor: str
    name: str
    unit: str | None
    source: str | None
    baseline: tuple[int, float] | None
    target: tuple[int, float] | None
    latest: tuple[int, float] | None
    progress: int | None  # percent of the way from the baseline to the target
    rows: tuple[IndicatorRow, ...]  # the table: baseline, every measured year, target
    chart: Chart | None


def indicator_view(indicator: Indicator, anchor: str) -> IndicatorView:
    """Return an indicator with its table rows and its bar chart (baseline and measured years)."""
    rows: list[IndicatorRow] = []
    if indicator.baseline:
        rows.append(IndicatorRow(indicator.baseline.year, indicator.baseline.value, "baseline"))
    rows += [IndicatorRow(year, value, "value") for year, value in indicator.series()]
    if indicator.target:
        rows.append(IndicatorRow(indicator.target.year, indicator.target.value, "target"))
    series = indicator.series()
    return IndicatorView(
        anchor=anchor,
        name=indicator.name,
        unit=indicator.unit,
        source=indicator.source,
        baseline=(indicator.baseline.year, indicator.baseline.value) if indicator.baseline else None,
        target=(indicator.target.year, indicator.target.value) if indicator.target else None,
        latest=series[-1] if series else None,
        progress=indicator_progress(indicator),
        rows=tuple(rows),
        chart=chart(indicator),
    )


def chart(indicator: Indicator) -> Chart | None:
    """Return the bars of the baseline and each measured year, scaled so the target fits; None without values."""
    points = [(indicator.baseline.year, indicator.baseline.value, "baseline")] if indicator.baseline else []
    points += [(year, value, "value") for year, value in indicator.series() if not (indicator.baseline and year == indicator.baseline.year)]
    if not points:
        return None
    values = [v for _, v, _ in points] + ([indicator.target.value] if indicator.target else [])
    top = max(max(values), 0.0) or 1.0
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    slot = (CHART_WIDTH - CHART_LEFT - CHART_RIGHT) / len(points)
    width = min(56.0, slot * 0.7)
    axis = CHART_TOP + plot_height
    bars = []
    for i, (year, value, kind) in enumerate(points):
        height = max(value, 0.0) / top * plot_height
        x = CHART_LEFT + i * slot + (slot - width) / 2
        bars.append(Bar(year, value, kind, round(x, 1), round(axis - height, 1), round(width, 1), round(height, 1), round(x + width / 2, 1)))
    target_y = round(axis - max(indicator.target.value, 0.0) / top * plot_height, 1) if indicator.target else None
    return Chart(CHART_WIDTH, CHART_HEIGHT, tuple(bars), target_y, float(axis))


def measure_refs(bundle: PlanBundle, numbers: list[str]) -> tuple[Named, ...]:
    out = []
    for number in numbers:
        measure = bundle.measure_by_number.get(number)
        if measure is not None:
            out.append(Named(f"{number} {measure.title}", plan_url(bundle.id, "measures", measure.id)))
    return tuple(out)


# --- what other pages show ---------------------------------------------------------------


@dataclass(frozen=True)
class MeasureLink:
    """A measure named on a service, target-group or type page: "measure 2.3 … of plan 2020–2024"."""

    number: str
    title: str
    url: str
    plan: str
    status: str


def measure_links(pairs: list[tuple[PlanBundle, Measure]]) -> list[MeasureLink]:
    return [MeasureLink(m.number, m.title, plan_url(b.id, "measures", m.id), b.plan.label, m.status) for b, m in pairs]
