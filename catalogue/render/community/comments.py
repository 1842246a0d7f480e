"""The view of a public comment period: how to comment while it is open, the settlement table after."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...index import Catalogue
from ...index.plans import PlanBundle, current_comment_period
from ...model.plan_parts import Comment, CommentPeriod
from .items import CommentLinks, PlanHeader, plan_header
from .parts import Named, measure_refs, organisation
from .urls import file_url


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
