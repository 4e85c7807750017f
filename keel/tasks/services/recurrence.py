"""Writing recurring series: create one (its first occurrence at once), edit it from now
on, skip one occurrence, stop it. Which occurrences exist when is services.occurrences'.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.services import AuditContext, audit_event, same_workspace
from keel.tasks import recurrence as engine
from keel.tasks.access import require_edit_in_project
from keel.tasks.models import (
    Label,
    Project,
    Recurrence,
    RecurrenceMode,
    Section,
    Status,
    Task,
)
from keel.tasks.services._common import check_person, resolve_labels
from keel.tasks.services.occurrences import materialize_next, series_rule
from keel.tasks.services.task_fields import check_priority, clean_title

if TYPE_CHECKING:
    from keel.core.models import Membership
    from keel.org.models import Seat


# --- Validation shared by create and update --------------------------------------------------


def _add_errors(errors: dict[str, list[str]], error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        errors.setdefault(field, []).extend(messages)


def _checked(errors: dict[str, list[str]], check: Any, value: Any) -> Any:
    """`check(value)` (a task field check: the series' occurrences are tasks, so they obey
    the same rules), its ValidationError collected into `errors`."""
    try:
        return check(value)
    except ValidationError as error:
        _add_errors(errors, error)
        return value


def _zone_name(errors: dict[str, list[str]], name: str, actor: Membership) -> str:
    """The series' IANA zone; blank means the workspace's."""
    tz_name = (name or actor.workspace.timezone or "UTC").strip()
    try:
        engine.zone(tz_name)
    except ValidationError as error:
        _add_errors(errors, error)
    return tz_name


def _rule_text(
    errors: dict[str, list[str]],
    *,
    preset: str,
    rrule: str,
    weekdays: Iterable[str],
    month_day: int | None,
    weekday: str | None,
    interval: int,
) -> str:
    """RRULE text from a preset, or the checked custom text; "" (and errors) when invalid."""
    try:
        if preset:
            return engine.build_rrule(
                preset, weekdays=weekdays, month_day=month_day, weekday=weekday,
                interval=interval, custom=rrule,
            )  # fmt: skip
        return engine.normalize_rrule(rrule)
    except ValidationError as error:
        _add_errors(errors, error)
        return ""


def _local_start(value: datetime | date, tz_name: str, *, all_day: bool) -> tuple[datetime, bool]:
    """(naive local first start, all-day?) from a date, a naive or an aware date-time."""
    engine.check_start(value)  # before converting: near year 9999 there is no next zone's day
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = value.astimezone(engine.zone(tz_name)).replace(tzinfo=None)
        start = value.replace(second=0, microsecond=0)
    else:
        start = datetime.combine(value, time())
        all_day = True
    if all_day:
        start = datetime.combine(start.date(), time())
    return start, all_day


def _check_happens(text: str, start: datetime, tz_name: str) -> engine.Rule:
    rule = engine.compile_rule(text, start, tz_name)
    if engine.next_occurrence(rule, start, inclusive=True) is None:
        raise ValidationError({"rrule": _("This rule has no occurrence after the first date.")})
    return rule


# --- Create ---------------------------------------------------------------------------------


def recurrence_create(
    *,
    actor: Membership,
    project: Project,
    title: str,
    dtstart_local: datetime | date,
    preset: str = "",
    rrule: str = "",
    weekdays: Iterable[str] = (),
    month_day: int | None = None,
    weekday: str | None = None,
    interval: int = 1,
    timezone_name: str = "",
    all_day: bool = True,
    mode: str = RecurrenceMode.SCHEDULE,
    description: str = "",
    section: Section | None = None,
    assignee: Membership | None = None,
    assignee_seat: Seat | None = None,
    priority: int = 0,
    labels: Iterable[Label | str] = (),
    now: datetime | None = None,
    context: AuditContext | None = None,
) -> Recurrence:
    """A new series; its first occurrence is created at once. Raises ValidationError.

    `preset` (see recurrence.Preset) builds the rule; without it `rrule` is custom RFC 5545
    text. `dtstart_local` is the first occurrence's wall-clock time in `timezone_name`
    (default: the workspace's); a date means an all-day series.
    """
    same_workspace(actor, project, section, assignee, assignee_seat)
    require_edit_in_project(actor, project)
    errors: dict[str, list[str]] = {}
    title = _checked(errors, clean_title, title)
    priority = _checked(errors, check_priority, priority)
    if assignee is not None and assignee_seat is not None:
        errors.setdefault("assignee", []).append(_("Assign a person or a seat, not both."))
    if section is not None and section.project_id != project.pk:
        errors.setdefault("section", []).append(_("Choose a section of this project."))
    if mode not in RecurrenceMode.values:
        errors.setdefault("mode", []).append(_("Choose how the task repeats."))
    tz_name = _zone_name(errors, timezone_name, actor)
    text = _rule_text(
        errors, preset=preset, rrule=rrule, weekdays=weekdays, month_day=month_day,
        weekday=weekday, interval=interval,
    )  # fmt: skip
    if dtstart_local is None:
        errors.setdefault("dtstart_local", []).append(_("Choose the first date."))
    if errors:
        raise ValidationError(errors)
    check_person(actor, assignee, project, "assignee")
    start, all_day = _local_start(dtstart_local, tz_name, all_day=all_day)
    _check_happens(text, start, tz_name)
    label_objs = resolve_labels(actor, labels)
    with transaction.atomic():
        rec = Recurrence.objects.create(
            workspace=actor.workspace, project=project, section=section, title=title,
            description=description or "", assignee=assignee, assignee_seat=assignee_seat,
            priority=priority or 0, label_ids=sorted(label.pk for label in label_objs),
            rrule=text, timezone=tz_name,
            # A naive local wall-clock time, stored as if UTC so it reads back unchanged.
            dtstart_local=start.replace(tzinfo=UTC),
            all_day=all_day, mode=mode, created_by=actor,
        )  # fmt: skip
        audit_event(actor, "recurrence.created", rec, context, rrule=text, mode=mode)
        materialize_next(rec, now=now)
    return rec


# --- Skip, stop -----------------------------------------------------------------------------


def recurrence_skip(
    *,
    actor: Membership,
    recurrence: Recurrence,
    occurrence_date: date,
    now: datetime | None = None,
    context: AuditContext | None = None,
) -> list[Task]:
    """Skip one occurrence: its not-started task is deleted and the following one created."""
    rec = recurrence
    same_workspace(actor, rec)
    require_edit_in_project(actor, rec.project)
    if rec.stopped_at is not None:
        raise ValidationError(_("This series was stopped."))
    day = occurrence_date.isoformat()
    if day in rec.skipped:
        return []
    with transaction.atomic():
        rec = Recurrence.objects.select_for_update().get(pk=rec.pk)
        task = Task.objects.filter(recurrence=rec, occurrence_date=occurrence_date).first()
        if task is None:
            rule = series_rule(rec)
            start = datetime.combine(occurrence_date, time())
            hits = engine.occurrences_between(
                rule, start, datetime.combine(occurrence_date, time.max)
            )
            if not hits:
                raise ValidationError(
                    {"occurrence_date": _("The series has no occurrence on %(date)s.")
                     % {"date": day}}
                )  # fmt: skip
        elif task.status != Status.TODO:
            raise ValidationError(
                {"occurrence_date": _("This occurrence was already started; complete or delete "
                                      "the task instead.")}
            )  # fmt: skip
        else:
            task.delete()
        rec.skipped = sorted({*rec.skipped, day})
        rec.save(update_fields=["skipped", "updated_at"])
        audit_event(actor, "recurrence.skipped", rec, context, date=day)
        created = materialize_next(rec, now=now)
    recurrence.skipped = rec.skipped
    return created


@transaction.atomic
def recurrence_stop(
    *, actor: Membership, recurrence: Recurrence, context: AuditContext | None = None
) -> Recurrence:
    """No more occurrences. Tasks already created stay: people may be working on them."""
    same_workspace(actor, recurrence)
    require_edit_in_project(actor, recurrence.project)
    if recurrence.stopped_at is None:
        recurrence.stopped_at = timezone.now()
        recurrence.save(update_fields=["stopped_at", "updated_at"])
        audit_event(actor, "recurrence.stopped", recurrence, context)
    return recurrence


# --- Edit -----------------------------------------------------------------------------------


class RecurrenceChanges(TypedDict, total=False):
    """What `recurrence_update` may change; a key left out keeps its value (partial update)."""

    title: str
    description: str
    assignee: Membership | None
    assignee_seat: Seat | None
    priority: int
    labels: Iterable[Label | str]
    section: Section | None
    # The rule: `preset` (with its inputs) or custom `rrule` text, validated as on create.
    preset: str
    rrule: str
    weekdays: Iterable[str]
    month_day: int | None
    weekday: str | None
    interval: int
    timezone_name: str
    dtstart_local: datetime | date
    all_day: bool
    mode: str


_RULE_INPUTS = ("weekdays", "month_day", "weekday", "interval")


def recurrence_update(
    *,
    actor: Membership,
    recurrence: Recurrence,
    context: AuditContext | None = None,
    now: datetime | None = None,
    **fields: Unpack[RecurrenceChanges],
) -> Recurrence:
    """Change a series from now on. Raises ValidationError (nothing saved) or PermissionDenied.

    Who may: the same check as create, skip and stop (`require_edit_in_project`). The rule is
    validated as on create. All in one transaction, the series row locked.

    - Tasks already created stay exactly as they are: they are ordinary tasks that people may
      have edited or started; edit them one by one if needed.
    - A new rule, start, time zone or all-day setting takes effect after the last occurrence
      already created (never a second task for a date that has one); skipped dates that the
      new rule no longer produces are forgotten. Changing the zone keeps the wall-clock time.
    - `dtstart_local` as a date makes the series all-day; as a date-time, timed unless
      `all_day=True` is given too. Giving a person clears the seat and the other way round.
    - A stopped series cannot be edited. Audited as "recurrence.updated" with the names (not
      the values) of the fields that changed; no change, no audit entry.
    """
    unknown = set(fields) - RecurrenceChanges.__optional_keys__
    if unknown:
        raise TypeError(f"recurrence_update() got unexpected fields: {sorted(unknown)}")
    same_workspace(
        actor, recurrence, fields.get("section"), fields.get("assignee"),
        fields.get("assignee_seat"),
    )  # fmt: skip
    require_edit_in_project(actor, recurrence.project)
    with transaction.atomic():
        rec = Recurrence.objects.select_for_update().get(pk=recurrence.pk)
        rec.workspace, rec.project = recurrence.workspace, recurrence.project
        if rec.stopped_at is not None:
            raise ValidationError(_("This series was stopped: it cannot be edited any more."))
        changed = _apply_changes(actor, rec, fields)
        if not changed:
            return recurrence
        rec.save(update_fields=[*changed, "updated_at"])
        audit_event(actor, "recurrence.updated", rec, context, fields=sorted(changed))
        materialize_next(rec, now=now)
    recurrence.refresh_from_db()
    return recurrence


def _apply_changes(actor: Membership, rec: Recurrence, fields: RecurrenceChanges) -> list[str]:
    """Validate `fields` against `rec`, set what differs; the model field names changed."""
    errors: dict[str, list[str]] = {}
    new: dict[str, Any] = {}
    if "title" in fields:
        new["title"] = _checked(errors, clean_title, fields["title"])
    if "description" in fields:
        new["description"] = fields["description"] or ""
    if "priority" in fields:
        new["priority"] = _checked(errors, check_priority, fields["priority"])
    if "mode" in fields:
        if fields["mode"] not in RecurrenceMode.values:
            errors.setdefault("mode", []).append(_("Choose how the task repeats."))
        new["mode"] = fields["mode"]
    if "section" in fields:
        section = fields["section"]
        if section is not None and section.project_id != rec.project_id:
            errors.setdefault("section", []).append(_("Choose a section of this project."))
        new["section"] = section
    if "assignee" in fields or "assignee_seat" in fields:
        person = fields.get("assignee", None if fields.get("assignee_seat") else rec.assignee)
        seat = fields.get("assignee_seat", None if fields.get("assignee") else rec.assignee_seat)
        if person is not None and seat is not None:
            errors.setdefault("assignee", []).append(_("Assign a person or a seat, not both."))
        new["assignee"], new["assignee_seat"] = person, seat
    schedule = _schedule_changes(actor, rec, fields, errors)
    if errors:
        raise ValidationError(errors)
    if "assignee" in new and new["assignee"] is not None and new["assignee"] != rec.assignee:
        check_person(actor, new["assignee"], rec.project, "assignee")
    new.update(schedule)
    if "labels" in fields:
        labels = resolve_labels(actor, fields["labels"])
        new["label_ids"] = sorted(label.pk for label in labels)
    changed = []
    for name, value in new.items():
        if getattr(rec, name) != value:
            setattr(rec, name, value)
            changed.append(name)
    return changed


def _schedule_changes(
    actor: Membership,
    rec: Recurrence,
    fields: RecurrenceChanges,
    errors: dict[str, list[str]],
) -> dict[str, Any]:
    """The new rrule, timezone, dtstart_local, all_day and skipped, when any of them moves."""
    old_rule = series_rule(rec)
    text = rec.rrule
    if "preset" in fields or "rrule" in fields:
        text = _rule_text(
            errors, preset=fields.get("preset", ""), rrule=fields.get("rrule", ""),
            weekdays=fields.get("weekdays", ()), month_day=fields.get("month_day"),
            weekday=fields.get("weekday"), interval=fields.get("interval", 1) or 1,
        )  # fmt: skip
        if text and engine.same_rule(text, rec.rrule):
            text = rec.rrule  # the same rule written differently is no change
    elif any(name in fields for name in _RULE_INPUTS):
        errors.setdefault("preset", []).append(_("Choose how often the task repeats."))
    tz_name = rec.timezone
    if "timezone_name" in fields:
        tz_name = _zone_name(errors, fields["timezone_name"], actor)
    value: datetime | date | None = old_rule.dtstart
    all_day = fields.get("all_day", rec.all_day)
    if "dtstart_local" in fields:
        value = fields["dtstart_local"]
        all_day = fields.get("all_day", False)
        if value is None:
            errors.setdefault("dtstart_local", []).append(_("Choose the first date."))
    if errors or value is None:
        return {}
    start, all_day = _local_start(value, tz_name, all_day=all_day)
    moved = (text, tz_name, start, all_day) != (rec.rrule, rec.timezone, old_rule.dtstart,
                                                rec.all_day)  # fmt: skip
    if not moved:
        return {}
    rule = _check_happens(text, start, tz_name)
    skipped = [
        day
        for day in rec.skipped
        if engine.occurrences_between(
            rule,
            datetime.combine(date.fromisoformat(day), time()),
            datetime.combine(date.fromisoformat(day), time.max),
        )
    ]
    return {
        "rrule": text, "timezone": tz_name, "all_day": all_day, "skipped": skipped,
        # Naive local wall-clock time stored as if UTC, as on create.
        "dtstart_local": start.replace(tzinfo=UTC),
    }  # fmt: skip
