"""A signal explained in words, in the reader's language, from its plain `details`
(pure: no database). Signals store numbers, ISO dates and the words as written; the sentence
is made here when it is read, so a manager reading in Chinese gets Chinese."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from keel.feedback.models import SignalKind


def _day(value: Any) -> str:
    try:
        return date_format(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _score(value: Any) -> str:
    try:
        return number_format(round(float(value), 1), decimal_pos=1)
    except (TypeError, ValueError):
        return str(value)


def explain(kind: str, details: Mapping[str, Any], name: str) -> str:
    """One sentence about `name`'s signal. Unknown or old details fall back to the kind."""
    try:
        return _explain(kind, details, name)
    except (KeyError, TypeError, ValueError):
        return _("%(name)s: %(kind)s") % {"name": name, "kind": _kind_label(kind)}


def _kind_label(kind: str) -> str:
    try:
        return str(SignalKind(kind).label)
    except ValueError:
        return kind


def _explain(kind: str, details: Mapping[str, Any], name: str) -> str:
    if kind == SignalKind.MOOD_DROP:
        return _(
            "%(name)s's mood over the last three weeks averages %(recent)s, against "
            "%(baseline)s in the eight weeks before."
        ) % {"name": name, "recent": _score(details["recent"]),
             "baseline": _score(details["baseline"])}  # fmt: skip
    if kind == SignalKind.MISSED_REPORTS:
        count = int(details["missed"])
        if details["first"] == details["last"]:  # a daily and a weekly report due the same day
            return ngettext(
                "%(name)s has missed %(count)d report in a row (due %(day)s).",
                "%(name)s has missed %(count)d reports in a row (due %(day)s).",
                count,
            ) % {"name": name, "count": count, "day": _day(details["first"])}
        return ngettext(
            "%(name)s has missed %(count)d report in a row (%(first)s to %(last)s).",
            "%(name)s has missed %(count)d reports in a row (%(first)s to %(last)s).",
            count,
        ) % {"name": name, "count": count, "first": _day(details["first"]),
             "last": _day(details["last"])}  # fmt: skip
    if kind == SignalKind.WATCH_WORDS:
        separator = pgettext("list of words", ", ")
        words = separator.join(f"“{w}”" for w in details["words"])
        return _(
            "%(name)s wrote %(words)s in their report of %(date)s, answering “%(question)s”."
        ) % {"name": name, "words": words, "date": _day(details["date"]),
             "question": details.get("question", "")}  # fmt: skip
    if kind == SignalKind.OVERDUE_RECURRING:
        count = int(details["overdue"])
        return ngettext(
            "%(name)s also has %(count)d overdue recurring task.",
            "%(name)s also has %(count)d overdue recurring tasks.",
            count,
        ) % {"name": name, "count": count}
    raise ValueError(kind)
