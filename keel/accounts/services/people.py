"""Writes for people and workspaces. Every function checks permission, audits, and is atomic.

Names follow `<entity>_<verb>`; the acting membership comes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keel.accounts import events
from keel.accounts.models import ApiToken, Group, GroupMembership, Invitation, User, hash_secret
from keel.accounts.offboarding import OffboardingStepResult, offboarding_steps
from keel.core.audit import audit
from keel.core.models import RESERVED_SLUGS, AuditEvent, Membership, Role, Workspace
from keel.core.permissions import grantable_roles, may_manage_member, require

if TYPE_CHECKING:
    from django.http import HttpRequest


# --- Workspaces ----------------------------------------------------------------------------


@transaction.atomic
def workspace_create(
    *,
    user: User,
    name: str,
    slug: str,
    email_domain: str,
    language: str = "en",
    timezone_name: str = "UTC",
    request: HttpRequest | None = None,
) -> Membership:
    """A new company with `user` as its owner."""
    slug = slug.lower().strip()
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("This address is reserved. Choose another.")})
    if Workspace.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("This address is taken. Choose another.")})
    workspace = Workspace(
        name=name.strip(),
        slug=slug,
        email_domain=email_domain.lower().strip(),
        language=language,
        timezone=timezone_name,
    )
    workspace.full_clean()
    workspace.save()
    membership = Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)
    audit(action="workspace.created", actor=user, workspace=workspace, target=workspace,
          request=request)  # fmt: skip
    return membership


# --- Invitations ---------------------------------------------------------------------------

STAFF_ROLES = {Role.OWNER, Role.ADMIN, Role.MANAGER, Role.MEMBER}


@transaction.atomic
def invitation_create(
    *, actor: Membership, email: str, role: str, request: HttpRequest | None = None
) -> tuple[Invitation, str]:
    """Invite `email` with `role`; returns the invitation and the raw link secret (emailed)."""
    require(actor, "members.invite")
    workspace = actor.workspace
    email = email.strip().lower()
    if role not in grantable_roles(actor):
        raise ValidationError({"role": _("You cannot give a role above your own.")})
    if role in STAFF_ROLES and not workspace.is_company_email(email):
        raise ValidationError(
            {
                "email": _(
                    "Staff addresses must be on @%(domain)s. Invite an outside address "
                    "as an assistant or a guest."
                )
                % {"domain": workspace.email_domain}
            }
        )
    if Membership.objects.active().filter(workspace=workspace, user__email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already a member.") % {"email": email}})
    # A new invitation replaces any pending one for the same address.
    Invitation.objects.in_workspace(workspace).filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    raw = ApiToken.new_secret().removeprefix("keel_")
    invitation = Invitation.objects.create(
        workspace=workspace, email=email, role=role, invited_by=actor.user,
        token_hash=hash_secret(raw),
    )  # fmt: skip
    audit(action="invitation.created", actor=actor.user, workspace=workspace, target=invitation,
          request=request, data={"email": email, "role": role})  # fmt: skip
    _send_invitation_email(invitation, raw, request)
    return invitation, raw


def invitation_url(raw: str, request: HttpRequest | None = None) -> str:
    path = reverse("invitation_accept", kwargs={"token": raw})
    return request.build_absolute_uri(path) if request else settings.KEEL_BASE_URL + path


def _send_invitation_email(invitation: Invitation, raw: str, request: HttpRequest | None) -> None:
    workspace = invitation.workspace
    context = {
        "workspace": workspace,
        "invitation": invitation,
        "inviter": invitation.invited_by,
        "url": invitation_url(raw, request),
        "days": settings.KEEL_INVITATION_DAYS,
    }
    with translation.override(workspace.language):
        subject = _("%(name)s invited you to %(workspace)s on Keel") % {
            "name": invitation.invited_by.display_name if invitation.invited_by else "Keel",
            "workspace": workspace.name,
        }
        body = render_to_string("accounts/email/invitation.txt", context)
    EmailMultiAlternatives(subject=subject, body=body, to=[invitation.email]).send()


def invitation_find(raw: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("workspace", "invited_by")
        .filter(token_hash=hash_secret(raw))
        .first()
    )


def invitation_problem(invitation: Invitation | None) -> str:
    """Why a link cannot be used, as a message for the visitor; empty when it can."""
    if invitation is None:
        return _("This invitation link is not valid. Ask for a new one.")
    if invitation.accepted_at:
        return _("This invitation has already been used. Sign in instead.")
    if invitation.revoked_at:
        return _("This invitation was withdrawn. Ask for a new one.")
    if invitation.is_expired:
        return _("This invitation expired. Ask %(name)s for a new one.") % {
            "name": invitation.invited_by.display_name if invitation.invited_by else _("the owner")
        }
    return ""


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User, request: HttpRequest | None = None
) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation)
    if problem:
        raise ValidationError(problem)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation is for %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership = Membership.objects.filter(workspace=invitation.workspace, user=user).first()
    if membership and membership.is_active:
        raise ValidationError(_("You are already a member of this workspace."))
    if membership:  # coming back after being offboarded
        membership.role = invitation.role
        membership.offboarded_at = None
        membership.save(update_fields=["role", "offboarded_at", "updated_at"])
    else:
        membership = Membership.objects.create(
            workspace=invitation.workspace, user=user, role=invitation.role
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    _mark_email_verified(user)
    audit(action="invitation.accepted", actor=user, workspace=invitation.workspace,
          target=membership, request=request, data={"role": invitation.role})  # fmt: skip
    events.publish(events.MEMBER_JOINED, membership=membership, invitation=invitation)
    return membership


@transaction.atomic
def invitation_signup(
    *, invitation: Invitation, full_name: str, password: str, request: HttpRequest | None = None
) -> Membership:
    """Create the invited person's account (email fixed by the invitation) and accept.

    The caller validates the password (strength, twice typed) and signs the user in.
    """
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account with %(email)s already exists. Sign in to accept the invitation.")
            % {"email": invitation.email}
        )
    problem = invitation_problem(invitation)
    if problem:
        raise ValidationError(problem)
    user = User.objects.create_user(
        invitation.email, password, full_name=full_name.strip()[:120],
        language=invitation.workspace.language,
    )  # fmt: skip
    return invitation_accept(invitation=invitation, user=user, request=request)


def _mark_email_verified(user: User) -> None:
    """Following the emailed link proves the address."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


@transaction.atomic
def invitation_revoke(
    *, actor: Membership, invitation: Invitation, request: HttpRequest | None = None
) -> None:
    require(actor, "members.invite")
    if invitation.workspace_id != actor.workspace_id:
        raise PermissionDenied
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
        audit(action="invitation.revoked", actor=actor.user, workspace=actor.workspace,
              target=invitation, request=request, data={"email": invitation.email})  # fmt: skip


# --- Members -------------------------------------------------------------------------------


def _check_target(actor: Membership, target: Membership) -> None:
    if target.workspace_id != actor.workspace_id:
        raise PermissionDenied
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
    *, actor: Membership, membership: Membership, role: str, request: HttpRequest | None = None
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
    audit(action="member.role_changed", actor=actor.user, workspace=actor.workspace,
          target=membership, request=request, data={"from": old, "to": role})  # fmt: skip
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
    *, actor: Membership, membership: Membership, request: HttpRequest | None = None
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
    audit(
        action="member.offboarded",
        actor=actor.user,
        workspace=actor.workspace,
        target=membership,
        request=request,
        data={
            "email": membership.user.email,
            "steps": [
                {"key": key, "count": r.count, "items": r.items[:50], "url": r.url}
                for key, r in summary.steps
            ],
        },
    )
    return summary


# --- Audit ---------------------------------------------------------------------------------


def audit_export_record(
    *, actor: Membership, count: int, filters: dict[str, str], request: HttpRequest | None = None
) -> AuditEvent:
    """Exporting the log is itself an audited act (who took a copy of what)."""
    require(actor, "audit.view")
    return audit(
        action="audit.exported",
        actor=actor.user,
        workspace=actor.workspace,
        request=request,
        data={"rows": count, "filters": {k: v for k, v in filters.items() if v}},
    )


# --- Groups --------------------------------------------------------------------------------


@transaction.atomic
def group_create(
    *, actor: Membership, name: str, alias: str, description: str = "",
    request: HttpRequest | None = None,
) -> Group:  # fmt: skip
    require(actor, "groups.manage")
    ws = actor.workspace
    alias = alias.strip().lower()
    errors = {}
    if Group.objects.in_workspace(ws).filter(alias=alias).exists():
        errors["alias"] = _("Another group already uses this address.")
    if Group.objects.in_workspace(ws).filter(name__iexact=name.strip()).exists():
        errors["name"] = _("Another group already has this name.")
    if errors:
        raise ValidationError(errors)
    group = Group(workspace=ws, name=name.strip(), alias=alias, description=description.strip())
    group.full_clean()
    group.save()
    audit(action="group.created", actor=actor.user, workspace=ws, target=group, request=request,
          data={"alias": alias})  # fmt: skip
    return group


@transaction.atomic
def group_update(
    *, actor: Membership, group: Group, name: str, alias: str, description: str = "",
    request: HttpRequest | None = None,
) -> Group:  # fmt: skip
    require(actor, "groups.manage")
    ws = actor.workspace
    if group.workspace_id != ws.pk:
        raise PermissionDenied
    alias = alias.strip().lower()
    others = Group.objects.in_workspace(ws).exclude(pk=group.pk)
    errors = {}
    if others.filter(alias=alias).exists():
        errors["alias"] = _("Another group already uses this address.")
    if others.filter(name__iexact=name.strip()).exists():
        errors["name"] = _("Another group already has this name.")
    if errors:
        raise ValidationError(errors)
    group.name, group.alias, group.description = name.strip(), alias, description.strip()
    group.full_clean()
    group.save(update_fields=["name", "alias", "description", "updated_at"])
    audit(action="group.updated", actor=actor.user, workspace=ws, target=group, request=request)
    return group


@transaction.atomic
def group_delete(*, actor: Membership, group: Group, request: HttpRequest | None = None) -> None:
    require(actor, "groups.manage")
    if group.workspace_id != actor.workspace_id:
        raise PermissionDenied
    audit(action="group.deleted", actor=actor.user, workspace=actor.workspace, target=group,
          request=request)  # fmt: skip
    group.delete()


@transaction.atomic
def group_set_members(
    *, actor: Membership, group: Group, members: list[Membership],
    request: HttpRequest | None = None,
) -> Group:  # fmt: skip
    """Make the group's members exactly `members` (active members of this workspace)."""
    require(actor, "groups.manage")
    ws = actor.workspace
    if group.workspace_id != ws.pk or any(m.workspace_id != ws.pk for m in members):
        raise PermissionDenied
    if any(not m.is_active for m in members):
        raise ValidationError(_("Offboarded people cannot join a group."))
    wanted = {m.pk for m in members}
    current = set(
        GroupMembership.objects.filter(group=group).values_list("membership_id", flat=True)
    )
    added, removed = wanted - current, current - wanted
    GroupMembership.objects.filter(group=group, membership_id__in=removed).delete()
    GroupMembership.objects.bulk_create(
        [GroupMembership(workspace=ws, group=group, membership_id=pk) for pk in added]
    )
    if added or removed:
        audit(action="group.members_changed", actor=actor.user, workspace=ws, target=group,
              request=request,
              data={"added": sorted(added), "removed": sorted(removed)})  # fmt: skip
    return group


@transaction.atomic
def group_send(
    *, actor: Membership, group: Group, subject: str, body: str, html: str = "",
    request: HttpRequest | None = None,
) -> int:  # fmt: skip
    """Email every active member of the group, one message each (no addresses leak).

    Returns how many messages were queued. Later modules call this for "send today's
    task list to Sales".
    """
    require(actor, "groups.send")
    if group.workspace_id != actor.workspace_id:
        raise PermissionDenied
    if not subject.strip():
        raise ValidationError({"subject": _("Write a subject.")})
    recipients = list(
        Membership.objects.active()
        .filter(group_memberships__group=group, user__is_active=True)
        .select_related("user", "workspace")
    )
    reply_to = [actor.user.email]
    for recipient in recipients:
        message = EmailMultiAlternatives(
            subject=subject.strip(), body=body, to=[recipient.user.email], reply_to=reply_to,
            headers={"List-Id": f"<{group.address.replace('@', '.')}>"},
        )  # fmt: skip
        if html:
            message.attach_alternative(html, "text/html")
        message.send()
    audit(action="group.sent", actor=actor.user, workspace=actor.workspace, target=group,
          request=request,
          data={"subject": subject[:200], "recipients": len(recipients)})  # fmt: skip
    events.publish(events.GROUP_SENT, actor=actor, group=group, subject=subject.strip(),
                   recipients=recipients)  # fmt: skip
    return len(recipients)
