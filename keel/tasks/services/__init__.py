"""Writes for the tasks app. Import from here: `from keel.tasks import services`.

Every function is keyword-only with the acting membership first, checks access
(keel/tasks/access.py), validates before writing (ValidationError({field: message})) and
runs in one transaction. Split by subject: projects (and sections), tasks (their field
checks in task_fields), the board, dependencies, bulk edit, comments, attachments. Recurring
series (recurrence, occurrences), the Asana import (asana_csv, asana_import), status updates
and summaries (progress), calendar feeds (feeds) are imported by module.
"""

from keel.tasks.services.attachments import (
    ALLOWED_TYPES,
    attachment_add,
    attachment_delete,
    check_upload,
    max_attachment_bytes,
)
from keel.tasks.services.board import task_move
from keel.tasks.services.bulk import check_can_edit, tasks_bulk_update
from keel.tasks.services.comments import (
    comment_create,
    comment_delete,
    mention_handles,
    mentioned_members,
)
from keel.tasks.services.dependencies import task_add_dependency, task_remove_dependency
from keel.tasks.services.filters import (
    can_delete_saved_filter,
    can_share_filter,
    saved_filter_delete,
    saved_filter_save,
)
from keel.tasks.services.projects import (
    project_archive,
    project_create,
    project_set_members,
    project_update,
    section_create,
    section_delete,
    section_move,
    section_update,
)
from keel.tasks.services.tasks import (
    UNSET,
    TaskChanges,
    on_task_completed,
    task_create,
    task_delete,
    task_set_status,
    task_update,
)

__all__ = [
    "ALLOWED_TYPES",
    "UNSET",
    "TaskChanges",
    "attachment_add",
    "attachment_delete",
    "can_delete_saved_filter",
    "can_share_filter",
    "check_can_edit",
    "check_upload",
    "comment_create",
    "comment_delete",
    "max_attachment_bytes",
    "mention_handles",
    "mentioned_members",
    "on_task_completed",
    "project_archive",
    "project_create",
    "project_set_members",
    "project_update",
    "saved_filter_delete",
    "saved_filter_save",
    "section_create",
    "section_delete",
    "section_move",
    "section_update",
    "task_add_dependency",
    "task_create",
    "task_delete",
    "task_move",
    "task_remove_dependency",
    "task_set_status",
    "task_update",
    "tasks_bulk_update",
]
