"""Writes for a shop file's import: one Shopify orders export or Amazon Business Report feeds
several KPIs (revenue, orders, average order value; sales, units, sessions) in one go.

The page reads the file (keel/kpis/shop_formats/) and the person picks the KPI that receives
each figure; this checks every choice first — a money figure to a money KPI in the file's
currency, a count to a count KPI, no computed or archived KPI, no KPI twice — and then
saves every KPI's months through `months_save` in one transaction: one bad month of one KPI
saves nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.kpis.models import Kpi, Unit, ValueSource
from keel.kpis.services.months import MonthEntry, months_save
from keel.kpis.shop_formats import FIGURES, FORMAT_FIGURES, MONEY

UNITS = {MONEY: Unit.MONEY, "count": Unit.COUNT}


@dataclass(frozen=True)
class FigureImport:
    """One figure of the file (a FIGURES key) going to one KPI, with its good months."""

    figure: str
    kpi: Kpi
    months: dict[date, Decimal]


def field_name(figure: str) -> str:
    """The form field (and error key) of a figure's KPI choice."""
    return f"kpi_{figure}"


def kpi_currency(kpi: Kpi) -> str:
    return kpi.currency or kpi.workspace.currency


def shop_import_check(
    *, actor: Membership, format: str, currency: str, imports: list[FigureImport]
) -> None:
    """Refuse (ValidationError by figure) what can't be saved; nothing is written."""
    require(actor, "kpis.manage")
    errors: dict[str, list[str]] = {}
    if format not in FORMAT_FIGURES:
        raise ValidationError(_("Choose the file's format."))
    if not imports:
        raise ValidationError(_("Choose a KPI for at least one figure."))
    taken: dict[int, str] = {}
    for item in imports:
        same_workspace(actor, item.kpi)
        figure, kpi = FIGURES.get(item.figure), item.kpi
        if figure is None or item.figure not in FORMAT_FIGURES[format]:
            raise ValidationError(_("This file has no such figure."))
        problem = ""
        if kpi.is_computed:
            problem = _("Keel computes the values of “%(kpi)s”: they can't be imported.")
        elif kpi.archived_at is not None:
            problem = _("“%(kpi)s” is archived: restore it first.")
        elif kpi.is_weekly:
            problem = _(
                "“%(kpi)s” is weekly: a shop file fills monthly KPIs. Import its "
                "days as a “date,value” file on the KPI's page."
            )
        elif kpi.unit != UNITS[figure.kind]:
            problem = (
                _("“%(kpi)s” isn't kept in money: choose a money KPI.")
                if figure.kind == MONEY
                else _("“%(kpi)s” isn't a count: choose a KPI counted in numbers.")
            )
        elif figure.kind == MONEY and currency and currency != kpi_currency(kpi):
            problem = _(
                "%(figure)s in this file is in %(currency)s, but “%(kpi)s” is kept in "
                "%(kpi_currency)s: choose a KPI in %(currency)s, or don't import it."
            )
        elif kpi.pk in taken:
            problem = _("“%(kpi)s” already receives %(other)s: a KPI takes one figure.")
        elif not item.months:
            problem = _("The file has no good month of %(figure)s to import.")
        if problem:
            other = FIGURES[taken.get(kpi.pk, item.figure)].label
            errors.setdefault(field_name(item.figure), []).append(problem % {
                "kpi": kpi.name, "figure": figure.label, "currency": currency,
                "kpi_currency": kpi_currency(kpi), "other": other,
            })  # fmt: skip
        taken.setdefault(kpi.pk, item.figure)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def shop_import_apply(
    *, actor: Membership, format: str, currency: str, imports: list[FigureImport],
    file_name: str = "", context: AuditContext | None = None,
) -> int:  # fmt: skip
    """Save every chosen figure's months into its KPI, all or nothing; returns how many
    KPI months changed. Each KPI's months are checked by `months_save` (months that have
    not started, numbers in range, who may enter values) and audited there; one entry
    more records the file and where its figures went."""
    shop_import_check(actor=actor, format=format, currency=currency, imports=imports)
    changed = 0
    for item in imports:
        entries = [MonthEntry(month=m, value=v) for m, v in sorted(item.months.items())]
        try:
            changed += months_save(actor=actor, kpi=item.kpi, entries=entries,
                                   source=ValueSource.IMPORT, context=context)  # fmt: skip
        except ValidationError as error:
            raise ValidationError({field_name(item.figure): [
                _("“%(kpi)s”: %(problem)s") % {"kpi": item.kpi.name, "problem": message}
                for message in error.messages
            ]}) from error  # fmt: skip
    audit_event(
        actor, "kpis.shop_imported", None, context, format=format, file=file_name[:200],
        currency=currency,
        kpis={item.figure: item.kpi.pk for item in imports},
        months=sorted({m.strftime("%Y-%m") for item in imports for m in item.months}),
    )  # fmt: skip
    return changed
