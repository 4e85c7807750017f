"""Reading a "date,value" CSV file into a KPI's months (pure: no database).

The file: a header row naming a date column ("date", "day", "month", 日期, 月份) and a value
column ("value", "amount", 数值, 金额 …), then one row per day or month. Dates are ISO
(2026-03-31, 2026/03/31) or a month (2026-03); values may carry thousands separators and a
currency sign. Each bad row is reported with its line number in the file and left out;
the good rows are summed, averaged or reduced to their last value per month, as the KPI
says. Nothing is saved here: the page shows this preview and saves only on confirmation.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from keel.kpis.figures import aggregate, month_start
from keel.kpis.figures import week_start as first_of_week

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 50_000
DATE_HEADERS = {"date", "day", "month", "period", "日期", "月份", "日期时间"}
VALUE_HEADERS = {"value", "amount", "total", "数值", "金额", "值", "數值", "金額"}
_MONEY_SIGNS = re.compile(r"[¥￥$€£,\s]|US|CN|HK|NT|RMB|CNY|USD", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")


@dataclass
class ImportPreview:
    months: dict[date, Decimal] = field(default_factory=dict)  # first day → the month's figure
    rows: int = 0  # good rows
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line in the file, message)
    problem: str = ""  # the whole file is unusable (no header, too big, not text)

    @property
    def usable(self) -> bool:
        return not self.problem and bool(self.months)


def decode(data: bytes) -> str | None:
    """The file's text: UTF-8 (with or without a BOM), else GB18030 (Excel in Chinese)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def parse_date(text: str) -> date | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    if not 2000 <= year <= 2200:  # the years Keel keeps (a week of year 1 has no first day)
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_value(text: str) -> Decimal | None:
    cleaned = _MONEY_SIGNS.sub("", text.strip())
    negative = cleaned.startswith("(") and cleaned.endswith(")")  # accounting negatives
    cleaned = cleaned.strip("()").rstrip("%")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
        return None
    return -value if negative else value


def _columns(header: list[str]) -> tuple[int, int] | None:
    names = [h.strip().lower() for h in header]
    date_col = next((i for i, n in enumerate(names) if n in DATE_HEADERS), None)
    value_col = next((i for i, n in enumerate(names) if n in VALUE_HEADERS), None)
    if date_col is None or value_col is None:
        if len(names) == 2 and parse_date(header[0]) is None:
            return 0, 1  # an unnamed two-column file: date, value
        return None
    return date_col, value_col


def read_csv(text: str, *, aggregation: str, week_start: int | None = None) -> ImportPreview:
    """The preview of a CSV file's text for a KPI summed/averaged/last per month; with
    `week_start` (a weekly KPI: the workspace's first weekday) per week, each row going to
    the week that contains its date (`months` then holds the weeks' first days)."""
    preview = ImportPreview()
    if len(text.encode()) > MAX_BYTES:
        preview.problem = _("The file is larger than 2 MB. Split it by year and import each.")
        return preview
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    columns = _columns(header) if header else None
    if columns is None:
        preview.problem = _(
            'The first row must name the columns, for example "date,value" (日期,数值).'
        )
        return preview
    date_col, value_col = columns
    by_month: dict[date, list[tuple[date, Decimal]]] = defaultdict(list)
    seen: dict[date, int] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if preview.rows + len(preview.errors) >= MAX_ROWS:
            preview.problem = _("The file has more than %(max)s rows.") % {"max": f"{MAX_ROWS:,}"}
            return preview
        cells = row + [""] * (max(date_col, value_col) + 1 - len(row))
        day = parse_date(cells[date_col])
        if day is None:
            preview.errors.append((line, _('"%(text)s" is not a date like 2026-03-31.')
                                   % {"text": cells[date_col][:40]}))  # fmt: skip
            continue
        value = parse_value(cells[value_col])
        if value is None:
            preview.errors.append((line, _('"%(text)s" is not a number.')
                                   % {"text": cells[value_col][:40]}))  # fmt: skip
            continue
        if day in seen:
            preview.errors.append((line, _("%(day)s is already on line %(line)d.")
                                   % {"day": day.isoformat(), "line": seen[day]}))  # fmt: skip
            continue
        seen[day] = line
        period = month_start(day) if week_start is None else first_of_week(day, week_start)
        by_month[period].append((day, value))
        preview.rows += 1
    for month, entries in sorted(by_month.items()):
        figure = aggregate([v for _d, v in sorted(entries)], aggregation)
        if figure is not None:
            preview.months[month] = figure
    if not preview.months and not preview.errors:
        preview.problem = _("The file has no rows after its header.")
    return preview
