"""Writes for tasks: create, update (one Activity per changed field), move on the board,
status (with the completion hook registry), delete, dependencies and bulk edit.

Notifications (keel.notifications) are a delivery service any module may use, like core:
assigning a task tells the new assignee ("task.assigned").

`on_task_completed` is a hook registry: the planning part appends a callable
`hook(*, actor, task)` (e.g. "repeat after completion"). Hooks run inside the completing
transaction, so an error in a hook leaves the task open rather than half-done.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.core.models import Membership
from keel.notifications.services import notify
from keel.org.models import Seat
from keel.org.resolution import seat_assignee
from keel.tasks.access import require_edit_in_project
from keel.tasks.markdown import render_markdown
from keel.tasks.models import (
    Label,
    Project,
    Section,
    Status,
    Task,
    TaskFollower,
    TaskLabel,
)
from keel.tasks.models import Priority as PriorityChoices
from keel.tasks.services._common import (
    activity,
    audit_event,
    check_person,
    display_name,
    resolve_labels,
    same_workspace,
    split_when,
    task_path,
    task_ref,
)

if TYPE_CHECKING:
    from django.http import HttpRequest


class _Unset:
    """ "Leave this field alone" in bulk edits (None means "clear it")."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()

CompletionHook = Callable[..., None]
on_task_completed: list[CompletionHook] = []

UPDATABLE = ("title", "description", "section", "assignee", "assignee_seat", "start", "due",
             "priority", "status", "labels", "followers", "parent")  # fmt: skip
MIN_GAP = 1e-6  # below this, a column is renumbered 1, 2, 3 … before inserting


# --- Validation ---------------------------------------------------------------------------------


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the task a title.")})
    if len(title) > 300:
        raise ValidationError({"title": _("Use at most 300 characters.")})
    return title


def _check_dates(start_date: Any, due_date: Any) -> None:
    if start_date and due_date and due_date < start_date:
        raise ValidationError({"due": _("The due date is before the start date.")})


def _check_section(section: Section | None, project: Project) -> None:
    if section is not None and section.project_id != project.pk:
        raise ValidationError({"section": _("Choose a section of this project.")})


def _check_seat(actor: Membership, seat: Seat | None) -> None:
    if seat is not None and seat.workspace_id != actor.workspace_id:
        raise ValidationError({"assignee_seat": _("Choose a seat of this workspace.")})


def _check_parent(task: Task | None, parent: Task | None, project: Project) -> None:
    if parent is None:
        return
    if parent.project_id != project.pk:
        raise ValidationError({"parent": _("A subtask must be in the same project.")})
    if task is not None:
        seen: set[int] = set()
        current: Task | None = parent
        # Walk up the parent chain: a task cannot become a subtask of its own subtask.
        while current is not None and current.pk not in seen:
            if current.pk == task.pk:
                raise ValidationError({"parent": _("A task cannot be its own subtask.")})
            seen.add(current.pk)
            current = current.parent if current.parent_id else None


def _check_priority(priority: int) -> int:
    if priority not in PriorityChoices.values:
        raise ValidationError({"priority": _("Choose a priority from the list.")})
    return int(priority)


def _check_status(status: str) -> str:
    if status not in Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    return status


def _check_assignees(
    actor: Membership, project: Project, assignee: Membership | None, seat: Seat | None
) -> None:
    if assignee is not None and seat is not None:
        raise ValidationError(
            {"assignee": _("Assign the task to a person or to a seat, not both.")}
        )
    check_person(actor, assignee, project, "assignee")
    _check_seat(actor, seat)


def _people(actor: Membership, people: Iterable[Membership], project: Project) -> list[Membership]:
    result: dict[int, Membership] = {}
    for person in people:
        check_person(actor, person, project, "followers")
        result[person.pk] = person
    return list(result.values())


def _next_number(project: Project) -> int:
    # Atomic even with concurrent writers: the UPDATE takes the row lock, the read follows it.
    Project.objects.filter(pk=project.pk).update(task_counter=F("task_counter") + 1)
    number: int = Project.objects.values_list("task_counter", flat=True).get(pk=project.pk)
    project.task_counter = number
    return number


def _end_position(project: Project, section: Section | None) -> float:
    last = Task.objects.filter(project=project, section=section).aggregate(m=Max("position"))["m"]
    return 1.0 if last is None else float(last) + 1.0


# --- Notifications ------------------------------------------------------------------------------


def _notify_assigned(actor: Membership, task: Task) -> None:
    person = task.assignee
    if person is None and task.assignee_seat is not None:
        person = seat_assignee(task.assignee_seat)
    if person is None or person.pk == actor.pk:
        return
    notify(
        recipient=person,
        kind="task.assigned",
        title=format_lazy(
            gettext_lazy("{actor} assigned you {task}"), actor=display_name(actor), task=str(task)
        ),
        url=task_path(task),
    )


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
    request: HttpRequest | None = None,
) -> Task:
    """A new task numbered KEY-n; `start`/`due` are a date or an aware datetime."""
    same_workspace(actor, project, section, assignee, assignee_seat, parent)
    require_edit_in_project(actor, project)
    title = _clean_title(title)
    _check_section(section, project)
    _check_assignees(actor, project, assignee, assignee_seat)
    start_date, start_at = split_when(start, actor.workspace, "start")
    due_date, due_at = split_when(due, actor.workspace, "due")
    _check_dates(start_date, due_date)
    priority = _check_priority(priority)
    _check_parent(None, parent, project)
    people = _people(actor, followers, project)
    label_objs = resolve_labels(actor, labels)

    task = Task.objects.create(
        workspace=actor.workspace, project=project, number=_next_number(project), title=title,
        description=description or "", description_html=render_markdown(description or ""),
        section=section, position=_end_position(project, section), priority=priority,
        assignee=assignee, assignee_seat=assignee_seat, start_date=start_date,
        start_at=start_at, due_date=due_date, due_at=due_at, parent=parent, created_by=actor,
    )  # fmt: skip
    _set_labels(task, label_objs)
    _add_followers(task, [actor, *people])
    activity(task, actor, "created")
    if assignee is not None or assignee_seat is not None:
        _notify_assigned(actor, task)
    return task


def _set_labels(task: Task, labels: Sequence[Label]) -> None:
    wanted = {label.pk for label in labels}
    TaskLabel.objects.filter(task=task).exclude(label_id__in=wanted).delete()
    TaskLabel.objects.bulk_create(
        [TaskLabel(workspace_id=task.workspace_id, task=task, label_id=pk) for pk in wanted],
        ignore_conflicts=True,
    )


def _add_followers(task: Task, people: Iterable[Membership]) -> None:
    TaskFollower.objects.bulk_create(
        [
            TaskFollower(workspace_id=task.workspace_id, task=task, membership_id=p.pk)
            for p in {p.pk: p for p in people}.values()
        ],
        ignore_conflicts=True,
    )


def _when_display(date: datetime.date | None, at: datetime.datetime | None) -> str | None:
    if at is not None:
        return at.isoformat()
    return date.isoformat() if date else None


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


@transaction.atomic
def task_update(
    *, actor: Membership, task: Task, request: HttpRequest | None = None, **changes: Any
) -> Task:
    """Change the given fields; one "changed" Activity per field that really changed.

    Activity data is {"field", "from", "to"}: names for people, seats, sections, labels and
    the parent; ISO dates; codes for status and priority (translated when shown).
    """
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"task_update() got unknown fields: {sorted(unknown)}")
    same_workspace(actor, task)
    project = task.project
    require_edit_in_project(actor, project)
    for key in ("section", "assignee", "assignee_seat", "parent"):
        same_workspace(actor, changes.get(key))

    log: list[tuple[str, Any, Any]] = []
    fields: set[str] = set()

    if "title" in changes:
        title = _clean_title(changes["title"])
        if title != task.title:
            log.append(("title", task.title, title))
            task.title = title
            fields.add("title")
    if "description" in changes:
        description = changes["description"] or ""
        if description != task.description:
            log.append(("description", None, None))  # long text: only say it changed
            task.description = description
            task.description_html = render_markdown(description)
            fields |= {"description", "description_html"}
    if "section" in changes:
        section = changes["section"]
        _check_section(section, project)
        if (section.pk if section else None) != task.section_id:
            log.append(("section", task.section.name if task.section else None,
                        section.name if section else None))  # fmt: skip
            task.section = section
            task.position = _end_position(project, section)
            fields |= {"section", "position"}
    new_assignee = changes.get("assignee", task.assignee)
    new_seat = changes.get("assignee_seat", task.assignee_seat)
    if "assignee" in changes and new_assignee is not None and "assignee_seat" not in changes:
        new_seat = None  # assigning a person replaces a seat
    if "assignee_seat" in changes and new_seat is not None and "assignee" not in changes:
        new_assignee = None
    assignment_changed = False
    if (new_assignee.pk if new_assignee else None) != task.assignee_id or (
        new_seat.pk if new_seat else None
    ) != task.assignee_seat_id:
        _check_assignees(actor, project, new_assignee, new_seat)
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
    if "start" in changes:
        start_date, start_at = split_when(changes["start"], actor.workspace, "start")
    if "due" in changes:
        due_date, due_at = split_when(changes["due"], actor.workspace, "due")
    _check_dates(start_date, due_date)
    if (start_date, start_at) != (task.start_date, task.start_at):
        log.append(("start", _when_display(task.start_date, task.start_at),
                    _when_display(start_date, start_at)))  # fmt: skip
        task.start_date, task.start_at = start_date, start_at
        fields |= {"start_date", "start_at"}
    if (due_date, due_at) != (task.due_date, task.due_at):
        log.append(("due", _when_display(task.due_date, task.due_at),
                    _when_display(due_date, due_at)))  # fmt: skip
        task.due_date, task.due_at = due_date, due_at
        fields |= {"due_date", "due_at"}
    if "priority" in changes:
        priority = _check_priority(changes["priority"])
        if priority != task.priority:
            log.append(("priority", task.priority, priority))
            task.priority = priority
            fields.add("priority")
    if "parent" in changes:
        parent = changes["parent"]
        _check_parent(task, parent, project)
        if (parent.pk if parent else None) != task.parent_id:
            log.append(("parent", str(task.parent) if task.parent else None,
                        str(parent) if parent else None))  # fmt: skip
            task.parent = parent
            fields.add("parent")
    status = _check_status(changes["status"]) if "status" in changes else task.status
    labels = resolve_labels(actor, changes["labels"]) if "labels" in changes else None
    followers = _people(actor, changes["followers"], project) if "followers" in changes else None

    if fields:
        task.save(update_fields=[*sorted(fields), "updated_at"])
    if status != task.status:
        old = task.status
        _apply_status(actor, task, status)
        log.append(("status", old, status))
    if labels is not None:
        before = sorted(task.labels.values_list("name", flat=True))
        after = sorted(label.name for label in labels)
        if before != after:
            _set_labels(task, labels)
            log.append(("labels", before, after))
    if followers is not None:
        before_ids = set(task.task_followers.values_list("membership_id", flat=True))
        wanted = {p.pk for p in followers}
        if before_ids != wanted:
            task.task_followers.exclude(membership_id__in=wanted).delete()
            _add_followers(task, followers)
            log.append(("followers", len(before_ids), len(wanted)))
    for field, old, new in log:
        activity(task, actor, "changed", field=field, **{"from": old, "to": new})
    if assignment_changed:
        _notify_assigned(actor, task)
    return task


@transaction.atomic
def task_set_status(
    *, actor: Membership, task: Task, status: str, request: HttpRequest | None = None
) -> Task:
    """Set the status; "done" stamps completed_at and runs the `on_task_completed` hooks."""
    return task_update(actor=actor, task=task, status=status, request=request)


# --- Board position -----------------------------------------------------------------------------


def _column(project: Project, section: Section | None) -> Any:
    return Task.objects.filter(project=project, section=section)


def _renumber(project: Project, section: Section | None) -> None:
    tasks = list(_column(project, section).order_by("position", "id").only("id", "position"))
    for index, item in enumerate(tasks, start=1):
        item.position = float(index)
    Task.objects.bulk_update(tasks, ["position"], batch_size=500)


def _position_between(
    project: Project, section: Section | None, task: Task, before: Task | None, after: Task | None
) -> float | None:
    """A position after `after` and before `before` (None when the gap is too small)."""
    column = _column(project, section).exclude(pk=task.pk)
    low: float | None = None
    high: float | None = None
    if after is not None:
        low = after.position
        if before is None:
            nxt = (
                column.filter(
                    Q(position__gt=after.position) | Q(position=after.position, id__gt=after.pk)
                )
                .order_by("position", "id")
                .values_list("position", flat=True)
                .first()
            )
            high = nxt
    if before is not None:
        high = before.position
        if after is None:
            prev = (
                column.filter(
                    Q(position__lt=before.position) | Q(position=before.position, id__lt=before.pk)
                )
                .order_by("-position", "-id")
                .values_list("position", flat=True)
                .first()
            )
            low = prev
    if low is None and high is None:
        return _end_position(project, section)
    if low is None:
        assert high is not None
        return high - 1.0
    if high is None:
        return low + 1.0
    if high - low < MIN_GAP:
        return None
    return (low + high) / 2.0


@transaction.atomic
def task_move(
    *,
    actor: Membership,
    task: Task,
    section: Section | None,
    before: Task | None = None,
    after: Task | None = None,
    request: HttpRequest | None = None,
) -> Task:
    """Put the card in `section`, right after `after` and/or right before `before`.

    With neither neighbour the card goes to the end of the column. Positions are floats
    (midpoint of the neighbours); when the gap gets too small the column is renumbered.
    """
    same_workspace(actor, task, section, before, after)
    project = task.project
    require_edit_in_project(actor, project)
    _check_section(section, project)
    for neighbour in (before, after):
        if neighbour is not None and (
            neighbour.project_id != project.pk
            or neighbour.section_id != (section.pk if section else None)
            or neighbour.pk == task.pk
        ):
            raise ValidationError({"position": _("Drop the card next to a card of that column.")})
    position = _position_between(project, section, task, before, after)
    if position is None:
        _renumber(project, section)
        for neighbour in (before, after):
            if neighbour is not None:
                neighbour.refresh_from_db(fields=["position"])
        position = _position_between(project, section, task, before, after)
        assert position is not None
    old_section = task.section
    task.section, task.position = section, position
    task.save(update_fields=["section", "position", "updated_at"])
    if (old_section.pk if old_section else None) != (section.pk if section else None):
        activity(task, actor, "changed", field="section",
                 **{"from": old_section.name if old_section else None,
                    "to": section.name if section else None})  # fmt: skip
    return task


# --- Delete ---------------------------------------------------------------------------------


@transaction.atomic
def task_delete(*, actor: Membership, task: Task, request: HttpRequest | None = None) -> None:
    """Delete the task with its subtasks, comments and attachments (files removed on commit)."""
    same_workspace(actor, task)
    require_edit_in_project(actor, task.project)
    from keel.tasks.models import Attachment

    files = list(
        Attachment.objects.filter(Q(task=task) | Q(task__parent=task)).values_list(
            "file", flat=True
        )
    )
    audit_event(actor, "task.deleted", task, request, ref=task_ref(task))
    task.delete()
    if files:
        from django.core.files.storage import default_storage

        def _remove_files() -> None:
            for name in files:
                default_storage.delete(name)

        transaction.on_commit(_remove_files)
