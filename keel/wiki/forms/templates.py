"""Forms of the email-template pages: one language's subject and body, and the "use" form
with a field per variable of the chosen variant."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from keel.wiki.models import TemplateVariant
from keel.wiki.services.templates import SUBJECT_MAX, TEMPLATE_BODY_MAX, variant_variables

VALUE_PREFIX = "v_"  # variables are free names ({{language}} too): keep them apart from ours
VALUE_MAX = 5_000


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


class VariantForm(forms.Form):
    """One language of a template (the language is the form's prefix on the variants page)."""

    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX, required=False)
    body = forms.CharField(
        label=_("Text of the email"), max_length=TEMPLATE_BODY_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Write {{variable_name}} where a value goes, e.g. {{supplier_name}} or "
                    "{{订单号}}: the “use” page asks for each."),
    )  # fmt: skip


class TemplateUseForm(forms.Form):
    """The language to use and a text field per variable of that language's variant."""

    language = forms.ChoiceField(label=_("Language of the email"))

    def __init__(
        self, *args: Any, variants: list[TemplateVariant], variant: TemplateVariant, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [(v.language, language_name(v.language)) for v in variants]
        self.variables = variant_variables(variant)
        for name in self.variables:
            self.fields[VALUE_PREFIX + name] = forms.CharField(
                label=name.replace("_", " "), required=False, max_length=VALUE_MAX,
                widget=forms.TextInput(attrs={"autocomplete": "off"}),
            )  # fmt: skip

    def values(self) -> dict[str, str]:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {name: data.get(VALUE_PREFIX + name, "") for name in self.variables}

    def value_fields(self) -> list[forms.BoundField]:
        return [self[VALUE_PREFIX + name] for name in self.variables]
