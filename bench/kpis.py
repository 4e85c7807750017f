"""KPI benchmark on the large data set (keel.kpis.large: 200 KPIs × 60 months): the monthly
scorecard (every team, and one team), a KPI's page with its trend chart, and its year grid,
as the owner.

Goal (issue 16): bounded queries and p95 ≤ 50 ms for the scorecard and trend pages.

    .venv/bin/python -m bench.run --only kpis      # just this part, both databases
"""

from __future__ import annotations

from typing import Any

from bench.feedback import _time
from bench.settle import settle

GOAL_P95_MS = 50.0


def measure_kpis(workspace: Any, client: Any, *, requests: int, warmup: int) -> list[dict]:
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone

    from keel.core.serving import freeze_startup_heap
    from keel.kpis.large import NAME_PREFIX, seed_kpis_large
    from keel.kpis.models import Kpi

    data = seed_kpis_large(workspace)  # built by the seeding child; here it only checks
    settle(connection)
    kpi = Kpi.objects.in_workspace(workspace).filter(name__startswith=NAME_PREFIX,
                                                     department__isnull=False).first()  # fmt: skip
    if kpi is None:
        return [{"page": "kpis", "url": "-", "error": "no bench data"}]
    ws = workspace.slug
    year = timezone.localdate().year
    pages = [
        ("scorecard", reverse("kpis_scorecard", kwargs={"ws": ws}), f"{data.kpis} KPIs"),
        ("scorecard team", reverse("kpis_scorecard", kwargs={"ws": ws})
         + f"?team={kpi.department_id}", "one team"),
        ("KPI trend", reverse("kpis_detail", kwargs={"ws": ws, "kpi_id": kpi.pk}),
         "24 months, chart"),
        ("KPI year grid", reverse("kpis_year", kwargs={"ws": ws, "kpi_id": kpi.pk, "year": year}),
         "12 months, 36 inputs"),
    ]  # fmt: skip
    freeze_startup_heap()  # as `keel serve` does in each worker
    rows = []
    for label, url, note in pages:
        row = _time(client, url, requests, warmup)
        verdict = "ok" if row["p95"] <= GOAL_P95_MS else "SLOW"
        rows.append({"page": label, "url": url, "members": data.months,
                     "note": f"{note} [{verdict}]", **row})  # fmt: skip
    return rows
