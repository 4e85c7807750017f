"""A KPI's months: the year grid (targets, values, commentary), copying last year's targets
with growth, one month's page (the scorecard's drill-down) and the CSV import."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.kpis import selectors, services
from keel.kpis.access import can_enter_values
from keel.kpis.csv_import import read_csv
from keel.kpis.figures import display, month_start, parse_week, plain, week_label
from keel.kpis.forms import CopyTargetsForm, MonthForm, YearGridForm
from keel.kpis.forms.imports import CSV, KpiImportForm
from keel.kpis.models import Kpi, KpiMonth, ValueSource
from keel.kpis.services.months import FIRST_YEAR, LAST_YEAR
from keel.kpis.shop_formats import MAX_BYTES as SHOP_MAX_BYTES
from keel.kpis.views.kpis import detail_url, parse_month
from keel.kpis.views.shop_import import read_upload
from keel.kpis.views.weeks import month_page, week_title, weeks_url
from keel.ui.forms import submit


def period_text(kpi: Kpi, day: date) -> str:
    """A preview row's period: "March 2026", or "2026-W05 · Feb. 2 – Feb. 8, 2026"."""
    if kpi.is_weekly:
        return f"{week_label(day, kpi.workspace.first_weekday)} · {week_title(day)}"
    return date_format(day, "YEAR_MONTH_FORMAT")


def _year_url(ws: str, kpi_id: int, year: int) -> str:
    return reverse("kpis_year", kwargs={"ws": ws, "kpi_id": kpi_id, "year": year})


@login_required
@require_http_methods(["GET", "POST"])
def year(request: HttpRequest, ws: str, kpi_id: int, year: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.view")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    if kpi.is_weekly:  # its figures are weeks: the weeks grid from the year's first week
        return redirect(weeks_url(ws, kpi, month_page(kpi, date(year, 1, 1))))
    targets = has_perm(actor, "kpis.manage")
    enters = can_enter_values(actor, kpi)
    values = enters and not kpi.is_computed
    if not (targets or enters):
        raise PermissionDenied
    rows = selectors.year_months(kpi=kpi, year=year)
    form = YearGridForm(request.POST or None, year=year, rows=rows, targets=targets,
                        values=values, this_month=month_start(timezone.localdate()))  # fmt: skip
    context = AuditContext.from_request(request)
    saved = submit(request, form, lambda data: services.months_save(
        actor=actor, kpi=kpi, entries=form.entries(), context=context))  # fmt: skip
    if saved is not None:
        messages.success(request, _("%(year)d saved.") % {"year": year})
        return redirect(_year_url(ws, kpi.pk, year))
    page = {
        "kpi": kpi, "year": year, "form": form, "targets": targets, "values": values,
        "copy_form": CopyTargetsForm() if targets else None,
        "month_names": {m: date_format(m, "YEAR_MONTH_FORMAT") for m, _row in rows},
        "computed": {m: display(r.value, unit=kpi.unit, currency=kpi.currency)
                     for m, r in rows if r is not None},
    }  # fmt: skip
    return render(request, "kpis/year.html", page, status=400 if form.errors else 200)


@login_required
@require_POST
def copy_targets(request: HttpRequest, ws: str, kpi_id: int, year: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.manage")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    form = CopyTargetsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the growth as a number, for example 10 or -5."))
        return redirect(_year_url(ws, kpi.pk, year))
    try:
        changed = services.targets_copy(actor=actor, kpi=kpi, year=year,
                                        growth_percent=form.cleaned_data["growth"],
                                        context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(count)d targets set from %(year)d.")
                         % {"count": changed, "year": year - 1})  # fmt: skip
    back = parse_week(request.POST.get("week"), actor.workspace.first_weekday)
    if kpi.is_weekly and back is not None:
        return redirect(weeks_url(ws, kpi, back))
    return redirect(_year_url(ws, kpi.pk, year))


@login_required
@require_http_methods(["GET", "POST"])
def month(request: HttpRequest, ws: str, kpi_id: int, month: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.view")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    first_day = parse_month(month)
    if first_day is None:
        raise Http404
    if kpi.is_weekly:  # the scorecard's drill-down: the weeks of that month
        return redirect(weeks_url(ws, kpi, month_page(kpi, first_day)))
    row = KpiMonth.objects.filter(kpi=kpi, month=first_day).select_related(
        "value_set_by__user").first()  # fmt: skip
    targets = has_perm(actor, "kpis.manage")
    enters = can_enter_values(actor, kpi)
    values = enters and not kpi.is_computed
    may_edit = targets or enters
    initial = {"target": plain(row.target), "value": plain(row.value),
               "comment": row.comment} if row else {}  # fmt: skip
    form = MonthForm(request.POST or None, initial=initial, targets=targets, values=values)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    context = AuditContext.from_request(request)

    def save(data: dict[str, Any]) -> int:
        entry = services.MonthEntry(
            month=first_day,
            target=data["target"] if "target" in form.fields else services.UNSET,
            value=data["value"] if "value" in form.fields else services.UNSET,
            comment=data.get("comment", ""),
        )  # fmt: skip
        return services.months_save(actor=actor, kpi=kpi, entries=[entry], context=context)

    if submit(request, form, save) is not None:
        messages.success(request, _("%(month)s saved.")
                         % {"month": date_format(first_day, "YEAR_MONTH_FORMAT")})  # fmt: skip
        return redirect(reverse("kpis_month", kwargs={"ws": ws, "kpi_id": kpi.pk,
                                                       "month": month}))  # fmt: skip
    page = {
        "kpi": kpi, "cell": selectors.cell(kpi, first_day, row, timezone.localdate()),
        "row": row, "form": form,
        "may_edit": may_edit, "month_label": date_format(first_day, "YEAR_MONTH_FORMAT"),
        "sources": dict(ValueSource.choices),
    }  # fmt: skip
    return render(request, "kpis/month.html", page, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest, ws: str, kpi_id: int) -> HttpResponse:
    """Upload → preview (months, bad lines) → confirm. Nothing is saved before the confirm.
    A Shopify or Amazon file goes on to the shop import's preview (views/shop_import.py),
    with this KPI chosen for the first figure it can take."""
    actor = request_membership(request)
    require(actor, "kpis.view")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    if not can_enter_values(actor, kpi):
        raise PermissionDenied
    form = KpiImportForm(request.POST or None, request.FILES or None)
    preview = None
    text = ""
    shop_file = request.method == "POST" and form.is_valid() and (
        form.cleaned_data["format"] or CSV) != CSV  # fmt: skip
    if request.method == "POST" and kpi.is_computed and not shop_file:
        form.add_error(None, _("Keel computes this KPI's values: there is nothing to import."))
    elif shop_file:
        upload = form.cleaned_data.get("file")
        if kpi.is_weekly:
            form.add_error("format", _("A shop file fills monthly KPIs and this one is weekly: "
                                       "choose “Date and value” and save the shop's days "
                                       "as date,value."))  # fmt: skip
        elif not has_perm(actor, "kpis.manage"):
            form.add_error("format", _("A shop file fills several KPIs: only managers import "
                                       "one. Choose “Date and value” for this KPI."))  # fmt: skip
        elif upload is None:
            form.add_error("file", _("Choose the file."))
        else:
            upload.seek(0)
            return read_upload(request, data=upload.read(SHOP_MAX_BYTES + 1),
                               fmt=form.cleaned_data["format"], currency="",
                               file_name=upload.name or "",
                               prefer=None if kpi.is_computed else kpi)  # fmt: skip
    elif request.method == "POST" and form.is_valid():
        decoded = form.text()
        text = decoded or ""
        if decoded is None:
            form.add_error("file", _("This file is not text in UTF-8 or GB18030: save it as "
                                     "CSV from your spreadsheet and try again."))  # fmt: skip
        elif not text.strip():
            form.add_error("file", _("Choose a CSV file."))
        else:
            preview = read_csv(text, aggregation=kpi.aggregation,
                               week_start=actor.workspace.first_weekday
                               if kpi.is_weekly else None)  # fmt: skip
            if preview.problem:
                form.add_error("file", preview.problem)
                preview = None
            elif request.POST.get("confirm") and preview.usable:
                try:
                    audit = AuditContext.from_request(request)
                    saved = services.import_apply(
                        actor=actor, kpi=kpi, months=preview.months, context=audit
                    )
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    messages.success(request, (_("%(count)d weeks imported.") if kpi.is_weekly
                                               else _("%(count)d months imported."))
                                     % {"count": saved})  # fmt: skip
                    return redirect(detail_url(ws, kpi))
    existing = {}
    if preview is not None:
        existing = {r.month: r.value for r in KpiMonth.objects.filter(
            kpi=kpi, month__in=list(preview.months))}  # fmt: skip
    rows = [
        (period_text(kpi, m), display(v, unit=kpi.unit, currency=kpi.currency),
         display(existing.get(m), unit=kpi.unit, currency=kpi.currency)
         if existing.get(m) is not None else "")
        for m, v in (preview.months.items() if preview else [])
    ]  # fmt: skip
    context = {"kpi": kpi, "form": form, "preview": preview, "rows": rows, "csv_text": text,
               "can_manage": has_perm(actor, "kpis.manage")}  # fmt: skip
    return render(request, "kpis/import.html", context, status=400 if form.errors else 200)
