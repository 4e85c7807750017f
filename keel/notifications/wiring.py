"""What notifications registers at start-up (called from NotificationsConfig.ready): the
foundation's notification kinds and chat topics, the nightly prune of old read notifications,
the retry (every two minutes) of chat messages that failed, the audit labels of chat webhooks, the
subscribers to people events (accounts.events), and the sidebar's bell with its unread count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.core.models import Membership


def unread_badge(membership: Membership) -> int:
    """The bell's count (one query; the shell asks once per request)."""
    from keel.notifications.selectors import unread_count

    return unread_count(membership=membership)


CHAT_ACTION_LABELS = {
    "chat.webhook_created": _("Chat connected"),
    "chat.webhook_updated": _("Chat changed"),
    "chat.webhook_deleted": _("Chat removed"),
    "chat.webhook_tested": _("Chat test message sent"),
}


def connect() -> None:
    from keel.core.audit import register_action_labels
    from keel.core.scheduler import every
    from keel.core.seeding import register_demo_seeder
    from keel.notifications import chat_topics, kinds  # noqa: F401  (the foundation's kinds and topics)
    from keel.notifications.demo import seed_demo_chats
    from keel.notifications.jobs import prune_read_notifications, retry_chat_deliveries
    from keel.notifications.subscribers import subscribe_all
    from keel.ui.nav import NavItem, register_nav

    every(24 * 3600, prune_read_notifications)
    every(120, retry_chat_deliveries)
    register_action_labels(CHAT_ACTION_LABELS)
    register_demo_seeder(seed_demo_chats)
    subscribe_all()
    # The key is the badge's name too: `shell.badges.notifications` (the home page reads it).
    register_nav(
        NavItem(key="notifications", label=_("Notifications"), url_name="notifications",
                section="bottom", order=10, icon="bell", badge=unread_badge,
                badge_template="ui/shell/unread_count.html")
    )  # fmt: skip
