"""Read queries only the pages need (on top of `selectors`): the projects overview, the
month grid and the workload heat map. Each is a fixed number of queries whatever the data.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from keel.core.models import Membership
from keel.tasks import selectors
from keel.tasks.models import Status


def today_for(membership: Membership) -> datetime.date:
    """Today in the active time zone (the middleware activates the member's)."""
    return timezone.localdate()


def projects_overview(*, membership: Membership, archived: bool = False) -> list[Any]:
    """Visible projects with open and overdue counts, aggregated in one query."""
    today = today_for(membership)
    qs = selectors.visible_projects(membership, include_archived=True).filter(
        archived_at__isnull=not archived
    )
    open_q = ~Q(tasks__status=Status.DONE)
    return list(
        qs.select_related("department", "group", "owner_seat")
        .annotate(
            open_count=Count("tasks", filter=open_q),
            overdue_count=Count("tasks", filter=open_q & Q(tasks__due_date__lt=today)),
        )
        .order_by("name")
    )


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    tasks: list[Any] = field(default_factory=list)


def month_weeks(
    month: datetime.date, tasks: list[Any], *, today: datetime.date, first_weekday: int
) -> list[list[Day]]:
    """The month as weeks of Days (padded with the neighbouring months' days)."""
    cal = calendar.Calendar(firstweekday=first_weekday)
    by_day: dict[datetime.date, list[Any]] = {}
    for task in tasks:
        if task.due_date:
            by_day.setdefault(task.due_date, []).append(task)
    weeks = []
    for week in cal.monthdatescalendar(month.year, month.month):
        weeks.append([Day(d, d.month == month.month, d == today, by_day.get(d, [])) for d in week])
    return weeks
