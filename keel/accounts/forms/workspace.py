"""The workspace settings form (owners only): the company's name, logo, email domain,
default language, time zone, week start and currency. The service validates the values;
the form only offers readable choices.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from keel.core.models import WORKSPACE_CURRENCIES, WeekStart, Workspace
from keel.ui.timezones import timezone_choices

SETTINGS_FIELDS = ("name", "email_domain", "language", "timezone", "week_start", "currency")


class WorkspaceSettingsForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=120)
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG, JPEG, GIF or WebP image of at most 1 MB."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    email_domain = forms.CharField(
        label=_("Company email domain"),
        max_length=253,
        help_text=_("Staff accounts use this domain, for example myshop.com."),
    )
    language = forms.ChoiceField(
        label=_("Default language"),
        choices=settings.LANGUAGES,
        help_text=_(
            "Used for content Keel creates for the whole company, such as the sections of "
            "a new project. Members still choose their own language."
        ),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=timezone_choices,
        help_text=_("Dates and times are shown in this zone unless a member chooses another."),
    )
    week_start = forms.ChoiceField(label=_("Week starts on"), choices=WeekStart.choices)
    currency = forms.ChoiceField(
        label=_("Currency"), choices=[(c, c) for c in WORKSPACE_CURRENCIES]
    )

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {f: getattr(workspace, f) for f in SETTINGS_FIELDS})
        super().__init__(*args, **kwargs)
        if not workspace.logo:
            del self.fields["remove_logo"]
