"""Writes for the vision: statement, core values, goals and milestones.

Every function checks `goals.manage`, validates against the workspace's current year, audits
and runs in one transaction, so a refused or invalid call changes nothing.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.audit import audit
from keel.core.models import Membership, Workspace
from keel.core.permissions import require
from keel.goals.models import CoreValue, Goal, Milestone, MilestoneStatus, Vision
from keel.org.models import Seat

if TYPE_CHECKING:
    from django.http import HttpRequest

HORIZON_YEARS = 5
MAX_YEARS_AHEAD = 50  # a target beyond this is a typo, not a plan


def current_year(workspace: Workspace) -> int:
    """This year where the company is (New Year's Eve in Shanghai is already next year)."""
    try:
        tz = zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo("UTC")
    return timezone.localdate(timezone=tz).year


def _check_workspace(actor: Membership, *objects: Any) -> None:
    for obj in objects:
        if obj is not None and obj.workspace_id != actor.workspace_id:
            raise PermissionDenied


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
    *, actor: Membership, statement: str, horizon_year: int, request: HttpRequest | None = None
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
    audit(action="vision.updated", actor=actor.user, workspace=ws, target=vision,
          request=request, data={"horizon_year": horizon_year})  # fmt: skip
    return vision


# --- Core values ---------------------------------------------------------------------------


@transaction.atomic
def value_create(
    *, actor: Membership, title: str, description: str = "", request: HttpRequest | None = None
) -> CoreValue:
    require(actor, "goals.manage")
    ws = actor.workspace
    last = CoreValue.objects.in_workspace(ws).aggregate(m=Max("position"))["m"]
    value = CoreValue(
        workspace=ws,
        title=title.strip(),
        description=description.strip(),
        position=(last + 1) if last is not None else 0,
    )
    value.full_clean()
    value.save()
    audit(action="vision.value_created", actor=actor.user, workspace=ws, target=value,
          request=request)  # fmt: skip
    return value


@transaction.atomic
def value_update(
    *, actor: Membership, value: CoreValue, title: str, description: str = "",
    request: HttpRequest | None = None,
) -> CoreValue:  # fmt: skip
    require(actor, "goals.manage")
    _check_workspace(actor, value)
    value.title, value.description = title.strip(), description.strip()
    value.full_clean()
    value.save(update_fields=["title", "description", "updated_at"])
    audit(action="vision.value_updated", actor=actor.user, workspace=actor.workspace,
          target=value, request=request)  # fmt: skip
    return value


@transaction.atomic
def value_delete(
    *, actor: Membership, value: CoreValue, request: HttpRequest | None = None
) -> None:
    require(actor, "goals.manage")
    _check_workspace(actor, value)
    audit(action="vision.value_deleted", actor=actor.user, workspace=actor.workspace,
          target=value, request=request)  # fmt: skip
    value.delete()


@transaction.atomic
def value_move(
    *, actor: Membership, value: CoreValue, direction: str, request: HttpRequest | None = None
) -> CoreValue:
    """Move a value one place "up" or "down"; positions are renumbered 0..n-1."""
    require(actor, "goals.manage")
    _check_workspace(actor, value)
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": _("Move a value up or down.")})
    values = list(CoreValue.objects.in_workspace(actor.workspace).select_for_update())
    index = next(i for i, v in enumerate(values) if v.pk == value.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(values):
        values[index], values[other] = values[other], values[index]
    changed = []
    for position, item in enumerate(values):
        if item.position != position:
            item.position = position
            changed.append(item)
    CoreValue.objects.bulk_update(changed, ["position"])
    if changed:
        audit(action="vision.value_moved", actor=actor.user, workspace=actor.workspace,
              target=value, request=request, data={"direction": direction})  # fmt: skip
    value.position = next(v.position for v in values if v.pk == value.pk)
    return value


# --- Goals ---------------------------------------------------------------------------------


def _goal_errors(
    *, ws: Workspace, goal: Goal | None, title: str, target_year: int
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Name the goal, for example “¥10M yearly revenue”.")
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
    request: HttpRequest | None = None,
) -> Goal:  # fmt: skip
    require(actor, "goals.manage")
    ws = actor.workspace
    errors = _goal_errors(ws=ws, goal=None, title=title, target_year=target_year)
    if errors:
        raise ValidationError(errors)
    last = Goal.objects.in_workspace(ws).aggregate(m=Max("position"))["m"]
    goal = Goal(
        workspace=ws, title=title.strip(), description=description.strip(),
        target_year=target_year, position=(last + 1) if last is not None else 0,
    )  # fmt: skip
    goal.full_clean()
    goal.save()
    audit(action="vision.goal_created", actor=actor.user, workspace=ws, target=goal,
          request=request, data={"target_year": target_year})  # fmt: skip
    return goal


@transaction.atomic
def goal_update(
    *, actor: Membership, goal: Goal, title: str, target_year: int, description: str = "",
    request: HttpRequest | None = None,
) -> Goal:  # fmt: skip
    require(actor, "goals.manage")
    _check_workspace(actor, goal)
    errors = _goal_errors(ws=actor.workspace, goal=goal, title=title, target_year=target_year)
    if errors:
        raise ValidationError(errors)
    goal.title, goal.description = title.strip(), description.strip()
    goal.target_year = target_year
    goal.full_clean()
    goal.save(update_fields=["title", "description", "target_year", "updated_at"])
    audit(action="vision.goal_updated", actor=actor.user, workspace=actor.workspace,
          target=goal, request=request, data={"target_year": target_year})  # fmt: skip
    return goal


@transaction.atomic
def goal_delete(*, actor: Membership, goal: Goal, request: HttpRequest | None = None) -> None:
    """Delete a goal and its milestones."""
    require(actor, "goals.manage")
    _check_workspace(actor, goal)
    count = Milestone.objects.in_workspace(actor.workspace).filter(goal=goal).count()
    audit(action="vision.goal_deleted", actor=actor.user, workspace=actor.workspace,
          target=goal, request=request, data={"milestones": count})  # fmt: skip
    goal.delete()


# --- Milestones ----------------------------------------------------------------------------


def _milestone_errors(
    *, ws: Workspace, goal: Goal, milestone: Milestone | None, year: int, title: str,
    status: str, owner_seat: Seat | None, needed_seats: list[Seat],
) -> dict[str, str]:  # fmt: skip
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Say what will be true at the end of the year.")
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
    return errors


@transaction.atomic
def milestone_create(
    *, actor: Membership, goal: Goal, year: int, title: str, owner_seat: Seat | None = None,
    needed_seats: Iterable[Seat] = (), status: str = MilestoneStatus.NOT_STARTED,
    request: HttpRequest | None = None,
) -> Milestone:  # fmt: skip
    require(actor, "goals.manage")
    _check_workspace(actor, goal)
    ws = actor.workspace
    seats = list(needed_seats)
    errors = _milestone_errors(
        ws=ws, goal=goal, milestone=None, year=year, title=title, status=status,
        owner_seat=owner_seat, needed_seats=seats,
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    milestone = Milestone(workspace=ws, goal=goal, year=year, title=title.strip(),
                          owner_seat=owner_seat, status=status)  # fmt: skip
    milestone.full_clean()
    milestone.save()
    milestone.needed_seats.set(seats)
    audit(action="vision.milestone_created", actor=actor.user, workspace=ws, target=milestone,
          request=request, data={"goal": goal.pk, "year": year,
                                 "needed_seats": sorted(s.pk for s in seats)})  # fmt: skip
    return milestone


@transaction.atomic
def milestone_update(
    *, actor: Membership, milestone: Milestone, year: int, title: str,
    owner_seat: Seat | None, needed_seats: Iterable[Seat], status: str,
    goal: Goal | None = None, request: HttpRequest | None = None,
) -> Milestone:  # fmt: skip
    """Change every field; `goal` moves the milestone to another goal of the workspace."""
    require(actor, "goals.manage")
    goal = goal or milestone.goal
    _check_workspace(actor, milestone, goal)
    ws = actor.workspace
    seats = list(needed_seats)
    errors = _milestone_errors(
        ws=ws, goal=goal, milestone=milestone, year=year, title=title, status=status,
        owner_seat=owner_seat, needed_seats=seats,
    )  # fmt: skip
    if errors:
        raise ValidationError(errors)
    old_status = milestone.status
    milestone.goal, milestone.year, milestone.title = goal, year, title.strip()
    milestone.owner_seat, milestone.status = owner_seat, status
    milestone.full_clean()
    milestone.save(update_fields=["goal", "year", "title", "owner_seat", "status", "updated_at"])
    milestone.needed_seats.set(seats)
    audit(action="vision.milestone_updated", actor=actor.user, workspace=ws, target=milestone,
          request=request, data={"year": year, "status": status, "old_status": old_status,
                                 "needed_seats": sorted(s.pk for s in seats)})  # fmt: skip
    return milestone


@transaction.atomic
def milestone_set_status(
    *, actor: Membership, milestone: Milestone, status: str, request: HttpRequest | None = None
) -> Milestone:
    require(actor, "goals.manage")
    _check_workspace(actor, milestone)
    if status not in MilestoneStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    old_status = milestone.status
    if old_status == status:
        return milestone
    milestone.status = status
    milestone.save(update_fields=["status", "updated_at"])
    audit(action="vision.milestone_status", actor=actor.user, workspace=actor.workspace,
          target=milestone, request=request,
          data={"status": status, "old_status": old_status})  # fmt: skip
    return milestone


@transaction.atomic
def milestone_delete(
    *, actor: Membership, milestone: Milestone, request: HttpRequest | None = None
) -> None:
    require(actor, "goals.manage")
    _check_workspace(actor, milestone)
    audit(action="vision.milestone_deleted", actor=actor.user, workspace=actor.workspace,
          target=milestone, request=request, data={"goal": milestone.goal_id})  # fmt: skip
    milestone.delete()
