"""Writes for members: changing a role. Offboarding has its own module (`offboarding`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.accounts import events
from keel.core.models import Membership, Role
from keel.core.permissions import grantable_roles, may_manage_member, require
from keel.core.services import AuditContext, audit_event, same_workspace


def check_target(actor: Membership, target: Membership) -> None:
    same_workspace(actor, target)
    if not may_manage_member(actor, target):
        raise PermissionDenied(_("You cannot manage someone with a role equal to or above yours."))


def is_last_owner(membership: Membership) -> bool:
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
    check_target(actor, membership)
    if not membership.is_active:
        raise ValidationError(_("%(name)s has been offboarded.") % {
            "name": membership.user.display_name})  # fmt: skip
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if role not in grantable_roles(actor) and role != membership.role:
        raise ValidationError({"role": _("You cannot give a role above your own.")})
    if role != Role.OWNER and is_last_owner(membership):
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
