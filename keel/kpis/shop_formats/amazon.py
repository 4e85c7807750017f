"""Amazon Seller Central's Business Report "Detail Page Sales and Traffic" by date (Reports →
Business Reports → By Date, downloaded as CSV) → sessions, units ordered and ordered product
sales per month.

One row per day. "Ordered Product Sales" and "Units Ordered" already include the B2B part
(their "- B2B" columns are a share of them, never added); sessions are "Sessions - Total"
(browser and app), or "Sessions" in older reports. Dates are as the marketplace writes them
(03/04/2026 in the US, 04/03/2026 or 04.03.2026 in Europe, ISO, 2026年3月4日): the order of
day and month is decided once for the whole file. Amounts carry the marketplace's sign
("$1,234.56", "US$1,234.56", "€1.234,56"), which gives the file's currency.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from keel.kpis.figures import month_start
from keel.kpis.shop_formats.common import (
    AMAZON,
    FORMAT_FIGURES,
    Months,
    Rows,
    ShopPreview,
    cell,
    choose_currency,
    parse_money,
    parse_number,
    rows,
)  # fmt: skip

# Normalised headers (common.normal) per figure, English first, then Seller Central in
# Simplified and Traditional Chinese.
HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("date", "日期"),
    "sales": ("ordered product sales", "已订购商品销售额", "已訂購商品銷售額"),
    "units": ("units ordered", "已订购商品数量", "已訂購商品數量"),
    "sessions": ("sessions - total", "sessions", "会话次数 - 总计", "买家访问次数 - 总计",
                 "会话次数", "买家访问次数", "工作階段 - 總計", "工作階段"),
}  # fmt: skip
SUMMARY_ROWS = {"total", "totals", "合计", "总计", "合計", "總計"}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_CJK = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")
_DOTTED = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$")  # always day first


def _column(columns: dict[str, int], key: str) -> int | None:
    return next((columns[h] for h in HEADERS[key] if h in columns), None)


def looks_like(columns: dict[str, int]) -> bool:
    return _column(columns, "date") is not None and _column(columns, "sales") is not None


def day_first(texts: list[str], *, currency_hint: frozenset[str] | None) -> bool:
    """Whether the file's "a/b/yyyy" dates are day/month: a first part over 12 says so, a
    second part over 12 says month/day (the US); otherwise the marketplace's currency does."""
    firsts, seconds = [], []
    for text in texts:
        match = _SLASH.match(text)
        if match:
            firsts.append(int(match[1]))
            seconds.append(int(match[2]))
    if any(n > 12 for n in firsts):
        return True
    if any(n > 12 for n in seconds):
        return False
    return bool(currency_hint) and "USD" not in (currency_hint or frozenset())


def parse_day(text: str, *, day_first: bool) -> date | None:
    text = text.strip()
    parts: tuple[int, int, int] | None = None
    if match := (_ISO.match(text) or _CJK.match(text)):
        parts = int(match[1]), int(match[2]), int(match[3])
    elif match := _SLASH.match(text):
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        a, b = int(match[1]), int(match[2])
        parts = (year, b, a) if day_first else (year, a, b)
    elif match := _DOTTED.match(text):
        parts = int(match[3]), int(match[2]), int(match[1])
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def read_amazon(
    text: str, *, today: date, currency: str = "", parsed: Rows | None = None
) -> ShopPreview:
    """The preview of a Business Report's text. `currency`: what the amounts are in when the
    person says so (a "$" file from Canada); otherwise their sign decides."""
    preview = ShopPreview(format=AMAZON)
    columns, header, data, unreadable = parsed or rows(text)
    if unreadable:
        preview.problem = unreadable
        return preview
    col = {key: _column(columns, key) for key in HEADERS}
    figures = [k for k in FORMAT_FIGURES[AMAZON] if col[k] is not None]
    if col["date"] is None or not figures:
        preview.problem = _(
            'This is not an Amazon Business Report by date: it needs a "Date" column and '
            '"Ordered Product Sales", "Units Ordered" or "Sessions - Total". In Seller '
            "Central: Reports → Business Reports → Detail Page Sales and Traffic, By Date, "
            "Download (.csv)."
        )
        return preview
    lines = [(n, r) for n, r in data if cell(r, col["date"]).lower() not in SUMMARY_ROWS]
    sales_col = col["sales"]
    hint = None
    for _line, row in lines[:50]:
        _amount, hint = parse_money(cell(row, sales_col))
        if hint:
            break
    first_is_day = day_first([cell(r, col["date"]) for _l, r in lines],
                             currency_hint=frozenset({currency}) if currency else hint)  # fmt: skip
    gather = Months(preview)
    possible: frozenset[str] | None = frozenset({currency}) if currency else None
    seen: dict[date, int] = {}
    days_by_month: dict[date, set[int]] = {}
    for line, row in lines:
        preview.rows += 1
        text = cell(row, col["date"])
        day = parse_day(text, day_first=first_is_day)
        if day is None:
            gather.refuse(line, _('"%(text)s" is not a date like 03/04/2026 or 2026-03-04.')
                          % {"text": text[:40]}, None)  # fmt: skip
            continue
        if day in seen:
            gather.refuse(line, _("%(day)s is also on line %(line)d: a day may appear once. "
                                  "Download the report once, by date, for the whole period.")
                          % {"day": day.isoformat(), "line": seen[day]}, day)  # fmt: skip
            gather.refuse(seen[day], _("%(day)s is also on line %(line)d.")
                          % {"day": day.isoformat(), "line": line}, day)  # fmt: skip
            continue
        seen[day] = line
        values: dict[str, Decimal] = {}
        problem = ""
        for key in figures:
            raw = cell(row, col[key])
            if key == "sales":
                amount, signs = parse_money(raw)
                if signs is not None and amount is not None:
                    if possible is not None and not possible & signs:
                        problem = _('"%(text)s" is in another currency than the rest of the '
                                    "file (%(currency)s).") % {
                            "text": raw[:40], "currency": choose_currency(possible)}  # fmt: skip
                        break
                    possible = signs if possible is None else possible & signs
            else:
                amount = parse_number(raw)
                if amount is not None and amount != amount.to_integral_value():
                    amount = None
            if amount is None or amount < 0:
                problem = _('"%(text)s" in "%(column)s" is not a number.') % {
                    "text": raw[:40], "column": header[col[key] or 0]}  # fmt: skip
                break
            values[key] = amount
        if problem:
            gather.refuse(line, problem, day)
            continue
        gather.seen(day)
        days_by_month.setdefault(month_start(day), set()).add(day.day)
        for key, amount in values.items():
            gather.add(key, day, amount)
    preview.currency = choose_currency(possible) if possible else ""
    gather.finish(tuple(figures), today)
    preview.incomplete = [
        m for m in preview.months
        if len(days_by_month.get(m, ())) < _days_due(m, today)
    ]  # fmt: skip
    return preview


def _days_due(month: date, today: date) -> int:
    """The days a by-date report of `month` should have: all, or this month's up to two days
    ago (Seller Central's figures arrive a day or two late)."""
    if month_start(today) == month:
        return max(today.day - 2, 0)
    return calendar.monthrange(month.year, month.month)[1]
