# mypy: disable-error-code="attr-defined,operator,misc"
"""A series' dates are days of its own time zone, whatever the workspace's (issue 9, rule 14).

A Friday 17:00 Europe/Berlin routine is 00:00 Saturday in Asia/Shanghai: in a Shanghai
workspace its occurrences must still read as Friday's work in the API (and so in lists,
calendars and the workload, which read the same column).
"""

from __future__ import annotations

import datetime

import pytest

from keel.tasks import services
from keel.tasks.models import Task

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"
FRIDAY = datetime.date(2030, 1, 4)  # far enough ahead that the first occurrence is this one


@pytest.fixture
def shanghai(workspace):
    workspace.timezone = "Asia/Shanghai"
    workspace.save(update_fields=["timezone"])
    return workspace


def _friday_series(api, project) -> dict:
    response = api.post(f"{WS}/projects/{project.pk}/recurrences", {
        "title": "Weekly report", "preset": "weekly", "weekdays": ["FR"],
        "dtstart_local": f"{FRIDAY.isoformat()}T17:00", "timezone": "Europe/Berlin",
    })  # fmt: skip
    assert response.status_code == 201, response.content
    return response.json()


def test_a_friday_berlin_occurrence_is_due_friday_in_a_shanghai_workspace(
    api_for, member, project, shanghai
):
    api = api_for(member, session=True)
    series = _friday_series(api, project)
    assert series["dtstart_local"].startswith(FRIDAY.isoformat())
    task = Task.objects.get(recurrence_id=series["id"])
    body = api.get(f"{WS}/tasks/{task.pk}").json()
    assert body["due_date"] == FRIDAY.isoformat()
    # The moment itself is unchanged: 17:00 in Berlin (CET) is 16:00 UTC.
    due_at = datetime.datetime.fromisoformat(body["due_at"])
    assert due_at == datetime.datetime(2030, 1, 4, 16, 0, tzinfo=datetime.UTC)
    listed = api.get(f"{WS}/tasks", params={"project": project.pk}).json()
    [row] = [t for t in listed["items"] if t["id"] == task.pk]
    assert row["due_date"] == FRIDAY.isoformat()


def test_moving_an_occurrence_keeps_the_series_day(api_for, member, project, shanghai):
    """Editing an occurrence's due time reads the new time in the series' zone too."""
    api = api_for(member, session=True)
    series = _friday_series(api, project)
    task = Task.objects.get(recurrence_id=series["id"])
    response = api.patch(f"{WS}/tasks/{task.pk}", {"due": "2030-01-04T18:00:00+01:00"})
    assert response.status_code == 200, response.content
    assert response.json()["due_date"] == FRIDAY.isoformat()


def test_a_task_outside_a_series_keeps_the_workspace_day(member, project, shanghai):
    due = datetime.datetime(2030, 1, 4, 16, 0, tzinfo=datetime.UTC)  # Saturday 00:00 Shanghai
    task = services.task_create(actor=member, project=project, title="Call", due=due)
    assert task.due_date == datetime.date(2030, 1, 5)


def test_the_migration_moves_stored_occurrences_to_the_series_day(api_for, member, project,
                                                                  shanghai):  # fmt: skip
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "keel.tasks.migrations.0006_occurrence_due_date_in_series_zone"
    )
    series = _friday_series(api_for(member, session=True), project)
    task = Task.objects.get(recurrence_id=series["id"])
    Task.objects.filter(pk=task.pk).update(due_date=FRIDAY + datetime.timedelta(days=1))
    migration.series_day(apps, None)
    task.refresh_from_db()
    assert task.due_date == FRIDAY
