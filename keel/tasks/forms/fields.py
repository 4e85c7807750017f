"""Fields and widgets the tasks forms share: fast selects (keel.ui.selects: every <option>
written in Python), the member and seat pickers loaded once per page (`Pickers`), assignee
parsing (`person:<id>` / `seat:<id>`) and ISO date/time inputs.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership
from keel.org.models import Seat
from keel.tasks.models import Label, Project, Section
from keel.ui.selects import FastSelect, FastSelectMultiple, use_fast_selects
from keel.ui.widgets import IsoDateInput, IsoTimeInput

__all__ = ["FastSelect", "FastSelectMultiple", "use_fast_selects"]  # re-exported for the forms


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


class MembersChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.user.display_name)


def members_of(workspace: Any) -> Any:
    return (
        Membership.objects.filter(workspace=workspace, offboarded_at__isnull=True)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


class Pickers:
    """The options of a page's pickers, each loaded at most once per page.

    The list page shows the filter form and the bulk-edit form, both with an assignee picker
    (every member and seat) and a label picker. Forms given the same Pickers share its
    lists; ModelChoiceFields are rendered from them too, because iterating their querysets
    would run the query again (on PostgreSQL as a server-side cursor: three round trips).
    """

    def __init__(self, workspace: Any, project: Project | None = None) -> None:
        self.workspace = workspace
        self.project = project

    @cached_property
    def people(self) -> list[tuple[int, str]]:
        """(membership id, display name) of the active members, in members_of()'s order."""
        rows = members_of(self.workspace).values_list("pk", "user__full_name", "user__email")
        return [(pk, name or email.split("@")[0]) for pk, name, email in rows]

    @cached_property
    def seats(self) -> list[tuple[str, str]]:
        rows = Seat.objects.filter(workspace=self.workspace).order_by("title")
        return [(f"s:{pk}", title) for pk, title in rows.values_list("id", "title")]

    @cached_property
    def sections(self) -> list[Section]:
        return list(Section.objects.filter(project=self.project)) if self.project else []

    @cached_property
    def labels(self) -> list[tuple[int, str]]:
        rows = Label.objects.filter(workspace=self.workspace).order_by("name")
        return list(rows.values_list("id", "name"))


def assignee_choices(
    workspace: Any, *, blank: Any = "", pickers: Pickers | None = None
) -> list[tuple[Any, Any]]:
    """One picker for people and seats: "m:<id>" for a member, "s:<id>" for a seat."""
    pickers = pickers or Pickers(workspace)
    people = [(f"m:{pk}", name) for pk, name in pickers.people]
    seats = pickers.seats
    choices: list[tuple[Any, Any]] = [("", blank or _("Nobody"))]
    if people:
        choices.append((_("People"), people))
    if seats:
        choices.append((_("Seats"), seats))
    return choices


def parse_assignee(value: str, workspace: Any) -> tuple[Membership | None, Seat | None]:
    """ "m:3" → (member 3, None); "s:5" → (None, seat 5); "" → (None, None)."""
    if not value:
        return None, None
    kind, _sep, raw = value.partition(":")
    if not raw.isdigit():
        raise forms.ValidationError(_("Choose a person or a seat from the list."))
    if kind == "m":
        member = members_of(workspace).filter(pk=int(raw)).first()
        if member is not None:
            return member, None
    elif kind == "s":
        seat = Seat.objects.filter(workspace=workspace, pk=int(raw)).first()
        if seat is not None:
            return None, seat
    raise forms.ValidationError(_("Choose a person or a seat from the list."))


def assignee_value(task: Any) -> str:
    if task.assignee_id:
        return f"m:{task.assignee_id}"
    if task.assignee_seat_id:
        return f"s:{task.assignee_seat_id}"
    return ""


def combine(day: datetime.date | None, time: datetime.time | None) -> Any:
    """A day alone stays a date; a day with a time becomes an aware datetime (member's zone)."""
    if day is None:
        return None
    if time is None:
        return day
    return timezone.make_aware(datetime.datetime.combine(day, time))


# The toolkit's ISO inputs, under the names the tasks forms have always imported.
DateInput = IsoDateInput
TimeInput = IsoTimeInput
