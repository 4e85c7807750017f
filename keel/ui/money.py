"""Money as people read it: one formatter for every page that shows an amount.

`format_money(amount, currency)` gives the currency's symbol in the reader's language (the
active one) before the amount, thousands grouped with commas (as keel/formats does for
numbers), and the same decimals everywhere: none for a whole amount ("¥12,000"), the
currency's minor units otherwise ("¥12,000.50"). The same amount therefore reads the same on
the seat, the headcount plan and any other page. Symbols are CLDR's, made unambiguous where
a shop may see several currencies side by side (US$ and CN¥ rather than a bare $ or ¥ when
the reader's own currency is not that one).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils import translation

# Symbol per currency and language; a currency missing here is written as its code.
_SYMBOLS: dict[str, dict[str, str]] = {
    "en": {
        "CNY": "CN¥", "HKD": "HK$", "TWD": "NT$", "USD": "US$", "EUR": "€", "GBP": "£",
        "JPY": "JP¥", "SGD": "S$", "AUD": "A$", "CAD": "CA$",
    },
    "zh-hans": {
        "CNY": "¥", "HKD": "HK$", "TWD": "NT$", "USD": "US$", "EUR": "€", "GBP": "£",
        "JPY": "JP¥", "SGD": "S$", "AUD": "AU$", "CAD": "CA$",
    },
    "zh-hant": {
        "CNY": "CN¥", "HKD": "HK$", "TWD": "NT$", "USD": "US$", "EUR": "€", "GBP": "£",
        "JPY": "JP¥", "SGD": "S$", "AUD": "AU$", "CAD": "CA$",
    },
}  # fmt: skip

# ISO 4217 minor units, where not 2.
_MINOR_UNITS = {"JPY": 0, "KRW": 0}


def currency_symbol(currency: str, language: str | None = None) -> str:
    code = (currency or "").upper()
    lang = (language or translation.get_language() or "en").lower()
    table = _SYMBOLS.get(lang) or _SYMBOLS.get(lang.split("-")[0]) or _SYMBOLS["en"]
    return table.get(code, code)


def format_money(amount: Any, currency: str, language: str | None = None) -> str:
    """The amount as "¥12,000" or "US$12,000.50" (see the module docstring); blank for None."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return str(amount)
    digits = _MINOR_UNITS.get((currency or "").upper(), 2)
    if value == value.to_integral_value():
        digits = 0
    value = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    number = f"{abs(value):,.{digits}f}"
    sign = "-" if value < 0 else ""
    symbol = currency_symbol(currency, language)
    separator = "" if symbol != (currency or "").upper() else "\u00a0"  # "SEK 10" keeps a space
    return f"{sign}{symbol}{separator}{number}"
