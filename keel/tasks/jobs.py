"""Background jobs of the tasks app's planning part. Each is idempotent (safe to run twice)."""

from __future__ import annotations

from django_tasks import task


@task()
def materialize_recurrences() -> int:
    """Top up every active recurring series (scheduled every 15 minutes by wiring_planning)."""
    from keel.tasks.services.occurrences import materialize_all

    return materialize_all()
