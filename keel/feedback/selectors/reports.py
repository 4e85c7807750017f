"""Reads for reports: a writer's own reports (late, to write, recent), one report with the
answers its viewer may read (keel.feedback.access), and the completed tasks that pre-fill a
"what I did" answer. Every list is a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.http import Http404

from keel.core.models import Membership
from keel.feedback import access
from keel.feedback import schedule as sched
from keel.feedback.models import (
    Answer,
    AnswerVisibility,
    Question,
    QuestionKind,
    Report,
    ReportForm,
)
from keel.feedback.models.reports import LATE_WINDOW_HOURS
from keel.feedback.selectors import forms as forms_selectors
from keel.tasks.models import Status, Task
from keel.tasks.recurrence import localize
from keel.tasks.selectors import work_of

RECENT = 10
PREFILL_LIMIT = 50


# --- Writers (the forms part: keel.feedback.selectors.forms) ---------------------------------

forms_for_writer = forms_selectors.forms_for_writer
writers_by_form = forms_selectors.writers_by_form
is_writer = forms_selectors.writes_form


def zone_of(member: Membership) -> str:
    return sched.writer_zone(member.user.timezone, member.workspace.timezone)


# --- My reports ----------------------------------------------------------------------------


@dataclass
class ToWrite:
    """The next report of a form that its writer has not submitted."""

    form: ReportForm
    period_date: date
    due_at: datetime
    report: Report | None
    today: bool
    can_start: bool  # its period has begun (a later one is only shown as coming up)


@dataclass
class MyReports:
    forms: list[ReportForm]
    late: list[Report] = field(default_factory=list)
    to_write: list[ToWrite] = field(default_factory=list)
    recent: list[Report] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.forms or self.late or self.recent)


def late_window_end(report: Report) -> datetime:
    return report.due_at + timedelta(hours=report.form.late_window_hours)


def my_reports(*, actor: Membership, now: datetime) -> MyReports:
    """The home page's "Your reports": late ones still accepted, the next one to write per
    form (with its due moment in the writer's zone), and the recently submitted ones."""
    forms = forms_for_writer(actor)
    tz = zone_of(actor)
    mine = Report.objects.in_workspace(actor.workspace).filter(author=actor)
    # Late reports are still accepted at most LATE_WINDOW_HOURS[1] hours after they were due (a
    # report is due on its period's day), so the writer's reports of those days hold them:
    # read by the (workspace, author, period_date) index. Asked for unwritten reports, SQLite
    # walked every writer's unwritten rows by the reminder job's index instead (5 ms).
    horizon = (now - timedelta(hours=LATE_WINDOW_HOURS[1])).date() - timedelta(days=2)
    open_rows = sorted(
        (
            r for r in mine.filter(period_date__gte=horizon).select_related("form")
            if r.submitted_at is None and r.due_at <= now and r.form.archived_at is None
        ),
        key=lambda r: (r.due_at, r.pk),
    )  # fmt: skip
    page = MyReports(forms=forms)
    page.late = [r for r in open_rows if late_window_end(r) > now]
    current = {f.pk: sched.current_period(sched.Schedule.of(f), now, tz) for f in forms}
    # The current period and the one after (shown when the current one is submitted).
    following = {
        f.pk: sched.next_period(sched.Schedule.of(f), current[f.pk] + timedelta(days=1))
        for f in forms
    }
    rows: dict[tuple[int, date], Report] = {}
    if forms:
        dates = set(current.values()) | set(following.values())
        found = mine.filter(form__in=forms, period_date__in=dates)
        rows = {(r.form_id, r.period_date): r for r in found}
    today = sched.local_today(now, tz)
    for form in forms:
        schedule = sched.Schedule.of(form)
        for day in (current[form.pk], following[form.pk]):
            row = rows.get((form.pk, day))
            if row is not None and row.submitted_at is not None:
                continue
            due_at = row.due_at if row else sched.due_moment(day, schedule.due_time, tz)
            if row is not None:
                row.form = form
            begun = sched.period_start(schedule, day) <= today
            page.to_write.append(
                ToWrite(form=form, period_date=day, due_at=due_at, report=row,
                        today=day == today, can_start=begun)
            )  # fmt: skip
            break
    page.to_write.sort(key=lambda item: (item.due_at, item.form.title))
    page.recent = list(
        mine.filter(submitted_at__isnull=False)
        .select_related("form")
        .order_by("-period_date", "-id")[:RECENT]
    )
    return page


# --- One report ----------------------------------------------------------------------------


def get_report_for(viewer: Membership, pk: int) -> Report:
    """A report of the viewer's workspace that the viewer may open, or 404.

    Its writer, their manager chain and the owners open it; the form's other writers open
    it when its form has team questions. Anyone else finds nothing here (404, as across
    workspaces).
    """
    report = (
        Report.objects.in_workspace(viewer.workspace)
        .filter(pk=pk)
        .select_related("form", "author__user", "author__workspace")
        .first()
    )
    if report is None:
        raise Http404
    if access.can_read_private(viewer, report.author):
        return report
    if not viewer.is_active or not is_writer(viewer, report.form):
        raise Http404
    team = Question.objects.filter(
        workspace_id=report.workspace_id, form_id=report.form_id,
        visibility=AnswerVisibility.TEAM,
    )  # fmt: skip
    if not team.exists():  # nothing in it is for the team: as if it were not there
        raise Http404
    return report


def questions_of(form: ReportForm, *, include_archived: bool = False) -> list[Question]:
    qs = Question.objects.filter(workspace_id=form.workspace_id, form=form)
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return list(qs.order_by("position", "id"))


@dataclass(frozen=True)
class ShownAnswer:
    question: Question
    answer: Answer

    @property
    def value(self) -> Any:
        return answer_value(self.question, self.answer)


def answer_value(question: Question, answer: Answer) -> str | int | Decimal | None:
    if question.kind in (QuestionKind.SCALE, QuestionKind.MOOD):
        return int(answer.number) if answer.number is not None else None
    if question.kind == QuestionKind.NUMBER:
        return answer.number
    return answer.text


def visible_answers(*, viewer: Membership, report: Report) -> list[ShownAnswer]:
    """The answers of `report` that `viewer` may read, in the form's order (one query)."""
    answers = list(
        Answer.objects.filter(workspace_id=report.workspace_id, report=report)
        .select_related("question")
        .order_by("question__position", "question__id")
    )
    if not access.can_read_private(viewer, report.author):
        answers = [a for a in answers if a.question.visibility == AnswerVisibility.TEAM]
    return [ShownAnswer(question=a.question, answer=a) for a in answers]


def answer_values(report: Report) -> dict[int, Any]:
    """question id → the stored value, for the writer's own form (editing, PATCH)."""
    answers = Answer.objects.filter(workspace_id=report.workspace_id, report=report)
    result: dict[int, Any] = {}
    for answer in answers.select_related("question"):
        value = answer_value(answer.question, answer)
        result[answer.question_id] = "" if value is None else value
    return result


# --- Pre-fill from work --------------------------------------------------------------------


def completed_tasks(*, member: Membership, first: date, last: date, tz: str) -> list[str]:
    """One line per task `member` completed from `first` to `last` (local days in `tz`):
    "- T-12 Title", oldest first, at most PREFILL_LIMIT."""
    start = localize(datetime.combine(first, time()), tz)
    end = localize(datetime.combine(last + timedelta(days=1), time()), tz)
    rows = (
        Task.objects.in_workspace(member.workspace)
        .filter(work_of(member, workspace_id=member.workspace_id))
        .filter(status=Status.DONE, completed_at__gte=start, completed_at__lt=end)
        .order_by("completed_at", "id")
        .values_list("project__key", "number", "title")[:PREFILL_LIMIT]
    )
    return [f"- {key}-{number} {title}" for key, number, title in rows]


def prefill_text(*, report: Report, questions: Iterable[Question]) -> dict[int, str]:
    """question id → the pre-filled text for questions that ask for completed tasks."""
    wanted = [q for q in questions if q.prefill == "completed_tasks"]
    if not wanted:
        return {}
    lines = completed_tasks(member=report.author, first=report.period_start,
                            last=report.period_date, tz=report.timezone)  # fmt: skip
    text = "\n".join(lines)
    return {q.pk: text for q in wanted} if text else {}
