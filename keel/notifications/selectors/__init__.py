"""Selectors of notifications. Import from here: `from keel.notifications import selectors`."""

from keel.notifications.selectors.chat import get_webhook_for, recent_deliveries, webhooks_of
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
    "get_webhook_for",
    "notifications_for",
    "preference_for",
    "preferences_for",
    "recent_deliveries",
    "recent_for",
    "unread_count",
    "unread_for",
    "webhooks_of",
]
