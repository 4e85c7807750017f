"""Writes for the vision: statement, core values, goals and milestones.

Every function checks `goals.manage`, validates against the workspace's current year, audits
and runs in one transaction, so a refused or invalid call changes nothing.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from datetime import date
from types import EllipsisType

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership, Workspace
from keel.core.permissions import require
from keel.core.services import (
    AuditContext,
    audit_event,
    move_one_place,
    next_position,
    same_workspace,
)
from keel.core.validators import line_problem
from keel.goals.models import CoreValue, Goal, Milestone, MilestoneStatus, Vision
from keel.kpis.models import Kpi
from keel.org.models import Seat

HORIZON_YEARS = 5
MAX_YEARS_AHEAD = 50  # a target beyond this is a typo, not a plan
TITLE_MAX = 200  # goals' and milestones' titles (the columns' length)
VALUE_TITLE_MAX = 80  # a core value's title


def current_date(workspace: Workspace) -> date:
    """Today where the company is (New Year's Eve in Shanghai is already next year)."""
    try:
        tz = zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo("UTC")
    return timezone.localdate(timezone=tz)


def current_year(workspace: Workspace) -> int:
    return current_date(workspace).year


def _check_year(field: str, year: int, *, low: int, high: int, errors: dict[str, str]) -> None:
    if year < low:
        errors[field] = _("Choose %(low)d or later: %(year)d is in the past.") % {
            "low": low,
            "year": year,
        }
    elif year > high:
        errors[field] = _("Choose a year between %(low)d and %(high)d.") % {
            "low": low,
            "high": high,
        }


# --- Vision --------------------------------------------------------------------------------


@transaction.atomic
def vision_update(
    *, actor: Membership, statement: str, horizon_year: int, context: AuditContext | None = None
) -> Vision:
    """Set the vision statement and horizon year (creates the vision on first save)."""
    require(actor, "goals.manage")
    ws = actor.workspace
    vision = Vision.objects.select_for_update().filter(workspace=ws).first()
    this_year = current_year(ws)
    errors: dict[str, str] = {}
    if vision is None or vision.horizon_year != horizon_year:
        _check_year("horizon_year", horizon_year, low=this_year,
                    high=this_year + MAX_YEARS_AHEAD, errors=errors)  # fmt: skip
    if errors:
        raise ValidationError(errors)
    created = vision is None
    if vision is None:
        vision = Vision(workspace=ws)
    vision.statement = statement.strip()
    vision.horizon_year = horizon_year
    vision.full_clean()
    if created:
        vision.save()
    else:
        vision.save(update_fields=["statement", "horizon_year", "updated_at"])
    audit_event(actor, "vision.updated", vision, context, horizon_year=horizon_year)
    return vision


# --- Core values ---------------------------------------------------------------------------


@transaction.atomic
def value_create(
    *, actor: Membership, title: str, description: str = "", context: AuditContext | None = None
) -> CoreValue:
    require(actor, "goals.manage")
    ws = actor.workspace
    if problem := line_problem(title.strip(), max_length=VALUE_TITLE_MAX):
        raise ValidationError({"title": problem})
    value = CoreValue(
        workspace=ws,
        title=title.strip(),
        description=description.strip(),
        position=next_position(CoreValue.objects.in_workspace(ws)),
    )
    value.full_clean()
    value.save()
    audit_event(actor, "vision.value_created", value, context)
    return value


@transaction.atomic
def value_update(
    *, actor: Membership, value: CoreValue, title: str, description: str = "",
    context: AuditContext | None = None,
) -> CoreValue:  # fmt: skip
    require(actor, "goals.manage")
    same_workspace(actor, value)
    if problem := line_problem(title.strip(), max_length=VALUE_TITLE_MAX):
        raise ValidationError({"title": problem})
    value.title, value.description = title.strip(), description.strip()
    value.full_clean()
    value.save(update_fields=["title", "description", "updated_at"])
    audit_event(actor, "vision.value_updated", value, context)
    return value


@transaction.atomic
def value_delete(
    *, actor: Membership, value: CoreValue, context: AuditContext | None = None
) -> None:
    require(actor, "goals.manage")
    same_workspace(actor, value)
    audit_event(actor, "vision.value_deleted", value, context)
    value.delete()


@transaction.atomic
def value_move(
    *, actor: Membership, value: CoreValue, direction: str, context: AuditContext | None = None
) -> CoreValue:
    """Move a value one place "up" or "down"; positions are renumbered 0..n-1."""
    require(actor, "goals.manage")
    same_workspace(actor, value)
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": _("Move a value up or down.")})
    values = list(CoreValue.objects.in_workspace(actor.workspace).select_for_update())
    changed = move_one_place(values, value, direction)
    if changed:
        CoreValue.objects.bulk_update(changed, ["position"])
        audit_event(actor, "vision.value_moved", value, context, direction=direction)
    return value


# --- Goals ---------------------------------------------------------------------------------


def _goal_errors(
    *, ws: Workspace, goal: Goal | None, title: str, target_year: int
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Name the goal, for example “¥10M yearly revenue”.")
    elif problem := line_problem(title.strip(), max_length=TITLE_MAX):
        errors["title"] = problem
    this_year = current_year(ws)
    if goal is None or goal.target_year != target_year:
        _check_year("target_year", target_year, low=this_year,
                    high=this_year + MAX_YEARS_AHEAD, errors=errors)  # fmt: skip
    if goal is not None and "target_year" not in errors:
        latest = Milestone.objects.in_workspace(ws).filter(goal=goal).aggregate(m=Max("year"))
        if latest["m"] is not None and latest["m"] > target_year:
            errors["target_year"] = _(
                "A milestone of this goal is planned for %(year)d. Move or delete it first, "
                "or choose %(year)d or later."
            ) % {"year": latest["m"]}
    return errors


@transaction.atomic
def goal_create(
    *, actor: Membership, title: str, target_year: int, description: str = "",
    context: AuditContext | None = None,
) -> Goal:  # fmt: skip
    require(actor, "goals.manage")
    ws = actor.workspace
    errors = _goal_errors(ws=ws, goal=None, title=title, target_year=target_year)
    if errors:
        raise ValidationError(errors)
    goal = Goal(
        workspace=ws, title=title.strip(), description=description.strip(),
        target_year=target_year, position=next_position(Goal.objects.in_workspace(ws)),
    )  # fmt: skip
    goal.full_clean()
    goal.save()
    audit_event(actor, "vision.goal_created", goal, context, target_year=target_year)
    return goal


@transaction.atomic
def goal_update(
    *, actor: Membership, goal: Goal, title: str, target_year: int, description: str = "",
    context: AuditContext | None = None,
) -> Goal:  # fmt: skip
    require(actor, "goals.manage")
    same_workspace(actor, goal)
    errors = _goal_errors(ws=actor.workspace, goal=goal, title=title, target_year=target_year)
    if errors:
        raise ValidationError(errors)
    goal.title, goal.description = title.strip(), description.strip()
    goal.target_year = target_year
    goal.full_clean()
    goal.save(update_fields=["title", "description", "target_year", "updated_at"])
    audit_event(actor, "vision.goal_updated", goal, context, target_year=target_year)
    return goal


@transaction.atomic
def goal_delete(*, actor: Membership, goal: Goal, context: AuditContext | None = None) -> None:
    """Delete a goal and its milestones."""
    require(actor, "goals.manage")
    same_workspace(actor, goal)
    count = Milestone.objects.in_workspace(actor.workspace).filter(goal=goal).count()
    audit_event(actor, "vision.goal_deleted", goal, context, milestones=count)
    goal.delete()


# --- Milestones ----------------------------------------------------------------------------


def _milestone_errors(
    *, ws: Workspace, goal: Goal, milestone: Milestone | None, year: int, title: str,
    status: str, owner_seat: Seat | None, needed_seats: list[Seat], kpi: Kpi | None = None,
) -> dict[str, str]:  # fmt: skip
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Say what will be true at the end of the year.")
    elif problem := line_problem(title.strip(), max_length=TITLE_MAX):
        errors["title"] = problem
    if status not in MilestoneStatus.values:
        errors["status"] = _("Choose a status from the list.")
    this_year = current_year(ws)
    # An existing milestone keeps its (possibly past) year: marking 2025 "done" in 2026 is fine.
    year_changed = milestone is None or milestone.year != year or milestone.goal_id != goal.pk
    if year_changed and not this_year <= year <= goal.target_year:
        if this_year > goal.target_year:
            errors["year"] = _(
                "The goal's target year %(target)d has passed. Move the goal's target year first."
            ) % {"target": goal.target_year}
        else:
            errors["year"] = _(
                "Choose a year from %(low)d to %(high)d, the goal's target year."
            ) % {"low": this_year, "high": goal.target_year}
    if owner_seat is not None and owner_seat.workspace_id != ws.pk:
        errors["owner_seat"] = _("Choose a seat of this workspace.")
    if any(seat.workspace_id != ws.pk for seat in needed_seats):
        errors["needed_seats"] = _("Choose seats of this workspace.")
    if kpi is not None:
        kept = milestone is not None and milestone.kpi_id == kpi.pk
        if kpi.workspace_id != ws.pk:
            errors["kpi"] = _("Choose a KPI of this workspace.")
        elif kpi.archived_at is not None and not kept:  # a link made before archiving stays
            errors["kpi"] = _("“%(name)s” is archived: restore it first or choose another KPI.") % {
                "name": kpi.name
            }
    return errors


@transaction.atomic
def milestone_create(
    *, actor: Membership, goal: Goal, year: int, title: str, owner_seat: Seat | None = None,
    needed_seats: Iterable[Seat] = (), status: str = MilestoneStatus.NOT_STARTED,
    kpi: Kpi | None = None, context: AuditContext | None = None,
) -> Milestone:  # fmt: skip
    """Add a milestone; `kpi` (an active KPI of the workspace) measures it."""
    require(actor, "goals.manage")
    same_workspace(actor, goal)
    ws = actor.workspace
    seats = list(needed_seats)
    errors = _milestone_errors(
        ws=ws, goal=goal, milestone=None, year=year, title=title, status=status,
        owner_seat=owner_seat, needed_seats=seats, kpi=kpi,
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    milestone = Milestone(workspace=ws, goal=goal, year=year, title=title.strip(),
                          owner_seat=owner_seat, status=status, kpi=kpi)  # fmt: skip
    milestone.full_clean()
    milestone.save()
    milestone.needed_seats.set(seats)
    audit_event(actor, "vision.milestone_created", milestone, context, goal=goal.pk, year=year,
                needed_seats=sorted(s.pk for s in seats),
                kpi=kpi.pk if kpi else None)  # fmt: skip
    return milestone


@transaction.atomic
def milestone_update(
    *, actor: Membership, milestone: Milestone, year: int, title: str,
    owner_seat: Seat | None, needed_seats: Iterable[Seat], status: str,
    goal: Goal | None = None, kpi: Kpi | EllipsisType | None = ...,
    context: AuditContext | None = None,
) -> Milestone:  # fmt: skip
    """Change every field; `goal` moves the milestone to another goal of the workspace;
    `kpi` links a KPI (None unlinks it; left out, the link stays)."""
    require(actor, "goals.manage")
    goal = goal or milestone.goal
    same_workspace(actor, milestone, goal)
    ws = actor.workspace
    seats = list(needed_seats)
    new_kpi = milestone.kpi if isinstance(kpi, EllipsisType) else kpi
    errors = _milestone_errors(
        ws=ws, goal=goal, milestone=milestone, year=year, title=title, status=status,
        owner_seat=owner_seat, needed_seats=seats, kpi=new_kpi,
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    old_status = milestone.status
    milestone.goal, milestone.year, milestone.title = goal, year, title.strip()
    milestone.owner_seat, milestone.status, milestone.kpi = owner_seat, status, new_kpi
    milestone.full_clean()
    milestone.save(update_fields=["goal", "year", "title", "owner_seat", "status", "kpi",
                                  "updated_at"])  # fmt: skip
    milestone.needed_seats.set(seats)
    audit_event(actor, "vision.milestone_updated", milestone, context, year=year, status=status,
                old_status=old_status, needed_seats=sorted(s.pk for s in seats),
                kpi=new_kpi.pk if new_kpi else None)  # fmt: skip
    return milestone


@transaction.atomic
def milestone_set_status(
    *, actor: Membership, milestone: Milestone, status: str, context: AuditContext | None = None
) -> Milestone:
    require(actor, "goals.manage")
    same_workspace(actor, milestone)
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    old_status = milestone.status
    if old_status == status:
        return milestone
    milestone.status = status
    milestone.save(update_fields=["status", "updated_at"])
    audit_event(
        actor, "vision.milestone_status", milestone, context, status=status, old_status=old_status
    )
    return milestone


@transaction.atomic
def milestone_delete(
    *, actor: Membership, milestone: Milestone, context: AuditContext | None = None
) -> None:
    require(actor, "goals.manage")
    same_workspace(actor, milestone)
    audit_event(actor, "vision.milestone_deleted", milestone, context, goal=milestone.goal_id)
    milestone.delete()
