"""Reads for the tasks app. Import from here: `from keel.tasks import selectors`.

Split by page: access helpers, assignees and labels (`tasks`), the list (`list`), the board
and My tasks (`board`), calendar and workload (`calendar`). `pages` and `export` are imported
by their own module path.
"""

from keel.tasks.selectors.board import (
    MY_ROW_FIELDS,
    OPEN_STATUSES,
    BoardColumn,
    MyTasks,
    board_columns,
    my_tasks,
    union_of_ids,
)
from keel.tasks.selectors.calendar import (
    Workload,
    WorkloadRow,
    calendar_tasks,
    week_start,
    workload,
)
from keel.tasks.selectors.list import (
    LIST_SORT_FIELDS,
    SORT_FIELDS,
    STATUS_ORDER,
    TaskFilters,
    TaskPage,
    tasks_for_list,
)
from keel.tasks.selectors.tasks import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    LabelChip,
    attach_assignees,
    attach_label_chips,
    get_attachment_for,
    get_project_for,
    get_task_for,
    labels_for,
    seat_owners,
    seats_resolving_to,
    share_workspace,
    task_assignee,
    task_base,
    visible_projects,
    with_labels,
    work_of,
)

__all__ = [
    "DEFAULT_LIMIT",
    "LIST_SORT_FIELDS",
    "MAX_LIMIT",
    "MY_ROW_FIELDS",
    "OPEN_STATUSES",
    "SORT_FIELDS",
    "STATUS_ORDER",
    "BoardColumn",
    "LabelChip",
    "MyTasks",
    "TaskFilters",
    "TaskPage",
    "Workload",
    "WorkloadRow",
    "attach_assignees",
    "attach_label_chips",
    "board_columns",
    "calendar_tasks",
    "get_attachment_for",
    "get_project_for",
    "get_task_for",
    "labels_for",
    "my_tasks",
    "seat_owners",
    "seats_resolving_to",
    "share_workspace",
    "task_assignee",
    "task_base",
    "tasks_for_list",
    "union_of_ids",
    "visible_projects",
    "week_start",
    "with_labels",
    "work_of",
    "workload",
]
