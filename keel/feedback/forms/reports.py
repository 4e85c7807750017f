"""The report a writer fills in: one field per live question, named f"q{question.id}".

The fields only shape the page (inputs, radios, the mood faces); the service
(`services.report_submit`) checks every answer by its question's kind and puts its messages
beside these same field names.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.feedback.models import Question, QuestionKind

MOOD_FACES = ("😞", "🙁", "😐", "🙂", "😄")
MOOD_LABELS = (
    pgettext_lazy("mood", "Very bad"),
    pgettext_lazy("mood", "Bad"),
    pgettext_lazy("mood", "Okay"),
    pgettext_lazy("mood", "Good"),
    pgettext_lazy("mood", "Very good"),
)
SCALE_LABELS = (_("1 – lowest"), "2", "3", "4", _("5 – highest"))


def mood_choices() -> list[tuple[str, Any]]:
    """1..5 with a face each, and the words for screen readers (the face is hidden from them)."""
    return [
        (str(n), format_html('<span class="mood-face" aria-hidden="true">{}</span>'
                             '<span class="visually-hidden">{}</span>', face, label))
        for n, face, label in zip(range(1, 6), MOOD_FACES, MOOD_LABELS, strict=True)
    ]  # fmt: skip


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def _field(question: Question) -> forms.Field:
    common: dict[str, Any] = {"label": question.prompt, "help_text": question.help,
                              "required": question.required}  # fmt: skip
    messages = {"required": _("This question needs an answer.")}
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(max_length=300, error_messages=messages, **common)
    if kind == QuestionKind.LONG_TEXT:
        area = forms.Textarea(attrs={"rows": 5})
        return forms.CharField(widget=area, max_length=10_000, strip=False,
                               error_messages=messages, **common)  # fmt: skip
    if kind == QuestionKind.MOOD:
        return forms.ChoiceField(choices=mood_choices(), widget=forms.RadioSelect,
                                 error_messages=messages, **common)  # fmt: skip
    if kind == QuestionKind.SCALE:
        choices = [(str(n), label) for n, label in zip(range(1, 6), SCALE_LABELS, strict=True)]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect,
                                 error_messages=messages, **common)  # fmt: skip
    if kind == QuestionKind.YES_NO:
        choices = [("yes", _("Yes")), ("no", _("No"))]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect,
                                 error_messages=messages, **common)  # fmt: skip
    if kind == QuestionKind.NUMBER:
        # Text, not type=number: the service reads "1,200.50" and explains what it refuses.
        number = forms.TextInput(attrs={"inputmode": "decimal"})
        return forms.CharField(widget=number, max_length=40, error_messages=messages, **common)
    options: list[tuple[str, Any]] = [(str(c), str(c)) for c in question.choices or []]
    if len(options) <= 5:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect,
                                 error_messages=messages, **common)  # fmt: skip
    options = [("", _("Choose…")), *options]
    return forms.ChoiceField(choices=options, widget=forms.Select, error_messages=messages,
                             **common)  # fmt: skip


class ReportAnswersForm(forms.Form):
    """Built from the form's live questions, in their order."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = _field(question)

    def answers(self) -> dict[int, Any]:
        """question id → the value written (for `services.report_submit`)."""
        data = self.cleaned_data
        return {q.pk: data.get(field_name(q)) for q in self.questions}
