"""The vision API: read for staff, write for admins, 422 field errors, pagination, scoping."""

from __future__ import annotations

import pytest

from keel.core.tests.api_client import assert_problem
from keel.goals import services
from keel.goals.models import Goal, Milestone
from keel.goals.tests.factories import GoalFactory, MilestoneFactory
from keel.org.tests.factories import PlannedSeatFactory, SeatFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


@pytest.fixture
def year(workspace) -> int:
    return services.current_year(workspace)


def test_vision_get_defaults_and_put(api_for, owner, member, year):
    response = api_for(member).get(f"{WS}/vision")
    assert response.status_code == 200
    assert response.json() == {"statement": "", "horizon_year": year + 5, "values": []}
    assert_problem(api_for(member).put(f"{WS}/vision", {"horizon_year": year + 5}), 403)
    response = api_for(owner).put(f"{WS}/vision", {"statement": "Tea", "horizon_year": year + 6})
    assert response.status_code == 200
    assert response.json()["horizon_year"] == year + 6
    problem = assert_problem(api_for(owner).put(f"{WS}/vision", {"horizon_year": year - 1}), 422)
    assert problem["errors"][0]["loc"] == ["body", "horizon_year"]


def test_goal_crud(api_for, owner, year):
    api = api_for(owner)
    response = api.post(f"{WS}/goals", {"title": "¥10M yearly revenue", "target_year": year + 5})
    assert response.status_code == 201
    goal_id = response.json()["id"]
    assert response.json()["milestones"] == []
    response = api.patch(f"{WS}/goals/{goal_id}", {"title": "¥12M yearly revenue"})
    assert response.json()["title"] == "¥12M yearly revenue"
    assert response.json()["target_year"] == year + 5
    assert api.get(f"{WS}/goals/{goal_id}").status_code == 200
    assert api.delete(f"{WS}/goals/{goal_id}").status_code == 204
    assert not Goal.objects.exists()


def test_goal_in_the_past_is_a_422_on_the_field(api_for, owner, year):
    problem = assert_problem(
        api_for(owner).post(f"{WS}/goals", {"title": "x", "target_year": year - 1}), 422
    )
    assert problem["errors"][0]["loc"] == ["body", "target_year"]
    assert not Goal.objects.exists()


def test_member_reads_but_cannot_write(api_for, member, workspace, year):
    goal = GoalFactory(workspace=workspace)
    api = api_for(member)
    assert api.get(f"{WS}/goals").status_code == 200
    assert_problem(api.post(f"{WS}/goals", {"title": "x", "target_year": year + 1}), 403)
    assert_problem(api.patch(f"{WS}/goals/{goal.pk}", {"title": "x"}), 403)
    assert_problem(api.delete(f"{WS}/goals/{goal.pk}"), 403)
    goal.refresh_from_db()
    assert goal.title != "x"


def test_goal_list_is_cursor_paginated(api_for, member, workspace, year):
    for offset in range(5):
        GoalFactory(workspace=workspace, target_year=year + offset)
    api = api_for(member)
    first = api.get(f"{WS}/goals?limit=3").json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    second = api.get(f"{WS}/goals?limit=3&cursor={first['next_cursor']}").json()
    assert [g["target_year"] for g in first["items"] + second["items"]] == [
        year + i for i in range(5)
    ]
    assert second["next_cursor"] is None


def test_milestones_create_list_patch_delete(api_for, owner, workspace, year):
    goal = GoalFactory(workspace=workspace, target_year=year + 3)
    seat = SeatFactory(workspace=workspace, title="Marketing lead")
    planned = PlannedSeatFactory(workspace=workspace, title="Listing assistant")
    api = api_for(owner)
    response = api.post(f"{WS}/goals/{goal.pk}/milestones", {
        "year": year + 1, "title": "Launch own brand", "status": "on_track",
        "owner_seat_id": seat.pk, "needed_seat_ids": [planned.pk],
    })  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["owner_seat"]["title"] == "Marketing lead"
    assert body["needed_seats"] == [
        {"id": planned.pk, "title": "Listing assistant", "status": "planned",
         "planned_for": planned.planned_for.isoformat()}
    ]  # fmt: skip
    milestone_id = body["id"]
    listed = api.get(f"{WS}/goals/{goal.pk}/milestones").json()
    assert [m["id"] for m in listed["items"]] == [milestone_id]
    response = api.patch(f"{WS}/milestones/{milestone_id}", {"status": "done"})
    assert response.json()["status"] == "done"
    assert response.json()["owner_seat"]["id"] == seat.pk  # unchanged when not sent
    response = api.patch(f"{WS}/milestones/{milestone_id}", {"owner_seat_id": None})
    assert response.json()["owner_seat"] is None
    assert response.json()["needed_seats"][0]["id"] == planned.pk
    assert api.delete(f"{WS}/milestones/{milestone_id}").status_code == 204
    assert not Milestone.objects.exists()


def test_milestone_errors_are_field_problems(api_for, owner, workspace, other_workspace, year):
    goal = GoalFactory(workspace=workspace, target_year=year + 2)
    foreign = SeatFactory(workspace=other_workspace)
    api = api_for(owner)
    problem = assert_problem(
        api.post(f"{WS}/goals/{goal.pk}/milestones", {"year": year + 3, "title": "x"}), 422
    )
    assert problem["errors"][0]["loc"] == ["body", "year"]
    problem = assert_problem(api.post(f"{WS}/goals/{goal.pk}/milestones", {
        "year": year + 1, "title": "x", "needed_seat_ids": [foreign.pk],
    }), 422)  # fmt: skip
    assert problem["errors"][0]["loc"] == ["body", "needed_seat_ids"]
    problem = assert_problem(api.post(f"{WS}/goals/{goal.pk}/milestones", {
        "year": year + 1, "title": "x", "owner_seat_id": foreign.pk,
    }), 422)  # fmt: skip
    assert problem["errors"][0]["loc"] == ["body", "owner_seat_id"]
    assert not Milestone.objects.exists()


def test_other_workspace_objects_are_404(api_for, outsider, workspace):
    milestone = MilestoneFactory(workspace=workspace)
    api = api_for(outsider)
    assert_problem(api.get(f"{WS}/vision"), 404)
    assert_problem(api.get(f"/workspaces/other/milestones/{milestone.pk}"), 404)
    assert_problem(api.get(f"/workspaces/other/goals/{milestone.goal_id}"), 404)
