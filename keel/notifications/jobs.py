"""Notification housekeeping. Idempotent: running twice deletes nothing more."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from keel.notifications.models import Notification


@task()
def prune_read_notifications(days: int = 180) -> int:
    """Read notifications older than `days` are dropped; unread ones are kept however old."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Notification.objects.filter(read_at__isnull=False, created_at__lt=cutoff).delete()
    return deleted


@task()
def deliver_chat(delivery_ids: list[int]) -> int:
    """Send queued chat messages (ids only: the text is rendered and the webhook unsealed
    here). Safe to run twice: a sent or claimed delivery is skipped."""
    from keel.notifications.services.chat_delivery import deliver

    return sum(deliver(pk) for pk in delivery_ids)


@task()
def retry_chat_deliveries() -> int:
    """Periodic: retry the chat messages whose next attempt has come."""
    from keel.notifications.services.chat_delivery import retry_due

    return retry_due()
