"""The workspace's front page: the owner's cockpit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from keel.core.models import Membership
from keel.home.selectors import cockpit_for, greeting_for
from keel.ui.context_processors import get_shell

# The notifications bell's badge (keel/notifications/wiring.py): read through the shell so
# the sidebar and this page share one unread-count query.
UNREAD_BADGE = "notifications"


@login_required
def workspace_home(request: HttpRequest, ws: str) -> HttpResponse:
    """The owner's cockpit: what needs attention, recent activity, quick actions."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    unread = get_shell(request).badges[UNREAD_BADGE]
    context = {
        "cockpit": cockpit_for(membership=membership, unread=unread),
        "greeting": greeting_for(name=membership.user.display_name),
        "today": timezone.localdate(),
    }
    return render(request, "home/home.html", context)
