"""Demo Shop's KPIs: twelve monthly with two years of values and two weekly with half a
year of weeks (WEEKLY), this year's and last year's
targets, commentary, and one team (marketing) missing its targets.

Registered as a demo seeder (after the org chart's: KPIs belong to its seats and
departments). Goes through the services like a real owner would. Idempotent: nothing is
added when the workspace already has KPIs. The figures are the same in every language (a
seeded generator); the names, descriptions and commentary are the language's (`KpisDemo`):
English here, Chinese in `demo_content/<language>.py`.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import translation

from keel.core.models import Membership
from keel.core.seeding import demo_content_in
from keel.kpis import services
from keel.kpis.figures import add_months, month_start, week_start
from keel.kpis.jobs import BACKFILL_MONTHS, compute_workspace
from keel.kpis.models import Aggregation, Direction, Kpi, Metric, Period, Unit, ValueSource
from keel.org.demo import ENGLISH as ORG_ENGLISH
from keel.org.models import Department, Seat, workspace_today
from keel.org.templates_data import ECOMMERCE_DEPARTMENTS

HISTORY = 24  # months of values before this one

# Apps above kpis that tie their demo content to the demo KPIs (the vision's milestones):
# called with the owner, the language and the new KPIs by key, once, when they are made.
DemoKpisHook = Callable[..., None]
_AFTER_DEMO: list[DemoKpisHook] = []


def register_after_demo_kpis(hook: DemoKpisHook) -> None:
    if hook not in _AFTER_DEMO:
        _AFTER_DEMO.append(hook)


@dataclass(frozen=True)
class Figures:
    """How one demo KPI's numbers go: `base` two years ago, `growth` a month, `season` the
    share added in November and December, `noise` the month-to-month jitter, the target as
    last year's value × `target` (this year) and `miss` how far the last months fall short."""

    unit: str
    direction: str
    aggregation: str
    department: str | None  # a template department's key; None: the company
    seat: str | None  # an org demo seat's key
    base: float
    growth: float = 0.0
    season: float = 0.0
    noise: float = 0.03
    target: float = 1.1
    miss: float = 0.0
    decimals: int = 0
    metric: str = Metric.MANUAL


FIGURES: dict[str, Figures] = {
    "revenue": Figures(Unit.MONEY, Direction.HIGHER, Aggregation.SUM, None, "founder",
                       base=180_000, growth=0.015, season=0.45, target=1.1),
    "orders": Figures(Unit.COUNT, Direction.HIGHER, Aggregation.SUM, None, "sales",
                      base=1_150, growth=0.012, season=0.4, target=1.08),
    "aov": Figures(Unit.MONEY, Direction.HIGHER, Aggregation.AVERAGE, "sales", "sales",
                   base=156, growth=0.003, noise=0.02, target=1.0, decimals=2),
    "margin": Figures(Unit.PERCENT, Direction.HIGHER, Aggregation.AVERAGE, "finance",
                      "bookkeeping", base=34.0, growth=0.001, noise=0.02, target=1.0,
                      decimals=1),
    "amazon_us": Figures(Unit.MONEY, Direction.HIGHER, Aggregation.SUM, "sales", "sales",
                         base=95_000, growth=0.014, season=0.5, target=1.1),
    "refund_rate": Figures(Unit.PERCENT, Direction.LOWER, Aggregation.AVERAGE, "service",
                           "service", base=3.4, growth=-0.004, noise=0.06, target=1.0,
                           decimals=1),
    "acos": Figures(Unit.PERCENT, Direction.LOWER, Aggregation.AVERAGE, "marketing",
                    "marketing", base=24.0, growth=0.004, noise=0.04, target=0.85, miss=0.25,
                    decimals=1),
    "sessions": Figures(Unit.COUNT, Direction.HIGHER, Aggregation.SUM, "marketing", "listing",
                        base=42_000, growth=0.01, season=0.35, target=1.25, miss=0.18),
    "shipped_24h": Figures(Unit.PERCENT, Direction.HIGHER, Aggregation.AVERAGE, "operations",
                           "warehouse", base=91.0, growth=0.002, noise=0.015, target=1.0,
                           decimals=1),
    "first_response": Figures(Unit.DURATION, Direction.LOWER, Aggregation.AVERAGE, "service",
                              "service", base=9.5, growth=-0.01, noise=0.08, target=0.95,
                              decimals=1),
    "overdue": Figures(Unit.COUNT, Direction.LOWER, Aggregation.LAST, None, "operations",
                       base=0, metric=Metric.TASKS_OVERDUE, target=1.0),
    "participation": Figures(Unit.PERCENT, Direction.HIGHER, Aggregation.LAST, None, "founder",
                             base=0, metric=Metric.REPORT_PARTICIPATION, target=1.0),
}  # fmt: skip

# Weekly KPIs (docs/kpis.md, "Weekly KPIs"): WEEKS weeks of history, targets through the
# coming quarter. `base` is the first week's, `growth` a week's; `target` the plan over it.
WEEKS = 26
WEEKLY: dict[str, Figures] = {
    "orders_week": Figures(Unit.COUNT, Direction.HIGHER, Aggregation.SUM, "sales", "sales",
                           base=290, growth=0.004, season=0.4, noise=0.08, target=1.06),
    "answered_24h": Figures(Unit.PERCENT, Direction.HIGHER, Aggregation.AVERAGE, "service",
                            "service", base=88.0, growth=0.001, noise=0.03, target=1.04,
                            decimals=1),
}  # fmt: skip

# Computed KPIs have fixed targets (there is no "last year" to grow from in a new shop).
FIXED_TARGETS = {"overdue": Decimal(10), "participation": Decimal(90)}


@dataclass(frozen=True)
class KpisDemo:
    """One language's KPI texts: name and description per key, and commentary per key as
    (months before this one, text)."""

    texts: dict[str, tuple[str, str]]
    comments: dict[str, list[tuple[int, str]]]


ENGLISH = KpisDemo(
    texts={
        "revenue": ("Revenue", "Sales on every marketplace and the website, before refunds."),
        "orders": ("Orders", "Orders on every channel, wholesale included."),
        "aov": ("Average order value", "Revenue divided by orders, per channel averaged."),
        "margin": ("Gross margin", "Revenue less cost of goods, fees and shipping."),
        "amazon_us": ("Amazon US sales", "Ordered product sales in Seller Central, US store."),
        "refund_rate": ("Refund rate", "Refunded orders as a share of orders."),
        "acos": ("ACoS", "Advertising cost of sales on Amazon: ad spend ÷ ad sales."),
        "sessions": ("Amazon sessions", "Sessions on our listings (Business Report)."),
        "shipped_24h": ("Shipped within 24 hours", "Domestic orders out of the door within a day."),
        "first_response": ("First response time", "Hours until a customer's first answer."),
        "overdue": ("Tasks overdue", "Computed by Keel: open tasks past their due day."),
        "participation": ("Report participation", "Computed by Keel: daily and weekly reports "
                          "written on time."),
        "orders_week": ("Orders per week", "Orders on every channel in the week, wholesale "
                        "included."),
        "answered_24h": ("Customer messages answered within 24 h", "Share of the week's "
                         "customer messages (marketplace messages and email) answered within "
                         "a day."),
    },
    comments={
        "revenue": [(1, "November promotion went well; Tmall Double 11 above plan."),
                    (13, "Supplier delay on the celadon set cost about two weeks of stock.")],
        "acos": [(0, "Still too high: broad-match campaigns are spending on irrelevant terms. "
                     "Pausing them this week."),
                 (1, "Seat is open; the founder runs the ads until we hire.")],
        "sessions": [(1, "Main images for the tea sets not yet redone; conversion suffers.")],
        "refund_rate": [(2, "Breakage in transit fell after the new inner boxes.")],
        # weekly KPIs: (weeks before this one, text)
        "answered_24h": [(1, "Weekend backlog: Saturday's messages waited until Monday.")],
    },
)  # fmt: skip


def _department_keys(ws_language: str) -> dict[str, str]:
    with translation.override(ws_language):
        return {str(name): key for key, name, _colour in ECOMMERCE_DEPARTMENTS}


def _round(value: float, decimals: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def series(key: str, spec: Figures, months: list[date], today: date) -> dict[date, Decimal]:
    """The demo values of one KPI for `months` (the current month so far, for a sum)."""
    rng = random.Random(f"keel-demo-kpi-{key}")  # noqa: S311 - demo data, not security
    out = {}
    last = len(months) - 1
    for index, month in enumerate(months):
        value = spec.base * (1 + spec.growth) ** index
        if month.month in (11, 12):
            value *= 1 + spec.season
        value *= 1 + rng.uniform(-spec.noise, spec.noise)
        if spec.miss and index >= last - 3:  # the last months drift the wrong way
            value *= 1 + spec.miss if spec.direction == Direction.LOWER else 1 - spec.miss
        if month == month_start(today) and spec.aggregation == Aggregation.SUM:
            days = calendar.monthrange(month.year, month.month)[1]
            value *= today.day / days
        out[month] = _round(value, spec.decimals)
    return out


def seed_demo_kpis(owner: Membership, *, language: str = "en") -> None:
    ws = owner.workspace
    if Kpi.objects.in_workspace(ws).exists():
        return
    content = demo_content_in(language, package="keel.kpis", english=ENGLISH)
    org = demo_content_in(language, package="keel.org", english=ORG_ENGLISH)
    seat_titles = {s.key: s.title for s in org.seats}
    seats: dict[str, Seat] = {}
    for seat in Seat.objects.in_workspace(ws).order_by("id"):
        seats.setdefault(seat.title, seat)
    keys = _department_keys(ws.language)
    departments = {keys[d.name]: d for d in Department.objects.in_workspace(ws)
                   if d.name in keys}  # fmt: skip
    today = workspace_today(ws)  # the company's day: this week so far is its days
    this_month = month_start(today)
    months = [add_months(this_month, -n) for n in range(HISTORY, -1, -1)]
    computed = []
    made: dict[str, Kpi] = {}
    for key, spec in FIGURES.items():
        name, description = content.texts[key]
        kpi = services.kpi_create(actor=owner, fields=services.KpiFields(
            name=name, description=description, unit=spec.unit, currency=ws.currency
            if spec.unit == Unit.MONEY else "", direction=spec.direction,
            aggregation=spec.aggregation, metric=spec.metric,
            department=departments.get(spec.department or ""),
            owner_seat=seats.get(seat_titles.get(spec.seat or "", "")),
        ))  # fmt: skip
        made[key] = kpi
        if spec.metric:
            computed.append(kpi.pk)
            targets = {m: FIXED_TARGETS[key] for m in months if m.year >= today.year - 1}
        else:
            values = series(key, spec, months, today)
            services.import_apply(actor=owner, kpi=kpi, months=values, source=ValueSource.IMPORT)
            targets = {}
            for month in months:
                base = values.get(add_months(month, -12))
                if base is not None and month.year >= today.year - 1:
                    targets[month] = _round(float(base) * spec.target, spec.decimals)
            # this year's later months: grown from last year's same month, as a plan is
            for n in range(1, 13 - this_month.month):
                month = add_months(this_month, n)
                base = values.get(add_months(month, -12))
                if base is not None:
                    targets[month] = _round(float(base) * spec.target, spec.decimals)
        notes = {add_months(this_month, -ago): text for ago, text in content.comments.get(key, [])}
        entries = [services.MonthEntry(month=m, target=t) for m, t in sorted(targets.items())]
        entries += [services.MonthEntry(month=m, comment=text) for m, text in notes.items()]
        services.months_save(actor=owner, kpi=kpi, entries=_merge(entries))
    for key, spec in WEEKLY.items():
        name, description = content.texts[key]
        kpi = services.kpi_create(actor=owner, fields=services.KpiFields(
            name=name, description=description, unit=spec.unit, direction=spec.direction,
            aggregation=spec.aggregation, period=Period.WEEKLY,
            department=departments.get(spec.department or ""),
            owner_seat=seats.get(seat_titles.get(spec.seat or "", "")),
        ))  # fmt: skip
        made[key] = kpi
        _seed_weeks(owner, kpi, key, spec, content.comments.get(key, []), today)
    compute_workspace(ws.pk, computed, months=BACKFILL_MONTHS)
    for hook in _AFTER_DEMO:
        hook(owner, language=language, kpis=made)


def _seed_weeks(owner: Membership, kpi: Kpi, key: str, spec: Figures,
                comments: list[tuple[int, str]], today: date) -> None:  # fmt: skip
    """WEEKS weeks of values (this week so far, for a sum), targets from the plan through
    the next thirteen weeks, and the commentary (weeks before this one)."""
    rng = random.Random(f"keel-demo-kpi-{key}")  # noqa: S311 - demo data, not security
    this_week = week_start(today, owner.workspace.first_weekday)
    weeks = [this_week - timedelta(weeks=n) for n in range(WEEKS - 1, -14, -1)]
    entries = []
    for index, week in enumerate(weeks):
        trend = spec.base * (1 + spec.growth) ** index
        if week.month in (11, 12):
            trend *= 1 + spec.season
        entry: dict[str, Any] = {
            "target": _round(
                min(trend * spec.target, 100.0)
                if spec.unit == Unit.PERCENT
                else trend * spec.target,
                spec.decimals,
            )
        }
        if week <= this_week:
            value = trend * (1 + rng.uniform(-spec.noise, spec.noise))
            if week == this_week and spec.aggregation == Aggregation.SUM:
                value *= ((today - week).days + 1) / 7
            if spec.unit == Unit.PERCENT:
                value = min(value, 100.0)
            entry["value"] = _round(value, spec.decimals)
        entries.append(services.MonthEntry(month=week, **entry))
    notes = {this_week - timedelta(weeks=ago): text for ago, text in comments}
    entries = [services.MonthEntry(month=e.month, target=e.target, value=e.value,
                                   comment=notes.get(e.month, services.UNSET))
               for e in entries]  # fmt: skip
    services.months_save(actor=owner, kpi=kpi, entries=entries, source=ValueSource.IMPORT)


def _merge(entries: list[services.MonthEntry]) -> list[services.MonthEntry]:
    """One entry per month (a target and a comment in the same month become one)."""
    merged: dict[date, services.MonthEntry] = {}
    for entry in entries:
        found = merged.get(entry.month)
        if found is None:
            merged[entry.month] = entry
        else:
            merged[entry.month] = services.MonthEntry(
                month=entry.month,
                target=entry.target if found.target is services.UNSET else found.target,
                comment=entry.comment if found.comment is services.UNSET else found.comment,
            )
    return [merged[m] for m in sorted(merged)]
