"""The month calendar starts its weeks on the workspace's chosen day (its settings)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _first_column(client, workspace) -> str:
    html = client.get(reverse("tasks_calendar", kwargs={"ws": workspace.slug})).content.decode()
    return re.findall(r'<th scope="col"><abbr title="([^"]+)"', html)[0]


@pytest.mark.parametrize(("week_start", "first"), [("monday", "Monday"), ("sunday", "Sunday")])
def test_calendar_weeks_start_on_the_workspace_day(login, member, workspace, week_start, first):
    workspace.week_start = week_start
    workspace.save(update_fields=["week_start"])
    assert _first_column(login(member), workspace) == first
