# mypy: disable-error-code="attr-defined,operator,misc"
"""Every week the tasks pages bucket by starts on the workspace's week start (its settings):
the workload's columns and drill-down links, and a summary's "this week". The month
calendar's is tested in test_calendar_week_start.py.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from keel.tasks import selectors
from keel.tasks.selectors.pages import today_for
from keel.tasks.services import progress
from keel.tasks.tests import factories

pytestmark = pytest.mark.django_db

TaskFactory: Any = factories.TaskFactory
WEDNESDAY = datetime.date(2026, 3, 4)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def sunday_start(workspace):
    workspace.week_start = "sunday"
    workspace.save(update_fields=["week_start"])
    return workspace


def test_week_start_follows_the_workspace(workspace):
    assert selectors.week_start(WEDNESDAY, workspace) == datetime.date(2026, 3, 2)  # Monday
    workspace.week_start = "sunday"
    assert selectors.week_start(WEDNESDAY, workspace) == datetime.date(2026, 3, 1)  # Sunday
    sunday = datetime.date(2026, 3, 8)
    assert selectors.week_start(sunday, workspace) == sunday


def test_workload_weeks_start_on_sunday_in_a_sunday_workspace(login, owner, project, sunday_start):
    today = today_for(owner)
    sunday = today - datetime.timedelta(days=(today.weekday() + 1) % 7)
    # Sunday and Saturday of this week are one week; the Saturday before is not in it.
    TaskFactory(project=project, assignee=owner, due_date=sunday)
    TaskFactory(project=project, assignee=owner, due_date=sunday + 6 * DAY)
    TaskFactory(project=project, assignee=owner, due_date=sunday - DAY)
    page = login(owner).get(reverse("tasks_workload", kwargs={"ws": sunday_start.slug}))
    data = page.context["data"]
    assert [week.weekday() for week in data.weeks] == [6] * len(data.weeks)
    assert data.weeks[0] == sunday
    row = next(r for r in data.rows if r.membership == owner)
    assert row.cells[0]["count"] == 2
    query = parse_qs(urlsplit(row.cells[0]["url"]).query)
    assert query["due_from"] == [sunday.isoformat()]
    assert query["due_to"] == [(sunday + 6 * DAY).isoformat()]


def test_a_weekly_summary_covers_the_workspace_week(project, sunday_start):
    TaskFactory(project=project, due_date=datetime.date(2026, 3, 1))  # Sunday: this week
    summary = progress.summary_for_project(project=project, period="week", today=WEDNESDAY)
    assert (summary.start, summary.end) == (datetime.date(2026, 3, 1), datetime.date(2026, 3, 7))
    assert summary.coming_until == datetime.date(2026, 3, 14)
    assert progress.period_bounds("week", WEDNESDAY, first_weekday=6)[0].weekday() == 6
