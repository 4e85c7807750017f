"""Pages that belong to no module: the landing redirect, the workspace home, health."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from keel.core.models import Membership


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
    return render(request, "ui/home.html", {})


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"ok": True})
