"""`/readyz` tells a load balancer whether this process can serve; `/healthz` only that it runs.

Readiness fails (503, still JSON) on a broken database, cache or queue, on a queue that
falls behind, and on unapplied migrations; it never shows an error message or a host name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, override_settings
from django.utils import timezone

from keel.core import health

pytestmark = pytest.mark.django_db

DB_QUEUE = {"default": {"BACKEND": health.DB_QUEUE_BACKEND, "QUEUES": ["default"]}}


def _readyz(client: Client) -> tuple[int, dict[str, Any]]:
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    return response.status_code, response.json()


def _ready_job(*, age: dt.timedelta, run_after: dt.datetime | None = None) -> None:
    from django_tasks_db.models import DBTaskResult, get_date_max

    job = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="keel.core.jobs.nothing",
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    # enqueued_at is auto_now_add: set the past with an update.
    DBTaskResult.objects.filter(pk=job.pk).update(enqueued_at=timezone.now() - age)


def test_healthz_is_up_and_never_cached(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert response["Cache-Control"] == "no-store"


def test_readyz_reports_every_check_ready(client: Client) -> None:
    status, body = _readyz(client)
    assert status == 200
    assert body["ok"] is True
    assert set(body["checks"]) == {"database", "cache", "queue", "migrations"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["migrations"]["pending"] == 0
    assert isinstance(body["checks"]["database"]["ms"], float)


@override_settings(TASKS=DB_QUEUE)
def test_readyz_counts_the_database_queue_and_its_lag(client: Client) -> None:
    _ready_job(age=dt.timedelta(seconds=30))
    _ready_job(age=dt.timedelta(seconds=5))
    # Enqueued long ago but only due a minute ago: it has waited a minute, not an hour.
    _ready_job(age=dt.timedelta(hours=1), run_after=timezone.now() - dt.timedelta(seconds=60))
    # Not due yet: not in the queue's depth.
    _ready_job(age=dt.timedelta(hours=1), run_after=timezone.now() + dt.timedelta(hours=1))
    status, body = _readyz(client)
    queue = body["checks"]["queue"]
    assert status == 200
    assert queue["ok"] is True
    assert queue["depth"] == 3
    assert 60 <= queue["lag_seconds"] < 300


@override_settings(TASKS=DB_QUEUE, KEEL_READY_MAX_QUEUE_LAG=120)
def test_readyz_fails_when_the_oldest_ready_job_waits_too_long(client: Client) -> None:
    _ready_job(age=dt.timedelta(minutes=10))
    status, body = _readyz(client)
    assert status == 503
    assert body["ok"] is False
    assert body["checks"]["queue"]["ok"] is False
    assert body["checks"]["queue"]["lag_seconds"] >= 600
    assert body["checks"]["database"]["ok"] is True


def test_readyz_fails_while_migrations_are_pending(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        MigrationExecutor, "migration_plan", lambda self, targets: [("tasks.9999_x", False)]
    )
    status, body = _readyz(client)
    assert status == 503
    assert body["checks"]["migrations"] == {
        "ok": False,
        "pending": 1,
        "ms": body["checks"]["migrations"]["ms"],
    }
    assert body["checks"]["database"]["ok"] is True


def test_readyz_fails_with_json_when_the_database_is_down(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError('connection to server at "db.internal.example" failed')

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["ok"] is False
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["database"]["error"] == "OperationalError"
    assert body["checks"]["migrations"]["ok"] is False
    # Only the class name: the message names a host.
    assert "db.internal" not in response.content.decode()


def test_readyz_fails_when_the_cache_is_down(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("redis://:secret@cache.internal:6379")

    monkeypatch.setattr(cache, "set", refuse)
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503
    assert body["checks"]["cache"] == {
        "ok": False,
        "error": "ConnectionError",
        "ms": body["checks"]["cache"]["ms"],
    }
    assert "secret" not in response.content.decode()


class _FakeJob:
    def __init__(self, enqueued_at: dt.datetime) -> None:
        self.enqueued_at = enqueued_at


class _FakeRedis:
    def __init__(self, up: bool) -> None:
        self.up = up

    def ping(self) -> bool:
        if not self.up:
            raise ConnectionError("redis down")
        return True


class _FakeQueue:
    def __init__(self, jobs: list[_FakeJob], *, up: bool = True) -> None:
        self.jobs = jobs
        self.connection = _FakeRedis(up)

    @property
    def count(self) -> int:
        return len(self.jobs)

    def get_job_ids(self, offset: int, length: int) -> list[str]:
        return [str(i) for i in range(len(self.jobs))][offset : offset + length]

    def fetch_job(self, job_id: str) -> _FakeJob:
        return self.jobs[int(job_id)]


RQ_QUEUE = {"default": {"BACKEND": health.RQ_QUEUE_BACKEND, "QUEUES": ["default"]}}


@override_settings(TASKS=RQ_QUEUE)
def test_readyz_reads_the_rq_queue_depth_and_lag(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    django_rq = pytest.importorskip("django_rq")
    # RQ 1.x stored naive UTC times; the oldest job is the head of the list.
    old = (timezone.now() - dt.timedelta(seconds=400)).replace(tzinfo=None)
    queue = _FakeQueue([_FakeJob(old), _FakeJob(timezone.now())])
    monkeypatch.setattr(django_rq, "get_queue", lambda name: queue)
    status, body = _readyz(client)
    assert status == 503  # 400 s > the default 300 s
    assert body["checks"]["queue"]["depth"] == 2
    assert body["checks"]["queue"]["lag_seconds"] >= 400


@override_settings(TASKS=RQ_QUEUE)
def test_readyz_fails_when_redis_is_down(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    django_rq = pytest.importorskip("django_rq")
    monkeypatch.setattr(django_rq, "get_queue", lambda name: _FakeQueue([], up=False))
    status, body = _readyz(client)
    assert status == 503
    assert body["checks"]["queue"]["ok"] is False
    assert body["checks"]["queue"]["error"] == "ConnectionError"
