"""Recurring series: create, materialise exactly once, complete → next, skip, stop, the job."""

# ruff: noqa: DTZ001  (series starts are naive local wall-clock times by design)

from __future__ import annotations

import contextlib
import threading
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from freezegun import freeze_time

from keel.core.models import AuditEvent, Role
from keel.core.scheduler import REGISTRY
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Seat, SeatStatus
from keel.tasks.models import Recurrence, RecurrenceMode, Status, Task
from keel.tasks.services import occurrences
from keel.tasks.services import recurrence as series
from keel.tasks.services import tasks as task_services
from keel.tasks.tests.factories import LabelFactory, ProjectFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="Listings", key="LST")


def _create(actor, project, **kwargs):
    defaults = {
        "title": "Listing review",
        "preset": "weekly",
        "weekdays": ["MO", "WE"],
        "dtstart_local": datetime(2026, 3, 2, 9, 0),
        "timezone_name": "America/New_York",
        "all_day": False,
        "now": _utc(2026, 3, 2, 12, 0),
    }
    defaults.update(kwargs)
    return series.recurrence_create(actor=actor, project=project, **defaults)


def _occurrences(rec):
    return list(Task.objects.filter(recurrence=rec).order_by("occurrence_date"))


def _complete(actor, task, when: datetime):
    with freeze_time(when):
        task_services.task_set_status(actor=actor, task=task, status=Status.DONE)


# --- Create ---------------------------------------------------------------------------------


def test_create_makes_the_series_and_its_first_occurrence(member, project):
    rec = _create(member, project)
    assert rec.rrule == "FREQ=WEEKLY;BYDAY=MO,WE"
    [first] = _occurrences(rec)
    assert first.occurrence_date == date(2026, 3, 2)
    assert first.due_at == _utc(2026, 3, 2, 14, 0)  # 09:00 EST
    assert first.title == "Listing review" and first.number == 1
    assert first.assignee_id is None and first.status == Status.TODO
    assert AuditEvent.objects.filter(action="recurrence.created", target_id=str(rec.pk)).exists()


def test_occurrence_copies_the_template_and_the_seat_not_the_person(member, manager, project):
    seat = Seat.objects.create(workspace=project.workspace, title="Listing lead", holder=member,
                               status=SeatStatus.FILLED)  # fmt: skip
    section: Any = SectionFactory(project=project, name="Routines")
    label = LabelFactory(workspace=project.workspace, name="routine")
    rec = _create(
        manager, project, assignee_seat=seat, section=section, labels=[label], priority=3,
        description="Check **prices**", preset="daily", all_day=True,
        dtstart_local=date(2026, 3, 2),
    )  # fmt: skip
    [task] = _occurrences(rec)[:1]
    assert task.assignee_seat_id == seat.pk and task.assignee_id is None
    assert task.section_id == section.pk and task.priority == 3
    assert list(task.labels.values_list("name", flat=True)) == ["routine"]
    assert "<strong>prices</strong>" in task.description_html
    assert task.due_date == date(2026, 3, 2) and task.due_at is None


def test_invalid_rrule_names_the_problem_and_saves_nothing(member, project):
    with pytest.raises(ValidationError) as exc:
        _create(member, project, preset="", rrule="FREQ=HOURLY;INTERVAL=1")
    assert "too frequent" in exc.value.message_dict["rrule"][0]
    assert not Recurrence.objects.exists() and not Task.objects.exists()


def test_bad_time_zone_and_missing_title_are_reported_together(member, project):
    with pytest.raises(ValidationError) as exc:
        _create(member, project, title=" ", timezone_name="Nowhere/City")
    assert set(exc.value.message_dict) >= {"title", "timezone"}


def test_guest_cannot_create_a_series_and_nothing_changes(workspace, project):
    guest = MembershipFactory(workspace=workspace, role=Role.GUEST)
    with pytest.raises(PermissionDenied):
        _create(guest, project)
    assert not Recurrence.objects.exists() and not Task.objects.exists()


def test_other_workspace_member_cannot_create(outsider, project):
    with pytest.raises(PermissionDenied):
        _create(outsider, project)
    assert not Recurrence.objects.exists()


# --- Monday and Wednesday -------------------------------------------------------------------


def test_completing_mondays_occurrence_creates_wednesdays(member, project):
    rec = _create(member, project)
    [monday] = _occurrences(rec)
    _complete(member, monday, _utc(2026, 3, 2, 15, 0))
    dates = [t.occurrence_date for t in _occurrences(rec)]
    assert dates == [date(2026, 3, 2), date(2026, 3, 4)]
    wednesday = _occurrences(rec)[1]
    assert wednesday.due_at == _utc(2026, 3, 4, 14, 0)
    assert wednesday.number == 2


def test_schedule_mode_creates_tomorrows_occurrence_even_if_today_is_open(member, project):
    rec = _create(member, project)
    occurrences.materialize_next(rec, now=_utc(2026, 3, 3, 15, 0))  # Tuesday: Wednesday is tomorrow
    assert [t.occurrence_date for t in _occurrences(rec)] == [date(2026, 3, 2), date(2026, 3, 4)]


def test_materialize_is_idempotent(member, project):
    rec = _create(member, project)
    for _ in range(3):
        occurrences.materialize_next(rec, now=_utc(2026, 3, 3, 15, 0))
    assert Task.objects.filter(recurrence=rec).count() == 2


def test_missed_past_dates_are_not_back_filled(member, project):
    rec = _create(member, project)
    created = occurrences.materialize_next(rec, now=_utc(2026, 4, 1, 12, 0))  # a Wednesday
    assert [t.occurrence_date for t in created] == [date(2026, 4, 1)]


# --- DST in three zones ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "start", "now", "expected_day", "expected_utc"),
    [
        ("America/New_York", datetime(2026, 3, 2, 9), _utc(2026, 3, 9, 12), date(2026, 3, 9),
         _utc(2026, 3, 9, 13)),
        ("America/New_York", datetime(2026, 3, 2, 9), _utc(2026, 11, 2, 12), date(2026, 11, 2),
         _utc(2026, 11, 2, 14)),
        ("Europe/Berlin", datetime(2026, 3, 23, 9), _utc(2026, 3, 30, 5), date(2026, 3, 30),
         _utc(2026, 3, 30, 7)),
        ("Europe/Berlin", datetime(2026, 3, 23, 9), _utc(2026, 10, 26, 5), date(2026, 10, 26),
         _utc(2026, 10, 26, 8)),
        ("Asia/Shanghai", datetime(2026, 3, 2, 9), _utc(2026, 11, 2, 0), date(2026, 11, 2),
         _utc(2026, 11, 2, 1)),
    ],
)  # fmt: skip
def test_weekly_monday_0900_stays_0900_local(member, project, tz, start, now, expected_day,
                                             expected_utc):  # fmt: skip
    created_at = datetime.combine(start.date(), time(), tzinfo=UTC)
    rec = _create(member, project, preset="weekly", weekdays=["MO"], dtstart_local=start,
                  timezone_name=tz, now=created_at)  # fmt: skip
    created = occurrences.materialize_next(rec, now=now)
    task = next(t for t in created if t.occurrence_date == expected_day)
    assert task.due_at == expected_utc


# --- Month ends ---------------------------------------------------------------------------


def test_monthly_day_31_skips_to_the_next_month_that_has_one(member, project):
    rec = _create(member, project, preset="monthly_day", month_day=31, all_day=True,
                  dtstart_local=date(2026, 1, 31), now=_utc(2026, 1, 31, 12))  # fmt: skip
    [january] = _occurrences(rec)
    _complete(member, january, _utc(2026, 1, 31, 18))
    assert [t.occurrence_date for t in _occurrences(rec)] == [date(2026, 1, 31), date(2026, 3, 31)]


def test_last_friday_series_lands_on_2027_02_26(member, project):
    rec = _create(member, project, preset="monthly_last_weekday", weekday="FR", all_day=True,
                  dtstart_local=date(2027, 2, 1), now=_utc(2027, 2, 1, 12))  # fmt: skip
    assert [t.occurrence_date for t in _occurrences(rec)] == [date(2027, 2, 26)]


# --- After completion -----------------------------------------------------------------------


def test_after_completion_counts_from_the_day_it_was_done(member, project):
    rec = _create(member, project, preset="daily", interval=3, all_day=True,
                  mode=RecurrenceMode.AFTER_COMPLETION, dtstart_local=date(2026, 3, 2),
                  timezone_name="Europe/Berlin", now=_utc(2026, 3, 2, 8))  # fmt: skip
    [first] = _occurrences(rec)
    assert first.occurrence_date == date(2026, 3, 2)
    occurrences.materialize_next(rec, now=_utc(2026, 3, 4, 8))
    assert len(_occurrences(rec)) == 1  # only one open occurrence in this mode
    _complete(member, first, _utc(2026, 3, 5, 10))  # done three days late
    assert [t.occurrence_date for t in _occurrences(rec)] == [date(2026, 3, 2), date(2026, 3, 8)]


def test_after_completion_weekly_days_take_the_next_matching_day(member, project):
    rec = _create(member, project, mode=RecurrenceMode.AFTER_COMPLETION)
    [monday] = _occurrences(rec)
    _complete(member, monday, _utc(2026, 3, 5, 15))  # done on Thursday
    assert _occurrences(rec)[-1].occurrence_date == date(2026, 3, 9)  # next Monday


# --- Exactly once with two workers ----------------------------------------------------------


def test_a_duplicate_insert_from_another_worker_is_treated_as_done(member, project, monkeypatch):
    rec = _create(member, project)
    real = occurrences._schedule_candidates

    def racing(*args, **kwargs):
        found = real(*args, **kwargs)
        # The other worker inserts the same occurrence after we computed ours, before we insert.
        monkeypatch.setattr(occurrences, "_schedule_candidates", real)
        occurrences.materialize_next(Recurrence.objects.get(pk=rec.pk), now=_utc(2026, 3, 3, 15))
        return found

    monkeypatch.setattr(occurrences, "_schedule_candidates", racing)
    created = occurrences.materialize_next(rec, now=_utc(2026, 3, 3, 15))
    assert created == []  # the IntegrityError meant "already done"
    assert Task.objects.filter(recurrence=rec, occurrence_date=date(2026, 3, 4)).count() == 1
    project.refresh_from_db()
    assert project.task_counter == 2  # the losing insert's number was rolled back too


@pytest.mark.django_db(transaction=True)
def test_two_threads_materialising_at_once_create_one_task(workspace, member):
    project = ProjectFactory(workspace=workspace, key="RACE")
    rec = _create(member, project)
    barrier = threading.Barrier(2, timeout=10)
    real = occurrences._create_occurrence
    errors: list[BaseException] = []

    def synced(r, local):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()  # both workers computed the same candidate; now both insert
        return real(r, local)

    def worker():
        try:
            rec_again = Recurrence.objects.get(pk=rec.pk)
            occurrences.materialize_next(rec_again, now=_utc(2026, 3, 3, 15))
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    occurrences._create_occurrence = synced
    try:
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        occurrences._create_occurrence = real
    locked = [e for e in errors if "locked" in str(e)]
    if locked and connection.vendor == "sqlite":
        pytest.skip("SQLite in-memory shared cache refused the second writer; PostgreSQL runs this")
    assert not errors, errors
    assert Task.objects.filter(recurrence=rec, occurrence_date=date(2026, 3, 4)).count() == 1


# --- Skip and stop --------------------------------------------------------------------------


def test_skip_removes_the_not_started_occurrence_and_creates_the_following(member, project):
    rec = _create(member, project)
    occurrences.materialize_next(rec, now=_utc(2026, 3, 3, 15))  # Monday open + Wednesday
    [monday, wednesday] = _occurrences(rec)
    _complete(member, monday, _utc(2026, 3, 3, 16))
    created = series.recurrence_skip(actor=member, recurrence=rec, occurrence_date=date(2026, 3, 4),
                                     now=_utc(2026, 3, 3, 17))  # fmt: skip
    rec.refresh_from_db()
    assert rec.skipped == ["2026-03-04"]
    assert not Task.objects.filter(pk=wednesday.pk).exists()
    assert [t.occurrence_date for t in created] == [date(2026, 3, 9)]
    occurrences.materialize_next(rec, now=_utc(2026, 3, 3, 18))
    assert not Task.objects.filter(recurrence=rec, occurrence_date=date(2026, 3, 4)).exists()
    assert AuditEvent.objects.filter(action="recurrence.skipped").count() == 1


def test_a_started_occurrence_cannot_be_skipped(member, project):
    rec = _create(member, project)
    [monday] = _occurrences(rec)
    task_services.task_set_status(actor=member, task=monday, status=Status.IN_PROGRESS)
    with pytest.raises(ValidationError) as exc:
        series.recurrence_skip(actor=member, recurrence=rec, occurrence_date=date(2026, 3, 2))
    assert "already started" in exc.value.messages[0]
    rec.refresh_from_db()
    assert rec.skipped == [] and Task.objects.filter(pk=monday.pk).exists()


def test_skipping_a_date_the_rule_does_not_have_is_refused(member, project):
    rec = _create(member, project)
    with pytest.raises(ValidationError) as exc:
        series.recurrence_skip(actor=member, recurrence=rec, occurrence_date=date(2026, 3, 3))
    assert "occurrence_date" in exc.value.message_dict


def test_guest_cannot_skip_or_stop(workspace, member, project):
    rec = _create(member, project)
    guest = MembershipFactory(workspace=workspace, role=Role.GUEST)
    with pytest.raises(PermissionDenied):
        series.recurrence_skip(actor=guest, recurrence=rec, occurrence_date=date(2026, 3, 4))
    with pytest.raises(PermissionDenied):
        series.recurrence_stop(actor=guest, recurrence=rec)
    rec.refresh_from_db()
    assert rec.skipped == [] and rec.stopped_at is None


def test_stop_ends_the_series_and_keeps_existing_tasks(member, project):
    rec = _create(member, project)
    series.recurrence_stop(actor=member, recurrence=rec)
    assert occurrences.materialize_next(rec, now=_utc(2026, 3, 10, 12)) == []
    [monday] = _occurrences(rec)
    _complete(member, monday, _utc(2026, 3, 2, 15))
    assert len(_occurrences(rec)) == 1
    assert AuditEvent.objects.filter(action="recurrence.stopped").count() == 1


# --- The periodic job -----------------------------------------------------------------------


def test_job_tops_up_every_active_series_and_is_registered(member, project):
    active = _create(member, project)
    stopped = _create(member, project, title="Old routine")
    series.recurrence_stop(actor=member, recurrence=stopped)
    assert occurrences.materialize_all(now=_utc(2026, 3, 3, 15)) == 1
    assert occurrences.materialize_all(now=_utc(2026, 3, 3, 15)) == 0
    assert len(_occurrences(active)) == 2 and len(_occurrences(stopped)) == 1
    job = REGISTRY["keel.tasks.jobs.materialize_recurrences"]
    assert job.seconds == 15 * 60


def test_job_runs_through_the_tasks_backend(member, project):
    from keel.tasks.jobs import materialize_recurrences

    _create(member, project)
    with freeze_time(_utc(2026, 3, 3, 15)):
        result = materialize_recurrences.enqueue()
    assert result.return_value == 1
