"""A weekly KPI's weeks grid: 13 weeks a page (a quarter), with the previous and next pages,
target, value and commentary per week. The URL names the page's first week as an ISO week
("2026-W05", in the workspace's week: figures.parse_week)."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.kpis import selectors, services
from keel.kpis.access import can_enter_values
from keel.kpis.figures import display, parse_week, week_label, week_start, weeks_of_month
from keel.kpis.forms import CopyTargetsForm
from keel.kpis.forms.weeks import WeeksGridForm
from keel.kpis.models import Kpi
from keel.ui.forms import submit

PAGE_WEEKS = 13  # a quarter
PAST_WEEKS = 9  # the page a KPI opens on: nine weeks gone, this week, three to come


def weeks_url(ws: str, kpi: Kpi, first: date) -> str:
    label = week_label(first, kpi.workspace.first_weekday)
    return reverse("kpis_weeks", kwargs={"ws": ws, "kpi_id": kpi.pk, "week": label})


def current_page(kpi: Kpi, today: date) -> date:
    """The first week of the page a weekly KPI's grid opens on."""
    return week_start(today, kpi.workspace.first_weekday) - timedelta(weeks=PAST_WEEKS)


def month_page(kpi: Kpi, month: date) -> date:
    """The page whose first week is the month's first (the scorecard's drill-down)."""
    first = kpi.workspace.first_weekday
    weeks = weeks_of_month(month, first)
    return weeks[0] if weeks else week_start(month, first)


def span(first: date, last: date) -> str:
    """ "Dec. 7, 2026 – Dec. 13, 2026" in the reader's language."""
    return _("%(first)s – %(last)s") % {"first": date_format(first, "DATE_FORMAT"),
                                        "last": date_format(last, "DATE_FORMAT")}  # fmt: skip


def week_title(week: date) -> str:
    return span(week, week + timedelta(days=6))


@login_required
@require_http_methods(["GET", "POST"])
def weeks(request: HttpRequest, ws: str, kpi_id: int, week: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.view")
    kpi = selectors.get_kpi_for(actor, kpi_id)
    first = parse_week(week, actor.workspace.first_weekday)
    if first is None:
        raise Http404
    if not kpi.is_weekly:
        return redirect("kpis_year", ws=ws, kpi_id=kpi.pk, year=first.year)
    targets = has_perm(actor, "kpis.manage")
    enters = can_enter_values(actor, kpi)
    values = enters and not kpi.is_computed
    if not (targets or enters):
        raise PermissionDenied
    today = timezone.localdate()
    rows = selectors.week_rows(kpi=kpi, first=first, count=PAGE_WEEKS)
    form = WeeksGridForm(request.POST or None, rows=rows, targets=targets, values=values,
                         this_week=week_start(today, actor.workspace.first_weekday))  # fmt: skip
    context = AuditContext.from_request(request)
    saved = submit(request, form, lambda data: services.months_save(
        actor=actor, kpi=kpi, entries=form.entries(), context=context))  # fmt: skip
    if saved is not None:
        messages.success(request, _("The weeks are saved."))
        return redirect(weeks_url(ws, kpi, first))
    first_weekday = actor.workspace.first_weekday
    page = {
        "kpi": kpi, "form": form, "targets": targets, "values": values,
        "week": week_label(first, first_weekday), "year": first.year,
        "range": span(first, rows[-1][0] + timedelta(days=6)),
        "previous": weeks_url(ws, kpi, first - timedelta(weeks=PAGE_WEEKS)),
        "next": weeks_url(ws, kpi, first + timedelta(weeks=PAGE_WEEKS)),
        "labels": {w: f"{week_label(w, first_weekday)} · {week_title(w)}" for w, _r in rows},
        "computed": {w: display(r.value, unit=kpi.unit, currency=kpi.currency)
                     for w, r in rows if r is not None},
        "copy_form": CopyTargetsForm() if targets else None,
    }  # fmt: skip
    return render(request, "kpis/weeks.html", page, status=400 if form.errors else 200)
