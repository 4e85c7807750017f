"""What tasks hands over when someone leaves, and what a seat owns (registered in wiring).

Two offboarding steps, both "a person receives it" (default: the seat above's holder):

- `tasks.open_work`: the person's own open tasks (assigned to them, not to their seat); each
  goes to its receiver with the bulk edit's rules and notifications, or is left unassigned.
- `tasks.series`: the recurring series assigned to the person; each gets a new assignee
  (a series always has someone).

Work assigned to the person's *seat* is not handed over here: it stays with the seat, and the
org app's seat step says who does it next. The seat-ownership providers below make that work
visible on the seat page and in the offboarding plan (open tasks, recurring series, projects).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
)
from keel.core.models import Membership
from keel.tasks.models import Project, Recurrence, Task
from keel.tasks.services._common import task_path, task_ref

if TYPE_CHECKING:
    from keel.org.models import Seat

SEAT_ITEMS = 50  # per source on the seat page


def _open_tasks(membership: Membership) -> QuerySet[Task]:
    return (
        Task.objects.open()
        .filter(workspace_id=membership.workspace_id, assignee=membership)
        .select_related("project__workspace", "workspace")
        .order_by("due_date", "id")
    )


def _series(membership: Membership) -> QuerySet[Recurrence]:
    return (
        Recurrence.objects.filter(
            workspace_id=membership.workspace_id, assignee=membership, stopped_at__isnull=True
        )
        .select_related("project__workspace", "workspace")
        .order_by("title", "id")
    )


def _task_detail(task: Task) -> str:
    if task.due_date is None:
        return task.project.name
    due = formats.date_format(task.due_date, "DATE_FORMAT")
    return _("%(project)s · due %(date)s") % {"project": task.project.name, "date": due}


def _rule(series: Recurrence) -> str:
    from keel.tasks.recurrence import describe

    return describe(series.rrule, series.dtstart_local)


def _series_detail(series: Recurrence) -> str:
    return f"{series.project.name} · {_rule(series)}"


def _series_url(series: Recurrence) -> str:
    return reverse("recurrence_edit", kwargs={"ws": series.project.workspace.slug,
                                               "recurrence_id": series.pk})  # fmt: skip


def preview_open_tasks(membership: Membership) -> list[HandoverItem]:
    return [
        HandoverItem(key=str(t.pk), label=f"{task_ref(t)} {t.title}", detail=_task_detail(t),
                     url=task_path(t))
        for t in _open_tasks(membership)
    ]  # fmt: skip


def hand_over_open_tasks(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Give each open task to its receiver: one bulk edit per receiver (notified once)."""
    from keel.tasks.services import tasks_bulk_update

    tasks = list(_open_tasks(membership))
    by_receiver: dict[int | None, list[Task]] = {}
    receivers: dict[int | None, Membership | None] = {None: None}
    for task in tasks:
        receiver = handover.get(str(task.pk))
        key = receiver.pk if receiver else None
        receivers[key] = receiver
        by_receiver.setdefault(key, []).append(task)
    result = OffboardingStepResult(count=len(tasks))
    for key, group in by_receiver.items():
        receiver = receivers[key]
        tasks_bulk_update(actor=actor, tasks=group, assignee=receiver)
        for task in group:
            label = f"{task_ref(task)} {task.title}"
            result.items.append(label)
            if receiver is None:
                result.moves.append(Move(label, MoveKind.UNASSIGNED))
            else:
                result.moves.append(Move(label, MoveKind.PERSON, receiver.user.display_name))
    return result


def preview_series(membership: Membership) -> list[HandoverItem]:
    return [
        HandoverItem(key=str(s.pk), label=s.title, detail=_series_detail(s), url=_series_url(s))
        for s in _series(membership)
    ]


def hand_over_series(
    membership: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Give each recurring series a new assignee through the series service (audited)."""
    from keel.tasks.services.recurrence import recurrence_update

    result = OffboardingStepResult()
    for series in _series(membership):
        receiver = handover.get(str(series.pk)) or actor
        recurrence_update(actor=actor, recurrence=series, assignee=receiver)
        result.items.append(series.title)
        result.moves.append(Move(series.title, MoveKind.PERSON, receiver.user.display_name))
    result.count = len(result.items)
    return result


# --- What a seat owns -------------------------------------------------------------------------


def seat_open_tasks(seat: Seat) -> list[tuple[str, str]]:
    """The seat's open tasks (text, task page)."""
    tasks = (
        Task.objects.open()
        .filter(workspace_id=seat.workspace_id, assignee_seat=seat)
        .select_related("project__workspace", "workspace")
        .order_by("due_date", "id")[:SEAT_ITEMS]
    )
    return [(f"{task_ref(t)} {t.title}", task_path(t)) for t in tasks]


def seat_series(seat: Seat) -> list[tuple[str, str]]:
    """The recurring series the seat does (running ones)."""
    series = (
        Recurrence.objects.filter(
            workspace_id=seat.workspace_id, assignee_seat=seat, stopped_at__isnull=True
        )
        .select_related("project__workspace", "workspace")
        .order_by("title", "id")[:SEAT_ITEMS]
    )
    return [(f"{s.title} ({_rule(s)})", _series_url(s)) for s in series]


def seat_projects(seat: Seat) -> list[tuple[str, str]]:
    """The projects the seat owns (not archived)."""
    projects = (
        Project.objects.filter(
            workspace_id=seat.workspace_id, owner_seat=seat, archived_at__isnull=True
        )
        .select_related("workspace")
        .order_by("name", "id")[:SEAT_ITEMS]
    )
    return [
        (f"{p.key} {p.name}", reverse("project_board", kwargs={"ws": p.workspace.slug,
                                                               "project_id": p.pk}))
        for p in projects
    ]  # fmt: skip
