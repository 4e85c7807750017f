"""Writes for seats: create, edit, delete, fill and vacate (with the seat's history).

Every function takes the acting membership first, checks `org.manage`, validates everything
before writing (so a refused change saves nothing), runs in one transaction and audits.
Errors a user can fix are `ValidationError({field: message})`; the field names are the
form's and the API's (`department`, `reports_to`, `holder`, `member`, `planned_for`, …).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import line_problem
from keel.org.models import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    Department,
    EmploymentType,
    Responsibility,
    Seat,
    SeatHolding,
    SeatStatus,
    quarter_label,
    quarter_start,
    workspace_today,
)

MAX_RESPONSIBILITIES = 30
PLACEHOLDER_MAX = 80
FTE_MIN, FTE_MAX = Decimal("0.05"), Decimal("1.00")


# --- Seats: validation -----------------------------------------------------------------------


def _seat_parents(workspace_id: int) -> dict[int, int | None]:
    """seat id → reports_to id for the whole workspace: one query, walked in Python."""
    rows = Seat.objects.filter(workspace_id=workspace_id).values_list("id", "reports_to_id")
    return dict(rows)


def _reporting_loop(workspace_id: int, seat_pk: int | None, reports_to: Seat) -> bool:
    """Would `seat` reporting to `reports_to` close a loop (reports_to is seat or below it)?"""
    if seat_pk is None:
        return False  # a new seat has nobody below it yet
    parents = _seat_parents(workspace_id)
    current: int | None = reports_to.pk
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == seat_pk:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _clean_lines(lines: Iterable[str]) -> list[str]:
    return [line.strip() for line in lines if line and line.strip()]


def _as_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return Decimal("NaN")


def _validate_seat(
    actor: Membership, *, seat_pk: int | None, data: dict[str, Any]
) -> dict[str, str]:
    """Every rule a seat must meet, as {field: message}. Reads only; writes nothing."""
    errors: dict[str, str] = {}
    ws_id = actor.workspace_id

    title = data["title"]
    if not title:
        errors["title"] = _("Give the seat a title, such as “Purchasing lead”.")
    elif problem := line_problem(title, max_length=120):
        errors["title"] = problem

    department = data["department"]
    if department is not None and department.workspace_id != ws_id:
        errors["department"] = _("Choose a department of this workspace.")

    reports_to = data["reports_to"]
    if reports_to is not None:
        if reports_to.workspace_id != ws_id:
            errors["reports_to"] = _("Choose a seat of this workspace.")
        elif seat_pk is not None and reports_to.pk == seat_pk:
            errors["reports_to"] = _("A seat cannot report to itself.")
        elif _reporting_loop(ws_id, seat_pk, reports_to):
            errors["reports_to"] = _(
                "“%(title)s” already reports to this seat (directly or further down), so this "
                "seat cannot report to it: the reporting line would go round in a circle."
            ) % {"title": reports_to.title}

    if data["employment_type"] not in EmploymentType.values:
        errors["employment_type"] = _("Choose staff, assistant or contractor.")

    fte = data["fte"]
    if fte is None or fte.is_nan() or not FTE_MIN <= fte <= FTE_MAX:
        errors["fte"] = _("Enter a number from 0.05 to 1 (1 is full time, 0.5 half time).")

    cost = data["cost_per_month"]
    if cost is not None and (cost.is_nan() or cost < 0 or cost >= Decimal("1e10")):
        errors["cost_per_month"] = _("Enter a cost of zero or more, or leave it empty.")
    elif cost is not None and cost != cost.quantize(Decimal("0.01")):
        errors["cost_per_month"] = _("Use at most two decimal places.")
    if data["cost_currency"] not in CURRENCIES:
        errors["cost_currency"] = _("Choose one of: %(list)s.") % {"list": ", ".join(CURRENCIES)}

    if problem := line_problem(data["placeholder_name"], max_length=PLACEHOLDER_MAX):
        errors["placeholder_name"] = problem

    lines = data["responsibilities"]
    if len(lines) > MAX_RESPONSIBILITIES:
        errors["responsibilities"] = _("List at most %(n)s responsibilities.") % {
            "n": MAX_RESPONSIBILITIES
        }
    else:
        for number, line in enumerate(lines, start=1):
            if len(line) > 200:
                errors["responsibilities"] = _(
                    "Line %(n)s is longer than 200 characters. Split it into two."
                ) % {"n": number}
                break

    status, holder = data["status"], data["holder"]
    if status not in SeatStatus.values:
        errors["status"] = _("Choose filled, open or planned.")
    elif holder is not None:
        if holder.workspace_id != ws_id:
            errors["holder"] = _("Choose a member of this workspace.")
        elif not holder.is_active:
            errors["holder"] = _("%(name)s has left the workspace and cannot hold a seat.") % {
                "name": holder.user.display_name
            }
        elif status != SeatStatus.FILLED:
            errors["holder"] = _(
                "An open or planned seat has nobody in it yet. Clear the holder, or set the "
                "status to filled."
            )
    elif status == SeatStatus.FILLED:
        errors["holder"] = _(
            "A filled seat needs a holder. Choose a member, or set the status to open or planned."
        )

    planned_for = data["planned_for"]
    if status == SeatStatus.PLANNED:
        if planned_for is None:
            errors["planned_for"] = _("Choose the quarter this seat is planned for.")
        elif quarter_start(planned_for) < quarter_start(workspace_today(actor.workspace)):
            errors["planned_for"] = _(
                "%(quarter)s is in the past: the target quarter must be this quarter or later."
            ) % {"quarter": quarter_label(planned_for)}
    return errors


def _seat_data(
    *, title: str, department: Department | None, reports_to: Seat | None, purpose: str,
    responsibilities: Sequence[str], employment_type: str, fte: Any, cost_per_month: Any,
    cost_currency: str, holder: Membership | None, placeholder_name: str, status: str | None,
    planned_for: datetime.date | None,
) -> dict[str, Any]:  # fmt: skip
    if status is None:
        status = SeatStatus.FILLED if holder is not None else SeatStatus.OPEN
    return {
        "title": title.strip(),
        "department": department,
        "reports_to": reports_to,
        "purpose": purpose.strip(),
        "responsibilities": _clean_lines(responsibilities),
        "employment_type": employment_type,
        "fte": _as_decimal(fte),
        "cost_per_month": _as_decimal(cost_per_month),
        "cost_currency": (cost_currency or DEFAULT_CURRENCY).upper(),
        "holder": holder,
        # A held seat shows its holder; the placeholder is for empty seats only.
        "placeholder_name": "" if holder is not None else placeholder_name.strip(),
        "status": status,
        "planned_for": quarter_start(planned_for)
        if planned_for and status == SeatStatus.PLANNED
        else None,
    }


def _set_responsibilities(seat: Seat, lines: list[str]) -> None:
    """Make the seat's responsibilities exactly `lines`, in order.

    Rows whose text is unchanged are kept (only re-ordered), so links that later modules make
    to a responsibility (SOPs, recurring tasks) survive an edit of the list around them.
    """
    existing = list(Responsibility.objects.filter(seat=seat).order_by("position", "id"))
    by_text: dict[str, list[Responsibility]] = {}
    for row in existing:
        by_text.setdefault(row.text, []).append(row)
    keep: list[Responsibility] = []
    new: list[Responsibility] = []
    for position, text in enumerate(lines):
        if by_text.get(text):
            row = by_text[text].pop(0)
            row.position = position
            keep.append(row)
        else:
            new.append(
                Responsibility(
                    workspace_id=seat.workspace_id, seat=seat, text=text, position=position
                )
            )
    kept = {row.pk for row in keep}
    Responsibility.objects.filter(seat=seat).exclude(pk__in=kept).delete()
    Responsibility.objects.bulk_update(keep, ["position"])
    Responsibility.objects.bulk_create(new)


def _open_holding(seat: Seat) -> None:
    """Close the current history row and open one for the seat's present holder/placeholder."""
    now = timezone.now()
    SeatHolding.objects.filter(seat=seat, ended_at__isnull=True).update(ended_at=now)
    SeatHolding.objects.create(
        workspace_id=seat.workspace_id, seat=seat, holder=seat.holder,
        placeholder_name=seat.placeholder_name, started_at=now,
    )  # fmt: skip


# --- Seats: writes ---------------------------------------------------------------------------


@transaction.atomic
def seat_create(
    *, actor: Membership, title: str, department: Department | None = None,
    reports_to: Seat | None = None, purpose: str = "", responsibilities: Sequence[str] = (),
    employment_type: str = EmploymentType.STAFF, fte: Any = Decimal("1.00"),
    cost_per_month: Any = None, cost_currency: str = DEFAULT_CURRENCY,
    holder: Membership | None = None, placeholder_name: str = "", status: str | None = None,
    planned_for: datetime.date | None = None, context: AuditContext | None = None,
) -> Seat:  # fmt: skip
    """A new seat. `status` defaults to filled with a holder, else open."""
    require(actor, "org.manage")
    data = _seat_data(
        title=title, department=department, reports_to=reports_to, purpose=purpose,
        responsibilities=responsibilities, employment_type=employment_type, fte=fte,
        cost_per_month=cost_per_month, cost_currency=cost_currency, holder=holder,
        placeholder_name=placeholder_name, status=status, planned_for=planned_for,
    )  # fmt: skip
    errors = _validate_seat(actor, seat_pk=None, data=data)
    if errors:
        raise ValidationError(errors)
    lines = data.pop("responsibilities")
    position = Seat.objects.filter(workspace_id=actor.workspace_id).count()
    seat = Seat.objects.create(workspace=actor.workspace, position=position, **data)
    _set_responsibilities(seat, lines)
    _open_holding(seat)
    audit_event(actor, "seat.created", seat, context, status=seat.status, member_id=seat.holder_id)
    return seat


@transaction.atomic
def seat_update(
    *, actor: Membership, seat: Seat, title: str, department: Department | None,
    reports_to: Seat | None, purpose: str, responsibilities: Sequence[str],
    employment_type: str, fte: Any, cost_per_month: Any, cost_currency: str,
    holder: Membership | None, placeholder_name: str, status: str | None,
    planned_for: datetime.date | None, context: AuditContext | None = None,
) -> Seat:  # fmt: skip
    """Change every field of a seat (the API's PATCH fills in the fields not sent).

    A change of holder is recorded in the seat's history like fill/vacate.
    """
    require(actor, "org.manage")
    same_workspace(actor, seat)
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    data = _seat_data(
        title=title, department=department, reports_to=reports_to, purpose=purpose,
        responsibilities=responsibilities, employment_type=employment_type, fte=fte,
        cost_per_month=cost_per_month, cost_currency=cost_currency, holder=holder,
        placeholder_name=placeholder_name, status=status, planned_for=planned_for,
    )  # fmt: skip
    errors = _validate_seat(actor, seat_pk=seat.pk, data=data)
    if errors:
        raise ValidationError(errors)
    lines = data.pop("responsibilities")
    old_holder, old_placeholder = seat.holder_id, seat.placeholder_name
    for name, value in data.items():
        setattr(seat, name, value)
    seat.save(update_fields=[*data.keys(), "updated_at"])
    old_lines = [r.text for r in seat.responsibilities.all()]
    if old_lines != lines:
        _set_responsibilities(seat, lines)
    if seat.holder_id != old_holder:
        _open_holding(seat)
    elif seat.placeholder_name != old_placeholder:
        SeatHolding.objects.filter(seat=seat, ended_at__isnull=True).update(
            placeholder_name=seat.placeholder_name
        )
    audit_event(actor, "seat.updated", seat, context, status=seat.status, member_id=seat.holder_id)
    return seat


@transaction.atomic
def seat_delete(*, actor: Membership, seat: Seat, context: AuditContext | None = None) -> None:
    """Delete a seat nobody reports to; its history and responsibilities go with it."""
    require(actor, "org.manage")
    same_workspace(actor, seat)
    if Seat.objects.filter(workspace_id=actor.workspace_id, reports_to=seat).exists():
        raise ValidationError(
            _("Seats report to “%(title)s”. Make them report to another seat first.")
            % {"title": seat.title}
        )
    audit_event(actor, "seat.deleted", seat, context, title=seat.title)
    try:
        with transaction.atomic():
            seat.delete()
    except ProtectedError as exc:  # a later module protects its link to the seat
        raise ValidationError(
            _("Other records still point at “%(title)s”. Remove those links first.")
            % {"title": seat.title}
        ) from exc


@transaction.atomic
def seat_fill(
    *, actor: Membership, seat: Seat, membership: Membership, context: AuditContext | None = None
) -> Seat:
    """Put `membership` into the seat: the placeholder goes, the history gets a new row.

    Everything the seat owns resolves to the new holder at once (keel.org.resolution);
    nothing is copied. A seat held by someone else must be vacated first (one holder).
    """
    require(actor, "org.manage")
    same_workspace(actor, seat)
    seat = (
        Seat.objects.select_for_update(of=("self",)).select_related("holder__user").get(pk=seat.pk)
    )
    if membership.workspace_id != actor.workspace_id:
        raise ValidationError({"member": _("Choose a member of this workspace.")})
    if not membership.is_active:
        raise ValidationError(
            {
                "member": _("%(name)s has left the workspace and cannot hold a seat.")
                % {"name": membership.user.display_name}
            }
        )
    if seat.holder_id == membership.pk:
        raise ValidationError(
            {"member": _("%(name)s already holds this seat.") % {"name": seat.display_holder}}
        )
    if seat.holder is not None:
        raise ValidationError(
            {
                "member": _("This seat is already held by %(name)s — vacate it first.")
                % {"name": seat.holder.user.display_name}
            }
        )
    previous = seat.placeholder_name
    seat.holder = membership
    seat.status = SeatStatus.FILLED
    seat.placeholder_name = ""
    seat.planned_for = None
    seat.save(update_fields=["holder", "status", "placeholder_name", "planned_for", "updated_at"])
    _open_holding(seat)
    audit_event(actor, "seat.filled", seat, context, member_id=membership.pk,
                replaced_placeholder=previous)  # fmt: skip
    return seat


def _vacate(
    actor: Membership, seat: Seat, placeholder_name: str, context: AuditContext | None
) -> Seat:
    former = seat.holder_id
    seat.holder = None
    seat.status = SeatStatus.OPEN
    seat.placeholder_name = placeholder_name.strip()  # checked by seat_vacate
    seat.planned_for = None
    seat.save(update_fields=["holder", "status", "placeholder_name", "planned_for", "updated_at"])
    _open_holding(seat)
    audit_event(actor, "seat.vacated", seat, context, member_id=former)
    return seat


@transaction.atomic
def seat_vacate(
    *, actor: Membership, seat: Seat, placeholder_name: str = "",
    context: AuditContext | None = None,
) -> Seat:  # fmt: skip
    """Empty the seat (status open). Its work resolves to the seat above until it is filled."""
    require(actor, "org.manage")
    same_workspace(actor, seat)
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    if seat.holder_id is None:
        raise ValidationError(_("Nobody holds this seat: there is nothing to vacate."))
    if problem := line_problem(placeholder_name.strip(), max_length=PLACEHOLDER_MAX):
        raise ValidationError({"placeholder_name": problem})
    return _vacate(actor, seat, placeholder_name, context)


def seats_vacate_for_offboarding(*, actor: Membership, membership: Membership) -> list[Seat]:
    """Vacate every seat `membership` holds. The offboarding hook's step.

    No `org.manage` check of its own: it runs inside `membership_offboard`, which has already
    checked `members.offboard` and holds the transaction.
    """
    seats = list(
        Seat.objects.select_for_update()
        .filter(workspace_id=membership.workspace_id, holder=membership)
        .order_by("position", "id")
    )
    return [_vacate(actor, seat, "", None) for seat in seats]
