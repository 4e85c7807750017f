"""Query budgets: the busy task pages and the API list run the same number of SQL queries with
20 or 300 tasks and 10 or 200 comments. Timing lives in `bench/tasks.py` (make bench)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from keel.accounts.tokens import token_create
from keel.tasks.models import Status
from keel.tasks.tests.factories import (
    CommentFactory,
    LabelFactory,
    ProjectFactory,
    SectionFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 30  # a page above this is doing per-row work somewhere


@pytest.fixture
def world(workspace, owner, manager, member):
    project = ProjectFactory(workspace=workspace, name="Amazon listings", key="AMZ")
    sections = [SectionFactory(project=project, name=n, position=i)
                for i, n in enumerate(["To do", "Doing", "Done"])]  # fmt: skip
    labels = [LabelFactory(workspace=workspace, name=n) for n in ("photo", "copy", "seo")]
    task = TaskFactory(project=project, title="The busy one", assignee=member)
    # One task in each "My tasks" bucket (overdue, today, upcoming, later), so both data sets
    # fill every bucket: a bucket's queries run only when it has rows.
    today = timezone.localdate()
    for days in (-3, 0, 2, 30):
        TaskFactory(project=project, assignee=member, due_date=today + datetime.timedelta(days))
    return {"project": project, "sections": sections, "labels": labels, "task": task,
            "people": [owner, manager, member]}  # fmt: skip


def _grow(world, *, tasks: int, comments: int) -> None:
    """Add tasks (spread over sections, people, labels, statuses, this month's days) and
    comments on the busy task, up to the given totals."""
    project, today = world["project"], timezone.localdate()
    have = project.tasks.count()
    statuses = [Status.TODO, Status.IN_PROGRESS, Status.BLOCKED, Status.DONE]
    for i in range(have, tasks):
        TaskFactory(
            project=project,
            section=world["sections"][i % 3],
            assignee=world["people"][i % 3],
            status=statuses[i % 4],
            priority=i % 5,
            due_date=today.replace(day=1) + datetime.timedelta(days=i % 28),
            labels=[world["labels"][i % 3]],
        )
    task = world["task"]
    for i in range(task.comments.count(), comments):
        CommentFactory(task=task, author=world["people"][i % 3])


def _urls(world) -> dict[str, tuple[str, str]]:
    ws, project, task = "acme", world["project"], world["task"]
    return {
        "my tasks": ("member", reverse("tasks_mine", kwargs={"ws": ws})),
        "project list": ("owner", reverse("project_tasks", kwargs={"ws": ws,
                                                                   "project_id": project.pk})),
        "project board": ("owner", reverse("project_board", kwargs={"ws": ws,
                                                                    "project_id": project.pk})),
        "task page": ("owner", reverse("task_detail", kwargs={"ws": ws, "task_id": task.pk})),
        "calendar": ("member", reverse("tasks_calendar", kwargs={"ws": ws})),
        "API list": ("api", f"/api/v1/workspaces/{ws}/tasks?project={project.pk}&limit=50"),
    }  # fmt: skip


def _count(client, url: str, **headers) -> int:
    client.get(url, **headers)  # warm up: first-request work (content types, session)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "page", ["my tasks", "project list", "project board", "task page", "calendar", "API list"]
)
def test_task_page_queries_do_not_grow_with_data(client, world, owner, member, page):
    who, url = _urls(world)[page]
    headers = {}
    if who == "api":
        _token, raw = token_create(membership=owner, name="budget")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    else:
        client.force_login((owner if who == "owner" else member).user)

    _grow(world, tasks=20, comments=10)
    small = _count(client, url, **headers)
    assert small <= MAX_QUERIES

    _grow(world, tasks=300, comments=200)
    large = _count(client, url, **headers)
    assert large == small, f"{page}: {small} queries with 20 tasks, {large} with 300"
