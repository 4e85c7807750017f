"""Forms for the tasks pages: they parse input into the services' keyword arguments.

Rules that need the database (cycles, keys in use, who may do what) are the services'; the
views attach their ValidationErrors beside the fields with `add_service_errors`.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.org.models import Department, Seat
from keel.tasks.models import Label, Priority, Project, Section, Status, Visibility

# --- Fast selects --------------------------------------------------------------------------
# Django renders every <option> through the template engine (select_option.html + attrs.html):
# about 0.4 ms per option. The assignee and follower selects list every member and seat (250+
# options each on the benchmark's data set), so the task page, list and board spent most of
# their time there. These widgets write the same markup in Python (~15× faster).


def _attrs(attrs: dict[str, Any]) -> SafeString:
    """attrs.html in Python: in order, True as a bare name, False left out."""
    out = []
    for name, value in attrs.items():
        if value is True:
            out.append(format_html(" {}", name))
        elif value is not False:
            out.append(format_html(' {}="{}"', name, str(value)))
    return mark_safe("".join(out))


def _select_html(widget: forms.Select, name: str, value: Any, attrs: Any) -> SafeString:
    """Select.get_context() + select.html, without building a context dict per option."""
    final = widget.build_attrs(widget.attrs, attrs)
    if widget.allow_multiple_selected:
        final["multiple"] = True
    values = widget.format_value(value)
    parts = [format_html('<select name="{}"{}>', name, _attrs(final))]
    has_selected = False
    selected_attr = mark_safe(" selected")
    for option_value, option_label in widget.choices:
        if isinstance(option_label, (list, tuple)):
            group_name, choices = option_value, option_label
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        else:
            group_name = None
            choices = [("" if option_value is None else option_value, option_label)]
        for subvalue, sublabel in choices:
            selected = (not has_selected or widget.allow_multiple_selected) and str(
                subvalue
            ) in values
            has_selected |= selected
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(subvalue), selected_attr if selected else "", sublabel,
                )
            )  # fmt: skip
        if group_name:
            parts.append(mark_safe("\n  </optgroup>"))
    parts.append(mark_safe("\n</select>"))
    return mark_safe("".join(parts))


class FastSelect(forms.Select):
    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        return _select_html(self, name, value, attrs)


class FastSelectMultiple(forms.SelectMultiple):
    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        return _select_html(self, name, value, attrs)


def use_fast_selects(form: forms.BaseForm) -> None:
    """Swap the plain Select/SelectMultiple widgets of `form` for the fast ones (same state,
    same markup: the classes only override render())."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            field.widget.__class__ = FastSelect
        elif type(field.widget) is forms.SelectMultiple:
            field.widget.__class__ = FastSelectMultiple


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


class MembersChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


def members_of(workspace: Any) -> Any:
    return (
        Membership.objects.filter(workspace=workspace, offboarded_at__isnull=True)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


class Pickers:
    """The options of a page's pickers, each loaded at most once per page.

    The list page shows the filter form and the bulk-edit form, both with an assignee picker
    (every member and seat) and a label picker. Forms given the same Pickers share its
    lists; ModelChoiceFields are rendered from them too, because iterating their querysets
    would run the query again (on PostgreSQL as a server-side cursor: three round trips).
    """

    def __init__(self, workspace: Any, project: Project | None = None) -> None:
        self.workspace = workspace
        self.project = project

    @cached_property
    def people(self) -> list[tuple[int, str]]:
        """(membership id, display name) of the active members, in members_of()'s order."""
        rows = members_of(self.workspace).values_list("pk", "user__full_name", "user__email")
        return [(pk, name or email.split("@")[0]) for pk, name, email in rows]

    @cached_property
    def seats(self) -> list[tuple[str, str]]:
        rows = Seat.objects.filter(workspace=self.workspace).order_by("title")
        return [(f"s:{pk}", title) for pk, title in rows.values_list("id", "title")]

    @cached_property
    def sections(self) -> list[Section]:
        return list(Section.objects.filter(project=self.project)) if self.project else []

    @cached_property
    def labels(self) -> list[tuple[int, str]]:
        rows = Label.objects.filter(workspace=self.workspace).order_by("name")
        return list(rows.values_list("id", "name"))


def assignee_choices(
    workspace: Any, *, blank: Any = "", pickers: Pickers | None = None
) -> list[tuple[Any, Any]]:
    """One picker for people and seats: "m:<id>" for a member, "s:<id>" for a seat."""
    pickers = pickers or Pickers(workspace)
    people = [(f"m:{pk}", name) for pk, name in pickers.people]
    seats = pickers.seats
    choices: list[tuple[Any, Any]] = [("", blank or _("Nobody"))]
    if people:
        choices.append((_("People"), people))
    if seats:
        choices.append((_("Seats"), seats))
    return choices


def parse_assignee(value: str, workspace: Any) -> tuple[Membership | None, Seat | None]:
    """ "m:3" → (member 3, None); "s:5" → (None, seat 5); "" → (None, None)."""
    if not value:
        return None, None
    kind, _sep, raw = value.partition(":")
    if not raw.isdigit():
        raise forms.ValidationError(_("Choose a person or a seat from the list."))
    if kind == "m":
        member = members_of(workspace).filter(pk=int(raw)).first()
        if member is not None:
            return member, None
    elif kind == "s":
        seat = Seat.objects.filter(workspace=workspace, pk=int(raw)).first()
        if seat is not None:
            return None, seat
    raise forms.ValidationError(_("Choose a person or a seat from the list."))


def assignee_value(task: Any) -> str:
    if task.assignee_id:
        return f"m:{task.assignee_id}"
    if task.assignee_seat_id:
        return f"s:{task.assignee_seat_id}"
    return ""


def combine(day: datetime.date | None, time: datetime.time | None) -> Any:
    """A day alone stays a date; a day with a time becomes an aware datetime (member's zone)."""
    if day is None:
        return None
    if time is None:
        return day
    return timezone.make_aware(datetime.datetime.combine(day, time))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


# --- Projects --------------------------------------------------------------------------------


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    key = forms.RegexField(
        label=_("Key"), regex=r"^[A-Z]{2,6}$", max_length=6,
        help_text=_("2–6 capital letters; tasks read KEY-42."),
        error_messages={"invalid": _("Use 2–6 capital letters A–Z, e.g. MKT.")},
    )  # fmt: skip
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False,
        empty_label=_("No department"),
    )  # fmt: skip
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(), required=False,
        empty_label=_("No group"),
        help_text=_("Progress updates for this project can be sent to this group."),
    )  # fmt: skip
    owner_seat = forms.ModelChoiceField(
        label=_("Owner seat"), queryset=Seat.objects.none(), required=False,
        empty_label=_("No seat"),
    )  # fmt: skip
    visibility = forms.ChoiceField(label=_("Who can see it"), choices=Visibility.choices)
    members = MembersChoiceField(
        label=_("Members"), queryset=Membership.objects.none(), required=False,
        help_text=_("Assistants and guests see only projects they are a member of."),
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Any, project: Project | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["department"].queryset = Department.objects.filter(  # type: ignore[attr-defined]
            workspace=workspace
        ).order_by("name")
        self.fields["group"].queryset = Group.objects.filter(  # type: ignore[attr-defined]
            workspace=workspace
        ).order_by("name")
        self.fields["owner_seat"].queryset = Seat.objects.filter(  # type: ignore[attr-defined]
            workspace=workspace
        ).order_by("title")
        self.fields["members"].queryset = members_of(workspace)  # type: ignore[attr-defined]
        use_fast_selects(self)
        if project is not None:
            del self.fields["members"]  # edited on the settings page's own form
            if not self.is_bound:
                self.initial.update(
                    name=project.name, key=project.key, description=project.description,
                    department=project.department_id, group=project.group_id,
                    owner_seat=project.owner_seat_id, visibility=project.visibility,
                )  # fmt: skip

    def clean_key(self) -> str:
        return str(self.cleaned_data["key"]).upper()


class ProjectMembersForm(forms.Form):
    members = MembersChoiceField(
        label=_("Members"), queryset=Membership.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["members"].queryset = members_of(workspace)  # type: ignore[attr-defined]


class SectionForm(forms.Form):
    name = forms.CharField(label=_("Section name"), max_length=80)


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
