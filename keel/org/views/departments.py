"""Departments page: the tree, the e-commerce template, add, rename, reorder, delete.

Each view parses a form, calls one service and renders; services enforce the rules.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.org import selectors, services
from keel.org.forms import DepartmentForm
from keel.org.templates_data import ECOMMERCE_DEPARTMENTS
from keel.ui.forms import submit


def _render_list(
    request: HttpRequest, *, form: DepartmentForm | None = None, status: int = 200
) -> HttpResponse:
    actor = request_membership(request)
    can_manage = has_perm(actor, "org.manage")
    rows = selectors.departments_tree(workspace=actor.workspace)
    if can_manage and form is None:
        form = DepartmentForm(actor=actor, auto_id="new-%s")
    context = {
        "rows": [(row, "— " * row.depth) for row in rows],
        "form": form if can_manage else None,
        "can_manage": can_manage,
        "template_names": [str(name) for _key, name, _colour in ECOMMERCE_DEPARTMENTS],
    }
    return render(request, "org/departments/list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def departments(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.view")
    if request.method != "POST":
        return _render_list(request)
    require(actor, "org.manage")
    form = DepartmentForm(request.POST, actor=actor, auto_id="new-%s")
    department = submit(request, form, lambda data: services.department_create(
        actor=actor, name=data["name"], parent=data["parent"], colour=data["colour"],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if department is not None:
        messages.success(request, _("“%(name)s” was added.") % {"name": department.name})
        return redirect("org_departments", ws=ws)
    return _render_list(request, form=form, status=400)


@login_required
@require_POST
def department_template(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    created = services.department_template_apply(
        actor=actor, context=AuditContext.from_request(request)
    )
    if created:
        messages.success(
            request,
            ngettext(
                "%(count)s department was added from the template.",
                "%(count)s departments were added from the template.",
                len(created),
            )
            % {"count": len(created)},
        )
    else:
        messages.info(request, _("You already have every department of the template."))
    return redirect("org_departments", ws=ws)


@login_required
@require_http_methods(["GET", "POST"])
def department_edit(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    department = selectors.get_department_for(actor, pk)
    form = DepartmentForm(request.POST or None, actor=actor, department=department)
    saved = submit(request, form, lambda data: services.department_update(
        actor=actor, department=department, name=data["name"], parent=data["parent"],
        colour=data["colour"], context=AuditContext.from_request(request),
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("“%(name)s” was saved.") % {"name": department.name})
        return redirect("org_departments", ws=ws)
    return render(
        request,
        "org/departments/edit.html",
        {"department": department, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def department_move(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    department = selectors.get_department_for(actor, pk)
    try:
        services.department_move(
            actor=actor, department=department, direction=request.POST.get("direction", ""),
            context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("org_departments", ws=ws)


@login_required
@require_POST
def department_delete(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    department = selectors.get_department_for(actor, pk)
    try:
        services.department_delete(
            actor=actor, department=department, context=AuditContext.from_request(request)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("“%(name)s” was deleted.") % {"name": department.name})
    return redirect("org_departments", ws=ws)
