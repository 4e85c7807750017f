"""Writes for invitations: invite by email (the link's secret is emailed, only its hash
kept), accept (signed in, or signing up with the invited address), revoke.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.accounts import events
from keel.accounts.models import ApiToken, Invitation, User, hash_secret
from keel.core.audit import audit
from keel.core.mail import absolute_url
from keel.core.models import Membership, Role
from keel.core.permissions import grantable_roles, require
from keel.core.services import AuditContext, audit_event, same_workspace

STAFF_ROLES = {Role.OWNER, Role.ADMIN, Role.MANAGER, Role.MEMBER}


@transaction.atomic
def invitation_create(
    *,
    actor: Membership,
    email: str,
    role: str,
    base_url: str = "",
    context: AuditContext | None = None,
) -> tuple[Invitation, str]:
    """Invite `email` with `role`; returns the invitation and the raw link secret (emailed).

    `base_url` is the site's address the emailed link starts with: a page passes its
    request's, so the link matches the host the inviter used; default KEEL_BASE_URL.
    """
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
    audit_event(actor, "invitation.created", invitation, context, email=email, role=role)
    _send_invitation_email(invitation, raw, base_url)
    return invitation, raw


def invitation_url(raw: str, base_url: str = "") -> str:
    """The link to accept; `base_url` is the site's address (default: KEEL_BASE_URL)."""
    path = reverse("invitation_accept", kwargs={"token": raw})
    return absolute_url(path, base_url)


def _invitation_language(invitation: Invitation) -> str:
    """The invitation email's language: the invited person's own when they have an account
    that chose one, else the inviter's (who knows them), else the workspace's."""
    invited = User.objects.filter(email__iexact=invitation.email).values_list("language", flat=True)
    inviter = invitation.invited_by
    return (
        next((lang for lang in invited if lang), "")
        or (inviter.language if inviter else "")
        or invitation.workspace.language
        or settings.LANGUAGE_CODE
    )


def _send_invitation_email(invitation: Invitation, raw: str, base_url: str) -> None:
    workspace = invitation.workspace
    context = {
        "workspace": workspace,
        "invitation": invitation,
        "inviter": invitation.invited_by,
        "url": invitation_url(raw, base_url),
        "days": settings.KEEL_INVITATION_DAYS,
    }
    with translation.override(_invitation_language(invitation)):
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
    *, invitation: Invitation, user: User, context: AuditContext | None = None
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
          target=membership, context=context, data={"role": invitation.role})  # fmt: skip
    events.publish(events.MEMBER_JOINED, membership=membership, invitation=invitation)
    return membership


@transaction.atomic
def invitation_signup(
    *,
    invitation: Invitation,
    full_name: str,
    password: str,
    language: str = "",
    context: AuditContext | None = None,
) -> Membership:
    """Create the invited person's account (email fixed by the invitation) and accept.

    `language` is the browser's (the page's request.LANGUAGE_CODE): the account starts in it
    when Keel speaks it, else in the workspace's language.
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
    if language not in dict(settings.LANGUAGES):
        language = invitation.workspace.language
    user = User.objects.create_user(
        invitation.email, password, full_name=full_name.strip()[:120], language=language,
    )  # fmt: skip
    return invitation_accept(invitation=invitation, user=user, context=context)


def _mark_email_verified(user: User) -> None:
    """Following the emailed link proves the address."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


@transaction.atomic
def invitation_revoke(
    *, actor: Membership, invitation: Invitation, context: AuditContext | None = None
) -> None:
    require(actor, "members.invite")
    same_workspace(actor, invitation)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
        audit_event(actor, "invitation.revoked", invitation, context, email=invitation.email)
