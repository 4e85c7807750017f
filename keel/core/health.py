"""`/readyz`: may a load balancer send this process traffic? Database, cache, job queue, migrations.

`/healthz` (keel.ui.views) only says the process answers; this one touches every service a
page needs. It is public, so it reports timings, counts and exception class names — never a
message, a host name or a setting. Each check catches its own errors: the view never raises.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Case, Count, F, Min, When
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

logger = logging.getLogger("keel.health")

Check = dict[str, Any]

DB_QUEUE_BACKEND = "django_tasks_db.DatabaseBackend"
RQ_QUEUE_BACKEND = "django_tasks_rq.RQBackend"


def _timed(check: Callable[[], Check]) -> Check:
    """Runs one check; any exception becomes `{"ok": false, "error": "<class name>"}`."""
    started = time.perf_counter()
    try:
        result = check()
    except Exception as exc:
        # The class name tells an operator what broke; the message may name hosts or users.
        # Logged without a traceback: a load balancer polls every few seconds during an outage.
        logger.warning("readiness check %s failed: %r", check.__name__, exc)
        result = {"ok": False, "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def check_database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def check_cache() -> Check:
    # A key of our own per call: two processes probing at once cannot read each other's value.
    key, value = f"keel:readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        ok = cache.get(key) == value
    finally:
        cache.delete(key)
    return {"ok": ok}


def max_queue_lag() -> float:
    """Seconds the oldest ready job may wait: the setting if a settings file defines it,
    else the KEEL_READY_MAX_QUEUE_LAG environment variable (default 300)."""
    configured = getattr(settings, "KEEL_READY_MAX_QUEUE_LAG", None)
    if configured is None:
        configured = os.environ.get("KEEL_READY_MAX_QUEUE_LAG", "") or 300
    return float(configured)


def _queue_result(depth: int, oldest: dt.datetime | None) -> Check:
    lag = 0.0
    if oldest is not None:
        if timezone.is_naive(oldest):  # RQ before 2.0 stored naive UTC
            oldest = oldest.replace(tzinfo=dt.UTC)
        lag = max(0.0, (timezone.now() - oldest).total_seconds())
    return {"ok": lag <= max_queue_lag(), "depth": depth, "lag_seconds": round(lag, 1)}


def _database_queue() -> Check:
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    # A job with `run_after` became ready then, not when it was enqueued.
    ready_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")
    )
    stats = ready.aggregate(depth=Count("pk"), oldest=Min(ready_since))
    return _queue_result(stats["depth"], stats["oldest"])


def _rq_queue() -> Check:
    import django_rq

    depth, oldest = 0, None
    for name in settings.TASKS["default"].get("QUEUES", ["default"]):
        queue = django_rq.get_queue(name)
        queue.connection.ping()
        depth += queue.count
        first = queue.get_job_ids(0, 1)
        job = queue.fetch_job(first[0]) if first else None
        if job is not None and job.enqueued_at is not None:
            oldest = job.enqueued_at if oldest is None else min(oldest, job.enqueued_at)
    return _queue_result(depth, oldest)


def check_queue() -> Check:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == DB_QUEUE_BACKEND:
        return _database_queue()
    if backend == RQ_QUEUE_BACKEND:
        return _rq_queue()
    # Immediate or dummy backends (tests, development) have no queue to fall behind.
    return {"ok": True, "depth": 0, "lag_seconds": 0.0}


def check_migrations() -> Check:
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    return {"ok": pending == 0, "pending": pending}


CHECKS: dict[str, Callable[[], Check]] = {
    "database": check_database,
    "cache": check_cache,
    "queue": check_queue,
    "migrations": check_migrations,
}


def readiness() -> dict[str, Any]:
    checks = {name: _timed(check) for name, check in CHECKS.items()}
    return {"ok": all(c["ok"] for c in checks.values()), "checks": checks}


def readyz(request: HttpRequest) -> HttpResponse:
    """200 when every check passes, 503 otherwise; always JSON."""
    try:
        body = readiness()
    except Exception as exc:  # belt and braces: each check already catches its own errors
        logger.exception("readiness failed")
        body = {"ok": False, "checks": {}, "error": type(exc).__name__}
    response = JsonResponse(body, status=200 if body["ok"] else 503)
    response["Cache-Control"] = "no-store"
    return response
