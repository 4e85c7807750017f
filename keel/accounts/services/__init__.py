"""Services of accounts. Import from here: `from keel.accounts import services`.

Split by subject: workspaces (and the audit export), invitations, members (role changes,
offboarding), groups, users (a person's own profile).
"""

from keel.accounts.services.groups import (
    group_create,
    group_delete,
    group_send,
    group_set_members,
    group_update,
)
from keel.accounts.services.invitations import (
    STAFF_ROLES,
    invitation_accept,
    invitation_create,
    invitation_find,
    invitation_problem,
    invitation_revoke,
    invitation_signup,
    invitation_url,
)
from keel.accounts.services.members import membership_change_role
from keel.accounts.services.offboarding import (
    HandoverChoices,
    OffboardingSummary,
    membership_offboard,
)
from keel.accounts.services.users import PROFILE_FIELDS, user_language_set, user_profile_update
from keel.accounts.services.workspaces import (
    audit_export_record,
    workspace_create,
    workspace_update,
)

__all__ = [
    "PROFILE_FIELDS",
    "STAFF_ROLES",
    "HandoverChoices",
    "OffboardingSummary",
    "audit_export_record",
    "group_create",
    "group_delete",
    "group_send",
    "group_set_members",
    "group_update",
    "invitation_accept",
    "invitation_create",
    "invitation_find",
    "invitation_problem",
    "invitation_revoke",
    "invitation_signup",
    "invitation_url",
    "membership_change_role",
    "membership_offboard",
    "user_language_set",
    "user_profile_update",
    "workspace_create",
    "workspace_update",
]
