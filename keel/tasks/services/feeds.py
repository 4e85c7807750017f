"""iCalendar (RFC 5545) feeds: a secret URL per member (their tasks, also via seats) or project.

The raw token is shown once; only its SHA-256 is stored (like API tokens). Each due task is a
VEVENT: all-day on its due date (DTSTART;VALUE=DATE, DTEND the next day), or at its due time
in UTC. Each active series is one RRULE VEVENT in its own time zone (with VTIMEZONE), starting
after its latest materialised occurrence so no day shows twice.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from keel.accounts.models import hash_secret
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.core.validators import printable_line
from keel.tasks import recurrence as engine
from keel.tasks import selectors
from keel.tasks.access import can_see_project, require_see_project
from keel.tasks.models import CalendarFeed, Project, Recurrence, Status, Task

if TYPE_CHECKING:
    from keel.core.models import Membership

TOKEN_PREFIX = "kcal_"  # noqa: S105 - a public prefix, not a secret
PAST_DAYS = 60  # done and overdue tasks older than this drop out of the feed
MAX_EVENTS = 2000
PRODID = "-//Keel//Tasks//EN"


# --- Feeds ----------------------------------------------------------------------------------


@transaction.atomic
def feed_create(
    *, actor: Membership, project: Project | None = None, context: AuditContext | None = None
) -> tuple[CalendarFeed, str]:
    """A new feed and its raw token (shown once). A project feed needs access to the project."""
    if project is not None:
        same_workspace(actor, project)
        require_see_project(actor, project)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        workspace=actor.workspace, owner=actor, project=project, token_hash=hash_secret(raw)
    )
    audit_event(actor, "calendar_feed.created", feed, context,
                project=project.pk if project else None)  # fmt: skip
    return feed, raw


@transaction.atomic
def feed_revoke(
    *, actor: Membership, feed: CalendarFeed, context: AuditContext | None = None
) -> CalendarFeed:
    if feed.owner_id != actor.pk:
        raise PermissionDenied(_("Only the feed's owner can revoke it."))
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at", "updated_at"])
        audit_event(actor, "calendar_feed.revoked", feed, context)
    return feed


def feeds_of(actor: Membership) -> list[CalendarFeed]:
    return list(
        CalendarFeed.objects.in_workspace(actor.workspace)
        .filter(owner=actor, revoked_at__isnull=True)
        .select_related("project")
        .order_by("-created_at", "-id")
    )


def feed_find(raw: str) -> CalendarFeed | None:
    """The live feed of a raw token, or None (unknown, revoked, owner gone, project hidden)."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related("owner__user", "owner__workspace", "project")
        .filter(token_hash=hash_secret(raw), revoked_at__isnull=True)
        .filter(owner__offboarded_at__isnull=True, owner__user__is_active=True)
        .first()
    )
    if feed is None:
        return None
    if feed.project is not None and not can_see_project(feed.owner, feed.project):
        return None
    return feed


# --- Calendar -------------------------------------------------------------------------------


def _feed_tasks_and_series(feed: CalendarFeed, today: date) -> tuple[list[Task], list[Recurrence]]:
    owner = feed.owner
    ws = owner.workspace
    tasks = Task.objects.in_workspace(ws).filter(due_date__isnull=False)
    series = Recurrence.objects.in_workspace(ws).filter(stopped_at__isnull=True)
    if feed.project is not None:
        tasks = tasks.filter(project=feed.project)
        series = series.filter(project=feed.project)
    else:
        mine = selectors.work_of(owner, workspace_id=owner.workspace_id)
        visible = selectors.visible_projects(owner).values("pk")
        tasks = tasks.filter(mine, project__in=visible)
        series = series.filter(mine, project__in=visible)
    tasks = tasks.filter(due_date__gte=today - timedelta(days=PAST_DAYS))
    task_rows = list(tasks.select_related("project").order_by("due_date", "id")[:MAX_EVENTS])
    series_rows = list(series.select_related("project").order_by("pk")[:MAX_EVENTS])
    return task_rows, series_rows


def _task_event(task: Task, *, slug: str, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"keel-task-{task.pk}@{slug}")
    event.add("dtstamp", task.updated_at.astimezone(UTC))
    prefix = "✓ " if task.status == Status.DONE else ""
    title = printable_line(task.title)
    event.add("summary", f"{prefix}{task.project.key}-{task.number} {title}")
    if task.due_at is not None:
        event.add("dtstart", task.due_at.astimezone(UTC))
    else:
        assert task.due_date is not None
        event.add("dtstart", task.due_date)
        event.add("dtend", task.due_date + timedelta(days=1))
    if base_url:
        url = f"{base_url}/{slug}/tasks/{task.pk}/"
        event.add("url", url)
        event.add("description", url)
    return event


def _series_until(value: str, rec: Recurrence) -> str:
    """UNTIL in the form the DTSTART needs: a DATE for all-day, UTC for timed series."""
    plain = value.rstrip("Z")
    day = plain[:8]
    if rec.all_day:
        return day
    if value.endswith("Z"):
        return value
    local = datetime.strptime(  # noqa: DTZ007 - local wall-clock, localised below
        plain if "T" in plain else day + "T235959", "%Y%m%dT%H%M%S"
    )
    return engine.localize(local, rec.timezone).strftime("%Y%m%dT%H%M%SZ")


def _series_event(
    rec: Recurrence, *, latest: date | None, slug: str, now: datetime
) -> Event | None:
    from keel.tasks.services.recurrence import series_rule

    rule = series_rule(rec)
    after = datetime.combine(latest, datetime.max.time()) if latest else None
    start = (
        engine.next_occurrence(rule, after) if after else engine.next_occurrence(
            rule, rule.dtstart, inclusive=True
        )
    )  # fmt: skip
    if start is None:
        return None
    parts = dict(p.split("=", 1) for p in rec.rrule.split(";") if "=" in p)
    if "COUNT" in parts:
        before = len(engine.occurrences_between(rule, rule.dtstart, start)) - 1
        remaining = int(parts["COUNT"]) - max(before, 0)
        if remaining <= 0:
            return None
        parts["COUNT"] = str(remaining)
    if "UNTIL" in parts:
        parts["UNTIL"] = _series_until(parts["UNTIL"], rec)
    text = ";".join(f"{k}={v}" for k, v in parts.items())
    event = Event()
    event.add("uid", f"keel-recurrence-{rec.pk}@{slug}")
    event.add("dtstamp", rec.updated_at.astimezone(UTC))
    event.add("summary", f"↻ {printable_line(rec.title)}")
    if rec.all_day:
        event.add("dtstart", start.date())
        event.add("dtend", start.date() + timedelta(days=1))
    else:
        event.add("dtstart", start.replace(tzinfo=engine.zone(rec.timezone)))
    event.add("rrule", vRecur.from_ical(text))
    skipped = [date.fromisoformat(d) for d in rec.skipped if d > start.date().isoformat()]
    for day in skipped:
        if rec.all_day:
            event.add("exdate", day)
        else:
            event.add(
                "exdate",
                datetime.combine(day, start.time()).replace(tzinfo=engine.zone(rec.timezone)),
            )
    return event


def feed_calendar(feed: CalendarFeed, *, base_url: str = "", now: datetime | None = None) -> bytes:
    """The feed as iCalendar bytes. A fixed number of queries whatever the data."""
    now = now or timezone.now()
    ws = feed.owner.workspace
    today = timezone.localdate(now, engine.zone(ws.timezone or "UTC"))
    tasks, series = _feed_tasks_and_series(feed, today)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = feed.project.name if feed.project else str(ws.name)
    # Names are checked for control characters when saved; rows older than that check
    # would otherwise break the whole feed (iCalendar refuses a raw line break).
    cal.add("x-wr-calname", f"Keel — {printable_line(name)}")
    for task in tasks:
        cal.add_component(_task_event(task, slug=ws.slug, base_url=base_url.rstrip("/")))
    latest_by_series = dict(
        Task.objects.filter(recurrence_id__in=[r.pk for r in series])
        .values("recurrence_id")
        .annotate(latest=Max("occurrence_date"))
        .values_list("recurrence_id", "latest")
    )
    for rec in series:
        event = _series_event(rec, latest=latest_by_series.get(rec.pk), slug=ws.slug, now=now)
        if event is not None:
            cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def feed_url_path(raw: str) -> str:
    return f"/feeds/{raw}.ics"


def describe_feed(feed: CalendarFeed) -> Any:
    if feed.project is not None:
        return _("Project: %(name)s") % {"name": feed.project.name}
    return _("My tasks")
