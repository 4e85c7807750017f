"""Template helpers for the tasks pages: `{% load tasks_ui %}`.

`task|assignee_of` is who does the task now (a seat resolves to its holder, or up the chart);
`activity|activity_text` says what one history entry changed, in the reader's language.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format, time_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

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
STATUS_LABELS = dict(Status.choices)  # get_status_display() without its per-call lookups
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


# --- Row partials rendered in Python ------------------------------------------------------------
# The list, board and My tasks render these once per row; as {% include %}s they cost most of
# the page's time. Each tag gives exactly the markup of the template named in its docstring;
# the task page still includes _status, _labels and _assignee, and test_row_templates.py
# checks that tag and template agree.

_URL_SENTINEL = 987654321


@register.simple_tag(takes_context=True)
def task_url(context: template.Context, name: str, task: Any) -> str:
    """`{% url name ws=… task_id=task.pk %}`, the reverse done once per page and URL name."""
    request = context["request"]
    cache = request.__dict__.setdefault("_tasks_ui_urls", {})  # rows may be {% include %}s
    parts = cache.get(name)
    if parts is None:
        ws = request.workspace.slug
        url = reverse(name, kwargs={"ws": ws, "task_id": _URL_SENTINEL})
        parts = cache[name] = tuple(url.split(str(_URL_SENTINEL), 1))
    return f"{parts[0]}{getattr(task, 'pk', task)}{parts[1]}"


def _date(value: Any, fmt: str, *, time_only: bool = False) -> str:
    value = template_localtime(value, settings.USE_TZ)
    return time_format(value, fmt) if time_only else date_format(value, fmt)


@register.simple_tag
def task_due(task: Any, today: datetime.date) -> str:
    """The due date: a red badge when overdue, amber when due today, else the date."""
    due = task.due_date
    if not due:
        return ""
    iso = due.isoformat()
    if is_overdue(task, today):
        shown = (
            _date(task.due_at, "SHORT_DATETIME_FORMAT")
            if task.due_at
            else _date(due, "SHORT_DATE_FORMAT")
        )
        return format_html(
            '<span class="badge badge-red"><span class="visually-hidden">{} </span>'
            '<time datetime="{}">{}</time></span>',
            _("Overdue:"),
            iso,
            shown,
        )
    if due == today and task.status != "done":
        shown = _date(task.due_at, "TIME_FORMAT", time_only=True) if task.due_at else _("Today")
        return format_html(
            '<span class="badge badge-amber"><span class="visually-hidden">{} </span>'
            '<time datetime="{}">{}</time></span>',
            _("Due today:"),
            iso,
            shown,
        )
    shown = (
        _date(task.due_at, "SHORT_DATETIME_FORMAT")
        if task.due_at
        else _date(due, "SHORT_DATE_FORMAT")
    )
    return format_html('<time class="due" datetime="{}">{}</time>', iso, shown)


def _chips(task: Any) -> Any:
    """The task's labels: the chips selectors.attach_label_chips set, else the relation."""
    chips = getattr(task, "label_chips", None)
    return chips if chips is not None else task.labels.all()


@register.simple_tag
def task_labels(labels: Any) -> str:
    """tasks/_labels.html."""
    return format_html_join(
        "",
        '<span class="badge badge-dept-{} label-chip">{}</span>',
        ((label.colour or 1, label.name) for label in labels),
    )


@register.simple_tag
def task_status(task: Any) -> str:
    """tasks/_status.html."""
    return format_html(
        '<span class="badge badge-{}">{}</span>',
        status_tone(task.status),
        STATUS_LABELS.get(task.status, task.status),
    )


@register.simple_tag
def task_assignee_chip(task: Any, compact: bool = False) -> str:
    """tasks/_assignee.html."""
    who = task_assignee(task)
    if not who and not task.assignee_seat_id:
        return format_html('<span class="muted">{}</span>', "" if compact else _("Nobody"))
    if not who:
        return format_html('<span class="assignee">{}</span>', task.assignee_seat.title)
    name = who.user.display_name
    if compact:
        seat = format_html("{} → ", task.assignee_seat.title) if task.assignee_seat_id else ""
        return format_html(
            '<span class="assignee"><span class="avatar avatar-sm" title="{}">{}</span>'
            '<span class="visually-hidden">{}{}</span></span>',
            name,
            who.user.initials,
            seat,
            name,
        )
    seat = (
        format_html(
            '<span class="seat-name">{}</span> <span aria-hidden="true">→</span>'
            '<span class="visually-hidden">{}</span> ',
            task.assignee_seat.title,
            _("held by"),
        )
        if task.assignee_seat_id
        else ""
    )
    return format_html(
        '<span class="assignee">\n<span class="avatar" aria-hidden="true">{}</span>\n{}{}</span>',
        who.user.initials,
        seat,
        name,
    )


@register.simple_tag(takes_context=True)
def my_task_row(context: template.Context, task: Any, today: datetime.date) -> str:
    """tasks/my/_row.html: one row of "My tasks" (80 of them render in ~2 ms this way)."""
    done = task.status == "done"
    reference = ref(task)
    status_url = task_url(context, "task_status", task)
    seat = (
        format_html(
            '<span class="small muted">{}</span>',
            _("as %(seat)s") % {"seat": task.assignee_seat.title},
        )
        if task.assignee_seat_id
        else ""
    )
    return format_html(
        '<li class="my-row{}" id="my-{}">\n'
        '  <form method="post" action="{}" class="complete-form"\n'
        '        hx-post="{}" hx-target="#my-{}" hx-swap="outerHTML" hx-trigger="change">\n'
        '    <input type="hidden" name="csrfmiddlewaretoken" value="{}">\n'
        '    <input type="hidden" name="row" value="mine">\n'
        '    <input type="hidden" name="next" value="{}">\n'
        '    <input type="hidden" name="status" value="{}">\n'
        '    <input type="checkbox" id="done-{}"{} aria-label="{}">\n'
        '    <noscript><button type="submit" class="btn btn-sm btn-ghost">{}</button></noscript>\n'
        "  </form>\n"
        '  <code class="small">{}</code>\n'
        '  <a href="{}">{}</a>\n'
        "  {}\n"
        '  <span class="spacer"></span>\n'
        "  {}\n"
        '  <span class="small muted">{}</span>\n'
        "  {}\n"
        "</li>",
        " is-done" if done else "",
        task.pk,
        status_url,
        status_url,
        task.pk,
        context.get("csrf_token", ""),
        context["request"].path,
        "todo" if done else "done",
        task.pk,
        mark_safe(" checked") if done else "",
        (_("Reopen %(ref)s") if done else _("Mark %(ref)s done")) % {"ref": reference},
        _("Reopen") if done else _("Done"),
        reference,
        task_url(context, "task_detail", task),
        task.title,
        seat,
        task_labels(_chips(task)),
        task.project.name,
        task_due(task, today),
    )


PRIORITY_LABELS = dict(Priority.choices)


@register.simple_tag(takes_context=True)
def list_task_row(context: template.Context, task: Any, can_edit: bool = False) -> str:
    """One row of a project's task list (tasks/list/_results.html), with a selection box
    for bulk edit when `can_edit`."""
    reference = ref(task)
    select = (
        format_html(
            '<td class="select-col"><input type="checkbox" name="tasks" value="{}" id="sel-{}"'
            ' aria-label="{}"></td>',
            task.pk,
            task.pk,
            _("Select %(ref)s") % {"ref": reference},
        )
        if can_edit
        else ""
    )
    priority = (
        PRIORITY_LABELS.get(task.priority, task.priority)
        if task.priority
        else format_html('<span class="muted">{}</span>', "—")
    )
    return format_html(
        "<tr{}>{}\n"
        '  <td class="nowrap"><code>{}</code></td>\n'
        '  <td><a href="{}" data-task-link>{}</a> {}</td>\n'
        "  <td>{}</td>\n"
        '  <td class="nowrap">{}</td>\n'
        "  <td>{}</td>\n"
        "  <td>{}</td>\n"
        "</tr>",
        mark_safe(' class="is-done"') if task.status == "done" else "",
        select,
        reference,
        task_url(context, "task_detail", task),
        task.title,
        task_labels(_chips(task)),
        task_assignee_chip(task),
        task_due(task, context["today"]),
        priority,
        task_status(task),
    )


_MOVE_BUTTONS: dict[str, str] = {}  # language → the four buttons, the same on every card


def _move_buttons() -> str:
    language = get_language() or ""
    if language not in _MOVE_BUTTONS:
        _MOVE_BUTTONS[language] = format_html_join(
            "\n      ",
            '<button type="submit" name="direction" value="{}" class="btn btn-sm btn-ghost">'
            "{}</button>",
            [
                ("left", _("← Previous column")),
                ("up", _("↑ Up")),
                ("down", _("↓ Down")),
                ("right", _("Next column →")),
            ],
        )
    return _MOVE_BUTTONS[language]


def _move_menu(context: template.Context, task: Any, reference: str) -> str:
    """The no-JS / keyboard Move menu of a board card."""
    buttons = _move_buttons()
    return format_html(
        '\n  <details class="card-move">\n'
        '    <summary>{}<span class="visually-hidden"> {}</span></summary>\n'
        '    <form method="post" action="{}" class="row row-tight">\n'
        '      <input type="hidden" name="csrfmiddlewaretoken" value="{}">\n'
        "      {}\n"
        "    </form>\n"
        "  </details>",
        _("Move"),
        reference,
        task_url(context, "task_move", task),
        context.get("csrf_token", ""),
        buttons,
    )


DRAGGABLE = mark_safe(' draggable="true" tabindex="0" aria-describedby="board-help"')


@register.simple_tag(takes_context=True)
def board_card(context: template.Context, task: Any, can_edit: bool = False) -> str:
    """One card of the board (tasks/board/page.html); draggable, with a Move menu, when
    `can_edit`."""
    reference = ref(task)
    return format_html(
        '<li class="card task-card{}" id="card-{}" data-card data-task-id="{}" data-ref="{}"{}>\n'
        '  <div class="task-card-top"><code class="small">{}</code>{}</div>\n'
        '  <a class="task-card-title" href="{}" data-task-link>{}</a>\n'
        '  <div class="task-card-meta">{}{}</div>{}\n'
        "</li>",
        " is-done" if task.status == "done" else "",
        task.pk,
        task.pk,
        reference,
        DRAGGABLE if can_edit else "",
        reference,
        task_assignee_chip(task, True),
        task_url(context, "task_detail", task),
        task.title,
        task_due(task, context["today"]),
        task_labels(_chips(task)),
        _move_menu(context, task, reference) if can_edit else "",
    )
