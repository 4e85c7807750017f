"""Meeting pages in English and Chinese: list, new series, series, meeting, agenda (plain and
htmx), notes, action items, feeds page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from keel.feedback import services
from keel.feedback.models import AgendaItem, Attendee, Meeting, MeetingKind, MeetingSeries
from keel.feedback.tests.factories import AnswerFactory, MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db
UTC = dt.UTC


@pytest.fixture
def series(workspace, manager, member):
    from keel.feedback.services.meeting_project import meetings_project

    s: Any = MeetingSeriesFactory(
        workspace=workspace,
        organizer=manager,
        title="Weekly sync",
        call_url="https://meet.example/abc",
        project=meetings_project(manager),
    )
    Attendee.objects.create(workspace=workspace, series=s, membership=member)
    return s


@pytest.fixture
def meeting(series):
    return MeetingFactory(series=series, starts_at=dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC))


def _url(name, workspace, **kw):
    return reverse(name, kwargs={"ws": workspace.slug, **kw})


@pytest.mark.parametrize("lang", ["en", "zh-hans", "zh-hant"])
def test_pages_render_in_each_language(login, workspace, manager, series, meeting, lang):
    manager.user.language = lang
    manager.user.save()
    client = login(manager)
    for url in (
        _url("feedback_meetings", workspace),
        _url("feedback_series_new", workspace),
        _url("feedback_series", workspace, series_id=series.pk),
        _url("feedback_series_edit", workspace, series_id=series.pk),
        _url("feedback_meeting", workspace, meeting_id=meeting.pk),
        _url("feedback_meeting_feeds", workspace),
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 200, url
    assert "Weekly sync" in client.get(_url("feedback_meetings", workspace)).content.decode()


def test_meetings_list_query_budget(login, workspace, manager, django_assert_max_num_queries):
    from keel.org.models import Seat, SeatStatus

    seat = Seat.objects.create(
        workspace=workspace, title="Lead", holder=manager, status=SeatStatus.FILLED
    )
    for n in range(8):
        MeetingSeriesFactory(workspace=workspace, organizer=manager, title=f"S{n}")
        MeetingSeriesFactory(workspace=workspace, organizer_seat=seat, title=f"Seat {n}")
    client = login(manager)
    with django_assert_max_num_queries(25):
        assert client.get(_url("feedback_meetings", workspace)).status_code == 200


def test_create_series_from_the_page(login, workspace, manager, member):
    client = login(manager)
    response = client.post(
        _url("feedback_series_new", workspace),
        {
            "title": "Mike 1:1",
            "kind": "one_on_one",
            "preset": "weekly",
            "weekdays": ["MO", "WE"],
            "interval": 1,
            "dtstart_date": "2026-03-02",
            "dtstart_time": "10:00",
            "timezone": "Asia/Shanghai",
            "duration_minutes": 30,
            "call_url": "https://zoom.example/1",
            "report": f"m:{member.pk}",
        },
    )
    assert response.status_code == 302
    series = MeetingSeries.objects.get(title="Mike 1:1")
    assert series.kind == MeetingKind.ONE_ON_ONE and series.report_member == member
    assert series.checkin.rrule == "FREQ=WEEKLY;BYDAY=MO,WE"


def test_create_series_errors_show_on_the_form(login, workspace, manager):
    client = login(manager)
    response = client.post(
        _url("feedback_series_new", workspace),
        {
            "title": "Bad",
            "kind": "team",
            "preset": "weekly",
            "interval": 1,
            "dtstart_date": "2026-03-02",
            "dtstart_time": "10:00",
            "timezone": "Asia/Shanghai",
            "duration_minutes": 30,
            "call_url": "javascript:alert(1)",
        },
    )
    assert response.status_code == 400
    assert not MeetingSeries.objects.exists()


def test_member_cannot_create_series(login, workspace, member):
    assert login(member).get(_url("feedback_series_new", workspace)).status_code == 403


def test_agenda_add_plain_and_htmx(login, workspace, member, meeting):
    client = login(member)
    url = _url("feedback_agenda_add", workspace, meeting_id=meeting.pk)
    response = client.post(url, {"text": "Shipping rates"})
    assert response.status_code == 302
    response = client.post(url, {"text": "Holiday rota"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Holiday rota" in response.content.decode()
    response = client.post(url, {"text": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert list(meeting.agenda.values_list("text", flat=True)) == ["Shipping rates", "Holiday rota"]


def test_not_invited_member_gets_404(login, workspace, meeting, admin, assistant):
    client = login(assistant)
    assert client.get(_url("feedback_meeting", workspace, meeting_id=meeting.pk)).status_code == 404
    assert (
        client.post(
            _url("feedback_agenda_add", workspace, meeting_id=meeting.pk), {"text": "x"}
        ).status_code
        == 404
    )


def test_resolve_and_turn_into_task(login, workspace, manager, member, meeting):
    item = services.agenda_item_add(actor=member, meeting=meeting, text="Reorder boxes")
    client = login(manager)
    client.post(_url("feedback_agenda_resolve", workspace, agenda_item_id=item.pk))
    item.refresh_from_db()
    assert item.resolved_at is not None
    response = client.post(
        _url("feedback_agenda_task", workspace, agenda_item_id=item.pk),
        {"owner": member.pk, "due": "2026-03-06"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.task.title == "Reorder boxes" and item.task.assignee == member
    page = client.get(_url("feedback_meeting", workspace, meeting_id=meeting.pk))
    assert "Reorder boxes" in page.content.decode()


def test_notes_and_actions(login, workspace, manager, member, meeting):
    client = login(member)
    response = client.post(
        _url("feedback_meeting_notes", workspace, meeting_id=meeting.pk),
        {"notes": "We talked.", "decisions": "Raise prices."},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.decisions == "Raise prices."
    response = client.post(
        _url("feedback_action_new", workspace, meeting_id=meeting.pk),
        {"title": "Update price list", "owner": member.pk, "due": ""},
    )
    assert response.status_code == 302
    assert meeting.actions.get().task.title == "Update price list"
    response = client.post(
        _url("feedback_action_new", workspace, meeting_id=meeting.pk),
        {"title": "", "owner": member.pk},
    )
    assert response.status_code == 400


def test_flagged_answer_text_only_for_allowed_readers(
    login, workspace, owner, manager, member, meeting
):
    answer: Any = AnswerFactory(
        report__workspace=workspace,
        report__author=member,
        report__form__workspace=workspace,
        text="I want to resign",
    )
    AgendaItem.objects.create(
        workspace=workspace,
        meeting=meeting,
        text="Talk about workload",
        source="flagged",
        answer=answer,
    )
    url = _url("feedback_meeting", workspace, meeting_id=meeting.pk)
    # The organiser (a manager but not above Mike on the chart) sees only the item's words.
    page = login(manager).get(url).content.decode()
    assert "Talk about workload" in page and "I want to resign" not in page
    assert "I want to resign" in login(owner).get(url).content.decode()


def test_attendee_local_times_shown(login, workspace, manager, assistant, series, meeting):
    assistant.user.timezone = "Asia/Manila"
    assistant.user.save()
    Attendee.objects.create(workspace=workspace, series=series, membership=assistant)
    page = login(manager).get(_url("feedback_meeting", workspace, meeting_id=meeting.pk))
    assert "(Manila) 10:00" in page.content.decode()


def test_series_page_creates_next_meeting_once(login, workspace, manager, series):
    client = login(manager)
    client.get(_url("feedback_series", workspace, series_id=series.pk))
    client.get(_url("feedback_series", workspace, series_id=series.pk))
    assert Meeting.objects.filter(series=series).count() == 1


def test_home_meetings_partial(rf, workspace, member, series):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.workspace, request.membership, request.user = workspace, member, member.user
    html = render_to_string(
        "feedback/partials/home_meetings.html", {"membership": member, "request": request}
    )
    assert "Weekly sync" in html


def test_feedback_home_shows_upcoming_meetings(login, workspace, member, series):
    page = login(member).get(reverse("feedback_home", kwargs={"ws": workspace.slug}))
    assert page.status_code == 200
    assert "Upcoming meetings" in page.content.decode()
    assert "Weekly sync" in page.content.decode()
