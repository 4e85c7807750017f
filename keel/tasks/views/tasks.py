"""The task page: everything about one task, as a full page or (htmx, wide screens) as the side
panel over the list or board. Edits post plain forms; errors re-render the page beside fields.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.middleware import request_membership
from keel.core.services import AuditContext
from keel.tasks import access, selectors, services
from keel.tasks.forms import (
    AttachmentForm,
    CommentForm,
    DependencyForm,
    DescriptionForm,
    StatusForm,
    SubtaskForm,
    TaskForm,
)
from keel.tasks.models import Activity, Comment, Status, Task
from keel.tasks.views.common import flash_errors, is_htmx, render_page
from keel.ui.forms import submit

# Newest entries of the merged comments + activity stream shown at first. A busy task has
# hundreds of comments; each renders Markdown HTML, an avatar and a time: 60 of them cost
# ~40 ms. "Older" pages back by keyset on created_at (index comment_stream/activity_stream).
HISTORY_LIMIT = 25

FORMS = ("edit_form", "description_form", "subtask_form", "dependency_form", "comment_form",
         "attachment_form")  # fmt: skip


def _before(request: HttpRequest) -> datetime.datetime | None:
    """The `before` keyset of the history ("Older" link): an ISO timestamp, else None."""
    raw = request.GET.get("before", "")
    try:
        value = datetime.datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _history(
    task: Task, before: datetime.datetime | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Comments and activity merged in time order (two queries, newest HISTORY_LIMIT) and the
    `before` value of the next older page ("" when there is none)."""
    comments = Comment.objects.filter(task=task).select_related("author__user")
    activities = Activity.objects.filter(task=task).select_related("actor__user")
    if before is not None:
        comments = comments.filter(created_at__lt=before)
        activities = activities.filter(created_at__lt=before)
    newest = slice(0, HISTORY_LIMIT + 1)
    entries: list[dict[str, Any]] = [{"kind": "comment", "at": c.created_at, "item": c}
               for c in comments.order_by("-created_at", "-id")[newest]]  # fmt: skip
    entries += [{"kind": "activity", "at": a.created_at, "item": a}
                for a in activities.order_by("-created_at", "-id")[newest]]  # fmt: skip
    entries.sort(key=lambda e: e["at"])
    older = ""
    if len(entries) > HISTORY_LIMIT:
        entries = entries[-HISTORY_LIMIT:]
        older = entries[0]["at"].isoformat()
    return entries, older


def render_task(
    request: HttpRequest, task: Task, *, status: int = 200, **forms: Any
) -> HttpResponse:
    actor = request_membership(request)
    project = task.project
    can_edit = access.can_edit_task(actor, task)
    history, older = _history(task, _before(request))
    context: dict[str, Any] = {
        "task": task,
        "project": project,
        "assignee": selectors.task_assignee(task),
        "labels": list(task.labels.all()),
        "followers": list(task.followers.select_related("user")),
        "subtasks": list(task.subtasks.order_by("position", "id")),
        "blocked_by": list(task.blocked_by.select_related("project")),
        "attachments": list(task.attachments.select_related("uploaded_by__user")),
        "history": history,
        "history_older": older,
        "can_edit": can_edit,
        "statuses": Status.choices,
        "panel": is_htmx(request) and request.headers.get("HX-Target") == "task-panel",
    }
    if can_edit:
        # The details form lists every member, seat, section and label: five queries and a
        # third of the page's time. It is built only when asked for ("Edit details" links to
        # ?edit=details) or when it comes back with errors.
        editing = "edit_form" in forms or request.GET.get("edit") == "details"
        context["editing"] = editing
        defaults = {
            "edit_form": lambda: (
                TaskForm(project=project, task=task, edit=True, auto_id="edit-%s")
                if editing
                else None
            ),
            "description_form": lambda: DescriptionForm(
                initial={"description": task.description}, auto_id="desc-%s"
            ),
            "subtask_form": lambda: SubtaskForm(auto_id="sub-%s"),
            "dependency_form": lambda: DependencyForm(project=project, auto_id="dep-%s"),
            "comment_form": lambda: CommentForm(auto_id="comment-%s"),
            "attachment_form": lambda: AttachmentForm(auto_id="file-%s"),
        }
        for name in FORMS:
            context[name] = forms.get(name) or defaults[name]()
    partial = "tasks/task/_panel.html" if context["panel"] else None
    return render_page(request, "tasks/task/page.html", context, partial=partial, status=status)


def _editable(request: HttpRequest, task_id: int) -> tuple[Any, Task]:
    actor = request_membership(request)
    task = selectors.get_task_for(actor, task_id)
    if not access.can_edit_task(actor, task):
        raise PermissionDenied(_("You cannot change tasks in this project."))
    return actor, task


def _task_url(ws: str, task: Task, anchor: str = "") -> str:
    url = reverse("task_detail", kwargs={"ws": ws, "task_id": task.pk})
    return f"{url}#{anchor}" if anchor else url


def _back(ws: str, task: Task) -> HttpResponse:
    return redirect(_task_url(ws, task))


@login_required
def task_detail(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    return render_task(request, selectors.get_task_for(request_membership(request), task_id))


@login_required
@require_POST
def task_edit(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    form = TaskForm(request.POST, project=task.project, task=task, edit=True, auto_id="edit-%s")
    saved = submit(request, form, lambda data: services.task_update(
        actor=actor, task=task, changes=services.TaskChanges(**form.service_kwargs()),
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Task saved."))
        return _back(ws, task)
    task.refresh_from_db()
    return render_task(request, task, edit_form=form, status=400)


@login_required
@require_POST
def task_description(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    form = DescriptionForm(request.POST, auto_id="desc-%s")
    saved = submit(request, form, lambda data: services.task_update(
        actor=actor, task=task, changes=services.TaskChanges(description=data["description"]),
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if saved is not None:
        return _back(ws, task)
    return render_task(request, task, description_form=form, status=400)


@login_required
@require_POST
def task_status(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    """Set the status; "My tasks" posts here from its checkboxes (htmx swaps the row)."""
    actor, task = _editable(request, task_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.task_set_status(
                actor=actor, task=task, status=form.cleaned_data["status"],
                context=AuditContext.from_request(request),
            )  # fmt: skip
        except ValidationError as error:
            flash_errors(request, error)
    else:
        messages.error(request, _("Choose a status from the list."))
    if is_htmx(request) and request.POST.get("row") == "mine":
        context = {"task": task, "today": timezone.localdate()}
        return render(request, "tasks/my/_row.html", context)
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return _back(ws, task)


@login_required
@require_POST
def task_delete(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    project_id, ref = task.project_id, f"{task.project.key}-{task.number}"
    try:
        services.task_delete(actor=actor, task=task, context=AuditContext.from_request(request))
    except ValidationError as error:
        flash_errors(request, error)
        return _back(ws, task)
    messages.success(request, _("%(ref)s deleted.") % {"ref": ref})
    return redirect("project_tasks", ws=ws, project_id=project_id)


@login_required
@require_POST
def subtask_add(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    form = SubtaskForm(request.POST, auto_id="sub-%s")
    subtask = submit(request, form, lambda data: services.task_create(
        actor=actor, project=task.project, title=data["title"], section=task.section,
        parent=task, context=AuditContext.from_request(request),
    ))  # fmt: skip
    if subtask is not None:
        return redirect(_task_url(ws, task, "subtasks"))
    return render_task(request, task, subtask_form=form, status=400)


@login_required
@require_POST
def dependency_add(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    form = DependencyForm(request.POST, project=task.project, auto_id="dep-%s")
    if form.is_valid() and not access.can_see_project(
        actor, form.cleaned_data["blocked_by"].project
    ):
        form.add_error(
            "blocked_by",
            _("No task %(ref)s was found.") % {"ref": request.POST.get("blocked_by", "")},
        )
    dependency = submit(request, form, lambda data: services.task_add_dependency(
        actor=actor, task=task, blocked_by=data["blocked_by"],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if dependency is not None:
        return redirect(_task_url(ws, task, "dependencies"))
    return render_task(request, task, dependency_form=form, status=400)


@login_required
@require_POST
def dependency_remove(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    other = task.blocked_by.filter(pk=request.POST.get("blocked_by") or 0).first()
    if other is not None:
        try:
            services.task_remove_dependency(
                actor=actor, task=task, blocked_by=other,
                context=AuditContext.from_request(request),
            )  # fmt: skip
        except ValidationError as error:
            flash_errors(request, error)
    return redirect(_task_url(ws, task, "dependencies"))


@login_required
@require_POST
def comment_add(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor, task = _editable(request, task_id)
    form = CommentForm(request.POST, auto_id="comment-%s")
    comment = submit(request, form, lambda data: services.comment_create(
        actor=actor, task=task, body=data["body"], context=AuditContext.from_request(request),
    ))  # fmt: skip
    if comment is not None:
        return redirect(_task_url(ws, task, f"comment-{comment.pk}"))
    return render_task(request, task, comment_form=form, status=400)
