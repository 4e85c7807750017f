"""Saved filters: a name for the list's current GET params, private or shared with everyone
who can see the project. Only the filter params are kept (never cursors).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.permissions import ADMINS
from keel.tasks import selectors
from keel.tasks.forms import SavedFilterForm, TaskFilterForm
from keel.tasks.models import Project, SavedFilter

KEPT = (*TaskFilterForm.PARAMS, "sort")


def saved_filters_for(actor: Membership, project: Project) -> list[dict[str, Any]]:
    """The actor's own filters and the shared ones for this project, with their links."""
    rows = (
        SavedFilter.objects.in_workspace(actor.workspace)
        .filter(Q(project=project) | Q(project__isnull=True))
        .filter(Q(owner=actor) | Q(shared=True))
        .select_related("owner__user")
    )
    base = reverse("project_tasks", kwargs={"ws": actor.workspace.slug, "project_id": project.pk})
    return [
        {
            "filter": f,
            "url": f"{base}?{urlencode(f.params)}" if f.params else base,
            "mine": f.owner_id == actor.pk,
            "can_delete": f.owner_id == actor.pk or actor.role in ADMINS,
        }
        for f in rows
    ]


@login_required
@require_POST
def filter_save(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    form = SavedFilterForm(request.POST, auto_id="save-%s")
    params = {k: request.POST[k] for k in KEPT if request.POST.get(k)}
    url = reverse("project_tasks", kwargs={"ws": ws, "project_id": project.pk})
    if not form.is_valid():
        messages.error(request, _("Give the filter a name to save it."))
        return redirect(f"{url}?{urlencode(params)}" if params else url)
    SavedFilter.objects.create(
        workspace=actor.workspace, owner=actor, project=project, params=params,
        name=form.cleaned_data["name"], shared=form.cleaned_data["shared"],
    )  # fmt: skip
    messages.success(request, _("Filter “%(name)s” saved.") % {"name": form.cleaned_data["name"]})
    return redirect(f"{url}?{urlencode(params)}" if params else url)


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
    if saved is None or (saved.project and not _sees(actor, saved.project)):
        raise Http404
    if saved.owner_id != actor.pk and actor.role not in ADMINS:
        messages.error(request, _("Only the person who saved this filter can delete it."))
    else:
        saved.delete()
        messages.success(request, _("Filter “%(name)s” deleted.") % {"name": saved.name})
    if saved.project_id:
        return redirect("project_tasks", ws=ws, project_id=saved.project_id)
    return redirect("projects", ws=ws)


def _sees(actor: Membership, project: Project) -> bool:
    from keel.tasks.access import can_see_project

    return can_see_project(actor, project)
