"""Forms of accounts. Import from here: `from keel.accounts import forms`."""

from keel.accounts.forms.settings import (
    COMMON_TIMEZONES,
    THEME_CHOICES,
    MembershipChoiceField,
    ProfileForm,
    TokenCreateForm,
    WorkspaceForm,
    WorkspaceSignupForm,
    timezone_choices,
)
from keel.accounts.forms.workspace import SETTINGS_FIELDS, WorkspaceSettingsForm

__all__ = [
    "COMMON_TIMEZONES",
    "SETTINGS_FIELDS",
    "THEME_CHOICES",
    "MembershipChoiceField",
    "ProfileForm",
    "TokenCreateForm",
    "WorkspaceForm",
    "WorkspaceSettingsForm",
    "WorkspaceSignupForm",
    "timezone_choices",
]
