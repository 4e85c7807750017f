"""Selectors of accounts. Import from here: `from keel.accounts import selectors`."""

from keel.accounts.selectors.people import (
    SIGN_IN_PREFIXES,
    OffboardingReport,
    OffboardingStepView,
    audit_actions,
    audit_events,
    get_group_for,
    get_invitation_for,
    get_membership_for,
    group_members,
    groups_list,
    members_list,
    offboarding_preview,
    offboarding_report,
    pending_invitations,
)

__all__ = [
    "SIGN_IN_PREFIXES",
    "OffboardingReport",
    "OffboardingStepView",
    "audit_actions",
    "audit_events",
    "get_group_for",
    "get_invitation_for",
    "get_membership_for",
    "group_members",
    "groups_list",
    "members_list",
    "offboarding_preview",
    "offboarding_report",
    "pending_invitations",
]
