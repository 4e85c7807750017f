"""API shapes for the vision, goals and milestones.

Types and lengths are checked here; the year rules (not in the past, within the goal's target
year) and seat ownership need the database and come back from the services as 422 problems.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Field, Schema

from keel.core.api_support import Id, InputSchema
from keel.goals.models import MilestoneStatus
from keel.kpis import figures
from keel.org.models import SeatStatus

# --- Out ------------------------------------------------------------------------------------


class CoreValueOut(Schema):
    id: int
    title: str
    description: str
    position: int


class VisionOut(Schema):
    statement: str
    horizon_year: int
    values: list[CoreValueOut]


class SeatRefOut(Schema):
    id: int
    title: str
    status: SeatStatus
    planned_for: date | None = Field(None, description="First day of the target quarter.")


class KpiProgressOut(Schema):
    """The milestone's KPI over the milestone's year (read-only; computed from its months)."""

    year: int
    value: str | None = Field(description="The year's figure so far, a decimal string.")
    target: str | None = Field(description="The whole year's target, a decimal string.")
    status: str | None = Field(
        description="green (on target), amber (close), red (missed); null without a value "
        "or a target. The current year is judged by the pace so far."
    )
    share: int | None = Field(description="The value as a whole percentage of the target.")
    by_pace: bool


class MilestoneOut(Schema):
    id: int
    goal_id: int
    year: int
    title: str
    status: MilestoneStatus
    owner_seat: SeatRefOut | None
    needed_seats: list[SeatRefOut]
    kpi_id: int | None = Field(None, description="The KPI that measures the milestone.")
    kpi_progress: KpiProgressOut | None = None

    @staticmethod
    def resolve_needed_seats(obj: object) -> list[object]:
        return list(obj.needed_seats.all())  # type: ignore[attr-defined]

    @staticmethod
    def resolve_kpi_progress(obj: object) -> dict[str, object] | None:
        progress = getattr(obj, "kpi_progress", None)
        if progress is None:
            return None
        return {
            "year": progress.year, "value": plain_or_none(progress.value),
            "target": plain_or_none(progress.target), "status": progress.status,
            "share": progress.share, "by_pace": progress.by_pace,
        }  # fmt: skip


def plain_or_none(value: Decimal | None) -> str | None:
    return None if value is None else figures.plain(value)


class GoalOut(Schema):
    id: int
    title: str
    description: str
    target_year: int
    position: int


class GoalDetailOut(GoalOut):
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_milestones(obj: object) -> list[object]:
        return list(obj.milestones.all())  # type: ignore[attr-defined]


# --- In -------------------------------------------------------------------------------------


class VisionIn(InputSchema):
    statement: str = Field("", max_length=1000)
    horizon_year: int = Field(..., ge=2000, le=2200)


class GoalIn(InputSchema):
    title: str = Field(..., min_length=1, max_length=200)
    target_year: int = Field(..., ge=2000, le=2200)
    description: str = Field("", max_length=5000)


class GoalPatchIn(InputSchema):
    title: str | None = Field(None, min_length=1, max_length=200)
    target_year: int | None = Field(None, ge=2000, le=2200)
    description: str | None = Field(None, max_length=5000)


class MilestoneIn(InputSchema):
    year: int = Field(..., ge=2000, le=2200)
    title: str = Field(..., min_length=1, max_length=200)
    status: MilestoneStatus = MilestoneStatus.NOT_STARTED
    owner_seat_id: Id | None = Field(None, description="A seat of this workspace.")
    needed_seat_ids: list[Id] = Field(
        default_factory=list, max_length=200, description="Seats of this workspace."
    )
    kpi_id: Id | None = Field(None, description="An active KPI of this workspace.")


class MilestonePatchIn(InputSchema):
    year: int | None = Field(None, ge=2000, le=2200)
    title: str | None = Field(None, min_length=1, max_length=200)
    status: MilestoneStatus | None = None
    owner_seat_id: Id | None = Field(
        None, description="A seat of this workspace; send null to clear the owner."
    )
    needed_seat_ids: list[Id] | None = Field(None, max_length=200)
    kpi_id: Id | None = Field(
        None, description="An active KPI of this workspace; send null to unlink the KPI."
    )
