"""The meetings API: series, meetings, agenda, action items."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from keel.core.tests.api_client import assert_problem, error_fields
from keel.feedback.models import Attendee, MeetingSeries
from keel.feedback.services.meeting_project import meetings_project
from keel.feedback.tests.factories import MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db
UTC = dt.UTC
BASE = "/workspaces/acme/feedback"


@pytest.fixture
def series(workspace, manager, member):
    s: Any = MeetingSeriesFactory(
        workspace=workspace,
        organizer=manager,
        title="Weekly sync",
        project=meetings_project(manager),
    )
    Attendee.objects.create(workspace=workspace, series=s, membership=member)
    return s


@pytest.fixture
def meeting(series):
    return MeetingFactory(series=series, starts_at=dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC))


def test_create_one_on_one_and_read_it(api_for, manager, member):
    api = api_for(manager)
    response = api.post(
        f"{BASE}/meetings/series",
        {
            "title": "Mike 1:1",
            "kind": "one_on_one",
            "preset": "weekly",
            "weekdays": ["MO", "WE"],
            "dtstart_local": "2026-03-02T10:00:00",
            "timezone": "Asia/Shanghai",
            "report_member_id": member.pk,
            "call_url": "https://zoom.example/j/1",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["checkin_id"] and body["rrule"] == "FREQ=WEEKLY;BYDAY=MO,WE"
    detail = api.get(f"{BASE}/meetings/series/{body['id']}").json()
    assert detail["title"] == "Mike 1:1" and detail["next_starts_at"]
    listed = api_for(member).get(f"{BASE}/meetings/series").json()["items"]
    assert [s["title"] for s in listed] == ["Mike 1:1"]


def test_create_refused_for_member_and_bad_input(api_for, manager, member):
    assert_problem(
        api_for(member).post(
            f"{BASE}/meetings/series",
            {"title": "x", "preset": "daily", "dtstart_local": "2026-03-02T10:00:00"},
        ),
        403,
    )
    body = assert_problem(
        api_for(manager).post(
            f"{BASE}/meetings/series",
            {
                "title": "x",
                "preset": "daily",
                "dtstart_local": "2026-03-02T10:00:00",
                "call_url": "file:///etc/passwd",
                "timezone": "Nowhere/City",
            },
        ),
        422,
    )
    assert {"call_url", "timezone"} <= error_fields(body)
    body = assert_problem(
        api_for(manager).post(
            f"{BASE}/meetings/series",
            {
                "title": "x",
                "kind": "one_on_one",
                "preset": "daily",
                "dtstart_local": "2026-03-02T10:00:00",
            },
        ),
        422,
    )
    assert "report_member_id" in error_fields(body)
    assert not MeetingSeries.objects.exists()


def test_meeting_agenda_and_actions(api_for, member, series, meeting):
    api = api_for(member)
    item = api.post(f"{BASE}/meetings/{meeting.pk}/agenda", {"text": "Stock count"})
    assert item.status_code == 201
    assert_problem(api.post(f"{BASE}/meetings/{meeting.pk}/agenda", {"text": ""}), 422)
    action = api.post(
        f"{BASE}/meetings/{meeting.pk}/actions",
        {"owner_id": member.pk, "due": "2026-03-06", "agenda_item_id": item.json()["id"]},
    )
    assert action.status_code == 201, action.content
    assert action.json()["title"] == "Stock count" and action.json()["due"] == "2026-03-06"
    detail = api.get(f"{BASE}/meetings/{meeting.pk}").json()
    assert detail["agenda"][0]["task_id"] == action.json()["task_id"]
    assert [a["title"] for a in detail["actions"]] == ["Stock count"]
    mine = api.get(f"{BASE}/action-items").json()["items"]
    assert [a["task_id"] for a in mine] == [action.json()["task_id"]]
    of_meeting = api.get(f"{BASE}/action-items", {"meeting_id": meeting.pk}).json()["items"]
    assert len(of_meeting) == 1
    meetings = api.get(f"{BASE}/meetings/series/{series.pk}/meetings").json()["items"]
    assert meeting.pk in [m["id"] for m in meetings]


def test_not_invited_gets_404(api_for, assistant, meeting, series):
    api = api_for(assistant)
    assert_problem(api.get(f"{BASE}/meetings/{meeting.pk}"), 404)
    assert_problem(api.get(f"{BASE}/meetings/series/{series.pk}"), 404)
    assert_problem(api.post(f"{BASE}/meetings/{meeting.pk}/agenda", {"text": "x"}), 404)
