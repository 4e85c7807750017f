"""Template helpers for the tasks pages: `{% load tasks_ui %}`.

`task|assignee_of` is who does the task now (a seat resolves to its holder, or up the chart);
`activity|activity_text` says what one history entry changed, in the reader's language.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.tasks.models import Priority, Status
from keel.tasks.selectors import task_assignee

register = template.Library()

FIELD_NAMES = {
    "title": gettext_lazy("title"),
    "description": gettext_lazy("description"),
    "section": gettext_lazy("section"),
    "assignee": gettext_lazy("assignee"),
    "assignee_seat": gettext_lazy("seat"),
    "start": gettext_lazy("start"),
    "due": gettext_lazy("due date"),
    "priority": gettext_lazy("priority"),
    "status": gettext_lazy("status"),
    "labels": gettext_lazy("labels"),
    "followers": gettext_lazy("followers"),
    "parent": gettext_lazy("parent task"),
    "blocked_by": gettext_lazy("blocked by"),
}
STATUS_TONES = {"todo": "grey", "in_progress": "blue", "blocked": "amber", "done": "green"}


@register.filter
def assignee_of(task: Any) -> Any:
    return task_assignee(task)


@register.filter
def ref(task: Any) -> str:
    return f"{task.project.key}-{task.number}"


@register.filter
def status_tone(status: str) -> str:
    return STATUS_TONES.get(status, "grey")


@register.filter
def is_overdue(task: Any, today: datetime.date) -> bool:
    return bool(task.due_date and task.status != Status.DONE and task.due_date < today)


def _value(field: str, value: Any) -> str:
    if value in (None, "", []):
        return _("nothing")
    if field == "status":
        return str(dict(Status.choices).get(value, value))
    if field == "priority":
        try:
            return str(dict(Priority.choices).get(int(value), value))
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _change(change: dict[str, Any]) -> str:
    field = change.get("field", "")
    name = FIELD_NAMES.get(field, field)
    if field in {"description", "followers"}:
        return _("changed the %(field)s") % {"field": name}
    return _("changed the %(field)s from %(old)s to %(new)s") % {
        "field": name,
        "old": _value(field, change.get("from")),
        "new": _value(field, change.get("to")),
    }


@register.filter
def activity_text(entry: Any) -> str:
    data = entry.data or {}
    if entry.verb == "created":
        return _("created the task")
    if entry.verb == "attached":
        return _("attached %(name)s") % {"name": data.get("name", "")}
    if entry.verb == "detached":
        return _("removed the attachment %(name)s") % {"name": data.get("name", "")}
    if entry.verb == "changed":
        return _change(data)
    if entry.verb == "bulk_changed":
        return "; ".join(_change(c) for c in data.get("changes", []))
    return str(entry.verb)
