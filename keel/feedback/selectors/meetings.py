"""Reads for the meeting pages, the API, the home block and the job.

Times are computed in UTC and shown in the reader's zone; beside a meeting's time each
attendee's own local time is listed ("Ana (Manila) 16:00") for teams with remote assistants.
A flagged answer on the agenda shows its text only to readers allowed by
`access.can_read_private`; the others see the item's own words. An item a feed pulled in (a
KPI that missed) is worded by its feed in the reader's language, or hidden from a reader who
may not see what it refers to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Q
from django.utils import timezone

from keel.core.mail import reader_timezone
from keel.core.models import Membership
from keel.feedback import agenda_feeds, meeting_times
from keel.feedback.access import can_read_private
from keel.feedback.models import ActionItem, AgendaItem, Meeting, MeetingSeries
from keel.feedback.services.meeting_people import (
    attendees_of,
    is_paused,
    may_manage,
    may_take_part,
    organizer_of,
    organizers_of,
    series_of,
)
from keel.tasks.models import Status
from keel.ui.timezones import city_name


def zone_of(member: Membership) -> ZoneInfo:
    try:
        return ZoneInfo(reader_timezone(member))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def city_of(zone_name: str) -> str:
    """ "Asia/Manila" → "Manila" (马尼拉 in Chinese), "America/Los_Angeles" → "Los Angeles"."""
    return city_name(zone_name)


@dataclass(frozen=True)
class AttendeeTime:
    member: Membership
    name: str
    city: str
    local: datetime  # the meeting's start in their zone
    time_text: str  # "16:00": preformatted (a template filter would convert to the reader's)


def attendee_times(people: list[Membership], starts_at: datetime) -> list[AttendeeTime]:
    rows = []
    for person in people:
        tz = zone_of(person)
        local = starts_at.astimezone(tz)
        rows.append(
            AttendeeTime(
                person, person.user.display_name, city_of(tz.key), local, local.strftime("%H:%M")
            )
        )
    return rows


# --- Lists ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Upcoming:
    series: MeetingSeries
    starts_at: datetime  # UTC
    local: datetime  # in the reader's zone
    meeting_id: int | None  # the row, when it exists


def upcoming_for(
    member: Membership, limit: int = 5, *, now: datetime | None = None
) -> list[Upcoming]:
    """The next meeting of each series `member` runs or attends, soonest first."""
    now = now or timezone.now()
    tz = zone_of(member)
    found: list[tuple[MeetingSeries, datetime]] = []
    for series in series_of(member, related=False):
        if is_paused(series):
            continue
        start = meeting_times.next_start(series, now)
        if start is not None:
            found.append((series, start))
    found.sort(key=lambda pair: (pair[1], pair[0].pk))
    found = found[:limit]
    if not found:
        return []
    match = Q()
    for series, start in found:
        match |= Q(series=series, starts_at=start)
    rows = dict(Meeting.objects.filter(match).values_list("series_id", "pk"))
    return [Upcoming(s, start, start.astimezone(tz), rows.get(s.pk)) for s, start in found]


@dataclass(frozen=True)
class SeriesRow:
    series: MeetingSeries
    next_local: datetime | None
    paused: bool
    organizer: Membership | None


def series_rows(member: Membership, *, now: datetime | None = None) -> list[SeriesRow]:
    """The series `member` runs or attends (stopped ones last)."""
    now = now or timezone.now()
    tz = zone_of(member)
    rows = []
    found = series_of(member, include_stopped=True)
    organizers = organizers_of(found)
    for series in found:
        paused = is_paused(series)
        start = None if series.stopped_at or paused else meeting_times.next_start(series, now)
        local = start.astimezone(tz) if start else None
        rows.append(SeriesRow(series, local, paused, organizers[series.pk]))
    rows.sort(key=lambda r: (r.series.stopped_at is not None, r.series.title.lower()))
    return rows


def get_series_for(member: Membership, series_id: int) -> MeetingSeries | None:
    """The series if `member` may see it (takes part, runs it, or manages meetings)."""
    series = (
        MeetingSeries.objects.in_workspace(member.workspace)
        .select_related(
            "organizer__user",
            "organizer_seat",
            "report_member__user",
            "report_seat__holder__user",
            "project",
            "checkin",
            "workspace",
        )
        .filter(pk=series_id)
        .first()
    )
    if series is None or not may_take_part(member, series):
        return None
    return series


def get_meeting_for(member: Membership, meeting_id: int) -> Meeting | None:
    meeting = (
        Meeting.objects.in_workspace(member.workspace)
        .select_related(
            "series__organizer__user",
            "series__organizer_seat",
            "series__report_member__user",
            "series__report_seat__holder__user",
            "series__project",
            "series__workspace",
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None or not may_take_part(member, meeting.series):
        return None
    return meeting


# --- Series page ----------------------------------------------------------------------------


@dataclass
class SeriesPage:
    series: MeetingSeries
    organizer: Membership | None
    attendees: list[AttendeeTime]
    next_meeting: Meeting | None
    next_local: datetime | None
    past: list[Meeting]
    paused: bool
    can_manage: bool


def series_page(
    viewer: Membership,
    series: MeetingSeries,
    *,
    next_meeting: Meeting | None,
    now: datetime | None = None,
    past_limit: int = 50,
) -> SeriesPage:
    now = now or timezone.now()
    tz = zone_of(viewer)
    people = attendees_of(series)
    start = next_meeting.starts_at if next_meeting else None
    past = list(
        Meeting.objects.filter(series=series, starts_at__lt=now).order_by("-starts_at")[:past_limit]
    )
    return SeriesPage(
        series=series,
        organizer=people[0] if people and organizer_of(series) else None,
        attendees=attendee_times(people, start) if start else attendee_times(people, now),
        next_meeting=next_meeting,
        next_local=start.astimezone(tz) if start else None,
        past=past,
        paused=is_paused(series),
        can_manage=may_manage(viewer, series),
    )


# --- Meeting page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaRow:
    item: AgendaItem
    answer_text: str  # "" when there is none or the viewer may not read it
    answer_author: str
    can_delete: bool
    text: str = ""  # the item as the reader reads it (a fed item worded by its feed)
    url: str = ""  # where a fed item's figures come from (the KPI's month)


@dataclass(frozen=True)
class ActionRow:
    action: ActionItem
    title: str
    owner: Membership | None
    due: Any
    status: str
    status_label: str
    done: bool
    task_id: int


@dataclass
class MeetingPage:
    meeting: Meeting
    series: MeetingSeries
    local: datetime
    ends_local: datetime
    agenda: list[AgendaRow]
    actions: list[ActionRow]
    open_previous: list[ActionRow]
    attendees: list[AttendeeTime]
    can_manage: bool
    previous: Meeting | None = None
    next: Meeting | None = None
    people: list[Membership] = field(default_factory=list)


def agenda_rows(viewer: Membership, meeting: Meeting, *, manage: bool) -> list[AgendaRow]:
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related(
            "added_by__user", "answer__report__author__user", "answer__report__author__workspace"
        )
        .order_by("position", "id")
    )
    allowed: dict[int, bool] = {}
    fed = agenda_feeds.shown(viewer, items)
    rows = []
    for item in items:
        wording = fed.get(item.pk, agenda_feeds.Shown(item.text))
        if wording is None:
            continue  # the reader may not see what it refers to
        text, author = "", ""
        answer = item.answer
        if answer is not None:
            writer = answer.report.author
            if writer.pk not in allowed:
                allowed[writer.pk] = can_read_private(viewer, writer)
            if allowed[writer.pk]:
                text, author = answer.text, writer.user.display_name
        rows.append(AgendaRow(item, text, author, manage or item.added_by_id == viewer.pk,
                              wording.text, wording.url))  # fmt: skip
    return rows


def action_rows(actions: list[ActionItem]) -> list[ActionRow]:
    labels = dict(Status.choices)
    return [
        ActionRow(
            action=a,
            title=a.task.title,
            owner=a.task.assignee,
            due=a.task.due_date,
            status=a.task.status,
            status_label=str(labels.get(a.task.status, a.task.status)),
            done=a.task.status == Status.DONE,
            task_id=a.task_id,
        )
        for a in actions
    ]


def _actions(**filters: Any) -> list[ActionItem]:
    return list(
        ActionItem.objects.filter(**filters)
        .select_related("task__assignee__user", "workspace")
        .order_by("id")
    )


def meeting_page(viewer: Membership, meeting: Meeting) -> MeetingPage:
    series = meeting.series
    tz = zone_of(viewer)
    manage = may_manage(viewer, series)
    previous = (
        Meeting.objects.filter(series=series, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )
    following = (
        Meeting.objects.filter(series=series, starts_at__gt=meeting.starts_at)
        .order_by("starts_at")
        .first()
    )
    open_previous = []
    if previous is not None:
        open_previous = action_rows(
            [a for a in _actions(meeting=previous) if a.task.status != Status.DONE]
        )
    people = attendees_of(series)
    return MeetingPage(
        meeting=meeting,
        series=series,
        local=meeting.starts_at.astimezone(tz),
        ends_local=meeting_times.ends_at(series, meeting.starts_at).astimezone(tz),
        agenda=agenda_rows(viewer, meeting, manage=manage),
        actions=action_rows(_actions(meeting=meeting)),
        open_previous=open_previous,
        attendees=attendee_times(people, meeting.starts_at),
        can_manage=manage,
        previous=previous,
        next=following,
        people=people,
    )


def action_items_of(
    member: Membership, *, meeting: Meeting | None = None, open_only: bool = False, limit: int = 200
) -> list[ActionItem]:
    """Action items assigned to `member` (or all of one meeting the caller may see)."""
    qs = ActionItem.objects.in_workspace(member.workspace).select_related(
        "task__assignee__user", "meeting__series", "workspace"
    )
    qs = qs.filter(meeting=meeting) if meeting is not None else qs.filter(task__assignee=member)
    if open_only:
        qs = qs.exclude(task__status=Status.DONE)
    return list(qs.order_by("-id")[:limit])
