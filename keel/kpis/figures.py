"""Pure KPI arithmetic (no database): months, a month's figure from many values, the status
colour against a target, the pace of the current month, and how a figure reads.

The status rule (docs/kpis.md): on or past the target is green; short of it by at most the
KPI's amber margin (a percentage of the target) is amber; further is red. "Past" follows
the KPI's direction: for "lower is better" (refund rate, ACoS) the target is a ceiling.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import get_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from keel.ui.money import format_money

GREEN, AMBER, RED = "green", "amber", "red"


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    """The first day of the month `n` months after `month` (negative: before)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from `first` to `last`, both included (first days)."""
    out, month = [], month_start(first)
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


# --- weeks (weekly KPIs: docs/kpis.md, "Weekly KPIs") ------------------------------------
# A week starts on the workspace's first weekday (Workspace.first_weekday: Monday=0,
# Sunday=6) and belongs to the month in which it starts. "2026-W05" names ISO week 5; in a
# workspace whose weeks start on Sunday it is the week from the Sunday before that ISO
# week's Monday.

WEEK_TEXT = re.compile(r"^(\d{4})-W(\d{2})$")


def week_start(day: date, first_weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def _iso_shift(first_weekday: int) -> timedelta:
    """From a week's first day to the Monday whose ISO week names it (Sunday → +1 day)."""
    return timedelta(days=(7 - first_weekday) % 7)


def week_label(start: date, first_weekday: int) -> str:
    """ "2026-W05": the ISO week of the week starting on `start`."""
    year, week, _day = (start + _iso_shift(first_weekday)).isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str | None, first_weekday: int) -> date | None:
    """ "2026-W05" → the first day of that week in the workspace's week; None otherwise."""
    match = WEEK_TEXT.match(text or "")
    if match is None:
        return None
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None
    start = monday - _iso_shift(first_weekday)
    return start if 2000 <= start.year <= 2200 else None


def weeks_of_month(month: date, first_weekday: int) -> list[date]:
    """The first days of the weeks that start in `month`."""
    first = week_start(month, first_weekday)
    if first < month:
        first += timedelta(days=7)
    out, end = [], add_months(month, 1)
    while first < end:
        out.append(first)
        first += timedelta(days=7)
    return out


Pair = tuple[Decimal | None, Decimal | None]  # (target, value)


def on_week_starts(weeks: Mapping[date, Any], first_weekday: int) -> dict[date, Any]:
    """Only the rows on the workspace's week starts: after the workspace changes its first
    day of the week, the weeks kept under the old one are left out of every sum (they would
    count twice beside the new ones the KPI gets) — they stay in the table, untouched."""
    return {day: row for day, row in weeks.items() if day.weekday() == first_weekday}


def roll_up(weeks: Mapping[date, Pair], how: str) -> dict[date, Pair]:
    """Weeks' (target, value) into their months' (a week is its starting month's), each made
    by the KPI's month's figure: the sum, average or last of the weeks that have one."""
    grouped: dict[date, list[tuple[date, Pair]]] = {}
    for week, pair in sorted(weeks.items()):
        grouped.setdefault(month_start(week), []).append((week, pair))
    return {
        month: (aggregate([t for _w, (t, _v) in items if t is not None], how),
                aggregate([v for _w, (_t, v) in items if v is not None], how))
        for month, items in grouped.items()
    }  # fmt: skip


def weeks_pace(
    value: Decimal | None, *, how: str, weeks: list[date], today: date
) -> Decimal | None:
    """Where a weekly KPI's current month is heading: a sum grows with the days of its weeks
    (value so far × the weeks' days ÷ days gone); an average or a last value is the figure."""
    if value is None or not weeks:
        return None
    end = weeks[-1] + timedelta(days=7)
    if not weeks[0] <= today < end:
        return None
    if how != "sum":
        return value
    projected = value * (end - weeks[0]).days / ((today - weeks[0]).days + 1)
    step = Decimal(1) if abs(projected) >= 100 else Decimal("0.01")
    return projected.quantize(step, rounding=ROUND_HALF_UP)


def aggregate(values: Sequence[Decimal], how: str) -> Decimal | None:
    """A month's figure from its values in date order: their sum, average or the last one."""
    if not values:
        return None
    if how == "sum":
        return sum(values, Decimal(0))
    if how == "average":
        return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.0001"))
    return values[-1]


def status(
    value: Decimal | None, target: Decimal | None, *, direction: str, margin: int
) -> str | None:
    """green / amber / red, or None while the value or the target is missing."""
    if value is None or target is None:
        return None
    band = abs(target) * Decimal(margin) / 100
    if direction == "lower":
        if value <= target:
            return GREEN
        return AMBER if value <= target + band else RED
    if value >= target:
        return GREEN
    return AMBER if value >= target - band else RED


def pace(value: Decimal | None, *, how: str, month: date, today: date) -> Decimal | None:
    """Where the current month is heading: a sum grows with the days (value so far × days in
    the month ÷ days gone); an average or a last value already is the month's figure."""
    if value is None or month_start(today) != month:
        return None
    if how != "sum":
        return value
    days = calendar.monthrange(month.year, month.month)[1]
    projected = value * days / today.day
    # a projection is an estimate: whole units once it is large ("heading for ¥172,891")
    step = Decimal(1) if abs(projected) >= 100 else Decimal("0.01")
    return projected.quantize(step, rounding=ROUND_HALF_UP)


@functools.cache
def _separators(language: str | None) -> tuple[str, str]:
    """The language's thousands and decimal separators (asked once per language: Django's
    get_format looks up the language and its format modules on every call)."""
    return (str(get_format("THOUSAND_SEPARATOR", language)),
            str(get_format("DECIMAL_SEPARATOR", language)))  # fmt: skip


def _number(value: Decimal, decimals: int) -> str:
    """Grouped by thousands with the reader's separators (number_format(force_grouping), in
    a fifth of the time: a scorecard formats a thousand figures)."""
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        decimals = 0
    text = f"{rounded:,.{decimals}f}"
    thousands, point = _separators(get_language())
    if (thousands, point) != (",", "."):
        text = text.replace(",", "\0").replace(".", point).replace("\0", thousands)
    return text


def display(value: Decimal | None, *, unit: str, currency: str = "") -> str:
    """A figure as the reader's language writes it: "¥120,000", "93.5%", "1,204", "3.5 h"."""
    if value is None:
        return "–"
    if unit == "money":
        return format_money(value, currency or "USD")
    if unit == "percent":
        return f"{_number(value, 1)}%"
    if unit == "duration":
        return _("%(hours)s h") % {"hours": _number(value, 1)}
    return _number(value, 0 if abs(value) >= 100 else 2)  # 1,845 orders; a mood of 3.45


def progress_share(value: Decimal | None, target: Decimal | None) -> int | None:
    """Value as a whole percentage of the target (for "83% of target"), None if unknown."""
    if value is None or target is None or target == 0:
        return None
    return int((value / target * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def plain(value: Decimal | None) -> str:
    """A stored figure for an input box: "120000", "12.5" (no trailing zeros, no grouping)."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
