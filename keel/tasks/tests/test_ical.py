"""Calendar feeds: secret token, member and project feeds, RFC 5545 output, revocation."""

# ruff: noqa: DTZ001  (series starts are naive local wall-clock times by design)

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from icalendar import Calendar

from keel.accounts.models import hash_secret
from keel.core.models import AuditEvent
from keel.org.models import Seat, SeatStatus
from keel.tasks.models import CalendarFeed, ProjectMember, Visibility
from keel.tasks.services import feeds as ical
from keel.tasks.services import recurrence as series
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="Listings", key="LST")


def _events(body: bytes) -> list:
    cal = Calendar.from_ical(body)
    assert cal["VERSION"] == "2.0"
    return [c for c in cal.walk("VEVENT")]


def _by_uid(events) -> dict:
    return {str(e["UID"]): e for e in events}


def test_token_is_stored_hashed_and_shown_once(member):
    feed, raw = ical.feed_create(actor=member)
    assert raw.startswith("kcal_") and len(raw) > 40
    assert feed.token_hash == hash_secret(raw) and raw not in feed.token_hash
    assert ical.feed_find(raw) == feed
    assert AuditEvent.objects.filter(action="calendar_feed.created").count() == 1


def test_member_feed_has_their_tasks_and_their_seats(client, workspace, member, manager, project):
    seat = Seat.objects.create(workspace=workspace, title="Buyer", holder=member,
                               status=SeatStatus.FILLED)  # fmt: skip
    today = timezone.localdate()
    mine: Any = TaskFactory(project=project, title="Mine", assignee=member, due_date=today)
    via_seat: Any = TaskFactory(project=project, title="Seat work", assignee_seat=seat,
                           due_date=today + timedelta(days=2))  # fmt: skip
    timed: Any = TaskFactory(project=project, title="Call", assignee=member, due_date=today,
                        due_at=datetime.combine(today, datetime.min.time(), tzinfo=UTC)
                        + timedelta(hours=15))  # fmt: skip
    TaskFactory(project=project, title="Not mine", assignee=manager, due_date=today)
    TaskFactory(project=project, title="No date", assignee=member)
    _feed, raw = ical.feed_create(actor=member)

    response = client.get(f"/feeds/{raw}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = _by_uid(_events(response.content))
    assert set(events) == {f"keel-task-{t.pk}@{workspace.slug}" for t in (mine, via_seat, timed)}
    all_day = events[f"keel-task-{mine.pk}@{workspace.slug}"]
    assert all_day["DTSTART"].params.get("VALUE") == "DATE"
    assert all_day.decoded("DTSTART") == today
    assert all_day.decoded("DTEND") == today + timedelta(days=1)
    assert str(all_day["SUMMARY"]) == f"LST-{mine.number} Mine"
    assert "DTSTAMP" in all_day
    timed_event = events[f"keel-task-{timed.pk}@{workspace.slug}"]
    assert timed_event.decoded("DTSTART") == timed.due_at
    assert timed_event.decoded("DTSTART").utcoffset() == timedelta(0)


def test_uid_is_stable_between_fetches(client, member, project):
    TaskFactory(project=project, assignee=member, due_date=timezone.localdate())
    _feed, raw = ical.feed_create(actor=member)
    first = set(_by_uid(_events(client.get(f"/feeds/{raw}.ics").content)))
    second = set(_by_uid(_events(client.get(f"/feeds/{raw}.ics").content)))
    assert first == second and len(first) == 1


def test_project_feed_shows_the_projects_tasks_and_series_as_rrule(client, workspace, member,
                                                                   project):  # fmt: skip
    TaskFactory(project=project, title="Any assignee", due_date=timezone.localdate())
    now = timezone.now()
    start = timezone.localtime(now, timezone=None).replace(tzinfo=None)
    rec = series.recurrence_create(
        actor=member, project=project, title="Review", preset="weekly", weekdays=["MO", "WE"],
        dtstart_local=datetime(start.year, start.month, start.day, 9, 0),
        timezone_name="America/New_York", all_day=False, now=now,
    )  # fmt: skip
    _feed, raw = ical.feed_create(actor=member, project=project)
    events = _by_uid(_events(client.get(f"/feeds/{raw}.ics").content))
    series_event = events[f"keel-recurrence-{rec.pk}@{workspace.slug}"]
    assert series_event["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO,WE"
    assert series_event["DTSTART"].params["TZID"] == "America/New_York"
    start_local = series_event.decoded("DTSTART")
    assert start_local.hour == 9
    # The series starts after its materialised occurrences, so no day appears twice.
    latest = max(t.occurrence_date for t in rec.tasks.all() if t.occurrence_date is not None)
    assert start_local.date() > latest
    cal = Calendar.from_ical(client.get(f"/feeds/{raw}.ics").content)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["America/New_York"]


def test_revoked_and_unknown_tokens_get_404(client, member):
    feed, raw = ical.feed_create(actor=member)
    assert client.get("/feeds/kcal_nope.ics").status_code == 404
    assert client.get("/feeds/nonsense.ics").status_code == 404
    ical.feed_revoke(actor=member, feed=feed)
    assert client.get(f"/feeds/{raw}.ics").status_code == 404
    assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is not None


def test_only_the_owner_revokes_a_feed(member, manager):
    feed, _raw = ical.feed_create(actor=member)
    with pytest.raises(PermissionDenied):
        ical.feed_revoke(actor=manager, feed=feed)
    assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is None


def test_feed_of_a_project_the_owner_can_no_longer_see_is_404(client, workspace, member):
    private: Any = ProjectFactory(workspace=workspace, visibility=Visibility.MEMBERS)
    link = ProjectMember.objects.create(workspace=workspace, project=private, membership=member)
    _feed, raw = ical.feed_create(actor=member, project=private)
    assert client.get(f"/feeds/{raw}.ics").status_code == 200
    link.delete()
    assert client.get(f"/feeds/{raw}.ics").status_code == 404


def test_cannot_create_a_feed_for_a_hidden_project(workspace, member):
    private: Any = ProjectFactory(workspace=workspace, visibility=Visibility.MEMBERS)
    with pytest.raises(PermissionDenied):
        ical.feed_create(actor=member, project=private)
    assert not CalendarFeed.objects.exists()


def test_offboarded_owner_feed_stops_working(client, member):
    _feed, raw = ical.feed_create(actor=member)
    member.offboarded_at = timezone.now()
    member.save(update_fields=["offboarded_at"])
    assert client.get(f"/feeds/{raw}.ics").status_code == 404


def test_feed_query_count_does_not_grow(client, member, project, django_assert_max_num_queries):
    today = timezone.localdate()
    for n in range(30):
        TaskFactory(project=project, assignee=member, due_date=today + timedelta(days=n))
    _feed, raw = ical.feed_create(actor=member)
    with django_assert_max_num_queries(10):
        response = client.get(f"/feeds/{raw}.ics")
    assert len(_events(response.content)) == 30


def test_feeds_is_a_reserved_workspace_slug():
    # /feeds/<token>.ics is a top-level path: a workspace called "feeds" would be shadowed.
    from keel.core.models import RESERVED_SLUGS

    assert "feeds" in RESERVED_SLUGS
