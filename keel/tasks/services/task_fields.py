"""Checking and writing a task's fields: shared by create and update (services.tasks), the
board (services.board) and bulk edit (services.bulk), so each rule is written once.

Checks raise ValidationError({field: message}) with the API's and the forms' field names.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.validators import clean_line
from keel.notifications.services import notify
from keel.org.models import Seat
from keel.org.resolution import seat_assignee
from keel.tasks.models import Label, Project, Section, Status, Task, TaskFollower, TaskLabel
from keel.tasks.models import Priority as PriorityChoices
from keel.tasks.services._common import check_person, display_name, task_path

# --- Validation ---------------------------------------------------------------------------------


TITLE_MAX = 300


def clean_title(title: str) -> str:
    """A task's (or a series') title: one line of at most TITLE_MAX characters, never cut."""
    return clean_line(title, field="title", max_length=TITLE_MAX,
                      required=_("Give the task a title."))  # fmt: skip


def check_dates(start_date: Any, due_date: Any) -> None:
    if start_date and due_date and due_date < start_date:
        raise ValidationError({"due": _("The due date is before the start date.")})


def check_section(section: Section | None, project: Project) -> None:
    if section is not None and section.project_id != project.pk:
        raise ValidationError({"section": _("Choose a section of this project.")})


def check_seat(actor: Membership, seat: Seat | None) -> None:
    if seat is not None and seat.workspace_id != actor.workspace_id:
        raise ValidationError({"assignee_seat": _("Choose a seat of this workspace.")})


def check_parent(task: Task | None, parent: Task | None, project: Project) -> None:
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


def check_priority(priority: int) -> int:
    """Priorities are the Priority choices (the database's CHECK is the last line): a series
    with priority 9 would give every occurrence a priority no reader can show."""
    if isinstance(priority, bool) or priority not in PriorityChoices.values:
        raise ValidationError({"priority": _("Choose a priority from the list.")})
    return int(priority)


def check_status(status: str) -> str:
    if status not in Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    return status


def check_assignees(
    actor: Membership, project: Project, assignee: Membership | None, seat: Seat | None
) -> None:
    if assignee is not None and seat is not None:
        raise ValidationError(
            {"assignee": _("Assign the task to a person or to a seat, not both.")}
        )
    check_person(actor, assignee, project, "assignee")
    check_seat(actor, seat)


def check_followers(
    actor: Membership, people: Iterable[Membership], project: Project
) -> list[Membership]:
    result: dict[int, Membership] = {}
    for person in people:
        check_person(actor, person, project, "followers")
        result[person.pk] = person
    return list(result.values())


# --- Writing ------------------------------------------------------------------------------------


def end_position(project: Project, section: Section | None) -> float:
    """A board position after the last card of the column."""
    last = Task.objects.filter(project=project, section=section).aggregate(m=Max("position"))["m"]
    return 1.0 if last is None else float(last) + 1.0


def set_labels(task: Task, labels: Sequence[Label]) -> None:
    wanted = {label.pk for label in labels}
    TaskLabel.objects.filter(task=task).exclude(label_id__in=wanted).delete()
    TaskLabel.objects.bulk_create(
        [TaskLabel(workspace_id=task.workspace_id, task=task, label_id=pk) for pk in wanted],
        ignore_conflicts=True,
    )


def add_followers(task: Task, people: Iterable[Membership]) -> None:
    TaskFollower.objects.bulk_create(
        [
            TaskFollower(workspace_id=task.workspace_id, task=task, membership_id=p.pk)
            for p in {p.pk: p for p in people}.values()
        ],
        ignore_conflicts=True,
    )


def when_display(date: datetime.date | None, at: datetime.datetime | None) -> str | None:
    """A start or due value as Activity data: the ISO date-time, else the ISO date."""
    if at is not None:
        return at.isoformat()
    return date.isoformat() if date else None


def notify_assigned(actor: Membership, task: Task) -> None:
    """Tell the new assignee (the seat's holder for a seat), unless they assigned themselves."""
    person = task.assignee
    if person is None and task.assignee_seat is not None:
        person = seat_assignee(task.assignee_seat)
    if person is None or person.pk == actor.pk:
        return
    notify(
        recipient=person,
        kind="task.assigned",
        params={"actor": display_name(actor), "task": str(task)},
        url=task_path(task),
    )
