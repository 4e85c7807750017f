"""Forms of the report form builder. They parse input; the rules live in services/forms.py.

Pickers offer only the workspace's members, groups and seats, so another workspace's rows
are refused as invalid choices before a service sees them.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Membership, Workspace
from keel.feedback.models import AnswerVisibility, Frequency, Measure, Prefill, QuestionKind
from keel.org.models import Seat
from keel.ui.widgets import IsoDateInput, IsoTimeInput

TEMPLATE_CHOICES = [
    ("daily", _("Daily report")),
    ("weekly", _("Weekly report")),
    ("", _("Blank form")),
]
LANGUAGE_CHOICES = [("en", "English"), ("zh-hans", "简体中文"), ("zh-hant", "繁體中文")]
WEEKDAY_CHOICES = [
    ("MO", pgettext_lazy("weekday", "Mon")),
    ("TU", pgettext_lazy("weekday", "Tue")),
    ("WE", pgettext_lazy("weekday", "Wed")),
    ("TH", pgettext_lazy("weekday", "Thu")),
    ("FR", pgettext_lazy("weekday", "Fri")),
    ("SA", pgettext_lazy("weekday", "Sat")),
    ("SU", pgettext_lazy("weekday", "Sun")),
]
VISIBILITY_CHOICES = [
    (AnswerVisibility.MANAGERS.value, _("Manager chain only")),
    (AnswerVisibility.TEAM.value, pgettext_lazy("visibility", "Team")),
]
MONTH_DAY_CHOICES: list[tuple[str, Any]] = [
    ("", _("Not monthly")),
    *((str(d), str(d)) for d in range(1, 29)),
    ("-1", _("Last day of the month")),
]


def _members(workspace: Workspace) -> Any:
    return (
        Membership.objects.in_workspace(workspace)
        .active()
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


class _MemberField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


class _OwnerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


class _SeatMixin:
    def label_from_instance(self, obj: Any) -> str:
        holder = obj.holder.user.display_name if obj.holder_id else _("empty")
        return f"{obj.title} — {holder}"


class _SeatField(_SeatMixin, forms.ModelChoiceField):
    pass


class _SeatsField(_SeatMixin, forms.ModelMultipleChoiceField):
    pass


class NewFormForm(forms.Form):
    template = forms.ChoiceField(
        label=_("Start from"), choices=TEMPLATE_CHOICES, required=False,
        widget=forms.RadioSelect,
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language of the questions"), choices=LANGUAGE_CHOICES,
        help_text=_("The questions are written in this language; you can edit them after."),
    )  # fmt: skip
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False,
        help_text=_("Leave empty to keep the template's title."),
    )  # fmt: skip


class DetailsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown to writers above the questions."),
    )  # fmt: skip
    owner = _OwnerField(
        label=_("Owner"), queryset=Membership.objects.none(), required=False,
        empty_label=_("No owner: the managers"),
        help_text=_("A person or a seat who looks after this form besides the managers. "
                    "Choose one or the other."),
    )  # fmt: skip
    owner_seat = _SeatField(
        label=_("Owner seat"), queryset=Seat.objects.none(), required=False,
        empty_label=_("No owner seat"),
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _members(workspace)  # type: ignore[attr-defined]
        self.fields["owner_seat"].queryset = (  # type: ignore[attr-defined]
            Seat.objects.in_workspace(workspace).select_related("holder__user")
        )


class ScheduleForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Frequency.choices)
    weekdays = forms.MultipleChoiceField(
        label=_("Days"), choices=WEEKDAY_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Daily: the days it is due. Weekly: the one day."),
    )  # fmt: skip
    month_day = forms.TypedChoiceField(
        label=_("Day of the month"), choices=MONTH_DAY_CHOICES, required=False, coerce=int,
        empty_value=None, help_text=_("Monthly reports only."),
    )  # fmt: skip
    due_time = forms.TimeField(
        label=_("Due at"), widget=IsoTimeInput(),
        help_text=_("In each writer's own time zone."),
    )  # fmt: skip
    late_window_hours = forms.IntegerField(
        label=_("Late reports accepted for (hours)"), min_value=1, max_value=336
    )
    edit_window_hours = forms.IntegerField(
        label=_("Editable after submitting for (hours)"), min_value=0, max_value=336
    )
    starts_on = forms.DateField(label=_("First report on"), widget=IsoDateInput())


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
    prompt = forms.CharField(label=_("Question"), max_length=400)
    help = forms.CharField(label=_("Help text"), max_length=400, required=False)
    required = forms.BooleanField(label=_("Required"), required=False, initial=True)
    visibility = forms.ChoiceField(
        label=_("Who sees the answers"), choices=VISIBILITY_CHOICES,
        initial=AnswerVisibility.MANAGERS,
        help_text=_("Manager chain only: the writer, the people above them on the chart and "
                    "the owners. Team: also the form's other writers."),
    )  # fmt: skip
    measure = forms.ChoiceField(
        label=_("Measures"), choices=Measure.choices, required=False,
        help_text=_("Mood (mood questions) or workload (1–5 scale questions) feed the trends "
                    "and early warnings."),
    )  # fmt: skip
    prefill = forms.ChoiceField(
        label=_("Pre-filled with"), choices=Prefill.choices, required=False,
        help_text=_("Long text questions only."),
    )  # fmt: skip
    choices = forms.CharField(
        label=_("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Single choice questions: one choice per line, 2 to 20."),
    )  # fmt: skip

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class AudienceForm(forms.Form):
    members = _MemberField(label=_("People"), queryset=Membership.objects.none(),
                           required=False,
                           widget=forms.SelectMultiple(attrs={"size": 8}))  # fmt: skip
    groups = forms.ModelMultipleChoiceField(
        label=_("Groups"), queryset=Group.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
        help_text=_("Everyone in the group writes, including people who join it later."),
    )  # fmt: skip
    seats = _SeatsField(
        label=_("Seats"), queryset=Seat.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Whoever holds the seat writes. An empty seat writes nothing until it is "
                    "filled."),
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = _members(workspace)  # type: ignore[attr-defined]
        self.fields["groups"].queryset = Group.objects.in_workspace(  # type: ignore[attr-defined]
            workspace
        ).order_by("name")
        self.fields["seats"].queryset = (  # type: ignore[attr-defined]
            Seat.objects.in_workspace(workspace)
            .select_related("holder__user")
            .order_by("position", "id")
        )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
