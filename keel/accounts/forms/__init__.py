"""Forms of accounts. Import from here: `from keel.accounts import forms`."""

from keel.accounts.forms.settings import (
    THEME_CHOICES,
    MembershipChoiceField,
    ProfileForm,
    TokenCreateForm,
    WorkspaceForm,
    WorkspaceSignupForm,
)
from keel.accounts.forms.workspace import SETTINGS_FIELDS, WorkspaceSettingsForm

__all__ = [
    "SETTINGS_FIELDS",
    "THEME_CHOICES",
    "MembershipChoiceField",
    "ProfileForm",
    "TokenCreateForm",
    "WorkspaceForm",
    "WorkspaceSettingsForm",
    "WorkspaceSignupForm",
]
