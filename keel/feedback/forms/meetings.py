"""Forms of the meeting pages. They only parse input; the rules are the services'.

The schedule fields reuse the tasks app's recurrence choices (presets, weekdays) so a meeting
series is scheduled exactly like a recurring task.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.feedback.models import MeetingKind, MeetingSeries
from keel.org.models import Seat
from keel.tasks.access import can_edit_in_project
from keel.tasks.forms.fields import assignee_choices, members_of, parse_assignee
from keel.tasks.forms.planning import PRESET_CHOICES, WEEKDAY_CHOICES
from keel.tasks.models import Project
from keel.tasks.recurrence import Preset, preset_fields
from keel.ui.timezones import timezone_choices
from keel.ui.widgets import IsoDateInput, IsoTimeInput

KIND_CHOICES = [
    (MeetingKind.REVIEW, _("Monthly review")),
    (MeetingKind.TEAM, _("Team meeting")),
    (MeetingKind.ONE_ON_ONE, _("1:1")),
    (MeetingKind.OTHER, _("Other")),
]


def _member_label(member: Membership) -> str:
    return member.user.display_name


class SeriesForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=KIND_CHOICES, widget=forms.RadioSelect, initial=MeetingKind.TEAM
    )
    description = forms.CharField(
        label=_("Purpose"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    preset = forms.ChoiceField(
        label=_("Repeats"), choices=PRESET_CHOICES, widget=forms.RadioSelect, initial=Preset.WEEKLY
    )
    weekdays = forms.MultipleChoiceField(
        label=_("Days of the week"),
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    month_day = forms.IntegerField(
        label=_("Day of the month"), min_value=1, max_value=31, required=False
    )
    weekday = forms.ChoiceField(
        label=_("Last weekday of the month"), choices=WEEKDAY_CHOICES, required=False, initial="FR"
    )
    interval = forms.IntegerField(
        label=_("Every"),
        min_value=1,
        max_value=1000,
        initial=1,
        help_text=_("1 = every period, 2 = every other…"),
    )
    rrule = forms.CharField(
        label=_("Custom rule"),
        required=False,
        max_length=500,
        help_text=_("For example FREQ=MONTHLY;BYDAY=1MO (first Monday). No DTSTART."),
    )
    dtstart_date = forms.DateField(label=_("First meeting"), widget=IsoDateInput())
    dtstart_time = forms.TimeField(
        label=_("Time"), widget=IsoTimeInput(), initial=datetime.time(10, 0)
    )
    timezone = forms.ChoiceField(label=_("Time zone"))
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=5, max_value=600, initial=30
    )
    call_url = forms.CharField(
        label=_("Call link"),
        required=False,
        max_length=500,
        help_text=_(
            "Zoom, Teams, Skype or any other https:// link, for people who join from elsewhere."
        ),
    )
    organizer = forms.ChoiceField(
        label=_("Organiser"),
        required=False,
        help_text=_("A seat: whoever holds it runs the meeting."),
    )
    report = forms.ChoiceField(
        label=_("1:1 with"),
        required=False,
        help_text=_("For a 1:1 only. A seat: its new holder inherits the 1:1."),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("People"), required=False, queryset=Membership.objects.none()
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("Groups"), required=False, queryset=Group.objects.none()
    )
    seats = forms.ModelMultipleChoiceField(
        label=_("Seats"), required=False, queryset=Seat.objects.none()
    )
    project = forms.ModelChoiceField(
        label=_("Project for action items"),
        required=False,
        queryset=Project.objects.none(),
        empty_label=_("The “Meetings” project"),
    )

    def __init__(self, *args: Any, actor: Membership, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ws = actor.workspace
        self.workspace = ws
        self.fields["timezone"].choices = timezone_choices()  # type: ignore[attr-defined]
        self.fields["timezone"].initial = ws.timezone
        self.fields["organizer"].choices = assignee_choices(ws, blank=_("Me"))  # type: ignore[attr-defined]
        self.fields["report"].choices = assignee_choices(ws, blank=_("Nobody"))  # type: ignore[attr-defined]
        members = self.fields["members"]
        members.queryset = members_of(ws)  # type: ignore[attr-defined]
        members.label_from_instance = _member_label  # type: ignore[attr-defined]
        self.fields["groups"].queryset = Group.objects.filter(workspace=ws).order_by("name")  # type: ignore[attr-defined]
        seats = self.fields["seats"]
        seats.queryset = Seat.objects.filter(workspace=ws).today().order_by("title")  # type: ignore[attr-defined]
        projects = [
            p.pk
            for p in Project.objects.in_workspace(ws).filter(archived_at__isnull=True)
            if can_edit_in_project(actor, p)
        ]
        self.fields["project"].queryset = Project.objects.filter(pk__in=projects)  # type: ignore[attr-defined]
        if editing:
            for name in ("kind", "organizer", "report", "members", "groups", "seats", "project"):
                del self.fields[name]

    def clean_organizer(self) -> tuple[Membership | None, Seat | None]:
        return parse_assignee(self.cleaned_data.get("organizer") or "", self.workspace)

    def clean_report(self) -> tuple[Membership | None, Seat | None]:
        return parse_assignee(self.cleaned_data.get("report") or "", self.workspace)

    def service_kwargs(self) -> dict[str, Any]:
        """cleaned_data as series_create / series_update keyword arguments."""
        data = dict(self.cleaned_data)
        start = datetime.datetime.combine(data.pop("dtstart_date"), data.pop("dtstart_time"))
        out: dict[str, Any] = {
            "title": data["title"],
            "description": data.get("description", ""),
            "preset": data["preset"],
            "weekdays": data.get("weekdays") or [],
            "month_day": data.get("month_day"),
            "weekday": data.get("weekday") or None,
            "interval": data.get("interval") or 1,
            "rrule": data.get("rrule", ""),
            "dtstart_local": start,
            "timezone_name": data["timezone"],
            "duration_minutes": data["duration_minutes"],
            "call_url": data.get("call_url", ""),
        }
        if "kind" in self.fields:
            organizer, organizer_seat = data.get("organizer") or (None, None)
            report, report_seat = data.get("report") or (None, None)
            out.update(
                kind=data["kind"],
                organizer=organizer,
                organizer_seat=organizer_seat,
                report_member=report,
                report_seat=report_seat,
                members=list(data.get("members") or []),
                groups=list(data.get("groups") or []),
                seats=list(data.get("seats") or []),
                project=data.get("project"),
            )
        return out


def series_initial(series: MeetingSeries) -> dict[str, Any]:
    start = series.dtstart_local.replace(tzinfo=None)
    return {
        **preset_fields(series.rrule),
        "title": series.title,
        "description": series.description,
        "dtstart_date": start.date(),
        "dtstart_time": start.time(),
        "timezone": series.timezone,
        "duration_minutes": series.duration_minutes,
        "call_url": series.call_url,
    }


class AttendeesForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("People"), required=False, queryset=Membership.objects.none()
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("Groups"), required=False, queryset=Group.objects.none()
    )
    seats = forms.ModelMultipleChoiceField(
        label=_("Seats"), required=False, queryset=Seat.objects.none()
    )

    def __init__(self, *args: Any, workspace: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members_of(workspace)  # type: ignore[attr-defined]
        self.fields["members"].label_from_instance = _member_label  # type: ignore[attr-defined]
        self.fields["groups"].queryset = Group.objects.filter(workspace=workspace)  # type: ignore[attr-defined]
        self.fields["seats"].queryset = Seat.objects.filter(workspace=workspace).today()  # type: ignore[attr-defined]


class AgendaItemForm(forms.Form):
    text = forms.CharField(label=_("New agenda item"), max_length=500)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300, required=False)
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=Membership.objects.none(), empty_label=_("Choose who does it")
    )
    due = forms.DateField(label=_("Due"), required=False, widget=IsoDateInput())

    def __init__(
        self, *args: Any, workspace: Any, require_title: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members_of(workspace)  # type: ignore[attr-defined]
        self.fields["owner"].label_from_instance = _member_label  # type: ignore[attr-defined]
        self.fields["title"].required = require_title
