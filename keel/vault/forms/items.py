"""Forms for vault pages. Forms parse; the services validate the rules and encrypt.

Hidden fields are password inputs that never render a value: on an edit, leaving one blank
keeps what is stored, so a secret never travels to the browser unless it is revealed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Membership, Workspace
from keel.org.models import Seat
from keel.vault.models import Category, FieldKey, Item, ItemField, Kind, Level
from keel.vault.services import CustomField, ItemFields
from keel.vault.services.items import KIND_FIELDS, LABEL_MAX, NAME_MAX, USERNAME_MAX

CUSTOM_ROWS_EXTRA = 2
SECRET_ATTRS = {"autocomplete": "new-password", "spellcheck": "false"}


class ItemForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False,
        empty_label=_("No category"),
    )  # fmt: skip
    urls = forms.CharField(
        label=_("Web addresses"), required=False,
        widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
        help_text=_("One per line, in full: https://sellercentral.amazon.com"),
    )  # fmt: skip
    username = forms.CharField(label=_("Username"), required=False, max_length=USERNAME_MAX,
                               widget=forms.TextInput(attrs={"autocomplete": "off"}))  # fmt: skip
    tags = forms.CharField(label=_("Tags"), required=False,
                           help_text=_("Separated by commas."))  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, kind: str,
                 item: Item | None = None, fields: list[ItemField] | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.item = item
        self.fields["category"].queryset = Category.objects.in_workspace(workspace)  # type: ignore[attr-defined]
        if kind != Kind.LOGIN:
            del self.fields["urls"]
            if kind != Kind.API_KEY:
                del self.fields["username"]
        stored = {f.key: f for f in fields or []}
        for key, hidden in KIND_FIELDS[kind]:
            label = FieldKey(key).label
            if hidden:
                widget: forms.Widget = forms.PasswordInput(attrs=SECRET_ATTRS, render_value=False)
                if key == FieldKey.NOTES:
                    widget = forms.Textarea(attrs={"rows": 3})
                help_text = _("Leave blank to keep it as it is.") if key in stored else ""
                self.fields[key] = forms.CharField(label=label, required=False, widget=widget,
                                                   help_text=help_text, strip=False)  # fmt: skip
            else:
                self.fields[key] = forms.CharField(label=label, required=False, max_length=500)
                if key in stored:
                    self.initial.setdefault(key, stored[key].plain)
        self.custom_sources: list[str | None] = []
        customs = [f for f in fields or [] if f.key.startswith("custom-")]
        for n in range(len(customs) + CUSTOM_ROWS_EXTRA):
            field = customs[n] if n < len(customs) else None
            self.custom_sources.append(field.key if field else None)
            self.fields[f"custom_label_{n}"] = forms.CharField(
                label=_("Custom field %(n)d: label") % {"n": n + 1}, required=False,
                max_length=LABEL_MAX)  # fmt: skip
            self.fields[f"custom_value_{n}"] = forms.CharField(
                label=_("Custom field %(n)d: value") % {"n": n + 1}, required=False, strip=False,
                widget=forms.PasswordInput(attrs=SECRET_ATTRS, render_value=False)
                if field is not None and field.hidden else forms.TextInput(),
                help_text=_("Leave blank to keep it as it is.")
                if field is not None and field.hidden else "",
            )  # fmt: skip
            self.fields[f"custom_hidden_{n}"] = forms.BooleanField(
                label=_("Custom field %(n)d: hidden (revealed on request only)") % {"n": n + 1},
                required=False, initial=True if field is None else field.hidden)  # fmt: skip
            if field is not None:
                self.initial.setdefault(f"custom_label_{n}", field.label)
                if not field.hidden:
                    self.initial.setdefault(f"custom_value_{n}", field.plain)
        if item is not None:
            self.initial.setdefault("name", item.name)
            self.initial.setdefault("category", item.category_id)
            self.initial.setdefault("urls", "\n".join(item.urls))
            self.initial.setdefault("username", item.username)
            self.initial.setdefault("tags", ", ".join(item.tags))

    def custom_rows(self) -> list[tuple[Any, Any, Any]]:
        return [(self[f"custom_label_{n}"], self[f"custom_value_{n}"],
                 self[f"custom_hidden_{n}"]) for n in range(len(self.custom_sources))]  # fmt: skip

    def fixed_fields(self) -> list[Any]:
        return [self[key] for key, _hidden in KIND_FIELDS[self.kind]]

    def fields_for_service(self) -> ItemFields:
        data = self.cleaned_data
        values: dict[str, str | None] = {}
        for key, hidden in KIND_FIELDS[self.kind]:
            value = data.get(key) or ""
            values[key] = (value or None) if hidden and self.item is not None else value
        custom = []
        for n, source in enumerate(self.custom_sources):
            label = (data.get(f"custom_label_{n}") or "").strip()
            if not label:
                continue
            hidden = bool(data.get(f"custom_hidden_{n}"))
            value = data.get(f"custom_value_{n}") or ""
            keep = source is not None and hidden and not value
            custom.append(CustomField(label=label, value=None if keep else value,
                                      hidden=hidden, source=source))  # fmt: skip
        return ItemFields(
            name=data["name"], kind=self.kind, category=data.get("category"),
            urls=(data.get("urls") or "").splitlines(), username=data.get("username") or "",
            tags=(data.get("tags") or "").split(","), values=values, custom=custom,
        )  # fmt: skip


class GrantForm(forms.Form):
    """Whom to share with (a person, a group or a seat in one list) and at which level."""

    grantee = forms.ChoiceField(label=_("Share with"))
    level = forms.TypedChoiceField(
        label=pgettext_lazy("vault access", "Access"), coerce=int, choices=Level.choices,
        initial=Level.USE,
        help_text=_("Use: may fill it with the browser extension, never sees it. View: may "
                    "reveal and copy. Manage: may also edit and share."),
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Membership.objects.in_workspace(workspace).active().select_related("user")
        self.fields["grantee"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            (_("People"), sorted(((f"member:{m.pk}", m.user.display_name) for m in people),
                                 key=lambda c: c[1].lower())),
            (_("Groups"), [(f"group:{g.pk}", g.name)
                           for g in Group.objects.in_workspace(workspace).order_by("name")]),
            (_("Seats"), [(f"seat:{s.pk}", s.title)
                          for s in Seat.objects.in_workspace(workspace).order_by("title")]),
        ]  # fmt: skip
        self.workspace = workspace

    def grantee_kwargs(self) -> dict[str, Any]:
        kind, _sep, pk = self.cleaned_data["grantee"].partition(":")
        model: Any = {"member": Membership, "group": Group, "seat": Seat}[kind]
        return {kind: model.objects.filter(workspace=self.workspace, pk=int(pk)).first()}


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
