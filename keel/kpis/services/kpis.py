"""Writes for KPI definitions: create, edit, archive and restore.

Every function checks `kpis.manage`, validates all fields at once (a {field: message}
ValidationError the pages and the API show beside the fields), writes in one transaction
and audits. A computed KPI's unit and month's figure follow its metric.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.accounts.models import Group
from keel.core.models import WORKSPACE_CURRENCIES, Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, next_position, same_workspace
from keel.core.validators import clean_line
from keel.kpis.models import Aggregation, Direction, Kpi, KpiMonth, Metric, Period, Unit
from keel.org.models import Department, Seat

NAME_MAX = 120
DESCRIPTION_MAX = 2000

# A computed metric fixes how its figure reads and is made (Keel computes the month whole).
METRIC_UNITS: dict[str, tuple[str, str, str]] = {
    Metric.TASKS_ON_TIME: (Unit.PERCENT, Aggregation.LAST, Direction.HIGHER),
    Metric.TASKS_OVERDUE: (Unit.COUNT, Aggregation.LAST, Direction.LOWER),
    Metric.REPORT_PARTICIPATION: (Unit.PERCENT, Aggregation.LAST, Direction.HIGHER),
    Metric.REPORT_MOOD: (Unit.COUNT, Aggregation.AVERAGE, Direction.HIGHER),
    Metric.VAULT_ROTATIONS: (Unit.COUNT, Aggregation.LAST, Direction.LOWER),
}


@dataclass(frozen=True)
class KpiFields:
    """A definition as typed: the page form, the API schema and the demo build one."""

    name: str
    description: str = ""
    unit: str = Unit.COUNT
    currency: str = ""
    direction: str = Direction.HIGHER
    aggregation: str = Aggregation.SUM
    metric: str = Metric.MANUAL
    period: str = Period.MONTHLY
    department: Department | None = None
    owner_seat: Seat | None = None
    owner_group: Group | None = None
    owner_member: Membership | None = None
    amber_margin: int = 10


def _choice(value: str, choices: type, field: str, errors: dict[str, str]) -> None:
    if value not in choices.values:  # type: ignore[attr-defined]
        errors[field] = _("Choose one of the options.")


def _validated(actor: Membership, fields: KpiFields) -> KpiFields:
    """The fields cleaned, or a ValidationError naming every bad one."""
    errors: dict[str, str] = {}
    name = ""
    try:
        name = clean_line(fields.name, field="name", max_length=NAME_MAX,
                          required=_("Give the KPI a name."))  # fmt: skip
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    description = (fields.description or "").strip()
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = _("Use at most %(max)d characters.") % {"max": DESCRIPTION_MAX}
    _choice(fields.unit, Unit, "unit", errors)
    _choice(fields.direction, Direction, "direction", errors)
    _choice(fields.aggregation, Aggregation, "aggregation", errors)
    _choice(fields.metric, Metric, "metric", errors)
    _choice(fields.period, Period, "period", errors)
    unit, aggregation, direction = fields.unit, fields.aggregation, fields.direction
    if fields.metric in METRIC_UNITS:
        unit, aggregation, direction = METRIC_UNITS[fields.metric]
    if unit == Unit.PERCENT and aggregation == Aggregation.SUM and "unit" not in errors:
        errors["aggregation"] = _("Percentages can't be added up: choose Average or Last value.")
    currency = (fields.currency or "").strip().upper()
    if unit == Unit.MONEY:
        currency = currency or actor.workspace.currency
        if currency not in WORKSPACE_CURRENCIES:
            errors["currency"] = _("Choose one of the currencies in the list.")
    else:
        currency = ""
    if not 0 <= fields.amber_margin <= 100:
        errors["amber_margin"] = _("Use a percentage from 0 to 100.")
    owners = [o for o in (fields.owner_seat, fields.owner_group, fields.owner_member) if o]
    if len(owners) > 1:
        errors["owner_seat"] = _("Choose one owner: a seat, a group or a person.")
    for obj in (fields.department, *owners):
        same_workspace(actor, obj)
    if fields.owner_member is not None and not fields.owner_member.is_active:
        errors["owner_member"] = _("This person has left the workspace.")
    if errors:
        raise ValidationError(errors)
    return KpiFields(
        name=name, description=description, unit=unit, currency=currency, direction=direction,
        aggregation=aggregation, metric=fields.metric, period=fields.period,
        department=fields.department,
        owner_seat=fields.owner_seat, owner_group=fields.owner_group,
        owner_member=fields.owner_member, amber_margin=fields.amber_margin,
    )  # fmt: skip


def _apply(kpi: Kpi, fields: KpiFields) -> None:
    for name in ("name", "description", "unit", "currency", "direction", "aggregation",
                 "metric", "period", "department", "owner_seat", "owner_group", "owner_member",
                 "amber_margin"):  # fmt: skip
        setattr(kpi, name, getattr(fields, name))


@transaction.atomic
def kpi_create(*, actor: Membership, fields: KpiFields, context: AuditContext | None = None) -> Kpi:
    require(actor, "kpis.manage")
    clean = _validated(actor, fields)
    kpi = Kpi(workspace=actor.workspace,
              position=next_position(Kpi.objects.in_workspace(actor.workspace)))  # fmt: skip
    _apply(kpi, clean)
    kpi.save()
    audit_event(actor, "kpis.created", kpi, context, name=kpi.name)
    if kpi.metric:
        from keel.kpis.jobs import compute_kpis_later

        compute_kpis_later(workspace_id=actor.workspace_id, kpi_ids=[kpi.pk])
    return kpi


@transaction.atomic
def kpi_update(
    *, actor: Membership, kpi: Kpi, fields: KpiFields, context: AuditContext | None = None
) -> Kpi:
    require(actor, "kpis.manage")
    same_workspace(actor, kpi)
    clean = _validated(actor, fields)
    if clean.period != kpi.period and KpiMonth.objects.filter(kpi=kpi).exists():
        # a month's figures can't be split into weeks, nor weeks re-cut into months
        raise ValidationError({"period": _(
            "This KPI already has monthly targets or values: it can't become weekly. Make a "
            "new weekly KPI (and archive this one when it is done)."
        ) if kpi.period == Period.MONTHLY else _(
            "This KPI already has weekly targets or values: it can't become monthly. Make a "
            "new monthly KPI (and archive this one when it is done)."
        )})  # fmt: skip
    metric_changed = clean.metric != kpi.metric or clean.period != kpi.period
    _apply(kpi, clean)
    kpi.save()
    audit_event(actor, "kpis.updated", kpi, context, name=kpi.name)
    if kpi.metric and metric_changed:
        from keel.kpis.jobs import compute_kpis_later

        compute_kpis_later(workspace_id=actor.workspace_id, kpi_ids=[kpi.pk])
    return kpi


@transaction.atomic
def kpi_archive(*, actor: Membership, kpi: Kpi, context: AuditContext | None = None) -> Kpi:
    """Off the scorecards; its months are kept (restore brings it back as it was)."""
    require(actor, "kpis.manage")
    same_workspace(actor, kpi)
    if kpi.archived_at is None:
        kpi.archived_at = timezone.now()
        kpi.save(update_fields=["archived_at", "updated_at"])
        audit_event(actor, "kpis.archived", kpi, context)
    return kpi


@transaction.atomic
def kpi_restore(*, actor: Membership, kpi: Kpi, context: AuditContext | None = None) -> Kpi:
    require(actor, "kpis.manage")
    same_workspace(actor, kpi)
    if kpi.archived_at is not None:
        kpi.archived_at = None
        kpi.save(update_fields=["archived_at", "updated_at"])
        audit_event(actor, "kpis.restored", kpi, context)
    return kpi
