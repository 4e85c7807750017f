"""The headcount plan: per department and point in time, filled / open / planned seats and cost.

Columns (decided to keep the table readable on a laptop): **now**, then the end of each of the
next four quarters (year 1, quarter by quarter), then the end of the same quarter in each of
years 2–5 (one column a year). Nine columns cover the five-year vision.

At a column's date a seat counts as: *filled* or *open* by its present status (we plan, we
don't forecast leaving), *planned* once its target quarter has started by that date (a planned
seat not yet due is not counted). Monthly cost is the sum of `cost_per_month` of every counted
seat — not scaled by FTE: the cost field already is what the seat costs a month — kept per
currency, never converted. A department counts its own seats, not its sub-departments'.

Two queries whatever the size: the seats (as plain values) and the departments.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from keel.core.models import Workspace
from keel.org.models import (
    CURRENCIES,
    Department,
    Seat,
    SeatStatus,
    add_quarters,
    quarter_end,
    quarter_label,
    workspace_today,
)
from keel.org.selectors import departments_tree

QUARTERLY_COLUMNS = 4  # year 1, one column a quarter
YEARLY_COLUMNS = (8, 12, 16, 20)  # quarters from now: the end of years 2, 3, 4 and 5


@dataclass(frozen=True)
class Period:
    label: Any
    date: datetime.date  # seats are counted as of the end of this day
    is_now: bool = False


@dataclass
class Cell:
    filled: int = 0
    open: int = 0
    planned: int = 0
    costs: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.filled + self.open + self.planned

    @property
    def cost_list(self) -> list[tuple[str, Decimal]]:
        """(currency, amount) in the order of CURRENCIES, for the template."""
        return sorted(self.costs.items(), key=lambda c: CURRENCIES.index(c[0]))

    def add(self, status: str, cost: Decimal | None, currency: str) -> None:
        if status == SeatStatus.FILLED:
            self.filled += 1
        elif status == SeatStatus.OPEN:
            self.open += 1
        else:
            self.planned += 1
        if cost is not None:
            self.costs[currency] = self.costs.get(currency, Decimal("0")) + cost


@dataclass
class Row:
    department: Department | None  # None: seats without a department, or the total row
    depth: int
    cells: list[Cell]
    is_total: bool = False

    @property
    def indent(self) -> str:
        return "— " * self.depth


@dataclass
class HeadcountPlan:
    periods: list[Period]
    rows: list[Row]  # departments in tree order, then "no department" (if any)
    total: Row


def headcount_periods(today: datetime.date) -> list[Period]:
    periods = [Period(_("Now"), today, is_now=True)]
    for quarters in (*range(1, QUARTERLY_COLUMNS + 1), *YEARLY_COLUMNS):
        start = add_quarters(today, quarters)
        periods.append(Period(quarter_label(start), quarter_end(start)))
    return periods


def _counts_at(status: str, planned_for: datetime.date | None, day: datetime.date) -> bool:
    if status == SeatStatus.PLANNED:
        return planned_for is not None and planned_for <= day
    return True


def headcount_plan(*, workspace: Workspace, today: datetime.date | None = None) -> HeadcountPlan:
    today = today or workspace_today(workspace)
    periods = headcount_periods(today)
    seats = Seat.objects.in_workspace(workspace).values_list(
        "department_id", "status", "planned_for", "cost_per_month", "cost_currency"
    )
    cells: dict[int | None, list[Cell]] = defaultdict(lambda: [Cell() for _ in periods])
    total = [Cell() for _ in periods]
    for department_id, status, planned_for, cost, currency in seats:
        row = cells[department_id]
        for i, period in enumerate(periods):
            if _counts_at(status, planned_for, period.date):
                row[i].add(status, cost, currency)
                total[i].add(status, cost, currency)
    rows = [
        Row(r.department, r.depth, cells.get(r.department.pk) or [Cell() for _ in periods])
        for r in departments_tree(workspace=workspace)
    ]
    if None in cells:
        rows.append(Row(None, 0, cells[None]))
    return HeadcountPlan(periods=periods, rows=rows, total=Row(None, 0, total, is_total=True))
