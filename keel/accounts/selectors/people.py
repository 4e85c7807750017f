"""Reads for the people pages: members, invitations, groups, the audit log.

Every query starts from the actor's workspace; access helpers raise 404 for anything that
belongs to another workspace, so object ids never reveal other companies' data.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from keel.accounts.models import Group, GroupMembership, Invitation
from keel.core.models import AuditEvent, Membership, Role, Workspace

SIGN_IN_PREFIXES = ("auth.", "mfa.")

# --- Access helpers --------------------------------------------------------------------------


def get_membership_for(actor: Membership, pk: int | str) -> Membership:
    """Any membership (active or offboarded) of the actor's workspace, else 404."""
    membership = (
        Membership.objects.in_workspace(actor.workspace)
        .select_related("user", "workspace")
        .filter(pk=pk)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def get_group_for(actor: Membership, pk: int | str) -> Group:
    group = Group.objects.in_workspace(actor.workspace).select_related("workspace").filter(pk=pk)
    found = group.first()
    if found is None:
        raise Http404
    return found


def get_invitation_for(actor: Membership, pk: int | str) -> Invitation:
    invitation = Invitation.objects.in_workspace(actor.workspace).filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


# --- Members ---------------------------------------------------------------------------------


def members_list(*, workspace: Workspace, role: str = "", q: str = "") -> QuerySet[Membership]:
    """Active members with their user, workspace and groups loaded (three queries in all)."""
    qs = (
        Membership.objects.active()
        .in_workspace(workspace)
        .select_related("user", "workspace")
        .prefetch_related(
            Prefetch(
                "group_memberships",
                queryset=GroupMembership.objects.select_related("group").order_by("group__name"),
            )
        )
        .order_by("user__full_name", "user__email")
    )
    if role in Role.values:
        qs = qs.filter(role=role)
    q = q.strip()
    if q:
        qs = qs.filter(
            Q(user__full_name__icontains=q) | Q(user__email__icontains=q) | Q(title__icontains=q)
        )
    return qs


def pending_invitations(*, workspace: Workspace) -> QuerySet[Invitation]:
    return (
        Invitation.objects.in_workspace(workspace)
        .filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("invited_by")
        .order_by("-created_at")
    )


# --- Groups ----------------------------------------------------------------------------------


def groups_list(*, workspace: Workspace) -> QuerySet[Group]:
    return (
        Group.objects.in_workspace(workspace)
        .select_related("workspace")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__membership__offboarded_at__isnull=True),
                distinct=True,
            )
        )
        .order_by("name")
    )


def group_members(*, group: Group) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .in_workspace(group.workspace)
        .filter(group_memberships__group=group)
        .select_related("user", "workspace")
        .order_by("user__full_name", "user__email")
    )


# --- Audit -----------------------------------------------------------------------------------


def _day_start(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=tz)


def audit_events(
    *,
    workspace: Workspace,
    action: str = "",
    person: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """The workspace's events plus its people's sign-in events (which carry no workspace).

    Dates are whole days in the workspace's time zone; `date_to` is inclusive.
    """
    people = Membership.objects.filter(workspace=workspace)
    sign_in = Q()
    for prefix in SIGN_IN_PREFIXES:
        sign_in |= Q(action__startswith=prefix)
    by_member = Q(actor_id__in=people.values("user_id")) | Q(
        actor__isnull=True, actor_email__in=people.values("user__email")
    )
    qs = AuditEvent.objects.filter(
        Q(workspace=workspace) | (Q(workspace__isnull=True) & sign_in & by_member)
    ).order_by("-created_at", "-id")
    action = action.strip()
    if action:
        # "auth." lists every sign-in event; a full name matches exactly.
        qs = (
            qs.filter(action__startswith=action)
            if action.endswith(".")
            else qs.filter(action=action)
        )
    person = person.strip()
    if person:
        qs = qs.filter(actor_email__icontains=person)
    try:
        tz: dt.tzinfo = zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = dt.UTC
    if date_from:
        qs = qs.filter(created_at__gte=_day_start(date_from, tz))
    if date_to:
        qs = qs.filter(created_at__lt=_day_start(date_to + dt.timedelta(days=1), tz))
    return qs


def audit_actions(*, workspace: Workspace) -> list[str]:
    """Distinct action names this workspace's log holds, for the filter's choices."""
    return sorted(
        set(
            audit_events(workspace=workspace).order_by().values_list("action", flat=True).distinct()
        )
    )
