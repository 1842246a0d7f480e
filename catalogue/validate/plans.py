"""The community plan's files: validation of each against its model, then the checks across them.

References to the catalogue (services, localities, target groups, service types,
the plan of a news item) go through the catalogue's own reference check (with
did-you-mean). What only a plan knows is checked here: its organisations and
funding sources, measure numbers (unique, under an existing priority), working
groups, the PDFs in ``files/``, the years of action plans, and the warnings an
editor should see (an indicator without a unit, a measure whose services have all
ended, a plan "in comment" without an open comment period).
"""

from __future__ import annotations

import datetime as dt
import difflib

from ..messages import checks as said
from ..messages.core import ListOf, say
from ..messages.fields import DID_YOU_MEAN
from ..errors import Problems
from ..index.plans import PlanBundle, Planning, in_area, network
from ..model.plan_parts import NewsItem

LISTED = 12  # numbers named in a message before "…"


class PlanChecker:
    """Checks across the plan's records; problems point into the documents they came from.

    ``checker`` is the catalogue's :class:`~.crossref.Checker` (its documents include
    the plan's): its reference check already covers what a plan names in the catalogue.
    """

    def __init__(self, checker) -> None:
        self.checker = checker
        self.cat = checker.cat
        self.docs = checker.docs
        self.broken = checker.broken
        self.problems: Problems = checker.problems
        self.today: dt.date = checker.today
        self.planning: Planning = checker.cat.planning
        self.files_named: dict[str, list[str]] = {}  # PDF name → keys of the records that name it

    # --- helpers ------------------------------------------------------------------

    def error(self, key: str, loc: tuple, message: str) -> None:
        self.checker.error(key, loc, message)

    def warn(self, key: str, loc: tuple, message: str) -> None:
        self.checker.warn(key, loc, message)

    def part_broken(self, bundle: PlanBundle, kind: str) -> bool:
        """Return whether a file of ``kind`` in this plan failed validation (its ids are unknown)."""
        prefix = f"{kind}/{bundle.id}/"
        return any(b.startswith(prefix) for b in self.broken)

    @staticmethod
    def key(kind: str, bundle: PlanBundle, ident: str) -> str:
        return f"{kind}/{bundle.id}/{ident}"

    def organisation(self, key: str, loc: tuple, value: str | None, bundle: PlanBundle) -> None:
        """Check that ``value`` names a provider or one of the plan's organisations."""
        if value is None or value in self.cat.providers or value in bundle.plan.organisations:
            return
        if f"providers/{value}" in self.broken:
            return
        candidates = [*self.cat.providers, *bundle.plan.organisations]
        close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
        hint = say(DID_YOU_MEAN, name=close[0]) if close else ""
        self.error(key, loc, say(said.NO_ORGANISATION, value=value, hint=hint, plan=bundle.id))

    def funding_source(self, key: str, loc: tuple, value: str, bundle: PlanBundle) -> None:
        sources = bundle.plan.funding_sources
        if value in sources:
            return
        close = difflib.get_close_matches(value, list(sources), n=1, cutoff=0.75)
        hint = say(DID_YOU_MEAN, name=close[0]) if close else ""
        self.error(key, loc, say(said.NO_FUNDING_SOURCE, value=value, hint=hint, plan=bundle.id))

    def measure_number(self, key: str, loc: tuple, number: str, bundle: PlanBundle) -> bool:
        if number in bundle.measure_by_number or self.part_broken(bundle, "plan-measures"):
            return True
        numbers = [m.number for m in bundle.sorted_measures]
        shown = ", ".join(numbers[:LISTED]) + ("…" if len(numbers) > LISTED else "")
        known = say(said.ITS_MEASURES, numbers=shown) if numbers else say(said.NO_MEASURES_YET, plan=bundle.id)
        self.error(key, loc, say(said.NO_MEASURE, number=number, plan=bundle.id, known=known))
        return False

    def file(self, key: str, loc: tuple, value: str | None) -> None:
        """Check a PDF named by a record: a web address, or a file in ``files/``."""
        if value is None or value.startswith(("http://", "https://")):
            return
        self.files_named.setdefault(value, []).append(key)
        if value in self.planning.pdfs:
            return
        close = difflib.get_close_matches(value, list(self.planning.pdfs), n=1, cutoff=0.75)
        hint = say(DID_YOU_MEAN, name=close[0]) if close else ""
        self.error(key, loc, say(said.NO_PLAN_FILE, value=value, hint=hint))

    def listed_twice(self, key: str, field: str, values: list[str]) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                self.error(key, (field, i), say(said.LISTED_TWICE, value=value))
            seen.add(value)

    # --- the run ------------------------------------------------------------------

    def run(self) -> None:
        for bundle in self.planning.sorted_plans:
            self.check_plan(bundle)
            self.check_priorities(bundle)
            for measure in bundle.sorted_measures:
                self.check_measure(bundle, measure)
            self.check_action_plans(bundle)
            for group in bundle.sorted_working_groups:
                self.check_working_group(bundle, group)
            for period in bundle.sorted_comment_periods:
                self.check_comment_period(bundle, period)
        for item in self.planning.sorted_news:
            self.check_news(item)
        self.check_files()

    def check_plan(self, bundle: PlanBundle) -> None:
        plan = bundle.plan
        key = f"plans/{plan.id}"
        self.organisation(key, ("commissioner",), plan.commissioner, bundle)
        self.file(key, ("document",), plan.document)
        if plan.status in ("approved", "evaluated") and plan.approval is None:
            self.warn(key, ("status",), say(said.PLAN_NOT_APPROVED, status=plan.status))
        if plan.status == "evaluated" and not (plan.evaluation or "").strip():
            self.warn(key, ("status",), say(said.PLAN_NO_EVALUATION))
        if plan.status == "comment":
            periods = bundle.sorted_comment_periods
            if not periods and not self.part_broken(bundle, "plan-comment-periods"):
                self.warn(key, ("status",), say(said.PLAN_NO_COMMENT_PERIOD, plan=plan.id))
            elif periods and periods[-1].closes < self.today:
                self.warn(key, ("status",), say(said.PLAN_COMMENTS_CLOSED, date=periods[-1].closes.isoformat()))
        if plan.status == "comment" and plan.contact.is_empty() and not any(p.email for p in bundle.sorted_comment_periods):
            self.warn(key, ("contact",), say(said.PLAN_NO_EMAIL))
        if not bundle.priorities and not self.part_broken(bundle, "plan-priorities"):
            self.warn(key, (), say(said.PLAN_NO_PRIORITIES, plan=plan.id))

    def check_priorities(self, bundle: PlanBundle) -> None:
        for priority in bundle.sorted_priorities:
            key = self.key("plan-priorities", bundle, priority.id)
            owner = bundle.priority_by_number[priority.number]
            if owner.id != priority.id:
                self.error(key, ("number",), say(said.PRIORITY_TWICE, number=priority.number, other=owner.id))
            if not bundle.measures_of(priority) and not self.part_broken(bundle, "plan-measures"):
                self.warn(key, (), say(said.PRIORITY_EMPTY, number=priority.number))

    def check_measure(self, bundle: PlanBundle, measure) -> None:
        key = self.key("plan-measures", bundle, measure.id)
        owner = bundle.measure_by_number.get(measure.number)
        if owner is not None and owner.id != measure.id:
            self.error(key, ("number",), say(said.MEASURE_TWICE, number=measure.number, other=owner.id))
        if measure.priority_number not in bundle.priority_by_number and not self.part_broken(bundle, "plan-priorities"):
            numbers = ", ".join(bundle.priority_by_number) or say(said.NONE_YET)
            self.error(key, ("number",), say(said.MEASURE_ORPHAN, number=measure.number, priority=measure.priority_number, numbers=numbers))
        self.organisation(key, ("responsible",), measure.responsible, bundle)
        for i, partner in enumerate(measure.partners):
            self.organisation(key, ("partners", i), partner, bundle)
        self.listed_twice(key, "partners", measure.partners)
        if measure.working_group and measure.working_group not in bundle.working_groups and not self.part_broken(bundle, "plan-working-groups"):
            self.working_group_missing(key, ("working_group",), measure.working_group, bundle)
        for i, source in enumerate(measure.funding):
            self.funding_source(key, ("funding", i), source, bundle)
        self.listed_twice(key, "funding", measure.funding)
        period = bundle.plan.period
        if measure.timeline and (measure.timeline.start < period.start - 1 or measure.timeline.end > period.end):
            self.warn(key, ("timeline",), say(
                said.TIMELINE_OUTSIDE, start=measure.timeline.start, end=measure.timeline.end,
                period_start=period.start, period_end=period.end,
            ))
        for i, indicator in enumerate(measure.indicators):
            if indicator.unit is None:
                self.warn(key, ("indicators", i), say(said.INDICATOR_UNIT, name=indicator.name))
        for i, activity in enumerate(measure.activities):
            self.organisation(key, ("activities", i, "responsible"), activity.responsible, bundle)
        self.check_ended_services(key, measure)

    def check_ended_services(self, key: str, measure) -> None:
        """Warn when every service a measure names has ended: it names nobody who carries it on."""
        if measure.status in ("done", "dropped") or not measure.services:
            return
        services = [self.cat.services.get(s) for s in measure.services]
        if any(s is None for s in services):
            return  # an unknown id is an error of its own
        if all(s.ended(self.today) for s in services):
            shown = ListOf(tuple(say(said.ENDED_ON, service=s.id, date=s.end_date.isoformat()) for s in services))
            self.warn(key, ("services",), say(said.SERVICES_ENDED, shown=shown))

    def working_group_missing(self, key: str, loc: tuple, value: str, bundle: PlanBundle) -> None:
        close = difflib.get_close_matches(value, list(bundle.working_groups), n=1, cutoff=0.75)
        hint = say(DID_YOU_MEAN, name=close[0]) if close else say(said.ADD_WORKING_GROUP, plan=bundle.id, value=value)
        self.error(key, loc, say(said.NO_WORKING_GROUP, value=value, plan=bundle.id, hint=hint))

    def check_action_plans(self, bundle: PlanBundle) -> None:
        period = bundle.plan.period
        for action in bundle.sorted_action_plans:
            key = self.key("plan-action-plans", bundle, action.id)
            owner = bundle.action_plan_by_year[action.year]
            if owner.id != action.id:
                self.error(key, ("year",), say(said.ACTION_PLAN_TWICE, year=action.year, other=owner.id))
            if not period.start - 1 <= action.year <= period.end:
                self.error(key, ("year",), say(
                    said.ACTION_PLAN_OUTSIDE, year=action.year, start=period.start, end=period.end, before=period.start - 1,
                ))
            if action.status in ("approved", "evaluated") and action.approval is None:
                self.warn(key, ("status",), say(said.ACTION_NOT_APPROVED, status=action.status))
            seen: set[str] = set()
            for i, item in enumerate(action.measures):
                if item.measure in seen:
                    self.error(key, ("measures", i, "measure"), say(said.ACTION_MEASURE_TWICE, number=item.measure))
                seen.add(item.measure)
                self.measure_number(key, ("measures", i, "measure"), item.measure, bundle)
                for j, share in enumerate(item.funding):
                    self.funding_source(key, ("measures", i, "funding", j, "source"), share.source, bundle)
            self.check_network(bundle, action, key)

    def check_network(self, bundle: PlanBundle, action, key: str) -> None:
        rule = action.network
        if any(b.startswith("services/") for b in self.broken):
            return  # which services form the network is not known while a service file is broken
        ruled = {
            s.id for s in self.cat.services.values()
            if rule.include != "listed" and (rule.include == "all" or s.kind == "registered") and in_area(self.cat, s, bundle.plan.area)
        }
        members = {e.service.id for e in network(self.cat, bundle, action)}
        for i, sid in enumerate(rule.add):
            if sid in ruled:
                self.warn(key, ("network", "add", i), say(said.NETWORK_ALREADY, service=sid, include=rule.include))
        for i, sid in enumerate(rule.remove):
            if sid in self.cat.services and sid not in ruled and sid not in rule.add:
                self.warn(key, ("network", "remove", i), say(said.NETWORK_NOT_IN, service=sid))
        seen: set[str] = set()
        for i, entry in enumerate(rule.services):
            if entry.service in seen:
                self.error(key, ("network", "services", i, "service"), say(said.NETWORK_DETAILS_TWICE, service=entry.service))
            seen.add(entry.service)
            if entry.service in self.cat.services and entry.service not in members:
                self.warn(key, ("network", "services", i, "service"), say(said.NETWORK_DETAILS_OUTSIDE, service=entry.service, include=rule.include))
            for j, share in enumerate(entry.funding):
                self.funding_source(key, ("network", "services", i, "funding", j, "source"), share.source, bundle)

    def check_working_group(self, bundle: PlanBundle, group) -> None:
        key = self.key("plan-working-groups", bundle, group.id)
        self.organisation(key, ("coordinator",), group.coordinator, bundle)
        for i, member in enumerate(group.members):
            self.organisation(key, ("members", i), member, bundle)
        self.listed_twice(key, "members", group.members)
        for i, meeting in enumerate(group.meetings):
            self.file(key, ("meetings", i, "minutes_pdf"), meeting.minutes_pdf)
            has_minutes = bool((meeting.minutes or "").strip()) or meeting.minutes_pdf is not None
            if has_minutes and meeting.date > self.today:
                self.error(key, ("meetings", i, "date"), say(said.MINUTES_FUTURE, date=meeting.date.isoformat()))
        dates = [m.date for m in group.meetings]
        for i, day in enumerate(dates):
            if day in dates[:i]:
                self.error(key, ("meetings", i, "date"), say(said.MEETING_TWICE, date=day.isoformat()))

    def check_comment_period(self, bundle: PlanBundle, period) -> None:
        key = self.key("plan-comment-periods", bundle, period.id)
        if period.opens > period.closes:
            self.error(key, ("closes",), say(said.PERIOD_BACKWARDS, closes=period.closes.isoformat(), opens=period.opens.isoformat()))
        self.file(key, ("draft",), period.draft)
        for i, comment in enumerate(period.comments):
            self.organisation(key, ("comments", i, "organisation"), comment.organisation, bundle)
            for field_name in ("measures", "changed"):
                for j, number in enumerate(getattr(comment, field_name)):
                    self.measure_number(key, ("comments", i, field_name, j), number, bundle)
            if comment.received and not period.opens <= comment.received <= period.closes + dt.timedelta(days=7):
                self.warn(key, ("comments", i, "received"), say(
                    said.COMMENT_OUTSIDE, date=comment.received.isoformat(), opens=period.opens.isoformat(), closes=period.closes.isoformat(),
                ))
        if period.comments and period.closes >= self.today:
            self.warn(key, ("comments",), say(said.COMMENTS_EARLY, closes=period.closes.isoformat()))

    def check_news(self, item: NewsItem) -> None:
        key = f"news/{item.id}"
        bundle = self.planning.plans.get(item.plan) if item.plan else None
        if item.measures and item.plan is None:
            self.error(key, ("measures",), say(said.NEWS_MEASURES))
        elif bundle is not None:
            for i, number in enumerate(item.measures):
                self.measure_number(key, ("measures", i), number, bundle)
        if item.updated and item.updated < item.date:
            self.error(key, ("updated",), say(said.NEWS_UPDATED, updated=item.updated.isoformat(), date=item.date.isoformat()))

    def check_files(self) -> None:
        """Warn about PDFs in ``files/`` that no record names (they would be published for nobody)."""
        for name in sorted(self.planning.pdfs):
            naming = ("plans/", "plan-", "news/")  # a broken one may be the record that names it
            if name not in self.files_named and not any(b.startswith(naming) for b in self.broken):
                self.warn(f"files/{self.planning.pdfs[name].id}", (), say(said.FILE_UNUSED))
