from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "keel.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from keel.core.scheduler import every
        from keel.notifications import kinds  # noqa: F401  (registers the foundation kinds)
        from keel.notifications.jobs import prune_read_notifications
        from keel.notifications.subscribers import subscribe_all

        every(24 * 3600, prune_read_notifications)
        subscribe_all()
