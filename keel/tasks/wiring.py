"""Everything the tasks app plugs into other apps' registries at start-up (called from
TasksConfig.ready): notification kinds, audit labels, the offboarding steps (open tasks and
recurring series handed over, keel.tasks.offboarding), seat ownership, the recurrence
scheduler and completion hook, the demo seeder and its share of the benchmark data set
(`keel seed large`), and the sidebar links.

Notifications are a delivery service any module may use, like core (decided for tasks).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from keel.core.models import Workspace

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


def chat_status_update(params: Mapping[str, Any]) -> Any:
    """A project's progress update in a team chat, in the chat's language."""
    from keel.notifications.chat_topics import ChatText
    from keel.tasks.models import ProgressStatus

    status = str(ProgressStatus(params["status"]).label)
    title = str(_("{actor} posted an update on {project}: {status}")).format(
        actor=params["actor"], project=params["project"], status=status
    )
    return ChatText(title, (params["text"],) if params.get("text") else ())


def connect() -> None:
    from keel.accounts.offboarding import Receiver, register_offboarding_step
    from keel.core.audit import register_action_labels
    from keel.core.scheduler import every
    from keel.core.seeding import register_demo_seeder, register_large_seeder
    from keel.notifications.chat_topics import register_chat_topic
    from keel.notifications.kinds import register_kind
    from keel.org.ownership import register_seat_ownership
    from keel.search.registry import register_search_provider
    from keel.tasks import offboarding
    from keel.tasks.demo import seed_demo_tasks
    from keel.tasks.jobs import materialize_recurrences
    from keel.tasks.search import TASK_SEARCH
    from keel.tasks.services import tasks as task_services
    from keel.tasks.services.occurrences import on_task_completed
    from keel.ui.nav import NavItem, register_nav

    register_chat_topic("tasks.status_update", _("Projects' progress updates"),
                        render=chat_status_update)  # fmt: skip
    register_chat_topic("task.mentioned", _("Mentions on tasks"),
                        title=_("{actor} mentioned {recipient} on {task}"), group_scoped=True,
                        default=False)  # fmt: skip
    register_kind("task.assigned", _("A task was assigned to you"), render=assigned_title,
                  in_app=True, email=True)  # fmt: skip
    register_kind("task.mentioned", _("Someone mentioned you"),
                  title=_("{actor} mentioned you on {task}"), in_app=True, email=True)  # fmt: skip
    register_kind("task.commented", _("Comments on tasks you follow"),
                  title=_("{actor} commented on {task}"), in_app=True, email=False)  # fmt: skip
    register_action_labels(AUDIT_LABELS)
    register_offboarding_step(
        "tasks.open_work", _("Open tasks assigned to them"), offboarding.hand_over_open_tasks,
        preview=offboarding.preview_open_tasks, receiver=Receiver.PERSON,
        empty_label=_("Leave unassigned"),
    )  # fmt: skip
    register_offboarding_step(
        "tasks.series", _("Recurring tasks assigned to them"), offboarding.hand_over_series,
        preview=offboarding.preview_series, receiver=Receiver.PERSON, allow_empty=False,
    )  # fmt: skip
    register_search_provider(TASK_SEARCH)
    register_seat_ownership("tasks.tasks", _("Open tasks"), offboarding.seat_open_tasks)
    register_seat_ownership("tasks.series", _("Recurring tasks"), offboarding.seat_series)
    register_seat_ownership("tasks.projects", _("Projects it owns"), offboarding.seat_projects)
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
