"""Writes for members: changing a role, and offboarding (ending access in one step, with
the steps other apps register in keel.accounts.offboarding).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.accounts import events
from keel.accounts.models import ApiToken, GroupMembership, User
from keel.accounts.offboarding import OffboardingStepResult, offboarding_steps
from keel.core.models import Membership, Role
from keel.core.permissions import grantable_roles, may_manage_member, require
from keel.core.services import AuditContext, audit_event, same_workspace


def _check_target(actor: Membership, target: Membership) -> None:
    same_workspace(actor, target)
    if not may_manage_member(actor, target):
        raise PermissionDenied(_("You cannot manage someone with a role equal to or above yours."))


def _is_last_owner(membership: Membership) -> bool:
    return (
        membership.role == Role.OWNER
        and not Membership.objects.active()
        .filter(workspace_id=membership.workspace_id, role=Role.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def membership_change_role(
    *, actor: Membership, membership: Membership, role: str, context: AuditContext | None = None
) -> Membership:
    require(actor, "members.change_role")
    _check_target(actor, membership)
    if not membership.is_active:
        raise ValidationError(_("%(name)s has been offboarded.") % {
            "name": membership.user.display_name})  # fmt: skip
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if role not in grantable_roles(actor) and role != membership.role:
        raise ValidationError({"role": _("You cannot give a role above your own.")})
    if role != Role.OWNER and _is_last_owner(membership):
        raise ValidationError(
            {"role": _("A workspace needs at least one owner. Make someone else owner first.")}
        )
    old = membership.role
    if old == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit_event(actor, "member.role_changed", membership, context, **{"from": old, "to": role})
    events.publish(events.ROLE_CHANGED, actor=actor, membership=membership, old_role=old,
                   new_role=role)  # fmt: skip
    return membership


@dataclass
class OffboardingSummary:
    membership: Membership
    steps: list[tuple[str, OffboardingStepResult]] = field(default_factory=list)


def _end_sessions(user: User) -> int:
    """Sign the user out everywhere, at once (allauth tracks every session it serves)."""
    from allauth.usersessions.models import UserSession

    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)


def _core_offboarding(target: Membership, actor: Membership) -> list[tuple[str, Any]]:
    tokens = ApiToken.objects.usable().filter(membership=target)
    token_names = list(tokens.values_list("name", flat=True))
    tokens.update(revoked_at=timezone.now())
    groups = GroupMembership.objects.filter(membership=target).select_related("group")
    group_names = [gm.group.name for gm in groups]
    groups.delete()
    sessions = _end_sessions(target.user)
    return [
        ("accounts.sessions", OffboardingStepResult(count=sessions)),
        ("accounts.tokens", OffboardingStepResult(count=len(token_names), items=token_names)),
        ("accounts.groups", OffboardingStepResult(count=len(group_names), items=group_names)),
    ]


CORE_STEP_LABELS = {
    "accounts.sessions": gettext_lazy("Signed out of every session"),
    "accounts.tokens": gettext_lazy("API tokens revoked"),
    "accounts.groups": gettext_lazy("Removed from groups"),
}


@transaction.atomic
def membership_offboard(
    *, actor: Membership, membership: Membership, context: AuditContext | None = None
) -> OffboardingSummary:
    """End a member's access in one step and report what was done."""
    require(actor, "members.offboard")
    _check_target(actor, membership)
    if membership.pk == actor.pk:
        raise ValidationError(_("You cannot offboard yourself."))
    if not membership.is_active:
        raise ValidationError(_("%(name)s has already been offboarded.") % {
            "name": membership.user.display_name})  # fmt: skip
    if _is_last_owner(membership):
        raise ValidationError(_("A workspace needs at least one owner."))
    membership.offboarded_at = timezone.now()
    membership.save(update_fields=["offboarded_at", "updated_at"])
    summary = OffboardingSummary(membership=membership, steps=_core_offboarding(membership, actor))
    for step in offboarding_steps():
        summary.steps.append((step.key, step.run(membership, actor)))
    steps = [
        {"key": key, "count": r.count, "items": r.items[:50], "url": r.url}
        for key, r in summary.steps
    ]
    audit_event(actor, "member.offboarded", membership, context,
                email=membership.user.email, steps=steps)  # fmt: skip
    return summary
