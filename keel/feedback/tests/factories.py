"""factory_boy factories for the feedback app's models. Each part keeps its own block."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.feedback import models

# --- forms ---


class ReportFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ReportForm

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Daily report {n}")
    frequency = models.Frequency.DAILY
    weekdays = ["MO", "TU", "WE", "TH", "FR"]
    due_time = datetime.time(17, 0)
    starts_on = datetime.date(2026, 1, 5)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Question

    form = factory.SubFactory(ReportFormFactory)
    workspace = factory.SelfAttribute("form.workspace")
    kind = models.QuestionKind.LONG_TEXT
    prompt = factory.Sequence(lambda n: f"Question {n}")


# --- end forms ---
# --- reports ---


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Report

    form = factory.SubFactory(ReportFormFactory)
    workspace = factory.SelfAttribute("form.workspace")
    author = factory.SubFactory(MembershipFactory, workspace=factory.SelfAttribute("..workspace"))
    period_date = datetime.date(2026, 3, 2)
    period_start = factory.SelfAttribute("period_date")
    due_at = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    timezone = "Asia/Shanghai"


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Answer

    report = factory.SubFactory(ReportFactory)
    workspace = factory.SelfAttribute("report.workspace")
    question = factory.SubFactory(QuestionFactory, form=factory.SelfAttribute("..report.form"))
    text = "Shipped the spring listings."


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Audience

    form = factory.SubFactory(ReportFormFactory)
    workspace = factory.SelfAttribute("form.workspace")


def daily_form_for(*writers: Any, **fields: Any) -> Any:
    """A daily form (every day, due 17:00) written by `writers`, with one question of each
    kind: `form.q` maps a kind (and "workload") to its question."""
    workspace = writers[0].workspace
    defaults = {"title": "Daily report", "weekdays": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
                "starts_on": datetime.date(2026, 1, 1)}  # fmt: skip
    form: Any = ReportFormFactory(workspace=workspace, **{**defaults, **fields})
    for person in writers:
        AudienceFactory(form=form, membership=person)
    kinds = models.QuestionKind
    form.q = {
        "short_text": QuestionFactory(form=form, kind=kinds.SHORT_TEXT, position=1,
                                      prompt="Headline", required=False),
        "long_text": QuestionFactory(form=form, kind=kinds.LONG_TEXT, position=2,
                                     prompt="What I did", prefill="completed_tasks"),
        "mood": QuestionFactory(form=form, kind=kinds.MOOD, position=3, prompt="Mood",
                                measure=models.Measure.MOOD),
        "workload": QuestionFactory(form=form, kind=kinds.SCALE, position=4, prompt="Workload",
                                    measure=models.Measure.WORKLOAD, required=False),
        "yes_no": QuestionFactory(form=form, kind=kinds.YES_NO, position=5, prompt="Blocked?",
                                  required=False, visibility=models.AnswerVisibility.TEAM),
        "number": QuestionFactory(form=form, kind=kinds.NUMBER, position=6, prompt="Orders",
                                  required=False),
        "choice": QuestionFactory(form=form, kind=kinds.CHOICE, position=7, prompt="Shift",
                                  required=False, choices=["Early", "Late"]),
    }  # fmt: skip
    return form


# --- end reports ---
# --- meetings ---


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingSeries

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Team meeting {n}")
    kind = models.MeetingKind.TEAM
    rrule = "FREQ=WEEKLY;BYDAY=MO"
    # Wall-clock time labelled UTC, as the tasks app stores a series start.
    dtstart_local = datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC)
    timezone = "Asia/Shanghai"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Meeting

    series = factory.SubFactory(MeetingSeriesFactory)
    workspace = factory.SelfAttribute("series.workspace")
    starts_at = datetime.datetime(2026, 3, 2, 2, 0, tzinfo=datetime.UTC)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    workspace = factory.SelfAttribute("meeting.workspace")
    text = factory.Sequence(lambda n: f"Agenda item {n}")


# --- end meetings ---
# --- insights ---


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Signal

    workspace = factory.SubFactory(WorkspaceFactory)
    subject = factory.SubFactory(MembershipFactory, workspace=factory.SelfAttribute("..workspace"))
    kind = models.SignalKind.MISSED_REPORTS
    key = "missed_reports"
    details = factory.LazyFunction(lambda: {"missed": 2})
    detected_at = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    last_seen_at = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def daily_reports(form, author, *, end: datetime.date, moods, submitted=True, hour: int = 9):
    """One report of `author` per day ending on `end` (the last mood is `end`'s): moods[i]
    is a day's mood (None: written without a mood). Returns the reports, oldest first."""
    reports = []
    count = len(moods)
    for index, mood in enumerate(moods):
        day = end - datetime.timedelta(days=count - 1 - index)
        due = datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)
        reports.append(
            ReportFactory(
                form=form, workspace=form.workspace, author=author, period_date=day,
                due_at=due, submitted_at=due if submitted else None, mood=mood,
            )
        )  # fmt: skip
    return reports


def team_chart(workspace, *, boss, lead, people):
    """Seats: boss on top, lead under them, each of `people` under lead. Returns the seats."""
    from keel.org.tests.conftest import make_seat_in

    top = make_seat_in(workspace, "Owner", holder=boss)
    middle = make_seat_in(workspace, "Team lead", holder=lead, reports_to=top)
    return [top, middle] + [
        make_seat_in(workspace, f"Seat {index}", holder=person, reports_to=middle)
        for index, person in enumerate(people)
    ]


# --- end insights ---
