"""The team page: the people a viewer leads (everyone, for an owner, who may narrow by
department or group), their participation and mood, the team's themes and open signals.

Aggregates run in the database (a handful of rows per person or day), and themes are cached
for half an hour (jieba segmentation is the costly part), so the page costs a fixed number
of queries and little time whatever the number of reports.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.utils import timezone

from keel.accounts.models import GroupMembership
from keel.core.models import Membership
from keel.feedback import access, themes
from keel.feedback.models import Answer, AnswerVisibility, QuestionKind, Report, ReportForm
from keel.feedback.selectors.insights import (
    Led,
    SignalRow,
    signal_rows_in,
    signals_in_scope,
    week_start,
)
from keel.org.models import Seat

TEAM_WEEKS = 12
SIGNALS_SHOWN = 20  # the rest are on the signals page; the table counts them all
PARTICIPATION_DAYS = 28
THEMES_CACHE = 30 * 60  # seconds
THEME_ANSWERS = 1000  # the most recent team answers read for themes
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


@dataclass(frozen=True)
class TeamPerson:
    """A name on the team page: ids and names only (250 people as model instances, with
    their users, cost the page 10 ms)."""

    pk: int
    name: str


@dataclass
class TeamRow:
    person: TeamPerson
    due: int
    written: int
    mood: float | None
    open_signals: int

    @property
    def participation(self) -> int | None:
        return round(100 * self.written / self.due) if self.due else None


@dataclass
class TeamPage:
    is_owner: bool
    rows: list[TeamRow]
    weeks: list[date]
    mood: list[float | None]
    themes: list[tuple[str, int]]
    signals: list[SignalRow]


def team_people(
    *, viewer: Membership, department_id: int | None = None, group_id: int | None = None,
    led: Led,
) -> list[TeamPerson] | None:  # fmt: skip
    """The people on `viewer`'s team page, by name: below them on the chart, or anyone
    for an owner (who may narrow by department or group). None: nobody to lead."""
    if led is not None and not led:
        return None
    people = Membership.objects.in_workspace(viewer.workspace).active().exclude(pk=viewer.pk)
    if led is not None:
        people = people.filter(pk__in=led)
    else:
        if department_id is not None:
            held = Seat.objects.in_workspace(viewer.workspace).filter(department_id=department_id)
            people = people.filter(pk__in=held.values("holder_id"))
        if group_id is not None:
            people = people.filter(
                pk__in=GroupMembership.objects.filter(group_id=group_id).values("membership_id")
            )
    rows = people.order_by("user__full_name", "user__email", "pk").values_list(
        "pk", "user__full_name", "user__email"
    )
    # the name as User.display_name writes it
    return [TeamPerson(pk, full_name or email.split("@")[0]) for pk, full_name, email in rows]


def _pending(workspace: Any, now: datetime) -> Q:
    """Reports not written but still inside their form's late window: neither written nor
    missed yet, so participation leaves them out. One query (a workspace has few forms)."""
    by_hours: dict[int, list[int]] = defaultdict(list)
    for form_id, hours in ReportForm.objects.in_workspace(workspace).values_list(
        "id", "late_window_hours"
    ):
        by_hours[hours].append(form_id)
    late = Q(pk__in=[])
    for hours, form_ids in by_hours.items():
        late |= Q(form_id__in=form_ids, due_at__gt=now - timedelta(hours=hours))
    return Q(submitted_at__isnull=True) & late


def _team_key(what: str, workspace: Any, ids: list[int], day: date) -> str:
    """A cache key for a figure of these people on this day (the people, hashed)."""
    people = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()
    return f"feedback:{what}:{workspace.pk}:{day.isoformat()}:{people}"


def _team_themes(workspace: Any, ids: list[int], since: datetime, day: date) -> list[Any]:
    key = _team_key("themes", workspace, ids, day)
    found = cache.get(key)
    if found is None:
        texts = (
            Answer.objects.in_workspace(workspace)
            .filter(report__author_id__in=ids, report__submitted_at__gte=since,
                    question__visibility=AnswerVisibility.TEAM, question__kind__in=TEXT_KINDS)
            .exclude(text="")
            .order_by("-report__submitted_at")
            .values_list("text", flat=True)[:THEME_ANSWERS]
        )  # fmt: skip
        found = themes.themes(texts)
        cache.set(key, found, THEMES_CACHE)
    return [tuple(pair) for pair in found]


def _average_mood(written: QuerySet[Report]) -> dict[date, float | None]:
    """Average mood per week (by week start) of these written reports, summed per day in
    the database: a row a day, whatever the number of people."""
    daily = (
        written.filter(mood__isnull=False)
        .values("period_date")
        .annotate(total=Sum("mood"), n=Count("*"))
        .order_by()
    )
    sums: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for row in daily:
        bucket = sums[week_start(row["period_date"])]
        bucket[0] += row["total"]
        bucket[1] += row["n"]
    return defaultdict(lambda: None, {w: round(t / n, 2) for w, (t, n) in sums.items() if n})


def _past_weeks_mood(
    workspace: Any, ids: list[int], weeks: list[date], day: date, written: QuerySet[Report]
) -> list[float | None]:
    """The team's average mood in the weeks before this one, cached for half an hour like
    the themes: those weeks are written (a late edit shows within the half hour), and
    reading eleven weeks of everyone's reports was a third of the page's time."""
    if not weeks:
        return []
    key = _team_key("team-mood", workspace, ids, day)
    found = cache.get(key)
    if found is None:
        by_week = _average_mood(
            written.filter(period_date__gte=weeks[0], period_date__lt=weeks[-1] + timedelta(days=7))
        )
        found = [by_week[w] for w in weeks]
        cache.set(key, found, THEMES_CACHE)
    return list(found)


def team_page(
    *, viewer: Membership, department_id: int | None = None, group_id: int | None = None,
    now: datetime | None = None,
) -> TeamPage | None:  # fmt: skip
    """None when `viewer` leads nobody (and is no owner). Aggregates run in the database:
    a fixed number of queries and rows whatever the number of reports."""
    now = now or timezone.now()
    led = access.people_led_by(viewer)
    people = team_people(viewer=viewer, department_id=department_id, group_id=group_id, led=led)
    if people is None:
        return None
    ids = [p.pk for p in people]
    workspace = viewer.workspace
    today = timezone.localdate(now)
    weeks = [week_start(today) - timedelta(weeks=n) for n in range(TEAM_WEEKS - 1, -1, -1)]
    since = now - timedelta(days=PARTICIPATION_DAYS)
    # An owner's unfiltered team is every active member but themself: said as such rather
    # than as a list of 250 ids, which PostgreSQL filtered row by row (and planned) in each
    # query. The counts need no filter at all (they are looked up per person).
    everyone = led is None and department_id is None and group_id is None
    in_workspace = Report.objects.in_workspace(workspace).filter(due_at__lte=now)
    if everyone:
        reports = in_workspace.filter(author__offboarded_at__isnull=True).exclude(author=viewer)
    else:
        reports = in_workspace.filter(author_id__in=ids)
    written = Q(submitted_at__isnull=False)
    counts = {
        row["author_id"]: row
        # period_date bounds the scan by the (workspace, period_date) index; due_at is the rule.
        # Counting rows and submitted_at (not ids) lets PostgreSQL answer from that index alone.
        for row in (in_workspace if everyone else reports)
        .filter(due_at__gte=since, period_date__gte=since.date() - timedelta(days=1))
        .exclude(_pending(workspace, now))
        .values("author_id")
        .annotate(due=Count("*"), written=Count("submitted_at"), mood=Avg("mood"))
        .order_by()
    }
    weekly = _past_weeks_mood(workspace, ids, weeks[:-1], today, reports.filter(written))
    weekly.append(_average_mood(reports.filter(written, period_date__gte=weeks[-1]))[weeks[-1]])
    visible = signals_in_scope(viewer, led)
    open_counts: dict[int, int] = {}
    signal_rows: list[SignalRow] = []
    if visible is not None:
        if everyone:
            visible = visible.filter(subject__offboarded_at__isnull=True)
        else:
            visible = visible.filter(subject_id__in=ids)
        open_counts = dict(
            visible.filter(cleared_at__isnull=True).values("subject_id")
            .annotate(n=Count("id")).values_list("subject_id", "n").order_by()
        )  # fmt: skip
        signal_rows, _closed = signal_rows_in(visible, limit=SIGNALS_SHOWN)
    rows = []
    for person in people:
        row = counts.get(person.pk, {})
        mood = row.get("mood")
        rows.append(TeamRow(person, row.get("due", 0), row.get("written", 0),
                            round(mood, 2) if mood is not None else None,
                            open_counts.get(person.pk, 0)))  # fmt: skip
    return TeamPage(
        is_owner=led is None, rows=rows, weeks=weeks,
        mood=weekly,
        themes=_team_themes(workspace, ids, since, today), signals=signal_rows,
    )  # fmt: skip
