"""Report schedules: period dates, due moments in each writer's zone (across daylight-saving
changes), period starts, and the reminder job driven with a frozen clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from keel.core.tests.factories import MembershipFactory
from keel.feedback import schedule as sched
from keel.feedback.jobs import remind_due_reports, render_report_due
from keel.feedback.models import Report
from keel.feedback.tests.factories import AudienceFactory, ReportFormFactory
from keel.notifications.models import Notification

LA = "America/Los_Angeles"
SHANGHAI = "Asia/Shanghai"
EVERY_DAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _schedule(frequency: str = "daily", weekdays=EVERY_DAY, month_day=None,
              starts_on=date(2026, 1, 1), due=time(17, 0)) -> sched.Schedule:  # fmt: skip
    return sched.Schedule(frequency=frequency, weekdays=tuple(weekdays), month_day=month_day,
                          due_time=due, starts_on=starts_on)  # fmt: skip


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --- Pure -----------------------------------------------------------------------------------


def test_daily_periods_skip_days_off_and_start_on_the_first_day():
    schedule = _schedule(weekdays=["MO", "TU", "WE", "TH", "FR"], starts_on=date(2026, 3, 4))
    days = sched.period_dates(schedule, date(2026, 3, 1), date(2026, 3, 10))
    assert days == [date(2026, 3, d) for d in (4, 5, 6, 9, 10)]
    assert sched.is_period_date(schedule, date(2026, 3, 9))
    assert not sched.is_period_date(schedule, date(2026, 3, 7))  # Saturday
    assert not sched.is_period_date(schedule, date(2026, 3, 3))  # before it started


def test_weekly_period_is_the_day_and_the_six_before():
    schedule = _schedule("weekly", weekdays=["FR"])
    assert sched.period_dates(schedule, date(2026, 3, 1), date(2026, 3, 31)) == [
        date(2026, 3, d) for d in (6, 13, 20, 27)
    ]
    assert sched.period_start(schedule, date(2026, 3, 13)) == date(2026, 3, 7)
    # On Monday the writer is in the week that ends on Friday.
    now = _utc(2026, 3, 9, 2)
    assert sched.current_period(schedule, now, SHANGHAI) == date(2026, 3, 13)
    assert sched.last_due_period(schedule, now, SHANGHAI) == date(2026, 3, 6)


def test_monthly_last_day_and_fixed_day():
    last = _schedule("monthly", weekdays=[], month_day=-1)
    assert sched.period_dates(last, date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
    ]  # fmt: skip
    assert sched.period_start(last, date(2026, 3, 31)) == date(2026, 3, 1)
    fifteenth = _schedule("monthly", weekdays=[], month_day=15)
    assert sched.period_start(fifteenth, date(2026, 3, 15)) == date(2026, 2, 16)
    assert sched.next_period(fifteenth, date(2026, 3, 16)) == date(2026, 4, 15)
    assert sched.previous_period(fifteenth, date(2026, 3, 14)) == date(2026, 2, 15)


def test_due_moment_is_wall_clock_in_each_zone():
    day = date(2026, 6, 1)
    assert sched.due_moment(day, time(17, 0), SHANGHAI) == _utc(2026, 6, 1, 9)
    assert sched.due_moment(day, time(17, 0), LA) == _utc(2026, 6, 2, 0)


def test_nonexistent_local_time_moves_forward_and_ambiguous_takes_the_first():
    # 02:30 does not exist in Los Angeles on 2026-03-08: it becomes 03:30 PDT.
    moved = sched.due_moment(date(2026, 3, 8), time(2, 30), LA)
    assert moved.astimezone(ZoneInfo(LA)).time() == time(3, 30)
    assert moved == _utc(2026, 3, 8, 10, 30)
    # 01:30 happens twice on 2026-11-01: the first one (PDT, UTC-7).
    assert sched.due_moment(date(2026, 11, 1), time(1, 30), LA) == _utc(2026, 11, 1, 8, 30)


def test_writer_zone_falls_back_to_the_workspace_then_utc():
    assert sched.writer_zone(LA, SHANGHAI) == LA
    assert sched.writer_zone("", SHANGHAI) == SHANGHAI
    assert sched.writer_zone("Mars/Olympus", SHANGHAI) == SHANGHAI
    assert sched.writer_zone("", "") == "UTC"


def test_periods_due_between_uses_the_local_date():
    schedule = _schedule()
    found = sched.periods_due_between(schedule, LA, _utc(2026, 3, 8, 0), _utc(2026, 3, 8, 2))
    assert found == [(date(2026, 3, 7), _utc(2026, 3, 8, 1))]


# --- The reminder job -----------------------------------------------------------------------


@pytest.fixture
def writers(workspace, db):
    form = ReportFormFactory(workspace=workspace, title="Daily report", weekdays=list(EVERY_DAY),
                             due_time=time(17, 0), starts_on=date(2026, 3, 7))  # fmt: skip
    la = MembershipFactory(workspace=workspace, user__timezone=LA, user__full_name="Lee")
    sh = MembershipFactory(workspace=workspace, user__timezone=SHANGHAI, user__full_name="Wei")
    for person in (la, sh):
        AudienceFactory(form=form, membership=person)
    return form, la, sh


def _due(person) -> list[date]:
    return sorted(Report.objects.filter(author=person).values_list("period_date", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dst_day", "la_before", "la_after"),
    [
        # Spring forward: 17:00 PST = 01:00Z the next day; 17:00 PDT = 00:00Z.
        (date(2026, 3, 8), _utc(2026, 3, 8, 1), _utc(2026, 3, 9, 0)),
        # Fall back: 17:00 PDT = 00:00Z the next day; 17:00 PST = 01:00Z.
        (date(2026, 11, 1), _utc(2026, 11, 1, 0), _utc(2026, 11, 2, 1)),
    ],
)
def test_daily_report_reminds_each_writer_at_their_own_1700_across_dst(
    writers, dst_day, la_before, la_after
):
    form, la, sh = writers
    day_before = date.fromordinal(dst_day.toordinal() - 1)
    form.starts_on = day_before
    form.save(update_fields=["starts_on"])
    sh_before = datetime.combine(day_before, time(9), tzinfo=UTC)  # 17:00 in Shanghai
    sh_after = datetime.combine(dst_day, time(9), tzinfo=UTC)
    second = timedelta(seconds=1)
    moments = sorted({sh_before, la_before, sh_after, la_after})
    for moment in moments:
        assert remind_due_reports(now=moment - second) == 0  # not yet due: nothing
        sent = remind_due_reports(now=moment)
        assert sent >= 1
        assert remind_due_reports(now=moment) == 0  # idempotent
    assert _due(la) == [day_before, dst_day]
    assert _due(sh) == [day_before, dst_day]
    for report in Report.objects.filter(form=form):
        local = report.due_at.astimezone(ZoneInfo(report.timezone))
        assert local.time() == time(17, 0), report
        assert report.reminded_at == report.due_at  # reminded the moment it fell due
    assert Report.objects.get(author=la, period_date=day_before).due_at == la_before
    assert Report.objects.get(author=la, period_date=dst_day).due_at == la_after
    assert Notification.objects.filter(recipient=la, kind="feedback.report_due").count() == 2
    assert Notification.objects.filter(recipient=sh, kind="feedback.report_due").count() == 2


@pytest.mark.django_db
def test_reminder_skips_submitted_and_expired_periods(writers, django_assert_max_num_queries):
    form, la, sh = writers
    # Shanghai's report of 7 March written early and submitted.
    Report.objects.create(workspace=form.workspace, form=form, author=sh,
                          period_date=date(2026, 3, 7), period_start=date(2026, 3, 7),
                          due_at=_utc(2026, 3, 7, 9), timezone=SHANGHAI,
                          submitted_at=_utc(2026, 3, 7, 8))  # fmt: skip
    # Three days later: 7 March is beyond the 48-hour late window for everyone.
    now = _utc(2026, 3, 10, 9, 30)
    with django_assert_max_num_queries(30):
        remind_due_reports(now=now)
    # Within the window (after 8 March 09:30Z): Shanghai's 9th and 10th, LA's 8th and 9th.
    assert _due(sh) == [date(2026, 3, 7), date(2026, 3, 9), date(2026, 3, 10)]
    assert _due(la) == [date(2026, 3, 8), date(2026, 3, 9)]
    assert Report.objects.get(author=sh, period_date=date(2026, 3, 7)).reminded_at is None


@pytest.mark.django_db
def test_archived_forms_and_offboarded_writers_get_no_reminder(writers):
    form, la, sh = writers
    sh.offboarded_at = _utc(2026, 3, 1)
    sh.save(update_fields=["offboarded_at"])
    remind_due_reports(now=_utc(2026, 3, 8, 2))
    assert _due(sh) == []
    assert _due(la) == [date(2026, 3, 7)]
    form.archived_at = _utc(2026, 3, 8, 3)
    form.save(update_fields=["archived_at"])
    assert remind_due_reports(now=_utc(2026, 3, 9, 2)) == 0


@pytest.mark.django_db
def test_the_periodic_task_runs_the_reminders(writers):
    from keel.feedback.jobs import send_report_reminders

    result = send_report_reminders.enqueue(now="2026-03-07T09:00:00")  # naive = UTC
    assert result.return_value == 1


def test_reminder_title_in_the_readers_language():
    from django.utils import translation

    params = {"form": "Daily report", "date": "2026-03-08"}
    with translation.override("en"):
        assert "Daily report" in render_report_due(params)
    with translation.override("zh-hans"):
        title = render_report_due(params)
        assert "Daily report" in title and "2026" in title


@pytest.mark.django_db
def test_a_run_with_nothing_new_reads_a_fixed_number_of_queries(
    writers, workspace, django_assert_max_num_queries
):
    form, _la, _sh = writers
    for n in range(8):
        person = MembershipFactory(workspace=workspace, user__timezone=LA if n % 2 else SHANGHAI)
        AudienceFactory(form=form, membership=person)
    now = _utc(2026, 3, 8, 9)
    assert remind_due_reports(now=now) == 10 + 5  # 7 March for all ten, 8 March for Shanghai
    with django_assert_max_num_queries(6):
        assert remind_due_reports(now=now) == 0
