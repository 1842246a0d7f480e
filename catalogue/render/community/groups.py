"""The views of the working groups, of one group and of the minutes of a meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...index import Catalogue, collate
from ...index.plans import PlanBundle
from ...model.plan_parts import Meeting, WorkingGroup
from .items import GroupItem, MeasureItem, PlanHeader, measure_item, plan_header
from .parts import Named, organisation, target_groups
from .urls import file_url, meeting_url, plan_url


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
