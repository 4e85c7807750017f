"""Planning pages: a project's status updates and recurring series, summaries, calendar feeds.

Each view parses a form, calls one service and renders; the services check permissions.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm
from keel.core.public_endpoints import public_errors
from keel.core.services import AuditContext
from keel.tasks import recurrence as engine
from keel.tasks import selectors
from keel.tasks.access import can_edit_in_project
from keel.tasks.forms.planning import (
    FeedForm,
    RecurrenceForm,
    StatusUpdateForm,
    SummaryForm,
    recurrence_initial,
)
from keel.tasks.models import CalendarFeed, Recurrence
from keel.tasks.services import feeds as ical
from keel.tasks.services import occurrences, progress
from keel.tasks.services import recurrence as series_services
from keel.tasks.services.recurrence import RecurrenceChanges
from keel.tasks.views.common import flash_errors
from keel.ui.forms import submit

# The series services name the first start `dtstart_local`; the form splits it into a date
# and a time, and shows the error beside the date.
SERIES_FIELD_NAMES = {"dtstart_local": "dtstart_date"}

# --- Status updates -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def project_updates(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    can_post = can_edit_in_project(actor, project)
    form = StatusUpdateForm(request.POST or None) if can_post else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise Http404  # the page shows no form: the same answer as a hidden project
        posted = submit(request, form, lambda data: progress.status_update_create(
            actor=actor, project=project, status=data["status"], text=data["text"],
            context=AuditContext.from_request(request),
        ))  # fmt: skip
        if posted is not None:
            messages.success(request, _("Status update posted."))
            return redirect("project_updates", ws=ws, project_id=project.pk)
        status = 400
    context = {
        "project": project,
        "form": form,
        "updates": progress.status_updates_for(project=project),
        "tab": "updates",
    }
    return render(request, "tasks/planning/updates.html", context, status=status)


# --- Recurring series -----------------------------------------------------------------------


def _recurrence_for(request: HttpRequest, pk: int) -> Recurrence:
    actor = request_membership(request)
    rec = (
        Recurrence.objects.in_workspace(actor.workspace)
        .select_related("project__workspace", "workspace")
        .filter(pk=pk)
        .first()
    )
    if rec is None:
        raise Http404
    selectors.get_project_for(actor, rec.project_id)  # 404 when the project is hidden
    return rec


def _series_rows(project: Any) -> list[dict[str, Any]]:
    series = list(
        Recurrence.objects.in_workspace(project.workspace)
        .filter(project=project)
        .select_related("assignee__user", "assignee_seat", "workspace")
        .order_by("stopped_at", "title", "pk")[:200]
    )
    upcoming = occurrences.upcoming_dates(series)
    rows = []
    for rec in series:
        start = occurrences.series_rule(rec).dtstart
        rows.append(
            {
                "series": rec,
                "description": engine.describe(rec.rrule, start),
                "time": None if rec.all_day else start.time(),
                "next": upcoming.get(rec.pk),
            }
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def project_recurrences(request: HttpRequest, ws: str, project_id: int) -> HttpResponse:
    actor = request_membership(request)
    project = selectors.get_project_for(actor, project_id)
    can_edit = can_edit_in_project(actor, project)
    form = None
    status = 200
    if can_edit:
        initial = {"dtstart_date": timezone.localdate(), "timezone": actor.workspace.timezone}
        form = RecurrenceForm(request.POST or None, project=project, initial=initial)
    if request.method == "POST":
        if form is None:
            raise Http404
        rec = submit(request, form, lambda data: series_services.recurrence_create(
            actor=actor, project=project, context=AuditContext.from_request(request),
            **_series_fields(data),
        ), field_names=SERIES_FIELD_NAMES)  # fmt: skip
        if rec is not None:
            data = form.cleaned_data
            first = datetime.datetime.combine(
                data["dtstart_date"], data["dtstart_time"] or datetime.time()
            )
            rule_text = engine.describe(rec.rrule, first)
            messages.success(request, _("“%(title)s” was created: %(rule)s.") % {
                "title": rec.title, "rule": rule_text})  # fmt: skip
            return redirect("project_recurrences", ws=ws, project_id=project.pk)
        status = 400
    context = {
        "project": project,
        "form": form,
        "rows": _series_rows(project),
        "can_edit": can_edit,
        "tab": "recurring",
    }
    return render(request, "tasks/planning/recurrences.html", context, status=status)


def _series_fields(data: dict[str, Any]) -> RecurrenceChanges:
    """A valid RecurrenceForm's data as the keyword arguments of the series services."""
    assignee, seat = data["assignee"]
    day: datetime.date = data["dtstart_date"]
    at: datetime.time | None = data["dtstart_time"]
    return RecurrenceChanges(
        title=data["title"], description=data["description"], preset=data["preset"],
        rrule=data["rrule"], weekdays=data["weekdays"], month_day=data["month_day"],
        weekday=data["weekday"] or None, interval=data["interval"] or 1,
        dtstart_local=datetime.datetime.combine(day, at) if at else day,
        timezone_name=data["timezone"], all_day=at is None, mode=data["mode"],
        section=data["section"], assignee=assignee, assignee_seat=seat,
        priority=data["priority"],
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def recurrence_edit(request: HttpRequest, ws: str, recurrence_id: int) -> HttpResponse:
    """Edit a series' template and rule; tasks already created are left as they are."""
    actor = request_membership(request)
    rec = _recurrence_for(request, recurrence_id)
    project = rec.project
    if not can_edit_in_project(actor, project):
        raise PermissionDenied
    if rec.stopped_at is not None:
        messages.error(request, _("“%(title)s” was stopped: a stopped series cannot be edited.")
                       % {"title": rec.title})  # fmt: skip
        return redirect("project_recurrences", ws=ws, project_id=project.pk)
    start = occurrences.series_rule(rec).dtstart
    form = RecurrenceForm(
        request.POST or None, project=project, initial=recurrence_initial(rec, start)
    )
    status = 200
    if request.method == "POST":
        saved = submit(request, form, lambda data: series_services.recurrence_update(
            actor=actor, recurrence=rec, context=AuditContext.from_request(request),
            **_series_fields(data),
        ), field_names=SERIES_FIELD_NAMES)  # fmt: skip
        if saved is not None:
            rule_text = engine.describe(rec.rrule, occurrences.series_rule(rec).dtstart)
            messages.success(request, _("“%(title)s” was saved: %(rule)s.") % {
                "title": rec.title, "rule": rule_text})  # fmt: skip
            return redirect("project_recurrences", ws=ws, project_id=project.pk)
        status = 400
    context = {"project": project, "series": rec, "form": form, "tab": "recurring"}
    return render(request, "tasks/planning/recurrence_edit.html", context, status=status)


@login_required
@require_POST
def recurrence_skip(request: HttpRequest, ws: str, recurrence_id: int) -> HttpResponse:
    actor = request_membership(request)
    rec = _recurrence_for(request, recurrence_id)
    raw = request.POST.get("date", "")
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        messages.error(request, _("Choose the date to skip."))
        return redirect("project_recurrences", ws=ws, project_id=rec.project_id)
    try:
        series_services.recurrence_skip(actor=actor, recurrence=rec, occurrence_date=day,
                                        context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("The occurrence on %(date)s was skipped.") % {
            "date": day.isoformat()})  # fmt: skip
    return redirect("project_recurrences", ws=ws, project_id=rec.project_id)


@login_required
@require_POST
def recurrence_stop(request: HttpRequest, ws: str, recurrence_id: int) -> HttpResponse:
    actor = request_membership(request)
    rec = _recurrence_for(request, recurrence_id)
    series_services.recurrence_stop(
        actor=actor, recurrence=rec, context=AuditContext.from_request(request)
    )
    messages.success(request, _("“%(title)s” will not repeat any more.") % {"title": rec.title})
    return redirect("project_recurrences", ws=ws, project_id=rec.project_id)


# --- Summaries ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def tasks_summary(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    if not has_perm(actor, "groups.send"):
        raise Http404  # managers and above; others have no such page
    projects = selectors.visible_projects(actor).order_by("name")
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = SummaryForm(data, actor=actor, projects=projects)
    summary = None
    status = 200
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        period = cleaned["period"]
        if cleaned["project"] is not None:
            summary = progress.summary_for_project(project=cleaned["project"], period=period)
        else:
            summary = progress.summary_for_person(
                membership=cleaned["person"], period=period, viewer=actor
            )
        # "Preview" posts too (a GET form would put the CSRF token in the address bar);
        # only "Send to the group" sends. A plain GET with the query still previews.
        if request.method == "POST" and "preview" not in request.POST:
            if cleaned["group"] is None:
                form.add_error("group", _("Choose the group to send the summary to."))
            else:
                sent = submit(request, form, lambda data: progress.summary_send_to_group(
                    actor=actor, group=data["group"], period=data["period"],
                    project=data["project"], membership=data["person"],
                    base_url=request.build_absolute_uri("/"),
                    context=AuditContext.from_request(request),
                ))  # fmt: skip
                if sent is not None:
                    messages.success(request, ngettext(
                        "Summary sent to %(count)s member of %(group)s.",
                        "Summary sent to %(count)s members of %(group)s.", sent,
                    ) % {"count": sent, "group": cleaned["group"].name})  # fmt: skip
                    return redirect(f"{request.path}?{_query(cleaned)}")
    if form.errors:
        status = 400
    return render(
        request,
        "tasks/planning/summary.html",
        {
            "form": form,
            "summary": summary,
            "subject": summary and progress.summary_subject(summary),
        },
        status=status,
    )


def _query(cleaned: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    params = {"period": cleaned["period"]}
    if cleaned.get("project") is not None:
        params["project"] = cleaned["project"].pk
    if cleaned.get("person") is not None:
        params["person"] = cleaned["person"].pk
    return urlencode(params)


# --- Calendar feeds -------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def calendar_feeds(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    projects = selectors.visible_projects(actor).order_by("name")
    form = FeedForm(request.POST or None, projects=projects)
    new_url = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            _feed, raw = ical.feed_create(actor=actor, project=form.cleaned_data["project"],
                                         context=AuditContext.from_request(request))  # fmt: skip
            # Shown once on this response; only the hash is kept (like API tokens).
            new_url = request.build_absolute_uri(ical.feed_url_path(raw))
            form = FeedForm(projects=projects)
        else:
            status = 400
    feeds = [(feed, ical.describe_feed(feed)) for feed in ical.feeds_of(actor)]
    return render(
        request,
        "tasks/planning/feeds.html",
        {"form": form, "feeds": feeds, "new_url": new_url},
        status=status,
    )


@login_required
@require_POST
def calendar_feed_revoke(request: HttpRequest, ws: str, feed_id: int) -> HttpResponse:
    actor = request_membership(request)
    feed = (
        CalendarFeed.objects.in_workspace(actor.workspace).filter(pk=feed_id, owner=actor).first()
    )
    if feed is None:
        raise Http404
    ical.feed_revoke(actor=actor, feed=feed, context=AuditContext.from_request(request))
    messages.success(request, _("The calendar feed was revoked: its address no longer works."))
    return redirect("calendar_feeds", ws=ws)


@require_GET
@never_cache
@public_errors
def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The public feed: the token is the credential; unknown or revoked → 404."""
    feed = ical.feed_find(token)
    if feed is None:
        raise Http404
    body = ical.feed_calendar(feed, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="keel.ics"'
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
