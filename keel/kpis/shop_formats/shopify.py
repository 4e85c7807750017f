"""Shopify's orders export (Admin → Orders → Export → CSV) → revenue, orders and average
order value per month, in the workspace's time zone.

The export has one row per line item; the order's own figures (Total, Currency, Financial
Status, Cancelled at) are on its first row only, and later rows of the same order (same Name)
carry the next line items. An order counts in the month it was placed (Created at) unless it
was cancelled or voided. Revenue is the sum of the orders' Total (after discounts, with
shipping and taxes), as ordered: refunds are not subtracted (docs/kpis.md says why).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from keel.kpis.shop_formats.common import (
    FORMAT_FIGURES,
    SHOPIFY,
    Months,
    Rows,
    ShopPreview,
    cell,
    parse_money,
    rows,
)  # fmt: skip

NAME, CREATED, TOTAL = "name", "created at", "total"
CURRENCY, CANCELLED, FINANCIAL = "currency", "cancelled at", "financial status"
REQUIRED = (NAME, CREATED, TOTAL)
_STAMP = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|UTC|[+-]\d{2}:?\d{2})?$"
)


def looks_like(columns: dict[str, int]) -> bool:
    return all(c in columns for c in REQUIRED) and (
        "lineitem quantity" in columns or FINANCIAL in columns
    )


def parse_created(text: str, tz: tzinfo) -> date | None:
    """ "2026-03-04 10:15:22 +0800" → the day it was in `tz` (the workspace's zone). A time
    without an offset (a file re-saved by Excel) is taken as the workspace's own time."""
    match = _STAMP.match(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
    zone_text = match[7]
    if not 2000 <= year <= 2200:  # the years Keel keeps; also keeps the zone shift in range
        return None
    try:
        stamp = datetime(year, month, day, hour, minute, second)  # noqa: DTZ001
        if not zone_text:
            return stamp.date()
        if zone_text in ("Z", "UTC"):
            zone: tzinfo = UTC
        else:
            digits = zone_text[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            zone = timezone(-offset if zone_text[0] == "-" else offset)  # ValueError: ≥ 24 h
        return stamp.replace(tzinfo=zone).astimezone(tz).date()
    except (ValueError, OverflowError):
        return None


@dataclass
class _Order:
    name: str
    line: int
    total_text: str
    created_text: str
    day: date | None
    total: Decimal
    currency: str
    skip: bool = False  # cancelled, voided or unreadable: not counted


def read_shopify(text: str, *, tz: tzinfo, today: date, parsed: Rows | None = None) -> ShopPreview:
    """The preview of a Shopify orders export's text (`parsed`: its rows, when read already)."""
    preview = ShopPreview(format=SHOPIFY)
    columns, _header, data, unreadable = parsed or rows(text)
    if unreadable:
        preview.problem = unreadable
        return preview
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        preview.problem = _(
            "This is not a Shopify orders export: the columns %(columns)s are missing. "
            "In Shopify: Orders → Export → CSV for Excel or plain CSV file."
        ) % {"columns": ", ".join(f'"{c.title()}"' for c in missing)}
        return preview
    col = {key: columns.get(key) for key in (NAME, CREATED, TOTAL, CURRENCY, CANCELLED,
                                              FINANCIAL)}  # fmt: skip
    gather = Months(preview)
    orders: dict[str, _Order] = {}
    for line, row in data:
        preview.rows += 1
        name, total_text = cell(row, col[NAME]), cell(row, col[TOTAL])
        created_text = cell(row, col[CREATED])
        day = parse_created(created_text, tz) if created_text else None
        if not name:
            gather.refuse(line, _("The row has no order name (the Name column)."), day)
            continue
        first = orders.get(name)
        if first is not None:  # the order's next line item, or the order again
            if total_text and (total_text, created_text) != (first.total_text,
                                                             first.created_text):  # fmt: skip
                message = _(
                    "Order %(name)s is also on line %(line)d with another total or date: "
                    "are two exports put together?"
                ) % {"name": name, "line": first.line}
                gather.refuse(line, message, day)
                if first.day is not None:
                    gather.refuse(first.line, _("Order %(name)s is also on line %(line)d.")
                                  % {"name": name, "line": line}, first.day)  # fmt: skip
            continue
        cancelled = bool(cell(row, col[CANCELLED])) or cell(row, col[FINANCIAL]).lower() in (
            "voided", "cancelled")  # fmt: skip
        if cancelled:
            orders[name] = _Order(
                name, line, total_text, created_text, day, Decimal(0), "", skip=True
            )
            if day is not None:
                gather.seen(day)
            continue
        problem = ""
        total, _signs = parse_money(total_text)
        if day is None:
            problem = _('Order %(name)s: "%(text)s" is not a date and time like '
                        "2026-03-04 10:15:22 +0800.")  # fmt: skip
            problem %= {"name": name, "text": created_text[:40]}
        elif not total_text:
            problem = _("Order %(name)s has no Total on its first row, where Shopify writes "
                        "the order's figures.") % {"name": name}  # fmt: skip
        elif total is None or total < 0:
            problem = _('Order %(name)s: "%(text)s" is not an amount.') % {
                "name": name, "text": total_text[:40]}  # fmt: skip
        if problem:  # its next line items are not errors again
            orders[name] = _Order(name, line, total_text, created_text, day, Decimal(0), "",
                                  skip=True)  # fmt: skip
            gather.refuse(line, problem, day)
            continue
        assert total is not None and day is not None  # checked above
        currency = cell(row, col[CURRENCY]).upper()
        orders[name] = _Order(name, line, total_text, created_text, day, total, currency)
        gather.seen(day)
    _count(preview, gather, [o for o in orders.values() if not o.skip])
    gather.finish(FORMAT_FIGURES[SHOPIFY], today)
    if not preview.problem:
        _average(preview)
    return preview


def _count(preview: ShopPreview, gather: Months, orders: list[_Order]) -> None:
    """Sum the orders in the file's currency; an order in another one is a bad row."""
    placed = [o for o in orders if o.day is not None]
    currencies = Counter(o.currency for o in placed if o.currency)
    preview.currency = currencies.most_common(1)[0][0] if currencies else ""
    for order in placed:
        assert order.day is not None
        if order.currency and order.currency != preview.currency:
            gather.refuse(order.line, _("Order %(name)s is in %(currency)s, the rest of the "
                                        "file in %(file)s.") % {
                "name": order.name, "currency": order.currency, "file": preview.currency,
            }, order.day)  # fmt: skip
            continue
        gather.add("revenue", order.day, order.total)
        gather.add("orders", order.day, Decimal(1))


def _average(preview: ShopPreview) -> None:
    revenue, orders = preview.figures.get("revenue", {}), preview.figures.get("orders", {})
    preview.figures["aov"] = {
        month: (revenue[month] / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for month, count in orders.items()
        if count
    }
