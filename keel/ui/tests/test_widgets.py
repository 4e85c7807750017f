"""Every date and time input carries an ISO value, in every language.

A browser's `<input type="date">` drops anything but `2026-12-07`; Django's own DateInput
writes the language's format (`2026/12/07` in Chinese), so a pre-filled date vanished and the
form failed as "required". These tests walk every form class in Keel and every template, so
the next date field with a plain widget fails here instead of in a shop's browser.
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django import forms
from django.utils import translation

import keel
from keel.ui.widgets import IsoDateInput, IsoDateTimeInput, IsoTimeInput

KEEL_DIR = Path(keel.__file__).parent
AT = datetime.datetime(2026, 12, 7, 9, 5, tzinfo=datetime.UTC)
SAMPLES: list[tuple[type[forms.Field], object, str, str]] = [
    # (field class, value, ISO text, input type); DateTimeField before DateField (subclass order).
    (forms.DateTimeField, AT, "2026-12-07T09:05", "datetime-local"),
    (forms.DateField, datetime.date(2026, 12, 7), "2026-12-07", "date"),
    (forms.TimeField, datetime.time(9, 5), "09:05", "time"),
]  # fmt: skip
# Hand-written date inputs in templates, each checked by hand to get an ISO value from its
# view (the chart's `as_of_value` is `date.isoformat()` or the query string as typed).
TEMPLATE_DATE_INPUTS = {
    "org/templates/org/chart/page.html",
    # The agenda row's "turn into a task" due date: starts empty, the browser sends ISO.
    "feedback/templates/feedback/partials/meeting_agenda.html",
}


def _form_modules() -> Iterator[str]:
    for app in sorted(p for p in KEEL_DIR.iterdir() if p.is_dir()):
        package = app / "forms"
        if (app / "forms.py").exists():
            yield f"keel.{app.name}.forms"
        elif (package / "__init__.py").exists():
            yield f"keel.{app.name}.forms"
            for info in pkgutil.iter_modules([str(package)]):
                yield f"keel.{app.name}.forms.{info.name}"


def _form_classes() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for name in _form_modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__.startswith("keel."):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]


def _fields(cls: type[forms.BaseForm]) -> dict[str, forms.Field]:
    """The declared fields, plus those added in __init__ when the form needs no arguments."""
    fields = dict(cls.base_fields)  # type: ignore[attr-defined]
    # Forms needing a project, an actor… cannot be made bare: their declared fields only.
    with contextlib.suppress(Exception):
        fields.update(cls().fields)
    return fields


def _problems(cls: type[forms.BaseForm]) -> list[str]:
    problems = []
    for name, field in _fields(cls).items():
        for field_class, value, iso, input_type in SAMPLES:
            if not isinstance(field, field_class):
                continue
            widget = field.widget
            with translation.override("zh-hans"):
                html = widget.render(name, value)
            if f'value="{iso}"' not in html or getattr(widget, "input_type", "") != input_type:
                problems.append(
                    f"{cls.__module__}.{cls.__qualname__}.{name}: {html} "
                    f"(use keel.ui.widgets.Iso{input_type.title().replace('-', '')}Input)"
                )
            break
    return problems


def test_the_walk_finds_the_forms_with_dates():
    names = {cls.__qualname__ for cls in _form_classes()}
    assert {"RecurrenceForm", "AuditFilterForm"} <= names


def test_every_date_and_time_field_renders_an_iso_value_in_chinese():
    problems = [problem for cls in _form_classes() for problem in _problems(cls)]
    assert not problems, "\n".join(problems)


def test_a_plain_django_date_input_would_be_caught():
    class Careless(forms.Form):
        day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    assert _problems(Careless)


@pytest.mark.parametrize(
    ("widget", "value", "expected"),
    [
        (IsoDateInput(), datetime.date(2026, 12, 7), 'type="date" name="x" value="2026-12-07"'),
        (IsoTimeInput(), datetime.time(9, 5), 'type="time" name="x" value="09:05"'),
        (
            IsoDateTimeInput(),
            AT,
            'type="datetime-local" name="x" value="2026-12-07T09:05"',
        ),
    ],
)
@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_iso_inputs_render_iso_in_every_language(widget, value, expected, language):
    with translation.override(language):
        assert expected in widget.render("x", value)


def test_hand_written_date_inputs_in_templates_are_known():
    pattern = re.compile(r"""<input[^>]*type=["']?(date|time|datetime-local)\b""")
    found = {
        str(path.relative_to(KEEL_DIR))
        for path in KEEL_DIR.glob("*/templates/**/*.html")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert found == TEMPLATE_DATE_INPUTS, (
        "A template writes its own date/time input: give it an ISO value "
        "(date.isoformat() or |date:'Y-m-d') and list it in TEMPLATE_DATE_INPUTS."
    )
