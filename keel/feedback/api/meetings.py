"""API routes for meetings: series, meetings (agenda, notes, actions), action items.

Thin like the pages: resolve the caller's membership, parse a schema, call one service. A
series or meeting the caller does not take part in is a 404, as for another workspace's.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from keel.accounts.models import Group
from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
    InputSchema,
    api_field_names,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.feedback import meeting_times
from keel.feedback.models import ActionItem, AgendaSource, Meeting, MeetingSeries
from keel.feedback.selectors import meetings as sel
from keel.feedback.services import actions, agenda
from keel.feedback.services import meetings as series_services
from keel.org.models import Seat

router = Router(tags=["feedback"])

WS = "/workspaces/{slug}/feedback"

# --- Shapes ----------------------------------------------------------------------------------


class SeriesOut(Schema):
    id: int
    title: str
    kind: str
    description: str
    rrule: str
    dtstart_local: str = Field(..., description="First meeting, wall-clock time in `timezone`.")
    timezone: str
    duration_minutes: int
    call_url: str
    organizer_id: int | None
    organizer_seat_id: int | None
    report_member_id: int | None
    report_seat_id: int | None
    project_id: int | None
    checkin_id: int | None = Field(None, description="A 1:1's recurring check-in (tasks).")
    stopped: bool
    next_starts_at: datetime.datetime | None


class SeriesList(Schema):
    items: list[SeriesOut]


class SeriesIn(InputSchema):
    title: str = Field(..., max_length=1000)
    kind: str = Field("team", description='"review", "team", "one_on_one" or "other".')
    description: str = Field("", max_length=5000)
    preset: str = Field("", description="A tasks recurrence preset; empty for a custom rule.")
    rrule: str = Field("", max_length=1000)
    weekdays: list[str] = Field(default_factory=list, max_length=7)
    month_day: int | None = Field(None, ge=-31, le=31)
    weekday: str | None = Field(None, max_length=4)
    interval: int = Field(1, ge=1, le=1000)
    dtstart_local: datetime.datetime = Field(..., description="Naive local wall-clock time.")
    timezone: str = Field("", max_length=100)
    duration_minutes: int = Field(30, ge=5, le=600)
    call_url: str = Field("", max_length=2000)
    organizer_id: Id | None = None
    organizer_seat_id: Id | None = None
    report_member_id: Id | None = None
    report_seat_id: Id | None = None
    member_ids: list[Id] = Field(default_factory=list, max_length=500)
    group_ids: list[Id] = Field(default_factory=list, max_length=200)
    seat_ids: list[Id] = Field(default_factory=list, max_length=200)


class MeetingRow(Schema):
    id: int | None
    starts_at: datetime.datetime
    held: bool


class MeetingList(Schema):
    items: list[MeetingRow]


class AgendaItemOut(Schema):
    id: int
    text: str
    source: str
    resolved: bool
    answer_text: str = Field("", description="A flagged answer, only for allowed readers.")
    task_id: int | None


class ActionOut(Schema):
    id: int
    meeting_id: int
    task_id: int
    title: str
    owner_id: int | None
    due: datetime.date | None
    status: str


class ActionList(Schema):
    items: list[ActionOut]


class MeetingOut(Schema):
    id: int
    series_id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    notes: str
    decisions: str
    held: bool
    agenda: list[AgendaItemOut]
    actions: list[ActionOut]
    open_previous_actions: list[ActionOut]


class AgendaIn(InputSchema):
    text: str = Field(..., max_length=1000)


class ActionIn(InputSchema):
    title: str = Field("", max_length=1000)
    owner_id: Id
    due: datetime.date | None = None
    agenda_item_id: Id | None = None


class ActionFilter(Schema):
    meeting_id: Id | None = Field(None, description="All action items of one meeting.")
    open: bool = Field(False, description="Only those whose task is not done.")


# --- Helpers --------------------------------------------------------------------------------


def _series_out(series: MeetingSeries, now: datetime.datetime) -> dict[str, Any]:
    nxt = None if series.stopped_at else meeting_times.next_start(series, now)
    return {
        "id": series.pk,
        "title": series.title,
        "kind": series.kind,
        "description": series.description,
        "rrule": series.rrule,
        "dtstart_local": series.dtstart_local.replace(tzinfo=None).isoformat(),
        "timezone": series.timezone,
        "duration_minutes": series.duration_minutes,
        "call_url": series.call_url,
        "organizer_id": series.organizer_id,
        "organizer_seat_id": series.organizer_seat_id,
        "report_member_id": series.report_member_id,
        "report_seat_id": series.report_seat_id,
        "project_id": series.project_id,
        "checkin_id": series.checkin_id,
        "stopped": series.stopped_at is not None,
        "next_starts_at": nxt,
    }


def _action_out(action: ActionItem) -> dict[str, Any]:
    task = action.task
    return {
        "id": action.pk,
        "meeting_id": action.meeting_id,
        "task_id": task.pk,
        "title": task.title,
        "owner_id": task.assignee_id,
        "due": task.due_date,
        "status": task.status,
    }


def _series(membership: Membership, series_id: int) -> MeetingSeries:
    series = sel.get_series_for(membership, series_id)
    if series is None:
        raise Http404
    return series


def _meeting(membership: Membership, meeting_id: int) -> Meeting:
    meeting = sel.get_meeting_for(membership, meeting_id)
    if meeting is None:
        raise Http404
    return meeting


def _pick(model: Any, membership: Membership, ids: list[int], field: str) -> list[Any]:
    wanted = set(ids)
    if model is Membership:
        rows = list(
            Membership.objects.filter(
                workspace=membership.workspace, pk__in=wanted, offboarded_at__isnull=True
            )
        )
    else:
        rows = list(model.objects.in_workspace(membership.workspace).filter(pk__in=wanted))
    if len(rows) != len(wanted):
        raise ValidationError({field: _("Choose from this workspace.")})
    return rows


def _one(model: Any, membership: Membership, pk: int | None, field: str) -> Any:
    return _pick(model, membership, [pk], field)[0] if pk is not None else None


def _meeting_out(viewer: Membership, meeting: Meeting) -> dict[str, Any]:
    page = sel.meeting_page(viewer, meeting)
    return {
        "id": meeting.pk,
        "series_id": meeting.series_id,
        "starts_at": meeting.starts_at,
        "ends_at": meeting_times.ends_at(meeting.series, meeting.starts_at),
        "notes": meeting.notes,
        "decisions": meeting.decisions,
        "held": meeting.held_at is not None,
        "agenda": [
            {
                "id": r.item.pk,
                "text": r.text,
                "source": r.item.source,
                "resolved": r.item.resolved_at is not None,
                "answer_text": r.answer_text,
                "task_id": r.item.task_id,
            }
            for r in page.agenda
        ],
        "actions": [_action_out(r.action) for r in page.actions],
        "open_previous_actions": [_action_out(r.action) for r in page.open_previous],
    }


# --- Series ---------------------------------------------------------------------------------


@router.get(f"{WS}/meetings/series", response={200: SeriesList, **ERROR_RESPONSES})
def series_list(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The series the caller runs or attends (stopped ones included)."""
    membership = workspace_membership(request, slug)
    require(membership, "feedback.view")
    now = timezone.now()
    return {"items": [_series_out(r.series, now) for r in sel.series_rows(membership, now=now)]}


@router.post(f"{WS}/meetings/series", response={201: SeriesOut, **ERROR_RESPONSES})
def series_create(request: HttpRequest, slug: str, payload: SeriesIn) -> Status[dict[str, Any]]:
    """Start a series (managers and up). A 1:1 needs `report_member_id` or `report_seat_id`
    and creates the organiser's recurring check-in task."""
    m = workspace_membership(request, slug)
    require(m, "feedback.meetings_manage")
    names = {
        "organizer": "organizer_id",
        "organizer_seat": "organizer_seat_id",
        "report_member": "report_member_id",
        "report_seat": "report_seat_id",
        "timezone_name": "timezone",
        "members": "member_ids",
    }
    with api_field_names(names):
        series = series_services.series_create(
            actor=m,
            title=payload.title,
            kind=payload.kind,
            description=payload.description,
            preset=payload.preset,
            rrule=payload.rrule,
            weekdays=payload.weekdays,
            month_day=payload.month_day,
            weekday=payload.weekday,
            interval=payload.interval,
            dtstart_local=payload.dtstart_local,
            timezone_name=payload.timezone,
            duration_minutes=payload.duration_minutes,
            call_url=payload.call_url,
            organizer=_one(Membership, m, payload.organizer_id, "organizer_id"),
            organizer_seat=_one(Seat, m, payload.organizer_seat_id, "organizer_seat_id"),
            report_member=_one(Membership, m, payload.report_member_id, "report_member_id"),
            report_seat=_one(Seat, m, payload.report_seat_id, "report_seat_id"),
            members=_pick(Membership, m, payload.member_ids, "member_ids"),
            groups=_pick(Group, m, payload.group_ids, "group_ids"),
            seats=_pick(Seat, m, payload.seat_ids, "seat_ids"),
            context=AuditContext.from_request(request),
        )
    return Status(201, _series_out(series, timezone.now()))


@router.get(f"{WS}/meetings/series/{{series_id}}", response={200: SeriesOut, **ERROR_RESPONSES})
def series_detail(request: HttpRequest, slug: str, series_id: int) -> dict[str, Any]:
    membership = workspace_membership(request, slug)
    return _series_out(_series(membership, series_id), timezone.now())


@router.get(
    f"{WS}/meetings/series/{{series_id}}/meetings", response={200: MeetingList, **ERROR_RESPONSES}
)
def series_meetings(request: HttpRequest, slug: str, series_id: int) -> dict[str, Any]:
    """The series' meetings with a row (past and prepared), newest first, then the next
    date (its `id` is null until someone writes into it or the job prepares it)."""
    membership = workspace_membership(request, slug)
    series = _series(membership, series_id)
    rows = list(Meeting.objects.filter(series=series).order_by("-starts_at")[:200])
    items = [{"id": m.pk, "starts_at": m.starts_at, "held": m.held_at is not None} for m in rows]
    nxt = None if series.stopped_at else meeting_times.next_start(series, timezone.now())
    if nxt is not None and all(m.starts_at != nxt for m in rows):
        items.insert(0, {"id": None, "starts_at": nxt, "held": False})
    return {"items": items}


# --- Meetings -------------------------------------------------------------------------------


@router.get(f"{WS}/meetings/{{meeting_id}}", response={200: MeetingOut, **ERROR_RESPONSES})
def meeting_detail(request: HttpRequest, slug: str, meeting_id: int) -> dict[str, Any]:
    """A meeting: agenda, notes, decisions, its action items and the previous one's open
    ones."""
    membership = workspace_membership(request, slug)
    return _meeting_out(membership, _meeting(membership, meeting_id))


@router.post(
    f"{WS}/meetings/{{meeting_id}}/agenda", response={201: AgendaItemOut, **ERROR_RESPONSES}
)
def agenda_add(
    request: HttpRequest, slug: str, meeting_id: int, payload: AgendaIn
) -> Status[dict[str, Any]]:
    membership = workspace_membership(request, slug)
    meeting = _meeting(membership, meeting_id)
    item = agenda.agenda_item_add(
        actor=membership,
        meeting=meeting,
        text=payload.text,
        source=AgendaSource.MANUAL,
        context=AuditContext.from_request(request),
    )
    return Status(
        201,
        {
            "id": item.pk,
            "text": item.text,
            "source": item.source,
            "resolved": False,
            "answer_text": "",
            "task_id": None,
        },
    )


@router.post(f"{WS}/meetings/{{meeting_id}}/actions", response={201: ActionOut, **ERROR_RESPONSES})
def action_create(
    request: HttpRequest, slug: str, meeting_id: int, payload: ActionIn
) -> Status[dict[str, Any]]:
    """An action item: a task for `owner_id` in the series' project. With `agenda_item_id`
    the agenda item becomes the task (its text is the title unless `title` is given)."""
    membership = workspace_membership(request, slug)
    meeting = _meeting(membership, meeting_id)
    owner = _one(Membership, membership, payload.owner_id, "owner_id")
    names = {"owner": "owner_id", "agenda_item": "agenda_item_id", "item": "agenda_item_id"}
    with api_field_names(names):
        if payload.agenda_item_id is not None:
            item = meeting.agenda.filter(pk=payload.agenda_item_id).first()
            if item is None:
                raise ValidationError(
                    {"agenda_item_id": _("Choose an item of this meeting's agenda.")}
                )
            action = actions.agenda_item_to_task(
                actor=membership,
                item=item,
                owner=owner,
                due=payload.due,
                title=payload.title,
                context=AuditContext.from_request(request),
            )
        else:
            action = actions.action_item_create(
                actor=membership,
                meeting=meeting,
                title=payload.title,
                owner=owner,
                due=payload.due,
                context=AuditContext.from_request(request),
            )
    return Status(201, _action_out(action))


@router.get(f"{WS}/action-items", response={200: ActionList, **ERROR_RESPONSES})
def action_items(request: HttpRequest, slug: str, filters: Query[ActionFilter]) -> dict[str, Any]:
    """The caller's action items (newest first), or all of one meeting they take part in."""
    membership = workspace_membership(request, slug)
    require(membership, "feedback.view")
    meeting = _meeting(membership, filters.meeting_id) if filters.meeting_id else None
    rows = sel.action_items_of(membership, meeting=meeting, open_only=filters.open)
    return {"items": [_action_out(a) for a in rows]}
