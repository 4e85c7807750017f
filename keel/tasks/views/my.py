"""My tasks: what is mine (as a person or through the seats I hold), in four buckets —
overdue, today, upcoming (next 7 days) and later — each with a quick complete checkbox.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm
from keel.tasks import selectors
from keel.tasks.selectors.pages import today_for
from keel.tasks.views.common import render_page

BUCKETS = (
    ("overdue", _("Overdue")),
    ("today", _("Today")),
    ("upcoming", _("Upcoming")),
    ("later", _("Later")),
)

# Rows shown per bucket. A busy member has thousands of open tasks; rendering them all cost
# ~300 ms. Each bucket shows its first PER_BUCKET (soonest due first) and its full count, with
# a "show all" link to the task list filtered the same way (keyset-paginated there).
PER_BUCKET = 20


def _bucket_ranges(today: datetime.date) -> dict[str, dict[str, str]]:
    """Due-date filters of each bucket for the task list (`tasks_all`)."""
    day = datetime.timedelta(days=1)
    return {
        "overdue": {"due_to": (today - day).isoformat()},
        "today": {"due_from": today.isoformat(), "due_to": today.isoformat()},
        "upcoming": {
            "due_from": (today + day).isoformat(),
            "due_to": (today + 7 * day).isoformat(),
        },
        "later": {"due_from": (today + 8 * day).isoformat()},
    }


@login_required
def tasks_mine(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    today = today_for(actor)
    mine = selectors.my_tasks(membership=actor, today=today, per_bucket=PER_BUCKET)
    all_url = reverse("tasks_all", kwargs={"ws": ws})
    ranges = _bucket_ranges(today)
    buckets = []
    for key, label in BUCKETS:
        tasks = list(getattr(mine, key))
        count = mine.counts.get(key, 0)  # the full number; a bucket shows at most PER_BUCKET
        query = {"assignee": f"m:{actor.pk}", "status": "open", **ranges[key], "sort": "due_date"}
        buckets.append({
            "key": key, "label": label, "tasks": tasks, "count": count,
            "more_url": f"{all_url}?{urlencode(query)}" if count > len(tasks) else "",
        })  # fmt: skip
    context = {
        "buckets": buckets,
        "empty": not any(b["tasks"] for b in buckets),
        "today": today,
        "can_send_summaries": has_perm(actor, "groups.send"),
    }
    return render_page(request, "tasks/my/page.html", context)
