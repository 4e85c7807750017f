"""Vision pages: the vision with its timeline, and forms for values, goals and milestones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.services import AuditContext
from keel.goals import selectors, services
from keel.goals.forms import (
    GoalForm,
    MilestoneForm,
    MoveForm,
    StatusForm,
    ValueForm,
    VisionForm,
)
from keel.goals.models import STATUS_TONE, MilestoneStatus
from keel.goals.timeline_svg import Column, Marker, render_timeline
from keel.ui.forms import submit


def _vision_url(ws: str, anchor: str = "") -> str:
    url = reverse("goals_vision", kwargs={"ws": ws})
    return f"{url}#{anchor}" if anchor else url


def _timeline(page: selectors.VisionPage) -> Any:
    columns = []
    status_labels = dict(MilestoneStatus.choices)
    for entry in page.years:
        label = str(entry.year)
        if entry.year == page.this_year:
            label = _("%(year)d (this year)") % {"year": entry.year}
        markers = [
            Marker(
                title=m.title,
                status_label=str(status_labels.get(m.status, m.status)),
                tone=STATUS_TONE.get(m.status, "grey"),
                done=m.status == MilestoneStatus.DONE,
            )
            for m in entry.milestones
        ]
        columns.append(Column(year=entry.year, label=label, markers=markers))
    count = sum(len(c.markers) for c in columns)
    first, last = page.years[0].year, page.years[-1].year
    description = _(
        "%(count)d milestones from %(first)d to %(last)d, one column per year. "
        "The list after the chart gives each milestone and its status."
    ) % {"count": count, "first": first, "last": last}
    return render_timeline(
        columns=columns, title=_("Path from %(first)d to %(last)d") % {"first": first,
                                                                         "last": last},
        description=description,
    )  # fmt: skip


@login_required
def vision(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.view")
    page = selectors.vision_page(workspace=actor.workspace)
    context = {
        "page": page,
        "timeline": _timeline(page),
        "can_manage": has_perm(actor, "goals.manage"),
        "show_kpis": has_perm(actor, "kpis.view"),
        "has_kpis": any(m.kpi_id for g in page.goals for m in g.milestones.all()),
        "statuses": MilestoneStatus.choices,
    }
    return render(request, "goals/vision.html", context)


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any], form: Any
) -> HttpResponse:
    return render(request, template, {"form": form, **context},
                  status=400 if form.errors else 200)  # fmt: skip


def _confirm_delete(
    request: HttpRequest,
    *,
    delete: Callable[[AuditContext], object],
    done: str,
    then: str,
    title: str,
    text: str,
    button: str,
    cancel_url: str,
) -> HttpResponse:
    """The delete confirmation of a value, goal or milestone: GET asks (`title`, `text`,
    `button`, `cancel_url`); POST runs `delete(context)`, says `done` and goes to `then`."""
    if request.method == "POST":
        delete(AuditContext.from_request(request))
        messages.success(request, done)
        return redirect(then)
    context = {"title": title, "text": text, "button": button, "cancel_url": cancel_url}
    return render(request, "goals/confirm_delete.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def vision_edit(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    current = selectors.vision_get(workspace=actor.workspace)
    initial = {"statement": current.statement, "horizon_year": current.horizon_year}
    form = VisionForm(request.POST or None, initial=initial)
    saved = submit(request, form, lambda data: services.vision_update(
        actor=actor, context=AuditContext.from_request(request), **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Vision saved."))
        return redirect(_vision_url(ws))
    return _form_page(request, "goals/vision_form.html", {}, form)


# --- Core values ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def value_create(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    form = ValueForm(request.POST or None)
    value = submit(request, form, lambda data: services.value_create(
        actor=actor, context=AuditContext.from_request(request), **data))  # fmt: skip
    if value is not None:
        messages.success(request, _("Value added."))
        return redirect(_vision_url(ws, "values"))
    return _form_page(request, "goals/value_form.html", {"value": None}, form)


@login_required
@require_http_methods(["GET", "POST"])
def value_edit(request: HttpRequest, ws: str, value_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    value = selectors.get_value_for(actor, value_id)
    initial = {"title": value.title, "description": value.description}
    form = ValueForm(request.POST or None, initial=initial)
    saved = submit(request, form, lambda data: services.value_update(
        actor=actor, value=value, context=AuditContext.from_request(request), **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Value saved."))
        return redirect(_vision_url(ws, "values"))
    return _form_page(request, "goals/value_form.html", {"value": value}, form)


@login_required
@require_http_methods(["GET", "POST"])
def value_delete(request: HttpRequest, ws: str, value_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    value = selectors.get_value_for(actor, value_id)
    return _confirm_delete(
        request,
        delete=lambda context: services.value_delete(actor=actor, value=value, context=context),
        done=_("Value %(title)s deleted.") % {"title": value.title},
        then=_vision_url(ws, "values"),
        title=_("Delete the value “%(title)s”?") % {"title": value.title},
        text=_("It disappears from the vision page. Goals and milestones stay."),
        button=_("Delete value"),
        cancel_url=_vision_url(ws, "values"),
    )


@login_required
@require_POST
def value_move(request: HttpRequest, ws: str, value_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    value = selectors.get_value_for(actor, value_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        services.value_move(
            actor=actor, value=value, direction=form.cleaned_data["direction"],
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return redirect(_vision_url(ws, "values"))


# --- Goals ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    this_year = services.current_year(actor.workspace)
    initial = {"target_year": this_year + services.HORIZON_YEARS}
    form = GoalForm(request.POST or None, initial=initial)
    goal = submit(request, form, lambda data: services.goal_create(
        actor=actor, context=AuditContext.from_request(request), **data))  # fmt: skip
    if goal is not None:
        messages.success(request, _("Goal added. Now plan its yearly milestones."))
        return redirect(_vision_url(ws, f"goal-{goal.pk}"))
    return _form_page(request, "goals/goal_form.html", {"goal": None}, form)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, ws: str, goal_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    goal = selectors.get_goal_for(actor, goal_id)
    initial = {
        "title": goal.title,
        "target_year": goal.target_year,
        "description": goal.description,
    }
    form = GoalForm(request.POST or None, initial=initial)
    saved = submit(request, form, lambda data: services.goal_update(
        actor=actor, goal=goal, context=AuditContext.from_request(request), **data))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Goal saved."))
        return redirect(_vision_url(ws, f"goal-{goal.pk}"))
    return _form_page(request, "goals/goal_form.html", {"goal": goal}, form)


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request: HttpRequest, ws: str, goal_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    goal = selectors.get_goal_for(actor, goal_id)
    return _confirm_delete(
        request,
        delete=lambda context: services.goal_delete(actor=actor, goal=goal, context=context),
        done=_("Goal %(title)s deleted.") % {"title": goal.title},
        then=_vision_url(ws, "goals"),
        title=_("Delete the goal “%(title)s”?") % {"title": goal.title},
        text=_("Its milestones are deleted with it. The seats they needed stay on the chart."),
        button=_("Delete goal"),
        cancel_url=_vision_url(ws, f"goal-{goal.pk}"),
    )


# --- Milestones ----------------------------------------------------------------------------


def _milestone_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "year": data["year"],
        "title": data["title"],
        "status": data["status"],
        "owner_seat": data["owner_seat"],
        "needed_seats": list(data["needed_seats"]),
        "kpi": data["kpi"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def milestone_create(request: HttpRequest, ws: str, goal_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    goal = selectors.get_goal_for(actor, goal_id)
    this_year = services.current_year(actor.workspace)
    initial = {
        "year": max(this_year, min(this_year + 1, goal.target_year)),
        "status": MilestoneStatus.NOT_STARTED,
    }
    form = MilestoneForm(request.POST or None, actor=actor, initial=initial)
    milestone = submit(request, form, lambda data: services.milestone_create(
        actor=actor, goal=goal, context=AuditContext.from_request(request),
        **_milestone_kwargs(data),
    ))  # fmt: skip
    if milestone is not None:
        messages.success(request, _("Milestone added."))
        return redirect(_vision_url(ws, f"milestone-{milestone.pk}"))
    context = {"goal": goal, "milestone": None, "this_year": this_year}
    return _form_page(request, "goals/milestone_form.html", context, form)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, ws: str, milestone_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    milestone = selectors.get_milestone_for(actor, milestone_id)
    initial = {
        "year": milestone.year,
        "title": milestone.title,
        "status": milestone.status,
        "owner_seat": milestone.owner_seat_id,
        "needed_seats": [s.pk for s in milestone.needed_seats.all()],
        "kpi": milestone.kpi_id,
    }
    form = MilestoneForm(request.POST or None, actor=actor, initial=initial,
                         current_kpi=milestone.kpi_id)  # fmt: skip
    saved = submit(request, form, lambda data: services.milestone_update(
        actor=actor, milestone=milestone, context=AuditContext.from_request(request),
        **_milestone_kwargs(data),
    ))  # fmt: skip
    if saved is not None:
        messages.success(request, _("Milestone saved."))
        return redirect(_vision_url(ws, f"milestone-{milestone.pk}"))
    context = {
        "goal": milestone.goal,
        "milestone": milestone,
        "this_year": services.current_year(actor.workspace),
    }
    return _form_page(request, "goals/milestone_form.html", context, form)


@login_required
@require_POST
def milestone_status(request: HttpRequest, ws: str, milestone_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    milestone = selectors.get_milestone_for(actor, milestone_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.milestone_set_status(
            actor=actor, milestone=milestone, status=form.cleaned_data["status"],
            context=AuditContext.from_request(request),
        )  # fmt: skip
        messages.success(request, _("Status of “%(title)s” saved.") % {"title": milestone.title})
    else:
        messages.error(request, _("Choose a status from the list."))
    return redirect(_vision_url(ws, f"milestone-{milestone.pk}"))


@login_required
@require_http_methods(["GET", "POST"])
def milestone_delete(request: HttpRequest, ws: str, milestone_id: int) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "goals.manage")
    milestone = selectors.get_milestone_for(actor, milestone_id)
    return _confirm_delete(
        request,
        delete=lambda context: services.milestone_delete(
            actor=actor, milestone=milestone, context=context
        ),
        done=_("Milestone deleted."),
        then=_vision_url(ws, f"goal-{milestone.goal_id}"),
        title=_("Delete the milestone “%(title)s”?") % {"title": str(milestone)},
        text=_("The goal stays; the seats it needed stay on the chart."),
        button=_("Delete milestone"),
        cancel_url=_vision_url(ws, f"milestone-{milestone.pk}"),
    )
