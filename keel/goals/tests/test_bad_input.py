"""Bad input to the goals API is a 422 problem, never a silent change (see
keel/core/tests/test_api_fuzz.py for the fuzzer that found these classes)."""

from __future__ import annotations

import datetime
import json

import pytest

from keel.core.tests.api_client import assert_problem, error_fields
from keel.goals.models import Goal
from keel.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


def test_a_bare_string_body_does_not_rename_the_goal(api_for, owner, workspace):
    goal = GoalFactory(workspace=workspace, title="Open a shop in Taipei")
    api = api_for(owner)
    response = api.client.patch(
        f"/api/v1{WS}/goals/{goal.pk}", data=json.dumps("hello"),
        content_type="application/json", headers=api.headers,
    )  # fmt: skip
    assert_problem(response, 422)
    goal.refresh_from_db()
    assert goal.title == "Open a shop in Taipei"


@pytest.mark.parametrize("title", ["Revenue\n¥10M", "Revenue\x00", "Revenue\x1b[31m"])
def test_goal_title_with_control_characters_is_refused(api_for, owner, workspace, title):
    year = datetime.date.today().year + 5  # noqa: DTZ011 - any year a few years ahead
    response = api_for(owner).post(f"{WS}/goals", {"title": title, "target_year": year})
    assert "title" in error_fields(assert_problem(response, 422))
    assert not Goal.objects.exists()


def test_milestone_seat_ids_past_64_bits_are_field_errors(api_for, owner, workspace):
    goal = GoalFactory(workspace=workspace)
    response = api_for(owner).post(
        f"{WS}/goals/{goal.pk}/milestones",
        {"year": goal.target_year, "title": "First store", "needed_seat_ids": [2**64]},
    )
    problem = assert_problem(response, 422)
    assert "needed_seat_ids" in {part for e in problem["errors"] for part in e["loc"]}
