"""Milestones and their KPIs: the KPI picker and each milestone's KPI progress for its year.

Progress is computed for a whole list in one query (kpis.selectors.progress) and set on each
milestone as `kpi_progress` (None without a KPI), so the vision page and the API read it
without a query per milestone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Q, QuerySet

from keel.core.models import Workspace
from keel.goals.models import Milestone
from keel.kpis.models import Kpi
from keel.kpis.selectors.progress import YearProgress, year_progress

PROGRESS_ATTR = "kpi_progress"


def kpis_for_picker(*, workspace: Workspace, keep: int | None = None) -> QuerySet[Kpi]:
    """The workspace's active KPIs (and `keep`, a milestone's archived KPI, so editing the
    milestone does not drop it), company KPIs first, then by team."""
    return (
        Kpi.objects.in_workspace(workspace)
        .filter(Q(archived_at__isnull=True) | Q(pk=keep or 0))
        .select_related("department")
        .order_by("department__name", "position", "id")
    )


def attach_kpi_progress(
    milestones: Iterable[Milestone], *, workspace: Workspace, today: date
) -> None:
    """Set `kpi_progress` on each milestone: its KPI over the milestone's year (one query).
    The milestones come with `kpi` loaded (milestones_qs selects it)."""
    found = [m for m in milestones]
    progress = year_progress(
        workspace=workspace,
        wanted=[(m.kpi, m.year) for m in found if m.kpi is not None],
        today=today,
    )
    for milestone in found:
        value: YearProgress | None = None
        if milestone.kpi_id is not None:
            value = progress.get((milestone.kpi_id, milestone.year))
        setattr(milestone, PROGRESS_ATTR, value)


def progress_of(milestone: Milestone) -> YearProgress | None:
    return getattr(milestone, PROGRESS_ATTR, None)
