# mypy: disable-error-code="attr-defined,operator,misc"
"""Bad input to the tasks API is a 4xx problem, never a server error or a silent change: one
test per class the API fuzzer (keel/core/tests/test_api_fuzz.py) and the security probe found.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import ValidationError

from keel.core.tests.api_client import assert_problem, error_fields
from keel.tasks.models import Project, Recurrence, Task
from keel.tasks.services import feeds as ical
from keel.tasks.services.recurrence import recurrence_create
from keel.tasks.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"
TOO_BIG = 2**64  # past every database's integer


def _named(problem: dict) -> set:
    """Every name in the problem's error locations (a list item's loc ends with its index)."""
    return {part for error in problem["errors"] for part in error["loc"]}


@pytest.fixture
def task(project, member):
    return TaskFactory(project=project, title="Reorder tea cups", assignee=member)


# --- Ids past 64 bits -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"member_ids": [TOO_BIG]},
        {"member_ids": [-1]},
        {"department_id": TOO_BIG},
    ],
)
def test_project_ids_out_of_range_are_field_errors(api_for, owner, body):
    response = api_for(owner).post(f"{WS}/projects", {"name": "Tea", "key": "TEA", **body})
    problem = assert_problem(response, 422)
    assert _named(problem) & set(body), problem
    assert not Project.objects.filter(key="TEA").exists()


def test_follower_and_assignee_ids_out_of_range_are_field_errors(api_for, owner, task):
    response = api_for(owner).patch(
        f"{WS}/tasks/{task.pk}", {"follower_ids": [TOO_BIG], "assignee_id": 0}
    )
    problem = assert_problem(response, 422)
    assert {"follower_ids", "assignee_id"} <= _named(problem)


def test_task_list_filter_ids_out_of_range_are_query_errors(api_for, owner, task):
    response = api_for(owner).get(f"{WS}/tasks", {"assignee": TOO_BIG})
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["loc"][0] == "query"


def test_path_id_out_of_range_is_not_found(api_for, owner):
    assert_problem(api_for(owner).get(f"{WS}/tasks/{TOO_BIG}"), 404)


# --- Values the database's CHECK constraints would refuse -------------------------------------


@pytest.mark.parametrize("priority", [-1, 9])
def test_task_priority_out_of_range_is_refused(api_for, owner, project, priority):
    response = api_for(owner).post(
        f"{WS}/tasks", {"project_id": project.pk, "title": "Sample", "priority": priority}
    )
    assert "priority" in error_fields(assert_problem(response, 422))


def _series(project, **extra):
    return {"title": "Restock", "preset": "daily", "dtstart_local": "2026-03-02", **extra}


def test_recurrence_with_priority_nine_is_refused_and_task_list_keeps_working(
    api_for, owner, project
):
    api = api_for(owner)
    response = api.post(f"{WS}/projects/{project.pk}/recurrences", _series(project, priority=9))
    assert "priority" in error_fields(assert_problem(response, 422))
    assert not Recurrence.objects.exists()
    assert api.get(f"{WS}/tasks").status_code == 200


def test_recurrence_service_refuses_priority_for_every_caller(owner, project):
    """Pages, imports and jobs call the service, not the API: the rule lives there."""
    with pytest.raises(ValidationError) as caught:
        recurrence_create(
            actor=owner, project=project, title="Restock", preset="daily",
            dtstart_local=datetime.date(2026, 3, 2), priority=9,
        )  # fmt: skip
    assert "priority" in caught.value.message_dict


def test_recurrence_priority_update_is_refused(api_for, owner, project):
    api = api_for(owner)
    created = api.post(f"{WS}/projects/{project.pk}/recurrences", _series(project))
    assert created.status_code == 201, created.content
    response = api.patch(f"{WS}/recurrences/{created.json()['id']}", {"priority": -1})
    assert "priority" in error_fields(assert_problem(response, 422))


# --- Rules, dates and zones the recurrence engine cannot compute -----------------------------


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"preset": "", "rrule": "FREQ=MONTHLY;BYDAY=99MO"}, "rrule"),
        ({"preset": "", "rrule": "FREQ=YEARLY;BYDAY=99MO"}, "rrule"),
        ({"preset": "", "rrule": "FREQ=DAILY;UNTIL=99991231T235959Z"}, "rrule"),
        ({"dtstart_local": "9999-12-31T23:59", "timezone": "Europe/Berlin"}, "dtstart_local"),
        ({"dtstart_local": "0001-01-01"}, "dtstart_local"),
        ({"timezone": "Europe/" + "x" * 300}, "timezone"),
    ],
)
def test_recurrence_inputs_the_engine_cannot_compute_are_field_errors(
    api_for, owner, project, extra, field
):
    response = api_for(owner).post(
        f"{WS}/projects/{project.pk}/recurrences", _series(project, **extra)
    )
    assert field in error_fields(assert_problem(response, 422))
    assert not Recurrence.objects.exists()


# --- Bodies that are not objects ------------------------------------------------------------


@pytest.mark.parametrize("body", ["hello", ["title"], 42, None])
def test_a_body_that_is_not_an_object_changes_nothing(api_for, owner, task, body):
    api = api_for(owner)  # its `patch` would drop a None body: send the raw JSON
    response = api.client.patch(
        f"/api/v1{WS}/tasks/{task.pk}",
        data=json.dumps(body),
        content_type="application/json",
        headers=api.headers,
    )
    assert_problem(response, 422)
    task.refresh_from_db()
    assert task.title == "Reorder tea cups"


# --- Control characters and lengths ---------------------------------------------------------


@pytest.mark.parametrize("name", ["Tea\r\nCups", "Tea\x00", "Tea\tcups", "Tea\x7f"])
def test_project_name_with_control_characters_is_refused(api_for, owner, name):
    response = api_for(owner).post(f"{WS}/projects", {"name": name, "key": "TEA"})
    assert "name" in error_fields(assert_problem(response, 422))


def test_nul_in_long_text_is_refused_with_its_location(api_for, owner, project):
    response = api_for(owner).post(
        f"{WS}/tasks", {"project_id": project.pk, "title": "Sample", "description": "a\x00b"}
    )
    assert "description" in error_fields(assert_problem(response, 422))


def test_series_title_longer_than_the_limit_is_refused_not_cut(api_for, owner, project):
    response = api_for(owner).post(
        f"{WS}/projects/{project.pk}/recurrences", _series(project, title="x" * 301)
    )
    assert "title" in error_fields(assert_problem(response, 422))
    assert not Recurrence.objects.exists()


def test_label_longer_than_the_limit_is_refused_not_cut(api_for, owner, task):
    response = api_for(owner).patch(f"{WS}/tasks/{task.pk}", {"labels": ["x" * 41]})
    assert "labels" in error_fields(assert_problem(response, 422))
    assert not Task.objects.get(pk=task.pk).labels.exists()


# --- Calendar feeds: public, so never a debug page --------------------------------------------


def test_feed_survives_a_name_saved_with_line_breaks_before_the_check(client, owner, project):
    Project.objects.filter(pk=project.pk).update(name="Tea\r\nCups")
    TaskFactory(project=project, title="Ship\nit", due_date=datetime.date(2026, 3, 2))
    _feed, raw = ical.feed_create(actor=owner, project=project)
    response = client.get(f"/feeds/{raw}.ics")
    assert response.status_code == 200
    assert b"X-WR-CALNAME:Keel \xe2\x80\x94 Tea  Cups\r\n" in response.content


def test_unknown_feed_is_an_empty_404_even_in_debug(client, settings):
    settings.DEBUG = True
    response = client.get("/feeds/kcal_nothing.ics")
    assert response.status_code == 404
    assert response.content == b""
