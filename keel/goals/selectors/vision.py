"""Reads for the vision page, forms and API: every query starts from `in_workspace(ws)`.

`vision_page` loads the whole page in a fixed number of queries however many goals,
milestones and seats there are; access helpers raise 404 for other workspaces' objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404

from keel.core.models import Membership, Workspace
from keel.goals.models import CoreValue, Goal, Milestone, Vision
from keel.goals.selectors.kpis import attach_kpi_progress
from keel.goals.services import HORIZON_YEARS, current_date, current_year
from keel.org.models import Seat, SeatStatus

# --- Access helpers --------------------------------------------------------------------------


_M = TypeVar("_M", bound=Model)


def _get(queryset: QuerySet[_M], actor: Membership, pk: int | str) -> _M:
    found = queryset.filter(workspace_id=actor.workspace_id, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_goal_for(actor: Membership, pk: int | str) -> Goal:
    return _get(Goal.objects.select_related("workspace"), actor, pk)


def get_milestone_for(actor: Membership, pk: int | str) -> Milestone:
    return _get(Milestone.objects.select_related("goal", "workspace"), actor, pk)


def get_value_for(actor: Membership, pk: int | str) -> CoreValue:
    return _get(CoreValue.objects.all(), actor, pk)


# --- Vision ----------------------------------------------------------------------------------


def vision_get(*, workspace: Workspace) -> Vision:
    """The workspace's vision, or an unsaved blank one with the default horizon (year + 5)."""
    vision = Vision.objects.in_workspace(workspace).first()
    if vision is None:
        vision = Vision(
            workspace=workspace, statement="", horizon_year=current_year(workspace) + HORIZON_YEARS
        )
    return vision


def values_list(*, workspace: Workspace) -> QuerySet[CoreValue]:
    return CoreValue.objects.in_workspace(workspace).order_by("position", "id")


def _seats(workspace: Workspace) -> QuerySet[Seat]:
    return Seat.objects.in_workspace(workspace).select_related("holder__user")


def milestones_qs(*, workspace: Workspace) -> QuerySet[Milestone]:
    """Milestones with their owner seat (and holder), KPI (and its team) and needed seats: two
    queries per list."""
    return (
        Milestone.objects.in_workspace(workspace)
        .select_related("owner_seat__holder__user", "kpi__department")
        .prefetch_related(
            Prefetch("needed_seats", queryset=_seats(workspace).order_by("position", "id"))
        )
        .order_by("year", "id")
    )


def goals_list(*, workspace: Workspace) -> QuerySet[Goal]:
    """Goals with their milestones (and the milestones' seats) prefetched."""
    return (
        Goal.objects.in_workspace(workspace)
        .prefetch_related(Prefetch("milestones", queryset=milestones_qs(workspace=workspace)))
        .order_by("target_year", "position", "id")
    )


@dataclass
class TimelineYear:
    year: int
    milestones: list[Milestone] = field(default_factory=list)


@dataclass
class VisionPage:
    vision: Vision
    values: list[CoreValue]
    goals: list[Goal]
    this_year: int
    years: list[TimelineYear]

    @property
    def is_empty(self) -> bool:
        return not (self.vision.statement or self.values or self.goals)


def timeline_years(*, this_year: int, horizon_year: int, goals: list[Goal]) -> list[TimelineYear]:
    """One column per year from this year to year 5 (or the horizon, if sooner is shorter)."""
    last = max(this_year + HORIZON_YEARS, min(horizon_year, this_year + 10))
    years = {y: TimelineYear(y) for y in range(this_year, last + 1)}
    for goal in goals:
        for milestone in goal.milestones.all():
            if milestone.year in years:
                years[milestone.year].milestones.append(milestone)
    return list(years.values())


def vision_page(*, workspace: Workspace, today: date | None = None) -> VisionPage:
    """Everything the vision page shows, in six queries whatever the data (the sixth: the
    months of the milestones' KPIs, for their progress)."""
    vision = vision_get(workspace=workspace)
    values = list(values_list(workspace=workspace))
    goals = list(goals_list(workspace=workspace))
    this_year = current_year(workspace)
    attach_kpi_progress([m for g in goals for m in g.milestones.all()], workspace=workspace,
                        today=today or current_date(workspace))  # fmt: skip
    return VisionPage(
        vision=vision,
        values=values,
        goals=goals,
        this_year=this_year,
        years=timeline_years(this_year=this_year, horizon_year=vision.horizon_year, goals=goals),
    )


# --- Seats for pickers -----------------------------------------------------------------------

SEAT_STATUS_ORDER = [SeatStatus.FILLED, SeatStatus.OPEN, SeatStatus.PLANNED]


def seats_for_picker(*, workspace: Workspace) -> QuerySet[Seat]:
    """Every seat of the workspace (today's and planned), for owner and needed-seat pickers."""
    return _seats(workspace).order_by("status", "position", "title", "id")


def milestones_owned_by_seat(*, seat: Seat) -> QuerySet[Milestone]:
    """Milestones whose owner is `seat` (for the seat page's "what this seat owns")."""
    return (
        # Filtering on the id spares loading the seat's workspace just to scope the query.
        Milestone.objects.filter(workspace_id=seat.workspace_id, owner_seat=seat)
        .select_related("goal", "workspace")
        .order_by("year", "id")
    )
