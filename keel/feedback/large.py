"""The feedback share of the benchmark data set: every member's daily report for a year
(250 members → about 65,000 reports, 195,000 answers), weekly and monthly forms, and 20
meeting series with six months of past meetings.

Bulk-inserted (it exists only to be measured), deterministic (a seeded random) and idempotent:
a workspace that already has the bench daily form keeps its reports, one that already has the
bench series keeps its meetings. One member in twenty trends down over the last four weeks,
missed their last two reports and wrote a watched word, so the signal job has real work.
Registered as a large seeder (`keel seed large`); bench/feedback.py calls it directly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from keel.accounts.models import Group
from keel.core.models import Membership, Role, Workspace
from keel.feedback import schedule
from keel.feedback.models import (
    ActionItem,
    AgendaItem,
    Answer,
    Attendee,
    Audience,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Question,
    Report,
    ReportForm,
)
from keel.feedback.templates_builtin import form_template
from keel.org.models import workspace_today
from keel.tasks.models import Task

DAYS = 365
TRENDING_EVERY = 20  # one member in twenty trends down
SERIES = 20
MEETING_DAYS = 182
BATCH = 2_000
ROWS_PER_INSERT = 1_000  # 14 columns: under SQLite's 32,766 parameters
DAILY_TITLE = "Daily report (bench)"
SERIES_MARK = "bench:"

_DID = [
    "Updated the listing images for the bamboo boards", "Answered 30 customer messages",
    "Checked the supplier quote for the spring order", "Packed and shipped 40 orders",
    "Keyword research for kitchen storage", "Processed returns and refunds",
    "更新了亚马逊 Listing 的五点描述", "核对了供应商的报价", "回复了买家消息", "盘点了仓库库存",
    "處理了退貨和退款", "Drafted the newsletter", "Booked the FBA shipment",
]  # fmt: skip
_BLOCKERS = [
    "Waiting for the supplier's new ETD", "Nothing today", "The label printer keeps jamming",
    "在等货代确认提货时间", "没有", "Need a decision on the refund policy", "沒有阻礙",
]  # fmt: skip
_TIRED = [
    "Too many returns to keep up with", "Worked late again", "太累了，消息回不完",
    "I'm burned out and thinking about resigning", "有点想辞职了",
]  # fmt: skip


@dataclass(frozen=True)
class LargeFeedback:
    reports: int
    answers: int
    series: int
    meetings: int
    trending: list[int]  # membership ids trending down


@cache
def _due(day: date, due: time, zone: str) -> datetime:
    return schedule.due_moment(day, due, zone)


def _forms(ws: Workspace, owner: Membership, first: date) -> tuple[ReportForm, list[Question]]:
    groups = list(Group.objects.in_workspace(ws).order_by("pk"))
    made: list[tuple[ReportForm, list[Question]]] = []
    for key, title in (("daily", DAILY_TITLE), ("weekly", "Weekly report (bench)")):
        built = form_template(key, "en")
        form = ReportForm.objects.create(
            workspace=ws, title=title, intro=built.intro, template=key,
            frequency=built.frequency, weekdays=list(built.weekdays), due_time=built.due_time,
            starts_on=first, owner=owner, created_by=owner,
        )  # fmt: skip
        questions = Question.objects.bulk_create(
            Question(workspace=ws, form=form, position=i, kind=q.kind, prompt=q.prompt,
                     help=q.help, required=q.required, visibility=q.visibility,
                     measure=q.measure, prefill=q.prefill)
            for i, q in enumerate(built.questions)
        )  # fmt: skip
        made.append((form, questions))
    monthly = ReportForm.objects.create(
        workspace=ws, title="Monthly review (bench)", frequency="monthly", month_day=-1,
        starts_on=first, owner=owner, created_by=owner,
    )  # fmt: skip
    Question.objects.bulk_create(
        [Question(workspace=ws, form=monthly, position=0, kind="long_text",
                  prompt="Highlights of the month"),
         Question(workspace=ws, form=monthly, position=1, kind="mood",
                  prompt="How was your month?", measure="mood")]
    )  # fmt: skip
    (daily, daily_q), (weekly, _q) = made
    Audience.objects.bulk_create(
        [Audience(workspace=ws, form=daily, group=g) for g in groups]
        + [Audience(workspace=ws, form=weekly, group=g) for g in groups[:3]]
        + [Audience(workspace=ws, form=monthly, group=g) for g in groups[-1:]]
    )
    return daily, daily_q


_REPORT_FIELDS = ("id", "workspace", "form", "author", "period_date", "period_start", "due_at",
                  "timezone", "reminded_at", "submitted_at", "mood", "workload", "created_at",
                  "updated_at")  # fmt: skip
_ANSWER_FIELDS = ("report", "workspace", "question", "text", "number", "created_at", "updated_at")


class _Rows:
    """Report and answer rows as tuples, inserted with executemany: building 250,000 model
    instances and compiling them in bulk_create took most of a minute."""

    def __init__(self, ws: Workspace, form: ReportForm, questions: list[Question]) -> None:
        self.ws, self.form, self.questions = ws, form, questions
        ops = connection.ops
        self.stamp = ops.adapt_datetimefield_value(timezone.now())
        self.next_id = (Report.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.reports: list[tuple[Any, ...]] = []
        self.answers: list[tuple[Any, ...]] = []
        self.total_reports = self.total_answers = 0

    def add(self, author: int, day: date, due: datetime, zone: str, reminded: bool,
            submitted: datetime | None, mood: int, workload: int,
            said: tuple[str, str]) -> None:  # fmt: skip
        ops, pk, stamp = connection.ops, self.next_id, self.stamp
        self.next_id += 1
        when = ops.adapt_datetimefield_value
        day_value = ops.adapt_datefield_value(day)
        written = submitted is not None
        self.reports.append((
            pk, self.ws.pk, self.form.pk, author, day_value, day_value, when(due), zone,
            when(due) if reminded else None, when(submitted) if written else None,
            mood if written else None, workload if written else None, stamp, stamp,
        ))  # fmt: skip
        if written:
            did, blocker = said
            q = self.questions
            self.answers += [(pk, self.ws.pk, q[0].pk, did, None, stamp, stamp),
                             (pk, self.ws.pk, q[1].pk, blocker, None, stamp, stamp),
                             (pk, self.ws.pk, q[2].pk, "", mood, stamp, stamp)]  # fmt: skip
        if len(self.reports) >= 10 * BATCH:
            self.flush()

    def flush(self) -> None:
        _insert(Report, _REPORT_FIELDS, self.reports)
        _insert(Answer, _ANSWER_FIELDS, self.answers)
        self.total_reports += len(self.reports)
        self.total_answers += len(self.answers)
        self.reports, self.answers = [], []


def _insert(model: Any, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """COPY on PostgreSQL; multi-row INSERTs of ROWS_PER_INSERT rows on SQLite."""
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = ", ".join(qn(model._meta.get_field(n).column) for n in names)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        one = f"({', '.join(['%s'] * len(names))})"
        for start in range(0, len(rows), ROWS_PER_INSERT):
            chunk = rows[start : start + ROWS_PER_INSERT]
            sql = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608 - our own names
            cursor.execute(sql + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


def _member_reports(rows: _Rows, member: Membership, days: list[date], trending: bool,
                    now: datetime, rng: random.Random) -> None:  # fmt: skip
    form = rows.form
    zone = schedule.writer_zone(member.user.timezone, rows.ws.timezone)
    fall_from = days[-1] - timedelta(days=28)
    window = timedelta(hours=form.late_window_hours)
    closed = [d for d in days if _due(d, form.due_time, zone) + window <= now]
    stop = closed[-2] if trending and len(closed) >= 2 else None
    base = rng.choice((3.6, 3.9, 4.1, 4.3))
    last_missed = False
    for day in days:
        due = _due(day, form.due_time, zone)
        missed = (stop is not None and day >= stop) or (not last_missed and rng.random() < 0.03)
        last_missed = missed
        late = not missed and rng.random() < 0.1
        submitted = None if missed else due + timedelta(
            minutes=rng.randint(30, 900) if late else -rng.randint(5, 120)
        )  # fmt: skip
        tired = trending and day >= fall_from
        if tired:
            mood = round(4 - 2 * min(1.0, (day - fall_from).days / 20) + rng.gauss(0, 0.3))
        else:
            mood = round(rng.gauss(base, 0.7))
        did = rng.choice(_TIRED if tired and rng.random() < 0.3 else _DID)
        rows.add(member.pk, day, due, zone, missed or late, submitted, max(1, min(5, mood)),
                 rng.randint(2, 4), (did, rng.choice(_BLOCKERS)))  # fmt: skip


def _reports(ws: Workspace, owner: Membership, members: list[Membership],
             rng: random.Random) -> tuple[int, int, list[int]]:  # fmt: skip
    today = workspace_today(ws)
    first, last = today - timedelta(days=DAYS), today - timedelta(days=1)
    form, questions = _forms(ws, owner, first)
    days = schedule.period_dates(schedule.Schedule.of(form), first, last)
    now = timezone.now()
    rows = _Rows(ws, form, questions)
    trending: list[int] = []
    for n, member in enumerate(members):
        down = n % TRENDING_EVERY == TRENDING_EVERY - 1
        if down:
            trending.append(member.pk)
        _member_reports(rows, member, days, down, now, rng)
    rows.flush()
    with connection.cursor() as cursor:  # PostgreSQL: move the id sequences past our ids
        for sql in connection.ops.sequence_reset_sql(no_style(), [Report, Answer]):
            cursor.execute(sql)
    return rows.total_reports, rows.total_answers, trending


def _series(ws: Workspace, owner: Membership, members: list[Membership],
            rng: random.Random) -> tuple[int, int]:  # fmt: skip
    groups = list(Group.objects.in_workspace(ws).order_by("pk"))
    managers = [m for m in members if m.role in (Role.MANAGER, Role.ADMIN)] or [owner]
    others = [m for m in members if m.role == Role.MEMBER]
    now = timezone.now()
    today = workspace_today(ws)
    monday = today - timedelta(days=today.weekday() + MEETING_DAYS)
    specs: list[tuple[MeetingSeries, int, list[Attendee]]] = []  # (series, step in days, …)
    for i in range(SERIES):
        if i == 0:
            kind, step, organizer, report = MeetingKind.REVIEW, 28, owner, None
            title = "Monthly review"
        elif i <= 9:
            kind, step, organizer, report = MeetingKind.TEAM, 7, managers[i % len(managers)], None
            title = f"{groups[i % len(groups)].name if groups else 'Team'} weekly"
        else:
            kind, step, organizer = MeetingKind.ONE_ON_ONE, 14, managers[i % len(managers)]
            report = others[(i * 7) % len(others)] if others else None
            title = f"1:1 {report.pk if report else i}"
        start = datetime.combine(monday + timedelta(days=i % 3), time(10, 0), tzinfo=UTC)
        series = MeetingSeries(
            workspace=ws, title=f"{SERIES_MARK} {title}", kind=kind,
            rrule=f"FREQ=WEEKLY;INTERVAL={step // 7}", dtstart_local=start,
            timezone=ws.timezone, organizer=organizer, report_member=report, created_by=owner,
        )  # fmt: skip
        people = (
            [Attendee(workspace=ws, series=series, group=g) for g in groups[-1:]] if i == 0
            else [Attendee(workspace=ws, series=series, group=groups[i % len(groups)])]
            if kind == MeetingKind.TEAM and groups else []
        )  # fmt: skip
        specs.append((series, step, people))
    MeetingSeries.objects.bulk_create([s for s, _step, _a in specs])
    Attendee.objects.bulk_create([a for _s, _step, people in specs for a in people])
    meetings: list[Meeting] = []
    for series, step, _people in specs:
        local = series.dtstart_local.replace(tzinfo=None)
        while (moment := schedule.due_moment(local.date(), local.time(), ws.timezone)) < now:
            meetings.append(Meeting(workspace=ws, series=series, starts_at=moment,
                                    notes=rng.choice(_DID), decisions=rng.choice(_BLOCKERS),
                                    held_at=moment + timedelta(minutes=30)))  # fmt: skip
            local += timedelta(days=step)
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    items = [
        AgendaItem(workspace=ws, meeting=m, text=rng.choice(_DID), position=p, added_by=owner,
                   resolved_at=m.held_at if p else None)
        for m in meetings for p in range(3)
    ]  # fmt: skip
    AgendaItem.objects.bulk_create(items, batch_size=BATCH)
    tasks = list(Task.objects.in_workspace(ws).order_by("pk").values_list("pk", flat=True)[:400])
    ActionItem.objects.bulk_create(
        [ActionItem(workspace=ws, meeting=m, task_id=tasks[n % len(tasks)], created_by=owner)
         for n, m in enumerate(meetings)] if tasks else [],
        batch_size=BATCH,
    )  # fmt: skip
    return len(specs), len(meetings)


@transaction.atomic
def seed_large_feedback(workspace: Workspace) -> LargeFeedback:
    """Reports, forms and meetings for the bench workspace (idempotent; see the module doc)."""
    ws = workspace
    rng = random.Random(13)  # noqa: S311 - benchmark data, not security
    owner = Membership.objects.filter(workspace=ws, role=Role.OWNER).order_by("pk").first()
    members = list(
        Membership.objects.in_workspace(ws).active().select_related("user", "workspace")
        .order_by("pk")
    )  # fmt: skip
    if owner is None or not members:
        return LargeFeedback(0, 0, 0, 0, [])
    reports = answers = series = meetings = 0
    trending: list[int] = []
    if not ReportForm.objects.in_workspace(ws).filter(title=DAILY_TITLE).exists():
        reports, answers, trending = _reports(ws, owner, members, rng)
    if not MeetingSeries.objects.in_workspace(ws).filter(title__startswith=SERIES_MARK).exists():
        series, meetings = _series(ws, owner, members, rng)
    return LargeFeedback(reports, answers, series, meetings, trending)


def large_seeder(workspace: Workspace) -> None:
    """What `keel seed large` runs (registered in wiring.connect())."""
    seed_large_feedback(workspace)
