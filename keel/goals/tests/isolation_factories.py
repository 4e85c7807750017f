"""Isolation factories for the vision's URL kwargs (see keel/core/tests/isolation.py)."""

from __future__ import annotations

from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory


def _value(ws: Workspace) -> Any:
    from keel.goals.tests.factories import CoreValueFactory

    return CoreValueFactory(workspace=ws)


def _goal(ws: Workspace) -> Any:
    from keel.goals.tests.factories import GoalFactory

    return GoalFactory(workspace=ws)


def _milestone(ws: Workspace) -> Any:
    from keel.goals.tests.factories import MilestoneFactory
    from keel.org.tests.factories import PlannedSeatFactory

    milestone = MilestoneFactory(workspace=ws, owner_seat=PlannedSeatFactory(workspace=ws))
    milestone.needed_seats.add(PlannedSeatFactory(workspace=ws))
    return milestone


def register_isolation_factories() -> None:
    for key, factory in {
        "goals.corevalue": _value,
        "value_id": _value,
        "goals.goal": _goal,
        "goal_id": _goal,
        "goals.milestone": _milestone,
        "milestone_id": _milestone,
    }.items():
        register_isolation_factory(key, factory)
