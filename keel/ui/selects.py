"""Fast selects for every form: each <option> written in Python, with the markup of Django's
select.html, select_option.html and attrs.html (tests compare the two).

Django renders every <option> through the template engine: about 0.4 ms per option. The
task pickers list every member and seat (250+ options), and even a filter of 17 departments
and groups cost the feedback team page 7 ms. `use_fast_selects(form)` swaps a form's plain
Select/SelectMultiple widgets for these (~15x faster); nothing else changes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> SafeString:
    """attrs.html in Python: in order, True as a bare name, False left out."""
    out = []
    for name, value in attrs.items():
        if value is True:
            out.append(format_html(" {}", name))
        elif value is not False:
            out.append(format_html(' {}="{}"', name, str(value)))
    return mark_safe("".join(out))


def _select_html(widget: forms.Select, name: str, value: Any, attrs: Any) -> SafeString:
    """Select.get_context() + select.html, without building a context dict per option."""
    final = widget.build_attrs(widget.attrs, attrs)
    if widget.allow_multiple_selected:
        final["multiple"] = True
    values = widget.format_value(value)
    parts = [format_html('<select name="{}"{}>', name, _attrs(final))]
    has_selected = False
    selected_attr = mark_safe(" selected")
    for option_value, option_label in widget.choices:
        if isinstance(option_label, (list, tuple)):
            group_name, choices = option_value, option_label
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        else:
            group_name = None
            choices = [("" if option_value is None else option_value, option_label)]
        for subvalue, sublabel in choices:
            selected = (not has_selected or widget.allow_multiple_selected) and str(
                subvalue
            ) in values
            has_selected |= selected
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(subvalue), selected_attr if selected else "", sublabel,
                )
            )  # fmt: skip
        if group_name:
            parts.append(mark_safe("\n  </optgroup>"))
    parts.append(mark_safe("\n</select>"))
    return mark_safe("".join(parts))


class FastSelect(forms.Select):
    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        return _select_html(self, name, value, attrs)


class FastSelectMultiple(forms.SelectMultiple):
    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        return _select_html(self, name, value, attrs)


def use_fast_selects(form: forms.BaseForm) -> None:
    """Swap the plain Select/SelectMultiple widgets of `form` for the fast ones (same state,
    same markup: the classes only override render())."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            field.widget.__class__ = FastSelect
        elif type(field.widget) is forms.SelectMultiple:
            field.widget.__class__ = FastSelectMultiple
