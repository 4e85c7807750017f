"""Selectors of accounts. Import from here: `from keel.accounts import selectors`."""

from keel.accounts.selectors.offboarding import (
    OffboardingPlan,
    OffboardingReport,
    OffboardingStepView,
    PlanSection,
    handover_receivers,
    offboarding_plan,
    offboarding_report,
)
from keel.accounts.selectors.people import (
    SIGN_IN_PREFIXES,
    audit_actions,
    audit_events,
    get_group_for,
    get_invitation_for,
    get_membership_for,
    group_members,
    groups_list,
    members_list,
    pending_invitations,
)

__all__ = [
    "SIGN_IN_PREFIXES",
    "OffboardingPlan",
    "OffboardingReport",
    "OffboardingStepView",
    "PlanSection",
    "audit_actions",
    "audit_events",
    "get_group_for",
    "get_invitation_for",
    "get_membership_for",
    "group_members",
    "groups_list",
    "handover_receivers",
    "members_list",
    "offboarding_plan",
    "offboarding_report",
    "pending_invitations",
]
