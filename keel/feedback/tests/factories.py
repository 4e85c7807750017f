"""factory_boy factories for the feedback app's models. Each part keeps its own block."""

from __future__ import annotations

import datetime

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


# --- end insights ---
