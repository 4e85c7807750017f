"""Import from a shop: one Shopify orders export or Amazon Business Report fills several KPIs.

Upload → preview (the figures the file holds per month, the KPI that receives each, the value
each month replaces, the bad lines and the months they refuse) → confirm, which saves every
chosen KPI in one transaction (services.shop_import_apply). Between the preview and the
confirm the session keeps the file's monthly figures (never the file: a few dozen numbers),
under a random token tied to the member who uploaded it. Managers only (`kpis.manage`).
"""

from __future__ import annotations

import datetime
import re
import secrets
import zoneinfo
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.kpis import services
from keel.kpis.figures import display
from keel.kpis.forms.imports import ShopMappingForm, ShopUploadForm, month_value
from keel.kpis.models import Kpi, KpiMonth, Period, Unit
from keel.kpis.services.shop_import import kpi_currency
from keel.kpis.shop_formats import FIGURES, MONEY, ShopPreview, read_shop_file
from keel.org.models import workspace_today
from keel.ui.forms import add_service_errors, submit

SESSION_KEY = "kpis_shop_imports"
MAX_PENDING = 3  # previews kept per session; the oldest goes first
STALE_AFTER = datetime.timedelta(hours=12)
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
SHOWN_ERRORS = 100


def importable_kpis(actor: Membership) -> list[Kpi]:
    """The KPIs a shop file may feed: active, monthly, typed (not computed), money or count
    (a weekly KPI takes its days as a "date,value" file: docs/kpis.md, "Weekly KPIs")."""
    kpis = (
        Kpi.objects.in_workspace(actor.workspace).active()
        .filter(metric="", unit__in=[Unit.MONEY, Unit.COUNT], period=Period.MONTHLY)
        .order_by("position", "id")
    )  # fmt: skip
    out = list(kpis)
    for kpi in out:
        kpi.workspace = actor.workspace  # kpi_currency reads it: no query per KPI
    return out


def _prefer(actor: Membership, raw: str | None) -> Kpi | None:
    if not (raw or "").isdigit():
        return None
    return next((k for k in importable_kpis(actor) if k.pk == int(raw or 0)), None)


# --- The figures between preview and confirm -----------------------------------------------


def _pending(request: HttpRequest) -> dict[str, dict[str, Any]]:
    pending = dict(request.session.get(SESSION_KEY, {}))
    cutoff = (timezone.now() - STALE_AFTER).isoformat()
    return {t: e for t, e in pending.items() if e.get("created", "") >= cutoff}


def _store(request: HttpRequest, actor: Membership, entry: dict[str, Any]) -> str:
    token = secrets.token_urlsafe(24)
    pending = _pending(request)
    for old in sorted(pending, key=lambda t: pending[t]["created"])[: -MAX_PENDING + 1]:
        pending.pop(old)
    pending[token] = {**entry, "membership": actor.pk, "created": timezone.now().isoformat()}
    request.session[SESSION_KEY] = pending
    return token


def _load(request: HttpRequest, actor: Membership, token: str) -> dict[str, Any] | None:
    entry = _pending(request).get(token) if TOKEN_RE.match(token) else None
    return entry if entry is not None and entry.get("membership") == actor.pk else None


def _discard(request: HttpRequest, token: str) -> None:
    pending = _pending(request)
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending


# --- Pages ---------------------------------------------------------------------------------


def _upload_page(
    request: HttpRequest, form: ShopUploadForm, *, prefer: Kpi | None,
    preview: ShopPreview | None = None,
) -> HttpResponse:  # fmt: skip
    problem = ""
    if preview is not None:
        problem = preview.problem or _("No month of this file can be imported: see the lines "
                                       "below.")  # fmt: skip
    context = {"form": form, "prefer": prefer, "problem": problem,
               "errors": preview.errors[:SHOWN_ERRORS] if preview else [],
               "error_count": preview.error_count if preview else 0}  # fmt: skip
    failed = bool(form.errors or problem)
    return render(request, "kpis/import_shop.html", context, status=400 if failed else 200)


def read_upload(
    request: HttpRequest, *, data: bytes, fmt: str, currency: str, file_name: str,
    prefer: Kpi | None,
) -> HttpResponse:  # fmt: skip
    """Read an uploaded file and show its preview (also called by a KPI's import page)."""
    actor = request_membership(request)
    require(actor, "kpis.manage")
    workspace = actor.workspace
    try:
        tz: datetime.tzinfo = zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = datetime.UTC
    preview = read_shop_file(data, format=fmt, tz=tz, today=workspace_today(workspace),
                             currency=currency)  # fmt: skip
    if not preview.usable:
        upload = ShopUploadForm(initial={"format": fmt, "currency": currency})
        return _upload_page(request, upload, prefer=prefer, preview=preview)
    entry = {"preview": preview.to_dict(), "file_name": file_name[:200], "currency": currency}
    token = _store(request, actor, entry)
    form = ShopMappingForm(preview=preview, kpis=importable_kpis(actor), token=token,
                           prefer=prefer)  # fmt: skip
    return _preview_page(request, form, preview, file_name=file_name[:200])


@login_required
@require_http_methods(["GET", "POST"])
def shop_import(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.manage")
    prefer = _prefer(actor, request.GET.get("kpi"))
    form = ShopUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        return read_upload(request, data=form.data_bytes(), fmt=form.cleaned_data["format"],
                           currency=form.cleaned_data["currency"], file_name=upload.name or "",
                           prefer=prefer)  # fmt: skip
    return _upload_page(request, form, prefer=prefer)


def _imports(form: ShopMappingForm) -> list[services.FigureImport]:
    months = form.chosen_months()
    return [
        services.FigureImport(figure=key, kpi=kpi, months={
            m: v for m, v in form.preview.figures[key].items() if m in months})
        for key, kpi in form.chosen().items()
    ]  # fmt: skip


@login_required
@require_POST
def shop_import_confirm(request: HttpRequest, ws: str) -> HttpResponse:
    """Check the choices (the "Check" button: what each month replaces), or save them."""
    actor = request_membership(request)
    require(actor, "kpis.manage")
    token = request.POST.get("token", "")
    entry = _load(request, actor, token)
    if entry is None:
        messages.error(request, _("This import has expired: upload the file again."))
        return redirect(reverse("kpis_shop_import", kwargs={"ws": ws}))
    preview = ShopPreview.from_dict(entry["preview"])
    currency = entry["currency"] or preview.currency
    form = ShopMappingForm(request.POST, preview=preview, kpis=importable_kpis(actor),
                           token=token)  # fmt: skip
    if "check" in request.POST:
        if form.is_valid():
            try:
                services.shop_import_check(actor=actor, format=preview.format,
                                           currency=currency, imports=_imports(form))  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
        return _preview_page(request, form, preview, file_name=entry["file_name"],
                             status=400 if form.errors else 200)  # fmt: skip
    context = AuditContext.from_request(request)
    saved = submit(request, form, lambda data: services.shop_import_apply(
        actor=actor, format=preview.format, currency=currency, imports=_imports(form),
        file_name=entry["file_name"], context=context))  # fmt: skip
    if saved is not None:
        _discard(request, token)
        chosen = form.chosen()
        messages.success(request, ngettext(
            "%(months)d months imported into %(count)d KPI.",
            "%(months)d months imported into %(count)d KPIs.", len(chosen),
        ) % {"months": len(form.chosen_months()), "count": len(chosen)})  # fmt: skip
        return redirect(reverse("kpis_scorecard", kwargs={"ws": ws}))
    return _preview_page(request, form, preview, file_name=entry["file_name"], status=400)


def _preview_page(
    request: HttpRequest, form: ShopMappingForm, preview: ShopPreview, *, file_name: str,
    status: int = 200,
) -> HttpResponse:  # fmt: skip
    chosen = form.chosen()
    months = preview.months
    existing = {
        (row.kpi_id, row.month): row.value
        for row in KpiMonth.objects.in_workspace(request_membership(request).workspace).filter(
            kpi_id__in=[k.pk for k in chosen.values()], month__in=months)
    }  # fmt: skip

    def shown(key: str, value: Any, kpi: Kpi | None) -> str:
        kind = FIGURES[key].kind
        if kind != MONEY:
            return display(value, unit=Unit.COUNT)
        currency = preview.currency or (kpi_currency(kpi) if kpi else "")
        return display(value, unit=Unit.MONEY, currency=currency)

    def replaced(key: str, month: datetime.date) -> str:
        kpi = chosen.get(key)
        if kpi is None or existing.get((kpi.pk, month)) is None:
            return ""
        return display(existing[(kpi.pk, month)], unit=kpi.unit, currency=kpi_currency(kpi))

    boxes = {box.data["value"]: box for box in form["months"]}
    rows = [
        {"box": boxes.get(month_value(m)), "label": date_format(m, "YEAR_MONTH_FORMAT"),
         "incomplete": m in preview.incomplete,
         "cells": [(shown(key, preview.figures[key].get(m), chosen.get(key)), replaced(key, m))
                   for key in form.figures]}
        for m in months
    ]  # fmt: skip
    context = {
        "form": form, "preview": preview, "file_name": file_name, "rows": rows,
        "figures": [(form[f"kpi_{key}"], chosen.get(key)) for key in form.figures],
        "refused": [(date_format(m, "YEAR_MONTH_FORMAT"), lines[:10])
                    for m, lines in preview.refused.items()],
        "future": [date_format(m, "YEAR_MONTH_FORMAT") for m in preview.future],
        "errors": preview.errors[:SHOWN_ERRORS],
        "first_day": preview.first_day, "last_day": preview.last_day,
    }  # fmt: skip
    return render(request, "kpis/import_shop_preview.html", context, status=status)
