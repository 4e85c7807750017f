"""Search input: the query, the kind filter and the page (the results page and the box)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keel.search.registry import search_providers

MAX_QUERY = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY, required=False, strip=True)
    kind = forms.ChoiceField(label=_("Show"), required=False)
    changed = forms.ChoiceField(
        label=_("Changed"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("7", _("In the past week")),
            ("31", _("In the past month")),
            ("365", _("In the past year")),
        ],
    )
    mine = forms.BooleanField(label=_("Only mine"), required=False)
    page = forms.IntegerField(min_value=1, max_value=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", _("Everything")), *((p.kind, p.label) for p in search_providers())]

    def value(self, name: str) -> Any:
        """The cleaned value, or the field's empty value when the input was invalid (a
        search page never shows a form error: a bad `page` is page 1)."""
        if self.is_valid():
            return self.cleaned_data.get(name)
        if name == "q":
            return (self.data.get("q") or "")[:MAX_QUERY].strip()
        return None
