"""`keel status` tells the operator what is queued, stuck and failed, and exits 1 on trouble."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import django
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from keel.core.jobs import prune_finished_jobs, record_heartbeat
from keel.core.models import ScheduledRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.KEEL_JOB_TIMEOUT_SECONDS = 900


def _status(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("status", *args, stdout=out)
    except SystemExit as exit:
        return int(exit.code or 0), out.getvalue()
    return 0, out.getvalue()


def _job(status: str, **times: timedelta) -> DBTaskResult:
    result = record_heartbeat.enqueue("x")
    now = timezone.now()
    DBTaskResult.objects.filter(id=result.id).update(
        status=status, **{field: now - ago for field, ago in times.items()}
    )
    return DBTaskResult.objects.get(id=result.id)


def test_a_healthy_install_prints_versions_and_exits_0(db_queue):
    code, out = _status()

    assert code == 0
    assert f"Django {django.get_version()}" in out
    assert "Keel " in out and "Python " in out and f"Database {connection.display_name}" in out
    assert "queued: 0\n" in out
    assert "stuck (running over 900 s): 0" in out
    assert "OK: no stuck or failed jobs." in out


def test_queue_depth_and_the_oldest_waiting_job(db_queue):
    _job("READY", enqueued_at=timedelta(minutes=10))
    _job("READY", enqueued_at=timedelta(minutes=1))

    code, out = _status()

    assert code == 0  # a queue is not a failure; /readyz judges lag
    assert "queued: 2, oldest waiting 10 min" in out


def test_stuck_and_failed_jobs_are_listed_and_exit_1(db_queue):
    _job("RUNNING", started_at=timedelta(minutes=30))
    _job("RUNNING", started_at=timedelta(minutes=1))  # busy, not stuck
    failed = _job("FAILED", finished_at=timedelta(hours=2))
    DBTaskResult.objects.filter(id=failed.id).update(exception_class_path="smtplib.SMTPException")
    _job("FAILED", finished_at=timedelta(days=8))  # older than a week: not counted

    code, out = _status()

    assert code == 1
    assert "running: 2" in out
    assert "stuck (running over 900 s): 1" in out
    assert "failed in the last 7 days: 1" in out
    assert "keel.core.jobs.record_heartbeat  smtplib.SMTPException" in out
    assert "Needs attention: 1 stuck, 1 failed job(s)." in out


def test_each_periodic_job_shows_its_last_run(db_queue):
    last = datetime(2026, 12, 1, 0, 0, 5, tzinfo=UTC)
    ScheduledRun.objects.create(name=prune_finished_jobs.module_path, slot=1, created_at=last)

    _, out = _status()

    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  keel.")}
    assert "2026-12-01 00:00:05 UTC" in lines["keel.core.jobs.prune_finished_jobs"]
    assert "OVERDUE" in lines["keel.core.jobs.prune_finished_jobs"]  # days without a run
    assert "never" in lines["keel.core.reaper.reap_abandoned_jobs"]


def test_json_output_for_monitoring(db_queue):
    _job("FAILED", finished_at=timedelta(minutes=5))

    code, out = _status("--json")

    data = json.loads(out)
    assert code == 1
    assert data["needs_attention"] is True
    assert data["failed_count"] == 1
    assert data["failed"][0]["name"] == "keel.core.jobs.record_heartbeat"
    assert data["versions"]["Django"] == django.get_version()


@pytest.mark.redis
def test_on_rq_failed_and_abandoned_jobs_need_attention(settings, monkeypatch):
    import os
    import time
    import uuid

    from django_tasks_rq.backend import Job
    from redis import Redis
    from rq import Queue
    from rq.job import JobStatus
    from rq.job_lifecycle import record_job_failure
    from rq.registry import StartedJobRegistry

    from keel.core import reaper

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    connection = Redis.from_url(os.environ["REDIS_URL"])
    name = f"keel-status-test-{uuid.uuid4().hex[:10]}"
    queue = Queue(name, connection=connection, job_class=Job)
    monkeypatch.setattr(reaper, "rq_queues", lambda: [queue])
    meta = {"backend_name": "default"}
    jobs = [queue.enqueue("keel.core.jobs.record_heartbeat", n, meta=meta) for n in "abc"]
    try:
        failed, abandoned, _waiting = jobs
        queue.remove(failed.id)
        with connection.pipeline() as pipeline:
            record_job_failure(failed, "Traceback ...\nsmtplib.SMTPException: no", pipeline)
            pipeline.execute()
        queue.remove(abandoned.id)
        abandoned.set_status(JobStatus.STARTED)
        started = StartedJobRegistry(queue=queue).key
        connection.zadd(started, {f"{abandoned.id}:run1": time.time() - 10})

        code, out = _status()
    finally:
        for key in connection.scan_iter(f"*{name}*"):
            connection.delete(key)
        for job in jobs:
            for key in connection.scan_iter(f"*{job.id}*"):
                connection.delete(key)

    assert code == 1
    assert "Jobs (django_tasks_rq.RQBackend)" in out
    assert "queued: 1, oldest waiting" in out
    assert "stuck (running over 900 s): 1" in out
    assert "failed in the last 7 days: 1" in out
    assert "keel.core.jobs.record_heartbeat  smtplib.SMTPException: no" in out
