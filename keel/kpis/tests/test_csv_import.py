"""Reading "date,value" files: months summed, averaged or last, bad rows named by their line
in the file and left out, unreadable files refused whole (keel/kpis/csv_import.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from keel.kpis.csv_import import decode, read_csv

DAILY = """date,value
2026-03-01,"1,200.50"
2026-03-02,¥800
2026-04-01,500
2026-04-02,(100)
"""


def test_daily_rows_become_months_by_the_kpis_rule():
    summed = read_csv(DAILY, aggregation="sum")
    assert summed.months == {date(2026, 3, 1): D("2000.50"), date(2026, 4, 1): D(400)}
    assert summed.rows == 4 and not summed.errors and summed.usable
    assert read_csv(DAILY, aggregation="average").months[date(2026, 3, 1)] == D("1000.2500")
    assert read_csv(DAILY, aggregation="last").months[date(2026, 4, 1)] == D(-100)


def test_bad_rows_are_named_by_line_and_the_good_ones_kept():
    text = "日期,数值\n2026-03-01,10\n2026-13-01,5\nyesterday,5\n2026-03-02,lots\n2026-03-01,7\n"
    preview = read_csv(text, aggregation="sum")
    assert preview.months == {date(2026, 3, 1): D(10)}
    lines = [line for line, _message in preview.errors]
    assert lines == [3, 4, 5, 6]  # the header is line 1
    assert "2026-03-01 is already on line 2" in preview.errors[-1][1]


def test_months_and_slashes_and_a_headerless_pair_are_read():
    preview = read_csv("2026/03,5\n2026-04,7\n", aggregation="sum")
    # no header: the first row is data only when it is not a date… here it is, so refused
    assert preview.problem
    preview = read_csv("month,amount\n2026/03,5\n2026-04,7\n", aggregation="sum")
    assert preview.months == {date(2026, 3, 1): D(5), date(2026, 4, 1): D(7)}


def test_unusable_files_are_refused_whole():
    assert read_csv("", aggregation="sum").problem
    assert read_csv("when,howmuch,extra\n2026-03-01,5,x\n", aggregation="sum").problem
    assert read_csv("date,value\n\n", aggregation="sum").problem
    too_big = "date,value\n" + "2026-03-01,1\n" * 200_000
    assert "2 MB" in read_csv(too_big, aggregation="sum").problem


def test_excel_files_in_chinese_encodings_decode():
    text = "日期,金额\n2026-03-01,5\n"
    assert decode(text.encode("gb18030")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode()) == text
    assert read_csv(decode(text.encode("gb18030")) or "", aggregation="sum").months


def test_dates_outside_the_years_keel_keeps_are_bad_rows_not_a_crash():
    from keel.kpis.csv_import import parse_date

    assert parse_date("0001-01-01") is None and parse_date("9999-12-31") is None
    assert parse_date("2026-03-04") is not None
