"""factory_boy factories for the org chart: departments and seats (open, filled or planned).

They write rows directly (no holding history, no audit): fast fixtures. A seat made through
the org services also gets its SeatHolding; `make_seat` in conftest.py adds one.
"""

from __future__ import annotations

import datetime
from typing import Any

import factory

from keel.core.tests.factories import WorkspaceFactory
from keel.org.models import Department, Seat, SeatStatus

THIS_YEAR = datetime.date.today().year  # noqa: DTZ011 - only a default; tests pin their years


class _DepartmentFactory(factory.django.DjangoModelFactory[Department]):
    class Meta:
        model = Department

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Department {n}")


class _SeatFactory(factory.django.DjangoModelFactory[Seat]):
    class Meta:
        model = Seat

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Seat {n}")
    status = SeatStatus.OPEN


class _PlannedSeatFactory(_SeatFactory):
    status = SeatStatus.PLANNED
    placeholder_name = "Alex — to hire"
    planned_for = datetime.date(THIS_YEAR + 1, 7, 1)


# Typed as Any so tests can use model attributes on what the factories return (factory_boy's
# stubs type a call as the factory class, not the model instance).
DepartmentFactory: Any = _DepartmentFactory
SeatFactory: Any = _SeatFactory
PlannedSeatFactory: Any = _PlannedSeatFactory
