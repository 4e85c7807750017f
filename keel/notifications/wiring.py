"""What notifications registers at start-up (called from NotificationsConfig.ready): the
foundation's notification kinds, the nightly prune of old read notifications, and the
subscribers to people events (accounts.events).
"""


def connect() -> None:
    from keel.core.scheduler import every
    from keel.notifications import kinds  # noqa: F401  (registers the foundation kinds)
    from keel.notifications.jobs import prune_read_notifications
    from keel.notifications.subscribers import subscribe_all

    every(24 * 3600, prune_read_notifications)
    subscribe_all()
