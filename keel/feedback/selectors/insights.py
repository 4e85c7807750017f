"""Reads for the manager views: a person's page, the signals a viewer may see, the feedback
home page's team block (the team page is selectors/team.py).

Privacy first: every read goes through keel.feedback.access (the person page needs
`can_read_private`; signals `can_see_signals`, never the viewer's own). Trends read the narrow
`Report` columns (mood, workload) with one `values_list` and average in Python, so each page
costs a fixed number of queries whatever the number of reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import F, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from keel.core.models import Membership
from keel.feedback import access, signal_text
from keel.feedback.models import (
    Answer,
    AnswerVisibility,
    Report,
    Signal,
)

TREND_WEEKS = 26
REPORTS_SHOWN = 10  # the latest; the whole history is in the form's CSV export
MISSED_SHOWN = 10
OPEN_SHOWN = 100  # open signals listed on one page (the counts are exact)


# --- Signals ---------------------------------------------------------------------------------


SIGNAL_ROW_FIELDS = (
    "workspace_id", "subject_id", "kind", "details", "detected_at", "cleared_at",
    "acknowledged_at", "acknowledged_by_id", "note",
    "subject__user__full_name", "subject__user__email",
    "acknowledged_by__user__full_name", "acknowledged_by__user__email",
)  # fmt: skip


@dataclass
class SignalRow:
    signal: Signal
    name: str
    explanation: str


def _signal_rows(signals: Iterable[Signal]) -> list[SignalRow]:
    rows = []
    for signal in signals:
        name = signal.subject.user.display_name
        rows.append(SignalRow(signal, name, signal_text.explain(signal.kind, signal.details, name)))
    return rows


Led = set[int] | None  # access.people_led_by(viewer): None means everyone (an owner)


def signals_in_scope(viewer: Membership, led: Led) -> QuerySet[Signal] | None:
    """Every signal (any state) `viewer` may see, given `led`; None when they may see none.
    Never their own: access.can_see_signals, for a list."""
    if led is not None and not led:
        return None
    signals = Signal.objects.in_workspace(viewer.workspace).exclude(subject=viewer)
    if led is not None:
        signals = signals.filter(subject_id__in=led)
    return signals


def signal_rows_in(
    signals: QuerySet[Signal] | None, *, recent_closed: int = 0, limit: int = OPEN_SHOWN
) -> tuple[list[SignalRow], list[SignalRow]]:
    """(at most `limit` open signals, those nobody acknowledged first; the latest
    `recent_closed` ended ones), explained. One query each."""
    if signals is None:
        return [], []
    # Only what a signal item shows: the users' password, settings and dates made the 20
    # rows of the team page cost as much to build as to render.
    signals = signals.select_related("subject__user", "acknowledged_by__user").only(
        *SIGNAL_ROW_FIELDS
    )
    open_rows = _signal_rows(
        signals.filter(cleared_at__isnull=True).order_by(
            F("acknowledged_at").asc(nulls_first=True), "-detected_at", "-id"
        )[:limit]
    )
    closed: list[SignalRow] = []
    if recent_closed:
        closed = _signal_rows(
            signals.filter(cleared_at__isnull=False).order_by("-cleared_at", "-id")[:recent_closed]
        )
    return open_rows, closed


def visible_signals(
    *, viewer: Membership, subject: Membership | None = None, recent_closed: int = 0
) -> tuple[list[SignalRow], list[SignalRow]]:
    """The signals `viewer` may see (about `subject` only, if given): see signal_rows_in."""
    signals = signals_in_scope(viewer, access.people_led_by(viewer))
    if signals is not None and subject is not None:
        signals = signals.filter(subject=subject)
    return signal_rows_in(signals, recent_closed=recent_closed)


def signals_url(workspace_slug: str) -> str:
    """The signals page, for pages of other apps (home) that link to it."""
    return reverse("feedback_signals", kwargs={"ws": workspace_slug})


def open_signal_count(*, viewer: Membership) -> int:
    """Open signals nobody acknowledged yet that `viewer` may see (home's "needs attention")."""
    return _waiting(signals_in_scope(viewer, access.people_led_by(viewer)))


def _waiting(signals: QuerySet[Signal] | None) -> int:
    if signals is None:
        return 0
    return signals.filter(cleared_at__isnull=True, acknowledged_at__isnull=True).count()


def get_signal_for(viewer: Membership, signal_id: int) -> Signal:
    """A signal `viewer` may see, else 404 (never 403: its existence is private too)."""
    signals = signals_in_scope(viewer, access.people_led_by(viewer))
    signal = None if signals is None else signals.filter(pk=signal_id).first()
    if signal is None:
        raise Http404
    return signal


# --- The person page -------------------------------------------------------------------------


def get_person_for(viewer: Membership, member_id: int) -> Membership:
    """A member whose person page `viewer` may open (access.can_read_private), else 404."""
    person = (
        Membership.objects.in_workspace(viewer.workspace)
        .filter(pk=member_id)
        .select_related("user", "workspace")
        .first()
    )
    if person is None or not access.can_read_private(viewer, person):
        raise Http404
    return person


@dataclass
class AnswerRow:
    answer_id: int
    prompt: str
    text: str
    flagged: bool
    private: bool


@dataclass
class ReportRow:
    report_id: int
    form_title: str
    period_date: date
    submitted_at: datetime | None  # always set: only written reports are listed
    mood: int | None
    workload: int | None
    answers: list[AnswerRow] = field(default_factory=list)


@dataclass
class MissedRow:
    form_title: str
    period_date: date


@dataclass
class PersonPage:
    person: Membership
    weeks: list[date]
    mood: list[float | None]
    workload: list[float | None]
    reports: list[ReportRow]
    missed_count: int
    missed: list[MissedRow]
    can_see_signals: bool
    signals: list[SignalRow]
    closed_signals: list[SignalRow]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weekly(rows: Iterable[tuple[date, int | None]], weeks: list[date]) -> list[float | None]:
    sums: dict[date, list[int]] = defaultdict(list)
    for day, value in rows:
        if value is not None:
            sums[week_start(day)].append(value)
    return [round(sum(v) / len(v), 2) if (v := sums.get(w)) else None for w in weeks]


def person_page(
    *, viewer: Membership, person: Membership, now: datetime | None = None
) -> PersonPage:
    """Everything on `person`'s page for `viewer`, who was checked by `get_person_for`
    (access.can_read_private: they read every answer of `person`, both visibilities).
    Signals as access.can_see_signals allows (never the person's own)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    weeks = [week_start(today) - timedelta(weeks=n) for n in range(TREND_WEEKS - 1, -1, -1)]
    reports = Report.objects.in_workspace(viewer.workspace).filter(author=person)
    # One read of the person's reports in the trend's weeks, by the (workspace, author,
    # period_date) index: written ones make the trend, unwritten ones past their late window
    # are the missed. (Read apart, SQLite answered the unwritten from the team's covering
    # index, walking every writer's rows: 6 ms.)
    trend: list[tuple[date, int | None, int | None]] = []
    missed: list[MissedRow] = []
    for day, mood, workload, submitted_at, due_at, hours, title in reports.filter(
        period_date__gte=weeks[0]
    ).values_list(
        "period_date", "mood", "workload", "submitted_at", "due_at",
        "form__late_window_hours", "form__title",
    ):  # fmt: skip
        if submitted_at is not None:
            trend.append((day, mood, workload))
        elif due_at + timedelta(hours=hours) <= now:
            missed.append(MissedRow(title, day))
    missed.sort(key=lambda m: m.period_date, reverse=True)
    recent = (
        reports.filter(submitted_at__isnull=False)
        .order_by("-period_date", "-id")
        .values_list("id", "form__title", "period_date", "submitted_at", "mood", "workload")
    )[:REPORTS_SHOWN]
    rows = {
        pk: ReportRow(pk, title, day, submitted_at, mood, workload)
        for pk, title, day, submitted_at, mood, workload in recent
    }
    # By report id alone: the ids come from the workspace's reports above, and with the
    # workspace in the WHERE clause SQLite walked the workspace's index (190,000 answers,
    # 44 ms) instead of the report's (0.3 ms).
    answers = (
        Answer.objects.filter(report_id__in=list(rows))
        .values_list("id", "report_id", "question__prompt", "text", "number", "flagged_at",
                     "question__visibility")
        .order_by("report_id", "question__position", "question_id")
    )  # fmt: skip
    for answer_id, report_id, prompt, text, number, flagged_at, visibility in answers:
        shown = text if text else ("" if number is None else str(number))
        if shown:
            rows[report_id].answers.append(AnswerRow(
                answer_id, prompt, shown, flagged_at is not None,
                visibility == AnswerVisibility.MANAGERS,
            ))  # fmt: skip
    # `get_person_for` checked access.can_read_private (the person, the owners, the chain);
    # for anyone but the person that is exactly access.can_see_signals, and asking again
    # walked the chart a second time.
    can_see = viewer.pk != person.pk
    about = Signal.objects.in_workspace(viewer.workspace).filter(subject=person)
    signals, closed = signal_rows_in(about if can_see else None, recent_closed=5)
    return PersonPage(
        person=person, weeks=weeks,
        mood=_weekly(((d, m) for d, m, _ in trend), weeks),
        workload=_weekly(((d, w) for d, _, w in trend), weeks),
        reports=list(rows.values()), missed_count=len(missed), missed=missed[:MISSED_SHOWN],
        can_see_signals=can_see, signals=signals, closed_signals=closed,
    )  # fmt: skip


# --- The feedback home page's team block ---------------------------------------------------


@dataclass
class TeamSummary:
    open_signals: int
    due: int
    written: int

    @property
    def participation(self) -> int | None:
        return round(100 * self.written / self.due) if self.due else None


def team_summary(*, viewer: Membership, now: datetime | None = None) -> TeamSummary | None:
    """The feedback home page's block for people who lead someone: open signals and this
    week's participation. None when `viewer` leads nobody."""
    now = now or timezone.now()
    led = access.people_led_by(viewer)
    if led is not None and not led:
        return None
    monday = week_start(timezone.localdate(now))
    reports = (
        Report.objects.in_workspace(viewer.workspace)
        .filter(period_date__gte=monday, due_at__lte=now, author__offboarded_at__isnull=True)
        .exclude(author=viewer)
    )
    if led is not None:
        reports = reports.filter(author_id__in=led)
    due = written = 0
    for submitted_at, due_at, hours in reports.values_list(
        "submitted_at", "due_at", "form__late_window_hours"
    ):
        if submitted_at is None and due_at + timedelta(hours=hours) > now:
            continue
        due += 1
        written += submitted_at is not None
    return TeamSummary(_waiting(signals_in_scope(viewer, led)), due, written)


def chart_labels(weeks: list[date]) -> list[str]:
    """Short x labels for week starts ("6/1")."""
    return [f"{w.month}/{w.day}" for w in weeks]
