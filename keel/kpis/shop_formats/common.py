"""What the shop export readers share (pure: no database): the file's bytes to rows, money and
counts as shops write them, and the preview every reader returns.

A preview never holds a partial month: a month with one bad row is refused whole and named,
and a row whose month can't be told (an unreadable date) refuses the whole file, since any
month could then be short.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from keel.kpis.figures import month_start

MAX_BYTES = 20 * 1024 * 1024  # a year of a busy shop's Shopify orders
MAX_ROWS = 200_000
MAX_ERRORS = 300  # kept for the page; the count says how many there were
LIMIT = Decimal(10) ** 14  # KpiMonth's column: 14 digits before the point

SHOPIFY, AMAZON = "shopify", "amazon"
MONEY, COUNT = "money", "count"


@dataclass(frozen=True)
class Figure:
    key: str
    kind: str  # MONEY or COUNT: the KPI unit that may receive it
    label: Any  # lazy: rendered in the reader's language


FIGURES: dict[str, Figure] = {
    "revenue": Figure("revenue", MONEY, gettext_lazy("Revenue")),
    "orders": Figure("orders", COUNT, gettext_lazy("Orders")),
    "aov": Figure("aov", MONEY, gettext_lazy("Average order value")),
    "sales": Figure("sales", MONEY, gettext_lazy("Ordered product sales")),
    "units": Figure("units", COUNT, gettext_lazy("Units ordered")),
    "sessions": Figure("sessions", COUNT, pgettext_lazy("amazon traffic", "Sessions")),
}
FORMAT_FIGURES: dict[str, tuple[str, ...]] = {
    SHOPIFY: ("revenue", "orders", "aov"),
    AMAZON: ("sales", "units", "sessions"),
}


@dataclass
class ShopPreview:
    """What a file holds per figure and month, and what was wrong with it, by line."""

    format: str
    figures: dict[str, dict[date, Decimal]] = field(default_factory=dict)  # good months only
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message), first ones
    error_count: int = 0
    refused: dict[date, list[int]] = field(default_factory=dict)  # month → its bad lines
    future: list[date] = field(default_factory=list)  # months that have not started
    incomplete: list[date] = field(default_factory=list)  # good months with days missing
    currency: str = ""  # ISO code of the amounts; "" when the file doesn't say
    rows: int = 0  # rows read (line items for Shopify, days for Amazon)
    first_day: date | None = None
    last_day: date | None = None
    problem: str = ""  # the file can't be used at all

    @property
    def months(self) -> list[date]:
        return sorted({m for months in self.figures.values() for m in months})

    @property
    def usable(self) -> bool:
        return not self.problem and bool(self.months)

    def error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append((line, message))

    # The session keeps a preview between the page that shows it and the confirm.
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "figures": {k: {m.isoformat(): str(v) for m, v in months.items()}
                        for k, months in self.figures.items()},
            "errors": self.errors, "error_count": self.error_count,
            "refused": {m.isoformat(): lines for m, lines in self.refused.items()},
            "future": [m.isoformat() for m in self.future],
            "incomplete": [m.isoformat() for m in self.incomplete],
            "currency": self.currency, "rows": self.rows,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "problem": self.problem,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShopPreview:
        day = date.fromisoformat
        return cls(
            format=data["format"],
            figures={k: {day(m): Decimal(v) for m, v in months.items()}
                     for k, months in data["figures"].items()},
            errors=[(int(line), str(text)) for line, text in data["errors"]],
            error_count=int(data["error_count"]),
            refused={day(m): list(lines) for m, lines in data["refused"].items()},
            future=[day(m) for m in data["future"]],
            incomplete=[day(m) for m in data["incomplete"]],
            currency=data["currency"], rows=int(data["rows"]),
            first_day=day(data["first_day"]) if data["first_day"] else None,
            last_day=day(data["last_day"]) if data["last_day"] else None,
            problem=data["problem"],
        )  # fmt: skip


class Months:
    """Gathers a file's good rows into months; a month with a bad row is refused whole."""

    def __init__(self, preview: ShopPreview) -> None:
        self.preview = preview
        self.sums: dict[str, dict[date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        self.covered: set[date] = set()  # months the file has rows for, good or bad
        self.bad: dict[date, list[int]] = defaultdict(list)
        self.unplaced: list[int] = []  # lines whose month can't be told

    def seen(self, day: date) -> None:
        self.covered.add(month_start(day))
        first, last = self.preview.first_day, self.preview.last_day
        self.preview.first_day = day if first is None or day < first else first
        self.preview.last_day = day if last is None or day > last else last

    def add(self, figure: str, day: date, value: Decimal) -> None:
        self.sums[figure][month_start(day)] += value

    def refuse(self, line: int, message: str, day: date | None) -> None:
        self.preview.error(line, message)
        if day is None:
            self.unplaced.append(line)
        else:
            self.seen(day)
            self.bad[month_start(day)].append(line)

    def finish(self, figures: tuple[str, ...], today: date) -> None:
        """Keep the good months that have started; name the rest."""
        preview = self.preview
        if self.unplaced:
            preview.problem = _(
                "Keel can't tell which month line %(line)d belongs to, so any month could "
                "come out short: nothing is imported. Fix the lines listed below and upload "
                "the file again."
            ) % {"line": self.unplaced[0]}
            return
        this_month = month_start(today)
        preview.refused = {m: sorted(lines) for m, lines in sorted(self.bad.items())}
        preview.future = sorted(m for m in self.covered if m > this_month)
        for key in figures:
            months = self.sums.get(key, {})
            preview.figures[key] = {
                m: months.get(m, Decimal(0))
                for m in sorted(self.covered)
                if m not in self.bad and m <= this_month
            }
        if not preview.months and not preview.errors and not preview.future:
            preview.problem = _("The file has no rows after its header.")


# --- Bytes to rows -------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str | None, str]:
    """(the file's text, "") or (None, why not): UTF-8 with or without a BOM, UTF-16 with a
    BOM (Excel's "Unicode text"), else GB18030 (Excel in Chinese)."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return None, _("This is an Excel workbook: open it and save it as CSV, then upload that.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:65536]:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(encoding), ""
            except UnicodeDecodeError:
                continue
    return None, _("This file is not text in UTF-8 or GB18030: save it as CSV and try again.")


def _delimiter(first_line: str) -> str:
    """Comma, or the semicolon or tab that European Excel and "Unicode text" use."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def normal(header: str) -> str:
    """A header as compared: lower case, one space, plain hyphens, no BOM or quotes."""
    text = header.replace("\ufeff", "").replace("–", "-").replace("—", "-").strip().strip('"')
    return re.sub(r"\s+", " ", text).lower()


Rows = tuple[dict[str, int], list[str], list[tuple[int, list[str]]], str]


def rows(text: str) -> Rows:
    """The header's columns (normalised name → index), the header as written, the data rows
    with their line — the row number a spreadsheet shows (the header is line 1; a quoted cell
    with line breaks, as Shopify's notes have, is still one row), blank rows skipped — and
    why the text is not CSV at all ("" when it is)."""
    first_line = (text.splitlines() or [""])[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    data: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, None) or []
        for line, row in enumerate(reader, start=2):
            if any(cell.strip() for cell in row):
                data.append((line, row))
            if len(data) > MAX_ROWS:
                return {}, [], [], _("The file has more than %(max)s rows: export fewer "
                                     "months at a time.") % {"max": f"{MAX_ROWS:,}"}  # fmt: skip
    except csv.Error:
        line = reader.line_num or 1
        return {}, [], [], _("Line %(line)d can't be read as CSV: save the file as CSV from "
                             "the shop or your spreadsheet again.") % {"line": line}  # fmt: skip
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(normal(name), index)
    return columns, [name.replace("\ufeff", "").strip() for name in header], data, ""


def cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


# --- Numbers and money ---------------------------------------------------------------------

DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"})
# Longest first: "US$" before "$". Each sign maps to the currencies it may mean.
_SIGNS: list[tuple[str, frozenset[str]]] = [
    ("US$", frozenset({"USD"})), ("CA$", frozenset({"CAD"})), ("AU$", frozenset({"AUD"})),
    ("NZ$", frozenset({"NZD"})), ("SG$", frozenset({"SGD"})), ("HK$", frozenset({"HKD"})),
    ("NT$", frozenset({"TWD"})), ("MX$", frozenset({"MXN"})), ("CN¥", frozenset({"CNY"})),
    ("JP¥", frozenset({"JPY"})), ("RMB", frozenset({"CNY"})), ("C$", frozenset({"CAD"})),
    ("A$", frozenset({"AUD"})), ("S$", frozenset({"SGD"})), ("R$", frozenset({"BRL"})),
    ("zł", frozenset({"PLN"})), ("kr", frozenset({"SEK"})), ("元", frozenset({"CNY"})),
    ("$", DOLLARS), ("€", frozenset({"EUR"})), ("£", frozenset({"GBP"})),
    ("¥", frozenset({"JPY", "CNY"})), ("￥", frozenset({"JPY", "CNY"})),
    ("₹", frozenset({"INR"})),
]  # fmt: skip
# When a sign leaves a choice ("$", "¥"), the currency of the marketplace that writes it.
PREFERRED = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CNY")
_CODE = re.compile(r"^([A-Z]{3})\s*(?=[\d(\-−.,])|(?<=[\d.,)])\s*([A-Z]{3})$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_number(text: str) -> Decimal | None:
    """ "1,234.56", "1.234,56", "1 234,56", "(12.00)", "-3" → Decimal; None if it isn't one.

    A lone separator followed by exactly three digits groups thousands ("1,234", "1.234":
    money in shop exports always has two decimals or none); otherwise it is the decimal
    point; with both, the last one is."""
    t = _SPACES.sub("", text)
    negative = False
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1]
    if t[:1] in ("-", "−"):
        negative, t = not negative, t[1:]
    if not re.fullmatch(r"\d[\d.,]*", t) or not t[-1].isdigit():
        return None
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        point = "." if t.rfind(".") > t.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        whole, after = t.split(sep)
        grouping = len(after) == 3 and whole != "0" and len(whole) <= 3
        point = "" if grouping else sep
    else:
        point = ""  # none, or one repeated separator: "1,234,567"
    group = {".": ",", ",": "."}.get(point, "." if dots else ",")
    whole, _sep, decimals = t.partition(point) if point else (t, "", "")
    parts = whole.split(group) if group in whole else [whole]
    if any(len(p) != 3 for p in parts[1:]) or not parts[0] or group in decimals:
        return None
    try:
        value = Decimal("".join(parts) + ("." + decimals if decimals else ""))
    except InvalidOperation:
        return None
    if abs(value) >= LIMIT:
        return None
    return -value if negative else value


def parse_money(text: str) -> tuple[Decimal | None, frozenset[str] | None]:
    """(the amount, the currencies its sign may mean — None without a sign)."""
    t = text.strip()
    currencies: frozenset[str] | None = None
    code = _CODE.search(t)
    if code:
        found = code[1] or code[2]
        currencies = frozenset({"CNY" if found == "RMB" else found})
        t = t[: code.start()] + t[code.end() :]
    else:
        for sign, which in _SIGNS:
            if sign in t:
                currencies, t = which, t.replace(sign, "", 1)
                break
    return parse_number(t), currencies


def choose_currency(possible: frozenset[str]) -> str:
    return next((c for c in PREFERRED if c in possible), min(possible) if possible else "")
