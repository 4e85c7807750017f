"""Action items: a meeting's follow-ups, each a task (owner, due date) in the series' project.

The task is the truth: its status, owner and due date are read from tasks, so finishing the
task on the board finishes the action item. Open action items of the previous meeting show on
the next one (selectors.meetings).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from keel.core.permissions import has_perm
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.feedback import agenda_feeds
from keel.feedback.models import ActionItem, AgendaItem, Meeting, MeetingSeries
from keel.feedback.services.meeting_people import may_take_part
from keel.feedback.services.meeting_project import meetings_project
from keel.tasks.models import Project
from keel.tasks.services import task_create

if TYPE_CHECKING:
    from keel.core.models import Membership


def _description(meeting: Meeting) -> str:
    series = meeting.series
    from keel.tasks import recurrence as engine

    local = meeting.starts_at.astimezone(engine.zone(series.timezone))
    with translation.override(series.workspace.language):
        return str(
            _("Action item from the meeting “%(title)s” on %(date)s.")
            % {"title": series.title, "date": local.strftime("%Y-%m-%d %H:%M")}
        )


def _project_of(actor: Membership, series: MeetingSeries) -> Project:
    """The series' project; a series without one (its project was deleted) gets the
    workspace's Meetings project, created if the actor may create projects."""
    if series.project is not None:
        return series.project
    project = meetings_project(actor, create=has_perm(actor, "tasks.project_create"))
    if project is None:
        raise ValidationError(
            {
                "owner": _(
                    "This series has no project for action items: ask the organiser to choose one."
                )
            }
        )
    series.project = project
    series.save(update_fields=["project", "updated_at"])
    return project


def action_item_create(
    *,
    actor: Membership,
    meeting: Meeting,
    title: str,
    owner: Membership,
    due: date | None,
    agenda_item: AgendaItem | None = None,
    context: AuditContext | None = None,
) -> ActionItem:
    """A task for `owner` (due `due`) in the series' project, linked to the meeting."""
    same_workspace(actor, meeting, owner, agenda_item)
    series = meeting.series
    if not may_take_part(actor, series):
        raise PermissionDenied(_("Only the meeting's attendees and organiser can do this."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item of this meeting's agenda.")})
    if owner is None:
        raise ValidationError({"owner": _("Choose who does it.")})
    if due is not None and not isinstance(due, date):
        raise ValidationError({"due": _("Enter a valid date.")})
    with transaction.atomic():
        project = _project_of(actor, series)
        try:
            task = task_create(
                actor=actor,
                project=project,
                title=title,
                assignee=owner,
                due=due,
                description=_description(meeting),
                context=context,
            )
        except ValidationError as error:
            # tasks names its fields assignee/due/title: show them on ours.
            raise ValidationError(
                {{"assignee": "owner"}.get(f, f): m for f, m in error.message_dict.items()}
            ) from error
        action = ActionItem.objects.create(
            workspace_id=meeting.workspace_id,
            meeting=meeting,
            agenda_item=agenda_item,
            task=task,
            created_by=actor,
        )
        if agenda_item is not None:
            agenda_item.task = task
            agenda_item.resolved_at = agenda_item.resolved_at or timezone.now()
            agenda_item.save(update_fields=["task", "resolved_at", "updated_at"])
        audit_event(actor, "meeting.action_created", meeting, context, task=task.pk)
    return action


def agenda_item_to_task(
    *,
    actor: Membership,
    item: AgendaItem,
    owner: Membership,
    due: date | None,
    title: str = "",
    context: AuditContext | None = None,
) -> ActionItem:
    """Turn an agenda item into an action item (its text is the task's title unless another
    is given); the item links to the task and counts as resolved."""
    same_workspace(actor, item)
    agenda_feeds.require_shown(actor, item)
    if item.task_id is not None:
        raise ValidationError({"item": _("This item already has a task.")})
    if not title and item.ref_id is not None:
        # A fed item's words (a KPI's figures) only when the task's owner may read them too:
        # else its plain text (the KPI's name) — the task shows to its owner and in search.
        wording = agenda_feeds.shown(owner, [item]).get(item.pk)
        title = wording.text if wording is not None else ""
    return action_item_create(
        actor=actor,
        meeting=item.meeting,
        title=title or item.text,
        owner=owner,
        due=due,
        agenda_item=item,
        context=context,
    )
