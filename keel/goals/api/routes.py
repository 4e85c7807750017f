"""API routes for the vision, goals and milestones (mounted in keel/api.py).

Thin like the pages: resolve the caller's membership from the URL, parse a schema, call one
service (which checks `goals.manage`, validates and audits) or one scoped query.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from keel.core.api_support import (
    ERROR_RESPONSES,
    Page,
    PageParams,
    get_in_workspace,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.goals import selectors, services
from keel.goals.api.schemas import (
    GoalDetailOut,
    GoalIn,
    GoalOut,
    GoalPatchIn,
    MilestoneIn,
    MilestoneOut,
    MilestonePatchIn,
    VisionIn,
    VisionOut,
)
from keel.goals.models import Goal, Milestone
from keel.kpis.models import Kpi
from keel.org.models import Seat

router = Router(tags=["vision"])

WS = "/workspaces/{slug}"


def _reader(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "goals.view")
    return membership


def _vision(membership: Membership) -> dict[str, Any]:
    vision = selectors.vision_get(workspace=membership.workspace)
    return {
        "statement": vision.statement,
        "horizon_year": vision.horizon_year,
        "values": list(selectors.values_list(workspace=membership.workspace)),
    }


def _with_progress(membership: Membership, milestones: list[Milestone]) -> None:
    ws = membership.workspace
    selectors.attach_kpi_progress(milestones, workspace=ws, today=services.current_date(ws))


def _goal_detail(membership: Membership, goal_id: int) -> Goal:
    goal = get_in_workspace(selectors.goals_list(workspace=membership.workspace), membership,
                            goal_id)  # fmt: skip
    _with_progress(membership, list(goal.milestones.all()))
    return goal


def _milestone(membership: Membership, milestone_id: int) -> Milestone:
    milestone = get_in_workspace(
        selectors.milestones_qs(workspace=membership.workspace), membership, milestone_id
    )
    _with_progress(membership, [milestone])
    return milestone


def _kpi(membership: Membership, kpi_id: int | None) -> Kpi | None:
    """A KPI of the caller's workspace (the service refuses an archived one)."""
    if kpi_id is None:
        return None
    kpi = Kpi.objects.in_workspace(membership.workspace).filter(pk=kpi_id).first()
    if kpi is None:
        raise ValidationError({"kpi_id": _("Choose a KPI of this workspace.")})
    return kpi


def _seat(membership: Membership, seat_id: int | None) -> Seat | None:
    """A seat of the caller's workspace; another workspace's id and a made-up one look alike."""
    if seat_id is None:
        return None
    seat = Seat.objects.in_workspace(membership.workspace).filter(pk=seat_id).first()
    if seat is None:
        raise ValidationError({"owner_seat_id": _("Choose a seat of this workspace.")})
    return seat


def _seats(membership: Membership, seat_ids: list[int]) -> list[Seat]:
    wanted = set(seat_ids)
    seats = list(Seat.objects.in_workspace(membership.workspace).filter(pk__in=wanted))
    if len(seats) != len(wanted):
        unknown = sorted(wanted - {s.pk for s in seats})
        message = _("Not seats of this workspace: %(ids)s") % {"ids": ", ".join(map(str, unknown))}
        raise ValidationError({"needed_seat_ids": message})
    return seats


def _api_errors(error: ValidationError) -> ValidationError:
    """Service errors name model fields; the API's inputs end in `_id(s)`."""
    if not hasattr(error, "error_dict"):
        return error
    rename = {"owner_seat": "owner_seat_id", "needed_seats": "needed_seat_ids", "kpi": "kpi_id"}
    return ValidationError({rename.get(k, k): v for k, v in error.error_dict.items()})


# --- Vision ---------------------------------------------------------------------------------


@router.get(f"{WS}/vision", response={200: VisionOut, **ERROR_RESPONSES})
def vision_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The vision statement, horizon year and core values (defaults if never written)."""
    return _vision(_reader(request, slug))


@router.put(f"{WS}/vision", response={200: VisionOut, **ERROR_RESPONSES})
def vision_put(request: HttpRequest, slug: str, payload: VisionIn) -> dict[str, Any]:
    """Set the statement and the horizon year (not in the past)."""
    membership = workspace_membership(request, slug)
    services.vision_update(actor=membership, statement=payload.statement,
                           horizon_year=payload.horizon_year,
                           context=AuditContext.from_request(request))  # fmt: skip
    return _vision(membership)


# --- Goals ----------------------------------------------------------------------------------


@router.get(f"{WS}/goals", response={200: page_schema(GoalOut), **ERROR_RESPONSES})
def goal_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[Goal]:
    """Goals ordered by target year."""
    membership = _reader(request, slug)
    goals = Goal.objects.in_workspace(membership.workspace)
    return paginate(goals, params, order_by="target_year")


@router.post(f"{WS}/goals", response={201: GoalDetailOut, **ERROR_RESPONSES})
def goal_create(request: HttpRequest, slug: str, payload: GoalIn) -> Status[Goal]:
    membership = workspace_membership(request, slug)
    goal = services.goal_create(actor=membership, title=payload.title,
                                target_year=payload.target_year,
                                description=payload.description,
                                context=AuditContext.from_request(request))  # fmt: skip
    return Status(201, _goal_detail(membership, goal.pk))


@router.get(f"{WS}/goals/{{goal_id}}", response={200: GoalDetailOut, **ERROR_RESPONSES})
def goal_detail(request: HttpRequest, slug: str, goal_id: int) -> Goal:
    """A goal with its milestones."""
    return _goal_detail(_reader(request, slug), goal_id)


@router.patch(f"{WS}/goals/{{goal_id}}", response={200: GoalDetailOut, **ERROR_RESPONSES})
def goal_update(request: HttpRequest, slug: str, goal_id: int, payload: GoalPatchIn) -> Goal:
    """Change the fields sent; the others keep their value."""
    membership = workspace_membership(request, slug)
    require(membership, "goals.manage")
    goal = get_in_workspace(Goal.objects.all(), membership, goal_id)
    services.goal_update(
        actor=membership,
        goal=goal,
        title=payload.title if payload.title is not None else goal.title,
        target_year=payload.target_year if payload.target_year is not None else goal.target_year,
        description=payload.description if payload.description is not None else goal.description,
        context=AuditContext.from_request(request),
    )
    return _goal_detail(membership, goal.pk)


@router.delete(f"{WS}/goals/{{goal_id}}", response={204: None, **ERROR_RESPONSES})
def goal_delete(request: HttpRequest, slug: str, goal_id: int) -> Status[None]:
    """Delete the goal and its milestones."""
    membership = workspace_membership(request, slug)
    require(membership, "goals.manage")
    goal = get_in_workspace(Goal.objects.all(), membership, goal_id)
    services.goal_delete(actor=membership, goal=goal, context=AuditContext.from_request(request))
    return Status(204, None)


# --- Milestones -----------------------------------------------------------------------------


@router.get(
    f"{WS}/goals/{{goal_id}}/milestones",
    response={200: page_schema(MilestoneOut), **ERROR_RESPONSES},
)
def milestone_list(
    request: HttpRequest, slug: str, goal_id: int, params: Query[PageParams]
) -> Page[Milestone]:
    """The goal's milestones ordered by year."""
    membership = _reader(request, slug)
    goal = get_in_workspace(Goal.objects.all(), membership, goal_id)
    milestones = selectors.milestones_qs(workspace=membership.workspace).filter(goal=goal)
    page = paginate(milestones, params, order_by="year")
    _with_progress(membership, page.items)
    return page


@router.post(f"{WS}/goals/{{goal_id}}/milestones", response={201: MilestoneOut, **ERROR_RESPONSES})
def milestone_create(
    request: HttpRequest, slug: str, goal_id: int, payload: MilestoneIn
) -> Status[Milestone]:
    """Add a milestone in a year from this year to the goal's target year."""
    membership = workspace_membership(request, slug)
    require(membership, "goals.manage")
    goal = get_in_workspace(Goal.objects.all(), membership, goal_id)
    owner_seat = _seat(membership, payload.owner_seat_id)
    needed = _seats(membership, payload.needed_seat_ids)
    kpi = _kpi(membership, payload.kpi_id)
    try:
        milestone = services.milestone_create(
            actor=membership, goal=goal, year=payload.year, title=payload.title,
            status=payload.status.value, owner_seat=owner_seat, needed_seats=needed, kpi=kpi,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as error:
        raise _api_errors(error) from error
    return Status(201, _milestone(membership, milestone.pk))


@router.get(f"{WS}/milestones/{{milestone_id}}", response={200: MilestoneOut, **ERROR_RESPONSES})
def milestone_detail(request: HttpRequest, slug: str, milestone_id: int) -> Milestone:
    return _milestone(_reader(request, slug), milestone_id)


@router.patch(f"{WS}/milestones/{{milestone_id}}", response={200: MilestoneOut, **ERROR_RESPONSES})
def milestone_update(
    request: HttpRequest, slug: str, milestone_id: int, payload: MilestonePatchIn
) -> Milestone:
    """Change the fields sent; `owner_seat_id: null` clears the owner, `kpi_id: null` the
    KPI."""
    membership = workspace_membership(request, slug)
    require(membership, "goals.manage")
    milestone = _milestone(membership, milestone_id)
    sent = payload.model_fields_set
    owner_seat = (
        _seat(membership, payload.owner_seat_id) if "owner_seat_id" in sent
        else milestone.owner_seat
    )  # fmt: skip
    needed = (
        _seats(membership, payload.needed_seat_ids)
        if payload.needed_seat_ids is not None
        else list(milestone.needed_seats.all())
    )
    kpi = _kpi(membership, payload.kpi_id) if "kpi_id" in sent else milestone.kpi
    try:
        services.milestone_update(
            actor=membership, milestone=milestone, kpi=kpi,
            year=payload.year if payload.year is not None else milestone.year,
            title=payload.title if payload.title is not None else milestone.title,
            status=payload.status.value if payload.status is not None else milestone.status,
            owner_seat=owner_seat, needed_seats=needed, context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as error:
        raise _api_errors(error) from error
    return _milestone(membership, milestone.pk)


@router.delete(f"{WS}/milestones/{{milestone_id}}", response={204: None, **ERROR_RESPONSES})
def milestone_delete(request: HttpRequest, slug: str, milestone_id: int) -> Status[None]:
    membership = workspace_membership(request, slug)
    require(membership, "goals.manage")
    milestone = get_in_workspace(Milestone.objects.all(), membership, milestone_id)
    services.milestone_delete(
        actor=membership, milestone=milestone, context=AuditContext.from_request(request)
    )
    return Status(204, None)
