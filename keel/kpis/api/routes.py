"""API routes for KPIs (mounted in keel/api.py): definitions, and months to read or push.

A shop's own script pushes values with a token (`keel token create`, or the tokens page):
`POST /workspaces/{slug}/kpis/{id}/months` with `{"months": [{"month": "2026-03",
"value": "120000"}]}`. Thin like the pages: resolve the caller's membership from the URL,
parse a schema, call one service (which checks permissions, validates and audits).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from keel.accounts.models import Group
from keel.core.api_support import (
    ERROR_RESPONSES,
    Page,
    PageParams,
    api_field_names,
    get_in_workspace,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.kpis import figures, selectors, services
from keel.kpis.api.schemas import (
    KpiIn,
    KpiOut,
    KpiPatchIn,
    MonthOut,
    MonthsIn,
    MonthsSavedOut,
    month_text,
)
from keel.kpis.figures import parse_week, week_label
from keel.kpis.models import Kpi, KpiMonth, ValueSource
from keel.org.models import Department, Seat

router = Router(tags=["kpis"])

WS = "/workspaces/{slug}"
FIELD_NAMES = {"department": "team_id", "owner_seat": "owner_seat_id",
               "owner_group": "owner_group_id", "owner_member": "owner_member_id"}  # fmt: skip


def _reader(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "kpis.view")
    return membership


def _kpi(membership: Membership, kpi_id: int) -> Kpi:
    kpi: Kpi = get_in_workspace(Kpi.objects.all(), membership, kpi_id)
    kpi.workspace = membership.workspace  # its week start, without a query
    return kpi


def _one(membership: Membership, model: Any, pk: int | None, field: str) -> Any:
    """An object of the caller's workspace; another workspace's id and a made-up one look
    alike (a 422 on the field)."""
    if pk is None:
        return None
    found = model.objects.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if found is None:
        raise ValidationError({field: _("Choose one of this workspace's.")})
    return found


def _fields(membership: Membership, payload: Any, base: Kpi | None = None) -> services.KpiFields:
    sent = payload.model_dump(exclude_unset=True)
    current: dict[str, Any] = {}
    if base is not None:
        current = {
            "name": base.name, "description": base.description, "unit": base.unit,
            "currency": base.currency, "direction": base.direction,
            "aggregation": base.aggregation, "metric": base.metric, "period": base.period,
            "team_id": base.department_id, "owner_seat_id": base.owner_seat_id,
            "owner_group_id": base.owner_group_id, "owner_member_id": base.owner_member_id,
            "amber_margin": base.amber_margin,
        }  # fmt: skip
    data = {**current, **{k: v for k, v in sent.items() if v is not None or k.endswith("_id")}}
    return services.KpiFields(
        name=data.get("name") or "", description=data.get("description") or "",
        unit=str(data.get("unit") or "count"), currency=data.get("currency") or "",
        direction=str(data.get("direction") or "higher"),
        aggregation=str(data.get("aggregation") or "sum"), metric=str(data.get("metric") or ""),
        period=str(data.get("period") or "monthly"),
        department=_one(membership, Department, data.get("team_id"), "team_id"),
        owner_seat=_one(membership, Seat, data.get("owner_seat_id"), "owner_seat_id"),
        owner_group=_one(membership, Group, data.get("owner_group_id"), "owner_group_id"),
        owner_member=_one(membership, Membership, data.get("owner_member_id"),
                          "owner_member_id"),
        amber_margin=int(data.get("amber_margin", 10)),
    )  # fmt: skip


@router.get(f"{WS}/kpis", response={200: page_schema(KpiOut), **ERROR_RESPONSES})
def kpi_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[Kpi]:
    """The workspace's KPIs (archived ones too: see `archived`), in scorecard order."""
    membership = _reader(request, slug)
    return paginate(Kpi.objects.in_workspace(membership.workspace), params, order_by="id")


@router.post(f"{WS}/kpis", response={201: KpiOut, **ERROR_RESPONSES})
def kpi_create(request: HttpRequest, slug: str, payload: KpiIn) -> Status[Kpi]:
    membership = workspace_membership(request, slug)
    require(membership, "kpis.manage")
    with api_field_names(FIELD_NAMES):
        kpi = services.kpi_create(actor=membership, fields=_fields(membership, payload),
                                  context=AuditContext.from_request(request))  # fmt: skip
    return Status(201, kpi)


@router.get(f"{WS}/kpis/{{kpi_id}}", response={200: KpiOut, **ERROR_RESPONSES})
def kpi_detail(request: HttpRequest, slug: str, kpi_id: int) -> Kpi:
    return _kpi(_reader(request, slug), kpi_id)


@router.patch(f"{WS}/kpis/{{kpi_id}}", response={200: KpiOut, **ERROR_RESPONSES})
def kpi_update(request: HttpRequest, slug: str, kpi_id: int, payload: KpiPatchIn) -> Kpi:
    """Change the fields sent; the others keep their value (send an owner id as null to
    clear it)."""
    membership = workspace_membership(request, slug)
    require(membership, "kpis.manage")
    kpi = _kpi(membership, kpi_id)
    with api_field_names(FIELD_NAMES):
        return services.kpi_update(actor=membership, kpi=kpi,
                                   fields=_fields(membership, payload, base=kpi),
                                   context=AuditContext.from_request(request))  # fmt: skip


@router.post(f"{WS}/kpis/{{kpi_id}}/archive", response={200: KpiOut, **ERROR_RESPONSES})
def kpi_archive(request: HttpRequest, slug: str, kpi_id: int) -> Kpi:
    """Take the KPI off the scorecards (its months are kept)."""
    membership = workspace_membership(request, slug)
    kpi = _kpi(membership, kpi_id)
    return services.kpi_archive(actor=membership, kpi=kpi,
                                context=AuditContext.from_request(request))  # fmt: skip


@router.post(f"{WS}/kpis/{{kpi_id}}/restore", response={200: KpiOut, **ERROR_RESPONSES})
def kpi_restore(request: HttpRequest, slug: str, kpi_id: int) -> Kpi:
    membership = workspace_membership(request, slug)
    kpi = _kpi(membership, kpi_id)
    return services.kpi_restore(actor=membership, kpi=kpi,
                                context=AuditContext.from_request(request))  # fmt: skip


def _month_out(kpi: Kpi, row: KpiMonth) -> dict[str, Any]:
    weekly = kpi.is_weekly
    return {
        "month": None if weekly else month_text(row.month),
        "week": week_label(row.month, kpi.workspace.first_weekday) if weekly else None,
        "target": row.target, "value": row.value,
        "comment": row.comment, "source": row.source or None,
        "status": figures.status(row.value, row.target, direction=kpi.direction,
                                 margin=kpi.amber_margin),
    }  # fmt: skip


@router.get(f"{WS}/kpis/{{kpi_id}}/months", response={200: list[MonthOut], **ERROR_RESPONSES})
def month_list(request: HttpRequest, slug: str, kpi_id: int, year: int) -> list[dict[str, Any]]:
    """The months of `year` that have a target, a value or commentary; for a weekly KPI the
    weeks that start in `year`."""
    membership = _reader(request, slug)
    kpi = _kpi(membership, kpi_id)
    if not 2000 <= year <= 2200:
        raise ValidationError({"year": _("Choose a year from 2000 to 2200.")})
    if kpi.is_weekly:
        rows = KpiMonth.objects.filter(kpi=kpi, month__year=year).order_by("month")
        return [_month_out(kpi, row) for row in rows]
    return [_month_out(kpi, row) for month, row in selectors.year_months(kpi=kpi, year=year)
            if row is not None]  # fmt: skip


def _period_of(kpi: Kpi, item: Any) -> date:
    """The entry's month, or its week for a weekly KPI: the other one is refused by name."""
    if kpi.is_weekly:
        if item.month is not None or item.week is None:
            raise ValidationError({"week": _('This KPI is weekly: give each entry a "week" '
                                             'like 2026-W05, not a "month".')})  # fmt: skip
        first = parse_week(item.week, kpi.workspace.first_weekday)
        if first is None:
            raise ValidationError({"week": _("%(week)s is not a week Keel keeps (2000 to "
                                             "2200).") % {"week": item.week}})  # fmt: skip
        return first
    if item.week is not None or item.month is None:
        raise ValidationError({"month": _('This KPI is monthly: give each entry a "month" '
                                          'like 2026-03, not a "week".')})  # fmt: skip
    year, month = (int(p) for p in item.month.split("-"))
    return date(year, month, 1)


@router.post(f"{WS}/kpis/{{kpi_id}}/months", response={200: MonthsSavedOut, **ERROR_RESPONSES})
def months_push(request: HttpRequest, slug: str, kpi_id: int, payload: MonthsIn) -> dict[str, int]:
    """Set targets, values or commentary of several months at once (a value for a month
    that has not started is refused; a computed KPI's values are Keel's)."""
    membership = workspace_membership(request, slug)
    require(membership, "kpis.view")
    kpi = _kpi(membership, kpi_id)
    entries = []
    for item in payload.months:
        sent = item.model_dump(exclude_unset=True)
        entries.append(services.MonthEntry(
            month=_period_of(kpi, item),
            target=sent.get("target", services.UNSET),
            value=sent.get("value", services.UNSET),
            comment=(sent["comment"] or "") if "comment" in sent else services.UNSET,
        ))  # fmt: skip
    changed = services.months_save(actor=membership, kpi=kpi, entries=entries,
                                   source=ValueSource.API,
                                   context=AuditContext.from_request(request))  # fmt: skip
    return {"changed": changed}
