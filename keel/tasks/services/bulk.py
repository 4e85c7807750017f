"""Bulk edit: the same change to many selected tasks, all or nothing.

Used by the list's bulk edit and the offboarding reassign page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.notifications.services import notify
from keel.org.models import Seat
from keel.org.resolution import seat_assignee
from keel.tasks.access import can_edit_task, require_edit_in_project
from keel.tasks.models import Label, Section, Task, TaskLabel
from keel.tasks.search import index_tasks_later
from keel.tasks.services._common import (
    activity,
    check_person,
    display_name,
    resolve_labels,
    split_when,
    task_ref,
)
from keel.tasks.services.task_fields import (
    check_assignees,
    check_seat,
    check_section,
    check_status,
    end_position,
    notify_assigned,
    when_display,
)
from keel.tasks.services.tasks import (
    UNSET,
    Change,
    _apply_status,
    follow_column,
    follow_status,
)

# --- Bulk edit --------------------------------------------------------------------------------


@transaction.atomic
def tasks_bulk_update(
    *,
    actor: Membership,
    tasks: Iterable[Task],
    status: str | None = None,
    assignee: Membership | None = UNSET,
    assignee_seat: Seat | None = UNSET,
    section: Section | None = UNSET,
    due: datetime.date | datetime.datetime | None = UNSET,
    add_labels: Iterable[Label | str] = (),
    remove_labels: Iterable[Label | str] = (),
    context: AuditContext | None = None,
) -> int:
    """Apply the same change to many tasks at once: all or nothing, one Activity per task.

    The Activity is verb "bulk_changed" with data {"changes": [{"field", "from", "to"}, …]}.
    Returns the number of tasks changed.
    """
    tasks = list(tasks)
    if not tasks:
        return 0
    # Each task's project and current column, in one query each (not one per task).
    prefetch_related_objects(tasks, "project", "section")
    same_workspace(actor, *tasks)
    same_workspace(actor, assignee or None, assignee_seat or None, section or None)
    projects = {t.project_id: t.project for t in tasks}
    for project in projects.values():
        require_edit_in_project(actor, project)
    if status is not None:
        check_status(status)
    if section is not UNSET:
        for project in projects.values():
            check_section(section, project)
    if assignee is not UNSET and assignee_seat is not UNSET and assignee and assignee_seat:
        check_assignees(actor, tasks[0].project, assignee, assignee_seat)
    if assignee is not UNSET and assignee is not None:
        for project in projects.values():
            check_person(actor, assignee, project, "assignee")
    if assignee_seat is not UNSET:
        check_seat(actor, assignee_seat)
    due_date, due_at = (None, None)
    if due is not UNSET:
        due_date, due_at = split_when(due, actor.workspace, "due")
        for task in tasks:
            if due_date is not None and task.start_date and due_date < task.start_date:
                raise ValidationError(
                    {"due": _("%(task)s starts after that due date.") % {"task": task_ref(task)}}
                )
    add = resolve_labels(actor, add_labels)
    remove_names = [x.name if isinstance(x, Label) else str(x) for x in remove_labels]
    remove = list(Label.objects.in_workspace(actor.workspace).filter(name__in=remove_names))

    assigned: dict[int, tuple[Membership, list[Task]]] = {}
    columns: dict[tuple[int, bool], Section | None] = {}  # follow_status's, once per project
    for task in tasks:
        changes: list[dict[str, Any]] = []
        old_section = task.section
        if section is not UNSET and (section.pk if section else None) != task.section_id:
            changes.append({"field": "section", "from": task.section.name if task.section else None,
                            "to": section.name if section else None})  # fmt: skip
            task.section = section
            task.position = end_position(task.project, section)
        new_person = task.assignee if assignee is UNSET else assignee
        new_seat = task.assignee_seat if assignee_seat is UNSET else assignee_seat
        if assignee is not UNSET and assignee is not None and assignee_seat is UNSET:
            new_seat = None
        if assignee_seat is not UNSET and assignee_seat is not None and assignee is UNSET:
            new_person = None
        if (new_person.pk if new_person else None) != task.assignee_id or (
            new_seat.pk if new_seat else None
        ) != task.assignee_seat_id:
            changes.append({"field": "assignee",
                            "from": display_name(task.assignee) or (
                                task.assignee_seat.title if task.assignee_seat else None),
                            "to": display_name(new_person) or (
                                new_seat.title if new_seat else None)})  # fmt: skip
            task.assignee, task.assignee_seat = new_person, new_seat
            target = new_person or (seat_assignee(new_seat) if new_seat else None)
            if target is not None and target.pk != actor.pk:
                assigned.setdefault(target.pk, (target, []))[1].append(task)
        if due is not UNSET and (due_date, due_at) != (task.due_date, task.due_at):
            changes.append({"field": "due", "from": when_display(task.due_date, task.due_at),
                            "to": when_display(due_date, due_at)})  # fmt: skip
            task.due_date, task.due_at = due_date, due_at
        task.save(update_fields=["section", "position", "assignee", "assignee_seat",
                                 "due_date", "due_at", "updated_at"])  # fmt: skip
        # The Done column and the status move together; when both changed, the status wins.
        follows: list[Change] = []
        if status is not None and status != task.status:
            changes.append({"field": "status", "from": task.status, "to": status})
            _apply_status(actor, task, status)
            follows = follow_status(task, columns)
        elif (old_section.pk if old_section else None) != task.section_id:
            follows = follow_column(actor, task, old_section)
        changes += [{"field": f, "from": old, "to": new} for f, old, new in follows]
        if changes or add or remove:
            if add:
                changes.append({"field": "labels", "from": None,
                                "to": sorted(label.name for label in add)})  # fmt: skip
            if remove:
                changes.append({"field": "labels", "from": sorted(x.name for x in remove),
                                "to": None})  # fmt: skip
            activity(task, actor, "bulk_changed", changes=changes)
    if add:
        TaskLabel.objects.bulk_create(
            [TaskLabel(workspace=actor.workspace, task=t, label=label) for t in tasks
             for label in add],
            ignore_conflicts=True,
        )  # fmt: skip
    if remove:
        TaskLabel.objects.filter(task__in=tasks, label__in=remove).delete()
    for person, their_tasks in assigned.values():
        if len(their_tasks) == 1:
            notify_assigned(actor, their_tasks[0])
        else:
            notify(
                recipient=person,
                kind="task.assigned",
                params={"actor": display_name(actor), "count": len(their_tasks)},
            )
    audit_event(actor, "tasks.bulk_updated", None, context, count=len(tasks))
    index_tasks_later(tasks, actor.workspace_id)
    return len(tasks)


def check_can_edit(actor: Membership, task: Task) -> None:
    if not can_edit_task(actor, task):
        raise PermissionDenied(_("You cannot change this task."))
