"""Projects pages: the list with open/overdue counts, create, and a project's settings
(details, members, sections, archive). Each view parses a form and calls one service.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm
from keel.core.services import AuditContext
from keel.tasks import access, selectors, services
from keel.tasks.forms import ProjectForm, ProjectMembersForm, SectionForm
from keel.tasks.models import Project, Section
from keel.tasks.selectors import pages as selectors_pages
from keel.tasks.views.common import can_create_projects, flash_errors, render_page
from keel.ui.forms import submit


@login_required
def projects(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    archived = request.GET.get("archived") == "1"
    rows = selectors_pages.projects_overview(membership=actor, archived=archived)
    context = {
        "projects": rows,
        "archived": archived,
        "can_create": can_create_projects(actor),
        # The summaries page is for managers and above (it sends to groups).
        "can_send_summaries": has_perm(actor, "groups.send"),
    }
    return render_page(request, "tasks/projects/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    if not can_create_projects(actor):
        raise PermissionDenied(_("Only managers and above create projects."))
    form = ProjectForm(request.POST or None, workspace=actor.workspace)
    project = submit(request, form, lambda data: services.project_create(
        actor=actor, context=AuditContext.from_request(request),
        **{**data, "members": list(data.get("members") or [])},
    ))  # fmt: skip
    if project is not None:
        messages.success(request, _("The project “%(name)s” was created.") % {"name": project.name})
        return redirect("project_tasks", ws=ws, project_id=project.pk)
    return render_page(
        request, "tasks/projects/form.html", {"form": form}, status=400 if form.errors else 200
    )


def _manageable(request: HttpRequest, project_id: int) -> tuple[Any, Project]:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    if not access.can_manage_project(actor, project):
        raise PermissionDenied(_("Only the project's managers change its settings."))
    return actor, project


def _render_settings(
    request: HttpRequest,
    project: Project,
    *,
    form: ProjectForm | None = None,
    members_form: ProjectMembersForm | None = None,
    section_form: SectionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    ws = project.workspace
    if members_form is None:
        current = [pm.membership_id for pm in project.memberships.all()]
        members_form = ProjectMembersForm(workspace=ws, initial={"members": current})
    context = {
        "project": project,
        "form": form or ProjectForm(workspace=ws, project=project),
        "members_form": members_form,
        "section_form": section_form or SectionForm(auto_id="section-%s"),
        "sections": list(Section.objects.filter(project=project)),
    }
    return render_page(request, "tasks/projects/settings.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_settings(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    if request.method != "POST":
        return _render_settings(request, project)
    form = ProjectForm(request.POST, workspace=project.workspace, project=project)
    saved = submit(request, form, lambda data: services.project_update(
        actor=actor, project=project, context=AuditContext.from_request(request), **data,
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Project settings saved."))
        return redirect("project_settings", ws=ws, project_id=project.pk)
    return _render_settings(request, project, form=form, status=400)


@login_required
@require_POST
def project_members(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    form = ProjectMembersForm(request.POST, workspace=project.workspace)
    saved = submit(request, form, lambda data: services.project_set_members(
        actor=actor, project=project, members=list(data["members"]),
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Project members saved."))
        return redirect("project_settings", ws=ws, project_id=project.pk)
    return _render_settings(request, project, members_form=form, status=400)


@login_required
@require_POST
def project_archive(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    archive = request.POST.get("archive", "1") == "1"
    try:
        services.project_archive(
            actor=actor, project=project, archived=archive,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("project_settings", ws=ws, project_id=project.pk)
    if archive:
        messages.success(request, _("“%(name)s” is archived.") % {"name": project.name})
        return redirect("projects", ws=ws)
    messages.success(request, _("“%(name)s” is active again.") % {"name": project.name})
    return redirect("project_settings", ws=ws, project_id=project.pk)


@login_required
@require_POST
def section_add(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    form = SectionForm(request.POST, auto_id="section-%s")
    section = submit(request, form, lambda data: services.section_create(
        actor=actor, project=project, name=data["name"]))  # fmt: skip
    if section is not None:
        return redirect("project_settings", ws=ws, project_id=project.pk)
    return _render_settings(request, project, section_form=form, status=400)


def _section(project: Project, section_id: int) -> Section:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Section, project=project, pk=section_id)


@login_required
@require_POST
def section_edit(request: HttpRequest, ws: str, project_id: int, section_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    section = _section(project, section_id)
    form = SectionForm(request.POST, prefix=f"s{section.pk}")
    if form.is_valid():
        try:
            services.section_update(
                actor=actor, section=section, name=form.cleaned_data["name"],
                done=form.cleaned_data["done"],
            )  # fmt: skip
        except ValidationError as error:
            flash_errors(request, error)
    else:
        messages.error(request, _("A section needs a name."))
    return redirect("project_settings", ws=ws, project_id=project.pk)


@login_required
@require_POST
def section_move(request: HttpRequest, ws: str, project_id: int, section_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    section = _section(project, section_id)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    try:
        services.section_move(actor=actor, section=section, direction=direction)
    except ValidationError as error:
        flash_errors(request, error)
    return redirect("project_settings", ws=ws, project_id=project.pk)


@login_required
@require_POST
def section_delete(request: HttpRequest, ws: str, project_id: int, section_id: int) -> HttpResponse:
    actor, project = _manageable(request, project_id)
    section = _section(project, section_id)
    try:
        services.section_delete(actor=actor, section=section)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(
            request,
            _("Section “%(name)s” deleted; its tasks have no section now.")
            % {"name": section.name},
        )
    return redirect("project_settings", ws=ws, project_id=project.pk)
