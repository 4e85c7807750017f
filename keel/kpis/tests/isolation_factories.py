"""Isolation factories for the KPI pages' and API's URL kwargs (keel/core/tests/isolation.py)."""

from __future__ import annotations

from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory


def _kpi(ws: Workspace) -> Any:
    from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory

    kpi = KpiFactory(workspace=ws)
    KpiMonthFactory(kpi=kpi, workspace=ws)
    return kpi


def _weekly_kpi(ws: Workspace) -> Any:
    from datetime import date

    from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory

    kpi = KpiFactory(workspace=ws, period="weekly")
    KpiMonthFactory(kpi=kpi, workspace=ws, month=date(2026, 2, 2))  # a Monday: 2026-W06
    return kpi


def register_isolation_factories() -> None:
    register_isolation_factory("kpis.kpi", _kpi)
    register_isolation_factory("kpi_id", _kpi)
    # plain values: the KPI decides whether the page exists
    register_isolation_factory("year", lambda ws: 2026)
    register_isolation_factory("month", lambda ws: "2026-01")
    register_isolation_factory("kpi_id@kpis_weeks", _weekly_kpi)
    register_isolation_factory("week", lambda ws: "2026-W06")
