"""The task list and its filters: TaskFilters, the sort keys and keyset-paginated pages
(`tasks_for_list`, used by the list page, its CSV export and the API).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Q,
    QuerySet,
)
from django.http import Http404

from keel.core.models import Membership
from keel.core.pagination import decode_cursor, encode_cursor
from keel.tasks.models import (
    Project,
    Status,
    Task,
)
from keel.tasks.selectors.tasks import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    attach_assignees,
    labels_for,
    seats_resolving_to,
    share_workspace,
    task_base,
    visible_projects,
    work_of,
)

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
    # The assignee's seats, resolved once (the CSV export applies the filters page by page).
    _seat_ids: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.q and not self.text:
            self.text = self.q

    def apply(
        self, tasks: QuerySet[Task], project: Project | None = None, *, workspace_id: int
    ) -> QuerySet[Task]:
        if self.assignee:
            # "Assignee = X" is X's work: assigned to X, or to a seat that resolves to X now
            # (the workload page counts the same tasks).
            member_id = _pk(self.assignee)
            if self._seat_ids is None:
                self._seat_ids = seats_resolving_to(member_id, workspace_id=workspace_id)
            tasks = tasks.filter(
                work_of(member_id, workspace_id=workspace_id, seat_ids=self._seat_ids)
            )
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


class _SortValue:
    """The sort value of a list cursor (`core.pagination.encode_cursor`), parsed strictly for
    `field_name`, so a cursor made for another sort is refused rather than misread. None marks
    the second segment (tasks without a due date), so only a nullable sort accepts it."""

    def __init__(self, field_name: str) -> None:
        self.field_name = field_name

    def to_python(self, value: Any) -> Any:
        name = self.field_name
        if value is None:
            if name not in _NULLABLE:
                raise ValueError(name)
            return None
        if name == "due_date":
            return datetime.date.fromisoformat(value)
        if name == "updated_at":
            return datetime.datetime.fromisoformat(value)
        if name == "position":
            return float(value)
        if name == "title":
            if not isinstance(value, str):
                raise ValueError(value)
        elif name == "status":
            if value not in STATUS_ORDER:
                raise ValueError(value)
        elif not isinstance(value, int):
            raise ValueError(value)
        return value


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
    base = task_base(membership)
    if brief:
        base = base.defer("description", "description_html")
    if project is not None:
        if project.workspace_id != membership.workspace_id:
            raise Http404
        base = base.filter(project=project)
    else:
        base = base.filter(project__in=visible_projects(membership))
    if filters is not None:
        base = filters.apply(base, project, workspace_id=membership.workspace_id)
        if filters.label:
            base = base.distinct()
    if field_name == "status":
        page = _page_by_status(base, cursor=cursor, descending=descending, limit=limit)
        labels_for(page.items, brief)
        share_workspace(page.items, membership.workspace)
        return page

    # The cursor is (last sort value, last id); a None value is the second segment.
    value: Any = None
    last_pk: int | None = None
    if cursor:
        value, last_pk = decode_cursor(cursor, _SortValue(field_name))
    op = "lt" if descending else "gt"
    prefix = "-" if descending else ""
    rows: list[Task] = []
    if last_pk is None or value is not None:
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
        next_cursor = encode_cursor(getattr(last, field_name), last.pk)
    labels_for(rows, brief)
    attach_assignees(rows)
    share_workspace(rows, membership.workspace)
    return TaskPage(items=rows, next_cursor=next_cursor)


def _page_by_status(
    base: QuerySet[Task], *, cursor: str | None, descending: bool, limit: int
) -> TaskPage:
    """One page in status order: one segment per status (reversed when descending), each an
    equality range of the (project, status, id) index paged by id, read until the page is
    full — at most one LIMIT query per status, then the labels of the page in one query.
    The cursor is (status, id) of the last row shown."""
    statuses = STATUS_ORDER[::-1] if descending else STATUS_ORDER
    op, prefix = ("lt", "-") if descending else ("gt", "")
    start, last_pk = 0, None
    if cursor:
        value, last_pk = decode_cursor(cursor, _SortValue("status"))
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
        next_cursor = encode_cursor(rows[-1].status, rows[-1].pk)
    attach_assignees(rows)
    return TaskPage(items=rows, next_cursor=next_cursor)
