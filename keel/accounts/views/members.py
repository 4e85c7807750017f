"""Members pages: the list with invitations, role changes and offboarding.

Each view parses a form, calls one service and renders; services enforce the rules.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.accounts import selectors, services
from keel.accounts.forms.offboarding import HandoverForm
from keel.accounts.forms.people import (
    InviteForm,
    MemberFilterForm,
    RoleForm,
    role_choices,
)
from keel.core.middleware import request_membership
from keel.core.models import Membership, Role
from keel.core.permissions import grantable_roles, has_perm, may_manage_member, require
from keel.core.services import AuditContext
from keel.ui.forms import submit

MEMBERS_PER_PAGE = 50


def _rows(actor: Membership, members: list[Membership]) -> list[dict[str, Any]]:
    """Per-row affordances; the services check again on POST.

    The row's role picker is a plain list of choices, not a bound RoleForm: rendering a
    Django form widget per row cost most of the page's time on a 250-person team.
    """
    can_change = has_perm(actor, "members.change_role")
    can_offboard = has_perm(actor, "members.offboard")
    grantable = role_choices(grantable_roles(actor))
    labels = dict(Role.choices)
    rows = []
    for m in members:
        manageable = may_manage_member(actor, m)
        choices = None
        if can_change and manageable:
            has_own = any(value == m.role for value, _label in grantable)
            choices = grantable if has_own else [(m.role, labels[m.role]), *grantable]
        rows.append(
            {
                "membership": m,
                "groups": [gm.group for gm in m.group_memberships.all()],
                "role_choices": choices,
                "can_offboard": can_offboard and manageable and m.pk != actor.pk,
            }
        )
    return rows


def _render_members(
    request: HttpRequest, *, invite_form: InviteForm | None = None, status: int = 200
) -> HttpResponse:
    actor = request_membership(request)
    filters = MemberFilterForm(request.GET or None, auto_id="filter-%s")
    role = q = ""
    if filters.is_valid():
        role, q = filters.cleaned_data["role"], filters.cleaned_data["q"]
    page = Paginator(
        selectors.members_list(workspace=actor.workspace, role=role, q=q), MEMBERS_PER_PAGE
    ).get_page(request.GET.get("page"))
    can_invite = has_perm(actor, "members.invite")
    if can_invite and invite_form is None:
        invite_form = InviteForm(actor=actor)
    context = {
        "filters": filters,
        "filtered": bool(role or q),
        "rows": _rows(actor, list(page.object_list)),
        "page_obj": page,
        "invitations": list(selectors.pending_invitations(workspace=actor.workspace))
        if can_invite
        else [],
        "invite_form": invite_form if can_invite else None,
    }
    return render(request, "accounts/members/list.html", context, status=status)


@login_required
def members(request: HttpRequest, ws: str) -> HttpResponse:
    require(request_membership(request), "members.view")
    return _render_members(request)


@login_required
@require_http_methods(["GET", "POST"])
def member_invite(request: HttpRequest, ws: str) -> HttpResponse:
    """GET is where "Invite someone" buttons elsewhere lead: the members page with the
    invite form ready to type in. POST sends the invitation."""
    actor = request_membership(request)
    require(actor, "members.invite")
    if request.method == "GET":
        form = InviteForm(actor=actor)
        form.fields["email"].widget.attrs["autofocus"] = True
        return _render_members(request, invite_form=form)
    form = InviteForm(request.POST, actor=actor)
    created = submit(request, form, lambda data: services.invitation_create(
        actor=actor, email=data["email"], role=data["role"],
        base_url=request.build_absolute_uri("/"), context=AuditContext.from_request(request),
    ))  # fmt: skip
    if created is not None:
        invitation, _raw = created
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return redirect("members", ws=ws)
    return _render_members(request, invite_form=form, status=400)


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "members.invite")
    invitation = selectors.get_invitation_for(actor, pk)
    services.invitation_revoke(
        actor=actor, invitation=invitation, context=AuditContext.from_request(request)
    )
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
    )
    return redirect("members", ws=ws)


@login_required
def member_detail(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "members.view")
    target = selectors.get_membership_for(actor, pk)
    manageable = may_manage_member(actor, target)
    context = {
        "target": target,
        "groups": list(target.group_memberships.select_related("group").order_by("group__name")),
        "role_form": RoleForm(actor=actor, target=target)
        if target.is_active and has_perm(actor, "members.change_role") and manageable
        else None,
        "can_offboard": target.is_active
        and has_perm(actor, "members.offboard")
        and manageable
        and target.pk != actor.pk,
        "can_see_offboarding": not target.is_active and has_perm(actor, "members.offboard"),
    }
    return render(request, "accounts/members/detail.html", context)


@login_required
@require_POST
def member_change_role(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "members.change_role")
    target = selectors.get_membership_for(actor, pk)
    # The list page prefixes each row's form; the detail page does not.
    prefix = f"m{pk}" if f"m{pk}-role" in request.POST else None
    form = RoleForm(request.POST, actor=actor, target=target, prefix=prefix)
    changed = submit(request, form, lambda data: services.membership_change_role(
        actor=actor, membership=target, role=data["role"],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if changed is not None:
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": target.user.display_name, "role": target.get_role_display()},
        )
        return _back(request, ws, pk)
    # Each row has its own small form, so errors come back as messages above the list.
    for field_errors in form.errors.values():
        for message in field_errors:
            messages.error(request, str(message))
    return _back(request, ws, pk)


def _back(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    if request.POST.get("back") == "detail":
        return redirect("member_detail", ws=ws, pk=pk)
    return redirect("members", ws=ws)


@login_required
@require_http_methods(["GET", "POST"])
def member_offboard(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    """The handover plan with a receiver per item; confirming offboards and hands over."""
    actor = request_membership(request)
    require(actor, "members.offboard")
    target = selectors.get_membership_for(actor, pk)
    if not target.is_active:
        return redirect("member_offboarding", ws=ws, pk=pk)
    plan = selectors.offboarding_plan(actor=actor, membership=target)
    form = HandoverForm(request.POST if request.method == "POST" else None, plan=plan)
    done = submit(request, form, lambda data: services.membership_offboard(
        actor=actor, membership=target, handover=form.handover(),
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if done is not None:
        messages.success(
            request, _("%(name)s has been offboarded.") % {"name": target.user.display_name}
        )
        return redirect("member_offboarding", ws=ws, pk=pk)
    return render(
        request,
        "accounts/members/offboard_confirm.html",
        {"target": target, "plan": plan, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def member_offboarding(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "members.offboard")
    target = selectors.get_membership_for(actor, pk)
    report = selectors.offboarding_report(actor=actor, membership=target)
    if report is None:
        raise Http404
    return render(
        request, "accounts/members/offboarding.html", {"target": target, "report": report}
    )
