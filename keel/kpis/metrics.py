"""KPIs computed from Keel itself, per month, over a KPI's team: the active members holding a
seat in its department (its people), or everyone for a company KPI.

- tasks on time: of the tasks due in the month (up to today), the share done by their due
  day (in the workspace's time zone);
- tasks overdue: at the month's end (today, for the current month), tasks due before that
  day and not done by then;
- report participation: of the reports due in the month (up to now), the share written;
- average mood: the mood scores of the month's reports.

A weekly KPI gets the same figures per week (its seven days in place of the month's).
Each figure is one aggregate query; the job (keel/kpis/jobs.py) runs them for the current
and previous month every night and for two years when a computed KPI is created.
"""

from __future__ import annotations

import calendar
import zoneinfo
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, QuerySet

from keel.core.models import Membership, Workspace
from keel.feedback.models import Report
from keel.kpis.models import Kpi, Metric
from keel.org.models import Seat
from keel.tasks.models import Status, Task
from keel.vault.models import Rotation

TWO = Decimal("0.01")


def team_of(kpi: Kpi) -> list[int] | None:
    """The ids of the KPI's people, None for everyone (a company KPI)."""
    if kpi.department_id is None:
        return None
    held = Seat.objects.in_workspace(kpi.workspace).filter(
        department_id=kpi.department_id, holder__isnull=False
    )
    return list(
        Membership.objects.in_workspace(kpi.workspace).active()
        .filter(pk__in=held.values("holder_id")).values_list("pk", flat=True)
    )  # fmt: skip


def _zone(workspace: Workspace) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(TWO, rounding=ROUND_HALF_UP)


def _tasks(workspace: Workspace, people: list[int] | None) -> QuerySet[Task]:
    tasks = Task.objects.in_workspace(workspace).filter(parent__isnull=True)
    return tasks if people is None else tasks.filter(assignee_id__in=people)


def _end_of_day(day: date, zone: zoneinfo.ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def tasks_on_time(workspace: Workspace, people: list[int] | None, month: date,
                  today: date, end: date | None = None) -> Decimal | None:  # fmt: skip
    last = min(end or _month_end(month), today)
    if last < month:
        return None
    zone = _zone(workspace)
    due = _tasks(workspace, people).filter(due_date__gte=month, due_date__lte=last)
    # done by the end of its due day: completed_at before the next midnight, local time
    rows = due.values_list("due_date", "status", "completed_at")
    total = on_time = 0
    for due_date, status, completed_at in rows.iterator(chunk_size=2000):
        total += 1
        if status == Status.DONE and completed_at is not None and due_date is not None \
                and completed_at < _end_of_day(due_date, zone):  # fmt: skip
            on_time += 1
    return _share(on_time, total)


def tasks_overdue(workspace: Workspace, people: list[int] | None, month: date,
                  today: date, end: date | None = None) -> Decimal | None:  # fmt: skip
    day = min(end or _month_end(month), today)
    if day < month:
        return None
    moment = _end_of_day(day, _zone(workspace))
    late = (
        _tasks(workspace, people)
        .filter(due_date__lt=day)
        .filter(Q(completed_at__isnull=True) | Q(completed_at__gte=moment))
        .exclude(status=Status.DONE, completed_at__isnull=True)
    )
    return Decimal(late.count())


def _reports(workspace: Workspace, people: list[int] | None) -> QuerySet[Report]:
    reports = Report.objects.in_workspace(workspace)
    return reports if people is None else reports.filter(author_id__in=people)


def report_participation(workspace: Workspace, people: list[int] | None, month: date,
                         today: date, end: date | None = None) -> Decimal | None:  # fmt: skip
    zone = _zone(workspace)
    start = datetime.combine(month, time.min, tzinfo=zone)
    until = min(_end_of_day(end or _month_end(month), zone), _end_of_day(today, zone))
    counts = (
        _reports(workspace, people)
        .filter(due_at__gte=start, due_at__lt=until)
        .aggregate(due=Count("*"), written=Count("submitted_at"))
    )
    return _share(counts["written"], counts["due"])


def report_mood(workspace: Workspace, people: list[int] | None, month: date,
                today: date, end: date | None = None) -> Decimal | None:  # fmt: skip
    mood = _reports(workspace, people).filter(
        period_date__gte=month, period_date__lte=min(end or _month_end(month), today),
        submitted_at__isnull=False, mood__isnull=False,
    ).aggregate(mood=Avg("mood"))["mood"]  # fmt: skip
    return None if mood is None else Decimal(str(mood)).quantize(TWO, rounding=ROUND_HALF_UP)


def vault_rotations(workspace: Workspace, people: list[int] | None, month: date,
                    today: date, end: date | None = None) -> Decimal | None:  # fmt: skip
    """Passwords still to change at the period's end (or now): the vault's queue of the items
    a leaver could open (keel.vault `Rotation`), for the people it is given to — everyone's
    for a company KPI. A queue entry counts from its making until the new value is saved."""
    day = min(end or _month_end(month), today)
    if day < month:
        return None
    moment = _end_of_day(day, _zone(workspace))
    waiting = (
        Rotation.objects.filter(workspace=workspace, created_at__lt=moment)
        .filter(Q(done_at__isnull=True) | Q(done_at__gte=moment))
    )  # fmt: skip
    if people is not None:
        waiting = waiting.filter(assignee_id__in=people)
    return Decimal(waiting.count())


COMPUTE: dict[str, Callable[..., Decimal | None]] = {
    Metric.TASKS_ON_TIME: tasks_on_time,
    Metric.TASKS_OVERDUE: tasks_overdue,
    Metric.REPORT_PARTICIPATION: report_participation,
    Metric.REPORT_MOOD: report_mood,
    Metric.VAULT_ROTATIONS: vault_rotations,
}


def compute(kpi: Kpi, months: list[date], today: date) -> dict[date, Decimal | None]:
    """The KPI's figure for each month (None: nothing to measure that month); for a weekly
    KPI `months` are weeks' first days and each figure is over its seven days."""
    people = team_of(kpi)
    figure = COMPUTE[kpi.metric]
    if kpi.is_weekly:
        return {week: figure(kpi.workspace, people, week, today, end=week + timedelta(days=6))
                for week in months}  # fmt: skip
    return {month: figure(kpi.workspace, people, month, today) for month in months}
