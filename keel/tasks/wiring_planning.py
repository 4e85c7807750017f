"""Hooks the planning part (recurrence, progress, calendar feeds) registers at start-up."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MATERIALIZE_EVERY = 15 * 60


def connect() -> None:
    from keel.core.audit import register_action_labels
    from keel.core.scheduler import every
    from keel.tasks.jobs import materialize_recurrences
    from keel.tasks.services import tasks as task_services
    from keel.tasks.services_recurrence import on_task_completed

    every(MATERIALIZE_EVERY, materialize_recurrences)
    if on_task_completed not in task_services.on_task_completed:
        task_services.on_task_completed.append(on_task_completed)
    register_action_labels(
        {
            "recurrence.created": _("Recurring task created"),
            "recurrence.updated": _("Recurring task edited"),
            "recurrence.skipped": _("Recurring task occurrence skipped"),
            "recurrence.stopped": _("Recurring task stopped"),
            "project.status_posted": _("Project status posted"),
            "calendar_feed.created": _("Calendar feed created"),
            "calendar_feed.revoked": _("Calendar feed revoked"),
        }
    )
