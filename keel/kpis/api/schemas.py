"""API shapes for KPIs and their months.

Types, lengths and choices are checked here; ownership within the workspace, the months a
value may have and who may enter values come back from the services as 422 or 403 problems.
Figures travel as decimal strings ("120000.5") so no client rounds money through a float.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

from keel.core.api_support import Id, InputSchema
from keel.kpis.models import Aggregation, Direction, Metric, Period, Unit, ValueSource
from keel.kpis.services.kpis import DESCRIPTION_MAX, NAME_MAX
from keel.kpis.services.months import COMMENT_MAX

Figure = Annotated[Decimal, Field(max_digits=18, decimal_places=4, allow_inf_nan=False)]
MonthText = Annotated[str, StringConstraints(pattern=r"^(2[01][0-9][0-9]|2200)-(0[1-9]|1[0-2])$")]
# an ISO week, "2026-W05"; in a workspace whose weeks start on Sunday, the week from the
# Sunday before that ISO week's Monday (figures.parse_week)
WEEK_PATTERN = r"^(2[01][0-9][0-9]|2200)-W(0[1-9]|[1-4][0-9]|5[0-3])$"
WeekText = Annotated[str, StringConstraints(pattern=WEEK_PATTERN)]


class KpiOut(Schema):
    id: int
    name: str
    description: str
    unit: Unit
    currency: str
    direction: Direction
    aggregation: Aggregation
    period: Period = Field(
        description='monthly, or weekly: figures per week, pushed with "week" instead of "month".'
    )
    metric: str = Field(description="Empty: entered, imported or pushed; else computed by Keel.")
    team_id: int | None = Field(None, alias="department_id")
    owner_seat_id: int | None
    owner_group_id: int | None
    owner_member_id: int | None
    amber_margin: int
    archived: bool

    @staticmethod
    def resolve_archived(obj: object) -> bool:
        return getattr(obj, "archived_at", None) is not None


class KpiIn(InputSchema):
    name: str = Field(max_length=NAME_MAX)
    description: str = Field("", max_length=DESCRIPTION_MAX)
    unit: Unit = Unit.COUNT
    currency: str = Field("", max_length=3)
    direction: Direction = Direction.HIGHER
    aggregation: Aggregation = Aggregation.SUM
    period: Period = Period.MONTHLY
    metric: Metric = Metric.MANUAL
    team_id: Id | None = None
    owner_seat_id: Id | None = None
    owner_group_id: Id | None = None
    owner_member_id: Id | None = None
    amber_margin: int = Field(10, ge=0, le=100)


class KpiPatchIn(InputSchema):
    name: str | None = Field(None, max_length=NAME_MAX)
    description: str | None = Field(None, max_length=DESCRIPTION_MAX)
    unit: Unit | None = None
    currency: str | None = Field(None, max_length=3)
    direction: Direction | None = None
    aggregation: Aggregation | None = None
    period: Period | None = Field(None, description="Refused once the KPI has figures.")
    metric: Metric | None = None
    team_id: Id | None = None
    owner_seat_id: Id | None = None
    owner_group_id: Id | None = None
    owner_member_id: Id | None = None
    amber_margin: int | None = Field(None, ge=0, le=100)


class MonthOut(Schema):
    month: str | None = Field(None, description="YYYY-MM (a monthly KPI)")
    week: str | None = Field(None, description="YYYY-Www (a weekly KPI)")
    target: Decimal | None
    value: Decimal | None
    comment: str
    source: ValueSource | None = None
    status: str | None = Field(None, description="green, amber or red; null while unknown.")


class MonthIn(InputSchema):
    """A month's (or a weekly KPI's week's) cells: those left out keep their value; null
    empties one. A monthly KPI takes `month`, a weekly one `week`."""

    month: MonthText | None = None
    week: WeekText | None = None
    target: Figure | None = None
    value: Figure | None = None
    comment: str | None = Field(None, max_length=COMMENT_MAX)


class MonthsIn(InputSchema):
    months: list[MonthIn] = Field(min_length=1, max_length=240)


class MonthsSavedOut(Schema):
    changed: int


def month_text(day: date) -> str:
    return day.strftime("%Y-%m")
