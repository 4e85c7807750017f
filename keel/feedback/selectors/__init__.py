"""The feedback app's selectors; see docs/feedback.md."""

from keel.feedback.selectors.forms import (
    FormRow,
    FormsPage,
    can_manage_form,
    can_view_form,
    form_with_questions,
    forms_for_writer,
    forms_page,
    get_form_for,
    get_question_for,
    live_questions,
    writers_by_form,
    writers_of,
    writes_form,
)

__all__ = [
    "FormRow",
    "FormsPage",
    "can_manage_form",
    "can_view_form",
    "form_with_questions",
    "forms_for_writer",
    "forms_page",
    "get_form_for",
    "get_question_for",
    "live_questions",
    "writers_by_form",
    "writers_of",
    "writes_form",
]
