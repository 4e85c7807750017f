"""Starting another workspace as a signed-in user (sign-up creates the first one)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from keel.accounts.forms import WorkspaceForm
from keel.ui.forms import add_service_errors


@login_required
@require_http_methods(["GET", "POST"])
def workspace_new(request: HttpRequest) -> HttpResponse:
    form = WorkspaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = form.create_for(request.user, request)
        except ValidationError as error:  # e.g. the address was taken a moment ago
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is ready.") % {"name": membership.workspace.name})
            return redirect("workspace_home", ws=membership.workspace.slug)
    return render(
        request, "accounts/workspace_new.html", {"form": form}, status=400 if form.errors else 200
    )
