"""The periodic scheduler enqueues each job once per time slot, however many workers tick."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from keel.core import scheduler
from keel.core.models import ScheduledRun

pytestmark = pytest.mark.django_db


class FakeTask:
    module_path = "tests.fake_periodic"

    def __init__(self) -> None:
        self.enqueued = 0

    def enqueue(self) -> None:
        self.enqueued += 1


@pytest.fixture
def job(monkeypatch):
    monkeypatch.setattr(scheduler, "REGISTRY", {})
    task = FakeTask()
    scheduler.every(3600, task)
    return task


NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_two_workers_ticking_in_the_same_slot_enqueue_the_job_once(
    job, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = scheduler.tick(NOW)
        second = scheduler.tick(NOW + timedelta(minutes=5))  # the other worker, same hour

    assert first == ["tests.fake_periodic"]
    assert second == []
    assert job.enqueued == 1
    assert ScheduledRun.objects.count() == 1


def test_the_next_slot_enqueues_again(job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        scheduler.tick(NOW)
        scheduler.tick(NOW + timedelta(hours=1))
    assert job.enqueued == 2


def test_enqueue_waits_for_commit(job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        scheduler.tick(NOW)
        assert job.enqueued == 0
    assert len(callbacks) == 1


def test_core_jobs_are_registered():
    assert "keel.core.jobs.prune_finished_jobs" in scheduler.REGISTRY
