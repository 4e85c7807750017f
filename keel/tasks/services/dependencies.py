"""Task dependencies ("blocked by"): within one project, never in a cycle."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.services import AuditContext, same_workspace
from keel.tasks.access import require_edit_in_project
from keel.tasks.models import Task, TaskDependency
from keel.tasks.services._common import activity, task_ref

# --- Dependencies -------------------------------------------------------------------------------


def reaches(edges: dict[int, set[int]], start: int, target: int) -> bool:
    """Whether `target` can be reached from `start` along `edges` (waiting → its blockers)."""
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == target:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, ()))
    return False


@transaction.atomic
def task_add_dependency(
    *, actor: Membership, task: Task, blocked_by: Task, context: AuditContext | None = None
) -> TaskDependency:
    """`task` waits for `blocked_by`. Refuses other projects, itself and cycles."""
    if blocked_by.workspace_id != actor.workspace_id:
        raise ValidationError({"blocked_by": _("Choose a task of this project.")})
    same_workspace(actor, task)
    require_edit_in_project(actor, task.project)
    if blocked_by.project_id != task.project_id:
        raise ValidationError({"blocked_by": _("Choose a task of this project.")})
    if blocked_by.pk == task.pk:
        raise ValidationError({"blocked_by": _("A task cannot wait for itself.")})
    # The whole project's graph in one query; adding task → blocked_by closes a cycle when
    # `task` is already reachable from `blocked_by` through its own blockers.
    edges: dict[int, set[int]] = {}
    for waiting, blocker in TaskDependency.objects.filter(task__project_id=task.project_id)\
            .values_list("task_id", "blocked_by_id"):  # fmt: skip
        edges.setdefault(waiting, set()).add(blocker)
    if blocked_by.pk in edges.get(task.pk, set()):
        return TaskDependency.objects.get(task=task, blocked_by=blocked_by)
    if reaches(edges, blocked_by.pk, task.pk):
        raise ValidationError(
            {"blocked_by": _("%(other)s already waits for %(task)s: that would be a loop.")
             % {"other": task_ref(blocked_by), "task": task_ref(task)}}
        )  # fmt: skip
    dependency = TaskDependency.objects.create(
        workspace=actor.workspace, task=task, blocked_by=blocked_by
    )
    activity(task, actor, "changed", field="blocked_by", **{"from": None,
             "to": task_ref(blocked_by)})  # fmt: skip
    return dependency


@transaction.atomic
def task_remove_dependency(
    *, actor: Membership, task: Task, blocked_by: Task, context: AuditContext | None = None
) -> None:
    same_workspace(actor, task, blocked_by)
    require_edit_in_project(actor, task.project)
    deleted, _rows = TaskDependency.objects.filter(task=task, blocked_by=blocked_by).delete()
    if deleted:
        activity(task, actor, "changed", field="blocked_by",
                 **{"from": task_ref(blocked_by), "to": None})  # fmt: skip
