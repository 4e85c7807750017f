"""API routes of the planning part: project status updates and recurring series.

Thin like the pages: the caller's membership from the URL, the project through the same
access helper as the pages (hidden → 404), one service call, a schema back.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
    InputSchema,
    Page,
    PageParams,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.services import AuditContext
from keel.org.models import Seat
from keel.tasks import recurrence as engine
from keel.tasks import selectors
from keel.tasks.models import Recurrence, RecurrenceMode, Section, StatusUpdate
from keel.tasks.services import occurrences, progress
from keel.tasks.services import recurrence as series_services
from keel.tasks.services.recurrence import RecurrenceChanges

router = Router(tags=["tasks: planning"])

WS = "/workspaces/{slug}"


class StatusUpdateIn(InputSchema):
    status: str = Field(description="on_track, at_risk or off_track")
    text: str = Field(description="Markdown")


class StatusUpdateOut(Schema):
    id: int
    project_id: int
    status: str
    text: str
    text_html: str
    author_id: int | None
    created_at: datetime


class RecurrenceIn(InputSchema):
    title: str
    preset: str = Field(
        "",
        description="daily, weekdays, weekly, monthly_day, monthly_last_day, "
        "monthly_last_weekday, yearly; empty for `rrule`",
    )
    rrule: str = Field(
        "", description="RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=MO,WE"
    )
    weekdays: list[str] = Field(default_factory=list, description="MO…SU, for `weekly`")
    month_day: int | None = None
    weekday: str | None = None
    interval: int = 1
    dtstart_local: str = Field(
        description="First occurrence: a local wall-clock date-time without offset "
        "(2026-03-02T09:00, timed) or a date (2026-03-02, all-day).",
        examples=["2026-03-02T09:00", "2026-03-02"],
    )
    timezone: str = Field("", description="IANA zone; default the workspace's")
    mode: str = RecurrenceMode.SCHEDULE
    description: str = ""
    section_id: Id | None = None
    assignee_id: Id | None = None
    assignee_seat_id: Id | None = None
    priority: int = 0


class RecurrenceOut(Schema):
    id: int
    project_id: int
    title: str
    description: str
    section_id: int | None
    priority: int
    label_ids: list[int]
    rrule: str
    description_text: str
    timezone: str
    dtstart_local: str
    all_day: bool
    mode: str
    assignee_id: int | None
    assignee_seat_id: int | None
    skipped: list[str]
    stopped: bool

    @staticmethod
    def resolve_description_text(obj: Recurrence) -> str:
        return engine.describe(obj.rrule, occurrences.series_rule(obj).dtstart)

    @staticmethod
    def resolve_dtstart_local(obj: Recurrence) -> str:
        return occurrences.series_rule(obj).dtstart.isoformat()

    @staticmethod
    def resolve_stopped(obj: Recurrence) -> bool:
        return obj.stopped_at is not None


class RecurrencePatch(InputSchema):
    """Send only what changes; a rule change needs `preset` (with its inputs) or `rrule`."""

    title: str | None = None
    description: str | None = None
    preset: str | None = Field(None, description="As on create; `custom` or empty for `rrule`")
    rrule: str | None = Field(None, description="RFC 5545 RRULE without DTSTART")
    weekdays: list[str] | None = None
    month_day: int | None = None
    weekday: str | None = None
    interval: int | None = None
    dtstart_local: str | None = Field(
        None, description="New first occurrence: a local date-time (timed) or a date (all-day)"
    )
    timezone: str | None = Field(None, description="IANA zone; the wall-clock time is kept")
    mode: str | None = None
    section_id: Id | None = None
    assignee_id: Id | None = Field(None, description="A member; clears the seat")
    assignee_seat_id: Id | None = Field(None, description="A seat; clears the member")
    priority: int | None = None
    labels: list[str] | None = Field(None, description="Label names; new names are created")


class SkipIn(InputSchema):
    date: date


def _project(membership: Membership, project_id: int) -> Any:
    return selectors.get_project_for(membership, project_id)


def _recurrence(membership: Membership, recurrence_id: int) -> Recurrence:
    rec = (
        Recurrence.objects.in_workspace(membership.workspace)
        .select_related("project__workspace", "workspace")
        .filter(pk=recurrence_id)
        .first()
    )
    if rec is None:
        raise Http404
    selectors.get_project_for(membership, rec.project_id)
    return rec


def _ref(model: Any, membership: Membership, pk: int | None, field: str) -> Any:
    if pk is None:
        return None
    found = model.objects.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if found is None:
        raise ValidationError({field: _("Not found in this workspace.")})
    return found


def _parse_start(raw: str) -> date | datetime:
    text = (raw or "").strip()
    try:
        value: date | datetime = (
            date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        )
    except ValueError as exc:
        raise ValidationError(
            {"dtstart_local": _("Give a date (2026-03-02) or a local date and time "
                                "(2026-03-02T09:00).")}
        ) from exc  # fmt: skip
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise ValidationError(
            {"dtstart_local": _("Give the local time without an offset; set `timezone`.")}
        )
    return value


def _raise_with_api_names(exc: ValidationError) -> NoReturn:
    """Raise a service error again with the API's field names (section → section_id, …)."""
    if not hasattr(exc, "error_dict"):
        raise exc
    names = {"section": "section_id", "assignee": "assignee_id",
             "assignee_seat": "assignee_seat_id"}  # fmt: skip
    raise ValidationError({names.get(k, k): v for k, v in exc.error_dict.items()}) from exc


# Fields of RecurrencePatch that may be null (null clears them); the others may only be left out.
_NULLABLE = {"section_id", "assignee_id", "assignee_seat_id", "month_day", "weekday"}


def _changes(membership: Membership, given: dict[str, Any]) -> RecurrenceChanges:
    """A PATCH body (only the keys sent) as `recurrence_update` arguments."""
    nulls = sorted(key for key, value in given.items() if value is None and key not in _NULLABLE)
    if nulls:
        raise ValidationError({key: _("Leave this field out instead of sending null.")
                               for key in nulls})  # fmt: skip
    changes = RecurrenceChanges()
    for key in ("title", "description", "preset", "rrule", "weekdays", "month_day", "weekday",
                "interval", "mode", "priority", "labels"):  # fmt: skip
        if key in given:
            changes[key] = given[key]
    if "timezone" in given:
        changes["timezone_name"] = given["timezone"]
    if "dtstart_local" in given:
        changes["dtstart_local"] = _parse_start(given["dtstart_local"])
    if "section_id" in given:
        changes["section"] = _ref(Section, membership, given["section_id"], "section_id")
    if "assignee_id" in given:
        changes["assignee"] = _ref(Membership, membership, given["assignee_id"], "assignee_id")
    if "assignee_seat_id" in given:
        changes["assignee_seat"] = _ref(
            Seat, membership, given["assignee_seat_id"], "assignee_seat_id"
        )
    return changes


@router.get(
    f"{WS}/projects/{{project_id}}/status-updates",
    response={200: page_schema(StatusUpdateOut), **ERROR_RESPONSES},
)
def status_update_list(
    request: HttpRequest, slug: str, project_id: int, params: Query[PageParams]
) -> Page[StatusUpdate]:
    """The project's status updates, newest first."""
    membership = workspace_membership(request, slug)
    project = _project(membership, project_id)
    updates = StatusUpdate.objects.in_workspace(membership.workspace).filter(project=project)
    return paginate(updates, params, order_by="-created_at")


@router.post(
    f"{WS}/projects/{{project_id}}/status-updates",
    response={201: StatusUpdateOut, **ERROR_RESPONSES},
)
def status_update_create(
    request: HttpRequest, slug: str, project_id: int, payload: StatusUpdateIn
) -> Status[StatusUpdate]:
    membership = workspace_membership(request, slug)
    project = _project(membership, project_id)
    update = progress.status_update_create(
        actor=membership, project=project, status=payload.status, text=payload.text,
        context=AuditContext.from_request(request),
    )  # fmt: skip
    return Status(201, update)


@router.get(
    f"{WS}/projects/{{project_id}}/recurrences",
    response={200: page_schema(RecurrenceOut), **ERROR_RESPONSES},
)
def recurrence_list(
    request: HttpRequest, slug: str, project_id: int, params: Query[PageParams]
) -> Page[Recurrence]:
    membership = workspace_membership(request, slug)
    project = _project(membership, project_id)
    series = Recurrence.objects.in_workspace(membership.workspace).filter(project=project)
    return paginate(series, params)


@router.post(
    f"{WS}/projects/{{project_id}}/recurrences",
    response={201: RecurrenceOut, **ERROR_RESPONSES},
)
def recurrence_create(
    request: HttpRequest, slug: str, project_id: int, payload: RecurrenceIn
) -> Status[Recurrence]:
    """A new series; its first occurrence is created at once. Give `preset` or `rrule`."""
    membership = workspace_membership(request, slug)
    project = _project(membership, project_id)
    section = _ref(Section, membership, payload.section_id, "section_id")
    seat = _ref(Seat, membership, payload.assignee_seat_id, "assignee_seat_id")
    assignee = _ref(Membership, membership, payload.assignee_id, "assignee_id")
    start = _parse_start(payload.dtstart_local)
    try:
        rec = series_services.recurrence_create(
            actor=membership, project=project, title=payload.title, preset=payload.preset,
            rrule=payload.rrule, weekdays=payload.weekdays, month_day=payload.month_day,
            weekday=payload.weekday, interval=payload.interval, dtstart_local=start,
            timezone_name=payload.timezone, all_day=not isinstance(start, datetime),
            mode=payload.mode, description=payload.description, section=section,
            assignee=assignee, assignee_seat=seat, priority=payload.priority,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as exc:
        _raise_with_api_names(exc)
    return Status(201, rec)


@router.patch(
    f"{WS}/recurrences/{{recurrence_id}}", response={200: RecurrenceOut, **ERROR_RESPONSES}
)
def recurrence_update(
    request: HttpRequest, slug: str, recurrence_id: int, payload: RecurrencePatch
) -> Recurrence:
    """Change a series: only the fields sent. Tasks already created are not changed; a new
    rule applies after the last occurrence created. A stopped series cannot be edited (422).
    """
    membership = workspace_membership(request, slug)
    rec = _recurrence(membership, recurrence_id)
    changes = _changes(membership, payload.model_dump(exclude_unset=True))
    try:
        return series_services.recurrence_update(
            actor=membership, recurrence=rec, context=AuditContext.from_request(request), **changes
        )
    except ValidationError as exc:
        _raise_with_api_names(exc)


@router.post(
    f"{WS}/recurrences/{{recurrence_id}}/skip", response={200: RecurrenceOut, **ERROR_RESPONSES}
)
def recurrence_skip(
    request: HttpRequest, slug: str, recurrence_id: int, payload: SkipIn
) -> Recurrence:
    """Skip the occurrence on `date` (its not-started task is removed)."""
    membership = workspace_membership(request, slug)
    rec = _recurrence(membership, recurrence_id)
    series_services.recurrence_skip(
        actor=membership,
        recurrence=rec,
        occurrence_date=payload.date,
        context=AuditContext.from_request(request),
    )
    return rec


@router.post(
    f"{WS}/recurrences/{{recurrence_id}}/stop", response={200: RecurrenceOut, **ERROR_RESPONSES}
)
def recurrence_stop(request: HttpRequest, slug: str, recurrence_id: int) -> Recurrence:
    membership = workspace_membership(request, slug)
    rec = _recurrence(membership, recurrence_id)
    return series_services.recurrence_stop(
        actor=membership, recurrence=rec, context=AuditContext.from_request(request)
    )
