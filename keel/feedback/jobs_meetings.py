"""Meeting preparation (every hour, registered in wiring.py): for each active series meeting
within the next seven days, create the meeting row (carrying the unresolved agenda items over),
pull what the agenda feeds bring (again every hour: a monthly review gets last month's missed
KPIs once that month is over) and tell its attendees once. Idempotent: the row is unique per
occurrence, a fed item is unique per meeting and `Meeting.reminded_at` records the notice."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

NOTIFY_KIND = "feedback.meeting_soon"
PREPARE_AHEAD = timedelta(days=7)
PREPARE_EVERY = 3600


def meeting_soon_title(params: Any) -> str:
    """The notice's title in the reader's language and time zone (as_reader is active)."""
    when = timezone.localtime(datetime.fromisoformat(str(params["starts_at"])))
    return _("Meeting “%(title)s” on %(when)s: add your agenda items") % {
        "title": params["title"],
        "when": when.strftime("%Y-%m-%d %H:%M"),
    }


def prepare_series(series: Any, now: datetime) -> int:
    """Prepare one series' next meeting; returns how many attendees were told."""
    from keel.feedback import agenda_feeds, meeting_times
    from keel.feedback.models import Meeting
    from keel.feedback.services.agenda import next_meeting
    from keel.feedback.services.meeting_people import attendees_of
    from keel.notifications.services.notifications import notify

    if series.stopped_at is not None:
        return 0
    upcoming = meeting_times.next_start(series, now)
    if upcoming is None or upcoming > now + PREPARE_AHEAD:
        return 0
    meeting = next_meeting(series=series, now=now)
    if meeting is None:
        return 0
    agenda_feeds.pull_into(meeting, now=now)
    told = 0
    with transaction.atomic():
        claimed = Meeting.objects.filter(pk=meeting.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            return 0
        url = reverse(
            "feedback_meeting", kwargs={"ws": series.workspace.slug, "meeting_id": meeting.pk}
        )
        params = {"title": series.title, "starts_at": meeting.starts_at.isoformat()}
        for person in attendees_of(series):
            notify(recipient=person, kind=NOTIFY_KIND, params=params, url=url)
            told += 1
    return told


@task()
def prepare_meetings() -> int:
    """Prepare every active series' meeting of the coming week; returns notices sent."""
    from keel.feedback.models import MeetingSeries

    now = timezone.now()
    told = 0
    for series in (
        MeetingSeries.objects.filter(stopped_at__isnull=True)
        .select_related(
            "workspace",
            "organizer__user",
            "organizer_seat",
            "report_member__user",
            "report_seat__holder__user",
        )
        .order_by("pk")
        .iterator(chunk_size=200)
    ):
        told += prepare_series(series, now)
    return told
