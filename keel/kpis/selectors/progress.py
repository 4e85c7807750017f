"""A KPI over one year, for the vision's milestones: the year's figure against the year's
target, both made from the KPI's months the way its month's figure is made.

Sum KPIs add their months (value and target); average KPIs average them; last-value KPIs take
the latest month's. A past year is judged whole. The current year is judged by pace — a
summed KPI's value so far against the targets of the months gone (this month's share by its
days gone), an average or last value against the target of the same months — so January's
sales are not "missed" against a whole year's target. A later year has no value yet.
A weekly KPI's weeks are first made into months (figures.roll_up: a week is its starting
month's), then judged as a monthly KPI's months.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from keel.core.models import Workspace
from keel.kpis import figures
from keel.kpis.models import Kpi, KpiMonth

_Months = dict[date, tuple[Decimal | None, Decimal | None]]  # month → (target, value)


@dataclass(frozen=True)
class YearProgress:
    kpi: Kpi
    year: int
    value: Decimal | None  # the year's figure so far
    target: Decimal | None  # the whole year's target
    status: str | None  # green / amber / red (None: no value or no target yet)
    share: int | None  # the value as a whole percentage of the year's target
    by_pace: bool  # the current year: judged against the target of the months gone
    value_text: str
    target_text: str


def _average(numbers: list[Decimal]) -> Decimal | None:
    if not numbers:
        return None
    return (sum(numbers, Decimal(0)) / len(numbers)).quantize(Decimal("0.0001"))


def _target_so_far(months: _Months, today: date) -> Decimal | None:
    """A summed KPI's target up to today: the months gone whole, this month by its days."""
    this_month = figures.month_start(today)
    total, found = Decimal(0), False
    for month, (target, _value) in months.items():
        if target is None or month > this_month:
            continue
        found = True
        if month < this_month:
            total += target
        else:
            days = calendar.monthrange(month.year, month.month)[1]
            total += target * today.day / days
    return total if found else None


def year_figures(kpi: Kpi, months: _Months, *, year: int, today: date) -> YearProgress:
    """The year's figures from its months' (target, value) pairs (pure: no query)."""
    rows = sorted((m, tv) for m, tv in months.items() if m.year == year)
    valued = [(m, v) for m, (_t, v) in rows if v is not None]
    targets = [t for _m, (t, _v) in rows if t is not None]
    value: Decimal | None
    target: Decimal | None
    if kpi.aggregation == "sum":
        value = sum((v for _m, v in valued), Decimal(0)) if valued else None
        target = sum(targets, Decimal(0)) if targets else None
    elif kpi.aggregation == "average":
        value = _average([v for _m, v in valued])
        target = _average(targets)
    else:
        value = valued[-1][1] if valued else None
        target = targets[-1] if targets else None
    judged_target = target
    by_pace = year == today.year and value is not None
    if by_pace:
        if kpi.aggregation == "sum":
            judged_target = _target_so_far(dict(rows), today)
        elif kpi.aggregation == "average":
            judged_target = _average([t for m, (t, v) in rows if v is not None and t is not None])
        else:
            judged_target = months.get(valued[-1][0], (None, None))[0]
    state = figures.status(value, judged_target, direction=kpi.direction,
                           margin=kpi.amber_margin)  # fmt: skip
    return YearProgress(
        kpi=kpi, year=year, value=value, target=target, status=state,
        share=figures.progress_share(value, target), by_pace=by_pace,
        value_text=figures.display(value, unit=kpi.unit, currency=kpi.currency),
        target_text=figures.display(target, unit=kpi.unit, currency=kpi.currency),
    )  # fmt: skip


def year_progress(
    *, workspace: Workspace, wanted: Iterable[tuple[Kpi, int]], today: date
) -> dict[tuple[int, int], YearProgress]:
    """(KPI id, year) → its progress, for every (KPI, year) in `wanted`: one query however
    many milestones ask."""
    pairs = {(kpi.pk, year): kpi for kpi, year in wanted}
    if not pairs:
        return {}
    years = {year for _pk, year in pairs}
    found = (
        KpiMonth.objects.in_workspace(workspace)
        .filter(kpi_id__in={pk for pk, _y in pairs}, month__gte=date(min(years), 1, 1),
                month__lte=date(max(years), 12, 31))
        .values_list("kpi_id", "month", "target", "value")
    )  # fmt: skip
    months: dict[int, _Months] = {}
    for kpi_id, month, target, value in found:
        months.setdefault(kpi_id, {})[month] = (target, value)
    for pk, kpi in {pk: kpi for (pk, _year), kpi in pairs.items()}.items():
        if kpi.is_weekly and pk in months:  # weeks into their months, then as any KPI
            weeks = figures.on_week_starts(months[pk], workspace.first_weekday)
            months[pk] = figures.roll_up(weeks, kpi.aggregation)
    return {
        (pk, year): year_figures(kpi, months.get(pk, {}), year=year, today=today)
        for (pk, year), kpi in pairs.items()
    }
