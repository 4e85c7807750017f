"""The demo shop's feedback, in English, Simplified and Traditional Chinese: six months of
daily and weekly reports, one person trending down (falling mood, two missed reports, a
watched word) so the signal job finds real signals, a monthly review with past meetings whose
action items are tasks, a team meeting and a 1:1 — and seeding twice adds nothing. Also the
benchmark data set's share (small)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from keel.core.models import Membership
from keel.core.seeding import seed_demo, seed_large
from keel.feedback.large import seed_large_feedback
from keel.feedback.models import (
    ActionItem,
    AgendaItem,
    AgendaSource,
    Answer,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Report,
    ReportForm,
    Signal,
    SignalKind,
)
from keel.org.models import workspace_today
from keel.tasks.models import Task

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u4e00-\u9fff]")
# Three Latin words in a row: an English sentence (product names like "Prime Day" are two).
SENTENCE = re.compile(r"[A-Za-z]{2,}[,.]?\s+[A-Za-z]{2,}[,.]?\s+[A-Za-z]{2,}")
TRENDING = {
    "en": ("sophie.turner@demo.example", "resigning"),
    "zh-hans": ("chen.xiaowen@demo-zh.example", "有点想辞职"),
    "zh-hant": ("chen.yijun@demo-zht.example", "有點想辭職"),
}
TITLES = {"en": "Daily report", "zh-hans": "日报", "zh-hant": "日報"}


def _counts(ws) -> dict[str, int]:
    models = [ReportForm, Report, Answer, MeetingSeries, Meeting, AgendaItem, ActionItem,
              Signal, Task]  # fmt: skip
    return {m.__name__: m.objects.in_workspace(ws).count() for m in models}


def _check_person(ws, email: str, words: str) -> Membership:
    person = Membership.objects.get(workspace=ws, user__email=email)
    reports = Report.objects.filter(author=person).select_related("form")
    today = workspace_today(ws)
    # Their mood falls from about 4 to about 2 over the last four weeks.
    moods = [(day, m) for day, m in reports.values_list("period_date", "mood") if m is not None]
    recent = [m for day, m in moods if day >= today - timedelta(days=14)]
    earlier = [m for day, m in moods if day < today - timedelta(days=35)]
    assert recent and sum(recent) / len(recent) <= 3.0
    assert sum(earlier) / len(earlier) >= 3.5
    # The two latest reports past their late window were missed, the one before written.
    now = timezone.now()
    closed = [
        r for r in reports.order_by("-due_at", "-period_date")
        if r.due_at + timedelta(hours=r.form.late_window_hours) <= now
    ]  # fmt: skip
    assert [r.submitted_at is None for r in closed[:3]] == [True, True, False]
    assert Answer.objects.filter(report__author=person, text__contains=words).count() == 1
    return person


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_demo_feedback_is_six_months_of_a_living_shop(language, monkeypatch):
    monkeypatch.setenv("KEEL_DEMO_PASSWORD", "demo shop password")
    ws = seed_demo(language).workspace
    today = workspace_today(ws)

    forms = ReportForm.objects.in_workspace(ws)
    assert forms.count() == 2 and TITLES[language] in set(forms.values_list("title", flat=True))
    reports = Report.objects.in_workspace(ws)
    first = reports.order_by("period_date").first()
    last = reports.order_by("-period_date").first()
    assert first is not None and last is not None
    assert first.period_date <= today - timedelta(days=175)
    assert today - timedelta(days=4) <= last.period_date < today  # ends yesterday (a weekday)
    assert reports.values("author").distinct().count() == 4  # the staff and the assistant
    assert reports.filter(mood__isnull=False, workload__isnull=False).exists()
    moods = [m for m in reports.values_list("mood", flat=True) if m is not None]
    assert len([m for m in moods if m >= 3]) / len(moods) > 0.8

    email, words = TRENDING[language]
    person = _check_person(ws, email, words)
    kinds = set(Signal.objects.filter(subject=person).values_list("kind", flat=True))
    assert {SignalKind.MOOD_DROP, SignalKind.MISSED_REPORTS, SignalKind.WATCH_WORDS} <= kinds

    review = MeetingSeries.objects.in_workspace(ws).get(kind=MeetingKind.REVIEW)
    assert review.rrule == "FREQ=MONTHLY;BYDAY=1MO" and review.organizer.role == "owner"
    past = Meeting.objects.filter(series=review, starts_at__lt=timezone.now())
    assert past.count() == 3
    assert all(m.notes and m.decisions and m.held_at for m in past)
    items = AgendaItem.objects.filter(meeting__series=review)
    assert items.filter(resolved_at__isnull=False).exists()
    assert items.filter(resolved_at__isnull=True).exists()  # left for the next meeting
    assert items.filter(source=AgendaSource.CARRIED, carried_from__isnull=False).count() == 1
    actions = ActionItem.objects.filter(meeting__series=review).select_related("task")
    assert actions.count() >= 6
    assert all(a.task.project_id == review.project_id for a in actions)
    one = MeetingSeries.objects.in_workspace(ws).get(kind=MeetingKind.ONE_ON_ONE)
    assert one.report_member == person and one.call_url.startswith("https://meet.example.com/")
    assert MeetingSeries.objects.in_workspace(ws).filter(kind=MeetingKind.TEAM).count() == 1

    if language != "en":  # Chinese content, except what the overseas assistant writes
        texts = list(
            Answer.objects.in_workspace(ws).exclude(text="")
            .exclude(report__author__user__email__endswith="freelancehub.example")
            .values_list("text", flat=True)
        )  # fmt: skip
        texts += [t for m in Meeting.objects.in_workspace(ws) for t in (m.notes, m.decisions)]
        texts += list(items.values_list("text", flat=True))
        texts += [a.task.title for a in actions]
        texts += list(MeetingSeries.objects.in_workspace(ws).values_list("title", flat=True))
        assert all(HAN.search(t) for t in texts if t)
        assert not [t for t in texts if SENTENCE.search(t)]

    if language == "en":  # seeding again adds nothing (one language: each seed takes seconds)
        once = _counts(ws)
        seed_demo(language)
        assert _counts(ws) == once


def test_large_feedback_is_a_year_of_daily_reports_and_idempotent():
    ws = seed_large(members=25, slug="bench-feedback").workspace
    data = seed_large_feedback(ws)
    members = Membership.objects.in_workspace(ws).active().count()
    reports = Report.objects.in_workspace(ws)
    assert data.reports == reports.count() and members * 250 <= data.reports <= members * 262
    assert data.answers == Answer.objects.in_workspace(ws).count()
    assert data.answers >= 3 * reports.filter(submitted_at__isnull=False).count()
    assert not reports.filter(submitted_at__isnull=False, mood__isnull=True).exists()
    assert len(data.trending) == members // 20 >= 1
    assert MeetingSeries.objects.in_workspace(ws).count() == 20
    assert Meeting.objects.in_workspace(ws).count() == data.meetings > 100
    again = seed_large_feedback(ws)
    assert (again.reports, again.meetings) == (0, 0)
    assert reports.count() == data.reports
