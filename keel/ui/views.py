"""Pages that belong to no module: the landing redirect and health."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import check_for_language
from django.views import i18n

from keel.core.models import Membership
from keel.ui.language import language_chosen
from keel.ui.nav import front_url


def home(request: HttpRequest) -> HttpResponse:
    """`/`: signed-in users go to their first workspace; others to sign in."""
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    membership = (
        Membership.objects.active()
        .filter(user=request.user)
        .select_related("workspace")
        .order_by("created_at")
        .first()
    )
    if membership is None:
        return render(request, "ui/no_workspace.html")
    return redirect(front_url(membership.workspace.slug))


def healthz(request: HttpRequest) -> HttpResponse:
    # Process up, no database: a stale cached answer would hide a dead process.
    return JsonResponse({"ok": True}, headers={"Cache-Control": "no-store"})


def set_language(request: HttpRequest) -> HttpResponse:
    """The language switch: Django's set_language (cookie, redirect to `next`), then the
    registered hooks (ui.language) remember the choice, e.g. on the person's account."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    if language in dict(settings.LANGUAGES) and check_for_language(language):
        language_chosen(request, language)
    return response
