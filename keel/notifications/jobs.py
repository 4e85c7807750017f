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
