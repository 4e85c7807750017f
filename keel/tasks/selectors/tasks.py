"""Reads for the tasks app: visible projects, access helpers that 404, and the list, board,
"My tasks", calendar and workload queries.

Every query starts from `in_workspace(ws)` and runs a fixed number of SQL queries whatever
the data size (labels prefetched, people and seats joined; seat assignees resolved in one
batch through keel.org.resolution.seat_assignees). Lists page with keyset pagination over
the Task indexes, never OFFSET.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import Http404

from keel.core.api_support import InvalidCursor
from keel.core.models import Membership, Role, Workspace
from keel.core.permissions import ADMINS, STAFF, has_perm
from keel.org.models import Seat
from keel.org.resolution import seat_assignees
from keel.tasks.models import (
    Attachment,
    Label,
    Project,
    ProjectMember,
    Section,
    Status,
    Task,
    TaskLabel,
    Visibility,
)

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

# --- Projects ---------------------------------------------------------------------------------


def visible_projects(membership: Membership, include_archived: bool = False) -> QuerySet[Project]:
    """Projects `membership` may see (see keel/tasks/access.py for the rule)."""
    projects = Project.objects.in_workspace(membership.workspace)
    if not has_perm(membership, "tasks.view"):
        return projects.none()  # type: ignore[no-any-return]
    if not include_archived:
        projects = projects.filter(archived_at__isnull=True)
    if membership.role in ADMINS:
        return projects  # type: ignore[no-any-return]
    added = Exists(
        ProjectMember.objects.filter(project=OuterRef("pk"), membership_id=membership.pk)
    )
    if membership.role in STAFF:
        return projects.filter(Q(visibility=Visibility.WORKSPACE) | added)  # type: ignore[no-any-return]
    return projects.filter(added)  # type: ignore[no-any-return]


def get_project_for(membership: Membership, pk: int, include_archived: bool = True) -> Project:
    """The project `pk` if `membership` may see it, else 404 (other workspaces look absent)."""
    project = (
        visible_projects(membership, include_archived=include_archived)
        .select_related("workspace", "department", "group", "owner_seat", "created_by__user")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    return project  # type: ignore[no-any-return]


def _task_base(membership: Membership) -> QuerySet[Task]:
    """Tasks of the member's workspace with what their rows show joined in.

    The workspace is not joined (twice, through the project too): every task here is in
    `membership.workspace`, which `share_workspace` sets on the fetched rows. Each joined
    table costs PostgreSQL planning time — the list query planned in 3.5 ms with the two
    workspace joins and 1.0 ms without, for 0.3 ms of execution.
    """
    return Task.objects.in_workspace(membership.workspace).select_related(  # type: ignore[no-any-return]
        "project", "section", "assignee__user", "assignee_seat"
    )


def share_workspace(tasks: Iterable[Task], workspace: Workspace) -> None:
    """Give fetched tasks (and their projects) the workspace object already in hand, so
    `task.workspace` and `task.project.workspace` cost no query."""
    for task in tasks:
        if task.workspace_id == workspace.pk:
            task.workspace = workspace
            if task.project.workspace_id == workspace.pk:
                task.project.workspace = workspace


def get_task_for(membership: Membership, pk: int) -> Task:
    """The task `pk` if its project is visible to `membership`, else 404."""
    task = (
        _task_base(membership)
        .filter(pk=pk, project__in=visible_projects(membership, include_archived=True))
        .select_related("parent__project")
        .prefetch_related("labels")
        .first()
    )
    if task is None:
        raise Http404
    share_workspace([task], membership.workspace)
    return task


def get_attachment_for(membership: Membership, pk: int) -> Attachment:
    """The attachment `pk` if its task is visible to `membership`, else 404 (download view)."""
    attachment = (
        Attachment.objects.in_workspace(membership.workspace)
        .filter(pk=pk, task__project__in=visible_projects(membership, include_archived=True))
        .select_related("task__project", "uploaded_by__user")
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment  # type: ignore[no-any-return]


# --- Assignees --------------------------------------------------------------------------------


def task_assignee(task: Task) -> Membership | None:
    """Who does the task now: its assignee, or whoever its seat resolves to."""
    cached: Any = getattr(task, "_current_assignee", _MISSING)
    if cached is not _MISSING:
        return cached  # type: ignore[no-any-return]
    if task.assignee_id is not None:
        return task.assignee
    if task.assignee_seat is not None:
        return seat_assignees([task.assignee_seat])[task.assignee_seat.pk]
    return None


_MISSING = object()


def attach_assignees(tasks: Iterable[Task]) -> list[Task]:
    """Set each task's current assignee (`task_assignee(task)` then costs no query).

    Seats are resolved in one batch (at most three queries) whatever the number of tasks.
    """
    tasks = list(tasks)
    seats = {t.assignee_seat_id: t.assignee_seat for t in tasks if t.assignee_seat_id}
    resolved = seat_assignees([s for s in seats.values() if s is not None]) if seats else {}
    for task in tasks:
        if task.assignee_id is not None:
            task._current_assignee = task.assignee  # type: ignore[attr-defined]
        elif task.assignee_seat_id is not None:
            task._current_assignee = resolved.get(task.assignee_seat_id)  # type: ignore[attr-defined]
        else:
            task._current_assignee = None  # type: ignore[attr-defined]
    return tasks


def _with_labels(tasks: QuerySet[Task]) -> QuerySet[Task]:
    return tasks.prefetch_related(Prefetch("labels", queryset=Label.objects.order_by("name")))


class LabelChip(NamedTuple):
    name: str
    colour: int


def attach_label_chips(tasks: list[Task]) -> None:
    """Set `task.label_chips` (name, colour; by name) for pages that only show the chips.

    One values() query. prefetch_related("labels") builds a related manager, a queryset and
    Label objects per task: 3 ms for a board of 100 cards; this is a tenth of that.
    """
    by_task: dict[int, list[LabelChip]] = {task.pk: [] for task in tasks}
    if by_task:
        rows = (
            TaskLabel.objects.filter(task_id__in=list(by_task))
            .order_by("label__name")
            .values_list("task_id", "label__name", "label__colour")
        )
        for task_id, name, colour in rows:
            by_task[task_id].append(LabelChip(name, colour))
    for task in tasks:
        task.label_chips = by_task[task.pk]  # type: ignore[attr-defined]


def _labels_for(rows: list[Task], brief: bool) -> None:
    if brief:
        attach_label_chips(rows)
    else:
        prefetch_related_objects(rows, Prefetch("labels", queryset=Label.objects.order_by("name")))


# --- List ---------------------------------------------------------------------------------------


def _pk(value: Any) -> Any:
    return getattr(value, "pk", value)


@dataclass
class TaskFilters:
    """Filters of the list, board and API. Objects or their ids are both accepted.

    `status` is one status or a list; "open" means every status but done. `text` matches
    the title or a reference such as "MKT-42" (`q` is accepted as an alias).
    """

    assignee: Any = None  # Membership or id
    assignee_seat: Any = None  # Seat or id
    label: Any = None  # Label, id or name
    status: Any = None  # "todo", ["todo", "blocked"], "open"
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None
    text: str = ""
    section: Any = None  # Section or id
    unassigned: bool = False
    top_level_only: bool = False
    q: str = ""

    def __post_init__(self) -> None:
        if self.q and not self.text:
            self.text = self.q

    def apply(self, tasks: QuerySet[Task], project: Project | None = None) -> QuerySet[Task]:
        if self.assignee:
            tasks = tasks.filter(assignee_id=_pk(self.assignee))
        if self.assignee_seat:
            tasks = tasks.filter(assignee_seat_id=_pk(self.assignee_seat))
        if self.unassigned:
            tasks = tasks.filter(assignee__isnull=True, assignee_seat__isnull=True)
        if self.label:
            label = self.label
            if isinstance(label, str) and not label.isdigit():
                tasks = tasks.filter(task_labels__label__name=label)
            else:
                tasks = tasks.filter(task_labels__label_id=_pk(label))
        statuses = self.status
        if statuses:
            if isinstance(statuses, str):
                statuses = [statuses]
            if "open" in statuses:
                tasks = tasks.exclude(status=Status.DONE)
            else:
                tasks = tasks.filter(status__in=[s for s in statuses if s in Status.values])
        if self.due_from:
            tasks = tasks.filter(due_date__gte=self.due_from)
        if self.due_to:
            tasks = tasks.filter(due_date__lte=self.due_to)
        if self.section:
            tasks = tasks.filter(section_id=_pk(self.section))
        if self.top_level_only:
            tasks = tasks.filter(parent__isnull=True)
        text = (self.text or "").strip()
        if text:
            condition = Q(title__icontains=text)
            key, _sep, number = text.upper().partition("-")
            if project is not None and number.isdigit() and key == project.key:
                condition |= Q(number=int(number))
            elif text.isdigit():
                condition |= Q(number=int(text))
            tasks = tasks.filter(condition)
        return tasks


# sort key → model field. Keyset pagination on (field, id); see tasks_for_list.
SORT_FIELDS = {
    "number": "number",
    "due_date": "due_date",
    "priority": "priority",
    "updated": "updated_at",
    "position": "position",
}
# The list page and its CSV export also sort by title and status. The API does not offer
# them (yet): it validates against SORT_FIELDS, whose names its docs and errors list.
LIST_SORT_FIELDS = {**SORT_FIELDS, "title": "title", "status": "status"}
_NULLABLE = {"due_date"}
# Status sorts in workflow order (to do → done), not the codes' alphabetical one.
STATUS_ORDER: list[str] = list(Status.values)


@dataclass
class TaskPage:
    items: list[Task]
    next_cursor: str | None

    @property
    def tasks(self) -> list[Task]:
        return self.items


def _encode(segment: int, value: Any, pk: int) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat()
    raw = json.dumps([segment, value, pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, field_name: str) -> tuple[int, Any, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        segment, value, pk = json.loads(raw)
        if segment not in (0, 1) or not isinstance(pk, int):
            raise ValueError
        if segment == 0:
            if field_name == "due_date":
                value = datetime.date.fromisoformat(value)
            elif field_name == "updated_at":
                value = datetime.datetime.fromisoformat(value)
            elif field_name == "position":
                value = float(value)
            elif field_name == "title":
                if not isinstance(value, str):
                    raise ValueError
            elif field_name == "status":
                if value not in STATUS_ORDER:
                    raise ValueError
            elif not isinstance(value, int):
                raise ValueError
        return segment, value, pk
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise InvalidCursor() from exc


def tasks_for_list(
    *,
    membership: Membership,
    project: Project | None,
    filters: TaskFilters | None = None,
    sort: str = "number",
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
    brief: bool = False,
) -> TaskPage:
    """One page of tasks of `project` (or every visible project when None).

    `brief`: without the description columns (the list pages show titles only; a shop's
    descriptions run to pages of Markdown and its rendered HTML).

    `sort` is one of LIST_SORT_FIELDS, "-" for descending. Keyset on (field, id); tasks without
    a due date come after those with one (in both directions), as a second segment paged by
    id — so every page is one or two index range scans, never a sort of the whole project.
    Status sorts by workflow order, one segment per status (see _page_by_status).
    """
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in LIST_SORT_FIELDS:
        key, descending = "number", False
    field_name = LIST_SORT_FIELDS[key]
    limit = max(1, min(int(limit or DEFAULT_LIMIT), MAX_LIMIT))
    base = _task_base(membership)
    if brief:
        base = base.defer("description", "description_html")
    if project is not None:
        if project.workspace_id != membership.workspace_id:
            raise Http404
        base = base.filter(project=project)
    else:
        base = base.filter(project__in=visible_projects(membership))
    if filters is not None:
        base = filters.apply(base, project)
        if filters.label:
            base = base.distinct()
    if field_name == "status":
        page = _page_by_status(base, cursor=cursor, descending=descending, limit=limit)
        _labels_for(page.items, brief)
        share_workspace(page.items, membership.workspace)
        return page

    segment, value, last_pk = (0, None, None) if not cursor else _decode(cursor, field_name)
    op = "lt" if descending else "gt"
    prefix = "-" if descending else ""
    rows: list[Task] = []
    if segment == 0:
        qs = base
        if field_name in _NULLABLE:
            qs = qs.filter(**{f"{field_name}__isnull": False})
        if last_pk is not None:
            # The plain bound (>= / <=) is implied by the OR, but spelled out it lets
            # PostgreSQL start the index scan at the cursor rather than filter every row
            # before it (SQLite already derives it from the OR).
            qs = qs.filter(**{f"{field_name}__{op}e": value}).filter(
                Q(**{f"{field_name}__{op}": value}) | Q(**{field_name: value, f"pk__{op}": last_pk})
            )
        rows = list(qs.order_by(f"{prefix}{field_name}", f"{prefix}pk")[: limit + 1])
        if len(rows) <= limit and field_name in _NULLABLE:
            rest = base.filter(**{f"{field_name}__isnull": True}).order_by(f"{prefix}pk")
            rows += list(rest[: limit + 1 - len(rows)])
    else:
        qs = base.filter(**{f"{field_name}__isnull": True})
        if last_pk is not None:
            qs = qs.filter(**{f"pk__{op}": last_pk})
        rows = list(qs.order_by(f"{prefix}pk")[: limit + 1])

    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        last_value = getattr(last, field_name)
        if last_value is None:
            next_cursor = _encode(1, None, last.pk)
        else:
            next_cursor = _encode(0, last_value, last.pk)
    _labels_for(rows, brief)
    attach_assignees(rows)
    share_workspace(rows, membership.workspace)
    return TaskPage(items=rows, next_cursor=next_cursor)


def _page_by_status(
    base: QuerySet[Task], *, cursor: str | None, descending: bool, limit: int
) -> TaskPage:
    """One page in status order: one segment per status (reversed when descending), each an
    equality range of the (project, status, id) index paged by id, read until the page is
    full — at most one LIMIT query per status, then the labels of the page in one query.
    The cursor is (0, status, id) of the last row shown."""
    statuses = STATUS_ORDER[::-1] if descending else STATUS_ORDER
    op, prefix = ("lt", "-") if descending else ("gt", "")
    start, last_pk = 0, None
    if cursor:
        segment, value, last_pk = _decode(cursor, "status")
        if segment != 0:
            raise InvalidCursor()
        start = statuses.index(value)
    rows: list[Task] = []
    for i, status in enumerate(statuses[start:], start):
        qs = base.filter(status=status)
        if i == start and last_pk is not None:
            qs = qs.filter(**{f"pk__{op}": last_pk})
        rows += list(qs.order_by(f"{prefix}pk")[: limit + 1 - len(rows)])
        if len(rows) > limit:
            break
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = _encode(0, rows[-1].status, rows[-1].pk)
    attach_assignees(rows)
    return TaskPage(items=rows, next_cursor=next_cursor)


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
        tasks = filters.apply(tasks, project)
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


def seats_resolving_to(membership: Membership) -> list[int]:
    """Ids of the seats whose work `membership` does now: held, or vacant under theirs."""
    seats = list(Seat.objects.in_workspace(membership.workspace).only("id", "workspace_id"))
    if not seats:
        return []
    resolved = seat_assignees(seats)
    return [pk for pk, person in resolved.items() if person.pk == membership.pk]


# Every status but done. Spelled as IN rather than "<> done": an IN on the second column lets
# the task_mine (assignee, status, due_date) and task_seat indexes serve "my open tasks";
# with "<>" SQLite's planner picked the workspace index and read all 100,000 tasks.
OPEN_STATUSES = [s for s in Status.values if s != Status.DONE]


def _mine(membership: Membership, seat_ids: list[int]) -> QuerySet[Task]:
    return (
        _task_base(membership)
        .filter(Q(assignee=membership) | Q(assignee_seat_id__in=seat_ids))
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
# the five other joined tables of _task_base the rows cost a fifth to compile and load.
MY_ROW_FIELDS = (
    "id", "workspace_id", "project_id", "number", "title", "status", "priority", "due_date",
    "due_at", "assignee_id", "assignee_seat_id", "project__id", "project__key",
    "project__name", "project__workspace_id", "assignee_seat__id", "assignee_seat__title",
)  # fmt: skip


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
        tasks = _task_base(membership).filter(project=project)
    else:
        seat_ids = seats_resolving_to(membership)
        tasks = (
            _task_base(membership)
            .filter(Q(assignee=membership) | Q(assignee_seat_id__in=seat_ids))
            .filter(project__in=visible_projects(membership))
        )
    tasks = tasks.filter(due_date__gte=start, due_date__lte=end).order_by(
        "due_date", "due_at", "id"
    )
    if brief:
        # The calendar grid shows the title, time and status only: no joins, no labels.
        fields = ("id", "workspace_id", "project_id", "title", "status", "due_date", "due_at")
        return list(tasks.select_related(None).only(*fields)[:limit])
    rows = attach_assignees(list(_with_labels(tasks)[:limit]))
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
    weeks: list[datetime.date]  # each week's Monday
    rows: list[WorkloadRow]


def workload(*, workspace: Workspace, start_week: datetime.date, weeks: int = 6) -> Workload:
    """Open tasks due per person per week, from the Monday of `start_week` for `weeks` weeks.

    Two queries (people; tasks grouped by assignee, seat and day) plus the batch seat
    resolution. Seat tasks count for whoever the seat resolves to. Guests are left out.
    """
    monday = start_week - datetime.timedelta(days=start_week.weekday())
    week_starts = [monday + datetime.timedelta(weeks=i) for i in range(weeks)]
    end = monday + datetime.timedelta(weeks=weeks)
    people = list(
        Membership.objects.active()
        .filter(workspace=workspace)
        .exclude(role=Role.GUEST)
        .select_related("user", "workspace")
        .order_by("user__full_name", "user__email")
    )
    grouped = (
        Task.objects.in_workspace(workspace)
        .exclude(status=Status.DONE)
        .filter(due_date__gte=monday, due_date__lt=end, project__archived_at__isnull=True)
        .filter(Q(assignee__isnull=False) | Q(assignee_seat__isnull=False))
        .order_by()
        .values_list("assignee_id", "assignee_seat_id", "due_date")
        .annotate(n=Count("id"))
    )
    rows = list(grouped)
    seat_ids = {seat for _a, seat, _d, _n in rows if seat}
    resolved: dict[int, Membership] = {}
    if seat_ids:
        resolved = seat_assignees(Seat.objects.in_workspace(workspace).filter(pk__in=seat_ids))
    index = {p.pk: WorkloadRow(p, [0] * weeks, [[] for _ in range(weeks)]) for p in people}
    for assignee_id, seat_id, due, n in rows:
        person_id = assignee_id or (resolved[seat_id].pk if seat_id in resolved else None)
        row = index.get(person_id) if person_id else None
        if row is None:
            continue
        week = (due - monday).days // 7
        row.counts[week] += n
        if due not in row.due_dates[week]:
            row.due_dates[week].append(due)
    for row in index.values():
        for dates in row.due_dates:
            dates.sort()
    return Workload(weeks=week_starts, rows=list(index.values()))
