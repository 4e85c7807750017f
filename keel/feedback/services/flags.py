"""Flag a report answer: bring it to the next meeting of a series the writer is in.

The agenda line is neutral (the question and the writer's name); the answer itself stays
private and the agenda shows it only to readers allowed to read it (access.can_read_private).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from keel.core.services import AuditContext, audit_event, same_workspace
from keel.feedback import access
from keel.feedback.models import AgendaItem, AgendaSource, Answer, MeetingKind, MeetingSeries
from keel.feedback.services.agenda import agenda_item_add, next_meeting
from keel.feedback.services.meeting_people import attendee_ids, may_take_part, report_of

if TYPE_CHECKING:
    from keel.core.models import Membership


def series_for_flag(
    *, actor: Membership, author: Membership
) -> tuple[list[MeetingSeries], int | None]:
    """Running series that `actor` takes part in and `author` attends, by title, and the
    default choice: the 1:1 with `author`, if there is one. A few queries per series (a
    workspace has tens of series, not thousands)."""
    candidates = (
        MeetingSeries.objects.in_workspace(actor.workspace)
        .filter(stopped_at__isnull=True)
        .select_related("organizer__user", "organizer_seat", "report_member__user",
                        "report_seat__holder__user")
        .order_by("title", "pk")
    )  # fmt: skip
    chosen = [s for s in candidates if may_take_part(actor, s) and author.pk in attendee_ids(s)]
    default = next(
        (s.pk for s in chosen if s.kind == MeetingKind.ONE_ON_ONE
         and getattr(report_of(s), "pk", None) == author.pk),
        chosen[0].pk if chosen else None,
    )  # fmt: skip
    return chosen, default


def answer_flag(
    *,
    actor: Membership,
    answer: Answer,
    series: MeetingSeries,
    now: datetime | None = None,
    context: AuditContext | None = None,
) -> AgendaItem:
    """Mark `answer` flagged and add it to `series`' next meeting (once per meeting)."""
    same_workspace(actor, answer, series)
    report = answer.report
    author = report.author
    if not access.can_read_private(actor, author):
        raise PermissionDenied(_("Only the writer's managers and the owners can flag this."))
    if not may_take_part(actor, series):
        raise PermissionDenied(_("Only the meeting's attendees and organiser can do this."))
    if author.pk not in attendee_ids(series):
        raise ValidationError({"series": _("%(name)s is not in this meeting.")
                               % {"name": author.user.display_name}})  # fmt: skip
    meeting = next_meeting(series=series, now=now)
    if meeting is None:
        raise ValidationError({"series": _("This meeting series has no upcoming meeting.")})
    existing = AgendaItem.objects.filter(meeting=meeting, answer=answer).first()
    if existing is not None:
        return existing
    text = _("%(question)s — %(name)s, report of %(date)s") % {
        "question": answer.question.prompt[:300],
        "name": author.user.display_name,
        "date": date_format(report.period_date),
    }
    with transaction.atomic():
        answer.flagged_at, answer.flagged_by = now or timezone.now(), actor
        answer.save(update_fields=["flagged_at", "flagged_by", "updated_at"])
        item = agenda_item_add(
            actor=actor, meeting=meeting, text=text[:500], source=AgendaSource.FLAGGED,
            answer=answer, context=context,
        )  # fmt: skip
        audit_event(actor, "feedback.answer_flagged", meeting, context, answer=answer.pk)
    return item
