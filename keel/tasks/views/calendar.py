"""Month calendar of due tasks, for the workspace (what I can see) or one project.

Weeks start on the workspace's chosen day (Monday or Sunday, in its settings); month and
day names come from Django's date formats, so they follow the member's language. The page
carries the grid and, for small screens, the same month as an agenda list; a media query
shows one of them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

from keel.core.middleware import request_membership
from keel.tasks import selectors
from keel.tasks.selectors.pages import month_weeks, today_for
from keel.tasks.views.common import render_page


def _month(raw: str | None, today: datetime.date) -> datetime.date:
    """`?month=2026-11` → 2026-11-01; anything else → this month."""
    try:
        year, month = (int(p) for p in (raw or "").split("-"))
        return datetime.date(year, month, 1)
    except (TypeError, ValueError):
        return today.replace(day=1)


def _shift(month: datetime.date, delta: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + delta
    return datetime.date(index // 12, index % 12 + 1, 1)


def _render(request: HttpRequest, project: Any = None) -> HttpResponse:
    actor = request_membership(request)
    today = today_for(actor)
    month = _month(request.GET.get("month"), today)
    first = actor.workspace.first_weekday  # Python's weekday(): Monday=0
    tasks = list(
        selectors.calendar_tasks(membership=actor, project=project, month=month, brief=True)
    )
    weeks = month_weeks(month, tasks, today=today, first_weekday=first)
    order = [(first + i) % 7 for i in range(7)]
    # Phones show the month as an agenda: its days that have tasks, in order (CSS picks one).
    agenda = [day for week in weeks for day in week if day.in_month and day.tasks]
    context = {
        "project": project,
        "month": month,
        "weeks": weeks,
        "agenda": agenda,
        "weekdays": [(WEEKDAYS[d], WEEKDAYS_ABBR[d]) for d in order],
        "prev_month": _shift(month, -1).strftime("%Y-%m"),
        "next_month": _shift(month, 1).strftime("%Y-%m"),
        "this_month": today.strftime("%Y-%m"),
        "is_this_month": month == today.replace(day=1),
        "count": len(tasks),
        "today": today,
        "view": "calendar",
    }
    return render_page(request, "tasks/calendar/page.html", context)


@login_required
def tasks_calendar(request: HttpRequest, ws: str) -> HttpResponse:
    return _render(request)


@login_required
def project_calendar(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    return _render(request, selectors.get_project_for(request_membership(request), project_id))
