"""The feedback app's background jobs. Each is idempotent (safe to run twice).

`send_report_reminders` (every five minutes): for each active form and each of its writers,
the periods that fell due in the writer's own time zone within the form's late window get
their Report row and one reminder (in-app and email, in the writer's language).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from keel.core.models import Membership
from keel.feedback import schedule as sched
from keel.feedback.models import Report, ReportForm

log = logging.getLogger(__name__)

REMIND_EVERY = 5 * 60
REMINDER_KIND = "feedback.report_due"


def remind_due_reports(*, now: datetime | None = None) -> int:
    """Create the rows of reports that fell due and remind their writers. Returns how many
    reminders were sent. A few queries for all forms, writers and existing rows, then one
    insert (and notification) per report that fell due."""
    from keel.feedback.selectors.reports import writers_by_form, zone_of

    now = now or timezone.now()
    forms = list(
        ReportForm.objects.filter(archived_at__isnull=True, starts_on__lte=now.date()
                                  + timedelta(days=1)).select_related("workspace")
    )  # fmt: skip
    if not forms:
        return 0
    writers = writers_by_form(forms)
    wanted: list[_Due] = []
    for form in forms:
        schedule = sched.Schedule.of(form)
        after = now - timedelta(hours=form.late_window_hours)
        for person in writers.get(form.pk, []):
            tz = zone_of(person)
            for day, due_at in sched.periods_due_between(schedule, tz, after, now):
                wanted.append(_Due(form, person, day, due_at, tz))
    if not wanted:
        return 0
    days = [w.day for w in wanted]
    existing = {
        (r.form_id, r.author_id, r.period_date): r
        for r in Report.objects.filter(
            form__in=forms, period_date__gte=min(days), period_date__lte=max(days)
        ).only("id", "form_id", "author_id", "period_date", "submitted_at", "reminded_at")
    }
    sent = 0
    for due in wanted:
        row = existing.get((due.form.pk, due.person.pk, due.day))
        if row is not None and (row.submitted_at is not None or row.reminded_at is not None):
            continue
        if row is None:
            row = _create_row(due)
            if row is None:
                continue
        # Claim the reminder: of two runs, only one sets reminded_at and notifies.
        unclaimed = Report.objects.filter(
            pk=row.pk, reminded_at__isnull=True, submitted_at__isnull=True
        )
        claimed = unclaimed.update(reminded_at=now)
        if claimed:
            _notify(due.person, due.form, row)
            sent += 1
    return sent


@dataclass(frozen=True)
class _Due:
    form: ReportForm
    person: Membership
    day: date
    due_at: datetime
    tz: str


def _create_row(due: _Due) -> Report | None:
    start = sched.period_start(sched.Schedule.of(due.form), due.day)
    try:
        with transaction.atomic():
            return Report.objects.create(
                workspace_id=due.form.workspace_id, form=due.form, author=due.person,
                period_date=due.day, period_start=start, due_at=due.due_at, timezone=due.tz,
            )  # fmt: skip
    except IntegrityError:  # written meanwhile (or by a parallel run): it has its row
        return Report.objects.filter(form=due.form, author=due.person, period_date=due.day).first()


def _notify(person: Membership, form: ReportForm, report: Report) -> None:
    from keel.notifications.services import notify

    url = reverse("feedback_report", kwargs={"ws": form.workspace.slug, "report_id": report.pk})
    try:
        params = {"form": form.title, "date": report.period_date.isoformat()}
        notify(recipient=person, kind=REMINDER_KIND, params=params, url=url)
    except Exception:  # a failed reminder must not stop the others
        log.exception("Report reminder %s could not be sent", report.pk)


def render_report_due(params: Mapping[str, Any]) -> str:
    """The reminder's title, in the reader's language (called with it active)."""
    day = date_format(date.fromisoformat(str(params["date"])), "DATE_FORMAT")
    return _("Your report “{form}” for {date} is due").format(form=params["form"], date=day)


@task()
def send_report_reminders(now: str | None = None) -> int:
    """Remind writers of reports that fell due (scheduled every five minutes)."""
    moment = parse_datetime(now) if now else None
    if moment is not None and timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return remind_due_reports(now=moment)
