"""The meetings iCalendar feed: the token, the events, revocation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from icalendar import Calendar

from keel.feedback.models import Attendee, Meeting
from keel.feedback.services import meeting_feed as feeds
from keel.feedback.tests.factories import MeetingSeriesFactory

pytestmark = pytest.mark.django_db
UTC = dt.UTC


@pytest.fixture
def series(workspace, manager, member):
    s: Any = MeetingSeriesFactory(
        workspace=workspace,
        organizer=manager,
        title="Weekly sync",
        rrule="FREQ=WEEKLY;BYDAY=MO",
        dtstart_local=dt.datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
        timezone="America/New_York",
        duration_minutes=45,
        call_url="https://meet.example/abc",
    )
    Attendee.objects.create(workspace=workspace, series=s, membership=member)
    return s


def _events(body: bytes) -> list:
    return [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]


def test_feed_lists_meetings_in_utc_with_stable_uids(client, workspace, member, series):
    _feed, raw = feeds.meeting_feed_create(actor=member)
    assert raw.startswith(feeds.TOKEN_PREFIX)
    Meeting.objects.create(
        workspace=workspace, series=series, starts_at=dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    )
    now = dt.datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    body = feeds.meeting_feed_calendar(_feed, base_url="https://keel.example/", now=now)
    events = _events(body)
    starts = [e.decoded("dtstart") for e in events]
    # The month before and six months ahead: Mondays from 2 February to 31 August.
    assert starts[0] == dt.datetime(2026, 2, 2, 15, 0, tzinfo=UTC)  # EST
    assert dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC) in starts  # EDT: still 10:00 local
    assert len(starts) == 31
    first = events[0]
    assert first.decoded("dtend") - first.decoded("dtstart") == dt.timedelta(minutes=45)
    assert str(first["summary"]) == "Weekly sync"
    assert str(first["location"]) == "https://meet.example/abc"
    held = next(
        e for e in events if e.decoded("dtstart") == dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    )
    assert "/acme/feedback/meetings/" in str(held["description"])
    again = _events(feeds.meeting_feed_calendar(_feed, now=now))
    assert [str(e["uid"]) for e in again] == [str(e["uid"]) for e in events]


def test_public_url_and_revocation(client, workspace, member, series, outsider):
    feed, raw = feeds.meeting_feed_create(actor=member)
    url = feeds.meeting_feed_url_path(raw)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert _events(response.content)
    assert client.get("/feeds/meetings/kmeet_wrong.ics").status_code == 404
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied
        feeds.meeting_feed_revoke(actor=outsider, feed=feed)
    feeds.meeting_feed_revoke(actor=member, feed=feed)
    assert client.get(url).status_code == 404


def test_feed_only_has_the_owners_meetings(workspace, admin, series):
    feed, _raw = feeds.meeting_feed_create(actor=admin)
    assert _events(feeds.meeting_feed_calendar(feed)) == []


def test_feed_pages(login, workspace, member, series):
    client = login(member)
    response = client.post(f"/{workspace.slug}/feedback/meetings/feeds/")
    assert response.status_code == 200
    assert "/feeds/meetings/kmeet_" in response.content.decode()
    feed = feeds.meeting_feeds_of(member)[0]
    response = client.post(f"/{workspace.slug}/feedback/meetings/feeds/{feed.pk}/revoke/")
    assert response.status_code == 302
    assert feeds.meeting_feeds_of(member) == []
