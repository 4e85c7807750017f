"""Pages that belong to no module: the landing redirect, the workspace home, health."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from keel.core.models import Membership
from keel.ui.context_processors import get_shell
from keel.ui.selectors import cockpit_for, greeting_for


def home(request: HttpRequest) -> HttpResponse:
    """`/`: signed-in users go to their first workspace; others to sign in."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    membership = (
        Membership.objects.active()
        .filter(user=request.user)
        .select_related("workspace")
        .order_by("created_at")
        .first()
    )
    if membership is None:
        return render(request, "ui/no_workspace.html")
    return redirect("workspace_home", ws=membership.workspace.slug)


@login_required
def workspace_home(request: HttpRequest, ws: str) -> HttpResponse:
    """The owner's cockpit: what needs attention, recent activity, quick actions."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    cockpit = cockpit_for(membership=membership, unread=get_shell(request).unread_count)
    context = {
        "cockpit": cockpit,
        "greeting": greeting_for(name=membership.user.display_name),
        "today": timezone.localdate(),
    }
    return render(request, "ui/home.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"ok": True})
