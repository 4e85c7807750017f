"""Everything the tasks app plugs into other apps' registries at start-up (called from
TasksConfig.ready): notification kinds, audit labels, the offboarding step (open tasks to
reassign), seat ownership, the recurrence scheduler and completion hook, the demo seeder and
its share of the benchmark data set (`keel seed large`), and the sidebar links.

Notifications are a delivery service any module may use, like core (decided for tasks).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.accounts.offboarding import OffboardingStepResult
    from keel.core.models import Membership, Workspace
    from keel.org.models import Seat

AUDIT_LABELS = {
    "project.created": _("Project created"),
    "project.updated": _("Project edited"),
    "project.archived": _("Project archived"),
    "project.unarchived": _("Project restored"),
    "project.members_changed": _("Project members changed"),
    "task.deleted": _("Task deleted"),
    "tasks.bulk_updated": _("Tasks edited in bulk"),
    "saved_filter.created": _("Saved filter created"),
    "saved_filter.deleted": _("Saved filter deleted"),
}
OFFBOARDING_ITEMS = 50  # listed on the summary; the reassign page shows them all
SEAT_ITEMS = 50


def open_work_on_offboarding(membership: Membership, actor: Membership) -> OffboardingStepResult:
    """Offboarding step: list the leaving member's open tasks, linking to the reassign page."""
    from django.urls import reverse

    from keel.accounts.offboarding import OffboardingStepResult
    from keel.tasks.models import Task

    tasks = (
        Task.objects.open()
        .filter(workspace_id=membership.workspace_id, assignee=membership)
        .select_related("project")
        .order_by("due_date", "id")
    )
    count = tasks.count()
    items = [f"{t.project.key}-{t.number} {t.title}" for t in tasks[:OFFBOARDING_ITEMS]]
    url = ""
    if count:
        url = reverse(
            "tasks_reassign",
            kwargs={"ws": membership.workspace.slug, "membership_pk": membership.pk},
        )
    return OffboardingStepResult(count=count, items=items, url=url)


def seat_open_tasks(seat: Seat) -> list[tuple[str, str]]:
    """Seat ownership provider: the seat's open tasks (text, task page)."""
    from keel.tasks.models import Task
    from keel.tasks.services._common import task_path

    tasks = (
        Task.objects.open()
        .filter(workspace_id=seat.workspace_id, assignee_seat=seat)
        .select_related("project__workspace", "workspace")
        .order_by("due_date", "id")[:SEAT_ITEMS]
    )
    return [(f"{t.project.key}-{t.number} {t.title}", task_path(t)) for t in tasks]


MATERIALIZE_EVERY = 15 * 60

IO_ACTION_LABELS = {
    "tasks.imported": _("Tasks imported from Asana"),
    "tasks.exported": _("Tasks exported as CSV"),
}


def _seed_large(workspace: Workspace) -> None:
    from keel.tasks.large import seed_tasks_large

    seed_tasks_large(workspace)


def assigned_title(params: Mapping[str, Any]) -> str:
    """The "task.assigned" title: one task by its name, a bulk edit by the count."""
    if "count" in params:
        return str(_("{actor} assigned you {count} tasks")).format(**params)
    return str(_("{actor} assigned you {task}")).format(**params)


def connect() -> None:
    from keel.accounts.offboarding import register_offboarding_step
    from keel.core.audit import register_action_labels
    from keel.core.scheduler import every
    from keel.core.seeding import register_demo_seeder, register_large_seeder
    from keel.notifications.kinds import register_kind
    from keel.org.ownership import register_seat_ownership
    from keel.tasks.demo import seed_demo_tasks
    from keel.tasks.jobs import materialize_recurrences
    from keel.tasks.services import tasks as task_services
    from keel.tasks.services.occurrences import on_task_completed
    from keel.ui.nav import NavItem, register_nav

    register_kind("task.assigned", _("A task was assigned to you"), render=assigned_title,
                  in_app=True, email=True)  # fmt: skip
    register_kind("task.mentioned", _("Someone mentioned you"),
                  title=_("{actor} mentioned you on {task}"), in_app=True, email=True)  # fmt: skip
    register_kind("task.commented", _("Comments on tasks you follow"),
                  title=_("{actor} commented on {task}"), in_app=True, email=False)  # fmt: skip
    register_action_labels(AUDIT_LABELS)
    register_offboarding_step("tasks.open_work", _("Open tasks to reassign"),
                              open_work_on_offboarding)  # fmt: skip
    register_seat_ownership("tasks.tasks", _("Tasks"), seat_open_tasks)
    register_demo_seeder(seed_demo_tasks)
    register_action_labels(IO_ACTION_LABELS)
    register_large_seeder(_seed_large)
    # Everyone may use tasks; assistants and guests see only projects they were added to.
    register_nav(
        NavItem(key="tasks", label=_("My tasks"), url_name="tasks_mine",
                permission="tasks.view", order=10),
        NavItem(key="projects", label=_("Projects"), url_name="projects",
                permission="tasks.view", order=20),
    )  # fmt: skip
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
