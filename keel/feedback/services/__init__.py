"""The feedback app's services (writes); see docs/feedback.md. Callers write
`from keel.feedback import services` and `services.report_submit(...)`."""

from keel.feedback.services.agenda import (
    agenda_item_add,
    agenda_item_delete,
    agenda_item_reopen,
    agenda_item_resolve,
    meeting_mark_held,
    meeting_update_notes,
    next_meeting,
)
from keel.feedback.services.form_questions import (
    QuestionChanges,
    question_add,
    question_move,
    question_remove,
    question_update,
)
from keel.feedback.services.forms import (
    UNSET,
    FormChanges,
    audience_set,
    form_archive,
    form_create,
    form_restore,
    form_update,
    workspace_today,
)
from keel.feedback.services.meeting_people import attendees_of
from keel.feedback.services.meetings import (
    attendees_set,
    series_create,
    series_stop,
    series_update,
)
from keel.feedback.services.reports import can_edit, report_start, report_state, report_submit

__all__ = [
    "UNSET",
    "FormChanges",
    "QuestionChanges",
    "agenda_item_add",
    "agenda_item_delete",
    "agenda_item_reopen",
    "agenda_item_resolve",
    "attendees_of",
    "attendees_set",
    "audience_set",
    "can_edit",
    "form_archive",
    "form_create",
    "form_restore",
    "form_update",
    "meeting_mark_held",
    "meeting_update_notes",
    "next_meeting",
    "question_add",
    "question_move",
    "question_remove",
    "question_update",
    "report_start",
    "report_state",
    "report_submit",
    "series_create",
    "series_stop",
    "series_update",
    "workspace_today",
]
