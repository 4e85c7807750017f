"""factory_boy factories for the vision: values, goals, milestones. The seats they point at
come from keel/org/tests/factories.py."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from keel.core.tests.factories import WorkspaceFactory
from keel.goals.models import CoreValue, Goal, Milestone, MilestoneStatus, Vision

THIS_YEAR = datetime.date.today().year  # noqa: DTZ011 - only a default; tests pin their years


class _VisionFactory(factory.django.DjangoModelFactory[Vision]):
    class Meta:
        model = Vision

    workspace = factory.SubFactory(WorkspaceFactory)
    statement = "The go-to shop for handmade tea ware."
    horizon_year = THIS_YEAR + 5


class _CoreValueFactory(factory.django.DjangoModelFactory[CoreValue]):
    class Meta:
        model = CoreValue

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Value {n}")
    position = factory.Sequence(lambda n: n)


class _GoalFactory(factory.django.DjangoModelFactory[Goal]):
    class Meta:
        model = Goal

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")
    target_year = THIS_YEAR + 5


class _MilestoneFactory(factory.django.DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    workspace = factory.SubFactory(WorkspaceFactory)
    goal = factory.SubFactory(_GoalFactory, workspace=factory.SelfAttribute("..workspace"))
    year = THIS_YEAR + 1
    title = factory.Sequence(lambda n: f"Milestone {n}")
    status = MilestoneStatus.NOT_STARTED


# Typed as Any so tests can use model attributes on what the factories return (factory_boy's
# stubs type a call as the factory class, not the model instance).
VisionFactory: Any = _VisionFactory
CoreValueFactory: Any = _CoreValueFactory
GoalFactory: Any = _GoalFactory
MilestoneFactory: Any = _MilestoneFactory
