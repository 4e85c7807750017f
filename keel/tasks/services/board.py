"""Moving a card on the board: into a column, between two neighbours.

Positions are floats: a moved card takes the midpoint of its neighbours, so a move writes
one row; when the gap gets too small the column is renumbered 1, 2, 3 … first.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.services import AuditContext, same_workspace
from keel.tasks.access import require_edit_in_project
from keel.tasks.models import Project, Section, Task
from keel.tasks.services._common import activity
from keel.tasks.services.task_fields import check_section, end_position
from keel.tasks.services.tasks import follow_column

MIN_GAP = 1e-6  # below this, a column is renumbered 1, 2, 3 … before inserting


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
        return end_position(project, section)
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
    context: AuditContext | None = None,
) -> Task:
    """Put the card in `section`, right after `after` and/or right before `before`.

    With neither neighbour the card goes to the end of the column. Into the project's Done
    column completes the task, out of it reopens it (services.tasks.follow_column).
    Positions are floats (midpoint of the neighbours); when the gap gets too small the
    column is renumbered.
    """
    same_workspace(actor, task, section, before, after)
    project = task.project
    require_edit_in_project(actor, project)
    check_section(section, project)
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
        # Into the Done column completes the task; out of it reopens it.
        for field, old, new in follow_column(actor, task, old_section):
            activity(task, actor, "changed", field=field, **{"from": old, "to": new})
    return task
