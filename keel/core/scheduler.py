"""A small periodic scheduler run inside `keel worker`.

Apps register periodic jobs with `every(seconds, task)`. Each tick, for every job whose
time slot has started, the scheduler inserts a `ScheduledRun(name, slot)` row; the unique
constraint makes sure that of several workers exactly one enqueues the job for that slot.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    seconds: int
    task: Any


REGISTRY: dict[str, Periodic] = {}


def every(seconds: int, task: Any, *, name: str = "") -> None:
    name = name or task.module_path
    REGISTRY[name] = Periodic(name=name, seconds=seconds, task=task)


def tick(now: Any = None) -> list[str]:
    """Enqueue every job whose current slot has not run yet. Returns the names enqueued."""
    from keel.core.models import ScheduledRun

    now = now or timezone.now()
    enqueued = []
    for job in REGISTRY.values():
        slot = int(now.timestamp()) // job.seconds
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(name=job.name, slot=slot)
        except IntegrityError:
            continue  # another worker took this slot
        transaction.on_commit(job.task.enqueue)
        enqueued.append(job.name)
    return enqueued


def run_forever(stop: threading.Event, interval: float = 30.0) -> None:
    from django.db import close_old_connections

    while not stop.is_set():
        close_old_connections()
        try:
            names = tick()
            if names:
                logger.info("scheduler enqueued %s", ", ".join(names))
        except Exception:  # keep the scheduler alive; the error is logged for the operator
            logger.exception("scheduler tick failed")
        stop.wait(interval)


def register_core_jobs() -> None:
    from keel.core.jobs import prune_finished_jobs

    every(24 * 3600, prune_finished_jobs)
    # secrets (issue #12): finished jobs' arguments leave the queue after a day
    from keel.core.retention import purge_finished_payloads

    every(3600, purge_finished_payloads)
    # jobs (issue #12): requeue jobs whose worker died; carry request ids onto jobs
    from django.conf import settings

    from keel.core.reaper import prune_sent_messages, reap_abandoned_jobs
    from keel.core.request_id import connect_job_hooks

    every(int(getattr(settings, "KEEL_REAPER_INTERVAL_SECONDS", 300)), reap_abandoned_jobs)
    every(24 * 3600, prune_sent_messages)
    connect_job_hooks()
