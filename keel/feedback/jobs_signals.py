"""The early-warning job: recompute every workspace's signals (idempotent; every six hours,
registered in wiring.py). Notifications go out only for signals that are new."""

from __future__ import annotations

from django_tasks import task


@task()
def compute_signals() -> int:
    """Run `signals_compute` for every workspace; returns the number of new signals."""
    from keel.core.models import Workspace
    from keel.feedback.services.signals import signals_compute

    created = 0
    for workspace in Workspace.objects.order_by("pk").iterator():
        created += signals_compute(workspace=workspace).created
    return created
