"""Hooks the import/export part of the tasks app registers at start-up: how its audit events
read, and its share of the benchmark data set (`keel seed large`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.core.models import Workspace

IO_ACTION_LABELS = {
    "tasks.imported": _("Tasks imported from Asana"),
    "tasks.exported": _("Tasks exported as CSV"),
}


def _seed_large(workspace: Workspace) -> None:
    from keel.tasks.large import seed_tasks_large

    seed_tasks_large(workspace)


def connect() -> None:
    from keel.core.audit import register_action_labels
    from keel.core.seeding import register_large_seeder

    register_action_labels(IO_ACTION_LABELS)
    register_large_seeder(_seed_large)
