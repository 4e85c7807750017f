"""Reads for the org pages: departments in tree order, seats by department, one seat's page.

Every query starts from the workspace; access helpers raise 404 for other workspaces' ids.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from keel.core.models import Membership, Workspace
from keel.org.models import Department, Responsibility, Seat, SeatHolding, SeatStatus

# The seed's trap: the owner in every box. A member holding MORE than this many seats gets an
# "overloaded" warning on the seat list and the chart. Three: a founder can reasonably run the
# company, sales and one more function for a while; a fourth box means work is not delegated.
OVERLOAD_SEATS = 3


def is_overloaded(seat_count: int) -> bool:
    return seat_count > OVERLOAD_SEATS


# --- Access helpers --------------------------------------------------------------------------


def get_department_for(actor: Membership, pk: int | str) -> Department:
    department = (
        Department.objects.in_workspace(actor.workspace)
        .select_related("parent", "workspace")
        .filter(pk=pk)
        .first()
    )
    if department is None:
        raise Http404
    return department


def get_seat_for(actor: Membership, pk: int | str) -> Seat:
    seat = (
        Seat.objects.in_workspace(actor.workspace)
        .select_related("department", "reports_to__holder__user", "holder__user", "workspace")
        .filter(pk=pk)
        .first()
    )
    if seat is None:
        raise Http404
    return seat


# --- Departments -----------------------------------------------------------------------------


@dataclass
class DepartmentRow:
    department: Department
    depth: int
    seat_count: int
    is_first: bool  # among its siblings (no "move up")
    is_last: bool


def departments_tree(*, workspace: Workspace) -> list[DepartmentRow]:
    """Every department in tree order (parents before children, siblings by position).

    One query; nesting is resolved in Python.
    """
    departments = list(
        Department.objects.in_workspace(workspace)
        .annotate(seat_count=Count("seats"))
        .order_by("position", "name", "id")
    )
    children: dict[int | None, list[Department]] = defaultdict(list)
    for department in departments:
        children[department.parent_id].append(department)
    rows: list[DepartmentRow] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        siblings = children.get(parent, [])
        for i, department in enumerate(siblings):
            if department.pk in seen:
                continue
            seen.add(department.pk)
            count = department.seat_count  # type: ignore[attr-defined]
            rows.append(DepartmentRow(department, depth, count, i == 0, i == len(siblings) - 1))
            walk(department.pk, depth + 1)

    walk(None, 0)
    return rows


def department_choices(*, workspace: Workspace) -> list[tuple[int, str]]:
    """(id, indented name) in tree order, for selects."""
    return [
        (row.department.pk, "— " * row.depth + row.department.name)
        for row in departments_tree(workspace=workspace)
    ]


# --- Seats -----------------------------------------------------------------------------------


def holder_seat_counts(*, workspace: Workspace) -> Counter[int]:
    """membership id → number of seats held (filled seats), one query."""
    held = Seat.objects.in_workspace(workspace).filter(holder__isnull=False)
    return Counter(held.values_list("holder_id", flat=True))


@dataclass
class SeatGroup:
    department: Department | None
    depth: int
    seats: list[Seat] = field(default_factory=list)


def seats_by_department(*, workspace: Workspace, status: str = "") -> list[SeatGroup]:
    """Seats grouped by department in tree order (seats without one last), two queries.

    Each seat gets `holder_seat_count` and `overloaded` attributes for the badges.
    """
    seats = list(
        Seat.objects.in_workspace(workspace)
        .select_related("holder__user", "reports_to")
        .order_by("position", "id")
    )
    counts = Counter(s.holder_id for s in seats if s.holder_id is not None)
    by_department: dict[int | None, list[Seat]] = defaultdict(list)
    for seat in seats:
        seat.holder_seat_count = counts.get(seat.holder_id, 0) if seat.holder_id else 0  # type: ignore[attr-defined]
        seat.overloaded = is_overloaded(seat.holder_seat_count)  # type: ignore[attr-defined]
        if not status or seat.status == status:
            by_department[seat.department_id].append(seat)
    groups = [
        SeatGroup(row.department, row.depth, by_department.get(row.department.pk, []))
        for row in departments_tree(workspace=workspace)
    ]
    if by_department.get(None):
        groups.append(SeatGroup(None, 0, by_department[None]))
    return groups


def overloaded_members(*, workspace: Workspace) -> list[tuple[Membership, int]]:
    """Members holding more than OVERLOAD_SEATS seats, with their count."""
    counts = holder_seat_counts(workspace=workspace)
    ids = [pk for pk, n in counts.items() if is_overloaded(n)]
    members = Membership.objects.in_workspace(workspace).filter(pk__in=ids).select_related("user")
    return sorted(((m, counts[m.pk]) for m in members), key=lambda p: -p[1])


def seat_choices(*, workspace: Workspace, exclude: Seat | None = None) -> QuerySet[Seat]:
    seats = Seat.objects.in_workspace(workspace).select_related("holder__user")
    if exclude is not None and exclude.pk is not None:
        seats = seats.exclude(pk=exclude.pk)
    return seats.order_by("title", "id")


def member_choices(*, workspace: Workspace) -> QuerySet[Membership]:
    """Active members who may hold a seat."""
    members = Membership.objects.active().in_workspace(workspace).select_related("user")
    return members.order_by("user__full_name", "user__email")


@dataclass(frozen=True)
class HistoryRow:
    """One period of a seat's history: a person held it, or it was vacant (holder None).

    A placeholder name ("Alex — to hire") stands in for nobody, so its periods are vacancies
    like any other; back-to-back vacant periods (a placeholder renamed) read as one gap.
    """

    holder: Membership | None
    started_at: dt.datetime
    ended_at: dt.datetime | None

    @property
    def vacant(self) -> bool:
        return self.holder is None


def history_rows(holdings: list[SeatHolding]) -> list[HistoryRow]:
    """The seat's history newest first, with adjacent vacancies merged into one gap."""
    rows: list[HistoryRow] = []
    for holding in holdings:  # newest first
        previous = rows[-1] if rows else None
        if holding.holder is None and previous is not None and previous.vacant:
            rows[-1] = HistoryRow(None, holding.started_at, previous.ended_at)
        else:
            rows.append(HistoryRow(holding.holder, holding.started_at, holding.ended_at))
    return rows


@dataclass
class SeatPage:
    seat: Seat
    responsibilities: list[Responsibility]
    direct_reports: list[Seat]
    history: list[HistoryRow]
    holder_seat_count: int
    extra: dict[str, Any] = field(default_factory=dict)


def seat_page(*, seat: Seat) -> SeatPage:
    """What the seat page shows besides the seat (four queries)."""
    workspace_id = seat.workspace_id
    reports = list(
        Seat.objects.filter(workspace_id=workspace_id, reports_to=seat)
        .select_related("holder__user", "department")
        .order_by("position", "id")
    )
    history = list(
        SeatHolding.objects.filter(workspace_id=workspace_id, seat=seat)
        .select_related("holder__user")
        .order_by("-started_at", "-id")[:50]
    )
    count = 0
    if seat.holder_id is not None:
        count = Seat.objects.filter(workspace_id=workspace_id, holder_id=seat.holder_id).count()
    return SeatPage(
        seat=seat,
        responsibilities=list(
            Responsibility.objects.filter(workspace_id=workspace_id, seat=seat).order_by(
                "position", "id"
            )
        ),
        direct_reports=reports,
        history=history_rows(history),
        holder_seat_count=count,
    )


def seats_list(
    *, workspace: Workspace, status: str = "", department_id: int | None = None
) -> QuerySet[Seat]:
    """Seats for the API, with responsibilities prefetched (two queries a page)."""
    seats = (
        Seat.objects.in_workspace(workspace)
        .select_related("holder__user")
        .prefetch_related(
            Prefetch("responsibilities", queryset=Responsibility.objects.order_by("position", "id"))
        )
    )
    if status in SeatStatus.values:
        seats = seats.filter(status=status)
    if department_id is not None:
        seats = seats.filter(department_id=department_id)
    return seats
