"""Vision services: who may write, year rules, seat scoping, audit, and nothing saved on error."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.core.models import AuditEvent
from keel.goals import services
from keel.goals.models import CoreValue, Goal, Milestone, MilestoneStatus, Vision
from keel.goals.tests.factories import (
    CoreValueFactory,
    GoalFactory,
    MilestoneFactory,
)
from keel.org.tests.factories import PlannedSeatFactory, SeatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(workspace) -> int:
    return services.current_year(workspace)


def test_owner_writes_the_vision_and_it_is_audited(owner, year):
    vision = services.vision_update(actor=owner, statement="  Tea ware  ", horizon_year=year + 5)
    assert vision.statement == "Tea ware"
    vision = services.vision_update(actor=owner, statement="Better", horizon_year=year + 6)
    assert Vision.objects.get().horizon_year == year + 6
    assert AuditEvent.objects.filter(action="vision.updated").count() == 2


@pytest.mark.parametrize("role", ["manager", "member", "assistant"])
def test_non_admins_cannot_change_anything(request, role, workspace, year):
    actor = request.getfixturevalue(role)
    goal = GoalFactory(workspace=workspace, title="Keep")
    milestone = MilestoneFactory(workspace=workspace, goal=goal, title="Keep")
    value = CoreValueFactory(workspace=workspace, title="Keep")
    calls = [
        lambda: services.vision_update(actor=actor, statement="x", horizon_year=year + 5),
        lambda: services.value_create(actor=actor, title="x"),
        lambda: services.value_update(actor=actor, value=value, title="x"),
        lambda: services.value_move(actor=actor, value=value, direction="down"),
        lambda: services.value_delete(actor=actor, value=value),
        lambda: services.goal_create(actor=actor, title="x", target_year=year + 1),
        lambda: services.goal_update(actor=actor, goal=goal, title="x", target_year=year + 1),
        lambda: services.goal_delete(actor=actor, goal=goal),
        lambda: services.milestone_create(actor=actor, goal=goal, year=year, title="x"),
        lambda: services.milestone_update(
            actor=actor,
            milestone=milestone,
            year=year,
            title="x",
            owner_seat=None,
            needed_seats=[],
            status=MilestoneStatus.DONE,
        ),
        lambda: services.milestone_set_status(
            actor=actor, milestone=milestone, status=MilestoneStatus.DONE
        ),
        lambda: services.milestone_delete(actor=actor, milestone=milestone),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not Vision.objects.exists()
    assert list(CoreValue.objects.values_list("title", flat=True)) == ["Keep"]
    assert list(Goal.objects.values_list("title", flat=True)) == ["Keep"]
    assert list(Milestone.objects.values_list("title", "status")) == [
        ("Keep", MilestoneStatus.NOT_STARTED)
    ]
    assert not AuditEvent.objects.filter(action__startswith="vision.").exists()


def test_admin_may_manage(admin, year):
    goal = services.goal_create(actor=admin, title="¥10M revenue", target_year=year + 5)
    assert goal.position == 0


def test_goal_target_year_in_the_past_is_refused(owner, year):
    with pytest.raises(ValidationError) as exc:
        services.goal_create(actor=owner, title="Late", target_year=year - 1)
    assert "target_year" in exc.value.message_dict
    assert not Goal.objects.exists()


def test_goal_target_year_cannot_move_before_its_milestones(owner, workspace, year):
    goal = GoalFactory(workspace=workspace, target_year=year + 4)
    MilestoneFactory(workspace=workspace, goal=goal, year=year + 3)
    with pytest.raises(ValidationError) as exc:
        services.goal_update(actor=owner, goal=goal, title=goal.title, target_year=year + 2)
    assert "target_year" in exc.value.message_dict
    goal.refresh_from_db()
    assert goal.target_year == year + 4


@pytest.mark.parametrize("offset", [-1, 6])
def test_milestone_year_outside_this_year_and_target_is_a_field_error(owner, workspace, year,
                                                                      offset):  # fmt: skip
    goal = GoalFactory(workspace=workspace, target_year=year + 5)
    with pytest.raises(ValidationError) as exc:
        services.milestone_create(actor=owner, goal=goal, year=year + offset, title="Launch")
    assert str(year) in exc.value.message_dict["year"][0]
    assert not Milestone.objects.exists()
    assert not AuditEvent.objects.filter(action="vision.milestone_created").exists()


def test_milestone_with_seats_is_created_and_audited(owner, workspace, year):
    goal = GoalFactory(workspace=workspace, target_year=year + 3)
    owner_seat = SeatFactory(workspace=workspace, title="Marketing lead")
    planned = PlannedSeatFactory(workspace=workspace, title="Listing assistant")
    milestone = services.milestone_create(
        actor=owner, goal=goal, year=year + 1, title="Launch own brand",
        owner_seat=owner_seat, needed_seats=[planned], status=MilestoneStatus.ON_TRACK,
    )  # fmt: skip
    assert milestone.owner_seat == owner_seat
    assert list(milestone.needed_seats.all()) == [planned]
    event = AuditEvent.objects.get(action="vision.milestone_created")
    assert event.data["needed_seats"] == [planned.pk]


def test_seats_of_another_workspace_are_refused(owner, workspace, other_workspace, year):
    goal = GoalFactory(workspace=workspace)
    foreign = SeatFactory(workspace=other_workspace)
    with pytest.raises(ValidationError) as exc:
        services.milestone_create(actor=owner, goal=goal, year=year + 1, title="x",
                                  owner_seat=foreign, needed_seats=[foreign])  # fmt: skip
    assert {"owner_seat", "needed_seats"} <= set(exc.value.message_dict)
    assert not Milestone.objects.exists()


def test_existing_milestone_in_a_past_year_can_still_be_marked_done(owner, workspace, year):
    goal = GoalFactory(workspace=workspace, target_year=year + 2)
    milestone = MilestoneFactory(workspace=workspace, goal=goal, year=year - 1)
    services.milestone_update(
        actor=owner, milestone=milestone, year=year - 1, title="Done late", owner_seat=None,
        needed_seats=[], status=MilestoneStatus.DONE,
    )  # fmt: skip
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.DONE


def test_set_status_rejects_unknown_status(owner, workspace):
    milestone = MilestoneFactory(workspace=workspace)
    with pytest.raises(ValidationError):
        services.milestone_set_status(actor=owner, milestone=milestone, status="bogus")
    services.milestone_set_status(actor=owner, milestone=milestone, status="at_risk")
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.AT_RISK
    assert AuditEvent.objects.get(action="vision.milestone_status").data["old_status"] == (
        "not_started"
    )


def test_objects_of_another_workspace_are_refused(owner, other_workspace):
    goal = GoalFactory(workspace=other_workspace)
    with pytest.raises(PermissionDenied):
        services.goal_delete(actor=owner, goal=goal)
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_values_are_added_at_the_end_and_move(owner):
    a = services.value_create(actor=owner, title="A")
    b = services.value_create(actor=owner, title="B")
    c = services.value_create(actor=owner, title="C")
    assert [a.position, b.position, c.position] == [0, 1, 2]
    services.value_move(actor=owner, value=c, direction="up")
    assert list(CoreValue.objects.values_list("title", flat=True)) == ["A", "C", "B"]
    services.value_move(actor=owner, value=a, direction="up")  # already first: no change
    assert list(CoreValue.objects.values_list("title", flat=True)) == ["A", "C", "B"]
    services.value_delete(actor=owner, value=a)
    assert list(CoreValue.objects.values_list("title", flat=True)) == ["C", "B"]


def test_goal_delete_removes_milestones_and_keeps_seats(owner, workspace):
    goal = GoalFactory(workspace=workspace)
    seat = PlannedSeatFactory(workspace=workspace)
    MilestoneFactory(workspace=workspace, goal=goal, owner_seat=seat).needed_seats.add(seat)
    services.goal_delete(actor=owner, goal=goal)
    assert not Milestone.objects.exists()
    seat.refresh_from_db()
    assert AuditEvent.objects.get(action="vision.goal_deleted").data == {"milestones": 1}
