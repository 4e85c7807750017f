"""Writing reports: each answer checked by its kind, the late and edit windows, the author
alone writes, mood and workload copied, audit without the answers' words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.core.models import AuditEvent
from keel.feedback.models import Answer, Report
from keel.feedback.services import report_start, report_submit
from keel.feedback.tests.factories import daily_form_for

pytestmark = pytest.mark.django_db

# 8 March 2026, 10:00 in the workspace's default zone (UTC): before 17:00, the day's report.
NOW = datetime(2026, 3, 8, 10, 0, tzinfo=UTC)


@pytest.fixture
def form(member, manager):
    return daily_form_for(member, manager)


@pytest.fixture
def report(form, member):
    return report_start(actor=member, form=form, now=NOW)


def _answers(form, **values):
    base = {"long_text": "Packed orders", "mood": 4}
    base.update(values)
    return {form.q[kind].pk: value for kind, value in base.items()}


def test_start_creates_the_current_period_once(form, member):
    first = report_start(actor=member, form=form, now=NOW)
    assert first.period_date == date(2026, 3, 8)
    assert first.period_start == date(2026, 3, 8)
    assert first.due_at == datetime(2026, 3, 8, 17, 0, tzinfo=UTC)
    assert first.timezone == "UTC"
    assert report_start(actor=member, form=form, now=NOW).pk == first.pk


def test_start_uses_the_writers_own_zone(form, member):
    member.user.timezone = "Asia/Shanghai"
    member.user.save(update_fields=["timezone"])
    report = report_start(actor=member, form=form, now=NOW)  # 18:00 in Shanghai
    assert report.period_date == date(2026, 3, 8)
    assert report.due_at == datetime(2026, 3, 8, 9, 0, tzinfo=UTC)
    assert report.timezone == "Asia/Shanghai"


def test_start_refuses_non_writers_and_future_periods(form, assistant, member):
    with pytest.raises(PermissionDenied):
        report_start(actor=assistant, form=form, now=NOW)
    with pytest.raises(ValidationError) as error:
        report_start(actor=member, form=form, period_date=date(2026, 3, 10), now=NOW)
    assert "period_date" in error.value.message_dict
    with pytest.raises(ValidationError):  # missed for good: more than 48 hours late
        report_start(actor=member, form=form, period_date=date(2026, 3, 5), now=NOW)
    assert not Report.objects.exists()


def test_submit_stores_answers_and_copies_mood_and_workload(form, member, report):
    answers = _answers(form, workload=5, yes_no="no", number="1,200.5", choice="Late",
                       short_text="  A   good  day ")  # fmt: skip
    saved = report_submit(actor=member, report=report, answers=answers, now=NOW)
    assert saved.submitted_at == NOW and saved.edited_at is None
    assert (saved.mood, saved.workload) == (4, 5)
    stored = {a.question_id: a for a in Answer.objects.filter(report=report)}
    assert stored[form.q["short_text"].pk].text == "A good day"
    assert stored[form.q["number"].pk].number == Decimal("1200.50")
    assert stored[form.q["mood"].pk].number == 4
    assert stored[form.q["choice"].pk].text == "Late"
    event = AuditEvent.objects.get(action="feedback.report_submitted")
    assert "Packed orders" not in str(event.data) and event.data["late"] is False


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [
        ("short_text", "x" * 300, True),
        ("short_text", "x" * 301, False),
        ("short_text", "bell\x07", False),
        ("long_text", "line one\nline two\tok", True),
        ("long_text", "y" * 10_001, False),
        ("long_text", "nul\x00", False),
        ("long_text", 12, False),
        ("mood", 0, False),
        ("mood", 6, False),
        ("mood", "5", True),
        ("mood", True, False),
        ("workload", 2.5, False),
        ("yes_no", "maybe", False),
        ("yes_no", "YES", True),
        ("number", "1e12", False),
        ("number", "-999999999999.99", True),
        ("number", "1.234", False),
        ("number", "NaN", False),
        ("number", "twelve", False),
        ("choice", "Night", False),
        ("choice", "Early", True),
    ],
)
def test_each_kind_is_checked(form, member, report, kind, value, ok):
    answers = _answers(form, **{kind: value})
    if ok:
        report_submit(actor=member, report=report, answers=answers, now=NOW)
        return
    with pytest.raises(ValidationError) as error:
        report_submit(actor=member, report=report, answers=answers, now=NOW)
    assert list(error.value.message_dict) == [f"q{form.q[kind].pk}"]
    report.refresh_from_db()
    assert report.submitted_at is None and not Answer.objects.filter(report=report).exists()


def test_required_questions_and_unknown_ones(form, member, report):
    with pytest.raises(ValidationError) as error:
        report_submit(actor=member, report=report, answers={form.q["long_text"].pk: "  "}, now=NOW)
    assert set(error.value.message_dict) == {f"q{form.q['long_text'].pk}", f"q{form.q['mood'].pk}"}
    with pytest.raises(ValidationError) as error:
        report_submit(actor=member, report=report, answers={**_answers(form), 999999: "x"},
                      now=NOW)  # fmt: skip
    assert "answers" in error.value.message_dict


def test_archived_questions_are_skipped(form, member, report):
    form.q["mood"].archived_at = NOW
    form.q["mood"].save(update_fields=["archived_at"])
    saved = report_submit(actor=member, report=report,
                          answers={form.q["long_text"].pk: "Done"}, now=NOW)  # fmt: skip
    assert saved.submitted_at == NOW and saved.mood is None


def test_late_report_accepted_within_the_window_then_missed(form, member, report):
    late = report.due_at + timedelta(hours=47)
    saved = report_submit(actor=member, report=report, answers=_answers(form), now=late)
    assert saved.submitted_at == late
    other = report_start(actor=member, form=form, period_date=date(2026, 3, 7), now=NOW)
    with pytest.raises(ValidationError):
        report_submit(actor=member, report=other, answers=_answers(form),
                      now=other.due_at + timedelta(hours=48, seconds=1))  # fmt: skip
    other.refresh_from_db()
    assert other.submitted_at is None


def test_edit_within_the_window_only(form, member, report):
    report_submit(actor=member, report=report, answers=_answers(form), now=NOW)
    report.refresh_from_db()
    later = NOW + timedelta(hours=23)
    edited = report_submit(actor=member, report=report, answers=_answers(form, mood=1), now=later)
    assert edited.edited_at == later and edited.submitted_at == NOW and edited.mood == 1
    assert AuditEvent.objects.filter(action="feedback.report_edited").count() == 1
    report.refresh_from_db()
    with pytest.raises(ValidationError):
        report_submit(actor=member, report=report, answers=_answers(form, mood=5),
                      now=NOW + timedelta(hours=25))  # fmt: skip
    report.refresh_from_db()
    assert report.mood == 1


def test_clearing_an_optional_answer_deletes_it(form, member, report):
    report_submit(actor=member, report=report, answers=_answers(form, number="3"), now=NOW)
    report.refresh_from_db()
    report_submit(actor=member, report=report, answers=_answers(form, number=""), now=NOW)
    assert not Answer.objects.filter(report=report, question=form.q["number"]).exists()


@pytest.mark.parametrize("who", ["manager", "owner", "outsider"])
def test_only_the_author_writes(request, form, member, report, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        report_submit(actor=actor, report=report, answers=_answers(form), now=NOW)
    report.refresh_from_db()
    assert report.submitted_at is None and report.mood is None
    assert not Answer.objects.filter(report=report).exists()
    assert not AuditEvent.objects.filter(action__startswith="feedback.report").exists()
