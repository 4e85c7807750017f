"""Shop export files → a KPI figure per month (pure: no database, no models).

`read_shop_file(data, format=…)` reads a Shopify orders export (revenue, orders, average
order value) or an Amazon Business Report by date (ordered product sales, units ordered,
sessions) and returns a `ShopPreview`: the good months per figure, the bad rows by line, the
months refused because of them, and the file's currency. The page shows it; only the
confirm saves (keel/kpis/services/shop_import.py). Column mapping: docs/kpis.md.
"""

from __future__ import annotations

from datetime import date, tzinfo

from django.utils.translation import gettext as _

from keel.kpis.shop_formats import amazon, shopify
from keel.kpis.shop_formats.common import (
    AMAZON,
    COUNT,
    FIGURES,
    FORMAT_FIGURES,
    MAX_BYTES,
    MONEY,
    SHOPIFY,
    Figure,
    ShopPreview,
    decode,
    rows,
)  # fmt: skip

AUTO = "auto"

__all__ = [
    "AMAZON", "AUTO", "COUNT", "FIGURES", "FORMAT_FIGURES", "MAX_BYTES", "MONEY", "SHOPIFY",
    "Figure", "ShopPreview", "detect", "read_shop_file",
]  # fmt: skip


def detect(text: str) -> str | None:
    """SHOPIFY or AMAZON from the file's header, None when it is neither."""
    return _detect(rows(text)[0])


def _detect(columns: dict[str, int]) -> str | None:
    if shopify.looks_like(columns):
        return SHOPIFY
    if amazon.looks_like(columns):
        return AMAZON
    return None


def read_shop_file(
    data: bytes, *, format: str, tz: tzinfo, today: date, currency: str = ""
) -> ShopPreview:
    """The preview of an uploaded file. `format`: SHOPIFY, AMAZON or AUTO (from the header);
    `tz`: the workspace's zone (an order's month); `today`: the workspace's date (months
    that have not started are refused); `currency`: the amounts' currency when the person
    says so (Amazon files in "$" from outside the US)."""
    if len(data) > MAX_BYTES:
        return ShopPreview(format=format, problem=_(
            "The file is larger than %(size)d MB: export fewer months at a time."
        ) % {"size": MAX_BYTES // 2**20})  # fmt: skip
    text, why = decode(data)
    if text is None:
        return ShopPreview(format=format, problem=why)
    if not text.strip():
        return ShopPreview(format=format, problem=_("The file is empty."))
    parsed = rows(text)
    if parsed[3]:
        return ShopPreview(format=format, problem=parsed[3])
    found = _detect(parsed[0])
    if format == AUTO:
        if found is None:
            return ShopPreview(format=format, problem=_(
                "Keel doesn't recognise this file: upload a Shopify orders export or an "
                "Amazon Business Report by date, as the shop downloads it."))  # fmt: skip
        format = found
    elif found is not None and found != format:
        names = {SHOPIFY: _("a Shopify orders export"), AMAZON: _("an Amazon Business Report")}
        return ShopPreview(format=format, problem=_(
            "This looks like %(found)s, not %(chosen)s: choose that format or another file."
        ) % {"found": names[found], "chosen": names[format]})  # fmt: skip
    if format == SHOPIFY:
        return shopify.read_shopify(text, tz=tz, today=today, parsed=parsed)
    if format == AMAZON:
        return amazon.read_amazon(text, today=today, currency=currency, parsed=parsed)
    raise ValueError(format)
