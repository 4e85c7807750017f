"""API routes for the caller, workspaces, members, invitations and groups.

Thin like the pages: resolve the caller's membership from the URL, parse a schema, call one
service (which checks permission and audits) or one scoped query, return a schema.
"""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from keel.accounts import selectors, services
from keel.accounts.api.schemas import (
    GroupDetailOut,
    GroupIn,
    GroupMembersIn,
    GroupOut,
    GroupPatchIn,
    GroupSendIn,
    InvitationIn,
    InvitationOut,
    MemberOut,
    MemberPatchIn,
    MeOut,
    MyWorkspaceOut,
    OffboardIn,
    OffboardingOut,
    OffboardingPlanOut,
    QueuedOut,
    WorkspaceSettingsOut,
    WorkspaceSettingsPatchIn,
)
from keel.accounts.models import Group, Invitation, User
from keel.accounts.offboarding import step_label
from keel.accounts.titles import prepare_titles
from keel.core.api_support import (
    ERROR_RESPONSES,
    Page,
    PageParams,
    api_caller,
    get_in_workspace,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership, MembershipQuerySet, Workspace
from keel.core.permissions import require
from keel.core.services import AuditContext

router = Router(tags=["accounts"])

WS = "/workspaces/{slug}"


def _members(membership: Membership) -> MembershipQuerySet:
    members = Membership.objects.in_workspace(membership.workspace)
    return members.select_related("user", "workspace")


def _groups(membership: Membership) -> QuerySet[Group]:
    return (
        Group.objects.in_workspace(membership.workspace)
        .select_related("workspace")
        .annotate(member_count=Count("memberships", distinct=True))
    )


def _group_detail(membership: Membership, group_id: int) -> Group:
    members = Membership.objects.select_related("user").order_by("user__email", "pk")
    return get_in_workspace(
        _groups(membership).prefetch_related(Prefetch("members", queryset=members)),
        membership,
        group_id,
    )


# --- The caller and their workspaces ---------------------------------------------------------


@router.get("/me", response={200: MeOut, **ERROR_RESPONSES}, tags=["me"])
def me(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user; with a token, also the token's workspace and role."""
    caller = api_caller(request)
    user = cast(User, caller.user)  # core types it as AUTH_USER_MODEL's base class
    token = None
    if caller.membership is not None:
        token = {
            "name": caller.token.name,
            "hint": caller.token.hint,
            "workspace": caller.membership.workspace,
            "role": caller.membership.role,
        }
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "language": user.language,
        "timezone": user.timezone,
        "token": token,
    }


@router.get(
    "/workspaces",
    response={200: page_schema(MyWorkspaceOut), **ERROR_RESPONSES},
    tags=["workspaces"],
)
def workspace_list(request: HttpRequest, params: Query[PageParams]) -> Page[Membership]:
    """Workspaces the caller is an active member of (with a token: only the token's own)."""
    caller = api_caller(request)
    memberships = (
        Membership.objects.active().filter(user_id=caller.user.pk).select_related("workspace")
    )
    if caller.membership is not None:
        memberships = memberships.filter(pk=caller.membership.pk)
    return paginate(memberships, params, order_by="workspace__slug")


@router.get(WS, response={200: MyWorkspaceOut, **ERROR_RESPONSES}, tags=["workspaces"])
def workspace_detail(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "workspace.view")
    return membership


@router.get(
    f"{WS}/settings", response={200: WorkspaceSettingsOut, **ERROR_RESPONSES}, tags=["workspaces"]
)
def workspace_settings(request: HttpRequest, slug: str) -> Workspace:
    """The workspace's settings, readable by every member."""
    membership = workspace_membership(request, slug)
    require(membership, "workspace.view")
    return membership.workspace


@router.patch(
    f"{WS}/settings", response={200: WorkspaceSettingsOut, **ERROR_RESPONSES}, tags=["workspaces"]
)
def workspace_settings_update(
    request: HttpRequest, slug: str, payload: WorkspaceSettingsPatchIn
) -> Workspace:
    """Change the fields sent (owners only); the others keep their value. The logo is
    uploaded on the settings page, not here."""
    membership = workspace_membership(request, slug)
    return services.workspace_update(
        actor=membership,
        workspace=membership.workspace,
        context=AuditContext.from_request(request),
        **payload.model_dump(exclude_unset=True),
    )


# --- Members and invitations ----------------------------------------------------------------


@router.get(
    f"{WS}/members", response={200: page_schema(MemberOut), **ERROR_RESPONSES}, tags=["members"]
)
def member_list(
    request: HttpRequest, slug: str, params: Query[PageParams], include_offboarded: bool = False
) -> Page[Membership]:
    """Members ordered by email; offboarded people only with `include_offboarded=true`."""
    membership = workspace_membership(request, slug)
    require(membership, "members.view")
    members = _members(membership)
    if not include_offboarded:
        members = members.active()
    page = paginate(members, params, order_by="user__email")
    prepare_titles(page.items)  # the seat's title, for the whole page in one query
    return page


@router.post(
    f"{WS}/invitations", response={201: InvitationOut, **ERROR_RESPONSES}, tags=["members"]
)
def invitation_create(request: HttpRequest, slug: str, payload: InvitationIn) -> Status[Invitation]:
    """Email an invitation. The link's secret goes only to the invitee, never into the reply."""
    membership = workspace_membership(request, slug)
    invitation, _secret = services.invitation_create(
        actor=membership,
        email=payload.email,
        role=payload.role.value,
        base_url=request.build_absolute_uri("/"),
        context=AuditContext.from_request(request),
    )
    return Status(201, invitation)


@router.patch(
    f"{WS}/members/{{member_id}}", response={200: MemberOut, **ERROR_RESPONSES}, tags=["members"]
)
def member_update(
    request: HttpRequest, slug: str, member_id: int, payload: MemberPatchIn
) -> Membership:
    membership = workspace_membership(request, slug)
    target = get_in_workspace(_members(membership), membership, member_id)
    return services.membership_change_role(
        actor=membership,
        membership=target,
        role=payload.role.value,
        context=AuditContext.from_request(request),
    )


@router.get(
    f"{WS}/members/{{member_id}}/offboarding-plan",
    response={200: OffboardingPlanOut, **ERROR_RESPONSES},
    tags=["members"],
)
def member_offboarding_plan(request: HttpRequest, slug: str, member_id: int) -> dict[str, Any]:
    """What offboarding this member would hand over, and to whom by default."""
    membership = workspace_membership(request, slug)
    require(membership, "members.offboard")
    target = get_in_workspace(_members(membership), membership, member_id)
    if not target.is_active:
        raise ValidationError(_("%(name)s has already been offboarded.") % {
            "name": target.user.display_name})  # fmt: skip
    plan = selectors.offboarding_plan(actor=membership, membership=target)
    return {
        "member": target,
        "successor_id": plan.successor.pk,
        "sections": [
            {
                "key": section.key, "label": str(section.label),
                "receiver": str(section.receiver), "allow_empty": section.allow_empty,
                "items": [
                    {"key": item.key, "label": item.label, "detail": item.detail,
                     "url": item.url,
                     "default_receiver_id": section.default.pk if section.default else None}
                    for item in section.items
                ],
            }
            for section in plan.sections
        ],
    }  # fmt: skip


@router.post(
    f"{WS}/members/{{member_id}}/offboard",
    response={200: OffboardingOut, **ERROR_RESPONSES},
    tags=["members"],
)
def member_offboard(
    request: HttpRequest, slug: str, member_id: int, payload: OffboardIn | None = None
) -> dict[str, Any]:
    """End the member's access at once and hand their work over; returns what moved where.

    Without a body every item goes to the plan's default receiver (see offboarding-plan).
    """
    membership = workspace_membership(request, slug)
    target = get_in_workspace(_members(membership), membership, member_id)
    summary = services.membership_offboard(
        actor=membership,
        membership=target,
        handover=payload.handover if payload else None,
        context=AuditContext.from_request(request),
    )
    return {
        "member": summary.membership,
        "steps": [
            {
                "key": key,
                "label": str(step_label(key)),
                "count": result.count,
                "items": [str(item) for item in result.items],
                "url": result.url,
                "moves": [move.as_data() for move in result.moves],
            }
            for key, result in summary.steps
        ],
    }


# --- Groups ---------------------------------------------------------------------------------


@router.get(
    f"{WS}/groups", response={200: page_schema(GroupOut), **ERROR_RESPONSES}, tags=["groups"]
)
def group_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[Group]:
    membership = workspace_membership(request, slug)
    require(membership, "groups.view")
    return paginate(_groups(membership), params, order_by="name")


@router.post(f"{WS}/groups", response={201: GroupDetailOut, **ERROR_RESPONSES}, tags=["groups"])
def group_create(request: HttpRequest, slug: str, payload: GroupIn) -> Status[Group]:
    membership = workspace_membership(request, slug)
    group = services.group_create(
        actor=membership,
        name=payload.name,
        alias=payload.alias,
        description=payload.description,
        context=AuditContext.from_request(request),
    )
    return Status(201, _group_detail(membership, group.pk))


@router.get(
    f"{WS}/groups/{{group_id}}", response={200: GroupDetailOut, **ERROR_RESPONSES}, tags=["groups"]
)
def group_detail(request: HttpRequest, slug: str, group_id: int) -> Group:
    membership = workspace_membership(request, slug)
    require(membership, "groups.view")
    return _group_detail(membership, group_id)


@router.patch(
    f"{WS}/groups/{{group_id}}", response={200: GroupDetailOut, **ERROR_RESPONSES}, tags=["groups"]
)
def group_update(request: HttpRequest, slug: str, group_id: int, payload: GroupPatchIn) -> Group:
    """Change the fields sent; the others keep their value."""
    membership = workspace_membership(request, slug)
    group = get_in_workspace(Group.objects.all(), membership, group_id)
    services.group_update(
        actor=membership,
        group=group,
        name=payload.name if payload.name is not None else group.name,
        alias=payload.alias if payload.alias is not None else group.alias,
        description=payload.description if payload.description is not None else group.description,
        context=AuditContext.from_request(request),
    )
    return _group_detail(membership, group.pk)


@router.delete(
    f"{WS}/groups/{{group_id}}", response={204: None, **ERROR_RESPONSES}, tags=["groups"]
)
def group_delete(request: HttpRequest, slug: str, group_id: int) -> Status[None]:
    membership = workspace_membership(request, slug)
    group = get_in_workspace(Group.objects.all(), membership, group_id)
    services.group_delete(actor=membership, group=group, context=AuditContext.from_request(request))
    return Status(204, None)


@router.put(
    f"{WS}/groups/{{group_id}}/members",
    response={200: GroupDetailOut, **ERROR_RESPONSES},
    tags=["groups"],
)
def group_members_set(
    request: HttpRequest, slug: str, group_id: int, payload: GroupMembersIn
) -> Group:
    """Make the group's members exactly `member_ids` (membership ids of this workspace).

    An id that is not a member of this workspace is a 422 on `member_ids` (the same answer
    for another workspace's id and a made-up one).
    """
    membership = workspace_membership(request, slug)
    group = get_in_workspace(Group.objects.all(), membership, group_id)
    wanted = set(payload.member_ids)
    members = list(Membership.objects.in_workspace(membership.workspace).filter(pk__in=wanted))
    if len(members) != len(wanted):
        unknown = sorted(wanted - {m.pk for m in members})
        message = _("Not members of this workspace: %(ids)s") % {
            "ids": ", ".join(map(str, unknown))
        }
        raise ValidationError({"member_ids": ValidationError(message, code="unknown_member")})
    services.group_set_members(
        actor=membership, group=group, members=members, context=AuditContext.from_request(request)
    )
    return _group_detail(membership, group.pk)


@router.post(
    f"{WS}/groups/{{group_id}}/send",
    response={200: QueuedOut, **ERROR_RESPONSES},
    tags=["groups"],
)
def group_send(
    request: HttpRequest, slug: str, group_id: int, payload: GroupSendIn
) -> dict[str, int]:
    """Email every active member of the group, one message each; returns how many."""
    membership = workspace_membership(request, slug)
    group = get_in_workspace(Group.objects.select_related("workspace"), membership, group_id)
    queued = services.group_send(
        actor=membership,
        group=group,
        subject=payload.subject,
        body=payload.body,
        context=AuditContext.from_request(request),
    )
    return {"queued": queued}
