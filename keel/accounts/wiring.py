"""What the accounts app registers at start-up (called from AccountsConfig.ready): how its
audit events read, and allauth's sign-in and MFA audit receivers (the one place signals are
used: those events happen inside allauth).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

AUDIT_ACTION_LABELS: dict[str, Any] = {
    "audit.exported": _("Audit log exported"),
    "auth.email_added": _("Email address added"),
    "auth.email_changed": _("Email address changed"),
    "auth.email_confirmed": _("Email address confirmed"),
    "auth.email_removed": _("Email address removed"),
    "auth.login": _("Signed in"),
    "auth.login_failed": _("Sign-in failed"),
    "auth.logout": _("Signed out"),
    "auth.password_changed": _("Password changed"),
    "auth.password_set": _("Password set"),
    "auth.signed_up": _("Signed up"),
    "group.created": _("Group created"),
    "group.deleted": _("Group deleted"),
    "group.members_changed": _("Group members changed"),
    "group.sent": _("Message sent to group"),
    "group.updated": _("Group edited"),
    "invitation.accepted": _("Invitation accepted"),
    "invitation.created": _("Invitation sent"),
    "invitation.revoked": _("Invitation withdrawn"),
    "member.offboarded": _("Member offboarded"),
    "member.role_changed": _("Role changed"),
    "mfa.added": _("Two-factor method added"),
    "mfa.failed": _("Two-factor check failed"),
    "mfa.recovery_codes_regenerated": _("Recovery codes regenerated"),
    "mfa.removed": _("Two-factor method removed"),
    "token.created": _("API token created"),
    "token.revoked": _("API token revoked"),
    "user.profile_updated": _("Profile updated"),
    "workspace.created": _("Workspace created"),
}


def connect() -> None:
    from keel.accounts import receivers  # noqa: F401  (allauth sign-in audit hooks)
    from keel.core.audit import register_action_labels

    register_action_labels(AUDIT_ACTION_LABELS)
