"""Forms for projects: settings, members and sections."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership
from keel.org.models import Department, Seat
from keel.tasks.forms.fields import MembersChoiceField, members_of, use_fast_selects
from keel.tasks.models import Project, Visibility

# --- Projects --------------------------------------------------------------------------------


class ProjectKeyField(forms.RegexField):
    """A project key, 2–6 letters A–Z, upper-cased before it is checked: "amz" is AMZ
    (tasks/project_key.js does the same as the user types). Every form that takes a project's
    key uses it (project settings, import into a new project), so they accept the same keys
    and word the error alike."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Key"))
        kwargs.setdefault("help_text", _("2–6 capital letters; tasks read KEY-42."))
        kwargs.setdefault(
            "error_messages", {"invalid": _("Use 2–6 capital letters A–Z, e.g. MKT.")}
        )
        super().__init__(regex=r"^[A-Z]{2,6}$", max_length=6, strip=True, **kwargs)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).upper()


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    key = ProjectKeyField()
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
        # tasks/project_key.js upper-cases the key as typed and, on a new project, suggests one
        # from the name until the key is edited.
        self.fields["key"].widget.attrs.update(
            {"data-project-key": "", "autocapitalize": "characters", "autocomplete": "off",
             "spellcheck": "false"}
        )  # fmt: skip
        if project is None:
            self.fields["key"].widget.attrs["data-suggest-from"] = "name"
        else:
            del self.fields["members"]  # edited on the settings page's own form
            if not self.is_bound:
                self.initial.update(
                    name=project.name, key=project.key, description=project.description,
                    department=project.department_id, group=project.group_id,
                    owner_seat=project.owner_seat_id, visibility=project.visibility,
                )  # fmt: skip


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
    done = forms.BooleanField(label=_("Done column"), required=False)
