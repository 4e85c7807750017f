"""The Done column: a card in it is a done task and a done task is a card in it — whether the
card is dragged (task_move), edited (task_update / task_set_status), bulk-edited, created,
completed through the API or imported. New tasks without a section go to the first column;
tasks in no section are labelled and explained on the board."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from keel.tasks import services
from keel.tasks.models import Activity, Section, Status, Task
from keel.tasks.services.tasks import settle_column
from keel.tasks.tests import factories

pytestmark = pytest.mark.django_db

TaskFactory: Any = factories.TaskFactory


@pytest.fixture
def columns(project):
    todo, doing, done = Section.objects.filter(project=project).order_by("position")
    done.done = True
    done.save(update_fields=["done"])
    return todo, doing, done


def _changes(task: Task) -> list[tuple[str, Any, Any]]:
    return [
        (a.data["field"], a.data["from"], a.data["to"])
        for a in Activity.objects.filter(task=task, verb="changed")
    ]


def test_new_project_has_a_done_column_named_in_the_workspace_language(manager):
    manager.workspace.language = "zh-hans"
    manager.workspace.save(update_fields=["language"])
    with translation.override("en"):  # the request's language does not matter
        project = services.project_create(actor=manager, name="Content", key="CNT")
    sections = list(project.sections.order_by("position").values_list("name", "done"))
    assert sections == [("待办", False), ("进行中", False), ("已完成", True)]


def test_moving_a_card_into_the_done_column_completes_it_and_out_reopens_it(
    owner, project, columns
):
    todo, doing, done = columns
    task = TaskFactory(project=project, section=doing, status=Status.IN_PROGRESS)
    completed: list[Task] = []

    def hook(*, actor, task):
        completed.append(task)

    services.on_task_completed.append(hook)
    try:
        services.task_move(actor=owner, task=task, section=done)
    finally:
        services.on_task_completed.remove(hook)
    task.refresh_from_db()
    assert task.status == Status.DONE and task.completed_at is not None
    assert completed == [task]  # recurrence "after completion" runs as for any completion
    assert _changes(task)[-2:] == [
        ("section", "In progress", "Done"),
        ("status", Status.IN_PROGRESS, Status.DONE),
    ]

    services.task_move(actor=owner, task=task, section=todo)
    task.refresh_from_db()
    assert task.status == Status.TODO and task.completed_at is None
    assert _changes(task)[-1] == ("status", Status.DONE, Status.TODO)

    # Between ordinary columns the status stays as it is.
    services.task_move(actor=owner, task=task, section=doing)
    task.refresh_from_db()
    assert task.status == Status.TODO


def test_completing_a_task_moves_it_to_the_end_of_the_done_column_and_reopening_out(
    owner, project, columns
):
    todo, doing, done = columns
    already = TaskFactory(project=project, section=done, status=Status.DONE, position=5)
    task = TaskFactory(project=project, section=doing)
    services.task_set_status(actor=owner, task=task, status=Status.DONE)
    task.refresh_from_db()
    assert task.section == done and task.position > already.position
    assert ("section", "In progress", "Done") in _changes(task)

    services.task_set_status(actor=owner, task=task, status=Status.BLOCKED)
    task.refresh_from_db()
    assert task.section == todo and task.status == Status.BLOCKED


def test_status_wins_when_an_edit_changes_both(owner, project, columns):
    todo, _doing, done = columns
    task = TaskFactory(project=project, section=todo)
    services.task_update(
        actor=owner, task=task,
        changes=services.TaskChanges(section=done, status=Status.IN_PROGRESS),
    )  # fmt: skip
    task.refresh_from_db()
    assert task.status == Status.IN_PROGRESS and task.section == todo


def test_without_a_done_column_status_and_columns_are_independent(owner, project):
    todo, doing, _done = Section.objects.filter(project=project).order_by("position")
    task = TaskFactory(project=project, section=doing)
    services.task_set_status(actor=owner, task=task, status=Status.DONE)
    task.refresh_from_db()
    assert task.section == doing
    services.task_move(actor=owner, task=task, section=todo)
    task.refresh_from_db()
    assert task.status == Status.DONE


def test_bulk_edit_follows_the_done_column(owner, project, columns):
    todo, doing, done = columns
    a, b = TaskFactory(project=project, section=todo), TaskFactory(project=project, section=todo)
    services.tasks_bulk_update(actor=owner, tasks=[a, b], status=Status.DONE)
    assert set(Task.objects.filter(pk__in=[a.pk, b.pk]).values_list("section", flat=True)) == {
        done.pk
    }
    services.tasks_bulk_update(actor=owner, tasks=[a], section=doing)
    a.refresh_from_db()
    assert a.status == Status.TODO
    c = TaskFactory(project=project, section=doing)
    services.tasks_bulk_update(actor=owner, tasks=[c], section=done)
    c.refresh_from_db()
    assert c.status == Status.DONE and c.completed_at is not None


def test_new_task_goes_to_the_first_column_or_is_done_in_the_done_column(owner, project, columns):
    todo, _doing, done = columns
    task = services.task_create(actor=owner, project=project, title="Reply to supplier")
    assert task.section == todo and task.status == Status.TODO
    finished = services.task_create(actor=owner, project=project, title="Paid", section=done)
    finished.refresh_from_db()
    assert finished.status == Status.DONE


def test_section_update_switches_the_done_column(owner, project, columns):
    _todo, doing, _done = columns
    services.section_update(actor=owner, section=doing, name="Shipped", done=True)
    assert list(Section.objects.filter(project=project, done=True)) == [doing]
    services.section_update(actor=owner, section=doing, name="Shipped", done=False)
    assert not Section.objects.filter(project=project, done=True).exists()


def test_import_places_rows_by_the_same_rule(project, columns):
    todo, doing, done = columns
    assert settle_column(Status.DONE, doing, done=done, first=todo) == done
    assert settle_column(Status.TODO, done, done=done, first=todo) == todo
    assert settle_column(Status.TODO, doing, done=done, first=todo) == doing
    assert settle_column(Status.DONE, doing, done=None, first=todo) == doing


def test_api_complete_moves_the_card(api_for, owner, project, columns):
    todo, _doing, done = columns
    task = TaskFactory(project=project, section=todo)
    response = api_for(owner).post(f"/workspaces/acme/tasks/{task.pk}/complete")
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.section == done and task.status == Status.DONE


def test_board_drop_into_done_completes_and_says_so(login, workspace, project, owner, columns):
    todo, _doing, done = columns
    card = TaskFactory(project=project, section=todo)
    loose = TaskFactory(project=project, section=None)
    client = login(owner)
    response = client.post(
        reverse("task_move", kwargs={"ws": workspace.slug, "task_id": card.pk}),
        {"section": done.pk}, HTTP_ACCEPT="application/json",
    )  # fmt: skip
    assert response.json() == {"ok": True, "section": done.pk, "status": "done"}
    card.refresh_from_db()
    assert card.status == Status.DONE

    board = client.get(reverse("project_board", kwargs={"ws": workspace.slug,
                                                       "project_id": project.pk}))  # fmt: skip
    html = board.content.decode()
    assert "Done column" in html and "completing a task moves it here" in html
    assert "No section" in html and "Move them into a column" in html
    assert f'id="card-{loose.pk}"' in html


def test_settings_page_sets_the_done_column(login, workspace, project, owner, columns):
    _todo, doing, done = columns
    url = reverse("section_edit", kwargs={"ws": workspace.slug, "project_id": project.pk,
                                          "section_id": doing.pk})  # fmt: skip
    login(owner).post(url, {f"s{doing.pk}-name": "In progress", f"s{doing.pk}-done": "on"})
    done.refresh_from_db()
    doing.refresh_from_db()
    assert doing.done and not done.done
