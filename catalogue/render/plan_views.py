"""What the community plan's pages show, prepared in Python: templates only lay it out.

Each page gets one typed view (a frozen dataclass) built here from the publishable
catalogue and its plans: names looked up, organisations linked (a provider to its
page, another organisation to its web), numbers summed, indicator charts drawn
as geometry. URLs of the plan's pages are made here too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..index import Catalogue, collate
from ..model.plans import (
    ActionPlan,
    Activity,
    Comment,
    CommentPeriod,
    Indicator,
    Measure,
    Meeting,
    NewsItem,
    Plan,
    Priority,
    WorkingGroup,
)
from ..model.records import Capacity, Service, Site
from ..planning import (
    DueMeasure,
    NetworkEntry,
    PlanBundle,
    Planning,
    Progress,
    current_comment_period,
    due_measures,
    funding_totals,
    indicator_progress,
    network,
    progress,
)
from .urls import url_for
from .views import capacity_unit

PLANS_SECTION = "komunitni-plan"
NEWS_SECTION = "novinky"
FILES_SECTION = "soubory"
FEED_FILE = "atom.xml"
PART_SECTIONS = {
    "priorities": "priority",
    "measures": "opatreni",
    "action-plans": "akcni-plany",
    "working-groups": "pracovni-skupiny",
    "comment-periods": "pripominky",
}
COMMENT_FORM = "pripominka-k-planu.yml"  # .github/ISSUE_TEMPLATE/ of the content repository


# --- URLs ---------------------------------------------------------------------------


def plans_url() -> str:
    return f"/{PLANS_SECTION}/"


def plan_url(plan_id: str, part: str | None = None, ident: str | None = None) -> str:
    """Return ``/komunitni-plan/2020-2024/``, ``…/opatreni/2-3/``, or a part's index ``…/pracovni-skupiny/``."""
    url = f"/{PLANS_SECTION}/{plan_id}/"
    if part:
        url += f"{PART_SECTIONS[part]}/"
        if ident:
            url += f"{ident}/"
    return url


def meeting_url(plan_id: str, group_id: str, meeting: Meeting) -> str:
    return plan_url(plan_id, "working-groups", group_id) + f"{meeting.date.isoformat()}/"


def news_url(ident: str | None = None) -> str:
    return f"/{NEWS_SECTION}/{ident}/" if ident else f"/{NEWS_SECTION}/"


def feed_url() -> str:
    return f"/{NEWS_SECTION}/{FEED_FILE}"


def file_url(name: str) -> str:
    """Return where a PDF of ``files/`` is published, or the web address itself."""
    if name.startswith(("http://", "https://")):
        return name
    return f"/{FILES_SECTION}/{name}"


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


# --- the plan and its parts --------------------------------------------------------


@dataclass(frozen=True)
class MeasureItem:
    """A measure in a list: number, title, state, who and when."""

    url: str
    number: str
    title: str
    summary: str | None
    status: str
    responsible: Named
    years: tuple[int, int]


def measure_item(cat: Catalogue, bundle: PlanBundle, measure: Measure) -> MeasureItem:
    years = bundle.years(measure)
    return MeasureItem(
        url=plan_url(bundle.id, "measures", measure.id),
        number=measure.number,
        title=measure.title,
        summary=measure.summary,
        status=measure.status,
        responsible=organisation(cat, bundle, measure.responsible),
        years=(years[0], years[-1]),
    )


@dataclass(frozen=True)
class PriorityItem:
    url: str
    number: str
    title: str
    summary: str | None
    progress: Progress
    measures: tuple[MeasureItem, ...]


def priority_item(cat: Catalogue, bundle: PlanBundle, priority: Priority) -> PriorityItem:
    measures = bundle.measures_of(priority)
    return PriorityItem(
        url=plan_url(bundle.id, "priorities", priority.id),
        number=priority.number,
        title=priority.title,
        summary=priority.summary,
        progress=progress(measures),
        measures=tuple(measure_item(cat, bundle, m) for m in measures),
    )


@dataclass(frozen=True)
class PlanHeader:
    """What every page of a plan shows at the top and in its breadcrumbs."""

    id: str
    url: str
    title: str
    label: str
    status: str
    period: tuple[int, int]
    index: str  # the page of every plan, first of the breadcrumbs


def plan_header(bundle: PlanBundle) -> PlanHeader:
    plan = bundle.plan
    return PlanHeader(plan.id, plan_url(plan.id), plan.title, plan.label, plan.status, (plan.period.start, plan.period.end), plans_url())


@dataclass(frozen=True)
class Document:
    """A PDF to download: the approved plan, a draft, minutes, or the printed booklet."""

    label: str
    url: str


@dataclass(frozen=True)
class CommentLinks:
    """How to send a comment while the plan is in comment: e-mail (subject prefilled) and the issue form."""

    email: str | None
    mailto: str | None
    issue: str | None


def comment_links(site: Site, bundle: PlanBundle, subject: str, measure: str = "") -> CommentLinks:
    """Return the links that start a comment on the plan (or on one measure), prefilled so the planners know what it is about.

    ``subject`` is translated by the caller: "Comment on the plan …" or "Comment on measure 2.3 …".
    """
    period = current_comment_period(bundle)
    if period is None:
        return CommentLinks(None, None, None)
    email = period.email or (bundle.plan.contact.email[0] if bundle.plan.contact.email else None)
    mailto = f"mailto:{email}?" + urlencode({"subject": subject}, quote_via=quote) if email else None
    issue = None
    repo = site.repository
    if period.issue_form and repo is not None and "github" in repo.url:
        query = {"template": COMMENT_FORM, "title": subject, "plan": bundle.plan.title, "measure": measure}
        issue = f"{repo.url.rstrip('/')}/issues/new?" + urlencode({k: v for k, v in query.items() if v}, quote_via=quote)
    return CommentLinks(email, mailto, issue)


@dataclass(frozen=True)
class NewsEntry:
    url: str
    title: str
    date: dt.date
    topic: str
    summary: str | None


def news_entry(item: NewsItem) -> NewsEntry:
    return NewsEntry(news_url(item.id), item.title, item.date, item.topic, item.summary)


@dataclass(frozen=True)
class PeriodItem:
    url: str
    title: str
    opens: dt.date
    closes: dt.date
    comments: int


def period_item(bundle: PlanBundle, period: CommentPeriod) -> PeriodItem:
    return PeriodItem(plan_url(bundle.id, "comment-periods", period.id), period.title, period.opens, period.closes, len(period.comments))


@dataclass(frozen=True)
class GroupItem:
    url: str
    name: str
    summary: str | None
    members: int
    meetings: int


def group_item(bundle: PlanBundle, group: WorkingGroup) -> GroupItem:
    return GroupItem(plan_url(bundle.id, "working-groups", group.id), group.name, group.summary, len(group.members), len(group.meetings))


@dataclass(frozen=True)
class ActionPlanItem:
    url: str
    year: int
    title: str | None  # None: the pages say "Action plan for YEAR"
    status: str


def action_plan_item(bundle: PlanBundle, action: ActionPlan) -> ActionPlanItem:
    return ActionPlanItem(plan_url(bundle.id, "action-plans", action.id), action.year, action.title, action.status)


@dataclass(frozen=True)
class PlanView:
    """The plan's home page."""

    header: PlanHeader
    plan: Plan
    commissioner: Named | None
    progress: Progress
    priorities: tuple[PriorityItem, ...]
    action_plans: tuple[ActionPlanItem, ...]
    working_groups: tuple[GroupItem, ...]
    comment_periods: tuple[PeriodItem, ...]
    current_period: PeriodItem | None
    documents: tuple[Document, ...]
    news: tuple[NewsEntry, ...]
    funding_sources: tuple[tuple[str, str | None], ...]  # (name, description)


def plan_view(cat: Catalogue, planning: Planning, bundle: PlanBundle, print_files: dict[str, str]) -> PlanView:
    plan = bundle.plan
    current = current_comment_period(bundle)
    return PlanView(
        header=plan_header(bundle),
        plan=plan,
        commissioner=organisation(cat, bundle, plan.commissioner) if plan.commissioner else None,
        progress=progress(bundle.sorted_measures),
        priorities=tuple(priority_item(cat, bundle, p) for p in bundle.sorted_priorities),
        action_plans=tuple(action_plan_item(bundle, a) for a in bundle.sorted_action_plans),
        working_groups=tuple(group_item(bundle, g) for g in bundle.sorted_working_groups),
        comment_periods=tuple(period_item(bundle, c) for c in bundle.sorted_comment_periods),
        current_period=period_item(bundle, current) if current else None,
        documents=plan_documents(bundle, print_files),
        news=tuple(news_entry(n) for n in planning.news_of_plan(plan.id)[:5]),
        funding_sources=tuple((s.name, s.description) for s in plan.funding_sources.values()),
    )


def plan_documents(bundle: PlanBundle, print_files: dict[str, str]) -> tuple[Document, ...]:
    """Return the PDFs of a plan: the approved document (as the editors gave it) and the printed booklet."""
    out = []
    if bundle.plan.document:
        out.append(Document("document", file_url(bundle.plan.document)))
    printed = print_files.get(f"plan:{bundle.id}")
    if printed:
        out.append(Document("booklet", printed))
    return tuple(out)


@dataclass(frozen=True)
class PriorityView:
    header: PlanHeader
    priority: Priority
    item: PriorityItem


def priority_view(cat: Catalogue, bundle: PlanBundle, priority: Priority) -> PriorityView:
    return PriorityView(plan_header(bundle), priority, priority_item(cat, bundle, priority))


@dataclass(frozen=True)
class ActivityView:
    number: str
    title: str
    description: str | None
    responsible: Named | None
    deadline: int | None
    status: str | None


def activity_view(cat: Catalogue, bundle: PlanBundle, measure: Measure, i: int, activity: Activity) -> ActivityView:
    return ActivityView(
        number=f"{measure.number}.{i + 1}",
        title=activity.title,
        description=activity.description,
        responsible=organisation(cat, bundle, activity.responsible) if activity.responsible else None,
        deadline=activity.deadline,
        status=activity.status,
    )


@dataclass(frozen=True)
class YearOfMeasure:
    """What one year's action plan holds for a measure."""

    url: str
    year: int
    activities: str | None
    cost: int | None
    status: str | None
    evaluation: str | None


@dataclass(frozen=True)
class CommentOnMeasure:
    period_url: str
    number: int  # the comment's number in its settlement table
    text: str
    outcome: str
    response: str | None
    changed: bool  # whether the measure changed because of it


@dataclass(frozen=True)
class MeasureView:
    header: PlanHeader
    measure: Measure
    priority: Named | None
    responsible: Named
    partners: tuple[Named, ...]
    working_group: Named | None
    years: tuple[int, int]
    funding: tuple[str, ...]
    target_groups: tuple[Named, ...]
    service_types: tuple[Named, ...]
    localities: tuple[Named, ...]
    whole_area: bool  # no localities named: the measure concerns the plan's whole area
    services: tuple[Service, ...]
    indicators: tuple[IndicatorView, ...]
    activities: tuple[ActivityView, ...]
    years_in_action_plans: tuple[YearOfMeasure, ...]
    comments: tuple[CommentOnMeasure, ...]
    news: tuple[NewsEntry, ...]
    comment: CommentLinks


def measure_view(cat: Catalogue, planning: Planning, bundle: PlanBundle, measure: Measure, comment: CommentLinks) -> MeasureView:
    priority = bundle.priority_of(measure)
    group = bundle.working_groups.get(measure.working_group) if measure.working_group else None
    years = bundle.years(measure)
    return MeasureView(
        header=plan_header(bundle),
        measure=measure,
        priority=Named(priority.title, plan_url(bundle.id, "priorities", priority.id)) if priority else None,
        responsible=organisation(cat, bundle, measure.responsible),
        partners=tuple(organisation(cat, bundle, p) for p in measure.partners),
        working_group=Named(group.name, plan_url(bundle.id, "working-groups", group.id)) if group else None,
        years=(years[0], years[-1]),
        funding=funding_names(bundle, measure.funding),
        target_groups=target_groups(cat, measure.target_groups),
        service_types=service_types(cat, measure.service_types),
        localities=localities(cat, measure.localities),
        whole_area=not measure.localities,
        services=tuple(cat.services[s] for s in measure.services if s in cat.services),
        indicators=tuple(indicator_view(ind, f"ukazatel-{i + 1}") for i, ind in enumerate(measure.indicators)),
        activities=tuple(activity_view(cat, bundle, measure, i, a) for i, a in enumerate(measure.activities)),
        years_in_action_plans=years_of_measure(bundle, measure),
        comments=comments_on(bundle, measure),
        news=tuple(news_entry(n) for n in planning.news_of_plan(bundle.id) if measure.number in n.measures),
        comment=comment,
    )


def years_of_measure(bundle: PlanBundle, measure: Measure) -> tuple[YearOfMeasure, ...]:
    out = []
    for action in bundle.sorted_action_plans:
        for due in due_measures(bundle, action):
            if due.measure.id == measure.id:
                d = due.details
                out.append(YearOfMeasure(
                    plan_url(bundle.id, "action-plans", action.id), action.year,
                    d.activities if d else None, d.cost if d else None, d.status if d else None, d.evaluation if d else None,
                ))
    return tuple(out)


def comments_on(bundle: PlanBundle, measure: Measure) -> tuple[CommentOnMeasure, ...]:
    out = []
    for period in bundle.sorted_comment_periods:
        for i, comment in enumerate(period.comments):
            if measure.number in comment.measures or measure.number in comment.changed:
                out.append(CommentOnMeasure(
                    plan_url(bundle.id, "comment-periods", period.id), i + 1, comment.text, comment.outcome,
                    comment.response, measure.number in comment.changed,
                ))
    return tuple(out)


# --- action plans ---------------------------------------------------------------------


@dataclass(frozen=True)
class DueRow:
    measure: MeasureItem
    activities: str | None
    cost: int | None
    funding: tuple[Share, ...]
    status: str | None
    evaluation: str | None


@dataclass(frozen=True)
class NetworkRow:
    service: Service
    type_name: str
    provider: str
    capacity: Capacity | None
    capacity_unit: str  # the unit's word after the count: 12 klientů
    capacity_from_catalogue: bool
    funding: tuple[Share, ...]
    total: int | None
    note: str | None


@dataclass(frozen=True)
class ActionPlanView:
    header: PlanHeader
    action: ActionPlan
    due: tuple[DueRow, ...]
    due_cost: int
    network: tuple[NetworkRow, ...]
    network_total: int
    network_sources: tuple[tuple[str, int], ...]  # (source name, sum over the network)
    documents: tuple[Document, ...]
    previous: ActionPlanItem | None
    next: ActionPlanItem | None


def due_row(cat: Catalogue, bundle: PlanBundle, due: DueMeasure) -> DueRow:
    d = due.details
    return DueRow(
        measure=measure_item(cat, bundle, due.measure),
        activities=d.activities if d else None,
        cost=d.cost if d else None,
        funding=shares(bundle, d.funding) if d else (),
        status=d.status if d else None,
        evaluation=d.evaluation if d else None,
    )


def network_row(cat: Catalogue, bundle: PlanBundle, entry: NetworkEntry) -> NetworkRow:
    service = entry.service
    stype = cat.vocab.service_types.get(service.type)
    provider = cat.providers.get(service.provider)
    return NetworkRow(
        service=service,
        type_name=stype.name if stype else service.type,
        provider=provider.name if provider else service.provider,
        capacity=entry.capacity,
        capacity_unit=capacity_unit(cat, entry.capacity) if entry.capacity else "",
        capacity_from_catalogue=entry.capacity_from_catalogue,
        funding=shares(bundle, entry.funding),
        total=entry.total,
        note=entry.note,
    )


def action_plan_view(cat: Catalogue, bundle: PlanBundle, action: ActionPlan, print_files: dict[str, str]) -> ActionPlanView:
    due = [due_row(cat, bundle, d) for d in due_measures(bundle, action)]
    entries = network(cat, bundle, action)
    totals = funding_totals([share for e in entries for share in e.funding])
    sources = bundle.plan.funding_sources
    years = bundle.sorted_action_plans
    index = years.index(action)
    printed = print_files.get(f"action-plan:{bundle.id}:{action.id}")
    return ActionPlanView(
        header=plan_header(bundle),
        action=action,
        due=tuple(due),
        due_cost=sum(r.cost or 0 for r in due),
        network=tuple(network_row(cat, bundle, e) for e in entries),
        network_total=sum(totals.values()),
        network_sources=tuple((sources[s].name if s in sources else s, amount) for s, amount in totals.items()),
        documents=(Document("booklet", printed),) if printed else (),
        previous=action_plan_item(bundle, years[index - 1]) if index > 0 else None,
        next=action_plan_item(bundle, years[index + 1]) if index + 1 < len(years) else None,
    )


# --- working groups, meetings ----------------------------------------------------------


@dataclass(frozen=True)
class MeetingItem:
    date: dt.date
    title: str | None
    place: str | None
    page: str | None  # the minutes as a page of the site
    pdf: str | None  # the minutes as a PDF


@dataclass(frozen=True)
class WorkingGroupsView:
    header: PlanHeader
    groups: tuple[GroupItem, ...]


@dataclass(frozen=True)
class WorkingGroupView:
    header: PlanHeader
    group: WorkingGroup
    coordinator: Named | None
    members: tuple[Named, ...]
    target_groups: tuple[Named, ...]
    measures: tuple[MeasureItem, ...]
    meetings: tuple[MeetingItem, ...]
    index: str  # the plan's working groups


def meeting_item(bundle: PlanBundle, group: WorkingGroup, meeting: Meeting) -> MeetingItem:
    has_page = bool((meeting.minutes or "").strip())
    return MeetingItem(
        meeting.date, meeting.title, meeting.place,
        meeting_url(bundle.id, group.id, meeting) if has_page else None,
        file_url(meeting.minutes_pdf) if meeting.minutes_pdf else None,
    )


def working_group_view(cat: Catalogue, bundle: PlanBundle, group: WorkingGroup) -> WorkingGroupView:
    return WorkingGroupView(
        header=plan_header(bundle),
        group=group,
        coordinator=organisation(cat, bundle, group.coordinator) if group.coordinator else None,
        members=tuple(sorted((organisation(cat, bundle, m) for m in group.members), key=lambda n: collate(n.name))),
        target_groups=target_groups(cat, group.target_groups),
        measures=tuple(measure_item(cat, bundle, m) for m in bundle.sorted_measures if m.working_group == group.id),
        meetings=tuple(meeting_item(bundle, group, m) for m in sorted(group.meetings, key=lambda m: m.date, reverse=True)),
        index=plan_url(bundle.id, "working-groups"),
    )


@dataclass(frozen=True)
class MeetingView:
    header: PlanHeader
    group: Named
    meeting: Meeting
    pdf: str | None


def meeting_view(bundle: PlanBundle, group: WorkingGroup, meeting: Meeting) -> MeetingView:
    return MeetingView(
        plan_header(bundle),
        Named(group.name, plan_url(bundle.id, "working-groups", group.id)),
        meeting,
        file_url(meeting.minutes_pdf) if meeting.minutes_pdf else None,
    )


# --- comment periods ----------------------------------------------------------------------


@dataclass(frozen=True)
class CommentRow:
    number: int
    received: dt.date | None
    by: Named | None  # None: a member of the public
    measures: tuple[Named, ...]
    text: str
    outcome: str
    response: str | None
    changed: tuple[Named, ...]


@dataclass(frozen=True)
class MeasureComment:
    """One measure with the link that starts a comment on it."""

    number: str
    title: str
    url: str
    links: CommentLinks


@dataclass(frozen=True)
class CommentPeriodView:
    header: PlanHeader
    period: CommentPeriod
    open: bool  # the plan is in comment and this is its current period
    draft: str | None
    links: CommentLinks
    measures: tuple[MeasureComment, ...]
    comments: tuple[CommentRow, ...]
    outcomes: tuple[tuple[str, int], ...]  # outcome → how many comments


def measure_refs(bundle: PlanBundle, numbers: list[str]) -> tuple[Named, ...]:
    out = []
    for number in numbers:
        measure = bundle.measure_by_number.get(number)
        if measure is not None:
            out.append(Named(f"{number} {measure.title}", plan_url(bundle.id, "measures", measure.id)))
    return tuple(out)


def comment_row(cat: Catalogue, bundle: PlanBundle, i: int, comment: Comment) -> CommentRow:
    return CommentRow(
        number=i + 1,
        received=comment.received,
        by=organisation(cat, bundle, comment.organisation) if comment.organisation else None,
        measures=measure_refs(bundle, comment.measures),
        text=comment.text,
        outcome=comment.outcome,
        response=comment.response,
        changed=measure_refs(bundle, comment.changed),
    )


def comment_period_view(
    cat: Catalogue, bundle: PlanBundle, period: CommentPeriod, links: CommentLinks, measures: tuple[MeasureComment, ...]
) -> CommentPeriodView:
    is_open = current_comment_period(bundle) is period
    counts: dict[str, int] = {}
    for comment in period.comments:
        counts[comment.outcome] = counts.get(comment.outcome, 0) + 1
    return CommentPeriodView(
        header=plan_header(bundle),
        period=period,
        open=is_open,
        draft=file_url(period.draft) if period.draft else None,
        links=links if is_open else CommentLinks(None, None, None),
        measures=measures if is_open else (),
        comments=tuple(comment_row(cat, bundle, i, c) for i, c in enumerate(period.comments)),
        outcomes=tuple((o, counts[o]) for o in ("accepted", "partly", "rejected", "noted") if o in counts),
    )


# --- news -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsView:
    item: NewsItem
    plan: Named | None
    measures: tuple[Named, ...]
    services: tuple[Service, ...]
    index: str
    feed: str


def news_view(cat: Catalogue, planning: Planning, item: NewsItem) -> NewsView:
    bundle = planning.plans.get(item.plan) if item.plan else None
    return NewsView(
        item=item,
        plan=Named(bundle.plan.label, plan_url(bundle.id)) if bundle else None,
        measures=measure_refs(bundle, item.measures) if bundle else (),
        services=tuple(cat.services[s] for s in item.services if s in cat.services),
        index=news_url(),
        feed=feed_url(),
    )


@dataclass(frozen=True)
class NewsIndexView:
    entries: tuple[NewsEntry, ...]
    feed: str
    plans: str | None  # the plans' page, when there are plans


def news_index_view(planning: Planning) -> NewsIndexView:
    return NewsIndexView(tuple(news_entry(n) for n in planning.sorted_news), feed_url(), plans_url() if planning.plans else None)


@dataclass(frozen=True)
class PlansIndexView:
    plans: tuple[PlanHeader, ...]
    progress: tuple[Progress, ...]
    summaries: tuple[str | None, ...]
    news: tuple[NewsEntry, ...]
    news_index: str
    feed: str


def plans_index_view(planning: Planning) -> PlansIndexView:
    bundles = planning.sorted_plans
    return PlansIndexView(
        plans=tuple(plan_header(b) for b in bundles),
        progress=tuple(progress(b.sorted_measures) for b in bundles),
        summaries=tuple(b.plan.summary for b in bundles),
        news=tuple(news_entry(n) for n in planning.sorted_news[:5]),
        news_index=news_url(),
        feed=feed_url(),
    )


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


# --- the news feed ------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    date: dt.date
    updated: dt.date
    topic: str
    summary: str | None
    body: str  # Markdown


@dataclass(frozen=True)
class FeedView:
    entries: tuple[FeedEntry, ...]
    updated: dt.date | None  # the newest change of any item
    index: str
    feed: str


def feed_view(planning: Planning) -> FeedView:
    """Return the Atom feed's entries, newest first; an item's ``updated`` is its correction date, else its date."""
    entries = tuple(
        FeedEntry(news_url(n.id), n.title, n.date, n.updated or n.date, n.topic, n.summary, n.body) for n in planning.sorted_news
    )
    return FeedView(entries, max((e.updated for e in entries), default=None), news_url(), feed_url())
