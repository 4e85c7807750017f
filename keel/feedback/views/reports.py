"""Report pages: the feedback home ("Your reports"), writing a report and reading one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.feedback.forms.reports import ReportAnswersForm, field_name
from keel.feedback.models import ReportForm
from keel.feedback.selectors import reports as selectors
from keel.feedback.services import reports as services
from keel.ui.forms import submit


@login_required
def feedback_home(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    now = timezone.now()
    context: dict[str, Any] = {
        "page": selectors.my_reports(actor=actor, now=now),
        "now": now,
        "can_manage_forms": has_perm(actor, "feedback.forms_manage"),
    }
    return render(request, "feedback/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_write(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    """ "Write it now": open (create if needed) the writer's report for the form's current
    period. Idempotent, so a link (GET) works as well as the home page's button (POST)."""
    actor = request_membership(request)
    require(actor, "feedback.view")
    form = ReportForm.objects.in_workspace(actor.workspace).filter(pk=form_id).first()
    if form is None or not selectors.is_writer(actor, form):
        raise Http404
    try:
        report = services.report_start(actor=actor, form=form,
                                       context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("feedback_home", ws=ws)
    return redirect("feedback_report", ws=ws, report_id=report.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_page(request: HttpRequest, ws: str, report_id: int) -> HttpResponse:
    """The author writes (or, within the window, edits) the report here; the readers the
    access rules allow read it. Everyone else gets 404."""
    actor = request_membership(request)
    require(actor, "feedback.view")
    report = selectors.get_report_for(actor, report_id)
    now = timezone.now()
    is_author = report.author_id == actor.pk
    editable = is_author and services.can_edit(report, now)
    wants_form = request.method == "POST" or report.submitted_at is None or "edit" in request.GET
    if not (editable and wants_form):
        if request.method == "POST":
            if not is_author:
                raise PermissionDenied(_("Only the person who writes a report may write in it."))
            messages.error(request, _("This report can no longer be changed."))
            return redirect("feedback_report", ws=ws, report_id=report.pk)
        return _detail(request, actor, report, now, is_author)
    questions = selectors.questions_of(report.form)
    initial: dict[str, Any] = {}
    if report.submitted_at is None:
        prefill = selectors.prefill_text(report=report, questions=questions)
        initial = {f"q{pk}": text for pk, text in prefill.items()}
    initial.update({f"q{pk}": value for pk, value in selectors.answer_values(report).items()})
    form = ReportAnswersForm(request.POST or None, questions=questions, initial=initial)
    saved = submit(request, form, lambda data: services.report_submit(
        actor=actor, report=report, answers=form.answers(),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        if saved.edited_at is not None:
            messages.success(request, _("Your report was updated."))
        else:
            messages.success(request, _("Thank you: your report was submitted."))
        return redirect("feedback_home", ws=ws)
    context = {
        "report": report,
        "form": form,
        "state": services.report_state(report, now),
        "fields": [(q, form[field_name(q)]) for q in questions],
    }
    return render(request, "feedback/report_fill.html", context,
                  status=400 if form.errors else 200)  # fmt: skip


def _detail(
    request: HttpRequest, actor: Any, report: Any, now: Any, is_author: bool
) -> HttpResponse:
    context = {
        "report": report,
        "answers": selectors.visible_answers(viewer=actor, report=report),
        "state": services.report_state(report, now),
        "is_author": is_author,
        "can_edit": is_author and services.can_edit(report, now),
    }
    return render(request, "feedback/report_detail.html", context)
