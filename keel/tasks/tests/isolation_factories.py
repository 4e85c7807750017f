"""Isolation harness factories for the tasks pages and API (see keel/core/tests/isolation.py)."""

from __future__ import annotations

from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory


def _project(ws: Workspace) -> Any:
    from keel.tasks.tests.factories import ProjectFactory, SectionFactory

    project = ProjectFactory(workspace=ws)
    SectionFactory(project=project, name="To do")
    return project


def _task(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.tasks.tests.factories import CommentFactory, TaskFactory

    task = TaskFactory(project=_project(ws), labels=["urgent"])
    CommentFactory(task=task, author=MembershipFactory(workspace=ws))
    return task


def _membership_with_tasks(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.tasks.tests.factories import TaskFactory

    person = MembershipFactory(workspace=ws)
    TaskFactory(project=_project(ws), assignee=person)
    return person


def _section(ws: Workspace) -> Any:
    from keel.tasks.tests.factories import SectionFactory, TaskFactory

    section = SectionFactory(project=_project(ws))
    TaskFactory(project=section.project, section=section)
    return section


def _attachment(ws: Workspace) -> Any:
    from keel.tasks.tests.factories import AttachmentFactory

    return AttachmentFactory(task=_task(ws))


def _saved_filter(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.tasks.models import SavedFilter

    owner: Any = MembershipFactory(workspace=ws)
    return SavedFilter.objects.create(
        workspace=ws, owner=owner, name="Mine", params={"status": "todo"}, shared=True
    )


def _comment(ws: Workspace) -> Any:
    return _task(ws).comments.first()


def register_isolation_factories() -> None:
    register_isolation_factory("tasks.section", _section)
    register_isolation_factory("tasks.attachment", _attachment)
    register_isolation_factory("tasks.savedfilter", _saved_filter)
    register_isolation_factory("tasks.comment", _comment)
    register_isolation_factory("tasks.project", _project)
    register_isolation_factory("tasks.task", _task)
    register_isolation_factory("project_id", _project)
    register_isolation_factory("task_id", _task)
    register_isolation_factory("membership_pk@tasks_reassign", _membership_with_tasks)
    # The pages, planning and io parts register theirs in their own modules, if present.
    import importlib

    for part in ("pages", "planning", "io"):
        try:
            module = importlib.import_module(f"keel.tasks.tests.isolation_factories_{part}")
        except ModuleNotFoundError as exc:
            if exc.name != f"keel.tasks.tests.isolation_factories_{part}":
                raise
            continue
        module.register_isolation_factories()
