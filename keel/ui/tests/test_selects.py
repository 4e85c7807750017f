"""The fast selects write exactly what Django's select templates write (whitespace aside), so
swapping them into a form changes its speed and nothing a browser or a test can see."""

from __future__ import annotations

import re

import pytest
from django import forms

from keel.ui.selects import FastSelect, FastSelectMultiple, use_fast_selects


def _same(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


CHOICES = [("", "All"), (1, "Ops & <b>logistics</b>"), (2, "采购部")]
GROUPED = [("Seats", [("seat:1", "Buyer"), ("seat:2", "Lister")]), ("person:3", "王芳")]


@pytest.mark.parametrize(
    ("value", "choices", "attrs"),
    [
        (None, CHOICES, {}),
        ("1", CHOICES, {"id": "id_department", "required": True}),
        ("seat:2", GROUPED, {"aria-describedby": "x_help", "disabled": False}),
    ],
)
def test_fast_select_matches_django(value: object, choices: list, attrs: dict) -> None:
    django_html = forms.Select(choices=choices).render("f", value, attrs=attrs)
    fast_html = FastSelect(choices=choices).render("f", value, attrs=attrs)
    assert _same(fast_html) == _same(django_html)


def test_fast_multiple_matches_django() -> None:
    value = ["seat:1", "person:3"]
    django_html = forms.SelectMultiple(choices=GROUPED).render("f", value)
    fast_html = FastSelectMultiple(choices=GROUPED).render("f", value)
    assert _same(fast_html) == _same(django_html)
    assert fast_html.count(" selected") == 2


def test_use_fast_selects_swaps_only_plain_selects() -> None:
    class Form(forms.Form):
        a = forms.ChoiceField(choices=CHOICES)
        b = forms.MultipleChoiceField(choices=CHOICES)
        c = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)

    form = Form()
    use_fast_selects(form)
    assert type(form.fields["a"].widget) is FastSelect
    assert type(form.fields["b"].widget) is FastSelectMultiple
    assert type(form.fields["c"].widget) is forms.RadioSelect
