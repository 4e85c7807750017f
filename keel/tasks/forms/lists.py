"""Forms for the task list: filters and sorts, bulk edit and saved filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.tasks.forms.fields import (
    DateInput,
    Pickers,
    assignee_choices,
    parse_assignee,
    use_fast_selects,
)
from keel.tasks.models import Label, Project, Section, Status

# --- Lists -----------------------------------------------------------------------------------

# Sorts the list can page by keyset (each has an index; see selectors.LIST_SORT_FIELDS).
SORTS = ("number", "title", "due_date", "priority", "status", "updated")
GROUPS = (
    ("", _("No grouping")),
    ("section", _("Section")),
    ("assignee", _("Assignee")),
    ("status", _("Status")),
)


class TaskFilterForm(forms.Form):
    q = forms.CharField(label=_("Text"), required=False, max_length=200)
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    label = forms.ModelChoiceField(
        label=_("Label"), queryset=Label.objects.none(), required=False, empty_label=_("Any")
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("Any")), ("open", _("Not done")), *Status.choices],
    )  # fmt: skip
    due_from = forms.DateField(label=_("Due from"), required=False, widget=DateInput())
    due_to = forms.DateField(label=_("Due until"), required=False, widget=DateInput())
    group = forms.ChoiceField(label=_("Group by"), required=False, choices=GROUPS)

    PARAMS = ("q", "assignee", "label", "status", "due_from", "due_to", "group")

    def __init__(
        self, *args: Any, workspace: Any, pickers: Pickers | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.workspace = workspace
        pickers = pickers or Pickers(workspace)
        self.fields["assignee"].choices = assignee_choices(  # type: ignore[attr-defined]
            workspace, blank=_("Anyone"), pickers=pickers
        )
        label = self.fields["label"]
        label.queryset = Label.objects.filter(workspace=workspace)  # type: ignore[attr-defined]
        label.choices = [("", label.empty_label), *pickers.labels]  # type: ignore[attr-defined]
        use_fast_selects(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("due_from") and data.get("due_to") and data["due_to"] < data["due_from"]:
            self.add_error("due_to", _("The end of the range is before its start."))
        try:
            data["assignee_member"], data["assignee_seat"] = parse_assignee(
                data.get("assignee") or "", self.workspace
            )
        except forms.ValidationError as error:
            self.add_error("assignee", error)
        return data


BULK_KEEP = "__keep__"


class BulkEditForm(forms.Form):
    tasks = forms.ModelMultipleChoiceField(queryset=Label.objects.none())
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Keep status")), *Status.choices]
    )
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    due = forms.DateField(label=_("Due"), required=False, widget=DateInput())
    clear_due = forms.BooleanField(label=_("Clear due date"), required=False)
    add_label = forms.ModelChoiceField(
        label=_("Add label"), queryset=Label.objects.none(), required=False,
        empty_label=_("No label"),
    )  # fmt: skip

    def __init__(
        self,
        *args: Any,
        project: Project,
        tasks_qs: Any,
        pickers: Pickers | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        ws = project.workspace
        self.workspace = ws
        self.project = project
        pickers = pickers or Pickers(ws, project)
        self.fields["tasks"].queryset = tasks_qs  # type: ignore[attr-defined]
        self.fields["tasks"].error_messages["required"] = _("Select at least one task.")
        people = assignee_choices(ws, blank=_("Nobody"), pickers=pickers)
        self.fields["assignee"].choices = [  # type: ignore[attr-defined]
            (BULK_KEEP, _("Keep assignee")), *people,
        ]  # fmt: skip
        self.fields["section"].choices = [  # type: ignore[attr-defined]
            (BULK_KEEP, _("Keep section")), ("", _("No section")),
            *[(str(s.pk), s.name) for s in pickers.sections],
        ]  # fmt: skip
        add_label = self.fields["add_label"]
        add_label.queryset = Label.objects.filter(workspace=ws)  # type: ignore[attr-defined]
        add_label.choices = [("", add_label.empty_label), *pickers.labels]  # type: ignore[attr-defined]
        use_fast_selects(self)

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        kwargs: dict[str, Any] = {"tasks": list(d["tasks"])}
        if d.get("status"):
            kwargs["status"] = d["status"]
        assignee = d.get("assignee") or ""
        if assignee != BULK_KEEP:
            member, seat = parse_assignee(assignee, self.workspace)
            kwargs["assignee"], kwargs["assignee_seat"] = member, seat
        section = d.get("section")
        if section != BULK_KEEP:
            kwargs["section"] = (
                Section.objects.filter(project=self.project, pk=int(section)).first()
                if section and section.isdigit()
                else None
            )
        if d.get("clear_due"):
            kwargs["due"] = None
        elif d.get("due"):
            kwargs["due"] = d["due"]
        if d.get("add_label"):
            kwargs["add_labels"] = [d["add_label"]]
        return kwargs


class SavedFilterForm(forms.Form):
    # The service (services.filters) checks again; same messages either way.
    name = forms.CharField(
        label=_("Name this filter"), max_length=80,
        error_messages={"required": _("Give the filter a name."),
                        "max_length": _("Use at most 80 characters.")},
    )  # fmt: skip
    shared = forms.BooleanField(label=_("Share with everyone who sees the project"), required=False)
