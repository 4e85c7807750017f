"""Writing reports: start one writer's report for a period, submit it, edit it.

A report is written by its author only, until `late_window_hours` after it was due (then it
is missed for good), and edited for `edit_window_hours` after submitting. Each answer is
checked by its question's kind; mood and workload are copied onto the report. The audit
records the act, never the answers' words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.feedback import schedule as sched
from keel.feedback.models import Answer, Measure, Question, QuestionKind, Report, ReportForm
from keel.feedback.selectors.reports import is_writer, questions_of, zone_of

SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 10_000
NUMBER_LIMIT = Decimal("1e12")
ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def report_state(report: Report, now: datetime) -> str:
    """ "submitted", "open" (not due yet), "late" (still accepted) or "missed"."""
    if report.submitted_at is not None:
        return "submitted"
    if now <= report.due_at:
        return "open"
    if now <= report.due_at + timedelta(hours=report.form.late_window_hours):
        return "late"
    return "missed"


def can_edit(report: Report, now: datetime) -> bool:
    """May the author still change this report (write it, or edit it after submitting)?"""
    if report.submitted_at is None:
        return report_state(report, now) != "missed"
    return now <= report.submitted_at + timedelta(hours=report.form.edit_window_hours)


def report_start(
    *,
    actor: Membership,
    form: ReportForm,
    period_date: date | None = None,
    now: datetime | None = None,
    context: AuditContext | None = None,
) -> Report:
    """The actor's report for `form`'s period `period_date` (the current one by default),
    created if it does not exist yet. Only the form's writers start one."""
    require(actor, "feedback.view")
    same_workspace(actor, form)
    now = _now(now)
    if form.archived_at is not None:
        raise ValidationError(_("This report form is archived: it takes no more reports."))
    if not is_writer(actor, form):
        raise PermissionDenied(_("You do not write this report."))
    tz = zone_of(actor)
    schedule = sched.Schedule.of(form)
    if period_date is None:
        period_date = sched.current_period(schedule, now, tz)
    existing = Report.objects.in_workspace(actor.workspace).filter(
        form=form, author=actor, period_date=period_date
    )
    report = existing.first()
    if report is not None:
        return report
    if not sched.is_period_date(schedule, period_date):
        raise ValidationError(
            {"period_date": _("This form has no report due on %(date)s.")
             % {"date": period_date.isoformat()}}
        )  # fmt: skip
    start = sched.period_start(schedule, period_date)
    if start > sched.local_today(now, tz):
        raise ValidationError({"period_date": _("This period has not started yet.")})
    due_at = sched.due_moment(period_date, schedule.due_time, tz)
    if now > due_at + timedelta(hours=form.late_window_hours):
        missed = _("This report was missed: it can no longer be written.")
        raise ValidationError({"period_date": missed})
    with transaction.atomic():
        report, _created = Report.objects.get_or_create(
            form=form, author=actor, period_date=period_date,
            defaults={"workspace": actor.workspace, "period_start": start, "due_at": due_at,
                      "timezone": tz},
        )  # fmt: skip
    return report


# --- Answers -------------------------------------------------------------------------------


def _has_controls(text: str) -> bool:
    return any(
        (unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS)
        or "\ud800" <= ch <= "\udfff"
        for ch in text
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(question: Question, value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(_("Write text here."))
    text = value.strip()
    if question.kind == QuestionKind.SHORT_TEXT:
        text = " ".join(text.split())
    if _has_controls(text):
        raise ValidationError(_("Remove the control characters from this text."))
    if len(text) > limit:
        raise ValidationError(
            _("Keep this to %(limit)s characters (it has %(count)s).")
            % {"limit": f"{limit:,}", "count": f"{len(text):,}"}
        )
    return text


def _one_to_five(value: Any) -> int:
    if isinstance(value, bool):
        raise ValidationError(_("Choose a number from 1 to 5."))
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(_("Choose a number from 1 to 5."))
    return value


def _yes_no(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return value.strip().lower()
    raise ValidationError(_("Answer yes or no."))


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValidationError(_("Enter a number."))
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValidationError(_("Enter a number.")) from exc
    if not number.is_finite():
        raise ValidationError(_("Enter a number."))
    if abs(number) >= NUMBER_LIMIT:
        raise ValidationError(_("Enter a number under one trillion (1,000,000,000,000)."))
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError(_("Use at most two decimal places."))
    return number.quantize(Decimal("0.01"))


def _choice(question: Question, value: Any) -> str:
    options = [str(c) for c in question.choices or []]
    if not isinstance(value, str) or value not in options:
        raise ValidationError(_("Choose one of the options."))
    return value


def clean_answer(question: Question, value: Any) -> dict[str, Any]:
    """The stored fields of one answer (`text`, `number`); raises ValidationError."""
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return {"text": _text(question, value, SHORT_TEXT_MAX), "number": None}
    if kind == QuestionKind.LONG_TEXT:
        return {"text": _text(question, value, LONG_TEXT_MAX), "number": None}
    if kind in (QuestionKind.SCALE, QuestionKind.MOOD):
        return {"text": "", "number": Decimal(_one_to_five(value))}
    if kind == QuestionKind.YES_NO:
        return {"text": _yes_no(value), "number": None}
    if kind == QuestionKind.NUMBER:
        return {"text": "", "number": _number(value)}
    if kind == QuestionKind.CHOICE:
        return {"text": _choice(question, value), "number": None}
    raise ValidationError(_("This question cannot be answered."))  # pragma: no cover


def clean_answers(
    questions: list[Question], answers: Mapping[int, Any]
) -> dict[int, dict[str, Any] | None]:
    """question id → stored fields (None: left blank). Errors keyed by f"q{id}"."""
    known = {q.pk for q in questions}
    unknown = sorted(str(k) for k in answers if k not in known)
    errors: dict[str, Any] = {}
    if unknown:
        errors["answers"] = _("Not questions of this form: %(ids)s") % {"ids": ", ".join(unknown)}
    cleaned: dict[int, dict[str, Any] | None] = {}
    for question in questions:
        value = answers.get(question.pk)
        if _blank(value):
            if question.required:
                errors[f"q{question.pk}"] = _("This question needs an answer.")
            cleaned[question.pk] = None
            continue
        try:
            cleaned[question.pk] = clean_answer(question, value)
        except ValidationError as error:
            errors[f"q{question.pk}"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    return cleaned


def report_submit(
    *,
    actor: Membership,
    report: Report,
    answers: Mapping[int, Any],
    now: datetime | None = None,
    context: AuditContext | None = None,
) -> Report:
    """Save the author's answers: the first time it submits the report, later it edits it."""
    require(actor, "feedback.view")
    same_workspace(actor, report)
    if report.author_id != actor.pk:
        raise PermissionDenied(_("Only the person who writes a report may write in it."))
    now = _now(now)
    form = report.form
    editing = report.submitted_at is not None
    if form.archived_at is not None and not editing:
        raise ValidationError(_("This report form is archived: it takes no more reports."))
    if not can_edit(report, now):
        if editing:
            raise ValidationError(
                _("This report can no longer be edited: reports can be changed for "
                  "%(hours)s hours after they are submitted.") % {"hours": form.edit_window_hours}
            )  # fmt: skip
        raise ValidationError(
            _("This report was missed: late reports are accepted for %(hours)s hours after "
              "they are due.") % {"hours": form.late_window_hours}
        )  # fmt: skip
    questions = questions_of(form)
    cleaned = clean_answers(questions, answers)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if (locked.submitted_at is not None) != editing:  # submitted meanwhile elsewhere
            editing = True
        existing = {a.question_id: a for a in Answer.objects.filter(report=locked)}
        measures: dict[str, int | None] = {Measure.MOOD: None, Measure.WORKLOAD: None}
        for question in questions:
            fields = cleaned[question.pk]
            answer = existing.get(question.pk)
            if fields is None:
                if answer is not None:
                    answer.delete()
                continue
            # The first question that measures mood (or workload) gives the report's value.
            measured = (question.measure in measures and fields["number"] is not None
                        and question.kind in (QuestionKind.SCALE, QuestionKind.MOOD))  # fmt: skip
            if measured and measures[question.measure] is None:
                measures[question.measure] = int(fields["number"])
            if answer is None:
                Answer.objects.create(workspace_id=locked.workspace_id, report=locked,
                                      question=question, **fields)  # fmt: skip
            elif answer.text != fields["text"] or answer.number != fields["number"]:
                answer.text, answer.number = fields["text"], fields["number"]
                answer.save(update_fields=["text", "number"])
        locked.mood = measures[Measure.MOOD]
        locked.workload = measures[Measure.WORKLOAD]
        if editing:
            locked.edited_at = now
        else:
            locked.submitted_at = now
        locked.save(update_fields=["mood", "workload", "submitted_at", "edited_at", "updated_at"])
        action = "feedback.report_edited" if editing else "feedback.report_submitted"
        audit_event(actor, action, locked, context, form=form.pk,
                    period=locked.period_date.isoformat(),
                    late=locked.submitted_at is not None and locked.submitted_at > locked.due_at,
                    answers=sum(1 for v in cleaned.values() if v is not None))  # fmt: skip
    locked.form = form
    return locked
