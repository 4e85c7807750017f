"""Saved filters: a name for the list's current GET params, private or shared with everyone
who can see the project. Only the filter params are kept (never cursors); the rules live in
keel/tasks/services/filters.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.services import AuditContext
from keel.tasks import selectors, services
from keel.tasks.access import can_see_project
from keel.tasks.forms import SavedFilterForm
from keel.tasks.models import Project, SavedFilter
from keel.ui.forms import submit


def _list_url(project: Project, params: dict[str, str]) -> str:
    base = reverse("project_tasks", kwargs={"ws": project.workspace.slug, "project_id": project.pk})
    return f"{base}?{urlencode(params)}" if params else base


def saved_filters_for(
    actor: Membership, project: Project, *, manages_project: bool | None = None
) -> list[dict[str, Any]]:
    """The actor's own filters and the shared ones for this project, with their links.

    `manages_project`: whether the actor manages `project`, when the caller knows already.
    """
    rows = (
        SavedFilter.objects.in_workspace(actor.workspace)
        .filter(Q(project=project) | Q(project__isnull=True))
        .filter(Q(owner=actor) | Q(shared=True))
        .select_related("owner__user")
    )
    return [
        {
            "filter": f,
            "url": _list_url(project, f.params),
            "mine": f.owner_id == actor.pk,
            "can_delete": services.can_delete_saved_filter(
                actor, f, manages_project=manages_project
            ),
        }
        for f in rows
    ]


@login_required
@require_POST
def filter_save(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    form = SavedFilterForm(request.POST, auto_id="save-%s")
    saved = submit(request, form, lambda data: services.saved_filter_save(
        actor=actor, project=project, name=data["name"], query=request.POST,
        shared=data["shared"], context=AuditContext.from_request(request),
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Filter “%(name)s” saved.") % {"name": saved.name})
        return redirect(_list_url(project, saved.params))
    # The form posts to a URL carrying the list's query, so the list re-renders as it was,
    # with the error beside the name. Imported here: views_list imports this module.
    from keel.tasks.views.list import render_list

    return render_list(request, project, save_form=form, status=400)


@login_required
@require_POST
def filter_delete(request: HttpRequest, ws: str, savedfilter_id: int) -> HttpResponse:
    actor = request_membership(request)
    saved = (
        SavedFilter.objects.in_workspace(actor.workspace)
        .filter(pk=savedfilter_id)
        .filter(Q(owner=actor) | Q(shared=True))
        .select_related("project")
        .first()
    )
    # Someone else's private filter, or one of a project the actor cannot see, is absent.
    if saved is None or (saved.project and not can_see_project(actor, saved.project)):
        raise Http404
    try:
        services.saved_filter_delete(
            actor=actor, saved_filter=saved, context=AuditContext.from_request(request)
        )
    except PermissionDenied as denied:
        messages.error(request, str(denied))
    else:
        messages.success(request, _("Filter “%(name)s” deleted.") % {"name": saved.name})
    if saved.project_id:
        return redirect("project_tasks", ws=ws, project_id=saved.project_id)
    return redirect("projects", ws=ws)
