"""Checks for the text people type, shared by every service so pages, the API, imports and
jobs refuse the same things once: names and titles are one printable line of bounded length.

Control characters (C0, DEL) have no place in a name: CR/LF break the iCalendar feeds and
email headers a name ends up in, and PostgreSQL refuses NUL in any text column.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# C0 controls (tab, CR and LF included: a name is one line) and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def no_control_characters(value: str) -> None:
    """A Django validator (model and form fields): one line, no control characters."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("Use letters, digits and punctuation only: no line breaks or control characters."),
            code="control_characters",
        )


def line_problem(text: str, *, max_length: int) -> str | None:
    """What is wrong with a stripped, non-blank name, or None: for services that gather
    their errors in a {field: message} dict."""
    if len(text) > max_length:
        return _("Use at most %(max)d characters (this has %(count)d).") % {
            "max": max_length, "count": len(text)}  # fmt: skip
    if CONTROL_CHARACTERS.search(text):
        return _("Use letters, digits and punctuation only: no line breaks or control characters.")
    return None


def clean_line(
    value: str | None,
    *,
    field: str,
    max_length: int,
    required: str | None = None,
) -> str:
    """`value` stripped, or ValidationError({field: …}): blank when `required` (its message),
    longer than `max_length`, or holding control characters. Never cuts: a name that does not
    fit is refused so that nobody's text is silently lost."""
    text = (value or "").strip()
    if not text:
        if required is not None:
            raise ValidationError({field: required})
        return ""
    problem = line_problem(text, max_length=max_length)
    if problem is not None:
        raise ValidationError({field: problem})
    return text


def printable_line(value: str) -> str:
    """`value` with each control character replaced by a space: for writing rows saved before
    these checks into formats that refuse them (iCalendar, headers)."""
    return CONTROL_CHARACTERS.sub(" ", value or "")
