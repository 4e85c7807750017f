"""Isolation factories for the planning URLs: recurring series, calendar feeds.

The public feed URL /feeds/<token>.ics addresses no tenant object through the session: the
secret token is the credential (anyone holding it reads the feed; tested in test_ical.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from keel.core.models import Workspace
from keel.core.tests import isolation
from keel.core.tests.isolation import register_isolation_factory


def _recurrence(ws: Workspace) -> Any:
    from keel.tasks.models import Recurrence
    from keel.tasks.tests.factories import ProjectFactory

    project: Any = ProjectFactory(workspace=ws)
    return Recurrence.objects.create(
        workspace=ws, project=project, title="Weekly review", rrule="FREQ=WEEKLY;BYDAY=MO,WE",
        timezone="UTC", dtstart_local=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )  # fmt: skip


def _feed(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.tasks.models import CalendarFeed

    owner: Any = MembershipFactory(workspace=ws)
    return CalendarFeed.objects.create(workspace=ws, owner=owner, token_hash="0" * 64)


def register_isolation_factories() -> None:
    register_isolation_factory("recurrence_id", _recurrence)
    register_isolation_factory("feed_id", _feed)
    isolation.NOT_TENANT_OBJECT_ROUTES.setdefault(
        "calendar_feed_ics",
        "the feed's secret token is the credential, like an invitation link (keel/tasks/tests/"
        "test_ical.py checks unknown and revoked tokens get 404)",
    )
