"""When a meeting series meets: its occurrences as UTC instants (keel.tasks.recurrence does the
wall-clock arithmetic, so a Monday 10:00 meeting stays at 10:00 across daylight saving).

`MeetingSeries.dtstart_local` is a naive wall-clock time stored labelled UTC, as the tasks app
stores a recurring task's start. Pure functions over a series row; no queries.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from keel.tasks import recurrence as engine

if TYPE_CHECKING:
    from keel.feedback.models import MeetingSeries


def series_rule(series: MeetingSeries) -> engine.Rule:
    return engine.compile_rule(
        series.rrule, series.dtstart_local.replace(tzinfo=None), series.timezone
    )


def _local(series: MeetingSeries, moment: datetime) -> datetime:
    """`moment` (aware) as a naive wall-clock time in the series' zone."""
    return moment.astimezone(engine.zone(series.timezone)).replace(tzinfo=None)


def next_start(series: MeetingSeries, now: datetime) -> datetime | None:
    """The first occurrence at or after `now`, in UTC; None when the rule has ended."""
    rule = series_rule(series)
    after = max(_local(series, now), rule.dtstart)
    found = engine.next_occurrence(rule, after, inclusive=True)
    while found is not None:
        instant = engine.localize(found, series.timezone)
        if instant >= now:
            return instant
        # A wall-clock time in a DST gap localises earlier than `now`: try the next one.
        found = engine.next_occurrence(rule, found)
    return None


def starts_between(series: MeetingSeries, start: datetime, end: datetime) -> list[datetime]:
    """Occurrences with start <= t <= end (aware UTC bounds), in UTC, oldest first."""
    rule = series_rule(series)
    # A day of slack on each side: the zone's offset moves the local bounds.
    local_start = max(_local(series, start) - timedelta(days=1), rule.dtstart)
    local_end = _local(series, end) + timedelta(days=1)
    if local_end < local_start:
        return []
    found = []
    for local in engine.occurrences_between(rule, local_start, local_end):
        instant = engine.localize(local, series.timezone)
        if start <= instant <= end:
            found.append(instant)
    return found


def is_occurrence(series: MeetingSeries, moment: datetime) -> bool:
    return moment in starts_between(series, moment, moment)


def ends_at(series: MeetingSeries, starts_at: datetime) -> datetime:
    return starts_at + timedelta(minutes=series.duration_minutes)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
