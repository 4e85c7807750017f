"""Report forms: create (blank or from a built-in template), edit the schedule, archive, and
set who writes them. Questions are in `form_questions.py`.

Who may build a form: "feedback.forms_manage" (managers and up), the form's owner, or whoever
does its owner seat's work now (`keel.org.resolution.seat_assignee`).
"""

from __future__ import annotations

import dataclasses
import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.accounts.models import Group
from keel.core.mail import reader_language
from keel.core.models import Membership, Workspace
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import clean_line
from keel.feedback.models import Audience, Frequency, Question, ReportForm
from keel.feedback.models.reports import LATE_WINDOW_HOURS
from keel.feedback.selectors.forms import MANAGE_PERM, can_manage_form
from keel.feedback.templates_builtin import FORM_TEMPLATES, LANGUAGES
from keel.org.models import Seat

TITLE_MAX = 120
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LATE_WINDOW = LATE_WINDOW_HOURS
EDIT_WINDOW = (0, 336)
TEMPLATES = ("daily", "weekly")


class _Unset:
    """ "Leave this field alone" in updates (None means "clear it")."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()


@dataclass
class FormChanges:
    """What `form_update` changes. A field left UNSET keeps its value.

    Setting `owner` clears `owner_seat` and the other way round (a form has one owner).
    """

    title: str = UNSET
    intro: str = UNSET
    frequency: str = UNSET
    weekdays: Iterable[str] = UNSET
    month_day: int | None = UNSET
    due_time: datetime.time = UNSET
    late_window_hours: int = UNSET
    edit_window_hours: int = UNSET
    owner: Membership | None = UNSET
    owner_seat: Seat | None = UNSET
    starts_on: datetime.date = UNSET

    def given(self) -> dict[str, Any]:
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {name: value for name, value in values.items() if value is not UNSET}


# --- Checks ----------------------------------------------------------------------------------


def require_manage(actor: Membership, form: ReportForm) -> None:
    same_workspace(actor, form)
    if not can_manage_form(actor, form):
        raise PermissionDenied


def clean_form_title(value: str | None) -> str:
    return clean_line(value, field="title", max_length=TITLE_MAX,
                      required=_("Give the form a title."))  # fmt: skip


def clean_weekdays(value: Iterable[str] | None) -> list[str]:
    if isinstance(value, str):
        value = [value]
    days = {str(d).upper() for d in (value or ())}
    if days - set(WEEKDAY_CODES):
        raise ValidationError({"weekdays": _("Choose days of the week.")})
    return [d for d in WEEKDAY_CODES if d in days]


def check_schedule(frequency: str, weekdays: list[str], month_day: int | None) -> None:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose daily, weekly or monthly.")})
    if frequency == Frequency.DAILY and not weekdays:
        raise ValidationError({"weekdays": _("Choose at least one day.")})
    if frequency == Frequency.WEEKLY and len(weekdays) != 1:
        raise ValidationError({"weekdays": _("Choose exactly one day for a weekly report.")})
    if frequency == Frequency.MONTHLY and (
        month_day is None or not (month_day == -1 or 1 <= month_day <= 28)
    ):
        raise ValidationError(
            {"month_day": _("Choose a day from 1 to 28, or the last day of the month.")}
        )


def _hours(value: Any, field: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    try:
        hours = int(value)
    except (TypeError, ValueError):
        hours = -1
    if isinstance(value, bool) or not low <= hours <= high:
        raise ValidationError({field: _("Enter a number of hours from %(low)d to %(high)d.")
                               % {"low": low, "high": high}})  # fmt: skip
    return hours


def _check_owner(actor: Membership, owner: Membership | None, seat: Seat | None) -> None:
    same_workspace(actor, owner, seat)
    if owner is not None and seat is not None:
        raise ValidationError({"owner": _("Choose a person or a seat, not both.")})
    if owner is not None and not owner.is_active:
        raise ValidationError({"owner": _("This person has left the workspace.")})


def workspace_today(workspace: Workspace) -> datetime.date:
    try:
        zone = zoneinfo.ZoneInfo(workspace.timezone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("UTC")
    return timezone.now().astimezone(zone).date()


def template_language(actor: Membership, language: str = "") -> str:
    """`language` if it is one the templates are written in, else the actor's, else English."""
    for candidate in (language, reader_language(actor), settings.LANGUAGE_CODE):
        code = (candidate or "").lower().replace("_", "-")
        if code in LANGUAGES:
            return code
    return "en"


# --- Forms -----------------------------------------------------------------------------------


@transaction.atomic
def form_create(
    *,
    actor: Membership,
    template: str = "",
    language: str = "",
    title: str = "",
    context: AuditContext | None = None,
) -> ReportForm:
    """A new form: the built-in Daily or Weekly report in `language` (by default the actor's),
    or a blank daily form. Nobody writes it until its audience is set."""
    require(actor, MANAGE_PERM)
    if template not in ("", *TEMPLATES):
        raise ValidationError({"template": _("Choose the daily report, the weekly report or a "
                                             "blank form.")})  # fmt: skip
    if language and language.lower().replace("_", "-") not in LANGUAGES:
        raise ValidationError({"language": _("Choose English, Simplified or Traditional "
                                             "Chinese.")})  # fmt: skip
    lang = template_language(actor, language)
    form = ReportForm(workspace=actor.workspace, created_by=actor, owner=actor,
                      starts_on=workspace_today(actor.workspace), template=template)  # fmt: skip
    built = FORM_TEMPLATES[template][lang] if template else None
    if built is not None:
        form.title = built.title
        form.intro = built.intro
        form.frequency = built.frequency
        form.weekdays = list(built.weekdays)
        form.due_time = built.due_time
    else:
        form.frequency = Frequency.DAILY
        form.weekdays = list(WEEKDAY_CODES[:5])
    if title or built is None:
        form.title = clean_form_title(title)
    form.save()
    if built is not None:
        Question.objects.bulk_create(
            Question(workspace=actor.workspace, form=form, position=i, kind=q.kind,
                     prompt=q.prompt, help=q.help, required=q.required,
                     visibility=q.visibility, measure=q.measure, prefill=q.prefill)
            for i, q in enumerate(built.questions)
        )  # fmt: skip
    audit_event(actor, "feedback.form_created", form, context, title=form.title,
                template=template, language=lang)  # fmt: skip
    return form


@transaction.atomic
def form_update(
    *,
    actor: Membership,
    form: ReportForm,
    changes: FormChanges,
    context: AuditContext | None = None,
) -> ReportForm:
    """Change what `changes` gives; the audit event lists the fields that really changed."""
    require_manage(actor, form)
    given = changes.given()
    new: dict[str, Any] = {}
    if "title" in given:
        new["title"] = clean_form_title(given["title"])
    if "intro" in given:
        new["intro"] = (given["intro"] or "").strip()
        if len(new["intro"]) > 2000:
            raise ValidationError({"intro": _("Use at most 2000 characters.")})
    frequency = given.get("frequency", form.frequency)
    weekdays = clean_weekdays(given["weekdays"]) if "weekdays" in given else list(form.weekdays)
    month_day = given.get("month_day", form.month_day)
    if month_day is not None:
        try:
            month_day = int(month_day)
        except (TypeError, ValueError):
            month_day = 0
    if {"frequency", "weekdays", "month_day"} & given.keys():
        check_schedule(frequency, weekdays, month_day)
        if frequency == Frequency.MONTHLY:
            weekdays = []
        else:
            month_day = None
        new.update(frequency=frequency, weekdays=weekdays, month_day=month_day)
    if "due_time" in given:
        if not isinstance(given["due_time"], datetime.time):
            raise ValidationError({"due_time": _("Enter a time.")})
        new["due_time"] = given["due_time"].replace(second=0, microsecond=0, tzinfo=None)
    if "late_window_hours" in given:
        new["late_window_hours"] = _hours(given["late_window_hours"], "late_window_hours",
                                          LATE_WINDOW)  # fmt: skip
    if "edit_window_hours" in given:
        new["edit_window_hours"] = _hours(given["edit_window_hours"], "edit_window_hours",
                                          EDIT_WINDOW)  # fmt: skip
    if "starts_on" in given:
        if not isinstance(given["starts_on"], datetime.date):
            raise ValidationError({"starts_on": _("Enter a date.")})
        new["starts_on"] = given["starts_on"]
    if "owner" in given or "owner_seat" in given:
        owner, seat = given.get("owner", UNSET), given.get("owner_seat", UNSET)
        if owner is UNSET:  # setting a seat replaces the person
            owner = None if seat is not None else form.owner
        if seat is UNSET:
            seat = None if owner is not None else form.owner_seat
        _check_owner(actor, owner, seat)
        new.update(owner=owner, owner_seat=seat)
    changed = []
    for name, value in new.items():
        old = (
            getattr(form, f"{name}_id") if name in ("owner", "owner_seat") else getattr(form, name)
        )
        compare = value.pk if name in ("owner", "owner_seat") and value is not None else value
        if old != compare:
            setattr(form, name, value)
            changed.append(name)
    if changed:
        form.save(update_fields=[*changed, "updated_at"])
        audit_event(actor, "feedback.form_updated", form, context, title=form.title,
                    fields=sorted(changed))  # fmt: skip
    return form


@transaction.atomic
def form_archive(
    *, actor: Membership, form: ReportForm, context: AuditContext | None = None
) -> ReportForm:
    """No more reports are due; written reports stay."""
    require_manage(actor, form)
    if form.archived_at is None:
        form.archived_at = timezone.now()
        form.save(update_fields=["archived_at", "updated_at"])
        audit_event(actor, "feedback.form_archived", form, context, title=form.title)
    return form


@transaction.atomic
def form_restore(
    *, actor: Membership, form: ReportForm, context: AuditContext | None = None
) -> ReportForm:
    """Reports are due again from the next period (missed periods are not created)."""
    require_manage(actor, form)
    if form.archived_at is not None:
        form.archived_at = None
        today = workspace_today(form.workspace)
        form.starts_on = max(form.starts_on, today)
        form.save(update_fields=["archived_at", "starts_on", "updated_at"])
        audit_event(actor, "feedback.form_restored", form, context, title=form.title)
    return form


# --- Audience --------------------------------------------------------------------------------


@transaction.atomic
def audience_set(
    *,
    actor: Membership,
    form: ReportForm,
    members: Iterable[Membership] = (),
    groups: Iterable[Group] = (),
    seats: Iterable[Seat] = (),
    context: AuditContext | None = None,
) -> list[Audience]:
    """Replace who writes `form`: members, groups (their members now) and seats (their holder
    now; an empty seat writes nothing until it is filled)."""
    require_manage(actor, form)
    members, groups, seats = list(members), list(groups), list(seats)
    same_workspace(actor, *members, *groups, *seats)
    if any(not m.is_active for m in members):
        raise ValidationError({"members": _("Someone chosen has left the workspace.")})
    wanted = (
        {("m", m.pk) for m in members}
        | {("g", g.pk) for g in groups}
        | {("s", s.pk) for s in seats}
    )
    current = {
        (("m", a.membership_id) if a.membership_id else ("g", a.group_id) if a.group_id
         else ("s", a.seat_id)): a
        for a in Audience.objects.filter(form=form)
    }  # fmt: skip
    removed = [a.pk for key, a in current.items() if key not in wanted]
    if removed:
        Audience.objects.filter(pk__in=removed).delete()
    added = [
        Audience(workspace=form.workspace, form=form,
                 membership_id=pk if kind == "m" else None,
                 group_id=pk if kind == "g" else None,
                 seat_id=pk if kind == "s" else None)
        for kind, pk in sorted(wanted - current.keys())
    ]  # fmt: skip
    Audience.objects.bulk_create(added)
    if added or removed:
        audit_event(actor, "feedback.audience_set", form, context, title=form.title,
                    members=len(members), groups=len(groups), seats=len(seats))  # fmt: skip
    return list(Audience.objects.filter(form=form))
