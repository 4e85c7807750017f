"""The board (columns from per-section LIMIT queries, ids gathered with one UNION ALL) and
"My tasks" (four buckets in one UNION ALL query, only the columns a row shows).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import Http404

from keel.core.models import Membership
from keel.tasks.models import (
    Project,
    Section,
    Status,
    Task,
)
from keel.tasks.selectors.list import TaskFilters
from keel.tasks.selectors.tasks import (
    attach_assignees,
    attach_label_chips,
    seats_resolving_to,
    task_base,
    visible_projects,
    work_of,
)

# --- Board --------------------------------------------------------------------------------------


def union_of_ids(querysets: list[QuerySet[Task]]) -> RawSQL:
    """One subquery: the ids of several ordered, LIMITed task querysets, UNION ALL'ed.

    `Task.objects.filter(pk__in=union_of_ids([...]))` then fetches every part's rows in one
    query, where each part still uses its own index and LIMIT (a board column, a "My tasks"
    bucket). SQLite accepts ORDER BY/LIMIT in a compound select only inside a subquery,
    hence the wrapping SELECT per part.
    """
    parts: list[str] = []
    params: list[Any] = []
    for i, queryset in enumerate(querysets):
        sql, part_params = queryset.values("id").query.sql_with_params()
        parts.append(f'SELECT "id" FROM ({sql}) AS part_{i}')  # noqa: S608 - ORM-compiled
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)  # noqa: S611 - compiled by the ORM


@dataclass
class BoardColumn:
    section: Section | None  # None: tasks without a section
    tasks: list[Task]
    count: int

    @property
    def has_more(self) -> bool:
        return self.count > len(self.tasks)


def board_columns(
    *,
    membership: Membership,
    project: Project,
    per_column: int = 50,
    filters: TaskFilters | None = None,
) -> list[BoardColumn]:
    """The project's sections with their first `per_column` tasks by position and a count.

    Four queries in all (sections, counts, the tasks, labels) plus the batch seat
    resolution; a "no section" column comes first when some tasks have none. The tasks come
    from a UNION ALL of one LIMITed subquery per column, each served by the (project,
    section, position) index, so a 5,000-task project reads only the cards it shows.
    """
    if project.workspace_id != membership.workspace_id:
        raise Http404
    sections = list(Section.objects.in_workspace(membership.workspace).filter(project=project))
    tasks: QuerySet[Task] = Task.objects.in_workspace(membership.workspace).filter(project=project)
    if filters is not None:
        tasks = filters.apply(tasks, project, workspace_id=membership.workspace_id)
        if filters.label:
            tasks = tasks.distinct()
    counts = {
        row["section_id"]: row["n"]
        for row in tasks.order_by().values("section_id").annotate(n=Count("id"))
    }
    keys: list[int | None] = ([None] if counts.get(None) else []) + [s.pk for s in sections]
    keys = [k for k in keys if counts.get(k)]
    rows: list[Task] = []
    if keys:
        shown = union_of_ids([
            (tasks.filter(section__isnull=True) if key is None else tasks.filter(section=key))
            .order_by("position", "id")[:per_column]
            for key in keys
        ])  # fmt: skip
        rows = list(
            Task.objects.filter(pk__in=shown)
            .select_related("assignee__user", "assignee_seat", "project")
            .defer("description", "description_html")
            .order_by("section_id", "position", "id")
        )
    attach_label_chips(rows)
    attach_assignees(rows)
    by_section: dict[int | None, list[Task]] = {}
    for task in rows:
        by_section.setdefault(task.section_id, []).append(task)
    columns = []
    if counts.get(None):
        columns.append(BoardColumn(None, by_section.get(None, []), counts[None]))
    columns += [BoardColumn(s, by_section.get(s.pk, []), counts.get(s.pk, 0)) for s in sections]
    return columns


# --- My tasks -----------------------------------------------------------------------------------


# Every status but done. Spelled as IN rather than "<> done": an IN on the second column lets
# the task_mine (assignee, status, due_date) and task_seat indexes serve "my open tasks";
# with "<>" SQLite's planner picked the workspace index and read all 100,000 tasks.
OPEN_STATUSES = [s for s in Status.values if s != Status.DONE]


def _mine(membership: Membership, seat_ids: list[int]) -> QuerySet[Task]:
    return (
        task_base(membership)
        .filter(work_of(membership, workspace_id=membership.workspace_id, seat_ids=seat_ids))
        .filter(status__in=OPEN_STATUSES)
        .filter(project__in=visible_projects(membership))
    )


@dataclass
class MyTasks:
    overdue: list[Task] = field(default_factory=list)
    today: list[Task] = field(default_factory=list)
    upcoming: list[Task] = field(default_factory=list)  # the next 7 days
    later: list[Task] = field(default_factory=list)  # later or no due date
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def buckets(self) -> list[tuple[str, list[Task]]]:
        return [("overdue", self.overdue), ("today", self.today),
                ("upcoming", self.upcoming), ("later", self.later)]  # fmt: skip


def my_tasks(*, membership: Membership, today: datetime.date, per_bucket: int = 20) -> MyTasks:
    """Open tasks assigned to the member or to seats that resolve to them, in four buckets.

    A bounded number of queries (seats, counts, one per bucket, labels) and at most
    `per_bucket` rows per bucket; `counts` gives the full numbers.
    """
    mine = _mine(membership, seats_resolving_to(membership))
    week = today + datetime.timedelta(days=7)
    conditions = {
        "overdue": Q(due_date__lt=today),
        "today": Q(due_date=today),
        "upcoming": Q(due_date__gt=today, due_date__lte=week),
        "later": Q(due_date__gt=week) | Q(due_date__isnull=True),
    }
    counts = mine.order_by().aggregate(
        **{name: Count("id", filter=condition) for name, condition in conditions.items()}
    )
    result = MyTasks(counts={k: v or 0 for k, v in counts.items()})
    # Ordering by an expression (no tasks without a due date first, on both databases) also
    # keeps SQLite from walking task_calendar (workspace, due_date) in order and filtering
    # 100,000 rows; task_mine_ws finds the member's ≤ few thousand, then a sort.
    order: list[Any] = [Coalesce("due_date", Value(datetime.date.max)), "-priority", "id"]
    parts = [
        mine.filter(condition).order_by(*order)[:per_bucket]
        for name, condition in conditions.items()
        if result.counts[name]
    ]
    if not parts:
        return result
    # The rows of all four buckets in one query, with only the columns a row shows.
    rows = list(
        Task.objects.filter(pk__in=union_of_ids(parts))
        .select_related("project", "assignee_seat")
        .only(*MY_ROW_FIELDS)
    )
    attach_label_chips(rows)
    rows.sort(key=lambda t: (t.due_date or datetime.date.max, -t.priority, t.pk))
    for task in rows:
        task._current_assignee = membership  # type: ignore[attr-defined] # all theirs now
        due = task.due_date
        if due is None or due > week:
            result.later.append(task)
        elif due < today:
            result.overdue.append(task)
        elif due == today:
            result.today.append(task)
        else:
            result.upcoming.append(task)
    return result


# What a row of "My tasks" shows (the tasks_ui my_task_row tag). Without the descriptions and
# the five other joined tables of task_base the rows cost a fifth to compile and load.
MY_ROW_FIELDS = (
    "id", "workspace_id", "project_id", "number", "title", "status", "priority", "due_date",
    "due_at", "assignee_id", "assignee_seat_id", "project__id", "project__key",
    "project__name", "project__workspace_id", "assignee_seat__id", "assignee_seat__title",
)  # fmt: skip
