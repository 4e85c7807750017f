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

__all__ = [
    "COMMON_TIMEZONES",
    "THEME_CHOICES",
    "MembershipChoiceField",
    "ProfileForm",
    "TokenCreateForm",
    "WorkspaceForm",
    "WorkspaceSignupForm",
    "timezone_choices",
]
