"""KPI pages: the monthly scorecard, a KPI's page with its trend, the definition form,
archive and restore. Views parse with a form, call one service or selector, and render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
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
from keel.kpis.figures import month_start, week_label
from keel.kpis.forms import KpiForm
from keel.kpis.models import Kpi
from keel.kpis.trend import in_thousands, trend_chart
from keel.kpis.views.weeks import current_page, weeks_url
from keel.org.models import Department
from keel.ui.forms import submit


def parse_month(text: str | None) -> date | None:
    """ "2026-03" → 2026-03-01; None for anything else."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1) if 2000 <= year <= 2200 else None
    except ValueError:
        return None


def detail_url(ws: str, kpi: Kpi) -> str:
    return reverse("kpis_detail", kwargs={"ws": ws, "kpi_id": kpi.pk})


@login_required
def scorecard(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.view")
    today = timezone.localdate()
    month = parse_month(request.GET.get("month")) or month_start(today)
    departments = list(Department.objects.in_workspace(actor.workspace).order_by("name"))
    team = request.GET.get("team", "")
    department_id = next((d.pk for d in departments if str(d.pk) == team), None)
    page = selectors.scorecard(workspace=actor.workspace, month=month, today=today,
                               department_id=department_id)  # fmt: skip
    context = {
        "page": page,
        "month_label": date_format(month, "YEAR_MONTH_FORMAT"),
        "month_choices": [(m.strftime("%Y-%m"), date_format(m, "YEAR_MONTH_FORMAT"))
                          for m in page.months],
        "month_value": month.strftime("%Y-%m"),
        "departments": departments,
        "team": department_id,
        "can_manage": has_perm(actor, "kpis.manage"),
        "archived": Kpi.objects.in_workspace(actor.workspace).exclude(archived_at=None).count()
        if has_perm(actor, "kpis.manage") else 0,
    }  # fmt: skip
    return render(request, "kpis/scorecard.html", context)


@login_required
def detail(request: HttpRequest, ws: str, kpi_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.view")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    today = timezone.localdate()
    history = selectors.kpi_history(kpi=kpi, today=today)
    grid_url = reverse("kpis_year", kwargs={"ws": ws, "kpi_id": kpi.pk, "year": today.year})
    week_labels: dict[date, str] = {}
    if kpi.is_weekly:
        grid_url = weeks_url(ws, kpi, current_page(kpi, today))
        first_weekday = actor.workspace.first_weekday
        week_labels = {c.month: week_label(c.month, first_weekday) for c in history.cells}
    context = {
        "kpi": kpi,
        "history": history,
        "rows": list(reversed(history.cells)),
        "chart": trend_chart(history),
        "in_thousands": in_thousands(history),
        "year": today.year,
        "grid_url": grid_url,
        "week_labels": week_labels,
        "can_manage": has_perm(actor, "kpis.manage"),
        "can_enter": can_enter_values(actor, kpi),
    }
    return render(request, "kpis/detail.html", context)


def _form_page(request: HttpRequest, form: KpiForm, kpi: Kpi | None) -> HttpResponse:
    return render(request, "kpis/kpi_form.html", {"form": form, "kpi": kpi},
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def kpi_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.manage")
    form = KpiForm(request.POST or None, workspace=actor.workspace)
    context = AuditContext.from_request(request)
    kpi = submit(request, form, lambda data: services.kpi_create(
        actor=actor, fields=form.fields_for_service(), context=context))  # fmt: skip
    if kpi is not None:
        messages.success(request, _("KPI added. Set its targets for the year next."))
        if kpi.is_weekly:
            return redirect(weeks_url(ws, kpi, current_page(kpi, timezone.localdate())))
        return redirect("kpis_year", ws=ws, kpi_id=kpi.pk, year=timezone.localdate().year)
    return _form_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def kpi_edit(request: HttpRequest, ws: str, kpi_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.manage")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    form = KpiForm(request.POST or None, workspace=actor.workspace, kpi=kpi)
    context = AuditContext.from_request(request)
    saved = submit(request, form, lambda data: services.kpi_update(
        actor=actor, kpi=kpi, fields=form.fields_for_service(), context=context))  # fmt: skip
    if saved is not None:
        messages.success(request, _("KPI saved."))
        return redirect(detail_url(ws, kpi))
    return _form_page(request, form, kpi)


@login_required
@require_POST
def kpi_archive(request: HttpRequest, ws: str, kpi_id: int) -> HttpResponse:
    actor = request_membership(request)
    kpi = selectors.get_kpi_for(actor, kpi_id)
    services.kpi_archive(actor=actor, kpi=kpi, context=AuditContext.from_request(request))
    messages.success(request, _("“%(name)s” is archived: off the scorecards, its months kept.")
                     % {"name": kpi.name})  # fmt: skip
    return redirect("kpis_scorecard", ws=ws)


@login_required
@require_POST
def kpi_restore(request: HttpRequest, ws: str, kpi_id: int) -> HttpResponse:
    actor = request_membership(request)
    kpi = selectors.get_kpi_for(actor, kpi_id)
    services.kpi_restore(actor=actor, kpi=kpi, context=AuditContext.from_request(request))
    messages.success(request, _("“%(name)s” is back on the scorecards.") % {"name": kpi.name})
    return redirect(detail_url(ws, kpi))


@login_required
def archived(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.manage")
    kpis: Any = selectors.kpis_of(actor.workspace).exclude(archived_at=None).order_by("name")
    return render(request, "kpis/archived.html", {"kpis": kpis})
