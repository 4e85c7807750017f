"""KPI jobs: compute the KPIs Keel measures itself (nightly, and when one is created), then
email last month's scorecard on the first working day of the month (and on "Send now").

Idempotent: a run writes the same figures again and changes nothing when nothing moved.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)

NIGHTLY_MONTHS = 2  # the current month and the one before (late reports, late completions)
BACKFILL_MONTHS = 24  # a new computed KPI gets two years of history at once


def compute_workspace(workspace_id: int, kpi_ids: list[int] | None = None,
                      months: int = NIGHTLY_MONTHS) -> int:  # fmt: skip
    """Compute the workspace's computed KPIs (or just `kpi_ids`) over the last `months`."""
    from datetime import timedelta

    from django.utils import timezone

    from keel.kpis.figures import add_months, month_start, week_start
    from keel.kpis.metrics import _zone, compute
    from keel.kpis.models import Kpi
    from keel.kpis.services.months import computed_save

    kpis = Kpi.objects.filter(workspace_id=workspace_id).active().exclude(metric="")
    if kpi_ids is not None:
        kpis = kpis.filter(pk__in=kpi_ids)
    changed = 0
    for kpi in kpis.select_related("workspace"):
        today = timezone.localdate(timezone=_zone(kpi.workspace))
        this_month = month_start(today)
        wanted = [add_months(this_month, -n) for n in range(months - 1, -1, -1)]
        if kpi.is_weekly:  # the weeks over the same span: from the first month's first week
            first_weekday = kpi.workspace.first_weekday
            week = week_start(wanted[0], first_weekday)
            wanted = []
            while week <= today:
                wanted.append(week)
                week += timedelta(days=7)
        changed += computed_save(kpi, compute(kpi, wanted, today))
    return changed


@task()
def compute_kpis(workspace_id: int | None = None, kpi_ids: list[int] | None = None,
                 months: int = NIGHTLY_MONTHS) -> int:  # fmt: skip
    """One workspace (or every one); returns how many KPI months changed."""
    from keel.core.models import Workspace

    ids = [workspace_id] if workspace_id else list(
        Workspace.objects.order_by("pk").values_list("pk", flat=True))  # fmt: skip
    changed = sum(compute_workspace(ws, kpi_ids, months) for ws in ids)
    if workspace_id is None and kpi_ids is None:  # the nightly run: then the monthly email
        transaction.on_commit(send_scorecards.enqueue)
    return changed


@task()
def send_scorecards(workspace_id: int | None = None) -> int:
    """After the nightly computation: last month's scorecard by email to each workspace
    whose first working day of the month has come and that has not had it yet (once per
    workspace and month: services.scorecard_mail). Returns how many members got one."""
    from keel.core.models import Workspace
    from keel.kpis.services.scorecard_mail import scorecard_send_due

    workspaces = Workspace.objects.order_by("pk")
    if workspace_id is not None:
        workspaces = workspaces.filter(pk=workspace_id)
    sent = 0
    for ws in workspaces:
        try:
            sent += scorecard_send_due(workspace=ws)
        except Exception:  # one workspace's failure (rolled back, retried tomorrow) stops no other
            logger.exception("scorecard for workspace %s failed", ws.pk)
    return sent


@task()
def send_scorecard(workspace_id: int, month: str) -> int:
    """A manager's "Send now": `month` ("2026-11") to the workspace's recipients (the
    service checked the permission and the pace, and recorded the send)."""
    from datetime import date

    from keel.core.models import Workspace
    from keel.kpis.models import ScorecardSend
    from keel.kpis.scorecard_mail import deliver

    workspace = Workspace.objects.get(pk=workspace_id)
    first = date.fromisoformat(f"{month}-01")
    sent = deliver(workspace=workspace, month=first)
    ScorecardSend.objects.filter(workspace=workspace, month=first).update(recipients=sent)
    return sent


def compute_kpis_later(*, workspace_id: int, kpi_ids: list[int]) -> None:
    """After the current transaction commits: backfill these computed KPIs."""
    transaction.on_commit(lambda: compute_kpis.enqueue(
        workspace_id=workspace_id, kpi_ids=kpi_ids, months=BACKFILL_MONTHS))  # fmt: skip
