"""Starting another workspace as a signed-in user (sign-up creates the first one)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from keel.accounts.forms import WorkspaceForm
from keel.core.services import AuditContext
from keel.ui.forms import submit
from keel.ui.nav import front_url


@login_required
@require_http_methods(["GET", "POST"])
def workspace_new(request: HttpRequest) -> HttpResponse:
    form = WorkspaceForm(request.POST or None)
    # The service refuses an address taken since the form checked it, beside the field.
    context = AuditContext.from_request(request)
    membership = submit(request, form, lambda data: form.create_for(request.user, context))
    if membership is not None:
        messages.success(request, _("%(name)s is ready.") % {"name": membership.workspace.name})
        return redirect(front_url(membership.workspace.slug))
    return render(
        request, "accounts/workspace_new.html", {"form": form}, status=400 if form.errors else 200
    )
