"""The preferences grid: one in-app and one email checkbox per registered kind."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.notifications.kinds import KINDS


def _name(kind: str, channel: str) -> str:
    return f"{channel}:{kind}"


class PreferencesForm(forms.Form):
    def __init__(self, *args: Any, initial_choices: dict[str, tuple[bool, bool]], **kw: Any):
        super().__init__(*args, **kw)
        for kind, spec in KINDS.items():
            in_app, email = initial_choices.get(kind, (spec.in_app, spec.email))
            self.fields[_name(kind, "in_app")] = forms.BooleanField(
                label=_("%(kind)s in Keel") % {"kind": spec.label}, required=False, initial=in_app
            )
            self.fields[_name(kind, "email")] = forms.BooleanField(
                label=_("%(kind)s by email") % {"kind": spec.label}, required=False, initial=email
            )

    def rows(self) -> list[dict[str, Any]]:
        """For the template: kind, its label and its two bound checkboxes."""
        return [
            {
                "kind": kind,
                "label": spec.label,
                "in_app": self[_name(kind, "in_app")],
                "email": self[_name(kind, "email")],
            }
            for kind, spec in KINDS.items()
        ]

    def choices(self) -> dict[str, tuple[bool, bool]]:
        return {
            kind: (
                bool(self.cleaned_data.get(_name(kind, "in_app"))),
                bool(self.cleaned_data.get(_name(kind, "email"))),
            )
            for kind in KINDS
        }
