"""Fixtures for the org tests: departments and seats made directly (fast, no audit)."""

from __future__ import annotations

import pytest

from keel.core.models import Membership
from keel.org.models import Department, Seat, SeatHolding, SeatStatus
from keel.org.tests.factories import DepartmentFactory, SeatFactory


def make_seat_in(workspace, title: str = "Seat", **fields) -> Seat:
    holder = fields.get("holder")
    fields.setdefault("status", SeatStatus.FILLED if holder else SeatStatus.OPEN)
    seat: Seat = SeatFactory(workspace=workspace, title=title, **fields)
    SeatHolding.objects.create(
        workspace=workspace, seat=seat, holder=holder, placeholder_name=seat.placeholder_name,
        started_at=seat.created_at,
    )  # fmt: skip
    return seat


@pytest.fixture
def make_department(workspace):
    def _make(name: str = "Marketing", parent: Department | None = None, **fields) -> Department:
        department: Department = DepartmentFactory(
            workspace=workspace, name=name, parent=parent, **fields
        )
        return department

    return _make


@pytest.fixture
def make_seat(workspace):
    """`make_seat("Title", holder=m, reports_to=s, ...)`: a seat of `workspace`."""

    def _make(title: str = "Seat", holder: Membership | None = None, **fields) -> Seat:
        return make_seat_in(workspace, title, holder=holder, **fields)

    return _make
