"""When a report form is due: its period dates, each period's first day and its due moment in
a writer's own time zone. Pure (no database): the reminder job, the services and the pages
hand in the form's fields and a zone name.

The due moment is wall-clock time in the writer's zone (17:00 in Shanghai for one writer, in
Los Angeles for another), placed with `keel.tasks.recurrence.localize`: a time inside a
spring-forward gap moves forward by the gap, an ambiguous fall-back time takes the first one.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError

from keel.tasks.recurrence import localize, zone

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LAST_DAY = -1


@dataclass(frozen=True)
class Schedule:
    """The schedule fields of a `ReportForm`."""

    frequency: str  # "daily" | "weekly" | "monthly"
    weekdays: tuple[str, ...]
    month_day: int | None
    due_time: time
    starts_on: date

    @classmethod
    def of(cls, form: Any) -> Schedule:
        """The schedule of a ReportForm (or anything with its fields)."""
        return cls(
            frequency=form.frequency,
            weekdays=tuple(form.weekdays or ()),
            month_day=form.month_day,
            due_time=form.due_time,
            starts_on=form.starts_on,
        )

    def _days(self) -> set[int]:
        """Python weekday numbers the form is due on (daily and weekly)."""
        days = {WEEKDAYS.index(d) for d in self.weekdays if d in WEEKDAYS}
        if self.frequency == "weekly":
            # One day a week; without one, the weekday it started on.
            return {min(days)} if days else {self.starts_on.weekday()}
        return days or set(range(7))  # a daily form without days is due every day

    def _month_day(self, year: int, month: int) -> int:
        last = calendar.monthrange(year, month)[1]
        day = self.month_day
        if day is None:  # unset: the day it started on, the last day for the 29th..31st
            day = self.starts_on.day if self.starts_on.day <= 28 else LAST_DAY
        return last if day == LAST_DAY else min(max(day, 1), last)


def writer_zone(user_timezone: str, workspace_timezone: str) -> str:
    """The writer's zone: their own if set and known, else the workspace's, else UTC."""
    for name in (user_timezone, workspace_timezone):
        if name:
            try:
                zone(name)
            except ValidationError:
                continue
            return name
    return "UTC"


def is_period_date(schedule: Schedule, day: date) -> bool:
    """Is a report of this form due on `day` (a local date)?"""
    if day < schedule.starts_on:
        return False
    if schedule.frequency == "monthly":
        return day.day == schedule._month_day(day.year, day.month)
    return day.weekday() in schedule._days()


def period_dates(schedule: Schedule, first: date, last: date) -> list[date]:
    """The period dates from `first` to `last` (both included), in order."""
    first = max(first, schedule.starts_on)
    if schedule.frequency == "monthly":
        found = []
        year, month = first.year, first.month
        while date(year, month, 1) <= last:
            day = date(year, month, schedule._month_day(year, month))
            if first <= day <= last:
                found.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found
    days = schedule._days()
    count = (last - first).days + 1
    candidates = (first + timedelta(days=n) for n in range(max(count, 0)))
    return [day for day in candidates if day.weekday() in days]


def next_period(schedule: Schedule, on_or_after: date) -> date:
    """The first period date on or after `on_or_after`."""
    start = max(on_or_after, schedule.starts_on)
    span = 62 if schedule.frequency == "monthly" else 7
    found = period_dates(schedule, start, start + timedelta(days=span))
    return found[0]  # every schedule has a period within two months


def previous_period(schedule: Schedule, on_or_before: date) -> date | None:
    """The last period date on or before `on_or_before`; None before the form started."""
    if on_or_before < schedule.starts_on:
        return None
    span = 62 if schedule.frequency == "monthly" else 7
    found = period_dates(schedule, on_or_before - timedelta(days=span), on_or_before)
    return found[-1] if found else None


def due_moment(period_date: date, due_time: time, tz: str) -> datetime:
    """The UTC instant of `due_time` on `period_date` in the zone `tz`."""
    return localize(datetime.combine(period_date, due_time.replace(tzinfo=None)), tz)


def period_start(schedule: Schedule, period_date: date) -> date:
    """The first day of the work a report covers.

    Daily: the same day. Weekly: the six days before and the day itself. Monthly: the day
    after the previous month's due day.
    """
    if schedule.frequency == "weekly":
        return period_date - timedelta(days=6)
    if schedule.frequency == "monthly":
        first = period_date.replace(day=1)
        previous = first - timedelta(days=1)
        due = schedule._month_day(previous.year, previous.month)
        return previous.replace(day=due) + timedelta(days=1)
    return period_date


def local_today(now: datetime, tz: str) -> date:
    return now.astimezone(zone(tz)).date()


def current_period(schedule: Schedule, now: datetime, tz: str) -> date:
    """The period a writer is working in now: the first one due today or later (local)."""
    return next_period(schedule, local_today(now, tz))


def last_due_period(schedule: Schedule, now: datetime, tz: str) -> date | None:
    """The most recent period whose due moment has passed, or None."""
    today = local_today(now, tz)
    day = previous_period(schedule, today)
    if day is not None and due_moment(day, schedule.due_time, tz) > now:
        day = previous_period(schedule, day - timedelta(days=1))
    return day


def periods_due_between(
    schedule: Schedule, tz: str, after: datetime, until: datetime
) -> list[tuple[date, datetime]]:
    """(period date, due moment) of every period due in (`after`, `until`], in `tz`."""
    # One day of margin each side: a zone's local date differs from UTC's by up to a day.
    first = after.astimezone(UTC).date() - timedelta(days=1)
    last = until.astimezone(UTC).date() + timedelta(days=1)
    found = []
    for day in period_dates(schedule, first, last):
        moment = due_moment(day, schedule.due_time, tz)
        if after < moment <= until:
            found.append((day, moment))
    return found
