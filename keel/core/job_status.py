"""What `keel status` and the owner's home page report about background jobs: versions, the
queue, stuck and failed jobs, and when each periodic job last ran (database queue or RQ).
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import django
from django.conf import settings
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from keel.core import reaper, scheduler

FAILED_DAYS = 7
SHOW_FAILED = 5


@dataclass
class JobLine:
    name: str
    at: datetime | None
    detail: str = ""


@dataclass
class Status:
    versions: dict[str, str]
    backend: str
    ready: int = 0
    oldest_ready_seconds: float | None = None
    running: int = 0
    stuck_count: int = 0
    stuck: list[JobLine] = field(default_factory=list)
    failed_count: int = 0
    failed: list[JobLine] = field(default_factory=list)
    periodic: list[dict[str, Any]] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return bool(self.stuck_count or self.failed_count)


def versions() -> dict[str, str]:
    try:
        keel_version = version("keel")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        keel_version = "unknown"
    found = {
        "Keel": keel_version,
        "Django": django.get_version(),
        "Python": platform.python_version(),
        "Database": f"{connection.display_name} "
        + ".".join(str(part) for part in connection.get_database_version()),
    }
    if settings.REDIS_URL:
        from redis import Redis

        try:
            info = Redis.from_url(settings.REDIS_URL, socket_timeout=5).info("server")
            found["Redis"] = str(info.get("redis_version", "unknown"))
        except Exception as exc:  # the report must still print when Redis is down
            found["Redis"] = f"unreachable ({type(exc).__name__})"
    return found


def _database_jobs(status: Status, now: datetime) -> None:
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    status.ready = ready.count()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    if oldest is not None:
        status.oldest_ready_seconds = (now - oldest).total_seconds()
    running = DBTaskResult.objects.running()
    status.running = running.count()
    stuck = running.filter(started_at__lt=now - timedelta(seconds=reaper.job_timeout()))
    status.stuck_count = stuck.count()
    for row in stuck.order_by("started_at")[:SHOW_FAILED]:
        status.stuck.append(JobLine(row.task_path, row.started_at, f"id {row.id}"))
    failed = DBTaskResult.objects.failed().filter(
        finished_at__gte=now - timedelta(days=FAILED_DAYS)
    )
    status.failed_count = failed.count()
    for row in failed.order_by("-finished_at")[:SHOW_FAILED]:
        status.failed.append(JobLine(row.task_path, row.finished_at, row.exception_class_path))


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and timezone.is_naive(moment):
        return moment.replace(tzinfo=UTC)  # rq stores UTC
    return moment


def _rq_jobs(status: Status, now: datetime) -> None:
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    cutoff = now - timedelta(seconds=reaper.job_timeout())
    since = now - timedelta(days=FAILED_DAYS)
    for queue in reaper.rq_queues():
        status.ready += queue.count
        first = queue.get_job_ids(0, 1)
        job = queue.fetch_job(first[0]) if first else None
        if job is not None and (enqueued := _aware(job.enqueued_at)) is not None:
            age = (now - enqueued).total_seconds()
            status.oldest_ready_seconds = max(status.oldest_ready_seconds or 0.0, age)
        started = StartedJobRegistry(queue=queue)
        expired = set(started.get_expired_job_ids())
        for job_id in started.get_job_ids(cleanup=False):
            status.running += 1
            job = queue.fetch_job(job_id)
            began = _aware(job.started_at) if job is not None else None
            if job_id in expired or (began is not None and began < cutoff):
                name = job.func_name if job is not None else "?"
                status.stuck_count += 1
                status.stuck.append(JobLine(name, began, f"id {job_id}"))
        for job_id in FailedJobRegistry(queue=queue).get_job_ids(0, 499, desc=True):
            job = queue.fetch_job(job_id)
            if job is None:
                continue
            result = job.latest_result()
            # A job failed by cleanup (its worker died) has a failure result but no ended_at.
            ended = _aware(result.created_at if result is not None else job.ended_at)
            if ended is None or ended < since:
                continue
            status.failed_count += 1
            lines = (result.exc_string or "").strip().splitlines() if result is not None else []
            status.failed.append(JobLine(job.func_name, ended, (lines or [""])[-1][:120]))
    status.stuck = status.stuck[:SHOW_FAILED]
    status.failed = sorted(status.failed, key=lambda j: j.at or now, reverse=True)[:SHOW_FAILED]


def _periodic(now: datetime) -> list[dict[str, Any]]:
    from keel.core.models import ScheduledRun

    last = dict(
        ScheduledRun.objects.filter(name__in=list(scheduler.REGISTRY))
        .values("name")
        .annotate(last=Max("created_at"))
        .values_list("name", "last")
    )
    rows = []
    for name, job in sorted(scheduler.REGISTRY.items()):
        ran = last.get(name)
        # Two missed slots: no worker is running the scheduler (or it is failing).
        overdue = ran is not None and now - ran > timedelta(seconds=2 * job.seconds + 300)
        rows.append({"name": name, "every_seconds": job.seconds, "last": ran, "overdue": overdue})
    return rows


def collect(now: datetime | None = None) -> Status:
    now = now or timezone.now()
    status = Status(versions=versions(), backend=str(settings.TASKS["default"]["BACKEND"]))
    if reaper.uses_rq():
        _rq_jobs(status, now)
    elif reaper.uses_database():
        _database_jobs(status, now)
    status.periodic = _periodic(now)
    return status


def trouble(now: datetime | None = None) -> Status:
    """Only the queue and its stuck and failed jobs (no versions, no periodic jobs): what the
    owner's home page warns about, in a few counting queries."""
    now = now or timezone.now()
    status = Status(versions={}, backend=str(settings.TASKS["default"]["BACKEND"]))
    if reaper.uses_rq():
        _rq_jobs(status, now)
    elif reaper.uses_database():
        _database_jobs(status, now)
    return status
