"""Forms of the space pages: create a space, its settings, and one access grant."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Membership, Workspace
from keel.org.models import Department, Seat
from keel.tasks.forms.fields import members_of
from keel.wiki.models import Level, SpaceKind, StaffLevel

NAME_HELP = _("Lowercase letters, digits and dashes: it is part of the pages' address.")


class SpaceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    slug = forms.SlugField(
        label=pgettext_lazy("space", "Address"), max_length=40, help_text=NAME_HELP
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=SpaceKind.choices, initial=SpaceKind.COMPANY)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False,
        empty_label=_("No department"),
        help_text=_("For a department's space: its people may edit, everyone else may read."),
    )  # fmt: skip
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(), required=False,
        empty_label=_("No group"), help_text=_("For a private space: the group that uses it."),
    )  # fmt: skip
    description = forms.CharField(label=_("Description"), max_length=300, required=False)

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Department.objects.filter(workspace=workspace).order_by("name")
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = Group.objects.filter(workspace=workspace).order_by("name")


class SpaceSettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    slug = forms.SlugField(
        label=pgettext_lazy("space", "Address"), max_length=40, help_text=NAME_HELP
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    staff_level = forms.ChoiceField(
        label=_("All staff"), choices=StaffLevel.choices,
        help_text=_("What every owner, admin, manager and member may do here without a grant. "
                    "Assistants and guests need a grant."),
    )  # fmt: skip


def grantee_choices(workspace: Workspace) -> list[tuple[Any, Any]]:
    """One picker for every kind of grantee: "m:", "g:", "s:" or "d:" and the id."""
    people = [
        (f"m:{pk}", name or email.split("@")[0])
        for pk, name, email in members_of(workspace).values_list(
            "pk", "user__full_name", "user__email"
        )
    ]
    groups = [
        (f"g:{pk}", name)
        for pk, name in Group.objects.filter(workspace=workspace)
        .order_by("name")
        .values_list("pk", "name")
    ]
    seats = [
        (f"s:{pk}", title)
        for pk, title in Seat.objects.filter(workspace=workspace)
        .order_by("title")
        .values_list("pk", "title")
    ]
    departments = [
        (f"d:{pk}", name)
        for pk, name in Department.objects.filter(workspace=workspace)
        .order_by("name")
        .values_list("pk", "name")
    ]
    choices: list[tuple[Any, Any]] = [("", _("Choose a person, group, seat or department"))]
    for label, rows in (
        (_("People"), people),
        (_("Groups"), groups),
        (_("Seats"), seats),
        (_("Departments"), departments),
    ):
        if rows:
            choices.append((label, rows))
    return choices


class GrantForm(forms.Form):
    grantee = forms.ChoiceField(label=_("Who"))
    level = forms.ChoiceField(label=_("Access"), choices=Level.choices, initial=Level.READ)

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "grant-%s")
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        field = self.fields["grantee"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = grantee_choices(workspace)

    def clean_grantee(self) -> dict[str, Any]:
        value = self.cleaned_data["grantee"]
        kind, _sep, raw = str(value).partition(":")
        found: Any = None
        if raw.isdigit():
            models: dict[str, Any] = {
                "m": members_of(self.workspace),
                "g": Group.objects.filter(workspace=self.workspace),
                "s": Seat.objects.filter(workspace=self.workspace),
                "d": Department.objects.filter(workspace=self.workspace),
            }
            if kind in models:
                found = models[kind].filter(pk=int(raw)).first()
        if found is None:
            raise forms.ValidationError(_("Choose a person, group, seat or department."))
        key = {"m": "membership", "g": "group", "s": "seat", "d": "department"}[kind]
        return {key: found}


def grantee_name(grant: Any) -> str:
    """The grantee of a grant as the settings page lists it."""
    if grant.membership_id:
        member: Membership = grant.membership
        return str(member.user.display_name)
    return str(grant.group or grant.seat or grant.department or "")
