"""Meeting series: create, edit, stop, invite. A 1:1 also keeps a recurring check-in task.

The schedule is validated by keel.tasks.recurrence (presets or custom RRULE). Action items and
the 1:1 check-in live in `series.project`: the project chosen for the series, else the
workspace's "Meetings" project (services.meeting_project).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, TypedDict, Unpack
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.accounts.models import Group
from keel.core.models import Membership, Workspace
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import clean_line
from keel.feedback.models import Attendee, MeetingKind, MeetingSeries
from keel.feedback.services.meeting_people import may_manage
from keel.feedback.services.meeting_project import (
    create_check_in,
    drop_stale_meetings,
    meetings_project,
)
from keel.org.models import Seat
from keel.tasks import recurrence as engine
from keel.tasks.access import can_edit_in_project
from keel.tasks.models import Project
from keel.tasks.services.recurrence import recurrence_stop, recurrence_update

MAX_URL = 500


class ScheduleFields(TypedDict, total=False):
    preset: str
    rrule: str
    weekdays: Iterable[str]
    month_day: int | None
    weekday: str | None
    interval: int


# --- Checks ---------------------------------------------------------------------------------


def _add(errors: dict[str, list[str]], error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        errors.setdefault(field, []).extend(messages)


def clean_call_url(value: str) -> str:
    url = (value or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[" and other unparsable addresses
        host, parts = None, urlsplit("")
    if len(url) > MAX_URL or parts.scheme not in ("http", "https") or not host:
        raise ValidationError(
            {
                "call_url": _(
                    "Give the call's web address, starting with https:// (500 characters at most)."
                )
            }
        )
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise ValidationError({"call_url": _("The call link cannot contain spaces.")})
    return url


def _rule_text(errors: dict[str, list[str]], schedule: ScheduleFields) -> str:
    try:
        if schedule.get("preset"):
            return engine.build_rrule(
                schedule["preset"],
                weekdays=schedule.get("weekdays", ()),
                month_day=schedule.get("month_day"),
                weekday=schedule.get("weekday"),
                interval=schedule.get("interval", 1) or 1,
                custom=schedule.get("rrule", ""),
            )
        return engine.normalize_rrule(schedule.get("rrule", ""))
    except ValidationError as error:
        _add(errors, error)
        return ""


def _local_start(errors: dict[str, list[str]], value: Any, tz_name: str) -> datetime | None:
    if not isinstance(value, datetime):
        if isinstance(value, date):
            value = datetime.combine(value, datetime.min.time())
        else:
            errors.setdefault("dtstart_local", []).append(
                _("Choose the first meeting's date and time.")
            )
            return None
    try:
        engine.check_start(value)
        if timezone.is_aware(value):
            value = value.astimezone(engine.zone(tz_name)).replace(tzinfo=None)
    except ValidationError as error:
        _add(errors, error)
        return None
    return value.replace(second=0, microsecond=0)


def _zone(errors: dict[str, list[str]], name: str, workspace: Workspace) -> str:
    tz_name = (name or workspace.timezone or "UTC").strip()
    try:
        engine.zone(tz_name)
    except ValidationError as error:
        errors.setdefault("timezone_name", []).extend(error.message_dict["timezone"])
    return tz_name


def _check_people(errors: dict[str, list[str]], kind: str, values: dict[str, Any]) -> None:
    if values.get("organizer") is not None and values.get("organizer_seat") is not None:
        errors.setdefault("organizer", []).append(_("Choose a person or a seat, not both."))
    if values.get("organizer") is None and values.get("organizer_seat") is None:
        errors.setdefault("organizer", []).append(_("Choose who runs the meeting."))
    organizer = values.get("organizer")
    if organizer is not None and not organizer.is_active:
        errors.setdefault("organizer", []).append(_("This person has left the workspace."))
    report, report_seat = values.get("report_member"), values.get("report_seat")
    if kind == MeetingKind.ONE_ON_ONE:
        if report is not None and report_seat is not None:
            errors.setdefault("report_member", []).append(_("Choose a person or a seat, not both."))
        elif report is None and report_seat is None:
            errors.setdefault("report_member", []).append(_("Choose who the 1:1 is with."))
        elif report is not None and organizer is not None and report.pk == organizer.pk:
            errors.setdefault("report_member", []).append(_("A 1:1 is with someone else."))
        elif report is not None and not report.is_active:
            errors.setdefault("report_member", []).append(_("This person has left the workspace."))
    elif report is not None or report_seat is not None:
        errors.setdefault("report_member", []).append(_("Only a 1:1 is with one person."))


def _check_schedule(errors: dict[str, list[str]], text: str, start: datetime, tz: str) -> None:
    rule = engine.compile_rule(text, start, tz)
    if engine.next_occurrence(rule, start, inclusive=True) is None:
        errors.setdefault("rrule", []).append(
            _("This schedule has no meeting after the first date.")
        )


# --- Create ---------------------------------------------------------------------------------


def series_create(
    *,
    actor: Membership,
    title: str,
    kind: str,
    dtstart_local: datetime | date,
    timezone_name: str = "",
    duration_minutes: int = 30,
    call_url: str = "",
    description: str = "",
    organizer: Membership | None = None,
    organizer_seat: Seat | None = None,
    report_member: Membership | None = None,
    report_seat: Seat | None = None,
    members: Iterable[Membership] = (),
    groups: Iterable[Group] = (),
    seats: Iterable[Seat] = (),
    project: Project | None = None,
    context: AuditContext | None = None,
    **schedule: Unpack[ScheduleFields],
) -> MeetingSeries:
    """A new series. Without an organiser the actor runs it. Raises ValidationError."""
    require(actor, "feedback.meetings_manage")
    members, groups, seats = list(members), list(groups), list(seats)
    same_workspace(
        actor,
        organizer,
        organizer_seat,
        report_member,
        report_seat,
        project,
        *members,
        *groups,
        *seats,
    )
    if organizer is None and organizer_seat is None:
        organizer = actor
    errors: dict[str, list[str]] = {}
    try:
        title = clean_line(
            title, field="title", max_length=120, required=_("Give the meeting a title.")
        )
    except ValidationError as error:
        _add(errors, error)
    if kind not in MeetingKind.values:
        errors.setdefault("kind", []).append(_("Choose the kind of meeting."))
    if not isinstance(duration_minutes, int) or not 5 <= duration_minutes <= 600:
        errors.setdefault("duration_minutes", []).append(_("A meeting lasts 5 to 600 minutes."))
    try:
        call_url = clean_call_url(call_url)
    except ValidationError as error:
        _add(errors, error)
    tz_name = _zone(errors, timezone_name, actor.workspace)
    text = _rule_text(errors, schedule)
    start = _local_start(errors, dtstart_local, tz_name)
    if text and start is not None and not errors.get("timezone_name"):
        _check_schedule(errors, text, start, tz_name)
    _check_people(
        errors,
        kind,
        {
            "organizer": organizer,
            "organizer_seat": organizer_seat,
            "report_member": report_member,
            "report_seat": report_seat,
        },
    )
    if project is not None and not can_edit_in_project(actor, project):
        errors.setdefault("project", []).append(_("Choose a project you can add tasks to."))
    if errors:
        raise ValidationError(errors)
    assert start is not None
    with transaction.atomic():
        series = MeetingSeries.objects.create(
            workspace=actor.workspace,
            title=title,
            kind=kind,
            description=description or "",
            rrule=text,
            dtstart_local=start.replace(tzinfo=UTC),
            timezone=tz_name,
            duration_minutes=duration_minutes,
            call_url=call_url,
            organizer=organizer,
            organizer_seat=organizer_seat,
            report_member=report_member,
            report_seat=report_seat,
            project=project or meetings_project(actor),
            created_by=actor,
        )
        _set_attendees(series, members, groups, seats)
        if kind == MeetingKind.ONE_ON_ONE:
            try:
                series.checkin = create_check_in(actor, series)
            except ValidationError as error:
                raise ValidationError({"organizer": error.messages}) from error
            series.save(update_fields=["checkin", "updated_at"])
        audit_event(actor, "meeting.series_created", series, context, kind=kind, rrule=text)
    return series


# --- Attendees ------------------------------------------------------------------------------


def _set_attendees(
    series: MeetingSeries, members: list[Membership], groups: list[Group], seats: list[Seat]
) -> None:
    Attendee.objects.filter(series=series).delete()
    rows = [
        Attendee(workspace_id=series.workspace_id, series=series, membership=m)
        for m in {m.pk: m for m in members}.values()
    ]
    rows += [
        Attendee(workspace_id=series.workspace_id, series=series, group=g)
        for g in {g.pk: g for g in groups}.values()
    ]
    rows += [
        Attendee(workspace_id=series.workspace_id, series=series, seat=s)
        for s in {s.pk: s for s in seats}.values()
    ]
    Attendee.objects.bulk_create(rows)


def _require_manage(actor: Membership, series: MeetingSeries) -> None:
    same_workspace(actor, series)
    if not may_manage(actor, series):
        raise PermissionDenied(_("Only the organiser or a manager can change this meeting."))


def attendees_set(
    *,
    actor: Membership,
    series: MeetingSeries,
    members: Iterable[Membership] = (),
    groups: Iterable[Group] = (),
    seats: Iterable[Seat] = (),
    context: AuditContext | None = None,
) -> MeetingSeries:
    members, groups, seats = list(members), list(groups), list(seats)
    _require_manage(actor, series)
    same_workspace(actor, *members, *groups, *seats)
    if any(not m.is_active for m in members):
        raise ValidationError({"members": _("People who left cannot be invited.")})
    with transaction.atomic():
        _set_attendees(series, members, groups, seats)
        audit_event(
            actor,
            "meeting.attendees_set",
            series,
            context,
            members=len(members),
            groups=len(groups),
            seats=len(seats),
        )
    return series


# --- Update, stop ---------------------------------------------------------------------------


class SeriesChanges(ScheduleFields, total=False):
    title: str
    description: str
    dtstart_local: datetime | date
    timezone_name: str
    duration_minutes: int
    call_url: str


def series_update(
    *,
    actor: Membership,
    series: MeetingSeries,
    context: AuditContext | None = None,
    **fields: Unpack[SeriesChanges],
) -> MeetingSeries:
    """Change the title, purpose, schedule, length or call link (partial update)."""
    unknown = set(fields) - SeriesChanges.__optional_keys__
    if unknown:
        raise TypeError(f"series_update() got unexpected fields: {sorted(unknown)}")
    _require_manage(actor, series)
    if series.stopped_at is not None:
        raise ValidationError(_("This meeting series was stopped."))
    errors: dict[str, list[str]] = {}
    new: dict[str, Any] = {}
    if "title" in fields:
        try:
            new["title"] = clean_line(
                fields["title"],
                field="title",
                max_length=120,
                required=_("Give the meeting a title."),
            )
        except ValidationError as error:
            _add(errors, error)
    if "description" in fields:
        new["description"] = fields["description"] or ""
    if "duration_minutes" in fields:
        minutes = fields["duration_minutes"]
        if not isinstance(minutes, int) or not 5 <= minutes <= 600:
            errors.setdefault("duration_minutes", []).append(_("A meeting lasts 5 to 600 minutes."))
        new["duration_minutes"] = minutes
    if "call_url" in fields:
        try:
            new["call_url"] = clean_call_url(fields["call_url"])
        except ValidationError as error:
            _add(errors, error)
    tz_name = series.timezone
    if "timezone_name" in fields:
        tz_name = _zone(errors, fields["timezone_name"], actor.workspace)
    text = series.rrule
    if "preset" in fields or "rrule" in fields:
        text = _rule_text(errors, fields)
    start: datetime | None = series.dtstart_local.replace(tzinfo=None)
    if "dtstart_local" in fields:
        start = _local_start(errors, fields["dtstart_local"], tz_name)
    if text and start is not None and not errors:
        _check_schedule(errors, text, start, tz_name)
    if errors:
        raise ValidationError(errors)
    assert start is not None
    if text and not engine.same_rule(text, series.rrule):
        new["rrule"] = text
    new["timezone"], new["dtstart_local"] = tz_name, start.replace(tzinfo=UTC)
    changed = [name for name, value in new.items() if getattr(series, name) != value]
    if not changed:
        return series
    with transaction.atomic():
        for name in changed:
            setattr(series, name, new[name])
        series.save(update_fields=[*changed, "updated_at"])
        moved = {"rrule", "timezone", "dtstart_local"} & set(changed)
        if moved:
            drop_stale_meetings(series)
            if series.checkin is not None and series.checkin.stopped_at is None:
                recurrence_update(
                    actor=actor,
                    recurrence=series.checkin,
                    rrule=series.rrule,
                    timezone_name=series.timezone,
                    all_day=False,
                    dtstart_local=series.dtstart_local.replace(tzinfo=None),
                )
        audit_event(actor, "meeting.series_updated", series, context, fields=sorted(changed))
    return series


def series_stop(
    *, actor: Membership, series: MeetingSeries, context: AuditContext | None = None
) -> MeetingSeries:
    """No more meetings; a 1:1's check-in task stops repeating too. Notes stay."""
    _require_manage(actor, series)
    if series.stopped_at is not None:
        return series
    with transaction.atomic():
        series.stopped_at = timezone.now()
        series.save(update_fields=["stopped_at", "updated_at"])
        checkin = series.checkin
        if checkin is not None and checkin.stopped_at is None:
            try:
                recurrence_stop(actor=actor, recurrence=checkin, context=context)
            except PermissionDenied:
                # The organiser may not edit the project any more: the series' end still
                # ends its check-in.
                checkin.stopped_at = series.stopped_at
                checkin.save(update_fields=["stopped_at", "updated_at"])
        audit_event(actor, "meeting.series_stopped", series, context)
    return series
