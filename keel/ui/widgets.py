"""Date and time inputs for every form: the browser's pickers, always given ISO values.

A `<input type="date">` accepts only `2026-12-07` (and `type="time"` only `09:30`); the
browser shows it in the reader's language itself. Django's own DateInput formats the value
with the active language's DATE_INPUT_FORMATS (`2026/12/07` in Chinese), which the browser
drops — so a pre-filled date silently vanishes and the form fails as "required". Every form
uses these instead (a test walks all forms: keel/ui/tests/test_widgets.py).
"""

from __future__ import annotations

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_TIME = "%H:%M"
ISO_DATETIME = "%Y-%m-%dT%H:%M"


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)


class IsoTimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_TIME)


class IsoDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATETIME)
