"""Early-warning signals: compute them (the nightly job), acknowledge one, edit the watched words.

`signals_compute` reads narrow rows once (reports of the last eleven weeks, recent text
answers, overdue recurring tasks, the open signals), decides in Python with
`feedback.signal_rules`, and writes one open episode per (person, key): created when the
condition starts, refreshed while it holds, cleared when it stops. Running it twice changes
nothing the second time. Who is told: the owners and the person's nearest manager, never
the person (access.can_see_signals).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from keel.core.models import Membership, Role
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.feedback import access, signal_rules
from keel.feedback.models import Answer, Report, Signal, SignalKind, WatchWords
from keel.org.resolution import manager_chain
from keel.tasks.models import Status, Task
from keel.tasks.selectors import seat_owners

if TYPE_CHECKING:
    from keel.core.models import Workspace

MAX_NOTE_LENGTH = 500
NOTIFY_KIND = "feedback.signal"
# Kinds whose episode ends by itself when the condition stops holding; a watched word is an
# event, so its signal ends when someone acknowledges it (or the words leave the answer).
SELF_CLEARING = frozenset(
    {SignalKind.MOOD_DROP, SignalKind.MISSED_REPORTS, SignalKind.OVERDUE_RECURRING}
)


@dataclass
class SignalsSummary:
    created: int = 0
    refreshed: int = 0
    cleared: int = 0
    notified: int = 0
    new_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Wanted:
    kind: str
    details: dict[str, Any]
    answer_id: int | None = None


# --- Watched words ---------------------------------------------------------------------------


def watch_words_of(workspace: Workspace) -> list[str]:
    """The workspace's watched words, or the default list while it has saved none."""
    row = WatchWords.objects.in_workspace(workspace).first()
    if row is None:
        return list(signal_rules.DEFAULT_WATCH_WORDS)
    return signal_rules.parse_words(row.words)


def watch_words_update(
    *, actor: Membership, words: str | list[str], context: AuditContext | None = None
) -> WatchWords:
    """Save the list (one word or phrase per line); an empty list watches nothing."""
    require(actor, "feedback.watch_words")
    parsed = signal_rules.parse_words(words)
    too_long = [w for w in parsed if len(w) > signal_rules.MAX_WORD_LENGTH]
    if too_long:
        raise ValidationError({"words": _(
            "Each word or phrase can be at most %(limit)d characters: “%(word)s” is longer."
        ) % {"limit": signal_rules.MAX_WORD_LENGTH, "word": too_long[0][:60]}})  # fmt: skip
    if len(parsed) > signal_rules.MAX_WORDS:
        raise ValidationError({"words": _("At most %(limit)d words or phrases.")
                               % {"limit": signal_rules.MAX_WORDS}})  # fmt: skip
    with transaction.atomic():
        row, _created = WatchWords.objects.update_or_create(
            workspace=actor.workspace, defaults={"words": "\n".join(parsed)}
        )
        audit_event(actor, "feedback.watch_words_updated", None, context, count=len(parsed))
    return row


# --- Acknowledging ---------------------------------------------------------------------------


def signal_acknowledge(
    *, actor: Membership, signal: Signal, note: str = "", context: AuditContext | None = None
) -> Signal:
    """Record that someone in charge looked at it ("talked on Tuesday"). A watched-word
    signal then ends; the others stay open, marked acknowledged, until their condition
    stops holding (and a new episode is raised if it starts again)."""
    same_workspace(actor, signal)
    subject = Membership.objects.select_related("workspace").get(pk=signal.subject_id)
    if not access.can_see_signals(actor, subject):
        raise PermissionDenied(_("Only the owners and the person's managers can do this."))
    note = (note or "").strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {"note": _("Keep the note to %(limit)d characters.") % {"limit": MAX_NOTE_LENGTH}}
        )
    now = timezone.now()
    with transaction.atomic():
        signal.acknowledged_at, signal.acknowledged_by, signal.note = now, actor, note
        fields = ["acknowledged_at", "acknowledged_by", "note", "updated_at"]
        if signal.kind == SignalKind.WATCH_WORDS and signal.cleared_at is None:
            signal.cleared_at = now
            fields.append("cleared_at")
        signal.save(update_fields=fields)
        # The note stays on the signal, for the people allowed to read it; not in the log.
        audit_event(actor, "feedback.signal_acknowledged", signal, context, kind=signal.kind,
                    subject=signal.subject_id)  # fmt: skip
    return signal


# --- Computing -------------------------------------------------------------------------------


def _reports_by_author(
    workspace: Workspace, people: set[int], now: datetime
) -> tuple[dict[int, list[tuple[datetime, int]]], dict[int, list[signal_rules.ReportRow]]]:
    since = now - signal_rules.RECENT - signal_rules.BASELINE
    rows = (
        Report.objects.in_workspace(workspace)
        .filter(due_at__gte=since, due_at__lte=now)
        .values_list(
            "author_id", "period_date", "due_at", "submitted_at", "mood",
            "form__late_window_hours",
        )
    )  # fmt: skip
    moods: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    reports: dict[int, list[signal_rules.ReportRow]] = defaultdict(list)
    for author_id, period_date, due_at, submitted_at, mood, late_hours in rows.iterator(2000):
        if author_id not in people:
            continue
        if submitted_at is not None and mood is not None:
            moods[author_id].append((due_at, mood))
        reports[author_id].append(
            signal_rules.ReportRow(
                period_date=period_date, due_at=due_at, submitted=submitted_at is not None,
                closes_at=due_at + timedelta(hours=late_hours),
            )
        )  # fmt: skip
    return moods, reports


def _watched_answers(
    workspace: Workspace, people: set[int], now: datetime
) -> tuple[dict[int, tuple[int, list[str], str, str]], set[int]]:
    """answer id → (author, matched words, question, period date) for recent answers that
    contain a watched word; and the ids of every recent answer read (matched or not)."""
    matcher = signal_rules.WordMatcher.of(watch_words_of(workspace))
    if matcher.pattern is None:
        return {}, set()
    since = now - signal_rules.WATCH_SCAN
    rows = (
        Answer.objects.in_workspace(workspace)
        .filter(Q(report__submitted_at__gte=since) | Q(report__edited_at__gte=since))
        .exclude(text="")
        .values_list("id", "report__author_id", "text", "question__prompt", "report__period_date")
    )
    found: dict[int, tuple[int, list[str], str, str]] = {}
    read: set[int] = set()
    for answer_id, author_id, text, prompt, period_date in rows.iterator(2000):
        read.add(answer_id)
        if author_id not in people:
            continue
        words = matcher.find(text)
        if words:
            found[answer_id] = (author_id, words[:10], prompt, period_date.isoformat())
    return found, read


def _overdue_recurring(workspace: Workspace, today: Any) -> dict[int, int]:
    """membership id → open, overdue tasks of recurring series that are theirs now
    (assigned to them, or to a seat resolving to them: tasks.selectors.work_of's rule)."""
    rows = list(
        Task.objects.in_workspace(workspace)
        .filter(recurrence__isnull=False, due_date__lt=today)
        .exclude(status=Status.DONE)
        .filter(Q(assignee__isnull=False) | Q(assignee_seat__isnull=False))
        .values_list("assignee_id", "assignee_seat_id")
    )
    owners = seat_owners(workspace.pk) if any(seat for _, seat in rows) else {}
    counts: dict[int, int] = defaultdict(int)
    for assignee_id, seat_id in rows:
        person = assignee_id
        if person is None:
            person = getattr(owners.get(seat_id), "pk", None)
        if person is not None:
            counts[person] += 1
    return counts


def _wanted(workspace: Workspace, people: set[int], now: datetime) -> tuple[
    dict[tuple[int, str], _Wanted], set[int]
]:  # fmt: skip
    moods, reports = _reports_by_author(workspace, people, now)
    wanted: dict[tuple[int, str], _Wanted] = {}
    for person, rows in moods.items():
        drop = signal_rules.mood_drop(rows, now)
        if drop is not None:
            wanted[(person, SignalKind.MOOD_DROP.value)] = _Wanted(SignalKind.MOOD_DROP, {
                "recent": drop.recent, "baseline": drop.baseline,
                "recent_count": drop.recent_count, "baseline_count": drop.baseline_count,
            })  # fmt: skip
    for person, report_rows in reports.items():
        missed = signal_rules.missed_in_a_row(report_rows, now)
        if missed is not None:
            wanted[(person, SignalKind.MISSED_REPORTS.value)] = _Wanted(
                SignalKind.MISSED_REPORTS,
                {"missed": missed.count, "first": missed.first.isoformat(),
                 "last": missed.last.isoformat()},
            )  # fmt: skip
    answers, read = _watched_answers(workspace, people, now)
    for answer_id, (person, words, prompt, day) in answers.items():
        wanted[(person, f"watch_words:{answer_id}")] = _Wanted(
            SignalKind.WATCH_WORDS, {"words": words, "question": prompt[:120], "date": day},
            answer_id=answer_id,
        )  # fmt: skip
    return wanted, read


def signals_compute(*, workspace: Workspace, now: datetime | None = None) -> SignalsSummary:
    """Bring the workspace's open signals in line with its data now (idempotent)."""
    now = now or timezone.now()
    summary = SignalsSummary()
    people = set(Membership.objects.in_workspace(workspace).active().values_list("pk", flat=True))
    wanted, answers_read = _wanted(workspace, people, now)
    open_rows = list(
        Signal.objects.in_workspace(workspace)
        .filter(cleared_at__isnull=True)
        .only("id", "subject_id", "key", "kind", "answer_id", "details", "workspace_id")
    )
    # Overdue recurring work only counts beside another warning sign that stays open.
    others = {person for person, _key in wanted} | {
        s.subject_id for s in open_rows
        if s.kind == SignalKind.WATCH_WORDS and (s.subject_id, s.key) not in wanted
        and s.subject_id in people and s.answer_id is not None
        and s.answer_id not in answers_read
    }  # fmt: skip
    if others:
        today = timezone.localdate(now, timezone=_zone(workspace))
        for person, count in _overdue_recurring(workspace, today).items():
            if person in others and count >= signal_rules.MIN_OVERDUE_RECURRING:
                key = (person, SignalKind.OVERDUE_RECURRING.value)
                wanted[key] = _Wanted(SignalKind.OVERDUE_RECURRING, {"overdue": count})
    # An answer already signalled once (even acknowledged) is never signalled again.
    done_before = set(
        Signal.objects.in_workspace(workspace)
        .filter(kind=SignalKind.WATCH_WORDS, answer_id__in=[w.answer_id for w in wanted.values()
                                                             if w.answer_id])
        .values_list("key", flat=True)
    )  # fmt: skip
    refresh: list[Signal] = []
    clear: list[Signal] = []
    for signal in open_rows:
        want = wanted.pop((signal.subject_id, signal.key), None)
        if want is not None:
            signal.details, signal.last_seen_at = want.details, now
            refresh.append(signal)
        elif _ends(signal, people, answers_read):
            signal.cleared_at = now
            clear.append(signal)
    new = [
        Signal(workspace=workspace, subject_id=person, kind=w.kind, key=key, details=w.details,
               answer_id=w.answer_id, detected_at=now, last_seen_at=now)
        for (person, key), w in wanted.items()
        if key not in done_before
    ]  # fmt: skip
    with transaction.atomic():
        Signal.objects.bulk_update(refresh, ["details", "last_seen_at"], batch_size=500)
        # (bulk_update skips auto_now: updated_at tracks people's edits, not the job)
        Signal.objects.bulk_update(clear, ["cleared_at"], batch_size=500)
        created = Signal.objects.bulk_create(new, batch_size=500)
    summary.refreshed, summary.cleared, summary.created = len(refresh), len(clear), len(created)
    summary.new_ids = [s.pk for s in created if s.pk is not None]
    summary.notified = _notify(workspace, created)
    return summary


def _zone(workspace: Workspace) -> Any:
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(workspace.timezone or "UTC")
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def _ends(signal: Signal, people: set[int], answers_read: set[int]) -> bool:
    """Whether an open signal that is not wanted any more ends now."""
    if signal.subject_id not in people:
        return True  # they left: nobody follows up on signals about them any more
    if signal.kind in SELF_CLEARING:
        return True
    # A watched word: ends when its answer is gone, or was read again without the words.
    return signal.answer_id is None or signal.answer_id in answers_read


def _notify(workspace: Workspace, created: list[Signal]) -> int:
    """Tell the owners and each person's nearest manager about new signals — never the
    person. One notification per reader and person per run, naming the first new kind."""
    if not created:
        return 0
    from keel.notifications.services import notify

    owners = list(
        Membership.objects.in_workspace(workspace).active().filter(role=Role.OWNER)
        .select_related("user", "workspace")
    )  # fmt: skip
    first: dict[int, Signal] = {}
    for signal in created:
        first.setdefault(signal.subject_id, signal)
    subjects = Membership.objects.in_workspace(workspace).filter(pk__in=list(first))
    url = reverse("feedback_signals", kwargs={"ws": workspace.slug})
    sent = 0
    for subject in subjects.select_related("user", "workspace"):
        readers = {m.pk: m for m in owners}
        chain = manager_chain(subject)
        if chain:
            readers[chain[0].pk] = chain[0]
        readers.pop(subject.pk, None)  # owners and the chain may see it; the person never
        params = {"person": subject.user.display_name, "kind": str(first[subject.pk].kind)}
        for reader in readers.values():
            if notify(recipient=reader, kind=NOTIFY_KIND, params=params, url=url) is not None:
                sent += 1
    return sent


def signal_notification_title(params: Any) -> str:
    """The "feedback.signal" notification's title, in the reader's language."""
    return _("Early warning about %(person)s: %(kind)s") % {
        "person": params["person"],
        "kind": str(SignalKind(params["kind"]).label),
    }
