"""Isolation harness factories for the org pages and API (see keel/core/tests/isolation.py)."""

from __future__ import annotations

import uuid
from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory


def _department(ws: Workspace) -> Any:
    from keel.org.tests.factories import DepartmentFactory

    return DepartmentFactory(workspace=ws, name=f"Dept {uuid.uuid4().hex[:6]}")


def _seat(ws: Workspace) -> Any:
    """A held seat with a manager seat, a department and responsibilities: a full target."""
    from keel.core.models import Role
    from keel.core.tests.factories import MembershipFactory
    from keel.org.models import Responsibility, SeatStatus
    from keel.org.tests.factories import SeatFactory

    department = _department(ws)
    boss = SeatFactory(workspace=ws, title="Boss", department=department)
    holder: Any = MembershipFactory(workspace=ws, role=Role.MEMBER)
    seat = SeatFactory(
        workspace=ws, title="Buyer", department=department, reports_to=boss, holder=holder,
        status=SeatStatus.FILLED,
    )  # fmt: skip
    Responsibility.objects.create(workspace=ws, seat=seat, text="Buy")
    return seat


def register_isolation_factories() -> None:
    register_isolation_factory("org.department", _department)
    register_isolation_factory("org.seat", _seat)
    for name in ("org_department_edit", "org_department_move", "org_department_delete"):
        register_isolation_factory(f"pk@{name}", _department)
    for name in ("org_seat", "org_seat_edit", "org_seat_fill", "org_seat_vacate",
                 "org_seat_delete"):  # fmt: skip
        register_isolation_factory(f"pk@{name}", _seat)
