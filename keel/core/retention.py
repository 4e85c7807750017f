"""How long finished jobs keep their arguments in the queue.

A finished job's arguments are of no further use, yet they can hold what a job needed to
know (a sealed email with a live link, ids). The database queue keeps rows until they are
deleted, so a periodic job drops successful results after a day; failed ones stay for the
14-day `prune_finished_jobs`, so the owner and `keel status` can still see what failed.
RQ needs no job: it drops a successful job (with its arguments) after its result TTL
(500 s by default), and keeps a failed one for its failure TTL (a year).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task


@task()
def purge_finished_payloads(hours: int = 24) -> int:
    """Delete successful job results older than `hours`. Safe to run twice."""
    try:
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - RQ deployments keep results in Redis
        return 0
    cutoff = timezone.now() - timedelta(hours=hours)
    deleted, _ = DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=cutoff
    ).delete()
    return deleted
