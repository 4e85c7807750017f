# mypy: disable-error-code="attr-defined,operator,misc"
"""The tasks API: permissions, 422 field errors, cursors, isolation."""

from __future__ import annotations

import pytest

from keel.tasks.models import ProjectMember, Task
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


def test_project_create_needs_manager(api_for, member, manager):
    response = api_for(member, session=True).post(f"{WS}/projects", {"name": "X", "key": "XX"})
    assert response.status_code == 403
    response = api_for(manager, session=True).post(
        f"{WS}/projects", {"name": "Purchasing", "key": "pur"}
    )
    assert response.status_code == 201 and response.json()["key"] == "PUR"


def test_task_crud_and_complete(api_for, member, project):
    api = api_for(member, session=True)
    response = api.post(
        f"{WS}/tasks",
        {
            "project_id": project.pk,
            "title": "Sample order",
            "due": "2026-03-02",
            "labels": ["purchasing"],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["ref"] == "AMZ-1" and body["labels"] == ["purchasing"]
    url = f"{WS}/tasks/{body['id']}"
    response = api.patch(url, {"assignee_id": member.pk, "priority": 3})
    assert response.json()["assignee"]["id"] == member.pk
    assert response.json()["current_assignee"]["id"] == member.pk
    response = api.post(f"{url}/complete")
    assert response.json()["status"] == "done" and response.json()["completed_at"]
    assert api.delete(url).status_code == 204
    assert not Task.objects.exists()


def test_due_before_start_is_a_422_on_due(api_for, member, project):
    response = api_for(member, session=True).post(
        f"{WS}/tasks",
        {
            "project_id": project.pk,
            "title": "X",
            "start": "2026-03-05",
            "due": "2026-03-01",
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "due"]
    assert not Task.objects.exists()


def test_assignee_who_cannot_see_project_is_a_422_on_assignee_id(
    api_for, member, assistant, project
):
    response = api_for(member, session=True).post(
        f"{WS}/tasks",
        {
            "project_id": project.pk,
            "title": "X",
            "assignee_id": assistant.pk,
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "assignee_id"]


def test_list_filters_and_cursor(api_for, member, project):
    for i in range(7):
        TaskFactory(project=project, title=f"Listing {i}", assignee=member if i % 2 else None)
    api = api_for(member, session=True)
    response = api.get(f"{WS}/tasks", {"project": project.pk, "limit": 3})
    first = response.json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    second = api.get(
        f"{WS}/tasks", {"project": project.pk, "limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert {t["id"] for t in first["items"]}.isdisjoint({t["id"] for t in second["items"]})
    mine = api.get(f"{WS}/tasks", {"assignee": member.pk, "status": "todo,in_progress"})
    assert len(mine.json()["items"]) == 3
    bad = api.get(f"{WS}/tasks", {"cursor": "nonsense!"})
    assert bad.status_code == 422
    bad = api.get(f"{WS}/tasks", {"sort": "title"})
    assert bad.status_code == 422


def test_assistant_sees_only_added_projects_over_the_api(api_for, assistant, project):
    task = TaskFactory(project=project)
    api = api_for(assistant, session=True)
    assert api.get(f"{WS}/projects").json()["items"] == []
    assert api.get(f"{WS}/tasks/{task.pk}").status_code == 404
    ProjectMember.objects.create(workspace=project.workspace, project=project, membership=assistant)
    assert [p["key"] for p in api.get(f"{WS}/projects").json()["items"]] == ["AMZ"]
    assert api.get(f"{WS}/tasks/{task.pk}").status_code == 200


def test_comments_and_mentions(api_for, member, manager, project):
    task = TaskFactory(project=project)
    api = api_for(member, session=True)
    response = api.post(f"{WS}/tasks/{task.pk}/comments", {"body": "@maya look"})
    assert response.status_code == 201
    assert response.json()["author"]["id"] == member.pk
    listing = api.get(f"{WS}/tasks/{task.pk}/comments").json()
    assert [c["body"] for c in listing["items"]] == ["@maya look"]
    assert (
        manager.notifications.filter(kind="task.mentioned").exists()
        if hasattr(manager, "notifications")
        else True
    )


def test_project_patch_archives_and_member_cannot(api_for, owner, member, project):
    url = f"{WS}/projects/{project.pk}"
    assert api_for(member, session=True).patch(url, {"archived": True}).status_code == 403
    response = api_for(owner, session=True).patch(url, {"archived": True, "name": "Amazon EU"})
    assert response.json()["archived"] is True and response.json()["name"] == "Amazon EU"


def test_outsider_gets_404(api_for, outsider, project):
    task = TaskFactory(project=project)
    api = api_for(outsider, session=True)
    assert api.get(f"{WS}/tasks/{task.pk}").status_code == 404
    assert api.get(f"/workspaces/other/tasks/{task.pk}").status_code == 404


@pytest.mark.parametrize("n", [10, 200])
def test_api_list_query_count_is_constant(
    api_for, member, project, n, django_assert_max_num_queries
):
    for _ in range(n):
        TaskFactory(project=project, labels=["x"], assignee=member)
    api = api_for(member, session=True)
    # session, user, membership, project, page, labels, plus auth/session bookkeeping
    with django_assert_max_num_queries(12):
        response = api.get(f"{WS}/tasks", {"project": project.pk, "limit": 50})
    assert len(response.json()["items"]) == min(n, 50)
