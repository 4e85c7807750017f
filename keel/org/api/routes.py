"""API routes for departments and seats, with fill and vacate.

Thin like the pages: resolve the caller's membership from the URL, turn ids into objects of
that workspace, call one service (which checks `org.manage`, validates and audits), return a
schema. Service errors keep the API's field names (`reports_to_id`, `holder_id`, …).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
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
from keel.org import selectors, services
from keel.org.api.schemas import (
    DepartmentIn,
    DepartmentOut,
    DepartmentPatchIn,
    SeatFillIn,
    SeatIn,
    SeatOut,
    SeatPatchIn,
    SeatVacateIn,
)
from keel.org.models import Department, Seat, SeatStatus

router = Router(tags=["org"])

WS = "/workspaces/{slug}"

# Service field → API field, so a 422 points at what the client sent.
_API_FIELDS = {
    "department": "department_id",
    "reports_to": "reports_to_id",
    "holder": "holder_id",
    "member": "member_id",
    "parent": "parent_id",
}


@contextmanager
def _api_field_names() -> Iterator[None]:
    """Rename a service ValidationError's fields to the API's (`holder` → `holder_id`)."""
    try:
        yield
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        raise ValidationError(
            {_API_FIELDS.get(name, name): errors for name, errors in exc.error_dict.items()}
        ) from exc


def _lookup(
    queryset: QuerySet[Any], membership: Membership, pk: int | None, field: str, message: str
) -> Any:
    """The object `pk` of the caller's workspace, None for None, else a 422 on `field`."""
    if pk is None:
        return None
    found: Model | None = queryset.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if found is None:
        raise ValidationError({field: ValidationError(message, code="unknown")})
    return found


def _department(membership: Membership, pk: int | None, field: str = "department_id") -> Any:
    return _lookup(
        Department.objects.all(), membership, pk, field,
        _("Not a department of this workspace."),
    )  # fmt: skip


def _seat_ref(membership: Membership, pk: int | None) -> Any:
    return _lookup(
        Seat.objects.all(), membership, pk, "reports_to_id", _("Not a seat of this workspace.")
    )


def _member(membership: Membership, pk: int | None, field: str = "holder_id") -> Any:
    # Offboarded members are found, so the service can say they have left.
    members = Membership.objects.select_related("user")
    return _lookup(members, membership, pk, field, _("Not a member of this workspace."))


def _seat_out(membership: Membership, pk: int) -> Seat:
    return get_in_workspace(selectors.seats_list(workspace=membership.workspace), membership, pk)


# --- Departments -----------------------------------------------------------------------------


@router.get(f"{WS}/departments", response={200: page_schema(DepartmentOut), **ERROR_RESPONSES})
def department_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[Department]:
    """Departments ordered by `position` (order among siblings; nest them with `parent_id`)."""
    membership = workspace_membership(request, slug)
    require(membership, "org.view")
    departments = Department.objects.in_workspace(membership.workspace)
    return paginate(departments, params, order_by="position")


@router.post(f"{WS}/departments", response={201: DepartmentOut, **ERROR_RESPONSES})
def department_create(request: HttpRequest, slug: str, payload: DepartmentIn) -> Status[Department]:
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    parent = _department(membership, payload.parent_id, "parent_id")
    with _api_field_names():
        department = services.department_create(
            actor=membership, name=payload.name, parent=parent, colour=payload.colour,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return Status(201, department)


@router.get(f"{WS}/departments/{{department_id}}", response={200: DepartmentOut, **ERROR_RESPONSES})
def department_detail(request: HttpRequest, slug: str, department_id: int) -> Department:
    membership = workspace_membership(request, slug)
    require(membership, "org.view")
    return get_in_workspace(Department.objects.all(), membership, department_id)


@router.patch(
    f"{WS}/departments/{{department_id}}", response={200: DepartmentOut, **ERROR_RESPONSES}
)
def department_update(
    request: HttpRequest, slug: str, department_id: int, payload: DepartmentPatchIn
) -> Department:
    """Rename, move under another department (`parent_id`) or recolour."""
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    department = get_in_workspace(Department.objects.all(), membership, department_id)
    sent = payload.model_fields_set
    parent = (
        _department(membership, payload.parent_id, "parent_id")
        if "parent_id" in sent
        else department.parent
    )
    with _api_field_names():
        department = services.department_update(
            actor=membership,
            department=department,
            name=payload.name if payload.name is not None else department.name,
            parent=parent,
            colour=payload.colour if payload.colour is not None else department.colour,
            context=AuditContext.from_request(request),
        )
    return department


@router.delete(f"{WS}/departments/{{department_id}}", response={204: None, **ERROR_RESPONSES})
def department_delete(request: HttpRequest, slug: str, department_id: int) -> Status[None]:
    """Only an empty department (no seats, no sub-departments) can be deleted: else 422."""
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    department = get_in_workspace(Department.objects.all(), membership, department_id)
    services.department_delete(
        actor=membership, department=department, context=AuditContext.from_request(request)
    )
    return Status(204, None)


# --- Seats ----------------------------------------------------------------------------------


@router.get(f"{WS}/seats", response={200: page_schema(SeatOut), **ERROR_RESPONSES})
def seat_list(
    request: HttpRequest,
    slug: str,
    params: Query[PageParams],
    status: SeatStatus | None = None,
    department: Id | None = None,
) -> Page[Seat]:
    """Seats by id; filter by `status` (filled, open, planned) and `department` (an id)."""
    membership = workspace_membership(request, slug)
    require(membership, "org.view")
    seats = selectors.seats_list(
        workspace=membership.workspace,
        status=status.value if status else "",
        department_id=department,
    )
    return paginate(seats, params, order_by="id")


@router.post(f"{WS}/seats", response={201: SeatOut, **ERROR_RESPONSES})
def seat_create(request: HttpRequest, slug: str, payload: SeatIn) -> Status[Seat]:
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    with _api_field_names():
        seat = services.seat_create(
            actor=membership,
            title=payload.title,
            department=_department(membership, payload.department_id),
            reports_to=_seat_ref(membership, payload.reports_to_id),
            purpose=payload.purpose,
            responsibilities=payload.responsibilities,
            employment_type=payload.employment_type.value,
            fte=payload.fte,
            cost_per_month=payload.cost_per_month,
            cost_currency=payload.cost_currency,
            holder=_member(membership, payload.holder_id),
            placeholder_name=payload.placeholder_name,
            status=payload.status.value if payload.status else None,
            planned_for=payload.planned_for,
            context=AuditContext.from_request(request),
        )
    return Status(201, _seat_out(membership, seat.pk))


@router.get(f"{WS}/seats/{{seat_id}}", response={200: SeatOut, **ERROR_RESPONSES})
def seat_detail(request: HttpRequest, slug: str, seat_id: int) -> Seat:
    membership = workspace_membership(request, slug)
    require(membership, "org.view")
    return _seat_out(membership, seat_id)


@router.patch(f"{WS}/seats/{{seat_id}}", response={200: SeatOut, **ERROR_RESPONSES})
def seat_update(request: HttpRequest, slug: str, seat_id: int, payload: SeatPatchIn) -> Seat:
    """Change the fields sent. To change who holds a seat, prefer /fill and /vacate."""
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    seat = _seat_out(membership, seat_id)
    sent = payload.model_fields_set

    def keep(name: str, current: Any) -> Any:
        value = getattr(payload, name)
        return current if value is None else value

    def nullable(name: str, current: Any) -> Any:
        return getattr(payload, name) if name in sent else current

    with _api_field_names():
        services.seat_update(
            actor=membership,
            seat=seat,
            title=keep("title", seat.title),
            department=_department(membership, payload.department_id)
            if "department_id" in sent
            else seat.department,
            reports_to=_seat_ref(membership, payload.reports_to_id)
            if "reports_to_id" in sent
            else seat.reports_to,
            purpose=keep("purpose", seat.purpose),
            responsibilities=keep(
                "responsibilities", [r.text for r in seat.responsibilities.all()]
            ),
            employment_type=keep("employment_type", seat.employment_type),
            fte=keep("fte", seat.fte),
            cost_per_month=nullable("cost_per_month", seat.cost_per_month),
            cost_currency=keep("cost_currency", seat.cost_currency),
            holder=_member(membership, payload.holder_id) if "holder_id" in sent else seat.holder,
            placeholder_name=keep("placeholder_name", seat.placeholder_name),
            status=keep("status", seat.status),
            planned_for=nullable("planned_for", seat.planned_for),
            context=AuditContext.from_request(request),
        )
    return _seat_out(membership, seat.pk)


@router.delete(f"{WS}/seats/{{seat_id}}", response={204: None, **ERROR_RESPONSES})
def seat_delete(request: HttpRequest, slug: str, seat_id: int) -> Status[None]:
    """A seat other seats report to cannot be deleted: 422."""
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    seat = get_in_workspace(Seat.objects.all(), membership, seat_id)
    services.seat_delete(actor=membership, seat=seat, context=AuditContext.from_request(request))
    return Status(204, None)


@router.post(f"{WS}/seats/{{seat_id}}/fill", response={200: SeatOut, **ERROR_RESPONSES})
def seat_fill(request: HttpRequest, slug: str, seat_id: int, payload: SeatFillIn) -> Seat:
    """Put a member into an empty seat; a seat held by someone else is a 422 (vacate first)."""
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    seat = get_in_workspace(Seat.objects.all(), membership, seat_id)
    member = _member(membership, payload.member_id, "member_id")
    with _api_field_names():
        services.seat_fill(
            actor=membership,
            seat=seat,
            membership=member,
            context=AuditContext.from_request(request),
        )
    return _seat_out(membership, seat.pk)


@router.post(f"{WS}/seats/{{seat_id}}/vacate", response={200: SeatOut, **ERROR_RESPONSES})
def seat_vacate(request: HttpRequest, slug: str, seat_id: int, payload: SeatVacateIn) -> Seat:
    """Empty the seat (status open); its work resolves to the seat above until filled."""
    membership = workspace_membership(request, slug)
    require(membership, "org.manage")
    seat = get_in_workspace(Seat.objects.all(), membership, seat_id)
    with _api_field_names():
        services.seat_vacate(
            actor=membership, seat=seat, placeholder_name=payload.placeholder_name,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return _seat_out(membership, seat.pk)
