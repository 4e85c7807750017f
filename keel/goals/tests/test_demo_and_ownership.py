"""Demo Shop's vision (idempotent, seats by title when the chart has them) and the seat
ownership provider that lists a seat's milestones on the seat page."""

from __future__ import annotations

import pytest

from keel.goals import services
from keel.goals.demo import seed_demo_vision
from keel.goals.models import CoreValue, Goal, Milestone, Vision
from keel.goals.tests.factories import MilestoneFactory
from keel.goals.wiring import seat_milestones
from keel.org.tests.factories import PlannedSeatFactory, SeatFactory

pytestmark = pytest.mark.django_db


def test_demo_vision_without_seats_then_idempotent(owner):
    seed_demo_vision(owner)
    seed_demo_vision(owner)
    assert Vision.objects.count() == 1
    assert CoreValue.objects.count() == 3
    assert Goal.objects.count() == 3
    assert Milestone.objects.filter(owner_seat__isnull=False).count() == 0
    year = services.current_year(owner.workspace)
    assert "three marketplaces" in Vision.objects.get().statement
    assert set(Milestone.objects.values_list("year", flat=True)) <= set(range(year, year + 6))


def test_demo_vision_points_at_seats_by_title(owner, workspace):
    ops = PlannedSeatFactory(workspace=workspace, title="Operations manager")
    marketing = SeatFactory(workspace=workspace, title="Marketing lead")
    seed_demo_vision(owner)
    assert Milestone.objects.filter(owner_seat=marketing).exists()
    assert ops.needed_by_milestones.exists()


def test_seat_ownership_lists_the_seats_milestones(workspace):
    seat = SeatFactory(workspace=workspace)
    other = SeatFactory(workspace=workspace)
    milestone = MilestoneFactory(workspace=workspace, owner_seat=seat, year=2030, title="Launch")
    MilestoneFactory(workspace=workspace, owner_seat=other)
    items = seat_milestones(seat)
    assert items == [("2030: Launch", f"/acme/vision/#milestone-{milestone.pk}")]


def test_seat_ownership_is_registered(workspace):
    from keel.org.ownership import ownership_sources, seat_ownership

    assert "goals.milestones" in {s.key for s in ownership_sources()}
    seat = SeatFactory(workspace=workspace)
    MilestoneFactory(workspace=workspace, owner_seat=seat, year=2031, title="¥10M")
    groups = {g.key: g for g in seat_ownership(seat)}
    assert groups["goals.milestones"].items[0][0] == "2031: ¥10M"
