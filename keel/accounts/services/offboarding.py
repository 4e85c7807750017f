"""Offboarding: end a member's access in one step and hand their work over.

The owner sees the plan first (`selectors.offboarding_plan`): every open task, recurring
series, seat, invitation… with the receiver of each (by default the seat above's holder).
`membership_offboard` takes the owner's choices (`handover`: step key → item key → member id
or None), checks them all before changing anything, then runs every registered step in one
transaction and records in the audit event what moved to whom.

The accounts app's own steps (sessions, API tokens, groups, invitations sent) are registered
in `keel.accounts.wiring` like everyone else's, so they appear in the plan and the report in
the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.accounts.models import ApiToken, GroupMembership, Invitation
from keel.accounts.offboarding import (
    Handover,
    HandoverItem,
    Move,
    MoveKind,
    OffboardingStepResult,
    Receiver,
    offboarding_steps,
)
from keel.accounts.selectors.offboarding import OffboardingPlan, offboarding_plan
from keel.accounts.services.members import check_target, is_last_owner
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event

# What the owner may send: step key → item key → member id (None: nobody / leave empty).
HandoverChoices = Mapping[str, Mapping[str, int | None]]


@dataclass
class OffboardingSummary:
    membership: Membership
    steps: list[tuple[str, OffboardingStepResult]] = field(default_factory=list)


def _receivers(
    plan: OffboardingPlan, choices: HandoverChoices | None
) -> dict[str, dict[str, Membership | None]]:
    """Every item's receiver: the owner's choice where given, else the plan's default.

    Checked here, before anything changes: a receiver must be an active member of the
    workspace other than the leaving person, and "nobody" only where the step allows it.
    Choices for items that are no longer in the plan (a task closed meanwhile) are ignored.
    """
    choices = choices or {}
    people = {m.pk: m for m in plan.receivers}
    result: dict[str, dict[str, Membership | None]] = {}
    for section in plan.sections:
        if section.receiver == Receiver.NONE:
            continue
        chosen = choices.get(section.key) or {}
        result[section.key] = {}
        for item in section.items:
            if item.key not in chosen:
                result[section.key][item.key] = section.default
                continue
            value = chosen[item.key]
            if value is None:
                if not section.allow_empty:
                    raise ValidationError(
                        _("Choose who takes over %(item)s.") % {"item": item.label}
                    )
                result[section.key][item.key] = None
                continue
            receiver = people.get(value)
            if receiver is None:
                raise ValidationError(
                    _("%(item)s: choose an active member of this workspace other than the "
                      "person leaving.") % {"item": item.label}
                )  # fmt: skip
            result[section.key][item.key] = receiver
    return result


@transaction.atomic
def membership_offboard(
    *,
    actor: Membership,
    membership: Membership,
    handover: HandoverChoices | None = None,
    context: AuditContext | None = None,
) -> OffboardingSummary:
    """End a member's access in one step, hand their work over, and report what was done."""
    require(actor, "members.offboard")
    check_target(actor, membership)
    if membership.pk == actor.pk:
        raise ValidationError(_("You cannot offboard yourself."))
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "workspace")
        .get(pk=membership.pk)
    )
    if not membership.is_active:
        raise ValidationError(_("%(name)s has already been offboarded.") % {
            "name": membership.user.display_name})  # fmt: skip
    if is_last_owner(membership):
        raise ValidationError(_("A workspace needs at least one owner."))
    receivers = _receivers(offboarding_plan(actor=actor, membership=membership), handover)
    membership.offboarded_at = timezone.now()
    membership.save(update_fields=["offboarded_at", "updated_at"])
    summary = OffboardingSummary(membership=membership)
    for step in offboarding_steps():
        result = step.run(membership, actor, receivers.get(step.key, {}))
        summary.steps.append((step.key, result))
    steps = [
        {"key": key, "count": r.count, "items": r.items[:50], "url": r.url,
         "moves": [m.as_data() for m in r.moves[:200]]}
        for key, r in summary.steps
    ]  # fmt: skip
    audit_event(actor, "member.offboarded", membership, context,
                email=membership.user.email, steps=steps)  # fmt: skip
    return summary


# --- The accounts app's own steps (registered in wiring) --------------------------------------


def end_sessions(
    target: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Sign the person out everywhere, at once (allauth tracks every session it serves)."""
    from allauth.usersessions.models import UserSession

    sessions = list(UserSession.objects.filter(user=target.user))
    for session in sessions:
        session.end()
    return OffboardingStepResult(count=len(sessions))


def _tokens(target: Membership) -> list[ApiToken]:
    return list(ApiToken.objects.usable().filter(membership=target).order_by("name", "pk"))


def preview_tokens(target: Membership) -> list[HandoverItem]:
    return [HandoverItem(key=str(t.pk), label=t.name) for t in _tokens(target)]


def revoke_tokens(
    target: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    tokens = _tokens(target)
    ApiToken.objects.filter(pk__in=[t.pk for t in tokens]).update(revoked_at=timezone.now())
    names = [t.name for t in tokens]
    return OffboardingStepResult(
        count=len(names), items=names, moves=[Move(n, MoveKind.REVOKED) for n in names]
    )


def _group_memberships(target: Membership) -> list[GroupMembership]:
    return list(
        GroupMembership.objects.filter(membership=target)
        .select_related("group")
        .order_by("group__name")
    )


def preview_groups(target: Membership) -> list[HandoverItem]:
    return [HandoverItem(key=str(gm.group_id), label=gm.group.name)
            for gm in _group_memberships(target)]  # fmt: skip


def leave_groups(
    target: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    rows = _group_memberships(target)
    GroupMembership.objects.filter(pk__in=[gm.pk for gm in rows]).delete()
    names = [gm.group.name for gm in rows]
    return OffboardingStepResult(count=len(names), items=names)


def _invitations(target: Membership) -> list[Invitation]:
    return list(
        Invitation.objects.in_workspace(target.workspace)
        .filter(invited_by=target.user, accepted_at__isnull=True, revoked_at__isnull=True,
                expires_at__gt=timezone.now())
        .order_by("email", "pk")
    )  # fmt: skip


def preview_invitations(target: Membership) -> list[HandoverItem]:
    return [HandoverItem(key=str(i.pk), label=i.email) for i in _invitations(target)]


def hand_over_invitations(
    target: Membership, actor: Membership, handover: Handover
) -> OffboardingStepResult:
    """Pending invitations the person sent: kept in another member's name, or withdrawn.

    Withdrawing is the invitation service's own rule (`invitation_revoke`, audited); a kept
    invitation names its new sender, who is the one the invitee will be told invited them.
    """
    from keel.accounts.services.invitations import invitation_revoke

    result = OffboardingStepResult()
    for invitation in _invitations(target):
        receiver = handover.get(str(invitation.pk))
        if receiver is None:
            invitation_revoke(actor=actor, invitation=invitation)
            result.moves.append(Move(invitation.email, MoveKind.REVOKED))
        else:
            invitation.invited_by = receiver.user
            invitation.save(update_fields=["invited_by", "updated_at"])
            result.moves.append(Move(invitation.email, MoveKind.PERSON, receiver.user.display_name))
        result.items.append(invitation.email)
    result.count = len(result.items)
    return result
