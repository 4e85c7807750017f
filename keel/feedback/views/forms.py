"""The report form builder: the forms list, a new form (from a template or blank), and the
builder page (details, questions, schedule, audience, preview). Questions: form_questions.py.

Every write is a POST to its own URL; a refused one renders the builder again with the
errors beside the fields (status 400).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.feedback import selectors, services
from keel.feedback.forms.forms import (
    WEEKDAY_CHOICES,
    AudienceForm,
    DetailsForm,
    NewFormForm,
    QuestionForm,
    ScheduleForm,
)
from keel.feedback.models import Frequency, ReportForm
from keel.feedback.selectors.forms import MANAGE_PERM
from keel.feedback.services.forms import template_language
from keel.feedback.templates_builtin import FORM_TEMPLATES
from keel.ui.forms import submit


def builder_url(form: ReportForm, anchor: str = "") -> str:
    url = reverse("feedback_form", kwargs={"ws": form.workspace.slug, "form_id": form.pk})
    return f"{url}#{anchor}" if anchor else url


def _manageable(request: HttpRequest, form_id: int) -> tuple[Any, ReportForm]:
    actor = request_membership(request)
    form = selectors.get_form_for(actor, form_id)
    if not selectors.can_manage_form(actor, form):
        raise PermissionDenied
    return actor, form


@login_required
def forms_list(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    page = selectors.forms_page(workspace=actor.workspace, viewer=actor)
    for row in page.rows + page.archived:
        row.schedule = schedule_text(row.form)
    return render(request, "feedback/forms_list.html", {"page": page})


def schedule_text(form: ReportForm) -> str:
    """ "Daily · Mon, Tue · 17:30", "Monthly · last day · 09:00": the schedule in one line."""
    due = form.due_time.strftime("%H:%M")
    if form.frequency == Frequency.MONTHLY:
        if form.month_day == -1:
            day = _("last day of the month")
        else:
            day = _("day %(day)s") % {"day": form.month_day or "?"}
        return f"{Frequency(form.frequency).label} · {day} · {due}"
    labels = dict(WEEKDAY_CHOICES)
    days = ", ".join(str(labels.get(d, d)) for d in form.weekdays)
    return f"{Frequency(form.frequency).label} · {days} · {due}"


def _template_previews(selected: tuple[str, str]) -> list[dict[str, Any]]:
    previews = []
    for key, by_language in FORM_TEMPLATES.items():
        for language, built in by_language.items():
            previews.append({"template": key, "language": language, "built": built,
                             "selected": (key, language) == selected})  # fmt: skip
    return previews


@login_required
@require_http_methods(["GET", "POST"])
def form_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, MANAGE_PERM)
    # The page's language (the person's own) unless they picked another.
    language = template_language(actor, request.GET.get("language") or get_language() or "")
    template = request.GET.get("template", "daily")
    initial = {"template": template if template in ("daily", "weekly", "") else "daily",
               "language": language}  # fmt: skip
    form = NewFormForm(request.POST or None, initial=initial)
    created = submit(request, form, lambda data: services.form_create(
        actor=actor, context=AuditContext.from_request(request), **data))  # fmt: skip
    if created is not None:
        messages.success(request, _("Form created. Choose who writes it, then check the "
                                    "questions and the schedule."))  # fmt: skip
        return redirect(builder_url(created, "audience"))
    chosen = form.data if form.is_bound else initial
    selected = (str(chosen.get("template", "")), str(chosen.get("language", language)))
    context = {"form": form, "previews": _template_previews(selected),
               "blank_selected": not selected[0]}  # fmt: skip
    return render(request, "feedback/form_new.html", context, status=400 if form.errors else 200)


def _details_initial(form: ReportForm) -> dict[str, Any]:
    return {"title": form.title, "intro": form.intro, "owner": form.owner_id,
            "owner_seat": form.owner_seat_id}  # fmt: skip


def _schedule_initial(form: ReportForm) -> dict[str, Any]:
    return {
        "frequency": form.frequency, "weekdays": form.weekdays,
        "month_day": form.month_day, "due_time": form.due_time,
        "late_window_hours": form.late_window_hours,
        "edit_window_hours": form.edit_window_hours, "starts_on": form.starts_on,
    }  # fmt: skip


def _audience_initial(form: ReportForm) -> dict[str, Any]:
    rows = list(form.audience.all())
    return {
        "members": [a.membership_id for a in rows if a.membership_id],
        "groups": [a.group_id for a in rows if a.group_id],
        "seats": [a.seat_id for a in rows if a.seat_id],
    }


def render_builder(
    request: HttpRequest, form: ReportForm, *, status: int = 200, **bound: Any
) -> HttpResponse:
    """The builder page; `bound` replaces one of its forms with a refused, bound one."""
    actor = request_membership(request)
    form = selectors.form_with_questions(form)
    can_manage = selectors.can_manage_form(actor, form)
    workspace = actor.workspace
    context: dict[str, Any] = {
        "report_form": form,
        "questions": form.live_questions,  # type: ignore[attr-defined]
        "can_manage": can_manage,
        "writers": selectors.writers_of(form),
        "is_writer": selectors.writes_form(actor, form),
        "schedule": schedule_text(form),
        "monthly": form.frequency == Frequency.MONTHLY,
    }
    if can_manage:
        context.update(
            details_form=bound.get("details_form")
            or DetailsForm(initial=_details_initial(form), workspace=workspace),
            schedule_form=bound.get("schedule_form")
            or ScheduleForm(initial=_schedule_initial(form)),
            question_form=bound.get("question_form") or QuestionForm(),
            audience_form=bound.get("audience_form")
            or AudienceForm(initial=_audience_initial(form), workspace=workspace),
        )
    return render(request, "feedback/form_builder.html", context, status=status)


@login_required
def form_builder(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor = request_membership(request)
    form = selectors.get_form_for(actor, form_id)
    return render_builder(request, form)


@login_required
@require_POST
def form_details(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    bound = DetailsForm(request.POST, workspace=actor.workspace)
    saved = submit(request, bound, lambda data: services.form_update(
        actor=actor, form=form, changes=services.FormChanges(**data),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Form saved."))
        return redirect(builder_url(form))
    return render_builder(request, form, status=400, details_form=bound)


@login_required
@require_POST
def form_schedule(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    bound = ScheduleForm(request.POST)
    saved = submit(request, bound, lambda data: services.form_update(
        actor=actor, form=form, changes=services.FormChanges(**data),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Schedule saved."))
        return redirect(builder_url(form, "schedule"))
    return render_builder(request, form, status=400, schedule_form=bound)


@login_required
@require_POST
def form_audience(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    bound = AudienceForm(request.POST, workspace=actor.workspace)
    saved = submit(request, bound, lambda data: services.audience_set(
        actor=actor, form=form, context=AuditContext.from_request(request), **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Writers saved."))
        return redirect(builder_url(form, "audience"))
    return render_builder(request, form, status=400, audience_form=bound)


@login_required
@require_POST
def form_archive(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    services.form_archive(actor=actor, form=form, context=AuditContext.from_request(request))
    messages.success(request, _("Form archived: no more reports are due. Written reports stay."))
    return redirect("feedback_forms", ws=ws)


@login_required
@require_POST
def form_restore(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    services.form_restore(actor=actor, form=form, context=AuditContext.from_request(request))
    messages.success(request, _("Form restored: reports are due again from the next period."))
    return redirect(builder_url(form))
