"""Forms of the task page and its parts: quick add, the task form, description, status,
subtasks, dependencies, comments and attachments.

Rules that need the database (cycles, who may do what) are the services'; the views put their
ValidationErrors beside the fields.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership
from keel.tasks.forms.fields import (
    DateInput,
    MembersChoiceField,
    Pickers,
    TimeInput,
    assignee_choices,
    assignee_value,
    combine,
    members_of,
    parse_assignee,
    use_fast_selects,
)
from keel.tasks.models import Label, Priority, Project, Section, Status

# --- Tasks -----------------------------------------------------------------------------------


class QuickAddForm(forms.Form):
    title = forms.CharField(label=_("New task"), max_length=300)
    section = forms.IntegerField(required=False, widget=forms.HiddenInput)


class TaskForm(forms.Form):
    """Create and edit. Dates are a day plus an optional time of day (member's zone)."""

    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: **bold**, _italic_, lists, links. @name mentions a member."),
    )  # fmt: skip
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.none(), required=False,
        empty_label=_("No section"),
    )  # fmt: skip
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    start_date = forms.DateField(label=_("Start"), required=False, widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), required=False, widget=TimeInput())
    due_date = forms.DateField(label=_("Due"), required=False, widget=DateInput())
    due_time = forms.TimeField(label=_("Due time"), required=False, widget=TimeInput())
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, initial=0
    )
    labels = forms.ModelMultipleChoiceField(
        label=_("Labels"), queryset=Label.objects.none(), required=False
    )
    followers = MembersChoiceField(
        label=_("Followers"), queryset=Membership.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        project: Project,
        task: Any = None,
        edit: bool = False,
        pickers: Pickers | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        ws = project.workspace
        self.workspace = ws
        pickers = pickers or Pickers(ws, project)
        # Querysets validate a submission; the pickers' lists render the options.
        section = self.fields["section"]
        section.queryset = Section.objects.filter(project=project)  # type: ignore[attr-defined]
        section.choices = [("", section.empty_label),  # type: ignore[attr-defined]
                           *[(s.pk, s.name) for s in pickers.sections]]  # fmt: skip
        self.fields["assignee"].choices = assignee_choices(ws, pickers=pickers)  # type: ignore[attr-defined]
        labels = self.fields["labels"]
        labels.queryset = Label.objects.filter(workspace=ws)  # type: ignore[attr-defined]
        labels.choices = pickers.labels  # type: ignore[attr-defined]
        followers = self.fields["followers"]
        followers.queryset = members_of(ws)  # type: ignore[attr-defined]
        followers.choices = pickers.people  # type: ignore[attr-defined]
        use_fast_selects(self)
        if edit:
            # The description has its own form on the task page; the rest is one form.
            del self.fields["description"]
        if task is not None and not self.is_bound:
            local = timezone.localtime
            self.initial.update(
                title=task.title, section=task.section_id, assignee=assignee_value(task),
                start_date=task.start_date, due_date=task.due_date, priority=task.priority,
                start_time=local(task.start_at).time() if task.start_at else None,
                due_time=local(task.due_at).time() if task.due_at else None,
                labels=[label.pk for label in task.labels.all()],
                followers=[f.pk for f in task.followers.all()],
            )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            data["assignee_member"], data["assignee_seat"] = parse_assignee(
                data.get("assignee") or "", self.workspace
            )
        except forms.ValidationError as error:
            self.add_error("assignee", error)
        for prefix in ("start", "due"):
            if data.get(f"{prefix}_time") and not data.get(f"{prefix}_date"):
                self.add_error(f"{prefix}_date", _("Choose a day for this time."))
        start, due = data.get("start_date"), data.get("due_date")
        if start and due:
            if due < start:
                self.add_error("due_date", _("The due date is before the start date."))
            elif (
                due == start
                and data.get("start_time")
                and data.get("due_time")
                and data["due_time"] < data["start_time"]
            ):
                self.add_error("due_time", _("The due time is before the start time."))
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        kwargs = {
            "title": d["title"],
            "section": d.get("section"),
            "assignee": d.get("assignee_member"),
            "assignee_seat": d.get("assignee_seat"),
            "start": combine(d.get("start_date"), d.get("start_time")),
            "due": combine(d.get("due_date"), d.get("due_time")),
            "priority": d.get("priority") or 0,
            "labels": list(d.get("labels") or []),
            "followers": list(d.get("followers") or []),
        }
        if "description" in self.fields:
            kwargs["description"] = d.get("description") or ""
        return kwargs


class DescriptionForm(forms.Form):
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, _italic_, lists, links. @name mentions a member."),
    )  # fmt: skip


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


class SubtaskForm(forms.Form):
    title = forms.CharField(label=_("New subtask"), max_length=300)


class DependencyForm(forms.Form):
    blocked_by = forms.CharField(
        label=_("Blocked by"), max_length=20,
        help_text=_("The task's key and number, e.g. MKT-12, or its number in this project."),
    )  # fmt: skip

    def __init__(self, *args: Any, project: Project, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.project = project

    def clean_blocked_by(self) -> Any:
        from keel.tasks.models import Task

        raw = self.cleaned_data["blocked_by"].strip().upper()
        key, _sep, number = raw.rpartition("-")
        if not number.isdigit():
            raise forms.ValidationError(_("Write the task as KEY-NUMBER, e.g. MKT-12."))
        tasks = Task.objects.filter(workspace=self.project.workspace, number=int(number))
        tasks = tasks.filter(project__key=key) if key else tasks.filter(project=self.project)
        task = tasks.select_related("project").first()
        if task is None:
            raise forms.ValidationError(_("No task %(ref)s was found.") % {"ref": raw})
        return task


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Markdown. Type @ and a name to mention someone; they get a notification."),
    )  # fmt: skip


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Attach a file"))
