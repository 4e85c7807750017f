"""Selectors of notifications. Import from here: `from keel.notifications import selectors`."""

from keel.notifications.selectors.notifications import (
    get_notification_for,
    notifications_for,
    preference_for,
    preferences_for,
    recent_for,
    unread_count,
    unread_for,
)

__all__ = [
    "get_notification_for",
    "notifications_for",
    "preference_for",
    "preferences_for",
    "recent_for",
    "unread_count",
    "unread_for",
]
