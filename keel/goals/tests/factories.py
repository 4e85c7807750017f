"""factory_boy factories for the vision: values, goals, milestones (and seats to point at)."""

from __future__ import annotations

import datetime

import factory

from keel.core.tests.factories import WorkspaceFactory
from keel.goals.models import CoreValue, Goal, Milestone, MilestoneStatus, Vision
from keel.org.models import Seat, SeatStatus

THIS_YEAR = datetime.date.today().year  # noqa: DTZ011 - only a default; tests pin their years


class VisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vision

    workspace = factory.SubFactory(WorkspaceFactory)
    statement = "The go-to shop for handmade tea ware."
    horizon_year = THIS_YEAR + 5


class CoreValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoreValue

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Value {n}")
    position = factory.Sequence(lambda n: n)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")
    target_year = THIS_YEAR + 5


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Seat {n}")
    status = SeatStatus.OPEN


class PlannedSeatFactory(SeatFactory):
    status = SeatStatus.PLANNED
    placeholder_name = "Alex — to hire"
    planned_for = datetime.date(THIS_YEAR + 1, 7, 1)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    workspace = factory.SubFactory(WorkspaceFactory)
    goal = factory.SubFactory(GoalFactory, workspace=factory.SelfAttribute("..workspace"))
    year = THIS_YEAR + 1
    title = factory.Sequence(lambda n: f"Milestone {n}")
    status = MilestoneStatus.NOT_STARTED
