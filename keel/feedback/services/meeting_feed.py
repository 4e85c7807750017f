"""The meetings calendar feed: a secret iCalendar URL with the meetings one member attends.

As in tasks (keel/tasks/services/feeds.py) the raw token is shown once and only its SHA-256
is stored. Each meeting in the window (last month, next six months) is its own VEVENT in UTC
with a stable UID (series id + start), so a calendar keeps one event per meeting even when
attendees or titles change; a stopped series keeps its past meetings.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from keel.accounts.models import hash_secret
from keel.core.services import AuditContext, audit_event
from keel.core.validators import printable_line
from keel.feedback import meeting_times
from keel.feedback.models import Meeting, MeetingFeed, MeetingSeries
from keel.feedback.services.meeting_people import is_paused, series_of

if TYPE_CHECKING:
    from keel.core.models import Membership

TOKEN_PREFIX = "kmeet_"  # noqa: S105 - a public prefix, not a secret
PAST = timedelta(days=31)
AHEAD = timedelta(days=183)
MAX_EVENTS = 2000
PRODID = "-//Keel//Meetings//EN"


@transaction.atomic
def meeting_feed_create(
    *, actor: Membership, context: AuditContext | None = None
) -> tuple[MeetingFeed, str]:
    """A new feed of the actor's meetings and its raw token (shown once)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    feed = MeetingFeed.objects.create(
        workspace=actor.workspace, owner=actor, token_hash=hash_secret(raw)
    )
    audit_event(actor, "meeting.feed_created", feed, context)
    return feed, raw


@transaction.atomic
def meeting_feed_revoke(
    *, actor: Membership, feed: MeetingFeed, context: AuditContext | None = None
) -> MeetingFeed:
    if feed.owner_id != actor.pk:
        raise PermissionDenied(_("Only the feed's owner can revoke it."))
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at", "updated_at"])
        audit_event(actor, "meeting.feed_revoked", feed, context)
    return feed


def meeting_feeds_of(actor: Membership) -> list[MeetingFeed]:
    return list(
        MeetingFeed.objects.in_workspace(actor.workspace)
        .filter(owner=actor, revoked_at__isnull=True)
        .order_by("-created_at", "-id")
    )


def meeting_feed_find(raw: str) -> MeetingFeed | None:
    """The live feed of a raw token, or None (unknown, revoked, owner gone)."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    return (
        MeetingFeed.objects.select_related("owner__user", "owner__workspace")
        .filter(token_hash=hash_secret(raw), revoked_at__isnull=True)
        .filter(owner__offboarded_at__isnull=True, owner__user__is_active=True)
        .first()
    )


def _event(
    series: MeetingSeries, start: datetime, *, meeting: Meeting | None, slug: str, base_url: str
) -> Event:
    event = Event()
    event.add("uid", f"keel-meeting-{series.pk}-{start:%Y%m%dT%H%M%SZ}@{slug}")
    event.add("dtstamp", (meeting or series).updated_at.astimezone(UTC))
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", meeting_times.ends_at(series, start).astimezone(UTC))
    event.add("summary", printable_line(series.title))
    page = ""
    if base_url:
        page = f"{base_url}/{slug}/feedback/meetings/series/{series.pk}/"
        if meeting is not None:
            page = f"{base_url}/{slug}/feedback/meetings/{meeting.pk}/"
    if series.call_url:
        event.add("location", series.call_url)
        event.add("url", series.call_url)
        if page:
            event.add("description", page)
    elif page:
        event.add("url", page)
        event.add("description", page)
    return event


def meeting_feed_calendar(
    feed: MeetingFeed, *, base_url: str = "", now: datetime | None = None
) -> bytes:
    """The feed as iCalendar bytes: a fixed number of queries whatever the data."""
    now = now or timezone.now()
    owner = feed.owner
    ws = owner.workspace
    start, end = now - PAST, now + AHEAD
    series_list = [
        s
        for s in series_of(owner, include_stopped=True)
        if s.stopped_at is None or s.stopped_at > start
    ]
    rows = {
        (m.series_id, m.starts_at): m
        for m in Meeting.objects.filter(
            series__in=series_list, starts_at__gte=start, starts_at__lte=end
        )
    }
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Keel — {printable_line(str(_('Meetings')))}")
    count = 0
    base = base_url.rstrip("/")
    for series in series_list:
        until = min(end, series.stopped_at) if series.stopped_at else end
        if is_paused(series):
            until = min(until, now)
        for moment in meeting_times.starts_between(series, start, until):
            if count >= MAX_EVENTS:
                break
            meeting = rows.get((series.pk, moment))
            cal.add_component(_event(series, moment, meeting=meeting, slug=ws.slug, base_url=base))
            count += 1
    return bytes(cal.to_ical())


def meeting_feed_url_path(raw: str) -> str:
    return f"/feeds/meetings/{raw}.ics"
