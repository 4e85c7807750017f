"""The audit log page and its CSV export (owners and admins).

The export writes its own audit event: taking a copy of the log is itself on the record.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import tzinfo
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from keel.accounts import selectors, services
from keel.accounts.forms.people import AuditFilterForm
from keel.core.middleware import request_membership
from keel.core.models import AuditEvent
from keel.core.permissions import require
from keel.core.services import AuditContext

PAGE_SIZE = 50
CSV_COLUMNS = ["time", "action", "actor", "target_type", "target", "ip", "data"]


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEvent], dict[str, str]]:
    actor = request_membership(request)
    form = AuditFilterForm(
        request.GET or None, actions=selectors.audit_actions(workspace=actor.workspace)
    )
    params: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        params = {k: v for k, v in form.cleaned_data.items() if v}
    events = selectors.audit_events(workspace=actor.workspace, **params)
    return form, events, {k: str(v) for k, v in params.items()}


@login_required
def audit_log(request: HttpRequest, ws: str) -> HttpResponse:
    require(request_membership(request), "audit.view")
    form, events, params = _filtered(request)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "filtered": bool(params),
        "query": query.urlencode(),
        "export_query": query.urlencode(),
    }
    return render(request, "accounts/audit/list.html", context)


class _Echo:
    """csv.writer needs a file; this one hands each row straight to the response."""

    def write(self, value: str) -> str:
        return value


def _safe_cell(value: Any) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_rows(events: QuerySet[AuditEvent], tz: tzinfo) -> Iterator[str]:
    # Runs after the view returned (streaming), so the time zone is passed in, not read.
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for e in events.iterator(chunk_size=500):
        yield writer.writerow(
            [
                _safe_cell(v)
                for v in (
                    timezone.localtime(e.created_at, tz).isoformat(),
                    e.action,
                    e.actor_email,
                    e.target_type,
                    e.target_repr,
                    e.ip or "",
                    e.data or "",
                )
            ]
        )


@login_required
def audit_export(request: HttpRequest, ws: str) -> StreamingHttpResponse:
    actor = request_membership(request)
    require(actor, "audit.view")
    _form, events, params = _filtered(request)
    record = services.audit_export_record(
        actor=actor, count=events.count(), filters=params,
        context=AuditContext.from_request(request),
    )  # fmt: skip
    # The file holds what the page showed when export was clicked, not its own event.
    events = events.filter(pk__lt=record.pk)
    tz = timezone.get_current_timezone()
    filename = f"audit-{actor.workspace.slug}-{timezone.localdate():%Y%m%d}.csv"
    response = StreamingHttpResponse(_csv_rows(events, tz), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
