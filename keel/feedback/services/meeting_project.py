"""The workspace's "Meetings" project (where action items and 1:1 check-ins go unless a series
names its own project), the 1:1 check-in recurrence, and tidying meeting rows after a schedule
change.

The Meetings project is created on first need and found again by the audit event that recorded
its creation (action "meeting.project_created"), so renaming it or changing its key does not
lose it; an archived one is replaced by a new one.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.core.models import AuditEvent, Membership, Workspace
from keel.core.services import audit_event
from keel.feedback import meeting_times
from keel.feedback.models import Meeting, MeetingSeries
from keel.tasks.models import Project, Recurrence
from keel.tasks.services import project_create
from keel.tasks.services.recurrence import recurrence_create

PROJECT_MARKER = "meeting.project_created"
PROJECT_KEYS = ("MEET", "MTG", "MEETS", "MEETG", "MTGS")


# --- The Meetings project ---------------------------------------------------------------------


def meetings_project(actor: Membership, *, create: bool = True) -> Project | None:
    """The workspace's "Meetings" project (not archived), created when missing."""
    ws = actor.workspace
    Workspace.objects.select_for_update().filter(pk=ws.pk).first()  # one creator at a time
    ids = (
        AuditEvent.objects.filter(workspace=ws, action=PROJECT_MARKER, target_type="tasks.project")
        .order_by("created_at", "id")
        .values_list("target_id", flat=True)
    )
    known = [int(pk) for pk in ids if pk.isdigit()]
    found = {
        p.pk: p
        for p in Project.objects.in_workspace(ws).filter(pk__in=known, archived_at__isnull=True)
    }
    for pk in known:
        if pk in found:
            return found[pk]
    if not create:
        return None
    taken = set(Project.objects.in_workspace(ws).values_list("key", flat=True))
    key = next((k for k in PROJECT_KEYS if k not in taken), None)
    if key is None:
        key = next(
            f"MEET{a}{b}"
            for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            if f"MEET{a}{b}" not in taken
        )
    with translation.override(ws.language):
        name = _("Meetings")
        description = _("Action items and 1:1 check-ins from meetings.")
    project = project_create(actor=actor, name=str(name), key=key, description=str(description))
    audit_event(actor, PROJECT_MARKER, project, None)
    return project


def _check_in_title(series: MeetingSeries) -> str:
    who = (
        series.report_member.user.display_name
        if series.report_member
        else str(series.report_seat or "")
    )
    with translation.override(series.workspace.language):
        return str(_("1:1 check-in with %(name)s") % {"name": who})[:200]


def create_check_in(actor: Membership, series: MeetingSeries) -> Recurrence:
    assert series.project is not None
    return recurrence_create(
        actor=actor,
        project=series.project,
        title=_check_in_title(series),
        dtstart_local=series.dtstart_local.replace(tzinfo=None),
        rrule=series.rrule,
        timezone_name=series.timezone,
        all_day=False,
        assignee=series.organizer,
        assignee_seat=series.organizer_seat,
        description=_("Prepare the 1:1: read their latest reports and the open action items."),
    )


def drop_stale_meetings(series: MeetingSeries) -> None:
    """After a schedule change: future rows that are no longer occurrences go when nobody
    wrote into them; the first one with content moves to the new next occurrence."""
    now = timezone.now()
    future = list(Meeting.objects.filter(series=series, starts_at__gt=now).order_by("starts_at"))
    if not future:
        return
    valid = set(meeting_times.starts_between(series, future[0].starts_at, future[-1].starts_at))
    stale = [m for m in future if m.starts_at not in valid]
    target = meeting_times.next_start(series, now)
    for meeting in stale:
        empty = not (
            meeting.notes
            or meeting.decisions
            or meeting.agenda.exists()
            or meeting.actions.exists()
        )
        if empty:
            meeting.delete()
        elif (
            target is not None
            and not Meeting.objects.filter(series=series, starts_at=target).exists()
        ):
            meeting.starts_at = target
            meeting.save(update_fields=["starts_at", "updated_at"])
