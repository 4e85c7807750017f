"""The board: one column per section, cards in position order, and the move endpoint that
both drag and drop (board.js) and the no-JS / keyboard move buttons post to.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.middleware import request_membership
from keel.core.services import AuditContext
from keel.tasks import access, selectors, services
from keel.tasks.models import Section, Task
from keel.tasks.selectors.pages import today_for
from keel.tasks.views.common import flash_errors, render_page

# Cards per column on the first view. A 5,000-task project rendered 250 cards (~150 ms of
# template work); 20 per column fill a screen, and "show more" adds 20 at a time.
PER_COLUMN = 20
MAX_PER_COLUMN = 200


@login_required
def project_board(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    try:
        per_column = min(max(int(request.GET.get("per_column", PER_COLUMN)), 1), MAX_PER_COLUMN)
    except ValueError:
        per_column = PER_COLUMN
    columns = selectors.board_columns(membership=actor, project=project, per_column=per_column)
    more = min(per_column + PER_COLUMN, MAX_PER_COLUMN)
    context = {
        "project": project,
        "columns": columns,
        "can_edit": access.can_edit_in_project(actor, project),
        "can_manage": access.can_manage_project(actor, project),
        "more_url": f"?per_column={more}" if per_column < MAX_PER_COLUMN else "",
        "view": "board",
        "today": today_for(actor),
    }
    return render_page(request, "tasks/board/page.html", context)


def _task_in(project: Any, raw: str | None) -> Task | None:
    if not raw or not str(raw).isdigit():
        return None
    return Task.objects.in_workspace(project.workspace).filter(project=project, pk=int(raw)).first()


def _neighbours(task: Task, direction: str) -> tuple[Section | None, Task | None, Task | None]:
    """Where the move buttons send a card: (section, before, after) for task_move."""
    project = task.project
    sections: list[Section | None] = list(Section.objects.filter(project=project))
    if task.section_id is None:
        sections.insert(0, None)
    current = next((s for s in sections if (s.pk if s else None) == task.section_id), None)
    if direction in {"left", "right"}:
        index = sections.index(current)
        target = index - 1 if direction == "left" else index + 1
        if 0 <= target < len(sections):
            return sections[target], None, None
        return current, None, None
    column = list(
        Task.objects.filter(project=project, section=task.section)
        .order_by("position", "id")
        .only("id", "position", "section_id", "project_id", "workspace_id")
    )
    index = next(i for i, t in enumerate(column) if t.pk == task.pk)
    if direction == "up" and index > 0:
        return current, column[index - 1], None
    if direction == "down" and index < len(column) - 1:
        return current, None, column[index + 1]
    return current, None, None


@login_required
@require_POST
def task_move(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor = request_membership(request)
    task = selectors.get_task_for(actor, task_id)
    project = task.project
    direction = request.POST.get("direction", "")
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if direction in {"left", "right", "up", "down"}:
        section, before, after = _neighbours(task, direction)
    else:
        raw = request.POST.get("section", "")
        section = Section.objects.filter(project=project, pk=raw).first() if raw.isdigit() else None
        if raw.isdigit() and section is None:
            section = Section(pk=-1)  # unknown column: let the service refuse it
        before = _task_in(project, request.POST.get("before"))
        after = _task_in(project, request.POST.get("after"))
    try:
        if section is not None and section.pk == -1:
            raise ValidationError({"section": _("That column no longer exists.")})
        services.task_move(
            actor=actor, task=task, section=section, before=before, after=after,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as error:
        if wants_json:
            return JsonResponse({"ok": False, "errors": error.messages}, status=400)
        flash_errors(request, error)
    else:
        if wants_json:
            # The Done column completes (and leaving it reopens) the task: the card shows it.
            return JsonResponse({"ok": True, "section": task.section_id, "status": task.status})
    url = reverse("project_board", kwargs={"ws": ws, "project_id": project.pk})
    return redirect(f"{url}#card-{task.pk}")
