"""Forms of notifications. Import from here: `from keel.notifications import forms`."""

from keel.notifications.forms.chat import ChatWebhookForm
from keel.notifications.forms.preferences import (
    PreferencesForm,
)

__all__ = [
    "ChatWebhookForm",
    "PreferencesForm",
]
