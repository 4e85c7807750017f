"""The pure KPI arithmetic: months, a month's figure, status against a target, pace, and
how figures read (keel/kpis/figures.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import translation

from keel.kpis import figures


def test_months_add_across_years():
    assert figures.add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert figures.add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    assert figures.months_between(date(2025, 11, 20), date(2026, 2, 1)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1),
    ]  # fmt: skip


def test_aggregate_sum_average_last():
    values = [D(10), D(20), D(33)]
    assert figures.aggregate(values, "sum") == D(63)
    assert figures.aggregate(values, "average") == D("21.0000")
    assert figures.aggregate(values, "last") == D(33)
    assert figures.aggregate([], "sum") is None


@pytest.mark.parametrize(
    ("value", "target", "direction", "expected"),
    [
        (D(100), D(100), "higher", "green"),  # on the target is green
        (D(91), D(100), "higher", "amber"),  # within 10% short
        (D(90), D(100), "higher", "amber"),  # the edge of the band is still amber
        (D("89.9"), D(100), "higher", "red"),
        (D(20), D(21), "lower", "green"),  # a ceiling: under it is green
        (D("23.1"), D(21), "lower", "amber"),  # 10% over
        (D("23.2"), D(21), "lower", "red"),
        (D(1), D(0), "lower", "red"),  # a zero ceiling has no amber band
        (None, D(10), "higher", None),
        (D(10), None, "higher", None),
    ],
)
def test_status_follows_direction_and_margin(value, target, direction, expected):
    assert figures.status(value, target, direction=direction, margin=10) == expected


def test_pace_projects_only_a_summed_current_month():
    month, today = date(2026, 4, 1), date(2026, 4, 10)  # 10 of 30 days gone
    assert figures.pace(D(1000), how="sum", month=month, today=today) == D(3000)
    assert figures.pace(D("1.1"), how="sum", month=month, today=today) == D("3.30")
    assert figures.pace(D(42), how="average", month=month, today=today) == D(42)
    assert figures.pace(D(1000), how="sum", month=date(2026, 3, 1), today=today) is None
    assert figures.pace(None, how="sum", month=month, today=today) is None


@pytest.mark.parametrize(
    ("value", "unit", "english", "chinese"),
    [
        (D("120000"), "money", "CN¥120,000", "¥120,000"),
        (D("93.456"), "percent", "93.5%", "93.5%"),
        (D("1845.4"), "count", "1,845", "1,845"),
        (D("3.456"), "count", "3.46", "3.46"),
        (D("7.25"), "duration", "7.3 h", "7.3 小时"),
        (None, "count", "–", "–"),
    ],
)
def test_display_in_the_readers_language(value, unit, english, chinese):
    with translation.override("en"):
        assert figures.display(value, unit=unit, currency="CNY") == english
    with translation.override("zh-hans"):
        assert figures.display(value, unit=unit, currency="CNY") == chinese


def test_plain_is_what_an_input_box_shows():
    assert figures.plain(D("120000.0000")) == "120000"
    assert figures.plain(D("12.5000")) == "12.5"
    assert figures.plain(None) == ""
    assert figures.progress_share(D(45), D(60)) == 75
    assert figures.progress_share(D(45), D(0)) is None
