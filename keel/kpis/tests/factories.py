"""Factories of the KPI app's own models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import factory

from keel.core.tests.factories import WorkspaceFactory
from keel.kpis.models import Aggregation, Direction, Kpi, KpiMonth, Unit


class _KpiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kpi

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"KPI {n}")
    unit = Unit.COUNT
    direction = Direction.HIGHER
    aggregation = Aggregation.SUM


class _KpiMonthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiMonth

    kpi = factory.SubFactory(_KpiFactory)
    workspace = factory.SelfAttribute("kpi.workspace")
    month = date(2026, 1, 1)
    target = Decimal(100)
    value = Decimal(90)


# Typed as Any so tests use model attributes on what the factories return (factory_boy's stubs
# type a call as the factory class), as keel/org/tests/factories.py does.
KpiFactory: Any = _KpiFactory
KpiMonthFactory: Any = _KpiMonthFactory
