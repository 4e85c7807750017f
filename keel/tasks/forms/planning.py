"""Forms of the planning pages: recurring series, status updates, summaries, calendar feeds.

They only parse input; the rules (valid RRULE, who may do what) are the services'.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.tasks.forms.fields import assignee_choices, assignee_value, members_of, parse_assignee
from keel.tasks.models import (
    Priority,
    ProgressStatus,
    Project,
    Recurrence,
    RecurrenceMode,
    Section,
)
from keel.tasks.recurrence import Preset, preset_fields
from keel.ui.timezones import timezone_choices
from keel.ui.widgets import IsoDateInput, IsoTimeInput

WEEKDAY_CHOICES = [
    ("MO", _("Monday")), ("TU", _("Tuesday")), ("WE", _("Wednesday")), ("TH", _("Thursday")),
    ("FR", _("Friday")), ("SA", _("Saturday")), ("SU", _("Sunday")),
]  # fmt: skip
PRESET_CHOICES = [
    (Preset.DAILY, _("Every day")),
    (Preset.WEEKDAYS, _("Every weekday (Monday to Friday)")),
    (Preset.WEEKLY, _("Every week on the days chosen below")),
    (Preset.MONTHLY_DAY, _("Every month on day…")),
    (Preset.MONTHLY_LAST_DAY, _("Every month on the last day")),
    (Preset.MONTHLY_LAST_WEEKDAY, _("Every month on the last… (e.g. last Friday)")),
    (Preset.YEARLY, _("Every year on the start date")),
    (Preset.CUSTOM, _("Custom rule (RFC 5545 RRULE)")),
]
PERIOD_CHOICES = [("day", _("Day")), ("week", _("Week")), ("month", _("Month"))]


class RecurrenceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    preset = forms.ChoiceField(
        label=_("Repeats"), choices=PRESET_CHOICES, widget=forms.RadioSelect, initial=Preset.WEEKLY
    )
    weekdays = forms.MultipleChoiceField(
        label=_("Days of the week"), choices=WEEKDAY_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    month_day = forms.IntegerField(
        label=_("Day of the month"), min_value=1, max_value=31, required=False,
        help_text=_("Months without this day are skipped; choose “last day” for month-end."),
    )  # fmt: skip
    weekday = forms.ChoiceField(
        label=_("Last weekday of the month"), choices=WEEKDAY_CHOICES, required=False,
        initial="FR",
    )  # fmt: skip
    interval = forms.IntegerField(label=_("Every"), min_value=1, max_value=1000, initial=1,
                                  help_text=_("1 = every period, 2 = every other…"))  # fmt: skip
    rrule = forms.CharField(
        label=_("Custom rule"), required=False, max_length=500,
        help_text=_("For example FREQ=MONTHLY;BYDAY=1MO (first Monday). No DTSTART."),
    )  # fmt: skip
    dtstart_date = forms.DateField(label=_("First date"), widget=IsoDateInput())
    dtstart_time = forms.TimeField(
        label=_("Time"), required=False, widget=IsoTimeInput(),
        help_text=_("Leave empty for an all-day task."),
    )  # fmt: skip
    timezone = forms.ChoiceField(label=_("Time zone"))
    mode = forms.ChoiceField(
        label=_("Mode"), choices=RecurrenceMode.choices, widget=forms.RadioSelect,
        initial=RecurrenceMode.SCHEDULE,
    )  # fmt: skip
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none(),
                                     required=False, empty_label=_("No section"))  # fmt: skip
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int,
                                      initial=Priority.NONE)  # fmt: skip
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["timezone"].choices = timezone_choices()  # type: ignore[attr-defined]
        self.fields["timezone"].initial = project.workspace.timezone
        self.fields["assignee"].choices = assignee_choices(project.workspace)  # type: ignore[attr-defined]
        self.fields["section"].queryset = Section.objects.filter(project=project)  # type: ignore[attr-defined]

    def clean_assignee(self) -> tuple[Membership | None, Any]:
        return parse_assignee(self.cleaned_data.get("assignee") or "", self.project.workspace)


def recurrence_initial(rec: Recurrence, start: datetime.datetime) -> dict[str, Any]:
    """RecurrenceForm values for editing `rec`; `start` is its first local wall-clock start.

    The preset is read back from the stored rule when a preset builds exactly that rule,
    otherwise the form shows "Custom rule" with the RRULE text.
    """
    return {
        **preset_fields(rec.rrule),
        "title": rec.title, "description": rec.description, "mode": rec.mode,
        "dtstart_date": start.date(), "dtstart_time": None if rec.all_day else start.time(),
        "timezone": rec.timezone, "assignee": assignee_value(rec), "section": rec.section_id,
        "priority": rec.priority,
    }  # fmt: skip


class StatusUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=ProgressStatus.choices, widget=forms.RadioSelect,
        initial=ProgressStatus.ON_TRACK,
    )  # fmt: skip
    text = forms.CharField(
        label=_("Update"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown: what moved, what is stuck, what comes next."),
    )  # fmt: skip


class SummaryForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), required=False,
        empty_label=_("Choose a project"),
    )  # fmt: skip
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Membership.objects.none(), required=False,
        empty_label=_("Choose a member"),
    )  # fmt: skip
    period = forms.ChoiceField(label=_("Period"), choices=PERIOD_CHOICES, initial="day",
                               widget=forms.RadioSelect)  # fmt: skip
    group = forms.ModelChoiceField(label=_("Send to group"), queryset=Group.objects.none(),
                                   required=False, empty_label=_("Choose a group"))  # fmt: skip

    def __init__(self, *args: Any, actor: Membership, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
        self.fields["person"].queryset = members_of(actor.workspace)  # type: ignore[attr-defined]
        self.fields["person"].label_from_instance = lambda m: m.user.display_name  # type: ignore[attr-defined]
        self.fields["group"].queryset = Group.objects.filter(workspace=actor.workspace).order_by(  # type: ignore[attr-defined]
            "name"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("project")) == bool(data.get("person")):
            raise forms.ValidationError(_("Choose a project or a person (one of them)."))
        return data


class FeedForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Calendar of"), queryset=Project.objects.none(), required=False,
        empty_label=_("My tasks (assigned to me or my seats)"),
    )  # fmt: skip

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
