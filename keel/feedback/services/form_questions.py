"""A report form's questions: add, edit, move, remove.

A question with answers is archived, never deleted, so old reports keep their answers; its
type cannot change either (the answers would no longer fit).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, move_one_place, next_position
from keel.core.validators import clean_line
from keel.feedback.models import (
    AnswerVisibility,
    Measure,
    Prefill,
    Question,
    QuestionKind,
    ReportForm,
)
from keel.feedback.services.forms import UNSET, require_manage

PROMPT_MAX = 300
HELP_MAX = 300
CHOICE_MAX = 80
CHOICES_RANGE = (2, 20)
QUESTIONS_MAX = 30
MEASURE_KIND = {Measure.MOOD: QuestionKind.MOOD, Measure.WORKLOAD: QuestionKind.SCALE}


@dataclass
class QuestionChanges:
    """What `question_update` changes; a field left UNSET keeps its value."""

    kind: str = UNSET
    prompt: str = UNSET
    help: str = UNSET
    required: bool = UNSET
    visibility: str = UNSET
    measure: str = UNSET
    prefill: str = UNSET
    choices: Iterable[str] = UNSET

    def given(self) -> dict[str, Any]:
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {name: value for name, value in values.items() if value is not UNSET}


def _live(form: ReportForm) -> Any:
    return Question.objects.filter(form=form, archived_at__isnull=True)


def clean_choices(kind: str, choices: Iterable[str] | None) -> list[str]:
    if kind != QuestionKind.CHOICE:
        return []
    if isinstance(choices, str):
        choices = choices.splitlines()
    cleaned = [str(c).strip() for c in (choices or ())]
    cleaned = [c for c in cleaned if c]
    low, high = CHOICES_RANGE
    if not low <= len(cleaned) <= high:
        raise ValidationError({"choices": _("Give from %(low)d to %(high)d choices.")
                               % {"low": low, "high": high}})  # fmt: skip
    if len({c.casefold() for c in cleaned}) != len(cleaned):
        raise ValidationError({"choices": _("Each choice must be different.")})
    for choice in cleaned:
        clean_line(choice, field="choices", max_length=CHOICE_MAX)
    return cleaned


def check_question(question: Question) -> None:
    """Refuse a question that does not fit its form (its fields already set on `question`)."""
    if question.kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Choose a question type.")})
    if question.visibility not in AnswerVisibility.values:
        raise ValidationError({"visibility": _("Choose who sees the answers.")})
    if question.measure not in Measure.values:
        raise ValidationError({"measure": _("Choose what the answer measures.")})
    if question.measure and MEASURE_KIND[Measure(question.measure)] != question.kind:
        message = (_("Only a mood question can measure mood.")
                   if question.measure == Measure.MOOD
                   else _("Only a 1–5 scale question can measure workload."))  # fmt: skip
        raise ValidationError({"measure": message})
    if question.prefill not in Prefill.values:
        raise ValidationError({"prefill": _("Choose what the answer is pre-filled with.")})
    if question.prefill and question.kind != QuestionKind.LONG_TEXT:
        raise ValidationError({"prefill": _("Only a long text question can be pre-filled.")})
    if question.measure:
        others = _live(question.form).filter(measure=question.measure)
        if question.pk:
            others = others.exclude(pk=question.pk)
        if others.exists():
            raise ValidationError({"measure": _("Another question of this form already "
                                                "measures this.")})  # fmt: skip


def _apply(question: Question, given: dict[str, Any]) -> None:
    if "kind" in given:
        question.kind = str(given["kind"] or "")
        # A new type drops what it cannot do, unless the same change sets it again.
        if (
            "measure" not in given
            and question.measure in MEASURE_KIND
            and (MEASURE_KIND[Measure(question.measure)] != question.kind)
        ):
            question.measure = ""
        if "prefill" not in given and question.kind != QuestionKind.LONG_TEXT:
            question.prefill = ""
    if "prompt" in given:
        question.prompt = clean_line(given["prompt"], field="prompt", max_length=PROMPT_MAX,
                                     required=_("Write the question."))  # fmt: skip
    if "help" in given:
        question.help = clean_line(given["help"], field="help", max_length=HELP_MAX)
    if "required" in given:
        question.required = bool(given["required"])
    for name in ("visibility", "measure", "prefill"):
        if name in given:
            setattr(question, name, str(given[name] or ""))
    if "choices" in given or "kind" in given:
        question.choices = clean_choices(question.kind, given.get("choices", question.choices))


@transaction.atomic
def question_add(
    *,
    actor: Membership,
    form: ReportForm,
    kind: str,
    prompt: str,
    help: str = "",
    required: bool = True,
    visibility: str = AnswerVisibility.MANAGERS,
    measure: str = "",
    prefill: str = "",
    choices: Iterable[str] = (),
    context: AuditContext | None = None,
) -> Question:
    """Add a question at the end of the form."""
    require_manage(actor, form)
    ReportForm.objects.select_for_update().filter(pk=form.pk).first()
    if _live(form).count() >= QUESTIONS_MAX:
        raise ValidationError({"kind": _("A form has at most %(max)d questions.")
                               % {"max": QUESTIONS_MAX}})  # fmt: skip
    question = Question(workspace=form.workspace, form=form)
    _apply(question, {"kind": kind, "prompt": prompt, "help": help, "required": required,
                      "visibility": visibility, "measure": measure, "prefill": prefill,
                      "choices": choices})  # fmt: skip
    check_question(question)
    question.position = next_position(_live(form))
    question.save()
    audit_event(actor, "feedback.question_added", form, context, title=form.title,
                question=question.prompt)  # fmt: skip
    return question


@transaction.atomic
def question_update(
    *,
    actor: Membership,
    question: Question,
    changes: QuestionChanges,
    context: AuditContext | None = None,
) -> Question:
    form = question.form
    require_manage(actor, form)
    given = changes.given()
    if "kind" in given and given["kind"] != question.kind and question.answers.exists():
        raise ValidationError({"kind": _("This question has answers: its type can't change. "
                                         "Remove it and add a new one.")})  # fmt: skip
    before = {f: getattr(question, f) for f in given}
    _apply(question, given)
    check_question(question)
    changed = sorted(f for f in given if getattr(question, f) != before[f])
    if "choices" in changed or "kind" in changed:
        changed = sorted({*changed, "choices"})
    if changed:
        question.save()
        audit_event(actor, "feedback.question_updated", form, context, title=form.title,
                    question=question.prompt, fields=changed)  # fmt: skip
    return question


@transaction.atomic
def question_move(
    *,
    actor: Membership,
    question: Question,
    direction: str,
    context: AuditContext | None = None,
) -> Question:
    """One place up or down among the form's live questions."""
    form = question.form
    require_manage(actor, form)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Move up or down.")})
    rows = list(_live(form).order_by("position", "id"))
    changed = move_one_place(rows, question, direction)
    if changed:
        Question.objects.bulk_update(changed, ["position"])
        audit_event(actor, "feedback.question_moved", form, context, title=form.title,
                    question=question.prompt, direction=direction)  # fmt: skip
    return question


@transaction.atomic
def question_remove(
    *,
    actor: Membership,
    question: Question,
    context: AuditContext | None = None,
) -> str:
    """Delete a question nobody answered; archive one with answers. Returns "deleted" or
    "archived"."""
    form = question.form
    require_manage(actor, form)
    prompt = question.prompt
    if question.answers.exists():
        question.archived_at = timezone.now()
        question.save(update_fields=["archived_at", "updated_at"])
        outcome = "archived"
    else:
        question.delete()
        outcome = "deleted"
    audit_event(actor, "feedback.question_removed", form, context, title=form.title,
                question=prompt, outcome=outcome)  # fmt: skip
    return outcome
