"""Meeting series, meetings, agendas and action items (keel/feedback/services/meetings.py,
agenda.py, actions.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext

from keel.feedback import services
from keel.feedback.models import AgendaItem, AgendaSource, Attendee, Meeting, MeetingKind
from keel.feedback.tests.factories import MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def _series(workspace, organizer, **kw):
    kw.setdefault("organizer", organizer)
    series: Any = MeetingSeriesFactory(workspace=workspace, **kw)
    return series


# --- next_meeting / carry-over -----------------------------------------------------------------


def test_next_meeting_creates_once_and_is_idempotent(workspace, manager):
    series = _series(workspace, manager)  # Mondays 10:00 Shanghai = 02:00 UTC
    now = dt.datetime(2026, 3, 3, 12, 0, tzinfo=UTC)  # a Tuesday
    first = services.next_meeting(series=series, now=now)
    assert first is not None
    assert first.starts_at == dt.datetime(2026, 3, 9, 2, 0, tzinfo=UTC)
    again = services.next_meeting(series=series, now=now)
    assert again.pk == first.pk
    assert Meeting.objects.filter(series=series).count() == 1


def test_next_meeting_none_when_stopped_or_ended(workspace, manager):
    stopped = _series(workspace, manager, stopped_at=dt.datetime(2026, 1, 1, tzinfo=UTC))
    assert services.next_meeting(series=stopped) is None
    ended = _series(workspace, manager, rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=2")
    assert services.next_meeting(series=ended, now=dt.datetime(2026, 6, 1, tzinfo=UTC)) is None


def test_carry_over_unresolved_items_exactly_once(workspace, manager, member):
    series = _series(workspace, manager)
    Attendee.objects.create(workspace=workspace, series=series, membership=member)
    past: Any = MeetingFactory(series=series, starts_at=dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    open_item = services.agenda_item_add(actor=member, meeting=past, text="Shipping costs")
    done = services.agenda_item_add(actor=member, meeting=past, text="Done thing")
    services.agenda_item_resolve(actor=member, item=done)
    nxt = services.next_meeting(series=series, now=dt.datetime(2026, 3, 3, tzinfo=UTC))
    carried = list(AgendaItem.objects.filter(meeting=nxt))
    assert [(i.text, i.source, i.carried_from_id) for i in carried] == [
        ("Shipping costs", AgendaSource.CARRIED, open_item.pk)
    ]
    # A meeting created later from the same previous meeting does not carry it again.
    Meeting.objects.filter(pk=nxt.pk).update(starts_at=dt.datetime(2026, 3, 1, tzinfo=UTC))
    later = services.next_meeting(series=series, now=dt.datetime(2026, 3, 3, tzinfo=UTC))
    assert later.pk != nxt.pk
    assert AgendaItem.objects.filter(carried_from=open_item).count() == 1


def test_review_series_gets_standing_agenda_in_workspace_language(workspace, manager):
    workspace.language = "zh-hans"
    workspace.save()
    series = _series(workspace, manager, kind=MeetingKind.REVIEW, rrule="FREQ=MONTHLY;BYMONTHDAY=1")
    meeting = services.next_meeting(series=series, now=dt.datetime(2026, 3, 3, tzinfo=UTC))
    texts = list(meeting.agenda.values_list("text", flat=True))
    assert texts[0] == "上月数据与目标对比" and len(texts) == 5


def test_agenda_item_add_rules(workspace, manager, member, assistant):
    series = _series(workspace, manager)
    meeting: Any = MeetingFactory(series=series)
    with pytest.raises(PermissionDenied):
        services.agenda_item_add(actor=member, meeting=meeting, text="Not invited")
    Attendee.objects.create(workspace=workspace, series=series, membership=member)
    for bad in ("", "x" * 501, "two\nlines"):
        with pytest.raises(ValidationError):
            services.agenda_item_add(actor=member, meeting=meeting, text=bad)
    assert not meeting.agenda.exists()
    item = services.agenda_item_add(actor=member, meeting=meeting, text="  Stock count ")
    assert item.text == "Stock count" and item.added_by == member
    assert services.agenda_item_add(actor=manager, meeting=meeting, text="Organiser").position == 1


# --- series_create / update / stop ----------------------------------------------------------


def _seat(workspace, holder=None, title="Shop manager"):
    from keel.org.models import Seat, SeatStatus

    status = SeatStatus.FILLED if holder else SeatStatus.OPEN
    return Seat.objects.create(workspace=workspace, title=title, holder=holder, status=status)


def _create(actor, **kw):
    values = {
        "title": "Team meeting",
        "kind": MeetingKind.TEAM,
        "preset": "weekly",
        "weekdays": ["MO"],
        "dtstart_local": dt.datetime(2026, 3, 2, 10, 0),  # noqa: DTZ001 - wall-clock
        "timezone_name": "America/New_York",
    }
    values.update(kw)
    return services.series_create(actor=actor, **values)


def test_series_schedule_keeps_wall_clock_time_across_dst(workspace, manager):
    from keel.feedback import meeting_times

    series = _create(manager)
    before = meeting_times.next_start(series, dt.datetime(2026, 3, 3, tzinfo=UTC))
    after = meeting_times.next_start(series, dt.datetime(2026, 3, 10, tzinfo=UTC))
    # 10:00 in New York: 15:00 UTC before the 8 March change, 14:00 UTC after it.
    assert before == dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    assert after == dt.datetime(2026, 3, 16, 14, 0, tzinfo=UTC)
    first = meeting_times.starts_between(
        series, dt.datetime(2026, 3, 1, tzinfo=UTC), dt.datetime(2026, 3, 3, tzinfo=UTC)
    )
    assert first == [dt.datetime(2026, 3, 2, 15, 0, tzinfo=UTC)]


def test_one_on_one_creates_check_in_recurrence_on_mon_wed(workspace, manager, member):
    from keel.tasks.models import Project, Task

    series = _create(
        manager,
        title="Mike 1:1",
        kind=MeetingKind.ONE_ON_ONE,
        weekdays=["MO", "WE"],
        report_member=member,
    )
    checkin = series.checkin
    assert checkin is not None
    assert checkin.rrule == "FREQ=WEEKLY;BYDAY=MO,WE"
    assert checkin.assignee == manager and checkin.title == "1:1 check-in with Mike"
    assert checkin.project == series.project
    assert series.project.key == "MEET" and series.project.name == "Meetings"
    assert Task.objects.filter(recurrence=checkin).exists()
    # A second series reuses the Meetings project.
    other = _create(manager, title="Weekly")
    assert other.project_id == series.project_id
    assert Project.objects.filter(workspace=workspace).count() == 1
    services.series_stop(actor=manager, series=series)
    checkin.refresh_from_db()
    assert checkin.stopped_at is not None


def test_one_on_one_check_in_title_in_workspace_language(workspace, manager, member):
    workspace.language = "zh-hans"
    workspace.save()
    series = _create(manager, kind=MeetingKind.ONE_ON_ONE, report_member=member)
    assert series.project.name == "会议"
    with translation.override("zh-hans"):
        assert series.checkin.title == gettext("1:1 check-in with %(name)s") % {"name": "Mike"}
    assert series.checkin.title.startswith("与 Mike")


def test_series_create_wrong_role_refused_nothing_changed(workspace, member):
    from keel.feedback.models import MeetingSeries
    from keel.tasks.models import Project

    with pytest.raises(PermissionDenied):
        _create(member)
    assert not MeetingSeries.objects.exists() and not Project.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"kind": "party"}, "kind"),
        ({"call_url": "javascript:alert(1)"}, "call_url"),
        ({"call_url": "http://["}, "call_url"),
        ({"preset": "weekly", "weekdays": ["XX"]}, "weekdays"),
        ({"dtstart_local": dt.datetime(1, 1, 1, tzinfo=UTC)}, "dtstart_local"),
        ({"call_url": "https://" + "x" * 500}, "call_url"),
        ({"duration_minutes": 2}, "duration_minutes"),
        ({"preset": "", "rrule": "FREQ=HOURLY"}, "rrule"),
        ({"timezone_name": "Mars/Base"}, "timezone_name"),
        ({"kind": MeetingKind.ONE_ON_ONE}, "report_member"),
        ({"dtstart_local": None}, "dtstart_local"),
    ],
)
def test_series_create_bad_input(workspace, manager, fields, field):
    with pytest.raises(ValidationError) as info:
        _create(manager, **fields)
    assert field in info.value.message_dict


def test_seat_organiser_resolves_to_holder(workspace, owner, manager, member):
    seat = _seat(workspace, holder=manager)
    series = _create(owner, organizer_seat=seat, members=[member])
    people = services.attendees_of(series)
    assert people[0] == manager and member in people
    # Empty the seat: its work goes up to the owner (the seat rule).
    from keel.org.models import SeatStatus

    seat.holder, seat.status = None, SeatStatus.OPEN
    seat.save()
    assert services.attendees_of(series)[0] == owner


def test_one_on_one_with_empty_seat_is_paused(workspace, manager, member):
    seat = _seat(workspace, holder=member, title="Packer")
    series = _create(manager, kind=MeetingKind.ONE_ON_ONE, report_seat=seat)
    assert member in services.attendees_of(series)
    from keel.org.models import SeatStatus

    seat.holder, seat.status = None, SeatStatus.OPEN
    seat.save()
    assert services.next_meeting(series=series) is None


def test_groups_and_seats_attend(workspace, manager, member, admin):
    from keel.accounts.models import Group, GroupMembership

    group = Group.objects.create(workspace=workspace, name="Sales")
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    seat = _seat(workspace, holder=admin)
    series = _create(manager)
    services.attendees_set(actor=manager, series=series, groups=[group], seats=[seat])
    assert set(services.attendees_of(series)) == {manager, member, admin}
    with pytest.raises(PermissionDenied):
        services.attendees_set(actor=member, series=series, members=[member])


def test_series_update_moves_check_in_and_drops_empty_future_rows(workspace, manager, member):
    series = _create(manager, kind=MeetingKind.ONE_ON_ONE, report_member=member)
    meeting = services.next_meeting(series=series)
    services.series_update(actor=manager, series=series, preset="weekly", weekdays=["TU"])
    series.checkin.refresh_from_db()
    assert series.checkin.rrule == "FREQ=WEEKLY;BYDAY=TU"
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    with pytest.raises(ValidationError):
        services.series_update(actor=manager, series=series, call_url="ftp://x")
    with pytest.raises(PermissionDenied):
        services.series_update(actor=member, series=series, title="Mine")


# --- action items ---------------------------------------------------------------------------


def _with_project(workspace, manager, member):
    from keel.feedback.services.meeting_project import meetings_project

    series = _series(workspace, manager, project=meetings_project(manager))
    Attendee.objects.create(workspace=workspace, series=series, membership=member)
    meeting: Any = MeetingFactory(series=series)
    return meeting


def test_action_item_creates_task_with_owner_and_due(workspace, manager, member):
    from keel.feedback.services.actions import action_item_create

    meeting = _with_project(workspace, manager, member)
    action = action_item_create(
        actor=member, meeting=meeting, title="Call supplier", owner=manager, due=dt.date(2026, 3, 6)
    )
    task = action.task
    assert (task.title, task.assignee, task.due_date) == (
        "Call supplier",
        manager,
        dt.date(2026, 3, 6),
    )
    assert task.project == meeting.series.project
    with pytest.raises(ValidationError) as info:
        action_item_create(actor=member, meeting=meeting, title="", owner=manager, due=None)
    assert "title" in info.value.message_dict


def test_agenda_item_to_task_links_and_resolves(workspace, manager, member):
    from keel.feedback.services.actions import agenda_item_to_task

    meeting = _with_project(workspace, manager, member)
    item = services.agenda_item_add(actor=member, meeting=meeting, text="Fix the scale")
    action = agenda_item_to_task(actor=manager, item=item, owner=member, due=None)
    item.refresh_from_db()
    assert item.task == action.task and item.resolved_at is not None
    assert action.agenda_item == item and action.task.title == "Fix the scale"
    with pytest.raises(ValidationError):
        agenda_item_to_task(actor=manager, item=item, owner=member, due=None)


def test_open_actions_of_previous_meeting_show_on_next(workspace, manager, member):
    from keel.feedback.selectors.meetings import meeting_page
    from keel.feedback.services.actions import action_item_create
    from keel.tasks.models import Status

    meeting = _with_project(workspace, manager, member)
    open_one = action_item_create(
        actor=manager, meeting=meeting, title="Open", owner=member, due=None
    )
    done = action_item_create(actor=manager, meeting=meeting, title="Done", owner=member, due=None)
    done.task.status = Status.DONE
    done.task.save()
    nxt: Any = MeetingFactory(
        series=meeting.series, starts_at=meeting.starts_at + dt.timedelta(days=7)
    )
    page = meeting_page(member, nxt)
    assert [row.action.pk for row in page.open_previous] == [open_one.pk]


def test_agenda_delete_own_or_organiser_and_notes(workspace, manager, member, admin):
    series = _series(workspace, manager)
    Attendee.objects.create(workspace=workspace, series=series, membership=member)
    Attendee.objects.create(workspace=workspace, series=series, membership=admin)
    meeting: Any = MeetingFactory(series=series)
    item = services.agenda_item_add(actor=member, meeting=meeting, text="Mine")
    other = services.agenda_item_add(actor=manager, meeting=meeting, text="Organiser's")
    with pytest.raises(PermissionDenied):
        services.agenda_item_delete(actor=member, item=other)
    services.agenda_item_delete(actor=member, item=item)
    services.agenda_item_delete(actor=manager, item=other)
    assert not meeting.agenda.exists()
    services.meeting_update_notes(actor=member, meeting=meeting, notes="n", decisions="d")
    with pytest.raises(ValidationError):
        services.meeting_update_notes(
            actor=member, meeting=meeting, notes="x" * 20_001, decisions=""
        )
    meeting.refresh_from_db()
    assert (meeting.notes, meeting.decisions) == ("n", "d")
    with pytest.raises(PermissionDenied):
        services.meeting_mark_held(actor=member, meeting=meeting)
    services.meeting_mark_held(actor=manager, meeting=meeting)
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=member, meeting=meeting, text="Too late")


def test_one_on_one_private_to_its_people_and_owners(workspace, owner, admin, manager, member):
    series = _create(manager, kind=MeetingKind.ONE_ON_ONE, report_member=member)
    meeting = services.next_meeting(series=series)
    services.agenda_item_add(actor=member, meeting=meeting, text="My career")
    services.agenda_item_add(actor=owner, meeting=meeting, text="Owner may")
    with pytest.raises(PermissionDenied):
        services.agenda_item_add(actor=admin, meeting=meeting, text="Admin may not")


# --- the preparation job ---------------------------------------------------------------------


def test_prepare_meetings_notifies_once(workspace, manager, member, monkeypatch):
    from django.utils import timezone

    from keel.feedback.jobs_meetings import NOTIFY_KIND, prepare_series
    from keel.notifications.kinds import render_title
    from keel.notifications.models import Notification

    series = _series(workspace, manager)
    Attendee.objects.create(workspace=workspace, series=series, membership=member)
    now = dt.datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
    assert prepare_series(series, now) == 2
    assert prepare_series(series, now) == 0
    notes = Notification.objects.filter(kind=NOTIFY_KIND)
    assert {n.recipient for n in notes} == {manager, member}
    params = notes.first().params
    assert set(params) == {"title", "starts_at"}
    with timezone.override(dt.timezone(dt.timedelta(hours=8))):
        assert "2026-03-09 10:00" in str(render_title(NOTIFY_KIND, params))
    # Far away meetings are not prepared.
    later = _series(workspace, manager, rrule="FREQ=MONTHLY;BYMONTHDAY=28")
    assert prepare_series(later, now) == 0


def test_prepare_meetings_task_runs_and_is_registered(workspace, manager):
    from keel.core.scheduler import REGISTRY
    from keel.feedback.jobs_meetings import prepare_meetings

    _series(workspace, manager)
    _series(workspace, manager, stopped_at=dt.datetime(2026, 1, 1, tzinfo=UTC))
    first = prepare_meetings.call()
    assert first == 1 and prepare_meetings.call() == 0
    assert any(job.task is prepare_meetings for job in REGISTRY.values())
