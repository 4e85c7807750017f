"""The benchmark's KPIs (`make bench`; DESIGN.md's large data set: 200 KPIs × 60 months):
spread over the departments, owned by the chart's seats, with a target and a value in every
month up to this one. Written with bulk_create (the services would take minutes); idempotent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from keel.core.models import Workspace
from keel.kpis.figures import add_months, month_start
from keel.kpis.models import Aggregation, Direction, Kpi, KpiMonth, Unit, ValueSource
from keel.org.models import Department, Seat

KPIS = 200
MONTHS = 60
NAME_PREFIX = "Bench KPI"
UNITS = [Unit.MONEY, Unit.COUNT, Unit.PERCENT, Unit.DURATION]


@dataclass(frozen=True)
class LargeKpis:
    kpis: int
    months: int


def seed_kpis_large(workspace: Workspace) -> LargeKpis:
    existing = Kpi.objects.in_workspace(workspace).filter(name__startswith=NAME_PREFIX)
    if existing.exists():
        return LargeKpis(existing.count(), KpiMonth.objects.filter(kpi__in=existing).count())
    rng = random.Random(16)  # noqa: S311 - bench data, not security
    departments = [None, *Department.objects.in_workspace(workspace).order_by("pk")]
    seats: list[Seat | None] = [*Seat.objects.in_workspace(workspace).order_by("pk")[:50]] or [None]
    kpis = []
    for n in range(KPIS):
        unit = UNITS[n % len(UNITS)]
        kpis.append(Kpi(
            workspace=workspace, name=f"{NAME_PREFIX} {n + 1:03d}", unit=unit,
            currency=workspace.currency if unit == Unit.MONEY else "",
            direction=Direction.LOWER if n % 5 == 0 else Direction.HIGHER,
            aggregation=Aggregation.SUM if unit in (Unit.MONEY, Unit.COUNT)
            else Aggregation.AVERAGE,
            department=departments[n % len(departments)], owner_seat=seats[n % len(seats)],
            position=1000 + n,
        ))  # fmt: skip
    Kpi.objects.bulk_create(kpis, batch_size=500)
    this_month = month_start(timezone.localdate())
    rows = []
    for kpi in Kpi.objects.in_workspace(workspace).filter(name__startswith=NAME_PREFIX):
        base = rng.uniform(10, 100_000)
        for back in range(MONTHS - 1, -1, -1):
            value = Decimal(str(round(base * rng.uniform(0.8, 1.2), 2)))
            rows.append(KpiMonth(
                workspace=workspace, kpi=kpi, month=add_months(this_month, -back),
                target=Decimal(str(round(base, 2))), value=value, source=ValueSource.IMPORT,
                comment="Promotion week" if back % 7 == 0 else "",
            ))  # fmt: skip
    KpiMonth.objects.bulk_create(rows, batch_size=2000)
    return LargeKpis(KPIS, len(rows))
