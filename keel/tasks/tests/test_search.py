"""Tasks in the search index (keel/tasks/search.py): a searcher finds exactly the tasks of
the projects they may open — no title, snippet or count of any other."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from keel.search.registry import only_search_providers
from keel.search.selectors import search
from keel.search.services import index_ids, rebuild
from keel.tasks.search import TASK_SEARCH, index_tasks_later
from keel.tasks.selectors import get_task_for
from keel.tasks.tests.factories import ProjectFactory, ProjectMemberFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def task_provider() -> Iterator[None]:
    with only_search_providers(TASK_SEARCH):
        yield


@pytest.fixture
def projects(workspace, member, assistant):
    open_project = ProjectFactory(workspace=workspace, name="Listings")
    private = ProjectFactory(workspace=workspace, name="Payroll", visibility="members")
    shared = ProjectFactory(workspace=workspace, name="Support", visibility="members")
    ProjectMemberFactory(project=shared, membership=assistant)
    TaskFactory(project=open_project, title="更新亚马逊退款政策", description="FBA 退款流程")
    TaskFactory(project=private, title="工资退款核对", description="只有管理层可见的退款")
    TaskFactory(project=shared, title="回复客户退款邮件", description="Customer refund email")
    rebuild(workspace=workspace)
    return open_project, private, shared


def test_searcher_sees_only_tasks_of_projects_they_can_open(projects, owner, member, assistant):
    assert search(membership=owner, query="退款").total == 3
    seen = search(membership=member, query="退款")
    assert seen.total == 1
    assert [str(h.title) for h in seen.hits] == ["更新亚马逊<mark>退款</mark>政策"]
    assert "工资" not in repr(seen)
    assert search(membership=member, query="工资").total == 0
    only_shared = search(membership=assistant, query="退款")
    assert [str(h.title) for h in only_shared.hits] == ["回复客户<mark>退款</mark>邮件"]
    # Every hit opens: the ACL of the index is the one of the task page.
    for who in (owner, member, assistant):
        for hit in search(membership=who, query="退款").hits:
            assert get_task_for(who, hit.object_id).pk == hit.object_id


def test_adding_a_member_to_a_project_shows_its_tasks_at_once(projects, workspace, member):
    _, private, _ = projects
    assert search(membership=member, query="工资").total == 0
    ProjectMemberFactory(project=private, membership=member)
    assert search(membership=member, query="工资").total == 1


def test_index_tasks_later_follows_edits_and_deletes(
    projects, workspace, owner, django_capture_on_commit_callbacks
):
    listings = projects[0]
    task: Any = TaskFactory(project=listings, title="Check 庫存 levels")
    with django_capture_on_commit_callbacks(execute=True):
        index_tasks_later([task], workspace.pk)
    assert search(membership=owner, query="库存").total == 1
    task_id = task.pk
    task.delete()
    with django_capture_on_commit_callbacks(execute=True):
        index_tasks_later([task_id], workspace.pk)
    assert search(membership=owner, query="库存").total == 0


def test_task_hit_links_to_the_task_page(projects, workspace, owner):
    hit = search(membership=owner, query="refund").hits[0]
    assert hit.url == f"/{workspace.slug}/tasks/{hit.object_id}/"
    assert hit.kind == "task"


def test_search_queries_are_bounded(projects, workspace, member, django_assert_max_num_queries):
    listings = projects[0]
    for i in range(30):
        TaskFactory(project=listings, title=f"退款 {i}")
    index_ids(workspace_id=workspace.pk, kind="task", ids=[])  # no-op: nothing to write
    rebuild(workspace=workspace)
    # visible projects, count, page.
    with django_assert_max_num_queries(3):
        results = search(membership=member, query="退款", limit=50)
    assert results.total == 31  # not Payroll's, nor Support's
