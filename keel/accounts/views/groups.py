"""Groups pages: teams as mailing lists (list, create, edit, delete, members, send)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from keel.accounts import selectors, services
from keel.accounts.forms.people import (
    GroupForm,
    GroupMembersForm,
    GroupSendForm,
)
from keel.accounts.models import Group
from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.ui.forms import submit


@login_required
def groups(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "groups.view")
    context = {
        "groups": list(selectors.groups_list(workspace=actor.workspace)),
        "can_manage": has_perm(actor, "groups.manage"),
    }
    return render(request, "accounts/groups/list.html", context)


@login_required
def group_detail(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "groups.view")
    group = selectors.get_group_for(actor, pk)
    context = {
        "group": group,
        "members": list(selectors.group_members(group=group)),
        "can_manage": has_perm(actor, "groups.manage"),
        "can_send": has_perm(actor, "groups.send"),
    }
    return render(request, "accounts/groups/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest, ws: str) -> HttpResponse:
    return _group_form(request, ws, None)


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    return _group_form(request, ws, pk)


def _group_form(request: HttpRequest, ws: str, pk: int | None) -> HttpResponse:
    """Create (pk None: then choose its members) or edit a group's name, address, description."""
    actor = request_membership(request)
    require(actor, "groups.manage")
    group = None if pk is None else selectors.get_group_for(actor, pk)
    initial = (
        {"name": group.name, "alias": group.alias, "description": group.description}
        if group
        else None
    )
    form = GroupForm(request.POST or None, initial=initial)
    context = AuditContext.from_request(request)

    def save(data: dict[str, Any]) -> Group:
        if group is None:
            return services.group_create(actor=actor, context=context, **data)
        return services.group_update(actor=actor, group=group, context=context, **data)

    saved = submit(request, form, save)
    if saved is not None:
        if group is None:
            messages.success(request, _("Group %(name)s created.") % {"name": saved.name})
            return redirect("group_members", ws=ws, pk=saved.pk)
        messages.success(request, _("Group %(name)s saved.") % {"name": saved.name})
        return redirect("group_detail", ws=ws, pk=saved.pk)
    return render(
        request,
        "accounts/groups/form.html",
        {"form": form, "group": group, "domain": actor.workspace.email_domain},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_delete(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "groups.manage")
    group = selectors.get_group_for(actor, pk)
    if request.method == "POST":
        name = group.name
        services.group_delete(actor=actor, group=group, context=AuditContext.from_request(request))
        messages.success(request, _("Group %(name)s deleted.") % {"name": name})
        return redirect("groups", ws=ws)
    return render(request, "accounts/groups/delete.html", {"group": group})


@login_required
@require_http_methods(["GET", "POST"])
def group_members(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "groups.manage")
    group = selectors.get_group_for(actor, pk)
    initial = {"members": list(selectors.group_members(group=group))}
    form = GroupMembersForm(request.POST or None, actor=actor, initial=initial)
    saved = submit(request, form, lambda data: services.group_set_members(
        actor=actor, group=group, members=list(data["members"]),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Members of %(name)s saved.") % {"name": group.name})
        return redirect("group_detail", ws=ws, pk=group.pk)
    return render(
        request,
        "accounts/groups/members.html",
        {"form": form, "group": group},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_send(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "groups.send")
    group = selectors.get_group_for(actor, pk)
    form = GroupSendForm(request.POST or None)
    sent = submit(request, form, lambda data: services.group_send(
        actor=actor, group=group, subject=data["subject"], body=data["body"],
        context=AuditContext.from_request(request)))  # fmt: skip
    if sent is not None:
        messages.success(
            request,
            ngettext(
                "Your message is on its way to %(count)d person.",
                "Your message is on its way to %(count)d people.",
                sent,
            )
            % {"count": sent},
        )
        return redirect("group_detail", ws=ws, pk=group.pk)
    return render(
        request,
        "accounts/groups/send.html",
        {"form": form, "group": group, "recipients": selectors.group_members(group=group).count()},
        status=400 if form.errors else 200,
    )
