"""Helpers shared by the tasks services: task numbers, activity, dates, people, labels.

Auditing and the same-workspace check are keel.core.services' (shared by every app).
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.services import same_workspace
from keel.core.validators import clean_line
from keel.tasks.access import can_see_project
from keel.tasks.models import Activity, Label, Project

if TYPE_CHECKING:
    from keel.core.models import Membership, Workspace
    from keel.tasks.models import Task


def allocate_task_numbers(project_id: int, count: int = 1) -> int:
    """Reserve `count` consecutive task numbers (KEY-n) in the project; returns the first.

    Safe with concurrent writers: the UPDATE takes the project's row lock until the
    transaction ends, and the read that follows sees our own increment. A rolled-back
    transaction gives its numbers back.
    """
    Project.objects.filter(pk=project_id).update(task_counter=F("task_counter") + count)
    last = Project.objects.values_list("task_counter", flat=True).get(pk=project_id)
    return int(last) - count + 1


def activity(task: Task, actor: Membership | None, verb: str, **data: Any) -> Activity:
    return Activity.objects.create(
        workspace_id=task.workspace_id, task=task, actor=actor, verb=verb, data=data
    )


def workspace_tz(workspace: Workspace) -> datetime.tzinfo:
    try:
        return zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return datetime.UTC


def series_tz(name: str) -> datetime.tzinfo:
    """A series' zone by IANA name (validated when the series was saved; UTC if gone since)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: name too long
        return datetime.UTC


def split_when(
    value: datetime.date | datetime.datetime | None,
    workspace: Workspace,
    field: str,
    *,
    zone: str = "",
) -> tuple[datetime.date | None, datetime.datetime | None]:
    """(day, aware datetime or None) for a start or due value.

    The day is the workspace's, except for an occurrence of a recurring series: `zone` is
    then the series' time zone, whose calendar the occurrence belongs to (a Friday 17:00
    Berlin routine is Friday's work even where it is already Saturday).
    """
    if value is None:
        return None, None
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            raise ValidationError({field: _("Give the time with its time zone.")})
        tz = series_tz(zone) if zone else workspace_tz(workspace)
        return timezone.localdate(value, tz), value
    if isinstance(value, datetime.date):
        return value, None
    raise ValidationError({field: _("Enter a date or a date and time.")})


def check_person(
    actor: Membership, person: Membership | None, project: Project, field: str
) -> None:
    """`person` may be assigned or follow in `project`: an active member who can see it."""
    if person is None:
        return
    if person.workspace_id != actor.workspace_id:
        raise ValidationError({field: _("Choose a member of this workspace.")})
    if not person.is_active:
        raise ValidationError({field: _("%(name)s has left the workspace.") % {
            "name": display_name(person)}})  # fmt: skip
    if not can_see_project(person, project):
        raise ValidationError(
            {field: _("%(name)s cannot see this project. Add them to it first.")
             % {"name": display_name(person)}}
        )  # fmt: skip


def display_name(membership: Membership | None) -> str:
    if membership is None:
        return ""
    user = membership.user
    return str(getattr(user, "display_name", "") or user.full_name or user.email)


LABEL_MAX = 40


def resolve_labels(actor: Membership, labels: Iterable[Label | str]) -> list[Label]:
    """Labels by object or by name; names that don't exist yet are created in the workspace.
    A name longer than LABEL_MAX or with control characters is refused (ValidationError on
    "labels"), never cut."""
    result: dict[int, Label] = {}
    names: list[str] = []
    for item in labels:
        if isinstance(item, Label):
            same_workspace(actor, item)
            result[item.pk] = item
        else:
            name = clean_line(str(item), field="labels", max_length=LABEL_MAX)
            if name:
                names.append(name)
    if names:
        existing = {
            label.name.lower(): label
            for label in Label.objects.in_workspace(actor.workspace).filter(name__in=names)
        }
        for name in names:
            label = existing.get(name.lower())
            if label is None:
                label, _created = Label.objects.get_or_create(workspace=actor.workspace, name=name)
                existing[name.lower()] = label
            result[label.pk] = label
    return list(result.values())


def task_path(task: Task) -> str:
    """The task page's path (used in notifications and activity links)."""
    slug = task.project.workspace.slug if task.project_id else task.workspace.slug
    return reverse("task_detail", kwargs={"ws": slug, "task_id": task.pk})


def task_ref(task: Task) -> str:
    return f"{task.project.key}-{task.number}"
