"""Query budgets of the pages' own variants: the same number of queries with 10 or 100 tasks
(grouped and filtered list, board, My tasks, projects overview, workload, task panel).
The plain list/board/task/calendar pages are also covered in test_query_budgets.py."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from keel.org.models import Seat
from keel.tasks.models import Status
from keel.tasks.tests.factories import (
    CommentFactory,
    LabelFactory,
    ProjectFactory,
    SectionFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


OFFSETS = (-3, 0, 2, 30, -20, 0)


@pytest.fixture
def world(workspace, owner, member):
    project = ProjectFactory(workspace=workspace, key="AMZ")
    sections = [SectionFactory(project=project, position=i) for i in range(3)]
    labels = [LabelFactory(workspace=workspace, name=n) for n in ("photo", "copy")]
    seat = Seat.objects.create(workspace=workspace, title="Buyer", holder=member, status="filled")
    return {"project": project, "sections": sections, "labels": labels, "seat": seat,
            "people": [owner, member]}  # fmt: skip


def _grow(world, n: int) -> None:
    project, today = world["project"], timezone.localdate()
    statuses = [Status.TODO, Status.IN_PROGRESS, Status.BLOCKED, Status.DONE]
    for i in range(project.tasks.count(), n):
        seat_task = i % 5 == 2
        task = TaskFactory(
            project=project, section=world["sections"][i % 3], status=statuses[(i // 6) % 4],
            assignee=None if seat_task else world["people"][(i // 6) % 2],
            assignee_seat=world["seat"] if seat_task else None,
            # Every "My tasks" bucket gets rows in both data sets (a bucket's queries run
            # only when it has some): overdue, today, upcoming, later and undated.
            due_date=None if i % 6 == 5 else today + datetime.timedelta(days=OFFSETS[i % 6]),
            labels=[world["labels"][i % 2]],
        )  # fmt: skip
        if i % 10 == 0:
            CommentFactory(task=task, author=world["people"][0])


def _urls(world) -> list[tuple[str, str, dict]]:
    ws, p = "acme", world["project"]
    first = p.tasks.order_by("pk").first()
    listing = reverse("project_tasks", kwargs={"ws": ws, "project_id": p.pk})
    return [
        ("owner", listing + "?group=assignee&status=open", {}),
        ("owner", listing + f"?group=section&label={world['labels'][0].pk}&sort=-priority", {}),
        ("owner", reverse("project_board", kwargs={"ws": ws, "project_id": p.pk}), {}),
        ("member", reverse("tasks_mine", kwargs={"ws": ws}), {}),
        ("owner", reverse("projects", kwargs={"ws": ws}), {}),
        ("owner", reverse("tasks_workload", kwargs={"ws": ws}), {}),
        ("owner", reverse("tasks_all", kwargs={"ws": ws}) + "?status=open", {}),
        ("owner", reverse("task_detail", kwargs={"ws": ws, "task_id": first.pk}),
         {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "task-panel"}),
    ]  # fmt: skip


def test_pages_do_not_grow_from_10_to_100_tasks(client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(world, 10)
    small = {}
    for who, url, headers in _urls(world):
        client.force_login(world["people"][0 if who == "owner" else 1].user)
        client.get(url, **headers)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, **headers).status_code == 200, url
        small[url] = len(ctx.captured_queries)
        assert small[url] <= 30, url

    _grow(world, 100)
    for who, url, headers in _urls(world):
        client.force_login(world["people"][0 if who == "owner" else 1].user)
        client.get(url, **headers)
        with django_assert_max_num_queries(small[url], info=url):
            assert client.get(url, **headers).status_code == 200, url
