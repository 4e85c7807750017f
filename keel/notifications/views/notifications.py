"""Notification pages. Each POST works as a plain form (redirect) and as an htmx request
(returns the changed fragment plus the bell's count out of band)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.permissions import require
from keel.notifications import selectors, services
from keel.notifications.forms import PreferencesForm

PAGE_SIZE = 30


def _list_context(request: HttpRequest) -> dict[str, Any]:
    membership = request.membership  # type: ignore[attr-defined]
    page = Paginator(selectors.notifications_for(membership=membership), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return {"page_obj": page, "notifications": page.object_list}


def _back(request: HttpRequest, ws: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("notifications", ws=ws)


@login_required
def notification_list(request: HttpRequest, ws: str) -> HttpResponse:
    require(request.membership, "workspace.view")  # type: ignore[attr-defined]
    context = _list_context(request)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "notifications/_list.html", context)
    return render(request, "notifications/list.html", context)


@login_required
@require_POST
def notification_read(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    notification = selectors.get_notification_for(membership, pk)
    services.notification_mark_read(actor=membership, notification=notification)
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request,
            "notifications/_row_read.html",
            {"notification": notification, "unread": selectors.unread_count(membership=membership)},
        )
    return _back(request, ws)


@login_required
@require_POST
def notifications_read_all(request: HttpRequest, ws: str) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    count = services.notifications_mark_all_read(actor=membership)
    if request.htmx:  # type: ignore[attr-defined]
        context = _list_context(request)
        context["unread"] = 0
        context["oob"] = True
        return render(request, "notifications/_list.html", context)
    if count:
        messages.success(request, _("All notifications are marked read."))
    return _back(request, ws)


@login_required
def preferences(request: HttpRequest, ws: str) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    require(membership, "workspace.view")
    initial = selectors.preferences_for(membership=membership)
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, initial_choices=initial)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(actor=membership, choices=form.choices())
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notification_preferences", ws=ws)
    return render(request, "notifications/preferences.html", {"form": form})
