"""Services of notifications. Import from here: `from keel.notifications import services`."""

from keel.notifications.services.chat import (
    WebhookFields,
    chat_webhook_create,
    chat_webhook_delete,
    chat_webhook_test,
    chat_webhook_update,
)
from keel.notifications.services.chat_delivery import chat_notify, chat_post
from keel.notifications.services.notifications import (
    notification_mark_read,
    notifications_mark_all_read,
    notify,
    preferences_save,
    recipient_language,
)

__all__ = [
    "WebhookFields",
    "chat_notify",
    "chat_post",
    "chat_webhook_create",
    "chat_webhook_delete",
    "chat_webhook_test",
    "chat_webhook_update",
    "notification_mark_read",
    "notifications_mark_all_read",
    "notify",
    "preferences_save",
    "recipient_language",
]
