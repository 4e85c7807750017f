"""Core background jobs: email delivery and housekeeping. Each is safe to run twice."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_tasks import task

from keel.core.mail import deliver_once


@task()
def deliver_email(message: dict[str, Any]) -> int:
    """Send one message through the real backend. Raises on SMTP failure so the job shows failed.

    Idempotent (issue 12): a retry of the same job finds the message's key and sends nothing.
    """
    return deliver_once(message)


@task()
def prune_finished_jobs(days: int = 14) -> int:
    """Keep the job table small: drop finished results older than `days`."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - RQ deployments keep results in Redis
        return 0
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = DBTaskResult.objects.filter(finished_at__lt=cutoff).delete()
    return deleted


@task()
def record_heartbeat(note: str = "") -> str:
    """A trivial job used by the health page and tests to prove a worker is alive."""
    from keel.core.models import WorkerHeartbeat

    beat = WorkerHeartbeat.objects.create(note=note[:100])
    return beat.created_at.isoformat()
