"""The calendar (tasks by due date in a month) and the workload grid (open work per person
per week).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    Q,
)
from django.http import Http404

from keel.core.models import Membership, Role, Workspace
from keel.tasks.models import (
    Project,
    Status,
    Task,
)
from keel.tasks.selectors.tasks import (
    attach_assignees,
    seat_owners,
    share_workspace,
    task_base,
    visible_projects,
    with_labels,
    work_of,
)

# --- Calendar -----------------------------------------------------------------------------------


def calendar_tasks(
    *,
    membership: Membership,
    project: Project | None = None,
    month: datetime.date,
    limit: int = 1000,
    brief: bool = False,
) -> list[Task]:
    """Tasks due in `month`'s calendar grid (the month plus up to six days either side).

    With a project: that project's tasks; without: the member's own (as in "My tasks",
    done ones included so the month shows what was finished). `brief`: only the fields the
    calendar page shows (no labels, assignees or related rows).
    """
    first = month.replace(day=1)
    next_month = (first + datetime.timedelta(days=32)).replace(day=1)
    start, end = first - datetime.timedelta(days=6), next_month + datetime.timedelta(days=5)
    if project is not None:
        if project.workspace_id != membership.workspace_id:
            raise Http404
        tasks = task_base(membership).filter(project=project)
    else:
        tasks = (
            task_base(membership)
            .filter(work_of(membership, workspace_id=membership.workspace_id))
            .filter(project__in=visible_projects(membership))
        )
    tasks = tasks.filter(due_date__gte=start, due_date__lte=end).order_by(
        "due_date", "due_at", "id"
    )
    if brief:
        # The calendar grid shows the title, time and status only: no joins, no labels.
        fields = ("id", "workspace_id", "project_id", "title", "status", "due_date", "due_at")
        return list(tasks.select_related(None).only(*fields)[:limit])
    rows = attach_assignees(list(with_labels(tasks)[:limit]))
    share_workspace(rows, membership.workspace)
    return rows


# --- Workload -----------------------------------------------------------------------------------


@dataclass
class WorkloadRow:
    membership: Membership
    counts: list[int]  # open tasks due per week
    due_dates: list[list[datetime.date]]  # the distinct due dates per week

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class Workload:
    weeks: list[datetime.date]  # each week's first day (the workspace's week start)
    rows: list[WorkloadRow]


def week_start(day: datetime.date, workspace: Workspace) -> datetime.date:
    """The first day of `day`'s week, on the workspace's chosen week start (Monday or Sunday):
    the one rule for every week the tasks pages bucket by (workload, summaries, calendar)."""
    return day - datetime.timedelta(days=(day.weekday() - workspace.first_weekday) % 7)


def workload(
    *,
    workspace: Workspace,
    start_week: datetime.date,
    weeks: int = 6,
    viewer: Membership | None = None,
) -> Workload:
    """Open tasks due per person per week, from the week of `start_week` for `weeks` weeks
    (weeks start on the workspace's week start).

    A task counts for the person whose work it is (`work_of`): its assignee, or whoever its
    seat resolves to now (`seat_owners`, the same resolution), so a cell's number is the
    length of the list its link opens (assignee = the person, open, due that week).
    `viewer`: count only projects they see, as that list does. Two queries (people; tasks
    grouped by assignee, seat and day) plus the seat resolution. Guests are left out.
    """
    first = week_start(start_week, workspace)
    week_starts = [first + datetime.timedelta(weeks=i) for i in range(weeks)]
    end = first + datetime.timedelta(weeks=weeks)
    people = list(
        Membership.objects.active()
        .filter(workspace=workspace)
        .exclude(role=Role.GUEST)
        .select_related("user", "workspace")
        .order_by("user__full_name", "user__email")
    )
    tasks = (
        Task.objects.in_workspace(workspace)
        .exclude(status=Status.DONE)
        .filter(due_date__gte=first, due_date__lt=end, project__archived_at__isnull=True)
        .filter(Q(assignee__isnull=False) | Q(assignee_seat__isnull=False))
    )
    if viewer is not None:
        tasks = tasks.filter(project__in=visible_projects(viewer))
    grouped = (
        tasks.order_by()
        .values_list("assignee_id", "assignee_seat_id", "due_date")
        .annotate(n=Count("id"))
    )
    rows = list(grouped)
    owners = seat_owners(workspace.pk) if any(seat for _a, seat, _d, _n in rows) else {}
    index = {p.pk: WorkloadRow(p, [0] * weeks, [[] for _ in range(weeks)]) for p in people}
    for assignee_id, seat_id, due, n in rows:
        person_id = assignee_id or (owners[seat_id].pk if seat_id in owners else None)
        row = index.get(person_id) if person_id else None
        if row is None:
            continue
        week = (due - first).days // 7
        row.counts[week] += n
        if due not in row.due_dates[week]:
            row.due_dates[week].append(due)
    for row in index.values():
        for dates in row.due_dates:
            dates.sort()
    return Workload(weeks=week_starts, rows=list(index.values()))
