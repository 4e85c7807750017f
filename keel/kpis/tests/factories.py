"""Factories of the KPI app's own models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from keel.core.tests.factories import WorkspaceFactory
from keel.kpis.models import Aggregation, Direction, Kpi, KpiMonth, Unit


class KpiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kpi

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"KPI {n}")
    unit = Unit.COUNT
    direction = Direction.HIGHER
    aggregation = Aggregation.SUM


class KpiMonthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiMonth

    kpi = factory.SubFactory(KpiFactory)
    workspace = factory.SelfAttribute("kpi.workspace")
    month = date(2026, 1, 1)
    target = Decimal(100)
    value = Decimal(90)
