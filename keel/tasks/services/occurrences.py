"""Occurrences of recurring series: materialise them, and read the next dates.

Materialisation policy (both modes keep at least one open occurrence to act on):
- *Repeat on schedule*: every occurrence dated from today to tomorrow (LEAD_DAYS) in the
  series' time zone exists; and when the series has no open occurrence, the next one is
  created whatever its date (so completing Monday's task shows Wednesday's at once). Missed
  dates in the past (worker down) are not back-filled: a daily routine does not come back as
  thirty overdue tasks.
- *Repeat after completion*: exactly one open occurrence; completing it creates the next,
  counted from the completion day.
Each occurrence is inserted in a savepoint; the unique (recurrence, occurrence_date)
constraint turns a concurrent duplicate into an IntegrityError that means "already done".
Writing a series (create, edit, skip, stop) is services.recurrence.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from keel.tasks import recurrence as engine
from keel.tasks.markdown import render_markdown
from keel.tasks.models import Label, Recurrence, RecurrenceMode, Status, Task, TaskLabel
from keel.tasks.search import index_tasks_later
from keel.tasks.services._common import activity, allocate_task_numbers

if TYPE_CHECKING:
    from keel.core.models import Membership

logger = logging.getLogger(__name__)

LEAD_DAYS = 1
MAX_PER_RUN = 14  # a run never creates more than this many occurrences of one series


def series_rule(rec: Recurrence) -> engine.Rule:
    """The series' compiled rule, with its start as naive local wall-clock time."""
    start = rec.dtstart_local
    if timezone.is_aware(start):  # stored as the wall-clock time labelled UTC (see create)
        start = start.astimezone(UTC).replace(tzinfo=None)
    return engine.compile_rule(rec.rrule, start, rec.timezone)


def _local_now(rec: Recurrence, now: datetime) -> datetime:
    return now.astimezone(engine.zone(rec.timezone)).replace(tzinfo=None)


def _occurrence_task(rec: Recurrence, local: datetime) -> Task:
    day = local.date()
    task = Task(
        workspace_id=rec.workspace_id, project_id=rec.project_id, title=rec.title,
        description=rec.description, description_html=render_markdown(rec.description),
        section_id=rec.section_id, priority=rec.priority,
        # The seat, not its holder: whoever holds the seat when the task is due does it.
        assignee_id=None if rec.assignee_seat_id else rec.assignee_id,
        assignee_seat_id=rec.assignee_seat_id, recurrence=rec, occurrence_date=day,
        created_by_id=rec.created_by_id,
    )  # fmt: skip
    # The day is the series' own (its zone's calendar), for timed occurrences too: a Friday
    # 17:00 Berlin routine is due Friday in a Shanghai workspace, in lists, calendars and API.
    task.due_date = day
    if not rec.all_day:
        task.due_at = engine.localize(local, rec.timezone)
    return task


def _create_occurrence(rec: Recurrence, local: datetime) -> Task | None:
    """Insert one occurrence; None if it already exists (another worker won the race)."""
    try:
        with transaction.atomic():
            task = _occurrence_task(rec, local)
            task.number = allocate_task_numbers(rec.project_id)
            task.save(force_insert=True)
            if rec.label_ids:
                label_ids = Label.objects.filter(
                    workspace_id=rec.workspace_id, pk__in=rec.label_ids
                ).values_list("pk", flat=True)
                TaskLabel.objects.bulk_create(
                    TaskLabel(workspace_id=rec.workspace_id, task=task, label_id=pk)
                    for pk in label_ids
                )
            activity(task, None, "created", recurrence=rec.pk)
    except IntegrityError:
        exists = Task.objects.filter(recurrence=rec, occurrence_date=local.date()).exists()
        if not exists:
            raise
        return None
    index_tasks_later([task], rec.workspace_id)
    return task


def _after_completion_candidate(
    rec: Recurrence, rule: engine.Rule, latest: date | None, now: datetime
) -> datetime | None:
    skipped = set(rec.skipped)
    if latest is None:
        floor = max(rule.dtstart, datetime.combine(_local_now(rec, now).date(), time()))
        candidate = engine.next_occurrence(rule, floor, inclusive=True)
    else:
        done = (
            Task.objects.filter(recurrence=rec, status=Status.DONE, completed_at__isnull=False)
            .order_by("-occurrence_date")
            .values_list("completed_at", flat=True)
            .first()
        )
        base = done.astimezone(engine.zone(rec.timezone)).date() if done else latest
        candidate = engine.next_after_completion(rule, max(base, latest))
    for _attempt in range(MAX_PER_RUN * 4):
        if candidate is None or candidate.date().isoformat() not in skipped:
            break
        candidate = engine.next_after_completion(rule, candidate.date())
    return candidate


def _schedule_candidates(
    rec: Recurrence, rule: engine.Rule, latest: date | None, open_count: int, now: datetime
) -> list[datetime]:
    skipped = set(rec.skipped)
    today = _local_now(rec, now).date()
    floor = datetime.combine(today, time())
    horizon = today + timedelta(days=LEAD_DAYS)
    if latest is not None and datetime.combine(latest, time.max) >= floor:
        start, inclusive = datetime.combine(latest, time.max), False
    else:
        start, inclusive = max(floor, rule.dtstart), True
    found: list[datetime] = []
    candidate = engine.next_occurrence(rule, start, inclusive=inclusive)
    first_unskipped: datetime | None = None
    steps = 0
    while candidate is not None and steps < MAX_PER_RUN * 4:
        steps += 1
        if candidate.date().isoformat() not in skipped:
            if first_unskipped is None:
                first_unskipped = candidate
            if candidate.date() > horizon or len(found) >= MAX_PER_RUN:
                break
            found.append(candidate)
        candidate = engine.next_occurrence(rule, candidate)
    if not found and open_count == 0 and first_unskipped is not None:
        found.append(first_unskipped)
    return found


def materialize_next(recurrence: Recurrence, *, now: datetime | None = None) -> list[Task]:
    """Create the occurrences the series needs now (see the module docstring). Idempotent."""
    rec = recurrence
    if rec.stopped_at is not None:
        return []
    now = now or timezone.now()
    rule = series_rule(rec)
    state = Task.objects.filter(recurrence=rec).aggregate(
        latest=Max("occurrence_date"),
        open=Count("pk", filter=~Q(status=Status.DONE)),
        total=Count("pk"),
    )
    latest: date | None = state["latest"]
    if rec.mode == RecurrenceMode.AFTER_COMPLETION:
        if state["open"]:
            return []
        limit = engine.count_limit(rec.rrule)
        if limit is not None and state["total"] + len(rec.skipped) >= limit:
            return []
        candidate = _after_completion_candidate(rec, rule, latest, now)
        candidates = [candidate] if candidate is not None else []
    else:
        candidates = _schedule_candidates(rec, rule, latest, state["open"], now)
    created = []
    for local in candidates:
        task = _create_occurrence(rec, local)
        if task is not None:
            created.append(task)
    return created


def materialize_all(*, now: datetime | None = None) -> int:
    """Top up every active series (the periodic job). Returns how many tasks were created."""
    now = now or timezone.now()
    created = 0
    series = (
        Recurrence.objects.filter(stopped_at__isnull=True)
        .select_related("workspace")
        .order_by("pk")
    )
    for rec in series.iterator(chunk_size=200):
        try:
            created += len(materialize_next(rec, now=now))
        except Exception:  # one broken series must not stop the others; logged for the operator
            logger.exception("materialising recurrence %s failed", rec.pk)
    return created


def on_task_completed(
    *, task: Task, actor: Membership | None = None, now: datetime | None = None, **_kw: Any
) -> None:
    """Completion hook: an occurrence was done, make sure the series' next one exists.

    Runs inside the completing transaction (services.tasks), so the new occurrence and the
    completion commit together.
    """
    if task.recurrence_id is None:
        return
    rec = Recurrence.objects.select_related("workspace").filter(pk=task.recurrence_id).first()
    if rec is None or rec.stopped_at is not None:
        return
    materialize_next(rec, now=now)


# --- Reads for the pages and the API ----------------------------------------------------------


def upcoming_dates(
    recurrences: list[Recurrence], *, now: datetime | None = None
) -> dict[int, date]:
    """`{recurrence id: next date}`: the earliest open occurrence, else the rule's next date.

    One query for all series; the rule is computed only for series with no open occurrence.
    """
    now = now or timezone.now()
    ids = [r.pk for r in recurrences]
    open_dates = dict(
        Task.objects.filter(recurrence_id__in=ids)
        .exclude(status=Status.DONE)
        .values("recurrence_id")
        .annotate(first=Min("occurrence_date"))
        .values_list("recurrence_id", "first")
    )
    result: dict[int, date] = {}
    for rec in recurrences:
        if rec.stopped_at is not None:
            continue
        if rec.pk in open_dates and open_dates[rec.pk] is not None:
            result[rec.pk] = open_dates[rec.pk]
            continue
        try:
            rule = series_rule(rec)
        except ValidationError:
            continue
        after = max(_local_now(rec, now), rule.dtstart - timedelta(seconds=1))
        found = engine.next_occurrence(rule, after)
        skipped = set(rec.skipped)
        for _attempt in range(20):
            if found is None or found.date().isoformat() not in skipped:
                break
            found = engine.next_occurrence(rule, found)
        if found is not None:
            result[rec.pk] = found.date()
    return result
