"""What the accounts app registers at start-up (called from AccountsConfig.ready): how its
audit events read, allauth's sign-in and MFA audit receivers (the one place signals are
used: those events happen inside allauth), the people of `keel seed`, its sidebar links, and
the language switch's hook (the choice is saved to the signed-in person's account).
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
    "workspace.updated": _("Workspace settings changed"),
}


def connect() -> None:
    from keel.accounts import receivers  # noqa: F401  (allauth sign-in audit hooks)
    from keel.accounts.demo import seed_demo_people, seed_large_people
    from keel.accounts.views.settings import remember_language
    from keel.core.audit import register_action_labels
    from keel.core.seeding import register_people_seeder
    from keel.ui.language import on_language_chosen
    from keel.ui.nav import NavItem, register_nav, register_workspace_logo

    register_action_labels(AUDIT_ACTION_LABELS)
    _register_offboarding_steps()
    on_language_chosen(remember_language)  # the language switch saves to the account
    # The data sets' people come first: every other app's demo seeder needs the owner.
    register_people_seeder(demo=seed_demo_people, large=seed_large_people)
    register_workspace_logo("workspace_logo")  # the sidebar shows it beside the name
    register_nav(
        NavItem(key="members", label=_("Members"), url_name="members",
                permission="members.view", order=30),
        NavItem(key="groups", label=_("Groups"), url_name="groups",
                permission="groups.view", order=40),
        NavItem(key="audit", label=_("Audit log"), url_name="audit",
                permission="audit.view", order=90),
        NavItem(key="settings", label=_("Settings"), url_name="account_settings",
                section="bottom", workspace=False, order=20),
        NavItem(key="workspace_settings", label=_("Workspace settings"),
                url_name="workspace_settings", permission="workspace.manage",
                section="bottom", order=25),
        NavItem(key="workspace_new", label=_("New workspace…"), url_name="workspace_new",
                section="switcher", workspace=False),
    )  # fmt: skip


def _register_offboarding_steps() -> None:
    """The accounts app's own offboarding steps; registered first, so they come first."""
    from keel.accounts.offboarding import Receiver, register_offboarding_step
    from keel.accounts.services import offboarding as steps

    register_offboarding_step("accounts.sessions", _("Signed out of every session"),
                              steps.end_sessions)  # fmt: skip
    register_offboarding_step("accounts.tokens", _("API tokens revoked"), steps.revoke_tokens,
                              preview=steps.preview_tokens)  # fmt: skip
    register_offboarding_step("accounts.groups", _("Removed from groups"), steps.leave_groups,
                              preview=steps.preview_groups)  # fmt: skip
    register_offboarding_step(
        "accounts.invitations", _("Invitations they sent"), steps.hand_over_invitations,
        preview=steps.preview_invitations, receiver=Receiver.PERSON,
        empty_label=_("Withdraw the invitation"),
    )  # fmt: skip
