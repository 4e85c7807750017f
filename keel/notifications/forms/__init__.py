"""Forms of notifications. Import from here: `from keel.notifications import forms`."""

from keel.notifications.forms.preferences import (
    PreferencesForm,
)

__all__ = [
    "PreferencesForm",
]
