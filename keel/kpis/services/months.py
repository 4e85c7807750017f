"""Writes for a KPI's months: the year grid (targets, values, commentary), copying last
year's targets with a growth factor, and applying a checked import.

Targets are the managers' (`kpis.manage`); values and commentary are also open to whoever
answers for the KPI (keel/kpis/access.py). A computed KPI's values are Keel's alone. All
entries are checked before anything is written: one bad cell saves nothing and names the
month it is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.kpis.access import require_values
from keel.kpis.figures import add_months, month_start, week_label, week_start
from keel.kpis.models import Kpi, KpiMonth, ValueSource

LIMIT = Decimal(10) ** 14  # the column holds 14 digits before the point
COMMENT_MAX = 2000
FIRST_YEAR, LAST_YEAR = 2000, 2200
MAX_GROWTH = 1000  # percent: beyond this a growth factor is a typo


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True)
class MonthEntry:
    """One month's cells; UNSET leaves a cell as it is, None empties it."""

    month: date
    target: Decimal | None = UNSET
    value: Decimal | None = UNSET
    comment: str = UNSET


def _month_label(month: date) -> str:
    return month.strftime("%Y-%m")


def period_label(kpi: Kpi, day: date) -> str:
    """ "2026-03" for a month, "2026-W05" for a weekly KPI's week."""
    if kpi.is_weekly:
        return week_label(day, kpi.workspace.first_weekday)
    return _month_label(day)


def _check_number(number: Decimal | None, field: str, label: str, errors: dict) -> None:
    if number is None or number is UNSET:
        return
    if not number.is_finite() or abs(number) >= LIMIT:
        errors.setdefault(field, []).append(
            _("%(month)s: use a number below 100 trillion.") % {"month": label}
        )


def _period_problem(kpi: Kpi, day: date) -> tuple[str, str] | None:
    """(field, message) when `day` can't start one of the KPI's periods."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        field = "week" if kpi.is_weekly else "month"
        return field, _("%(month)s is not a month Keel keeps (2000 to 2200).") % {
            "month": day.isoformat()}  # fmt: skip
    if kpi.is_weekly:
        first = kpi.workspace.first_weekday
        if day != week_start(day, first):
            return "week", _("%(day)s is not the first day of a week: this workspace's weeks "
                             "start on %(weekday)s.") % {
                "day": day.isoformat(),
                "weekday": _("Sunday") if first == 6 else _("Monday")}  # fmt: skip
    elif day.day != 1:
        return "month", _("%(month)s is not a month Keel keeps (2000 to 2200).") % {
            "month": day.isoformat()}  # fmt: skip
    return None


def _validate(actor: Membership, kpi: Kpi, entries: list[MonthEntry], source: str) -> None:
    errors: dict[str, list[str]] = {}
    seen: set[date] = set()
    today = timezone.localdate()
    started = (week_start(today, kpi.workspace.first_weekday) if kpi.is_weekly
               else month_start(today))  # fmt: skip
    for entry in entries:
        month = entry.month
        problem = _period_problem(kpi, month)
        if problem is not None:
            errors.setdefault(problem[0], []).append(problem[1])
            continue
        label = period_label(kpi, month)
        if month in seen:
            errors.setdefault("week" if kpi.is_weekly else "month", []).append(
                _("%(month)s is given twice.") % {"month": label}
            )
        seen.add(month)
        _check_number(entry.target, "target", label, errors)
        _check_number(entry.value, "value", label, errors)
        if entry.value is not UNSET and entry.value is not None and month > started:
            errors.setdefault("value", []).append(
                _("%(month)s has not started: enter its value when it has.") % {"month": label}
            )
        if entry.comment is not UNSET and len(entry.comment or "") > COMMENT_MAX:
            errors.setdefault("comment", []).append(
                _("%(month)s: use at most %(max)d characters.")
                % {"month": label, "max": COMMENT_MAX}
            )
    if errors:
        raise ValidationError(errors)
    if any(e.target is not UNSET for e in entries):
        require(actor, "kpis.manage")
    if any(e.value is not UNSET or e.comment is not UNSET for e in entries):
        require_values(actor, kpi)
    if (
        kpi.is_computed
        and source != ValueSource.COMPUTED
        and any(e.value is not UNSET for e in entries)
    ):
        raise ValidationError({"value": _("Keel computes this KPI's values: they can't be "
                                          "typed, imported or pushed.")})  # fmt: skip


@transaction.atomic
def months_save(
    *, actor: Membership, kpi: Kpi, entries: list[MonthEntry],
    source: str = ValueSource.MANUAL, context: AuditContext | None = None,
) -> int:  # fmt: skip
    """Write the given cells of these months; returns how many months changed."""
    same_workspace(actor, kpi)
    _validate(actor, kpi, entries, source)
    changed = _write(kpi, entries, source=source, by=actor)
    if changed:
        audit_event(actor, "kpis.months_saved", kpi, context, source=source,
                    months=[period_label(kpi, m) for m in sorted(changed)])  # fmt: skip
    return len(changed)


def _write(kpi: Kpi, entries: list[MonthEntry], *, source: str, by: Membership | None) -> set[date]:
    """Upsert the cells (two queries and one per changed month); returns the changed months."""
    now = timezone.now()
    rows = KpiMonth.objects.filter(kpi=kpi, month__in=[e.month for e in entries])
    existing = {m.month: m for m in rows}
    changed: set[date] = set()
    for entry in entries:
        row = existing.get(entry.month) or KpiMonth(workspace_id=kpi.workspace_id, kpi=kpi,
                                                     month=entry.month)  # fmt: skip
        before = (row.target, row.value, row.comment)
        if entry.target is not UNSET:
            row.target = entry.target
        if entry.value is not UNSET and entry.value != row.value:
            row.value = entry.value
            row.source = source if entry.value is not None else ""
            row.value_set_by = by
            row.value_set_at = now
        if entry.comment is not UNSET:
            row.comment = (entry.comment or "").strip()
        if (row.target, row.value, row.comment) != before or row.pk is None:
            if row.pk is None and row.target is None and row.value is None and not row.comment:
                continue
            row.save()
            changed.add(entry.month)
    return changed


@transaction.atomic
def targets_copy(
    *, actor: Membership, kpi: Kpi, year: int, growth_percent: Decimal,
    context: AuditContext | None = None,
) -> int:  # fmt: skip
    """Set `year`'s targets from the year before, grown by `growth_percent` (10 → ×1.10).

    Each month takes last year's target, or its value where it had no target (a first year
    of targets usually starts from what happened). Months with neither stay as they are.
    A weekly KPI's weeks starting in `year` take those of 52 weeks before (the same weekday
    and, but for a year with 53 weeks, the same week number).
    """
    require(actor, "kpis.manage")
    same_workspace(actor, kpi)
    if not FIRST_YEAR < year <= LAST_YEAR:
        raise ValidationError({"year": _("Choose a year from 2001 to 2200.")})
    if not growth_percent.is_finite() or not -100 <= growth_percent <= MAX_GROWTH:
        raise ValidationError({"growth": _("Use a growth from -100%% to %(max)d%%.")
                               % {"max": MAX_GROWTH}})  # fmt: skip
    factor = 1 + growth_percent / 100
    year_later = timedelta(weeks=52)
    first = date(year, 1, 1) - year_later if kpi.is_weekly else date(year - 1, 1, 1)
    last_year = {m.month: m for m in KpiMonth.objects.filter(
        kpi=kpi, month__gte=first, month__lte=date(year - 1, 12, 31))}  # fmt: skip
    entries = []
    for base in sorted(last_year):
        source = last_year[base].target if last_year[base].target is not None else last_year[
            base].value  # fmt: skip
        if source is None:
            continue
        grown = (source * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        copy_to = base + year_later if kpi.is_weekly else add_months(base, 12)
        if copy_to.year == year:
            entries.append(MonthEntry(month=copy_to, target=grown))
    if not entries:
        raise ValidationError({"year": _("%(year)d has no targets or values to copy from.")
                               % {"year": year - 1}})  # fmt: skip
    changed = _write(kpi, entries, source=ValueSource.MANUAL, by=actor)
    audit_event(actor, "kpis.targets_copied", kpi, context, year=year,
                growth=str(growth_percent), months=len(changed))  # fmt: skip
    return len(changed)


@transaction.atomic
def import_apply(
    *, actor: Membership, kpi: Kpi, months: dict[date, Decimal],
    source: str = ValueSource.IMPORT, context: AuditContext | None = None,
) -> int:  # fmt: skip
    """Save the months of a checked import (keel/kpis/csv_import.py) or an API push."""
    entries = [MonthEntry(month=m, value=v) for m, v in sorted(months.items())]
    if not entries:
        raise ValidationError({"file": _("There is nothing to import.")})
    return months_save(actor=actor, kpi=kpi, entries=entries, source=source, context=context)


def computed_save(kpi: Kpi, figures: dict[date, Decimal | None]) -> int:
    """The compute job's write: no actor (Keel itself), no audit entry per run."""
    entries = [MonthEntry(month=m, value=v) for m, v in figures.items()]
    if not entries:
        return 0
    with transaction.atomic():
        return len(_write(kpi, entries, source=ValueSource.COMPUTED, by=None))
