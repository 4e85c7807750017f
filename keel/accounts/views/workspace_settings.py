"""The workspace settings page (owners only) and the workspace logo (every member).

The logo is served here rather than from a public media URL: only members see it, and a
storage without public URLs (the test in-memory storage, a private S3 bucket) works too.
"""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from keel.accounts import services
from keel.accounts.forms import WorkspaceSettingsForm
from keel.core.middleware import request_membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.ui.forms import submit


@login_required
@require_http_methods(["GET", "POST"])
def workspace_settings(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "workspace.manage")
    workspace = actor.workspace
    form = WorkspaceSettingsForm(request.POST or None, request.FILES or None, workspace=workspace)
    saved = submit(request, form, lambda data: services.workspace_update(
        actor=actor, workspace=workspace, context=AuditContext.from_request(request),
        **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("The workspace settings were saved."))
        return redirect("workspace_settings", ws=saved.slug)
    return render(
        request,
        "accounts/workspace/settings.html",
        {"form": form, "workspace": workspace},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def workspace_logo(request: HttpRequest, ws: str) -> FileResponse:
    workspace = request_membership(request).workspace
    if not workspace.logo:
        raise Http404
    try:
        handle = workspace.logo.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(workspace.logo.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
