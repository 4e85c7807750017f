"""A KPI's trend chart (SVG, keel.ui.charts): its values, its targets and, in the current
month of a summed KPI, where the month is heading (the pace). Large figures are drawn in
thousands so the axis stays readable; the table beside the chart keeps the exact figures."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from keel.kpis import figures
from keel.kpis.selectors import Cell, KpiHistory
from keel.ui.charts import Series, line_chart

THOUSANDS_FROM = 10_000


def _label(month: Any) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT") if month.month == 1 else f"{month:%m}"


def _week_label(week: Any, first_weekday: int) -> str:
    """ "W05": the ISO week number (the table beside the chart gives the dates)."""
    return figures.week_label(week, first_weekday).split("-", 1)[1]


def _nice(step: float) -> float:
    """The round number at or above `step`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten."""
    power = 10 ** math.floor(math.log10(step))
    return next(m * power for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= step)


def axis(smallest: float, largest: float) -> tuple[float, float]:
    """The y axis from 0 (or below, for negative figures) to a round top, in four round
    steps: 0, 25, 50, 75, 100 rather than 0, 29.8, 59.7, 89.5, 119.4."""
    low = min(0.0, smallest)
    span = max(largest, low + 1e-9) - low
    step = _nice(span * 1.05 / 4) if span > 0 else 1.0
    if low < 0:
        low = -math.ceil(-low / step) * step
    return low, low + 4 * step


def _numbers(history: KpiHistory) -> list[float]:
    cells = history.cells
    numbers = [float(c.value) for c in cells if c.value is not None]  # type: ignore[arg-type]
    numbers += [float(c.target) for c in cells if c.target is not None]  # type: ignore[arg-type]
    if history.pace is not None:
        numbers.append(float(history.pace))  # type: ignore[arg-type]
    return numbers


def in_thousands(history: KpiHistory) -> bool:
    """Whether the chart draws this KPI in thousands (the page says so under it)."""
    return max((abs(n) for n in _numbers(history)), default=0.0) >= THOUSANDS_FROM


@dataclass(frozen=True)
class TrendData:
    """What a trend chart draws, oldest month first, in chart units (thousands when `scale`
    is 1000): the SVG here and the email's PNG (chart_png.py) both draw from it."""

    cells: list[Cell]
    values: list[float | None]  # None: no value, or a current month drawn as its pace
    targets: list[float | None]
    pace: list[float | None] | None  # last full month's value → the projection, else None
    low: float
    high: float
    scale: float


def trend_data(history: KpiHistory) -> TrendData:
    cells = history.cells
    scale = 1000.0 if in_thousands(history) else 1.0

    def point(value: object) -> float | None:
        return None if value is None else float(Decimal(str(value))) / scale

    values = [point(c.value) for c in cells]
    projecting = history.pace is not None and history.pace != cells[-1].value
    pace: list[float | None] | None = None
    if projecting:
        # a summed month half gone is not a fall: its line is the pace, not the value so far
        values[-1] = None
        # the pace: from the last full month's value to the projected end of this month
        pace = [None] * len(cells)
        if len(cells) > 1 and cells[-2].value is not None:
            pace[-2] = point(cells[-2].value)
        pace[-1] = point(history.pace)
    numbers = _numbers(history)
    low, high = axis(
        min((n / scale for n in numbers), default=0.0),
        max((n / scale for n in numbers), default=1.0),
    )
    return TrendData(cells=cells, values=values, targets=[point(c.target) for c in cells],
                     pace=pace, low=low, high=high, scale=scale)  # fmt: skip


def trend_chart(history: KpiHistory, *, width: int = 720, height: int = 240) -> SafeString:
    data = trend_data(history)
    cells = data.cells
    weekly = history.first_weekday is not None
    if weekly:
        labels = [_week_label(c.month, history.first_weekday) for c in cells]  # type: ignore[arg-type]
    else:
        labels = [_label(c.month) for c in cells]
    values = Series(pgettext("kpi", "Value"), list(zip(labels, data.values, strict=True)))
    targets = Series(pgettext("kpi", "Target"), list(zip(labels, data.targets, strict=True)),
                     tone="grey")  # fmt: skip
    series = [values, targets]
    if data.pace is not None:
        pace_name = _("Pace this week") if weekly else _("Pace this month")
        series.append(Series(pace_name, list(zip(labels, data.pace, strict=True)),
                             tone="amber"))  # fmt: skip
    name = history.kpi.name
    unit_note = _(" (in thousands)") if data.scale > 1 else ""
    known = sum(1 for c in cells if c.value is not None)
    if weekly:
        desc = _(
            "%(name)s per week over %(weeks)d weeks%(unit)s: %(known)d weeks have a value. "
            "The grey line is the target. The table after the chart lists the same figures."
        ) % {"name": name, "weeks": len(cells), "unit": unit_note, "known": known}
    else:
        desc = _(
            "%(name)s per month over %(months)d months%(unit)s: %(known)d months have a value. "
            "The grey line is the target. The table after the chart lists the same figures."
        ) % {"name": name, "months": len(cells), "unit": unit_note, "known": known}
    return line_chart(series, y_min=data.low, y_max=data.high, width=width, height=height,
                      title=_("Trend of %(name)s") % {"name": name} + unit_note, desc=desc,
                      svg_id=f"kpi-trend-{history.kpi.pk}")  # fmt: skip
