"""Reading shop exports (keel/kpis/shop_formats/): Shopify's orders export and Amazon's
Business Report by date, from real-format sample files (tests/samples/). Months are summed
in the workspace's time zone; a month with a bad row is refused whole and named; a row whose
month can't be told refuses the file; no input makes the reader raise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keel.kpis.shop_formats import AMAZON, AUTO, SHOPIFY, ShopPreview, detect, read_shop_file
from keel.kpis.shop_formats.common import parse_money, parse_number

SAMPLES = Path(__file__).parent / "samples"
SHANGHAI, NEW_YORK = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")
TODAY = date(2026, 12, 7)
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


def read(name: str, fmt: str = AUTO, *, tz: ZoneInfo = SHANGHAI, today: date = TODAY,
         currency: str = "") -> ShopPreview:  # fmt: skip
    data = (SAMPLES / name).read_bytes()
    return read_shop_file(data, format=fmt, tz=tz, today=today, currency=currency)


def lines(preview: ShopPreview) -> list[int]:
    return [line for line, _message in preview.errors]


# --- Shopify -------------------------------------------------------------------------------


def test_shopify_export_gives_revenue_orders_and_average_per_month():
    preview = read("shopify_orders.csv")
    assert (preview.format, preview.currency, preview.problem) == (SHOPIFY, "USD", "")
    assert not preview.errors and preview.rows == 33  # line items, in 23 orders
    assert preview.figures["revenue"] == {JAN: D("753.50"), FEB: D("1003.80"), MAR: D("631.46")}
    # multi-line orders count once; #1012 (cancelled, refunded) not at all
    assert preview.figures["orders"] == {JAN: 7, FEB: 8, MAR: 7}
    assert preview.figures["aov"] == {JAN: D("107.64"), FEB: D("125.48"), MAR: D("90.21")}


def test_shopify_months_follow_the_workspace_time_zone():
    """#1009 was placed at 19:40 on 31 January in New York: 1 February in Shanghai."""
    preview = read("shopify_orders.csv", tz=NEW_YORK)
    assert preview.figures["orders"] == {JAN: 8, FEB: 7, MAR: 7}
    assert preview.figures["revenue"][JAN] == D("842.55")


def test_refunded_orders_count_as_ordered_and_cancelled_ones_do_not():
    header = ("Name,Financial Status,Currency,Total,Created at,Lineitem quantity,Cancelled at,"
              "Refunded Amount\n")  # fmt: skip
    text = header + (
        "#1,paid,USD,100.00,2026-03-02 10:00:00 +0800,1,,0.00\n"
        "#2,refunded,USD,40.00,2026-03-03 10:00:00 +0800,1,,40.00\n"
        "#3,voided,USD,70.00,2026-03-04 10:00:00 +0800,1,,0.00\n"
        "#4,refunded,USD,55.00,2026-03-05 10:00:00 +0800,1,2026-03-05 12:00:00 +0800,55.00\n"
        "#4,,,,2026-03-05 10:00:00 +0800,2,,\n"
    )  # fmt: skip
    preview = read_shop_file(text.encode(), format=SHOPIFY, tz=SHANGHAI, today=TODAY)
    assert preview.figures["revenue"] == {MAR: D("140.00")}
    assert preview.figures["orders"] == {MAR: 2}
    assert preview.figures["aov"] == {MAR: D("70.00")}


def test_shopify_bad_rows_refuse_their_months_whole():
    preview = read("shopify_bad_rows.csv")
    assert preview.errors == [
        (16, 'Order #1011: "12,3x" is not an amount.'),
        (34, "Order #1023 is in EUR, the rest of the file in USD."),
    ]
    assert preview.refused == {FEB: [16], MAR: [34]}
    assert preview.months == [JAN]  # never a February without #1011
    assert preview.figures["revenue"] == {JAN: D("753.50")}


def test_shopify_unreadable_date_refuses_the_file_and_names_the_line():
    preview = read("shopify_bad_date.csv")
    assert "line 24" in preview.problem and not preview.usable
    assert lines(preview) == [24]  # the order's next line item is not reported again
    assert '"04/03/2026 10:15" is not a date' in preview.errors[0][1]


def test_two_exports_put_together_name_both_lines():
    preview = read("shopify_two_exports.csv")
    assert sorted(lines(preview)) == [2, 35]
    assert "Order #1001 is also on line 2" in dict(preview.errors)[35]
    assert JAN in preview.refused and preview.months == [FEB, MAR]
    # the rest of January repeated with identical figures is not counted twice
    assert preview.figures["orders"] == {FEB: 8, MAR: 7}


def test_created_at_variants_are_read():
    from keel.kpis.shop_formats.shopify import parse_created

    assert parse_created("2026-03-04 10:15:22 +0800", SHANGHAI) == date(2026, 3, 4)
    assert parse_created("2026-03-31T23:30:00-05:00", SHANGHAI) == date(2026, 4, 1)
    assert parse_created("2026-03-31 20:00:00 UTC", SHANGHAI) == date(2026, 4, 1)
    assert parse_created("2026/3/4 10:15", SHANGHAI) == date(2026, 3, 4)  # re-saved by Excel
    assert parse_created("2026-02-30 10:00:00 +0800", SHANGHAI) is None
    assert parse_created("yesterday", SHANGHAI) is None


# --- Amazon --------------------------------------------------------------------------------


def test_amazon_us_report_gives_sales_units_and_sessions_per_month():
    preview = read("amazon_business_report_us.csv")
    assert (preview.format, preview.currency, preview.rows) == (AMAZON, "USD", 90)
    assert preview.figures["sales"] == {
        JAN: D("36077.69"), FEB: D("32728.29"), MAR: D("40736.50")}  # fmt: skip
    assert preview.figures["units"] == {JAN: 1231, FEB: 1171, MAR: 1350}
    assert preview.figures["sessions"] == {JAN: 39090, FEB: 35214, MAR: 38907}
    assert not preview.incomplete and not preview.errors


def test_amazon_europe_reads_euro_amounts_and_day_first_dates():
    preview = read("amazon_business_report_de.csv")
    assert preview.currency == "EUR"
    assert preview.figures["sales"] == {FEB: D("32488.83"), MAR: D("38222.46")}
    assert preview.figures["sessions"] == {FEB: 36151, MAR: 39806}


def test_amazon_in_chinese_and_gb18030_is_read():
    preview = read("amazon_business_report_zh_gb18030.csv")
    assert (preview.format, preview.currency) == (AMAZON, "USD")
    assert preview.figures["sales"] == {JAN: D("36827.46"), FEB: D("34198.86")}
    assert preview.figures["units"] == {JAN: 1254, FEB: 1114}


def test_amazon_duplicate_day_bad_figure_and_other_currency_refuse_their_months():
    preview = read("amazon_business_report_broken.csv")
    messages = dict(preview.errors)
    assert "2026-02-08 is also on line 40" in messages[42]
    assert "2026-02-08 is also on line 42" in messages[40]
    assert messages[72] == '"n/a" in "Units Ordered" is not a number.'
    assert "another currency" in messages[82] and "USD" in messages[82]
    assert preview.refused == {FEB: [40, 42], MAR: [72, 82]}
    assert preview.months == [JAN] and preview.figures["sales"] == {JAN: D("36077.69")}


def test_amazon_unreadable_date_refuses_the_file():
    preview = read("amazon_bad_date.csv")
    assert "line 22" in preview.problem and preview.errors[0][0] == 22
    assert not preview.usable


def test_missing_days_and_months_not_started_are_told():
    text = "Date,Ordered Product Sales,Units Ordered,Sessions - Total\n" + "".join(
        f"2026-03-{d:02d},$10.00,1,5\n" for d in range(1, 24)) + (
        "2026-04-01,$10.00,1,5\n")  # fmt: skip
    preview = read_shop_file(text.encode(), format=AUTO, tz=SHANGHAI, today=date(2026, 3, 25))
    assert preview.future == [date(2026, 4, 1)] and preview.months == [MAR]
    assert preview.incomplete == []  # the current month: up to two days ago is enough
    preview = read_shop_file(text.encode(), format=AUTO, tz=SHANGHAI, today=TODAY)
    assert preview.incomplete == [MAR, date(2026, 4, 1)]


def test_slash_dates_are_ordered_once_for_the_file():
    from keel.kpis.shop_formats.amazon import day_first

    usd = frozenset({"USD"})
    assert day_first(["03/04/2026", "03/15/2026"], currency_hint=None) is False
    assert day_first(["04/03/2026", "15/03/2026"], currency_hint=usd) is True
    assert day_first(["01/02/2026"], currency_hint=usd) is False
    assert day_first(["01/02/2026"], currency_hint=frozenset({"GBP"})) is True


def test_dollar_amounts_take_the_currency_the_person_gives():
    text = "Date,Ordered Product Sales,Units Ordered\n2026-03-01,$12.00,1\n2026-03-02,€5,1\n"
    preview = read_shop_file(text.encode(), format=AMAZON, tz=SHANGHAI, today=TODAY,
                             currency="CAD")  # fmt: skip
    assert preview.currency == "CAD" and lines(preview) == [3]


def test_semicolons_and_utf16_from_excel_are_read():
    text = 'Date;Ordered Product Sales;Units Ordered\n01.03.2026;"1.234,50 €";3\n'
    preview = read_shop_file(text.encode(), format=AUTO, tz=SHANGHAI, today=TODAY)
    assert preview.figures["sales"] == {MAR: D("1234.50")} and preview.currency == "EUR"
    tabbed = text.replace(";", "\t").encode("utf-16")
    assert read_shop_file(tabbed, format=AUTO, tz=SHANGHAI, today=TODAY).figures == preview.figures


# --- Files that can't be used ---------------------------------------------------------------


@pytest.mark.parametrize(("data", "fmt", "says"), [
    (b"", AUTO, "empty"),
    (b"\n\n", SHOPIFY, "empty"),
    (b"PK\x03\x04\x14\x00\x06\x00", AUTO, "Excel workbook"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", AUTO, "not text"),
    (b"date,value\n2026-03-01,5\n", AUTO, "doesn't recognise"),
    (b"date,value\n2026-03-01,5\n", SHOPIFY, '"Name"'),
    (b"Date,Page Views\n2026-03-01,5\n", AMAZON, "Ordered Product Sales"),
    (b"Name,Created at,Total,Financial Status\n", SHOPIFY, "no rows"),
    (b'Name,Created at,Total\n"' + b"x" * 200_000 + b'"\n', AUTO, "Line 2 can't be read as CSV"),
    (b"\r\x01", AUTO, "doesn't recognise"),
])  # fmt: skip
def test_unusable_files_are_refused_with_a_reason(data, fmt, says):
    preview = read_shop_file(data, format=fmt, tz=SHANGHAI, today=TODAY)
    assert says in preview.problem and not preview.usable


def test_a_file_of_the_other_format_is_named():
    preview = read("amazon_business_report_us.csv", SHOPIFY)
    assert "looks like an Amazon Business Report" in preview.problem
    assert detect((SAMPLES / "shopify_orders.csv").read_text("utf-8-sig")) == SHOPIFY


def test_huge_files_are_refused_before_reading():
    preview = read_shop_file(b"x" * (20 * 1024 * 1024 + 1), format=AUTO, tz=SHANGHAI,
                             today=TODAY)  # fmt: skip
    assert "20 MB" in preview.problem


def test_preview_survives_the_session_round_trip():
    preview = read("amazon_business_report_broken.csv")
    again = ShopPreview.from_dict(preview.to_dict())
    assert again == preview


# --- Numbers and money ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "amount", "currencies"), [
    ("$1,234.56", "1234.56", {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"}),
    ("US$1,234.56", "1234.56", {"USD"}),
    ("€1.234,56", "1234.56", {"EUR"}),
    ("1.234,56 €", "1234.56", {"EUR"}),
    ("£0.99", "0.99", {"GBP"}),
    ("￥12,345", "12345", {"JPY", "CNY"}),
    ("CN¥88.50", "88.50", {"CNY"}),
    ("USD 10.00", "10.00", {"USD"}),
    ("RMB 100", "100", {"CNY"}),
    ("($12.00)", "-12.00", DOLLARS := {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"}),
    ("1 234,56", "1234.56", None),
    ("1,234,567", "1234567", None),
    ("0.125", "0.125", None),
    ("12.5", "12.5", None),
])  # fmt: skip
def test_money_as_marketplaces_write_it(text, amount, currencies):
    value, signs = parse_money(text)
    assert value == D(amount)
    assert signs == (frozenset(currencies) if currencies else None)


@pytest.mark.parametrize("text", ["", "n/a", "1,2,3", "12.", "1.234.5", "--5", "1e5", "NaN"])
def test_what_is_not_a_number(text):
    assert parse_number(text) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_no_bytes_make_the_reader_raise(data):
    for fmt in (AUTO, SHOPIFY, AMAZON):
        read_shop_file(data, format=fmt, tz=SHANGHAI, today=TODAY)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_no_cells_make_the_reader_raise(cells):
    for header in ("Name,Created at,Total,Currency,Financial Status",
                   "Date,Ordered Product Sales,Units Ordered,Sessions - Total"):  # fmt: skip
        text = header + "\n" + ",".join(f'"{c.replace(chr(34), "")}"' for c in cells) + "\n"
        read_shop_file(text.encode(), format=AUTO, tz=SHANGHAI, today=TODAY)
        parse_money(cells[0])


@pytest.mark.parametrize("text", [
    "2026-03-04 10:15:22 +9900", "2026-03-04 10:15:22 +2400", "9999-12-31 23:00:00 -0500",
    "0001-01-01 00:10:00 +0500", "2026-02-30 10:00:00 +0800",
])  # fmt: skip
def test_impossible_order_times_are_unreadable_not_a_crash(text):
    from keel.kpis.shop_formats.shopify import parse_created

    assert parse_created(text, SHANGHAI) is None
