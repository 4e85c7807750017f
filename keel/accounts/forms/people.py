"""Forms for the people pages: invite, role, filters, groups, send to group, invitation sign-up.

Forms only parse input; the rules (who may grant what, domains, uniqueness) live in services,
whose ValidationErrors the views attach back to these forms with `add_error`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import User
from keel.core.audit import action_label
from keel.core.models import Membership, Role
from keel.core.permissions import grantable_roles
from keel.ui.widgets import IsoDateInput

ROLE_LABELS = dict(Role.choices)


def role_choices(roles: list[str]) -> list[tuple[str, Any]]:
    return [(r, ROLE_LABELS[r]) for r in roles]


def _set_choices(form: forms.Form, name: str, choices: list[tuple[str, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "Staff use the company domain; outside addresses join as assistants or guests."
        ),
    )
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args: Any, actor: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self, "role", role_choices(grantable_roles(actor)))
        self.fields["role"].initial = Role.MEMBER


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args: Any, actor: Membership, target: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = grantable_roles(actor)
        if target.role not in roles:
            roles = [target.role, *roles]
        _set_choices(self, "role", role_choices(roles))
        self.fields["role"].initial = target.role


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices]
    )


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    alias = forms.SlugField(
        label=_("Address"),
        max_length=64,
        help_text=_("The part before @ of the group's email address, for example sales."),
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.display_name} <{obj.user.email}>"


class GroupMembersForm(forms.Form):
    members = PersonMultipleChoiceField(
        label=_("Members"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose more than one person."),
    )

    def __init__(self, *args: Any, actor: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["members"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = (
            Membership.objects.active()
            .in_workspace(actor.workspace)
            .select_related("user")
            .order_by("user__full_name", "user__email")
        )


class GroupSendForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    person = forms.CharField(label=_("Person (email)"), required=False, max_length=254)
    date_from = forms.DateField(label=_("From"), required=False, widget=IsoDateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())

    def __init__(self, *args: Any, actions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [
            ("", _("All actions")),
            ("auth.", _("Sign-in events")),
            ("mfa.", _("Two-factor events")),
        ]
        _set_choices(self, "action", choices + [(a, action_label(a)) for a in actions])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data


class InvitationSignupForm(forms.Form):
    """Account creation for an invited person: the address comes from the invitation."""

    full_name = forms.CharField(label=_("Your name"), max_length=120)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ. Type the same one twice."))
        elif p1:
            try:
                password_validation.validate_password(
                    p1, User(email=self.email, full_name=data.get("full_name", ""))
                )
            except ValidationError as error:
                self.add_error("password1", error)
        return data
