"""The views of the news, their feed and the index of every plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...index import Catalogue
from ...index.plans import Planning, Progress, progress
from ...model.plan_parts import NewsItem
from ...model.records import Service
from .items import NewsEntry, PlanHeader, news_entry, plan_header
from .parts import Named, measure_refs
from ..views import plain
from .urls import feed_url, news_url, plan_url, plans_url


# --- news -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsView:
    item: NewsItem
    plan: Named | None
    measures: tuple[Named, ...]
    services: tuple[Service, ...]
    index: str
    feed: str
    description: str  # for search engines: the summary, or the start of the text


def news_view(cat: Catalogue, planning: Planning, item: NewsItem) -> NewsView:
    bundle = planning.plans.get(item.plan) if item.plan else None
    return NewsView(
        item=item,
        plan=Named(bundle.plan.label, plan_url(bundle.id)) if bundle else None,
        measures=measure_refs(bundle, item.measures) if bundle else (),
        services=tuple(cat.services[s] for s in item.services if s in cat.services),
        index=news_url(),
        feed=feed_url(),
        description=item.summary or plain(item.body, 200),
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
