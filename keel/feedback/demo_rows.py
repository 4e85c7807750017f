"""The rows of the demo shop's feedback (content in keel/feedback/demo.py and demo_content/).

Forms, audiences and meetings go through the services (a genuine audit trail); the six
months of reports and answers are bulk-inserted in two statements each. Random but
deterministic per language, relative to the seed time: the reports end yesterday.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from keel.accounts.models import Group
from keel.core.models import Membership, Workspace
from keel.feedback import schedule
from keel.feedback.models import (
    AgendaItem,
    Answer,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Question,
    Report,
    ReportForm,
)
from keel.org.models import Seat, workspace_today
from keel.tasks.models import Status

if TYPE_CHECKING:
    from keel.feedback.demo import FeedbackDemo, Lines, Review

DAYS = 182  # six months of reports
DROP_DAYS = 28  # the trending person's mood falls over the last four weeks
# How each person's mood usually reads (weights of 2, 3, 4, 5): mostly 3–5.
MOODS = {
    "manager": (2, 25, 50, 23),
    "service": (2, 18, 55, 25),
    "purchasing": (3, 32, 45, 20),
    "assistant": (1, 19, 45, 35),
}


def people_of(ws: Workspace, emails: dict[str, str]) -> dict[str, Membership]:
    """The demo people by key; a missing or departed person is left out."""
    by_email = {
        m.user.email: m for m in Membership.objects.active().in_workspace(ws).select_related("user")
    }
    return {key: by_email[email] for key, email in emails.items() if email in by_email}


def _seats(ws: Workspace, people: dict[str, Membership]) -> dict[str, Seat]:
    held = {s.holder_id: s for s in Seat.objects.in_workspace(ws).order_by("-id") if s.holder_id}
    return {key: held[m.pk] for key, m in people.items() if m.pk in held}


def _pick(rng: random.Random, lines: tuple[str, ...], most: int = 2) -> str:
    count = min(len(lines), rng.randint(1, most))
    return "\n".join(rng.sample(lines, count)) if count else ""


class _Writer:
    """One person's reports: when they are written, the mood and what they say."""

    def __init__(self, key: str, member: Membership, content: FeedbackDemo, today: date,
                 rng: random.Random) -> None:  # fmt: skip
        self.key, self.member, self.rng, self.today = key, member, rng, today
        self.trending = key == content.trending
        self.lines: Lines = content.lines[key]
        self.tired: Lines = content.tired
        self.zone = schedule.writer_zone(member.user.timezone, member.workspace.timezone)
        self.stop: datetime | None = None  # the trending person writes nothing due from here
        self.watched_on: date | None = None  # their weekly report with the watched word
        self.last_missed: date | None = None

    def low(self, day: date) -> float | None:
        """How far into the fall `day` is (0..1), for the trending person; else None."""
        start = self.today - timedelta(days=DROP_DAYS)
        if not self.trending or day < start:
            return None
        return min(1.0, (day - start).days / DROP_DAYS * 1.3)

    def mood(self, day: date) -> int:
        fall = self.low(day)
        if fall is None:
            return self.rng.choices((2, 3, 4, 5), MOODS[self.key])[0]
        return max(1, min(5, round(4 - 2 * fall + self.rng.gauss(0, 0.35))))

    def submitted(self, day: date, due: datetime, daily: bool) -> tuple[datetime | None, bool]:
        """(submitted at, reminded): on time mostly, sometimes late, rarely missed."""
        if self.stop is not None and due >= self.stop:
            return None, True
        roll = self.rng.random()
        old = day < self.today - timedelta(days=14)
        if daily and old and roll < 0.03 and day.weekday() != 4 and self.last_missed is None:
            self.last_missed = day  # one missed report, never two in a row
            return None, True
        self.last_missed = None
        if roll < 0.13:
            return due + timedelta(minutes=self.rng.randint(60, 20 * 60)), True
        return due - timedelta(minutes=self.rng.randint(5, 150)), False


def _texts(w: _Writer, day: date, questions: list[Question], content: FeedbackDemo,
           mood: int) -> list[tuple[Question, str, int | None]]:  # fmt: skip
    """(question, text, number) of one submitted report; blank optional answers left out."""
    low = (w.low(day) or 0.0) > 0.25
    lines = w.tired if low else w.lines
    rng = w.rng
    found: list[tuple[Question, str, int | None]] = []
    weekly = len(questions) > 3
    for position, q in enumerate(questions):
        if q.measure == "mood":
            found.append((q, "", mood))
        elif q.measure == "workload":
            found.append((q, "", rng.choice((4, 5)) if low else rng.choice((2, 3, 3, 4))))
        elif not weekly:
            if position == 0:
                found.append((q, _pick(rng, lines.did + (w.lines.did if low else ()), 3), None))
            elif rng.random() < (0.8 if low else 0.3):
                found.append((q, rng.choice(lines.blockers), None))
        elif position == 0:
            found.append((q, _pick(rng, lines.wins), None))
        elif position == 1:
            found.append((q, rng.choice(lines.challenges), None))
        elif position == 2 and rng.random() < (0.7 if low else 0.35):
            found.append((q, rng.choice(lines.needs), None))
        elif position == 4:
            if day == w.watched_on:
                found.append((q, content.watched, None))
            elif lines.bothering and rng.random() < (0.7 if low else 0.12):
                found.append((q, rng.choice(lines.bothering), None))
    return found


def _stop(w: _Writer, rows: list[tuple[date, ReportForm]], now: datetime) -> datetime | None:
    """When the trending person stops writing: the due moment of the second-last report (of
    either form) already past its late window, so the last two such reports are missed in a
    row; the ones still inside their window are not written either."""
    closed = sorted(
        due for day, form in rows
        if (due := schedule.due_moment(day, form.due_time, w.zone))
        + timedelta(hours=form.late_window_hours) <= now
    )  # fmt: skip
    return closed[-2] if len(closed) >= 2 else None


def seed_reports(
    owner: Membership, content: FeedbackDemo, people: dict[str, Membership], language: str
) -> None:
    from keel.feedback.services.forms import audience_set, form_create

    ws = owner.workspace
    now = timezone.now()
    today = workspace_today(ws)
    first, last = today - timedelta(days=DAYS), today - timedelta(days=1)
    seats = _seats(ws, people)
    daily = form_create(actor=owner, template="daily", language=language)
    weekly = form_create(actor=owner, template="weekly", language=language)
    ReportForm.objects.filter(pk__in=[daily.pk, weekly.pk]).update(starts_on=first)
    daily.starts_on = weekly.starts_on = first

    def as_seats(*keys: str) -> list[Seat]:
        return [seats[k] for k in keys if k in seats]

    def as_members(*keys: str) -> list[Membership]:
        return [people[k] for k in keys if k in people]

    # The daily report by person and by seat (whoever holds it now writes); the weekly by
    # group, seat and person. Someone without a seat writes as a person.
    seated = [k for k in ("service", "assistant") if k in seats]
    unseated = [k for k in ("service", "assistant") if k not in seats]
    audience_set(actor=owner, form=daily, seats=as_seats(*seated),
                 members=as_members("manager", "purchasing", *unseated))  # fmt: skip
    purchasing = Group.objects.in_workspace(ws).filter(alias="purchasing").first()
    others = ([] if "service" in seats else ["service"]) + (
        [] if purchasing else ["manager", "purchasing"]
    )
    audience_set(actor=owner, form=weekly, groups=[purchasing] if purchasing else [],
                 seats=as_seats("service"), members=as_members("assistant", *others))  # fmt: skip

    rng = random.Random(f"keel-feedback-demo-{language}")  # noqa: S311 - demo data
    forms = [(daily, list(daily.questions.order_by("position", "id"))),
             (weekly, list(weekly.questions.order_by("position", "id")))]  # fmt: skip
    reports: list[Report] = []
    pending: list[tuple[Report, list[tuple[Question, str, int | None]]]] = []
    for key, member in people.items():
        w = _Writer(key, member, content, today, rng)
        daily_days = schedule.period_dates(schedule.Schedule.of(daily), first, last)
        weekly_days = schedule.period_dates(schedule.Schedule.of(weekly), first, last)
        rows = [(d, daily) for d in daily_days] + [(d, weekly) for d in weekly_days]
        if w.trending:
            w.stop = _stop(w, rows, now)
            stop = w.stop
            earlier = [
                d for d in weekly_days
                if stop is None or schedule.due_moment(d, weekly.due_time, w.zone) < stop
            ]  # fmt: skip
            w.watched_on = earlier[-1] if earlier else None
        for day, form in sorted(rows, key=lambda r: (r[0], r[1].frequency)):
            questions = dict(forms)[form]
            due = schedule.due_moment(day, form.due_time, w.zone)
            submitted, reminded = w.submitted(day, due, form is daily)
            period_start = day if form is daily else day - timedelta(days=6)
            report = Report(workspace=ws, form=form, author=member, period_date=day,
                            period_start=period_start, due_at=due, timezone=w.zone,
                            reminded_at=due if reminded else None,
                            submitted_at=submitted)  # fmt: skip
            reports.append(report)
            if submitted is not None:
                mood = w.mood(day)
                answers = _texts(w, day, questions, content, mood)
                report.mood = mood
                report.workload = next((n for q, _t, n in answers if q.measure == "workload"),
                                       None)  # fmt: skip
                pending.append((report, answers))
    Report.objects.bulk_create(reports, batch_size=500)
    Answer.objects.bulk_create(
        [
            Answer(workspace=ws, report=report, question=q, text=text,
                   number=Decimal(number) if number is not None else None)
            for report, answers in pending
            for q, text, number in answers
        ],
        batch_size=500,
    )  # fmt: skip


# --- Meetings ---------------------------------------------------------------------------------


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _months_back(today: date, count: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 - count
    return index // 12, index % 12 + 1


def _past(series: MeetingSeries, now: datetime, count: int) -> list[datetime]:
    from keel.feedback import meeting_times

    found = meeting_times.starts_between(series, now - timedelta(days=400), now)
    return found[-count:]


def _hold(owner: Membership, meeting: Meeting, notes: str, decisions: str = "") -> None:
    from keel.feedback.services import agenda

    agenda.meeting_update_notes(actor=owner, meeting=meeting, notes=notes, decisions=decisions)
    agenda.meeting_mark_held(actor=owner, meeting=meeting)
    ends = meeting.starts_at + timedelta(minutes=meeting.series.duration_minutes)
    Meeting.objects.filter(pk=meeting.pk).update(held_at=ends)
    AgendaItem.objects.filter(meeting=meeting, resolved_at__isnull=False).update(resolved_at=ends)


def _action(owner: Membership, meeting: Meeting, item: AgendaItem | None, title: str,
            assignee: Membership, due: date, done: bool) -> None:  # fmt: skip
    from keel.feedback.services.actions import action_item_create
    from keel.tasks.services import task_set_status

    action = action_item_create(actor=owner, meeting=meeting, agenda_item=item, title=title,
                                owner=assignee, due=due)  # fmt: skip
    if done:
        task_set_status(actor=owner, task=action.task, status=Status.DONE)


def _review(owner: Membership, series: MeetingSeries, starts_at: datetime, review: Review,
            people: dict[str, Membership], done: bool) -> None:  # fmt: skip
    from keel.feedback.services import agenda

    meeting = agenda.meeting_at(series=series, starts_at=starts_at)  # standing + carried items
    items = {}
    for text, resolved in review.items:
        item = agenda.agenda_item_add(actor=owner, meeting=meeting, text=text)
        items[text] = item
        if resolved:
            agenda.agenda_item_resolve(actor=owner, item=item)
    standing = AgendaItem.objects.filter(meeting=meeting, added_by__isnull=True)
    standing.filter(source="manual").update(resolved_at=timezone.now())
    for carried in AgendaItem.objects.filter(meeting=meeting, source="carried"):
        items[carried.text] = carried
        carried.resolved_at = timezone.now()  # talked through this time
        carried.save(update_fields=["resolved_at", "updated_at"])
    for title, key, days, about in review.actions:
        _action(owner, meeting, items.get(about), title, people.get(key, owner),
                timezone.localdate(starts_at) + timedelta(days=days), done)  # fmt: skip
    _hold(owner, meeting, review.notes, review.decisions)


def seed_meetings(
    owner: Membership, content: FeedbackDemo, people: dict[str, Membership], language: str
) -> None:
    from keel.feedback.services import agenda
    from keel.feedback.services.meetings import series_create

    ws = owner.workspace
    now = timezone.now()
    today = workspace_today(ws)
    seats = _seats(ws, people)
    leads = [people[k] for k in ("manager",) if k in people]
    year, month = _months_back(today, 6)
    title, purpose = content.review
    review = series_create(
        actor=owner, title=title, kind=MeetingKind.REVIEW, description=purpose,
        dtstart_local=datetime.combine(_first_monday(year, month), datetime.min.time())
        .replace(hour=10), duration_minutes=90, rrule="FREQ=MONTHLY;BYDAY=1MO",
        members=leads, seats=[seats[k] for k in ("purchasing",) if k in seats],
    )  # fmt: skip
    for n, starts_at in enumerate(_past(review, now, len(content.reviews))):
        _review(owner, review, starts_at, content.reviews[n], people, n < len(content.reviews) - 1)

    monday = today - timedelta(days=today.weekday() + 7 * 26)
    title, purpose = content.team
    team = series_create(
        actor=owner, title=title, kind=MeetingKind.TEAM, description=purpose,
        dtstart_local=datetime.combine(monday, datetime.min.time()).replace(hour=9, minute=30),
        rrule="FREQ=WEEKLY;BYDAY=MO", call_url="https://meet.example.com/demo-shop-weekly",
        members=[m for k, m in people.items() if k != "assistant" or "assistant" not in seats],
        seats=[seats["assistant"]] if "assistant" in seats else [],
    )  # fmt: skip
    for starts_at, notes in zip(_past(team, now, len(content.team_notes)), content.team_notes,
                                strict=False):  # fmt: skip
        _hold(owner, agenda.meeting_at(series=team, starts_at=starts_at), notes)

    other = people.get(content.trending)
    if other is None:
        return
    wednesday = today - timedelta(days=(today.weekday() - 2) % 7 + 14 * 4)
    title, purpose = content.one_on_one
    one = series_create(
        actor=owner, title=title.format(name=other.user.display_name), description=purpose,
        kind=MeetingKind.ONE_ON_ONE, report_member=other,
        dtstart_local=datetime.combine(wednesday, datetime.min.time()).replace(hour=15),
        rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        call_url=f"https://meet.example.com/{ws.slug}-1on1-{other.pk}",
    )  # fmt: skip
    for starts_at, notes in zip(_past(one, now, len(content.one_on_one_notes)),
                                content.one_on_one_notes, strict=False):  # fmt: skip
        _hold(owner, agenda.meeting_at(series=one, starts_at=starts_at), notes)


def compute_signals(ws: Workspace) -> None:
    """Run the nightly signal job once, so the owner sees the signals at first sign-in."""
    try:
        from keel.feedback.services.signals import signals_compute
    except ImportError:  # pragma: no cover - the insights part is not installed yet
        return
    signals_compute(workspace=ws)
