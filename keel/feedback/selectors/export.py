"""CSV export of a form's submitted reports, with exactly what the reader may read.

The same rules as the pages (keel/feedback/access.py): every answer of the writers the reader
leads (or, for an owner, of everyone) and of the reader themself; only the team answers of the
form's other writers when the reader writes the form too; nobody else's row. Mood and
workload come from manager-only answers, so they follow the same rule. The file starts with a
UTF-8 BOM (Excel and Chinese text) and defuses cells a spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.feedback import access
from keel.feedback.models import (
    Answer,
    AnswerVisibility,
    Question,
    QuestionKind,
    Report,
    ReportForm,
)
from keel.feedback.selectors.forms import writes_form
from keel.tasks.selectors.export import BOM, safe_cell

BATCH = 500


class _Echo:
    def write(self, value: str) -> str:
        return value


def _readable_authors(viewer: Membership, form: ReportForm) -> tuple[set[int] | None, bool]:
    """(authors whose every answer the viewer reads — None: all —, reads team answers of the
    form's other writers)."""
    led = access.people_led_by(viewer)
    if led is not None:
        led = {*led, viewer.pk}
    has_team_questions = Question.objects.filter(
        workspace_id=form.workspace_id, form=form, visibility=AnswerVisibility.TEAM
    ).exists()
    return led, has_team_questions and writes_form(viewer, form)


def _cell(question: Question, answer: Answer | None) -> str:
    if answer is None:
        return ""
    if question.kind in (QuestionKind.SCALE, QuestionKind.MOOD, QuestionKind.NUMBER):
        if answer.number is None:
            return ""
        number = answer.number
        return str(int(number)) if number == int(number) else str(number)
    return safe_cell(answer.text)


def export_lines(
    *, viewer: Membership, form: ReportForm, since: date | None = None
) -> Iterator[str]:
    """CSV lines (BOM first) of the form's submitted reports the viewer may open, newest
    first, in the viewer's language and time zone (captured now: the response streams after
    the middleware reset both). Queries: a few up front, then two per 500 reports."""
    language = translation.get_language()
    tz = timezone.get_current_timezone()
    led, team_reader = _readable_authors(viewer, form)
    questions = list(
        Question.objects.filter(workspace_id=form.workspace_id, form=form).order_by(
            "position", "id"
        )
    )
    reports = Report.objects.in_workspace(viewer.workspace).filter(
        form=form, submitted_at__isnull=False
    )
    if since is not None:
        reports = reports.filter(period_date__gte=since)
    if led is not None and not team_reader:
        reports = reports.filter(author_id__in=led)
    reports = reports.select_related("author__user").order_by("-period_date", "id")

    def generate() -> Iterator[str]:
        writer = csv.writer(_Echo())
        with translation.override(language):
            header = [_("Date"), _("Writer"), _("Submitted"), _("Mood"), _("Workload")]
            yield BOM + writer.writerow(header + [safe_cell(q.prompt) for q in questions])
            last_id: tuple[date, int] | None = None
            while True:
                batch_qs = reports
                if last_id is not None:
                    day, pk = last_id
                    batch_qs = batch_qs.filter(period_date__lte=day).exclude(
                        period_date=day, id__lte=pk
                    )
                batch = list(batch_qs[:BATCH])
                if not batch:
                    break
                answers: dict[tuple[int, int], Answer] = {
                    (a.report_id, a.question_id): a
                    # By report id alone (the batch is the workspace's): see person_page.
                    for a in Answer.objects.filter(report_id__in=[r.pk for r in batch])
                }
                for report in batch:
                    private = led is None or report.author_id in led
                    row = [
                        report.period_date.isoformat(),
                        safe_cell(report.author.user.display_name),
                        timezone.localtime(report.submitted_at, tz).strftime("%Y-%m-%d %H:%M")
                        if report.submitted_at
                        else "",
                        str(report.mood or "") if private else "",
                        str(report.workload or "") if private else "",
                    ]
                    for question in questions:
                        shown = private or question.visibility == AnswerVisibility.TEAM
                        answer = answers.get((report.pk, question.pk)) if shown else None
                        row.append(_cell(question, answer))
                    yield writer.writerow(row)
                last = batch[-1]
                last_id = (last.period_date, last.pk)

    return generate()
