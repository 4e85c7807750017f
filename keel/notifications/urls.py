"""/<ws>/notifications/: the member's list, marking read, their preferences, and the
workspace's chat webhooks (admins)."""

from django.urls import path

from keel.notifications.views import chat
from keel.notifications.views import notifications as views

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("read-all/", views.notifications_read_all, name="notifications_read_all"),
    path("<int:pk>/read/", views.notification_read, name="notification_read"),
    path("preferences/", views.preferences, name="notification_preferences"),
    path("chat/", chat.chat_webhooks, name="chat_webhooks"),
    path("chat/new/", chat.chat_webhook_new, name="chat_webhook_new"),
    path("chat/<int:webhook_id>/", chat.chat_webhook_edit, name="chat_webhook_edit"),
    path("chat/<int:webhook_id>/test/", chat.chat_webhook_test, name="chat_webhook_test"),
    path("chat/<int:webhook_id>/delete/", chat.chat_webhook_delete, name="chat_webhook_delete"),
]
