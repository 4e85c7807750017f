"""Services of notifications. Import from here: `from keel.notifications import services`."""

from keel.notifications.services.notifications import (
    notification_mark_read,
    notifications_mark_all_read,
    notify,
    preferences_save,
    recipient_language,
)

__all__ = [
    "notification_mark_read",
    "notifications_mark_all_read",
    "notify",
    "preferences_save",
    "recipient_language",
]
