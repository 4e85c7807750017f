"""A meeting's row, agenda, notes and decisions.

`next_meeting` is the one place a meeting row is created for an upcoming occurrence: it
carries the previous meeting's unresolved items over (once: an item that was already carried
is not carried again) and, for a Monthly review, adds the standing agenda and what the agenda
feeds bring (agenda_feeds.py: the KPIs that missed). The unique (series, starts_at) constraint
makes it safe to call from pages, the API and the job at once.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.services import AuditContext, audit_event, next_position, same_workspace
from keel.core.validators import clean_line
from keel.feedback import agenda_feeds, meeting_times
from keel.feedback.models import AgendaItem, AgendaSource, Meeting, MeetingKind, MeetingSeries
from keel.feedback.services.meeting_people import is_paused, may_manage, may_take_part
from keel.feedback.templates_builtin import monthly_review_agenda

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.feedback.models import Answer

MAX_ITEM_LENGTH = 500
MAX_NOTES_LENGTH = 20_000


def _require_take_part(actor: Membership, series: MeetingSeries) -> None:
    if not may_take_part(actor, series):
        raise PermissionDenied(_("Only the meeting's attendees and organiser can do this."))


# --- The next meeting ------------------------------------------------------------------------


def next_meeting(*, series: MeetingSeries, now: datetime | None = None) -> Meeting | None:
    """The row of the series' next occurrence at or after `now`, created when missing.

    None when the series is stopped, paused (a 1:1 with an empty seat) or has no more dates.
    """
    now = now or timezone.now()
    if series.stopped_at is not None or is_paused(series):
        return None
    starts_at = meeting_times.next_start(series, now)
    if starts_at is None:
        return None
    return meeting_at(series=series, starts_at=starts_at)


def meeting_at(*, series: MeetingSeries, starts_at: datetime) -> Meeting:
    """Get or create the row of one occurrence (the caller checked it is one)."""
    with transaction.atomic():
        meeting, created = Meeting.objects.get_or_create(
            series=series, starts_at=starts_at, defaults={"workspace_id": series.workspace_id}
        )
        if created:
            _prepare_agenda(meeting)
            agenda_feeds.pull_into(meeting, now=timezone.now())
    return meeting


def _prepare_agenda(meeting: Meeting) -> None:
    series = meeting.series
    standing: tuple[str, ...] = ()
    if series.kind == MeetingKind.REVIEW:
        standing = monthly_review_agenda(series.workspace.language)
    previous = (
        Meeting.objects.filter(series=series, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )
    new: list[AgendaItem] = []
    if previous is not None:
        already = AgendaItem.objects.filter(carried_from__meeting=previous).values("carried_from")
        open_items = (
            AgendaItem.objects.filter(meeting=previous, resolved_at__isnull=True)
            .exclude(pk__in=already)
            .order_by("position", "id")
        )
        for item in open_items:
            if item.added_by_id is None and item.text in standing:
                continue  # the standing agenda comes back anyway
            if item.ref_id is not None:
                continue  # a feed's item: the feed brings this meeting's own (fresh figures)
            new.append(
                AgendaItem(
                    workspace_id=meeting.workspace_id,
                    meeting=meeting,
                    text=item.text,
                    source=AgendaSource.CARRIED,
                    added_by_id=item.added_by_id,
                    answer_id=item.answer_id,
                    carried_from=item,
                )
            )
    new.extend(
        AgendaItem(workspace_id=meeting.workspace_id, meeting=meeting, text=text)
        for text in standing
    )
    for position, item in enumerate(new):
        item.position = position
    AgendaItem.objects.bulk_create(new)


# --- Agenda items ----------------------------------------------------------------------------


def _clean_text(text: str) -> str:
    return clean_line(
        text, field="text", max_length=MAX_ITEM_LENGTH, required=_("Write the agenda item.")
    )


def agenda_item_add(
    *,
    actor: Membership,
    meeting: Meeting,
    text: str,
    source: str = AgendaSource.MANUAL,
    answer: Answer | None = None,
    context: AuditContext | None = None,
) -> AgendaItem:
    """Add an item to a meeting's agenda: attendees, the organiser, managers and up."""
    same_workspace(actor, meeting, answer)
    series = meeting.series
    _require_take_part(actor, series)
    if meeting.held_at is not None:
        raise ValidationError({"text": _("This meeting is over: add the item to the next one.")})
    clean = _clean_text(text)
    if source not in AgendaSource.values:
        raise ValidationError({"source": _("Choose where the item comes from.")})
    with transaction.atomic():
        item = AgendaItem.objects.create(
            workspace_id=meeting.workspace_id,
            meeting=meeting,
            text=clean,
            source=source,
            added_by=actor,
            answer=answer,
            position=next_position(AgendaItem.objects.filter(meeting=meeting)),
        )
        audit_event(actor, "meeting.agenda_added", meeting, context, item=item.pk, source=source)
    return item


def agenda_item_resolve(
    *, actor: Membership, item: AgendaItem, context: AuditContext | None = None
) -> AgendaItem:
    same_workspace(actor, item)
    _require_take_part(actor, item.meeting.series)
    agenda_feeds.require_shown(actor, item)
    if item.resolved_at is None:
        with transaction.atomic():
            item.resolved_at = timezone.now()
            item.save(update_fields=["resolved_at", "updated_at"])
            audit_event(actor, "meeting.agenda_resolved", item.meeting, context, item=item.pk)
    return item


def agenda_item_reopen(
    *, actor: Membership, item: AgendaItem, context: AuditContext | None = None
) -> AgendaItem:
    same_workspace(actor, item)
    _require_take_part(actor, item.meeting.series)
    agenda_feeds.require_shown(actor, item)
    if item.resolved_at is not None:
        with transaction.atomic():
            item.resolved_at = None
            item.save(update_fields=["resolved_at", "updated_at"])
            audit_event(actor, "meeting.agenda_reopened", item.meeting, context, item=item.pk)
    return item


def agenda_item_delete(
    *, actor: Membership, item: AgendaItem, context: AuditContext | None = None
) -> None:
    """Its author (while they take part) or whoever manages the series."""
    same_workspace(actor, item)
    series = item.meeting.series
    own = item.added_by_id == actor.pk and may_take_part(actor, series)
    if not own and not may_manage(actor, series):
        raise PermissionDenied(_("Only the item's author or the organiser can remove it."))
    with transaction.atomic():
        audit_event(actor, "meeting.agenda_deleted", item.meeting, context, text=item.text[:80])
        item.delete()


# --- Notes ----------------------------------------------------------------------------------


def meeting_update_notes(
    *,
    actor: Membership,
    meeting: Meeting,
    notes: str,
    decisions: str,
    context: AuditContext | None = None,
) -> Meeting:
    """Notes and decisions (free text): the organiser and attendees write them together."""
    same_workspace(actor, meeting)
    _require_take_part(actor, meeting.series)
    notes, decisions = (notes or "").replace("\x00", ""), (decisions or "").replace("\x00", "")
    errors = {}
    for field, value in (("notes", notes), ("decisions", decisions)):
        if len(value) > MAX_NOTES_LENGTH:
            errors[field] = _("Use at most %(max)d characters (this has %(count)d).") % {
                "max": MAX_NOTES_LENGTH,
                "count": len(value),
            }
    if errors:
        raise ValidationError(errors)
    changed = [
        f for f, v in (("notes", notes), ("decisions", decisions)) if getattr(meeting, f) != v
    ]
    if changed:
        with transaction.atomic():
            meeting.notes, meeting.decisions = notes, decisions
            meeting.save(update_fields=[*changed, "updated_at"])
            audit_event(actor, "meeting.notes_updated", meeting, context, fields=changed)
    return meeting


def meeting_mark_held(
    *, actor: Membership, meeting: Meeting, context: AuditContext | None = None
) -> Meeting:
    """The meeting took place; its notes are final. The organiser or managers+; not before
    it started."""
    same_workspace(actor, meeting)
    if not may_manage(actor, meeting.series):
        raise PermissionDenied(_("Only the organiser can mark the meeting as held."))
    now = timezone.now()
    if meeting.starts_at > now:
        raise ValidationError(_("This meeting has not started yet."))
    if meeting.held_at is None:
        with transaction.atomic():
            meeting.held_at = now
            meeting.save(update_fields=["held_at", "updated_at"])
            audit_event(actor, "meeting.held", meeting, context)
    return meeting
