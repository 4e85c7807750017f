"""Early-warning signals: each kind against hand-computed data, idempotence, clearing,
acknowledgement (and who may not), the watched words, the job's notifications."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.core.models import AuditEvent, Membership, Role
from keel.core.tests.factories import MembershipFactory
from keel.feedback.models import Signal, SignalKind, WatchWords
from keel.feedback.services.signals import (
    signal_acknowledge,
    signals_compute,
    watch_words_of,
    watch_words_update,
)
from keel.feedback.signal_rules import WordMatcher, parse_words
from keel.feedback.tests.factories import (
    AnswerFactory,
    ReportFormFactory,
    daily_reports,
    team_chart,
)
from keel.notifications.models import Notification
from keel.tasks.models import Recurrence, Status
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.date


@pytest.fixture
def form(workspace):
    return ReportFormFactory(workspace=workspace)


@pytest.fixture
def peer(workspace):
    return MembershipFactory(workspace=workspace, role=Role.MEMBER, user__full_name="Pete Peer")


@pytest.fixture
def chart(workspace, owner, manager, member, peer):
    """owner → manager (Maya) → member (Mike) and peer (Pete)."""
    return team_chart(workspace, boss=owner, lead=manager, people=[member, peer])


def _open(member: Membership) -> list[Signal]:
    return list(Signal.objects.filter(subject=member, cleared_at__isnull=True).order_by("key"))


def _mood_drop_data(form, member) -> None:
    # Baseline (8 weeks before the last 3): 4,4,3,4,4,3 → 3.67; recent: 2,3,2 → 2.33.
    daily_reports(form, member, end=DAY(2026, 5, 6), moods=[4, 4, 3, 4, 4, 3])
    daily_reports(form, member, end=DAY(2026, 5, 28), moods=[2, 3, 2])


# --- Mood --------------------------------------------------------------------------------------


def test_mood_drop_against_own_baseline(workspace, form, member, chart):
    _mood_drop_data(form, member)
    summary = signals_compute(workspace=workspace, now=NOW)
    [signal] = _open(member)
    assert signal.kind == SignalKind.MOOD_DROP and signal.key == "mood_drop"
    assert signal.details == {
        "recent": 2.33, "baseline": 3.67, "recent_count": 3, "baseline_count": 6,
    }  # fmt: skip
    assert summary.created == 1


def test_small_drop_or_too_few_answers_raise_nothing(workspace, form, member, peer, chart):
    # Drop of 0.875 (3.875 → 3.0): below one point.
    daily_reports(form, member, end=DAY(2026, 5, 6), moods=[4, 4, 4, 4, 4, 4, 4, 3])
    daily_reports(form, member, end=DAY(2026, 5, 28), moods=[3, 3, 3])
    # A big drop, but only two recent answers (reports without a mood don't count).
    daily_reports(form, peer, end=DAY(2026, 5, 6), moods=[5, 5, 5, 5, 5, 5])
    daily_reports(form, peer, end=DAY(2026, 5, 28), moods=[1, None, 1])
    signals_compute(workspace=workspace, now=NOW)
    assert _open(member) == [] and _open(peer) == []


def test_recompute_is_idempotent_and_refreshes(workspace, form, member, chart):
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    later = NOW + datetime.timedelta(hours=6)
    summary = signals_compute(workspace=workspace, now=later)
    assert (summary.created, summary.refreshed, summary.cleared) == (0, 1, 0)
    [signal] = _open(member)
    assert signal.detected_at == NOW and signal.last_seen_at == later
    assert Signal.objects.count() == 1


def test_mood_signal_clears_when_mood_recovers_and_a_new_episode_can_start(
    workspace, form, member, chart
):
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    daily_reports(form, member, end=DAY(2026, 6, 4), moods=[4, 4, 4, 4, 4])  # recent → 3.25
    later = datetime.datetime(2026, 6, 5, 12, 0, tzinfo=datetime.UTC)
    summary = signals_compute(workspace=workspace, now=later)
    assert summary.cleared == 1 and _open(member) == []
    assert Signal.objects.get().cleared_at == later


# --- Missed reports ----------------------------------------------------------------------------


def test_two_missed_reports_in_a_row(workspace, form, member, chart):
    daily_reports(form, member, end=DAY(2026, 5, 28), moods=[3, 3])  # written
    daily_reports(form, member, end=DAY(2026, 5, 30), moods=[None, None], submitted=False)
    # Due yesterday 09:00: still inside the 48-hour late window, neither missed nor written.
    daily_reports(form, member, end=DAY(2026, 5, 31), moods=[None], submitted=False)
    signals_compute(workspace=workspace, now=NOW)
    [signal] = _open(member)
    assert signal.kind == SignalKind.MISSED_REPORTS
    assert signal.details == {"missed": 2, "first": "2026-05-29", "last": "2026-05-30"}


def test_a_written_report_breaks_the_run(workspace, form, member, chart):
    daily_reports(form, member, end=DAY(2026, 5, 27), moods=[None], submitted=False)
    daily_reports(form, member, end=DAY(2026, 5, 28), moods=[3])
    daily_reports(form, member, end=DAY(2026, 5, 29), moods=[None], submitted=False)
    signals_compute(workspace=workspace, now=NOW)
    assert _open(member) == []


def test_missed_signal_clears_once_a_report_is_written(workspace, form, member, chart):
    daily_reports(form, member, end=DAY(2026, 5, 29), moods=[None, None], submitted=False)
    signals_compute(workspace=workspace, now=NOW)
    assert len(_open(member)) == 1
    daily_reports(form, member, end=DAY(2026, 6, 1), moods=[3], hour=10)
    summary = signals_compute(workspace=workspace, now=NOW + datetime.timedelta(days=1))
    assert summary.cleared == 1 and _open(member) == []


# --- Watched words -----------------------------------------------------------------------------


def _answer(form, member, text: str, day: datetime.date | None = None):
    day = day or DAY(2026, 5, 28)
    [report] = daily_reports(form, member, end=day, moods=[3])
    return AnswerFactory(report=report, workspace=report.workspace, text=text)


def test_watched_words_one_signal_per_answer_with_the_words_as_written(
    workspace, form, member, chart
):
    first = _answer(form, member, "Honestly I want to QUIT. 我想辭職", day=DAY(2026, 5, 27))
    _answer(form, member, "The photos came out quite good", day=DAY(2026, 5, 28))
    second = _answer(form, member, "最近太累了", day=DAY(2026, 5, 29))
    signals_compute(workspace=workspace, now=NOW)
    signals = {s.key: s for s in _open(member)}
    assert set(signals) == {f"watch_words:{first.pk}", f"watch_words:{second.pk}"}
    assert signals[f"watch_words:{first.pk}"].details["words"] == ["QUIT", "辭職"]
    assert signals[f"watch_words:{second.pk}"].details["words"] == ["太累"]
    assert signals[f"watch_words:{first.pk}"].answer_id == first.pk


def test_old_answers_are_not_read_again(workspace, form, member, chart):
    _answer(form, member, "I will resign", day=DAY(2026, 4, 1))
    signals_compute(workspace=workspace, now=NOW)
    assert _open(member) == []


def test_acknowledged_watched_word_ends_and_is_not_raised_again(
    workspace, form, manager, member, chart
):
    _answer(form, member, "looking for a new job")
    signals_compute(workspace=workspace, now=NOW)
    [signal] = _open(member)
    signal_acknowledge(actor=manager, signal=signal, note="Talked on Tuesday")
    signal.refresh_from_db()
    assert signal.cleared_at is not None and signal.acknowledged_by == manager
    assert signal.note == "Talked on Tuesday"
    summary = signals_compute(workspace=workspace, now=NOW + datetime.timedelta(hours=6))
    assert summary.created == 0 and _open(member) == []


def test_watched_word_stays_open_until_acknowledged_or_edited_away(workspace, form, member, chart):
    answer = _answer(form, member, "burned out")
    signals_compute(workspace=workspace, now=NOW)
    signals_compute(workspace=workspace, now=NOW + datetime.timedelta(days=1))
    assert len(_open(member)) == 1
    answer.text = "better now"
    answer.save()
    summary = signals_compute(workspace=workspace, now=NOW + datetime.timedelta(days=2))
    assert summary.cleared == 1 and _open(member) == []


def test_workspace_list_replaces_the_default(workspace, form, owner, member, chart):
    watch_words_update(actor=owner, words="vacation\n  Vacation \n\nsabbatical")
    assert watch_words_of(workspace) == ["vacation", "sabbatical"]
    _answer(form, member, "I quit")
    _answer(form, member, "Planning a sabbatical", day=DAY(2026, 5, 29))
    signals_compute(workspace=workspace, now=NOW)
    [signal] = _open(member)
    assert signal.details["words"] == ["sabbatical"]


def test_matcher_whole_words_for_latin_substrings_for_chinese():
    matcher = WordMatcher.of(["quit", "burned out", "离职"])
    assert matcher.find("quite a day") == []
    assert matcher.find("I'm BURNED   out!") == ["BURNED   out"]
    assert matcher.find("我准备离职了") == ["离职"]
    assert matcher.find("quit, quit") == ["quit"]
    assert WordMatcher.of([]).find("quit") == []


def test_watch_words_update_validates_and_needs_the_permission(workspace, owner, member):
    with pytest.raises(PermissionDenied):
        watch_words_update(actor=member, words="quit")
    assert not WatchWords.objects.exists()
    with pytest.raises(ValidationError) as error:
        watch_words_update(actor=owner, words="x" * 41)
    assert "words" in error.value.message_dict
    with pytest.raises(ValidationError):
        watch_words_update(actor=owner, words=[f"w{i}" for i in range(201)])
    assert parse_words(["  a  b ", "A B", "", "c"]) == ["a b", "c"]
    watch_words_update(actor=owner, words="")
    assert watch_words_of(workspace) == []  # an empty saved list watches nothing
    assert AuditEvent.objects.filter(action="feedback.watch_words_updated").count() == 1


# --- Overdue recurring work --------------------------------------------------------------------


def _overdue_recurring(workspace, member, count: int) -> None:
    project: Any = ProjectFactory(workspace=workspace)
    series = Recurrence.objects.create(
        workspace=workspace, project=project, title="Weekly stock count", assignee=member,
        rrule="FREQ=WEEKLY", timezone="UTC",
        dtstart_local=datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC),
    )  # fmt: skip
    for index in range(count):
        TaskFactory(
            project=project, assignee=member, recurrence=series, status=Status.TODO,
            due_date=DAY(2026, 5, 1) + datetime.timedelta(days=index),
            occurrence_date=DAY(2026, 5, 1) + datetime.timedelta(days=index),
        )  # fmt: skip
    TaskFactory(project=project, assignee=member, due_date=DAY(2026, 5, 1))  # not recurring
    TaskFactory(project=project, assignee=member, recurrence=series, status=Status.DONE,
                due_date=DAY(2026, 4, 1), occurrence_date=DAY(2026, 4, 1))  # fmt: skip


def test_overdue_recurring_only_beside_another_signal(workspace, form, member, peer, chart):
    _overdue_recurring(workspace, member, 3)
    _overdue_recurring(workspace, peer, 3)
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    kinds = {s.kind: s for s in _open(member)}
    assert set(kinds) == {SignalKind.MOOD_DROP, SignalKind.OVERDUE_RECURRING}
    assert kinds[SignalKind.OVERDUE_RECURRING].details == {"overdue": 3}
    assert _open(peer) == []  # overdue work alone is not a warning sign


def test_two_overdue_recurring_tasks_are_not_enough(workspace, form, member, chart):
    _overdue_recurring(workspace, member, 2)
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    assert [s.kind for s in _open(member)] == [SignalKind.MOOD_DROP]


# --- Acknowledging and who is told ---------------------------------------------------------------


def test_acknowledgement_by_a_peer_or_an_admin_outside_the_chain_is_refused(
    workspace, form, admin, member, peer, chart
):
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    [signal] = _open(member)
    for actor in (peer, admin, member):
        with pytest.raises(PermissionDenied):
            signal_acknowledge(actor=actor, signal=signal, note="seen")
    signal.refresh_from_db()
    assert signal.acknowledged_at is None and signal.note == ""
    assert not AuditEvent.objects.filter(action="feedback.signal_acknowledged").exists()


def test_acknowledgement_by_the_owner_keeps_a_mood_signal_open(workspace, form, owner, member,
                                                                 chart):  # fmt: skip
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    [signal] = _open(member)
    with pytest.raises(ValidationError):
        signal_acknowledge(actor=owner, signal=signal, note="x" * 501)
    signal_acknowledge(actor=owner, signal=signal, note="Lunch on Friday")
    signal.refresh_from_db()
    assert signal.acknowledged_by == owner and signal.cleared_at is None
    event = AuditEvent.objects.get(action="feedback.signal_acknowledged")
    assert "Lunch" not in str(event.data)
    signals_compute(workspace=workspace, now=NOW + datetime.timedelta(hours=6))
    signal.refresh_from_db()
    assert signal.acknowledged_at is not None and signal.cleared_at is None


def test_new_signals_notify_owners_and_nearest_manager_only(
    workspace, form, owner, admin, manager, member, peer, chart
):
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    told = set(Notification.objects.filter(kind="feedback.signal").values_list(
        "recipient_id", flat=True))  # fmt: skip
    assert told == {owner.pk, manager.pk}
    notification = Notification.objects.filter(recipient=manager).get()
    assert notification.params == {"person": "Mike", "kind": "mood_drop"}
    signals_compute(workspace=workspace, now=NOW + datetime.timedelta(hours=6))
    assert Notification.objects.filter(kind="feedback.signal").count() == 2  # not again


def test_offboarded_persons_signals_are_cleared(workspace, form, member, chart):
    _mood_drop_data(form, member)
    signals_compute(workspace=workspace, now=NOW)
    Membership.objects.filter(pk=member.pk).update(offboarded_at=NOW)
    signals_compute(workspace=workspace, now=NOW + datetime.timedelta(hours=1))
    assert _open(member) == []


def test_query_count_does_not_grow_with_reports(
    workspace, form, owner, member, peer, chart, django_assert_max_num_queries
):
    _mood_drop_data(form, member)
    daily_reports(form, peer, end=DAY(2026, 5, 31), moods=[3] * 60)
    signals_compute(workspace=workspace, now=NOW)  # the first run notifies
    with django_assert_max_num_queries(12):
        signals_compute(workspace=workspace, now=NOW + datetime.timedelta(hours=6))


def test_explanations_in_words_and_fallback():
    from django.utils import translation

    from keel.feedback.signal_text import explain

    details = {"recent": 2.33, "baseline": 3.6, "recent_count": 3, "baseline_count": 6}
    assert explain("mood_drop", details, "Mike") == (
        "Mike's mood over the last three weeks averages 2.3, against 3.6 in the eight weeks before."
    )
    assert explain("missed_reports", {"missed": 2}, "Mike") == "Mike: Missed reports"
    assert explain("unknown", {}, "Mike") == "Mike: unknown"
    with translation.override("zh-hans"):
        assert "Mike" in explain("overdue_recurring", {"overdue": 3}, "Mike")
