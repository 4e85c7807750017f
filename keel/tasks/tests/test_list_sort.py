"""The project list sorted by title and by status, both ways: keyset pages in the right order
with no task twice and none missing at a page boundary (equal titles and status changes
straddle the boundaries), index-backed queries, and the clickable column headers."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keel.core.pagination import InvalidCursor
from keel.tasks import selectors
from keel.tasks.models import Status, Task
from keel.tasks.selectors import STATUS_ORDER
from keel.tasks.tests import factories
from keel.tasks.views import list as views_list

pytestmark = pytest.mark.django_db

TaskFactory: Any = factories.TaskFactory
LabelFactory: Any = factories.LabelFactory

# Sorted: alpha ×3, bravo ×2, charlie ×2, delta, echo — runs of equal titles across every
# page size tried below. Lower-case ASCII sorts alike in SQLite's and PostgreSQL's collations.
TITLES = ["delta", "alpha", "charlie", "bravo", "alpha", "echo", "bravo", "alpha", "charlie"]
# No task is blocked: the status sort must step over an empty status.
STATUSES = [Status.DONE, Status.TODO, Status.IN_PROGRESS, Status.TODO, Status.DONE,
            Status.TODO, Status.IN_PROGRESS, Status.DONE, Status.TODO]  # fmt: skip


@pytest.fixture
def tasks(project) -> list[Task]:
    label = LabelFactory(workspace=project.workspace, name="listing")
    return [
        TaskFactory(project=project, title=title, status=status, labels=[label])
        for title, status in zip(TITLES, STATUSES, strict=True)
    ]


def _expected(tasks: list[Task], sort: str) -> list[int]:
    key = sort.lstrip("-")
    if key == "title":
        ordered = sorted(tasks, key=lambda t: (t.title, t.pk))
    else:
        ordered = sorted(tasks, key=lambda t: (STATUS_ORDER.index(t.status), t.pk))
    ids = [t.pk for t in ordered]
    return ids[::-1] if sort.startswith("-") else ids


def _pages(member: Any, project: Any, sort: str, limit: int, **kw: Any) -> list[list[int]]:
    pages, cursor = [], None
    while True:
        page = selectors.tasks_for_list(
            membership=member, project=project, sort=sort, cursor=cursor, limit=limit, **kw
        )
        pages.append([t.pk for t in page.items])
        cursor = page.next_cursor
        if not cursor:
            return pages


@pytest.mark.parametrize("sort", ["title", "-title", "status", "-status"])
@pytest.mark.parametrize("limit", [2, 3, 4])
def test_keyset_pages_follow_the_sort_without_gaps_or_repeats(member, project, tasks, sort, limit):
    pages = _pages(member, project, sort, limit)
    seen = [pk for page in pages for pk in page]
    assert seen == _expected(tasks, sort)
    assert len(pages) == -(-len(tasks) // limit)  # every page full but the last
    assert all(len(page) == limit for page in pages[:-1])


def test_status_sort_reads_in_workflow_order(member, project, tasks):
    [page] = _pages(member, project, "status", 50)
    statuses = [Task.objects.get(pk=pk).status for pk in page]
    assert statuses == sorted(statuses, key=STATUS_ORDER.index)
    assert statuses[0] == Status.TODO and statuses[-1] == Status.DONE
    [page] = _pages(member, project, "-status", 50)
    assert Task.objects.get(pk=page[0]).status == Status.DONE


def test_status_sort_with_a_status_filter(member, project, tasks):
    filters = selectors.TaskFilters(status="open")
    pages = _pages(member, project, "status", 2, filters=filters)
    open_tasks = [t for t in tasks if t.status != Status.DONE]
    assert [pk for page in pages for pk in page] == _expected(open_tasks, "status")


def test_status_page_costs_a_bounded_number_of_queries(
    member, project, tasks, django_assert_max_num_queries
):
    # A page spanning every status: one LIMIT query per status, then the labels once.
    with django_assert_max_num_queries(len(STATUS_ORDER) + 1):
        page = selectors.tasks_for_list(membership=member, project=project, sort="status")
    assert len(page.items) == len(tasks)
    with django_assert_max_num_queries(0):
        for task in page.items:
            list(task.labels.all())
            selectors.task_assignee(task)


def test_a_cursor_of_another_sort_is_refused(member, project, tasks):
    by_title = selectors.tasks_for_list(membership=member, project=project, sort="title", limit=2)
    by_number = selectors.tasks_for_list(membership=member, project=project, limit=2)
    with pytest.raises(InvalidCursor):
        selectors.tasks_for_list(
            membership=member, project=project, sort="status", cursor=by_title.next_cursor
        )
    with pytest.raises(InvalidCursor):
        selectors.tasks_for_list(
            membership=member, project=project, sort="title", cursor=by_number.next_cursor
        )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner is deterministic")
@pytest.mark.parametrize(
    ("sort", "index"),
    [("title", "task_list_title"), ("-title", "task_list_title"),
     ("status", "task_list_status"), ("-status", "task_list_status")],
)  # fmt: skip
def test_later_pages_are_index_range_scans(member, project, tasks, sort, index):
    first = selectors.tasks_for_list(membership=member, project=project, sort=sort, limit=2)
    with CaptureQueriesContext(connection) as ctx:
        selectors.tasks_for_list(
            membership=member, project=project, sort=sort, limit=2, cursor=first.next_cursor
        )
    listed = [q["sql"] for q in ctx.captured_queries if 'FROM "tasks_task"' in q["sql"]]
    assert listed
    for sql in listed:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
        assert f"USING INDEX {index}" in plan, plan
        assert "TEMP B-TREE" not in plan, plan  # no sort of the project's tasks


# --- The page -------------------------------------------------------------------------------


def _url(project: Any) -> str:
    return reverse("project_tasks", kwargs={"ws": project.workspace.slug, "project_id": project.pk})


@pytest.mark.parametrize("sort", ["title", "-title", "status", "-status"])
def test_list_page_pages_by_title_and_status(login, monkeypatch, member, project, tasks, sort):
    monkeypatch.setattr(views_list, "PAGE_SIZE", 4)
    client = login(member)
    first = client.get(_url(project), {"sort": sort})
    second = client.get(_url(project) + first.context["pages"]["next"])
    shown = [t.pk for t in first.context["rows"]] + [t.pk for t in second.context["rows"]]
    assert shown == _expected(tasks, sort)[:8]
    assert second.context["sort"] == sort


def test_title_and_status_headers_toggle_the_sort(login, member, project, tasks):
    response = login(member).get(_url(project), {"sort": "title", "status": "open"})
    links = response.context["sort_links"]
    assert links["title"]["aria"] == "ascending"
    assert "sort=-title" in links["title"]["href"] and "status=open" in links["title"]["href"]
    assert links["status"]["aria"] == "" and "sort=status" in links["status"]["href"]
    html = response.content.decode()
    assert 'aria-sort="ascending"><a href="?' in html
    assert f'href="{links["status"]["href"].replace("&", "&amp;")}"' in html

    links = login(member).get(_url(project), {"sort": "-status"}).context["sort_links"]
    assert links["status"]["aria"] == "descending"
    assert "sort=status" in links["status"]["href"]


def test_a_broken_cursor_shows_the_first_page_with_a_message(client, owner, workspace):
    from keel.tasks.models import Project

    project = Project.objects.create(workspace=workspace, name="Listings", key="LST")
    client.force_login(owner.user)
    url = reverse("project_tasks", kwargs={"ws": workspace.slug, "project_id": project.pk})
    response = client.get(url + "?cursor=not-a-cursor")
    assert response.status_code == 200
    assert "That page link was not valid" in response.content.decode()
    everywhere = client.get(reverse("tasks_all", kwargs={"ws": workspace.slug}) + "?cursor=%%%")
    assert everywhere.status_code == 200
