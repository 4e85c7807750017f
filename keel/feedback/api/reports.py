"""API routes for reports: list one's own, read one (the answers the caller may read), submit
and edit. Thin like the pages: the services check the author, the windows and every answer.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
    InputSchema,
    Page,
    PageParams,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.feedback import access
from keel.feedback.models import Report, ReportForm
from keel.feedback.selectors import reports as selectors
from keel.feedback.services import reports as services

router = Router(tags=["feedback"])

WS = "/workspaces/{slug}/feedback"
Value = str | int | float | bool | None


class ReportOut(Schema):
    id: int
    form_id: int
    form_title: str
    period_date: date
    period_start: date
    due_at: datetime
    submitted_at: datetime | None
    edited_at: datetime | None
    state: str = Field(description="open, late, missed or submitted")
    mood: int | None
    workload: int | None


class AnswerOut(Schema):
    question_id: int
    prompt: str
    kind: str
    visibility: str
    value: str | int | Decimal | None


class ReportDetailOut(ReportOut):
    author_id: int
    answers: list[AnswerOut]


class AnswerIn(InputSchema):
    question_id: Id
    value: Value = None


class ReportIn(InputSchema):
    form_id: Id
    period_date: date | None = Field(None, description="The period's date (default: current).")
    answers: list[AnswerIn] = Field(default_factory=list, max_length=200)


class ReportPatchIn(InputSchema):
    answers: list[AnswerIn] = Field(..., max_length=200)


def _writer(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "feedback.view")
    return membership


def _out(report: Report, now: datetime) -> dict[str, Any]:
    return {
        "id": report.pk, "form_id": report.form_id, "form_title": report.form.title,
        "period_date": report.period_date, "period_start": report.period_start,
        "due_at": report.due_at, "submitted_at": report.submitted_at,
        "edited_at": report.edited_at, "state": services.report_state(report, now),
        "mood": report.mood, "workload": report.workload,
    }  # fmt: skip


def _detail(viewer: Membership, report: Report) -> dict[str, Any]:
    body = _out(report, timezone.now())
    body["author_id"] = report.author_id
    if not access.can_read_private(viewer, report.author):
        # Mood and workload come from answers a peer may not read.
        body["mood"] = body["workload"] = None
    body["answers"] = [
        {"question_id": shown.question.pk, "prompt": shown.question.prompt,
         "kind": shown.question.kind, "visibility": shown.question.visibility,
         "value": shown.value}
        for shown in selectors.visible_answers(viewer=viewer, report=report)
    ]  # fmt: skip
    return body


def _answers(items: list[AnswerIn]) -> dict[int, Any]:
    return {item.question_id: item.value for item in items}


@router.get(f"{WS}/reports", response={200: page_schema(ReportOut), **ERROR_RESPONSES})
def report_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[Any]:
    """The caller's own reports, newest period first (rows exist once a report is due)."""
    membership = _writer(request, slug)
    reports = (
        Report.objects.in_workspace(membership.workspace)
        .filter(author=membership)
        .select_related("form")
    )
    page = paginate(reports, params, order_by="-period_date")
    now = timezone.now()
    return Page(items=[_out(r, now) for r in page.items], next_cursor=page.next_cursor)


@router.get(f"{WS}/reports/{{report_id}}", response={200: ReportDetailOut, **ERROR_RESPONSES})
def report_detail(request: HttpRequest, slug: str, report_id: Id) -> dict[str, Any]:
    """One report with the answers the caller may read (404 for anyone who may read none)."""
    membership = _writer(request, slug)
    return _detail(membership, selectors.get_report_for(membership, report_id))


@router.post(f"{WS}/reports", response={201: ReportDetailOut, **ERROR_RESPONSES})
def report_create(request: HttpRequest, slug: str, payload: ReportIn) -> Status[dict[str, Any]]:
    """Submit the caller's report for a form's period (the current one by default)."""
    membership = _writer(request, slug)
    form = ReportForm.objects.in_workspace(membership.workspace).filter(pk=payload.form_id).first()
    if form is None or not selectors.is_writer(membership, form):
        raise ValidationError({"form_id": _("Choose a report form you write.")})
    context = AuditContext.from_request(request)
    with transaction.atomic():  # a refused submission leaves no empty row behind
        report = services.report_start(
            actor=membership, form=form, period_date=payload.period_date, context=context
        )
        if report.submitted_at is not None:
            already = _("This report was already submitted: edit it with PATCH instead.")
            raise ValidationError({"period_date": already})
        answers = _answers(payload.answers)
        report = services.report_submit(
            actor=membership, report=report, answers=answers, context=context
        )
    return Status(201, _detail(membership, report))


@router.patch(f"{WS}/reports/{{report_id}}", response={200: ReportDetailOut, **ERROR_RESPONSES})
def report_edit(
    request: HttpRequest, slug: str, report_id: Id, payload: ReportPatchIn
) -> dict[str, Any]:
    """Change the answers sent; the others keep their value. Within the edit window."""
    membership = _writer(request, slug)
    report = selectors.get_report_for(membership, report_id)
    answers = selectors.answer_values(report)
    answers.update(_answers(payload.answers))
    report = services.report_submit(actor=membership, report=report, answers=answers,
                                    context=AuditContext.from_request(request))  # fmt: skip
    return _detail(membership, report)
