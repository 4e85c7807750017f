"""Pure KPI arithmetic (no database): months, a month's figure from many values, the status
colour against a target, the pace of the current month, and how a figure reads.

The status rule (docs/kpis.md): on or past the target is green; short of it by at most the
KPI's amber margin (a percentage of the target) is amber; further is red. "Past" follows
the KPI's direction: for "lower is better" (refund rate, ACoS) the target is a ceiling.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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
