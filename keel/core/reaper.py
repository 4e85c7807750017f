"""Requeue jobs whose worker died, so every job runs at least once (issue 12).

A worker killed mid-job leaves its job RUNNING (database queue) or "started" (RQ) forever.
`reap_abandoned_jobs`, a periodic core job, puts such jobs back in the queue until they have
been tried KEEL_JOB_MAX_ATTEMPTS times, then marks them failed for `keel status` to show.
Jobs are idempotent, so running one again after a crash is safe.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# The exception recorded on a database job the reaper gave up on.
ABANDONED = "keel.core.reaper.AbandonedJob"
# rq's own name for a job whose worker stopped heart-beating.
RQ_ABANDONED = "AbandonedJobError"


@dataclass
class Reaped:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def job_timeout() -> int:
    return int(getattr(settings, "KEEL_JOB_TIMEOUT_SECONDS", 900))


def max_attempts() -> int:
    return max(1, int(getattr(settings, "KEEL_JOB_MAX_ATTEMPTS", 3)))


def uses_rq() -> bool:
    return bool(settings.TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend")


def uses_database() -> bool:
    return bool(settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend")


def reap_database(*, now: datetime | None = None) -> Reaped:
    """RUNNING jobs that started more than KEEL_JOB_TIMEOUT_SECONDS ago go back to READY.

    The database worker writes no heartbeat, so age is all we have: the timeout must exceed
    the longest job (a slow job past it runs a second time, which idempotent jobs allow).
    Attempts are the worker ids the job was claimed by (django-tasks-db appends one per claim).
    Each row is changed by a conditional UPDATE, so a job that finished meanwhile, or that
    another reaper already moved, is left alone.
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=job_timeout())
    reaped = Reaped()
    stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for row in stale.only("id", "started_at", "worker_ids", "task_path"):
        attempts = len(row.worker_ids or [])
        still_abandoned = DBTaskResult.objects.filter(
            id=row.id, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        if attempts < max_attempts():
            if still_abandoned.update(status=TaskResultStatus.READY, started_at=None):
                logger.warning(
                    "requeued job %s (%s) abandoned by its worker, attempt %d of %d",
                    row.id, row.task_path, attempts, max_attempts(),
                )  # fmt: skip
                reaped.requeued.append(str(row.id))
        elif still_abandoned.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            exception_class_path=ABANDONED,
            traceback=(
                f"Abandoned: its worker stopped after {attempts} attempts, each running "
                f"longer than {job_timeout()} s (KEEL_JOB_TIMEOUT_SECONDS)."
            ),
        ):
            logger.error(
                "job %s (%s) failed: abandoned by its worker %d times", row.id, row.task_path,
                attempts,
            )  # fmt: skip
            reaped.failed.append(str(row.id))
    return reaped


def rq_queues() -> list[Any]:
    import django_rq
    from django_tasks_rq.backend import Job

    names = settings.TASKS["default"].get("QUEUES") or ["default"]
    return [django_rq.get_queue(name, job_class=Job) for name in names]


def was_abandoned(job: Any) -> bool:
    """Did `job` fail because its worker died (rather than raising)?"""
    exceptions = job.meta.get("_django_tasks_rq_exceptions") or []
    if exceptions and str(exceptions[-1]).endswith(RQ_ABANDONED):
        return True
    result = job.latest_result()
    return bool(result is not None and RQ_ABANDONED in (result.exc_string or ""))


def reap_rq(queues: list[Any] | None = None, *, scan: int = 500) -> Reaped:
    """Move expired "started" jobs to the failed registry, then requeue those with attempts left.

    An RQ worker renews its job's place in the StartedJobRegistry while it runs (heartbeat),
    so a job whose entry expired lost its worker. `cleanup()` moves it to the
    FailedJobRegistry (RQ workers do the same in their own maintenance); from there we requeue
    the abandoned ones among the `scan` most recent failures, counting attempts in the job's meta.
    """
    from rq.exceptions import InvalidJobOperation, NoSuchJobError
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    reaped = Reaped()
    for queue in rq_queues() if queues is None else queues:
        StartedJobRegistry(queue=queue).cleanup()
        failed = FailedJobRegistry(queue=queue)
        for job_id in failed.get_job_ids(0, scan - 1, desc=True):
            try:
                job = queue.fetch_job(job_id)
            except NoSuchJobError:
                continue
            if job is None or job.meta.get("keel_gave_up") or not was_abandoned(job):
                continue
            attempts = int(job.meta.get("keel_requeues", 0)) + 1
            if attempts < max_attempts():
                job.meta["keel_requeues"] = attempts
                job.save_meta()
                try:
                    failed.requeue(job)
                except InvalidJobOperation:  # another reaper requeued it first
                    continue
                logger.warning(
                    "requeued RQ job %s (%s) abandoned by its worker, attempt %d of %d",
                    job.id, job.func_name, attempts, max_attempts(),
                )  # fmt: skip
                reaped.requeued.append(job.id)
            else:
                job.meta["keel_gave_up"] = True
                job.save_meta()
                logger.error(
                    "RQ job %s (%s) failed: abandoned by its worker %d times",
                    job.id, job.func_name, attempts,
                )  # fmt: skip
                reaped.failed.append(job.id)
    return reaped


def reap(*, now: datetime | None = None) -> Reaped:
    if uses_rq():
        return reap_rq()
    if uses_database():
        return reap_database(now=now)
    return Reaped()  # the immediate backend (tests) never leaves a job behind


@task()
def reap_abandoned_jobs() -> dict[str, int]:
    """Periodic: requeue jobs whose worker died (see the module docstring)."""
    reaped = reap()
    return {"requeued": len(reaped.requeued), "failed": len(reaped.failed)}


@task()
def prune_sent_messages(days: int = 30) -> int:
    """Daily: forget idempotency keys of email sent more than `days` ago. A retry comes within
    KEEL_JOB_MAX_ATTEMPTS × KEEL_JOB_TIMEOUT_SECONDS (45 minutes by default), long before."""
    from keel.core.models import SentMessage

    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = SentMessage.objects.filter(claimed_at__lt=cutoff).delete()
    return deleted
