"""Isolation factories for the feedback app's URL kwargs (see keel/core/tests/isolation.py).

Each part of the app registers its kwargs in its own block.
"""

from __future__ import annotations

import hashlib
from typing import Any

from keel.core.models import Workspace
from keel.core.tests.isolation import register_isolation_factory

FACTORIES: dict[str, Any] = {}

# --- forms ---


def _form(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import ReportFormFactory

    return ReportFormFactory(workspace=ws)


def _question(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import QuestionFactory

    return QuestionFactory(form=_form(ws))


FACTORIES["form_id"] = _form
FACTORIES["feedback.reportform"] = _form
FACTORIES["question_id"] = _question
FACTORIES["feedback.question"] = _question
# --- end forms ---
# --- reports ---


def _report(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import ReportFactory, ReportFormFactory

    return ReportFactory(workspace=ws, form=ReportFormFactory(workspace=ws))


FACTORIES["report_id"] = _report
FACTORIES["feedback.report"] = _report
# --- end reports ---
# --- insights ---


def _member_of(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory

    return MembershipFactory(workspace=ws)


def _signal_of(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import SignalFactory

    return SignalFactory(workspace=ws)


def _answer_of(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import AnswerFactory

    return AnswerFactory(report__form__workspace=ws)


FACTORIES["member_id@feedback_person"] = _member_of
FACTORIES["signal_id@feedback_signal_acknowledge"] = _signal_of
FACTORIES["answer_id@feedback_answer_flag"] = _answer_of
# --- end insights ---
# --- meetings ---


def _series(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.feedback.tests.factories import MeetingSeriesFactory

    organizer = MembershipFactory(workspace=ws, role="manager")
    return MeetingSeriesFactory(workspace=ws, organizer=organizer)


def _meeting(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import MeetingFactory

    return MeetingFactory(series=_series(ws), workspace=ws)


def _agenda_item(ws: Workspace) -> Any:
    from keel.feedback.tests.factories import AgendaItemFactory

    return AgendaItemFactory(meeting=_meeting(ws), workspace=ws)


def _meeting_feed(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.feedback.models import MeetingFeed

    owner: Any = MembershipFactory(workspace=ws)
    # A real hash's length: PostgreSQL enforces the column's 64 characters, SQLite does not.
    token_hash = hashlib.sha256(f"isolation-{ws.pk}-{owner.pk}".encode()).hexdigest()
    return MeetingFeed.objects.create(workspace=ws, owner=owner, token_hash=token_hash)


FACTORIES.update({
    "series_id": _series,
    "meeting_id": _meeting,
    "agenda_item_id": _agenda_item,
    "meeting_feed_id": _meeting_feed,
})  # fmt: skip
# --- end meetings ---


def register_isolation_factories() -> None:
    for key, factory in FACTORIES.items():
        register_isolation_factory(key, factory)


__all__ = ["Workspace", "register_isolation_factories"]
