"""Seat pages: the list by department, a seat's page, create/edit, fill, vacate, delete.

Each view parses a form, calls one service and renders; services enforce the rules.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.org import selectors, services
from keel.org.forms import FillForm, SeatForm, VacateForm
from keel.org.models import Seat, SeatStatus
from keel.org.ownership import seat_ownership
from keel.org.resolution import seat_assignee
from keel.ui.forms import submit


@login_required
def seats(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.view")
    status = request.GET.get("status", "")
    if status not in SeatStatus.values:
        status = ""
    groups = selectors.seats_by_department(workspace=actor.workspace, status=status)
    context = {
        "groups": [g for g in groups if g.seats],
        "has_seats": any(g.seats for g in groups) or bool(status),
        "status": status,
        "statuses": SeatStatus.choices,
        "overloaded": selectors.overloaded_members(workspace=actor.workspace),
        "overload_limit": selectors.OVERLOAD_SEATS,
        "can_manage": has_perm(actor, "org.manage"),
    }
    return render(request, "org/seats/list.html", context)


def _render_seat(
    request: HttpRequest,
    seat: Seat,
    *,
    fill_form: FillForm | None = None,
    vacate_form: VacateForm | None = None,
    status: int = 200,
) -> HttpResponse:
    actor = request_membership(request)
    page = selectors.seat_page(seat=seat)
    can_manage = has_perm(actor, "org.manage")
    context: dict[str, Any] = {
        "seat": seat,
        "page": page,
        "overloaded": selectors.is_overloaded(page.holder_seat_count),
        "overload_limit": selectors.OVERLOAD_SEATS,
        "assignee": seat_assignee(seat),
        "owned": seat_ownership(seat),
        "can_manage": can_manage,
    }
    if can_manage:
        context["fill_form"] = fill_form or FillForm(actor=actor, auto_id="fill-%s")
        context["vacate_form"] = vacate_form or VacateForm(auto_id="vacate-%s")
    return render(request, "org/seats/detail.html", context, status=status)


@login_required
def seat_detail(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.view")
    return _render_seat(request, selectors.get_seat_for(actor, pk))


def _seat_form_page(request: HttpRequest, ws: str, *, seat: Seat | None) -> HttpResponse:
    actor = request_membership(request)
    form = SeatForm(request.POST or None, actor=actor, seat=seat)
    audit_context = AuditContext.from_request(request)

    def save(_data: dict[str, Any]) -> Seat:
        kwargs = form.service_kwargs()
        if seat is None:
            return services.seat_create(actor=actor, context=audit_context, **kwargs)
        return services.seat_update(actor=actor, seat=seat, context=audit_context, **kwargs)

    saved = submit(request, form, save)
    if saved is not None:
        if seat is None:
            message = _("The seat “%(title)s” was created.")
        else:
            message = _("The seat “%(title)s” was saved.")
        messages.success(request, message % {"title": saved.title})
        return redirect("org_seat", ws=ws, pk=saved.pk)
    return render(
        request,
        "org/seats/form.html",
        {"form": form, "seat": seat},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def seat_new(request: HttpRequest, ws: str) -> HttpResponse:
    require(request_membership(request), "org.manage")
    return _seat_form_page(request, ws, seat=None)


@login_required
@require_http_methods(["GET", "POST"])
def seat_edit(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    return _seat_form_page(request, ws, seat=selectors.get_seat_for(actor, pk))


@login_required
@require_POST
def seat_fill(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    seat = selectors.get_seat_for(actor, pk)
    form = FillForm(request.POST, actor=actor, auto_id="fill-%s")
    filled = submit(request, form, lambda data: services.seat_fill(
        actor=actor, seat=seat, membership=data["member"],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if filled is not None:
        messages.success(
            request,
            _("%(name)s now holds “%(title)s”, with everything the seat owns.")
            % {"name": form.cleaned_data["member"].user.display_name, "title": seat.title},
        )
        return redirect("org_seat", ws=ws, pk=seat.pk)
    return _render_seat(request, seat, fill_form=form, status=400)


@login_required
@require_POST
def seat_vacate(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    seat = selectors.get_seat_for(actor, pk)
    form = VacateForm(request.POST, auto_id="vacate-%s")
    vacated = submit(request, form, lambda data: services.seat_vacate(
        actor=actor, seat=seat, placeholder_name=data["placeholder_name"],
        context=AuditContext.from_request(request),
    ))  # fmt: skip
    if vacated is not None:
        messages.success(
            request,
            _("“%(title)s” is open. Its work goes to the seat above until it is filled.")
            % {"title": seat.title},
        )
        return redirect("org_seat", ws=ws, pk=seat.pk)
    return _render_seat(request, seat, vacate_form=form, status=400)


@login_required
@require_POST
def seat_delete(request: HttpRequest, ws: str, pk: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "org.manage")
    seat = selectors.get_seat_for(actor, pk)
    try:
        services.seat_delete(actor=actor, seat=seat, context=AuditContext.from_request(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("org_seat", ws=ws, pk=seat.pk)
    messages.success(request, _("The seat “%(title)s” was deleted.") % {"title": seat.title})
    return redirect("org_seats", ws=ws)
