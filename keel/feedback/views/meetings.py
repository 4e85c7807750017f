"""Meeting pages: my series and upcoming meetings, a new series, a series, a meeting (agenda,
notes, decisions, action items), the calendar feeds and the public .ics.

Agenda writes are plain form POSTs that redirect back to the meeting; with htmx they answer
the agenda fragment instead. A meeting or series the reader may not see is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import has_perm, require
from keel.core.public_endpoints import public_errors
from keel.core.services import AuditContext
from keel.feedback.forms.meetings import (
    ActionForm,
    AgendaItemForm,
    AttendeesForm,
    NotesForm,
    SeriesForm,
    series_initial,
)
from keel.feedback.models import AgendaItem, Meeting, MeetingFeed
from keel.feedback.selectors import meetings as sel
from keel.feedback.services import actions, agenda
from keel.feedback.services import meeting_feed as feeds
from keel.feedback.services import meetings as series_services
from keel.ui.forms import submit


def meeting_url(meeting: Meeting, anchor: str = "") -> str:
    url = reverse(
        "feedback_meeting", kwargs={"ws": meeting.workspace.slug, "meeting_id": meeting.pk}
    )
    return f"{url}#{anchor}" if anchor else url


def _series_or_404(request: HttpRequest, series_id: int) -> tuple[Any, Any]:
    actor = request_membership(request)
    series = sel.get_series_for(actor, series_id)
    if series is None:
        raise Http404
    return actor, series


def _meeting_or_404(request: HttpRequest, meeting_id: int) -> tuple[Any, Meeting]:
    actor = request_membership(request)
    meeting = sel.get_meeting_for(actor, meeting_id)
    if meeting is None:
        raise Http404
    return actor, meeting


def _item_or_404(request: HttpRequest, item_id: int) -> tuple[Any, AgendaItem]:
    actor = request_membership(request)
    item = (
        AgendaItem.objects.in_workspace(actor.workspace)
        .select_related("meeting__series__workspace", "meeting__workspace")
        .filter(pk=item_id)
        .first()
    )
    if item is None or sel.get_meeting_for(actor, item.meeting_id) is None:
        raise Http404
    return actor, item


# --- Lists and series -----------------------------------------------------------------------


@login_required
def meetings(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    context = {
        "series_rows": sel.series_rows(actor),
        "upcoming": sel.upcoming_for(actor, limit=10),
        "can_create": has_perm(actor, "feedback.meetings_manage"),
    }
    return render(request, "feedback/meetings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def series_new(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.meetings_manage")
    form = SeriesForm(request.POST or None, actor=actor)
    series = submit(
        request,
        form,
        lambda _data: series_services.series_create(
            actor=actor, context=AuditContext.from_request(request), **form.service_kwargs()
        ),
        field_names={
            "timezone_name": "timezone",
            "dtstart_local": "dtstart_date",
            "report_member": "report",
        },
    )
    if series is not None:
        messages.success(request, _("Meeting series created."))
        return redirect("feedback_series", ws=ws, series_id=series.pk)
    return render(
        request,
        "feedback/series_new.html",
        {"form": form, "editing": False},
        status=400 if form.errors else 200,
    )


@login_required
def series_detail(request: HttpRequest, ws: str, series_id: int) -> HttpResponse:
    actor, series = _series_or_404(request, series_id)
    upcoming = agenda.next_meeting(series=series)  # creates the row: idempotent
    page = sel.series_page(actor, series, next_meeting=upcoming)
    attendees_form = None
    if page.can_manage:
        attendees_form = AttendeesForm(workspace=actor.workspace, initial=_attendee_initial(series))
    return render(request, "feedback/series.html", {"page": page, "attendees_form": attendees_form})


def _attendee_initial(series: Any) -> dict[str, Any]:
    rows = list(series.attendees.all())
    return {
        "members": [r.membership_id for r in rows if r.membership_id],
        "groups": [r.group_id for r in rows if r.group_id],
        "seats": [r.seat_id for r in rows if r.seat_id],
    }


@login_required
@require_http_methods(["GET", "POST"])
def series_edit(request: HttpRequest, ws: str, series_id: int) -> HttpResponse:
    actor, series = _series_or_404(request, series_id)
    if not sel.may_manage(actor, series):
        raise PermissionDenied
    form = SeriesForm(
        request.POST or None, actor=actor, editing=True, initial=series_initial(series)
    )
    saved = submit(
        request,
        form,
        lambda _data: series_services.series_update(
            actor=actor,
            series=series,
            context=AuditContext.from_request(request),
            **form.service_kwargs(),
        ),
        field_names={"timezone_name": "timezone", "dtstart_local": "dtstart_date"},
    )
    if saved is not None:
        messages.success(request, _("Meeting series saved."))
        return redirect("feedback_series", ws=ws, series_id=series.pk)
    return render(
        request,
        "feedback/series_new.html",
        {"form": form, "editing": True, "series": series},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def series_attendees(request: HttpRequest, ws: str, series_id: int) -> HttpResponse:
    actor, series = _series_or_404(request, series_id)
    form = AttendeesForm(request.POST, workspace=actor.workspace)
    if not form.is_valid():
        messages.error(request, _("Choose people, groups and seats from the lists."))
    else:
        series_services.attendees_set(
            actor=actor,
            series=series,
            context=AuditContext.from_request(request),
            **form.cleaned_data,
        )
        messages.success(request, _("Attendees saved."))
    return redirect("feedback_series", ws=ws, series_id=series.pk)


@login_required
@require_POST
def series_stop(request: HttpRequest, ws: str, series_id: int) -> HttpResponse:
    actor, series = _series_or_404(request, series_id)
    series_services.series_stop(
        actor=actor, series=series, context=AuditContext.from_request(request)
    )
    messages.success(request, _("The series was stopped. Its past meetings and notes stay."))
    return redirect("feedback_series", ws=ws, series_id=series.pk)


# --- A meeting ------------------------------------------------------------------------------


def _meeting_context(actor: Any, meeting: Meeting, **forms: Any) -> dict[str, Any]:
    page = sel.meeting_page(actor, meeting)
    ws = actor.workspace
    return {
        "page": page,
        "agenda_form": forms.get("agenda_form") or AgendaItemForm(),
        "notes_form": forms.get("notes_form")
        or NotesForm(initial={"notes": meeting.notes, "decisions": meeting.decisions}),
        "action_form": forms.get("action_form") or ActionForm(workspace=ws),
        "owner_choices": page.people,
    }


@login_required
def meeting_detail(request: HttpRequest, ws: str, meeting_id: int) -> HttpResponse:
    actor, meeting = _meeting_or_404(request, meeting_id)
    return render(request, "feedback/meeting.html", _meeting_context(actor, meeting))


def _agenda_answer(
    request: HttpRequest, actor: Any, meeting: Meeting, form: Any = None, status: int = 200
) -> HttpResponse:
    """After an agenda write: the agenda fragment for htmx, else back to the meeting."""
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request,
            "feedback/partials/meeting_agenda.html",
            _meeting_context(actor, meeting, agenda_form=form),
            status=status,
        )
    if form is not None and form.errors:
        return render(
            request,
            "feedback/meeting.html",
            _meeting_context(actor, meeting, agenda_form=form),
            status=400,
        )
    return redirect(meeting_url(meeting, "agenda"))


@login_required
@require_POST
def agenda_add(request: HttpRequest, ws: str, meeting_id: int) -> HttpResponse:
    actor, meeting = _meeting_or_404(request, meeting_id)
    form = AgendaItemForm(request.POST)
    item = submit(
        request,
        form,
        lambda data: agenda.agenda_item_add(
            actor=actor,
            meeting=meeting,
            text=data["text"],
            context=AuditContext.from_request(request),
        ),
    )
    if item is not None:
        return _agenda_answer(request, actor, meeting)
    return _agenda_answer(request, actor, meeting, form, status=400)


@login_required
@require_POST
def agenda_resolve(request: HttpRequest, ws: str, agenda_item_id: int) -> HttpResponse:
    actor, item = _item_or_404(request, agenda_item_id)
    context = AuditContext.from_request(request)
    if item.resolved_at is None:
        agenda.agenda_item_resolve(actor=actor, item=item, context=context)
    else:
        agenda.agenda_item_reopen(actor=actor, item=item, context=context)
    return _agenda_answer(request, actor, item.meeting)


@login_required
@require_POST
def agenda_delete(request: HttpRequest, ws: str, agenda_item_id: int) -> HttpResponse:
    actor, item = _item_or_404(request, agenda_item_id)
    meeting = item.meeting
    agenda.agenda_item_delete(actor=actor, item=item, context=AuditContext.from_request(request))
    return _agenda_answer(request, actor, meeting)


@login_required
@require_POST
def agenda_to_task(request: HttpRequest, ws: str, agenda_item_id: int) -> HttpResponse:
    actor, item = _item_or_404(request, agenda_item_id)
    form = ActionForm(request.POST, workspace=actor.workspace, require_title=False)
    action = submit(
        request,
        form,
        lambda data: actions.agenda_item_to_task(
            actor=actor,
            item=item,
            owner=data["owner"],
            due=data.get("due"),
            title=data.get("title") or "",
            context=AuditContext.from_request(request),
        ),
        field_names={"item": "title"},
    )
    if action is None:
        errors = "; ".join(str(m) for msgs in form.errors.values() for m in msgs)
        messages.error(request, errors or _("Choose who does it."))
    else:
        messages.success(
            request,
            _("Task %(key)s-%(number)d created.")
            % {"key": action.task.project.key, "number": action.task.number},
        )
    return redirect(meeting_url(item.meeting, "agenda"))


@login_required
@require_POST
def action_new(request: HttpRequest, ws: str, meeting_id: int) -> HttpResponse:
    actor, meeting = _meeting_or_404(request, meeting_id)
    form = ActionForm(request.POST, workspace=actor.workspace)
    action = submit(
        request,
        form,
        lambda data: actions.action_item_create(
            actor=actor,
            meeting=meeting,
            title=data["title"],
            owner=data["owner"],
            due=data.get("due"),
            context=AuditContext.from_request(request),
        ),
    )
    if action is None:
        return render(
            request,
            "feedback/meeting.html",
            _meeting_context(actor, meeting, action_form=form),
            status=400,
        )
    messages.success(request, _("Action item added."))
    return redirect(meeting_url(meeting, "actions"))


@login_required
@require_POST
def meeting_notes(request: HttpRequest, ws: str, meeting_id: int) -> HttpResponse:
    actor, meeting = _meeting_or_404(request, meeting_id)
    form = NotesForm(request.POST)
    saved = submit(
        request,
        form,
        lambda data: agenda.meeting_update_notes(
            actor=actor, meeting=meeting, context=AuditContext.from_request(request), **data
        ),
    )
    if saved is None:
        return render(
            request,
            "feedback/meeting.html",
            _meeting_context(actor, meeting, notes_form=form),
            status=400,
        )
    messages.success(request, _("Notes saved."))
    return redirect(meeting_url(meeting, "notes"))


@login_required
@require_POST
def meeting_held(request: HttpRequest, ws: str, meeting_id: int) -> HttpResponse:
    actor, meeting = _meeting_or_404(request, meeting_id)
    try:
        agenda.meeting_mark_held(
            actor=actor, meeting=meeting, context=AuditContext.from_request(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Meeting marked as held."))
    return redirect(meeting_url(meeting))


# --- Calendar feeds -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def meeting_feeds(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    new_url = ""
    if request.method == "POST":
        _feed, raw = feeds.meeting_feed_create(
            actor=actor, context=AuditContext.from_request(request)
        )
        # Shown once on this response; only the hash is kept.
        new_url = request.build_absolute_uri(feeds.meeting_feed_url_path(raw))
    return render(
        request,
        "feedback/meeting_feeds.html",
        {"feeds": feeds.meeting_feeds_of(actor), "new_url": new_url},
    )


@login_required
@require_POST
def meeting_feed_revoke(request: HttpRequest, ws: str, meeting_feed_id: int) -> HttpResponse:
    actor = request_membership(request)
    feed = (
        MeetingFeed.objects.in_workspace(actor.workspace)
        .filter(pk=meeting_feed_id, owner=actor)
        .first()
    )
    if feed is None:
        raise Http404
    feeds.meeting_feed_revoke(actor=actor, feed=feed, context=AuditContext.from_request(request))
    messages.success(request, _("The calendar feed was revoked: its address no longer works."))
    return redirect("feedback_meeting_feeds", ws=ws)


@require_GET
@never_cache
@public_errors
def meeting_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The public feed: the token is the credential; unknown or revoked → 404."""
    feed = feeds.meeting_feed_find(token)
    if feed is None:
        raise Http404
    body = feeds.meeting_feed_calendar(feed, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="keel-meetings.ics"'
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
