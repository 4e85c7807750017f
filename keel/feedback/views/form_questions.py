"""The builder's questions: add, edit, move, remove (a question with answers is archived)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.services import AuditContext
from keel.feedback import selectors, services
from keel.feedback.forms.forms import MoveForm, QuestionForm
from keel.feedback.views.forms import _manageable, builder_url, render_builder
from keel.ui.forms import submit


@login_required
@require_POST
def question_add(request: HttpRequest, ws: str, form_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    bound = QuestionForm(request.POST)
    saved = submit(request, bound, lambda data: services.question_add(
        actor=actor, form=form, context=AuditContext.from_request(request), **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Question added."))
        return redirect(builder_url(form, f"question-{saved.pk}"))
    return render_builder(request, form, status=400, question_form=bound)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, ws: str, form_id: int, question_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    question = selectors.get_question_for(actor, form, question_id)
    initial = {
        "kind": question.kind, "prompt": question.prompt, "help": question.help,
        "required": question.required, "visibility": question.visibility,
        "measure": question.measure, "prefill": question.prefill,
        "choices": "\n".join(question.choices or []),
    }  # fmt: skip
    bound = QuestionForm(request.POST or None, initial=initial)
    saved = submit(request, bound, lambda data: services.question_update(
        actor=actor, question=question, changes=services.QuestionChanges(**data),
        context=AuditContext.from_request(request)))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Question saved."))
        return redirect(builder_url(form, f"question-{question.pk}"))
    context = {"form": bound, "report_form": form, "question": question,
               "has_answers": question.answers.exists()}  # fmt: skip
    return render(request, "feedback/form_question.html", context,
                  status=400 if bound.errors else 200)  # fmt: skip


@login_required
@require_POST
def question_move(request: HttpRequest, ws: str, form_id: int, question_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    question = selectors.get_question_for(actor, form, question_id)
    bound = MoveForm(request.POST)
    if bound.is_valid():
        services.question_move(actor=actor, question=question,
                               direction=bound.cleaned_data["direction"],
                               context=AuditContext.from_request(request))  # fmt: skip
    return redirect(builder_url(form, f"question-{question.pk}"))


@login_required
@require_http_methods(["GET", "POST"])
def question_remove(request: HttpRequest, ws: str, form_id: int, question_id: int) -> HttpResponse:
    actor, form = _manageable(request, form_id)
    question = selectors.get_question_for(actor, form, question_id)
    if request.method == "POST":
        outcome = services.question_remove(actor=actor, question=question,
                                           context=AuditContext.from_request(request))  # fmt: skip
        if outcome == "archived":
            messages.success(request, _("Question removed. Reports already written keep "
                                        "their answers to it."))  # fmt: skip
        else:
            messages.success(request, _("Question removed."))
        return redirect(builder_url(form, "questions"))
    context = {"report_form": form, "question": question,
               "has_answers": question.answers.exists()}  # fmt: skip
    return render(request, "feedback/form_question_remove.html", context)
