"""Writes for the org chart: departments, seats, filling and vacating seats.

Every function takes the acting membership first, checks `org.manage`, validates everything
before writing (so a refused change saves nothing), runs in one transaction and audits.
Errors a user can fix are `ValidationError({field: message})`; the field names are the
form's and the API's (`department`, `reports_to`, `holder`, `member`, `planned_for`, …).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.core.audit import audit
from keel.core.models import Membership
from keel.core.permissions import require
from keel.org.models import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    DEPARTMENT_COLOURS,
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
from keel.org.templates_data import ECOMMERCE_DEPARTMENTS

if TYPE_CHECKING:
    from django.http import HttpRequest

MAX_RESPONSIBILITIES = 30
FTE_MIN, FTE_MAX = Decimal("0.05"), Decimal("1.00")


def _same_workspace(actor: Membership, *objects: Any) -> None:
    """An object of another workspace is never acted on (views and the API 404 before this)."""
    for obj in objects:
        if obj is not None and obj.workspace_id != actor.workspace_id:
            raise PermissionDenied


def _audit(
    actor: Membership, action: str, target: Any, request: HttpRequest | None, **data: Any
) -> None:
    audit(action=action, actor=actor.user, workspace=actor.workspace, target=target,
          request=request, data=data)  # fmt: skip


# --- Departments -----------------------------------------------------------------------------


def _department_parents(workspace_id: int) -> dict[int, int | None]:
    rows = Department.objects.filter(workspace_id=workspace_id).values_list("id", "parent_id")
    return dict(rows)


def _check_department(
    actor: Membership, *, department: Department | None, name: str, parent: Department | None,
    colour: int,
) -> dict[str, str]:  # fmt: skip
    errors: dict[str, str] = {}
    ws_id = actor.workspace_id
    if not name:
        errors["name"] = _("Give the department a name.")
    elif len(name) > 80:
        errors["name"] = _("Use at most 80 characters.")
    if parent is not None:
        if parent.workspace_id != ws_id:
            errors["parent"] = _("Choose a department of this workspace.")
        elif department is not None and department.pk is not None:
            parents = _department_parents(ws_id)
            current: int | None = parent.pk
            seen: set[int] = set()
            while current is not None and current not in seen:
                if current == department.pk:
                    errors["parent"] = _(
                        "A department cannot be part of itself or of one of its sub-departments."
                    )
                    break
                seen.add(current)
                current = parents.get(current)
    if "name" not in errors and "parent" not in errors:
        siblings = Department.objects.filter(workspace_id=ws_id, parent=parent, name__iexact=name)
        if department is not None and department.pk is not None:
            siblings = siblings.exclude(pk=department.pk)
        if siblings.exists():
            errors["name"] = _("There is already a department called “%(name)s” here.") % {
                "name": name
            }
    if not 1 <= colour <= DEPARTMENT_COLOURS:
        errors["colour"] = _("Choose one of the %(n)s colours.") % {"n": DEPARTMENT_COLOURS}
    return errors


def _next_position(workspace_id: int, parent: Department | None) -> int:
    top = Department.objects.filter(workspace_id=workspace_id, parent=parent).aggregate(
        top=Max("position")
    )["top"]
    return 0 if top is None else top + 1


@transaction.atomic
def department_create(
    *, actor: Membership, name: str, parent: Department | None = None, colour: int | None = None,
    request: HttpRequest | None = None,
) -> Department:  # fmt: skip
    require(actor, "org.manage")
    name = name.strip()
    if colour is None:
        count = Department.objects.filter(workspace_id=actor.workspace_id).count()
        colour = count % DEPARTMENT_COLOURS + 1
    errors = _check_department(actor, department=None, name=name, parent=parent, colour=colour)
    if errors:
        raise ValidationError(errors)
    department = Department.objects.create(
        workspace=actor.workspace, name=name, parent=parent, colour=colour,
        position=_next_position(actor.workspace_id, parent),
    )  # fmt: skip
    _audit(actor, "department.created", department, request, name=name)
    return department


@transaction.atomic
def department_update(
    *, actor: Membership, department: Department, name: str, parent: Department | None,
    colour: int, request: HttpRequest | None = None,
) -> Department:  # fmt: skip
    """Rename, move under another department, or recolour."""
    require(actor, "org.manage")
    _same_workspace(actor, department)
    name = name.strip()
    errors = _check_department(
        actor, department=department, name=name, parent=parent, colour=colour
    )
    if errors:
        raise ValidationError(errors)
    old_name, old_parent = department.name, department.parent_id
    fields = ["name", "parent", "colour", "updated_at"]
    if (parent.pk if parent else None) != old_parent:
        department.position = _next_position(actor.workspace_id, parent)
        fields.append("position")
    department.name, department.parent, department.colour = name, parent, colour
    department.save(update_fields=fields)
    _audit(actor, "department.updated", department, request, old_name=old_name, name=name)
    return department


@transaction.atomic
def department_move(
    *, actor: Membership, department: Department, direction: str,
    request: HttpRequest | None = None,
) -> Department:  # fmt: skip
    """Move one place up or down among its siblings (no-op at either end)."""
    require(actor, "org.manage")
    _same_workspace(actor, department)
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": _("Move a department up or down.")})
    siblings = list(
        Department.objects.filter(
            workspace_id=actor.workspace_id, parent_id=department.parent_id
        ).order_by("position", "name", "id")
    )
    index = next(i for i, d in enumerate(siblings) if d.pk == department.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings):
            sibling.position = position
        Department.objects.bulk_update(siblings, ["position"])
        _audit(actor, "department.moved", department, request, direction=direction)
    department.refresh_from_db(fields=["position"])
    return department


@transaction.atomic
def department_delete(
    *, actor: Membership, department: Department, request: HttpRequest | None = None
) -> None:
    """Delete an empty department; one with seats or sub-departments is refused."""
    require(actor, "org.manage")
    _same_workspace(actor, department)
    problems = []
    if Seat.objects.filter(workspace_id=actor.workspace_id, department=department).exists():
        problems.append(
            _("“%(name)s” still has seats. Move them to another department or delete them first.")
            % {"name": department.name}
        )
    if Department.objects.filter(workspace_id=actor.workspace_id, parent=department).exists():
        problems.append(
            _("“%(name)s” still has sub-departments. Move or delete them first.")
            % {"name": department.name}
        )
    if problems:
        raise ValidationError(problems)
    _audit(actor, "department.deleted", department, request, name=department.name)
    department.delete()


@transaction.atomic
def department_template_apply(
    *, actor: Membership, request: HttpRequest | None = None
) -> list[Department]:
    """Add the e-commerce departments, named in the workspace's language.

    Names the workspace already has at the top level are skipped, so applying twice adds
    nothing. Returns the departments created.
    """
    require(actor, "org.manage")
    workspace = actor.workspace
    with translation.override(workspace.language):
        wanted = [(str(name), colour) for _key, name, colour in ECOMMERCE_DEPARTMENTS]
    existing = {
        n.lower()
        for n in Department.objects.filter(workspace=workspace, parent__isnull=True).values_list(
            "name", flat=True
        )
    }
    position = _next_position(workspace.pk, None)
    created = []
    for name, colour in wanted:
        if name.lower() in existing:
            continue
        created.append(
            Department.objects.create(
                workspace=workspace, name=name, colour=colour, position=position
            )
        )
        position += 1
    if created:
        _audit(actor, "department.template_applied", None, request,
               names=[d.name for d in created])  # fmt: skip
    return created


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
    elif len(title) > 120:
        errors["title"] = _("Use at most 120 characters.")

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

    if len(data["placeholder_name"]) > 80:
        errors["placeholder_name"] = _("Use at most 80 characters.")

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
    planned_for: datetime.date | None = None, request: HttpRequest | None = None,
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
    _audit(actor, "seat.created", seat, request, status=seat.status, member_id=seat.holder_id)
    return seat


@transaction.atomic
def seat_update(
    *, actor: Membership, seat: Seat, title: str, department: Department | None,
    reports_to: Seat | None, purpose: str, responsibilities: Sequence[str],
    employment_type: str, fte: Any, cost_per_month: Any, cost_currency: str,
    holder: Membership | None, placeholder_name: str, status: str | None,
    planned_for: datetime.date | None, request: HttpRequest | None = None,
) -> Seat:  # fmt: skip
    """Change every field of a seat (the API's PATCH fills in the fields not sent).

    A change of holder is recorded in the seat's history like fill/vacate.
    """
    require(actor, "org.manage")
    _same_workspace(actor, seat)
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
    _audit(actor, "seat.updated", seat, request, status=seat.status, member_id=seat.holder_id)
    return seat


@transaction.atomic
def seat_delete(*, actor: Membership, seat: Seat, request: HttpRequest | None = None) -> None:
    """Delete a seat nobody reports to; its history and responsibilities go with it."""
    require(actor, "org.manage")
    _same_workspace(actor, seat)
    if Seat.objects.filter(workspace_id=actor.workspace_id, reports_to=seat).exists():
        raise ValidationError(
            _("Seats report to “%(title)s”. Make them report to another seat first.")
            % {"title": seat.title}
        )
    _audit(actor, "seat.deleted", seat, request, title=seat.title)
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
    *, actor: Membership, seat: Seat, membership: Membership, request: HttpRequest | None = None
) -> Seat:
    """Put `membership` into the seat: the placeholder goes, the history gets a new row.

    Everything the seat owns resolves to the new holder at once (keel.org.resolution);
    nothing is copied. A seat held by someone else must be vacated first (one holder).
    """
    require(actor, "org.manage")
    _same_workspace(actor, seat)
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
    _audit(actor, "seat.filled", seat, request, member_id=membership.pk,
           replaced_placeholder=previous)  # fmt: skip
    return seat


def _vacate(
    actor: Membership, seat: Seat, placeholder_name: str, request: HttpRequest | None
) -> Seat:
    former = seat.holder_id
    seat.holder = None
    seat.status = SeatStatus.OPEN
    seat.placeholder_name = placeholder_name.strip()[:80]
    seat.planned_for = None
    seat.save(update_fields=["holder", "status", "placeholder_name", "planned_for", "updated_at"])
    _open_holding(seat)
    _audit(actor, "seat.vacated", seat, request, member_id=former)
    return seat


@transaction.atomic
def seat_vacate(
    *, actor: Membership, seat: Seat, placeholder_name: str = "",
    request: HttpRequest | None = None,
) -> Seat:  # fmt: skip
    """Empty the seat (status open). Its work resolves to the seat above until it is filled."""
    require(actor, "org.manage")
    _same_workspace(actor, seat)
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    if seat.holder_id is None:
        raise ValidationError(_("Nobody holds this seat: there is nothing to vacate."))
    if len(placeholder_name.strip()) > 80:
        raise ValidationError({"placeholder_name": _("Use at most 80 characters.")})
    return _vacate(actor, seat, placeholder_name, request)


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
