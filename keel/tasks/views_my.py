"""My tasks: what is mine (as a person or through the seats I hold), in four buckets —
overdue, today, upcoming (next 7 days) and later — each with a quick complete checkbox.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from keel.tasks import selectors
from keel.tasks.selectors_pages import today_for
from keel.tasks.views_common import actor_of, render_page

BUCKETS = (
    ("overdue", _("Overdue")),
    ("today", _("Today")),
    ("upcoming", _("Upcoming")),
    ("later", _("Later")),
)


@login_required
def tasks_mine(request: HttpRequest, ws: str) -> HttpResponse:
    actor = actor_of(request)
    today = today_for(actor)
    mine = selectors.my_tasks(membership=actor, today=today)
    buckets = [
        {
            "key": key,
            "label": label,
            "tasks": list(getattr(mine, key)),
            "count": mine.counts.get(key, 0),  # the full number; a bucket shows at most 100
        }
        for key, label in BUCKETS
    ]
    context = {
        "buckets": buckets,
        "empty": not any(b["tasks"] for b in buckets),
        "today": today,
    }
    return render_page(request, "tasks/my/page.html", context)
