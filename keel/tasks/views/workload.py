"""Workload: people × the next six weeks, open tasks due each week, as a heat map with the
number written in each cell (colour is never the only signal). Each cell links to the
cross-project task list filtered to that person and week.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from keel.core.middleware import request_membership
from keel.core.permissions import STAFF
from keel.tasks import selectors
from keel.tasks.selectors.pages import today_for
from keel.tasks.views.common import render_page

WEEKS = 6


def heat(count: int) -> int:
    """0–4: the cell's heat class. Five open tasks in a week is already a lot for one person."""
    if count <= 0:
        return 0
    if count <= 2:
        return 1
    if count <= 5:
        return 2
    if count <= 9:
        return 3
    return 4


@login_required
def tasks_workload(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    if actor.role not in STAFF:
        raise PermissionDenied(_("The workload view is for the team's staff."))
    start = selectors.week_start(today_for(actor), actor.workspace)
    data = selectors.workload(
        workspace=actor.workspace, start_week=start, weeks=WEEKS, viewer=actor
    )
    base = reverse("tasks_all", kwargs={"ws": ws})
    for row in data.rows:
        row.cells = [  # type: ignore[attr-defined]
            {
                "count": count,
                "heat": heat(count),
                "dates": ", ".join(date_format(d, "SHORT_DATE_FORMAT") for d in dates),
                "url": base
                + "?"
                + urlencode(
                    {
                        "assignee": f"m:{row.membership.pk}",
                        "status": "open",
                        "due_from": week.isoformat(),
                        "due_to": (week + datetime.timedelta(days=6)).isoformat(),
                    }
                ),
            }
            for count, dates, week in zip(row.counts, row.due_dates, data.weeks, strict=True)
        ]
    context = {"data": data, "start": start, "weeks": WEEKS}
    return render_page(request, "tasks/workload/page.html", context)
