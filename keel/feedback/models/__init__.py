"""The feedback app's models, split by subject; import from here:
`from keel.feedback.models import Report`."""

from keel.feedback.models.meetings import (
    ActionItem,
    AgendaItem,
    AgendaSource,
    Attendee,
    Meeting,
    MeetingFeed,
    MeetingKind,
    MeetingSeries,
)
from keel.feedback.models.reports import (
    Answer,
    AnswerVisibility,
    Audience,
    Frequency,
    Measure,
    Prefill,
    Question,
    QuestionKind,
    Report,
    ReportForm,
)
from keel.feedback.models.signals import Signal, SignalKind, WatchWords

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AgendaSource",
    "Answer",
    "AnswerVisibility",
    "Attendee",
    "Audience",
    "Frequency",
    "Measure",
    "Meeting",
    "MeetingFeed",
    "MeetingKind",
    "MeetingSeries",
    "Prefill",
    "Question",
    "QuestionKind",
    "Report",
    "ReportForm",
    "Signal",
    "SignalKind",
    "WatchWords",
]
