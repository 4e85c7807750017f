"""Attachments: upload (size and type checked by the service), permission-checked download
that always saves to disk (never rendered inline by the browser), and delete.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from keel.core.middleware import request_membership
from keel.core.services import AuditContext
from keel.tasks import access, selectors, services
from keel.tasks.forms import AttachmentForm
from keel.tasks.views.common import flash_errors
from keel.tasks.views.tasks import render_task
from keel.ui.forms import submit


@login_required
@require_POST
def attachment_add(request: HttpRequest, ws: str, task_id: int) -> HttpResponse:
    actor = request_membership(request)
    task = selectors.get_task_for(actor, task_id)
    if not access.can_edit_task(actor, task):
        raise PermissionDenied(_("You cannot change tasks in this project."))
    form = AttachmentForm(request.POST, request.FILES, auto_id="file-%s")
    attachment = submit(request, form, lambda data: services.attachment_add(
        actor=actor, task=task, upload=data["file"], context=AuditContext.from_request(request),
    ))  # fmt: skip
    if attachment is not None:
        messages.success(request, _("%(name)s attached.") % {"name": attachment.name})
        return redirect("task_detail", ws=ws, task_id=task.pk)
    return render_task(request, task, attachment_form=form, status=400)


@login_required
@require_GET
def attachment_download(request: HttpRequest, ws: str, attachment_id: int) -> FileResponse:
    attachment = selectors.get_attachment_for(request_membership(request), attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.name,
        content_type=attachment.content_type or "application/octet-stream",
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def attachment_delete(request: HttpRequest, ws: str, attachment_id: int) -> HttpResponse:
    actor = request_membership(request)
    attachment = selectors.get_attachment_for(actor, attachment_id)
    task_id, name = attachment.task_id, attachment.name
    try:
        services.attachment_delete(
            actor=actor, attachment=attachment, context=AuditContext.from_request(request)
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("%(name)s deleted.") % {"name": name})
    return redirect("task_detail", ws=ws, task_id=task_id)
