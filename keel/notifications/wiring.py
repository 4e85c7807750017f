"""What notifications registers at start-up (called from NotificationsConfig.ready): the
foundation's notification kinds, the nightly prune of old read notifications, the
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


def connect() -> None:
    from keel.core.scheduler import every
    from keel.notifications import kinds  # noqa: F401  (registers the foundation kinds)
    from keel.notifications.jobs import prune_read_notifications
    from keel.notifications.subscribers import subscribe_all
    from keel.ui.nav import NavItem, register_nav

    every(24 * 3600, prune_read_notifications)
    subscribe_all()
    # The key is the badge's name too: `shell.badges.notifications` (the home page reads it).
    register_nav(
        NavItem(key="notifications", label=_("Notifications"), url_name="notifications",
                section="bottom", order=10, icon="bell", badge=unread_badge,
                badge_template="ui/shell/unread_count.html")
    )  # fmt: skip
