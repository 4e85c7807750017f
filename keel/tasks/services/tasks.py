"""Writes for tasks: create, update (one Activity per changed field), status (with the
completion hook registry) and delete. Moving on the board is services.board; the field
checks shared with bulk edit are services.task_fields.

Notifications (keel.notifications) are a delivery service any module may use, like core:
assigning a task tells the new assignee ("task.assigned").

`on_task_completed` is a hook registry: the planning part appends a callable
`hook(*, actor, task)` (e.g. "repeat after completion"). Hooks run inside the completing
transaction, so an error in a hook leaves the task open rather than half-done.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.org.models import Seat
from keel.tasks.access import require_edit_in_project
from keel.tasks.markdown import render_markdown
from keel.tasks.models import Label, Project, Recurrence, Section, Status, Task
from keel.tasks.search import index_tasks_later
from keel.tasks.services._common import (
    activity,
    allocate_task_numbers,
    display_name,
    resolve_labels,
    split_when,
    task_ref,
)
from keel.tasks.services.task_fields import (
    add_followers,
    check_assignees,
    check_dates,
    check_followers,
    check_parent,
    check_priority,
    check_section,
    check_status,
    clean_title,
    end_position,
    notify_assigned,
    set_labels,
    when_display,
)


class _Unset:
    """ "Leave this field alone" in updates and bulk edits (None means "clear it")."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()

CompletionHook = Callable[..., None]
on_task_completed: list[CompletionHook] = []


@dataclasses.dataclass(frozen=True, kw_only=True)
class TaskChanges:
    """What `task_update` changes. A field left UNSET keeps its value; None clears it.

    `start`/`due` are a date or an aware datetime; `labels` are labels or names (new names
    are created); `followers` and `labels` replace the current ones.
    """

    title: str = UNSET
    description: str = UNSET
    section: Section | None = UNSET
    assignee: Membership | None = UNSET
    assignee_seat: Seat | None = UNSET
    start: datetime.date | datetime.datetime | None = UNSET
    due: datetime.date | datetime.datetime | None = UNSET
    priority: int = UNSET
    status: str = UNSET
    labels: Iterable[Label | str] = UNSET
    followers: Iterable[Membership] = UNSET
    parent: Task | None = UNSET

    def given(self) -> dict[str, Any]:
        """The fields to change, by name."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {name: value for name, value in values.items() if value is not UNSET}


# --- Create / update ----------------------------------------------------------------------------


@transaction.atomic
def task_create(
    *,
    actor: Membership,
    project: Project,
    title: str,
    description: str = "",
    section: Section | None = None,
    assignee: Membership | None = None,
    assignee_seat: Seat | None = None,
    start: datetime.date | datetime.datetime | None = None,
    due: datetime.date | datetime.datetime | None = None,
    priority: int = 0,
    labels: Iterable[Label | str] = (),
    parent: Task | None = None,
    followers: Iterable[Membership] = (),
    context: AuditContext | None = None,
) -> Task:
    """A new task numbered KEY-n; `start`/`due` are a date or an aware datetime.

    Without a section it goes to the project's first column (not the Done column), so every
    new card has a place on the board; created in the Done column, it is done.
    """
    same_workspace(actor, project, section, assignee, assignee_seat, parent)
    require_edit_in_project(actor, project)
    title = clean_title(title)
    check_section(section, project)
    if section is None:
        section = first_column(project)
    check_assignees(actor, project, assignee, assignee_seat)
    start_date, start_at = split_when(start, actor.workspace, "start")
    due_date, due_at = split_when(due, actor.workspace, "due")
    check_dates(start_date, due_date)
    priority = check_priority(priority)
    check_parent(None, parent, project)
    people = check_followers(actor, followers, project)
    label_objs = resolve_labels(actor, labels)

    task = Task.objects.create(
        workspace=actor.workspace, project=project, number=allocate_task_numbers(project.pk),
        title=title, description=description or "",
        description_html=render_markdown(description or ""), section=section,
        position=end_position(project, section), priority=priority,
        assignee=assignee, assignee_seat=assignee_seat, start_date=start_date,
        start_at=start_at, due_date=due_date, due_at=due_at, parent=parent, created_by=actor,
    )  # fmt: skip
    set_labels(task, label_objs)
    add_followers(task, [actor, *people])
    activity(task, actor, "created")
    for field, old, new in follow_column(actor, task, None):
        activity(task, actor, "changed", field=field, **{"from": old, "to": new})
    if assignee is not None or assignee_seat is not None:
        notify_assigned(actor, task)
    index_tasks_later([task], task.workspace_id)
    return task


def _apply_status(actor: Membership, task: Task, status: str) -> bool:
    """Set the status (and completed_at); run completion hooks. Returns True if it changed."""
    if status == task.status:
        return False
    was_done = task.status == Status.DONE
    task.status = status
    task.completed_at = timezone.now() if status == Status.DONE else None
    task.save(update_fields=["status", "completed_at", "updated_at"])
    if status == Status.DONE and not was_done:
        for hook in list(on_task_completed):
            hook(actor=actor, task=task)
    return True


# --- The Done column: a card in it is a done task, and a done task is a card in it ---------------

Change = tuple[str, Any, Any]  # an Activity's (field, from, to)


def done_column(project: Project) -> Section | None:
    """The project's Done column (Section.done), if it has one."""
    return Section.objects.filter(project=project, done=True).first()


def first_column(project: Project) -> Section | None:
    """Where new and reopened tasks go: the project's first section that is not Done."""
    return Section.objects.filter(project=project, done=False).order_by("position", "id").first()


def settle_column(
    status: str, section: Section | None, *, done: Section | None, first: Section | None
) -> Section | None:
    """The column of a task being written in bulk (the Asana import), by the same rule, the
    status winning: done → the Done column; open but in the Done column → the first column."""
    if status == Status.DONE and done is not None:
        return done
    if status != Status.DONE and section is not None and section.done:
        return first
    return section


def follow_column(actor: Membership, task: Task, old_section: Section | None) -> list[Change]:
    """The card changed column: into the Done column completes the task (with the completion
    hooks), out of it into another column reopens it ("to do")."""
    in_done = task.section is not None and task.section.done
    was_in_done = old_section is not None and old_section.done
    old = task.status
    if in_done and old != Status.DONE:
        new = Status.DONE
    elif was_in_done and not in_done and old == Status.DONE:
        new = Status.TODO
    else:
        return []
    _apply_status(actor, task, new)
    return [("status", old, new)]


def follow_status(
    task: Task, columns: dict[tuple[int, bool], Section | None] | None = None
) -> list[Change]:
    """The status changed: done moves the card to the end of the Done column (when the project
    has one); reopening a card of the Done column moves it to the first other column.

    `columns` remembers each project's Done and first columns across calls (bulk edits)."""
    in_done = task.section is not None and task.section.done
    if task.status == Status.DONE and not in_done:
        to_done = True
    elif task.status != Status.DONE and in_done:
        to_done = False
    else:
        return []
    columns = {} if columns is None else columns
    key = (task.project_id, to_done)
    if key not in columns:
        columns[key] = done_column(task.project) if to_done else first_column(task.project)
    target = columns[key]
    if to_done and target is None:
        return []
    old = task.section
    task.section, task.position = target, end_position(task.project, target)
    task.save(update_fields=["section", "position", "updated_at"])
    return [("section", old.name if old else None, target.name if target else None)]


@transaction.atomic
def _series_zone(task: Task) -> str:
    """The time zone of the series `task` is an occurrence of ("" for other tasks)."""
    if task.recurrence_id is None:
        return ""
    zone = Recurrence.objects.filter(pk=task.recurrence_id).values_list("timezone", flat=True)
    return zone.first() or ""


def task_update(
    *,
    actor: Membership,
    task: Task,
    changes: TaskChanges,
    context: AuditContext | None = None,
) -> Task:
    """Change the fields `changes` gives; one "changed" Activity per field that really changed.

    Activity data is {"field", "from", "to"}: names for people, seats, sections, labels and
    the parent; ISO dates; codes for status and priority (translated when shown).
    """
    given = changes.given()
    same_workspace(actor, task)
    project = task.project
    require_edit_in_project(actor, project)
    for key in ("section", "assignee", "assignee_seat", "parent"):
        same_workspace(actor, given.get(key))

    log: list[tuple[str, Any, Any]] = []
    fields: set[str] = set()

    if "title" in given:
        title = clean_title(given["title"])
        if title != task.title:
            log.append(("title", task.title, title))
            task.title = title
            fields.add("title")
    if "description" in given:
        description = given["description"] or ""
        if description != task.description:
            log.append(("description", None, None))  # long text: only say it changed
            task.description = description
            task.description_html = render_markdown(description)
            fields |= {"description", "description_html"}
    old_section = task.section
    if "section" in given:
        section = given["section"]
        check_section(section, project)
        if (section.pk if section else None) != task.section_id:
            log.append(("section", task.section.name if task.section else None,
                        section.name if section else None))  # fmt: skip
            task.section = section
            task.position = end_position(project, section)
            fields |= {"section", "position"}
    new_assignee = given.get("assignee", task.assignee)
    new_seat = given.get("assignee_seat", task.assignee_seat)
    if "assignee" in given and new_assignee is not None and "assignee_seat" not in given:
        new_seat = None  # assigning a person replaces a seat
    if "assignee_seat" in given and new_seat is not None and "assignee" not in given:
        new_assignee = None
    assignment_changed = False
    if (new_assignee.pk if new_assignee else None) != task.assignee_id or (
        new_seat.pk if new_seat else None
    ) != task.assignee_seat_id:
        check_assignees(actor, project, new_assignee, new_seat)
        if (new_assignee.pk if new_assignee else None) != task.assignee_id:
            log.append(("assignee", display_name(task.assignee) or None,
                        display_name(new_assignee) or None))  # fmt: skip
        if (new_seat.pk if new_seat else None) != task.assignee_seat_id:
            log.append(("assignee_seat", task.assignee_seat.title if task.assignee_seat else None,
                        new_seat.title if new_seat else None))  # fmt: skip
        task.assignee, task.assignee_seat = new_assignee, new_seat
        fields |= {"assignee", "assignee_seat"}
        assignment_changed = new_assignee is not None or new_seat is not None
    start_date, start_at = task.start_date, task.start_at
    due_date, due_at = task.due_date, task.due_at
    zone = _series_zone(task) if "start" in given or "due" in given else ""
    if "start" in given:
        start_date, start_at = split_when(given["start"], actor.workspace, "start", zone=zone)
    if "due" in given:
        due_date, due_at = split_when(given["due"], actor.workspace, "due", zone=zone)
    check_dates(start_date, due_date)
    if (start_date, start_at) != (task.start_date, task.start_at):
        log.append(("start", when_display(task.start_date, task.start_at),
                    when_display(start_date, start_at)))  # fmt: skip
        task.start_date, task.start_at = start_date, start_at
        fields |= {"start_date", "start_at"}
    if (due_date, due_at) != (task.due_date, task.due_at):
        log.append(("due", when_display(task.due_date, task.due_at),
                    when_display(due_date, due_at)))  # fmt: skip
        task.due_date, task.due_at = due_date, due_at
        fields |= {"due_date", "due_at"}
    if "priority" in given:
        priority = check_priority(given["priority"])
        if priority != task.priority:
            log.append(("priority", task.priority, priority))
            task.priority = priority
            fields.add("priority")
    if "parent" in given:
        parent = given["parent"]
        check_parent(task, parent, project)
        if (parent.pk if parent else None) != task.parent_id:
            log.append(("parent", str(task.parent) if task.parent else None,
                        str(parent) if parent else None))  # fmt: skip
            task.parent = parent
            fields.add("parent")
    status = check_status(given["status"]) if "status" in given else task.status
    labels = resolve_labels(actor, given["labels"]) if "labels" in given else None
    followers = (
        check_followers(actor, given["followers"], project) if "followers" in given else None
    )

    if fields:
        task.save(update_fields=[*sorted(fields), "updated_at"])
    # The Done column and the status move together; when both changed, the status wins.
    if status != task.status:
        old = task.status
        _apply_status(actor, task, status)
        log.append(("status", old, status))
        log += follow_status(task)
    elif "section" in fields:
        log += follow_column(actor, task, old_section)
    if labels is not None:
        before = sorted(task.labels.values_list("name", flat=True))
        after = sorted(label.name for label in labels)
        if before != after:
            set_labels(task, labels)
            log.append(("labels", before, after))
    if followers is not None:
        before_ids = set(task.task_followers.values_list("membership_id", flat=True))
        wanted = {p.pk for p in followers}
        if before_ids != wanted:
            task.task_followers.exclude(membership_id__in=wanted).delete()
            add_followers(task, followers)
            log.append(("followers", len(before_ids), len(wanted)))
    for field, old, new in log:
        activity(task, actor, "changed", field=field, **{"from": old, "to": new})
    if assignment_changed:
        notify_assigned(actor, task)
    index_tasks_later([task], task.workspace_id)
    return task


@transaction.atomic
def task_set_status(
    *, actor: Membership, task: Task, status: str, context: AuditContext | None = None
) -> Task:
    """Set the status; "done" stamps completed_at, runs the `on_task_completed` hooks and
    moves the card to the Done column (reopening moves it out: see follow_status)."""
    return task_update(actor=actor, task=task, changes=TaskChanges(status=status), context=context)


# --- Delete ---------------------------------------------------------------------------------


@transaction.atomic
def task_delete(*, actor: Membership, task: Task, context: AuditContext | None = None) -> None:
    """Delete the task with its subtasks, comments and attachments (files removed on commit)."""
    same_workspace(actor, task)
    require_edit_in_project(actor, task.project)
    from keel.tasks.models import Attachment

    files = list(
        Attachment.objects.filter(Q(task=task) | Q(task__parent=task)).values_list(
            "file", flat=True
        )
    )
    audit_event(actor, "task.deleted", task, context, ref=task_ref(task))
    gone = list(Task.objects.filter(Q(pk=task.pk) | Q(parent=task)).values_list("pk", flat=True))
    task.delete()
    index_tasks_later(gone, actor.workspace_id)
    if files:
        from django.core.files.storage import default_storage

        def _remove_files() -> None:
            for name in files:
                default_storage.delete(name)

        transaction.on_commit(_remove_files)
