"""Forms of the manager views: acknowledge a signal, the watched words, the team filter,
flag an answer for a meeting. They parse input; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Workspace
from keel.feedback.services.signals import MAX_NOTE_LENGTH
from keel.org.models import Department
from keel.ui.selects import use_fast_selects


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you did about it, e.g. “Talked on Tuesday”. Only the owners and "
                    "the person's managers see it."),
    )  # fmt: skip


class WatchWordsForm(forms.Form):
    words = forms.CharField(
        label=_("Watched words"), required=False, max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("One word or phrase per line. English words match whole words in any "
                    "case; Chinese matches anywhere in the text, so list Simplified and "
                    "Traditional spellings."),
    )  # fmt: skip


class TeamFilterForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False,
        empty_label=_("All departments"),
    )  # fmt: skip
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(), required=False,
        empty_label=_("All groups"),
    )  # fmt: skip

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        department: Any = self.fields["department"]
        group: Any = self.fields["group"]
        department.queryset = Department.objects.in_workspace(workspace).order_by("name")
        group.queryset = Group.objects.in_workspace(workspace).order_by("name")
        # The options as (id, name) lists, written in Python: a ModelChoiceField iterates its
        # queryset with iterator() (on PostgreSQL a server-side cursor, three round trips)
        # and Django's option templates cost 0.4 ms each. The querysets still validate.
        for field in (department, group):
            field.choices = [("", field.empty_label),
                             *field.queryset.values_list("pk", "name")]  # fmt: skip
        use_fast_selects(self)


class FlagForm(forms.Form):
    series = forms.TypedChoiceField(label=_("Bring it to"), coerce=int, choices=())

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        series: Any = self.fields["series"]
        series.choices = choices
