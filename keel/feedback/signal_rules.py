"""The early-warning rules, pure (no database): given narrow rows, which signals hold now.

`services.signals.signals_compute` loads the rows once and asks here; the thresholds live
here so the docs, the tests and the job agree on one number each (docs/feedback.md,
"Insights and signals").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

RECENT = timedelta(weeks=3)  # the window a mood drop is measured over
BASELINE = timedelta(weeks=8)  # the person's own baseline, just before it
MIN_RECENT_MOODS = 3
MIN_BASELINE_MOODS = 6
MOOD_DROP = 1.0  # points on the 1–5 scale
MIN_MISSED_IN_A_ROW = 2
MIN_OVERDUE_RECURRING = 3
WATCH_SCAN = timedelta(days=14)  # answers written or edited this recently are read

MAX_WORDS = 200
MAX_WORD_LENGTH = 40

# Used while a workspace has saved no list of its own. Simplified and Traditional are both
# listed (a Chinese word matches as a substring: 太累 also finds 太累了).
DEFAULT_WATCH_WORDS: tuple[str, ...] = (
    "quit", "quitting", "resign", "resigning", "resignation", "burned out", "burnt out",
    "burnout", "leaving the company", "new job", "job offer", "hand in my notice",
    "辞职", "离职", "不想干了", "太累", "跳槽", "受不了", "想走了",
    "辭職", "離職", "不想幹了", "受不了", "想走了",
)  # fmt: skip


def parse_words(text: str | Iterable[str]) -> list[str]:
    """One word or phrase per line: trimmed, blank lines dropped, duplicates (ignoring case
    and width) dropped, first spelling kept. Lengths are checked by the service."""
    lines = text.splitlines() if isinstance(text, str) else list(text)
    seen: set[str] = set()
    words: list[str] = []
    for line in lines:
        word = " ".join(str(line).split())
        key = _fold(word)
        if word and key not in seen:
            seen.add(key)
            words.append(word)
    return words


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80


@dataclass(frozen=True)
class WordMatcher:
    """Finds watched words in text: Latin words and phrases as whole words, ignoring case;
    Chinese (no spaces between words) as substrings."""

    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, words: Sequence[str]) -> WordMatcher:
        parts = []
        for word in sorted({_fold(w) for w in words if w.strip()}, key=len, reverse=True):
            body = r"\s+".join(re.escape(piece) for piece in word.split())
            start = "" if _is_cjk(word[0]) else r"(?<!\w)"
            end = "" if _is_cjk(word[-1]) else r"(?!\w)"
            parts.append(f"{start}{body}{end}")
        return cls(re.compile("|".join(parts)) if parts else None)

    def find(self, text: str) -> list[str]:
        """The matched fragments as the writer wrote them, in order, each once."""
        if self.pattern is None or not text:
            return []
        folded = _fold(text)
        # NFKC + casefold can change the length (ß → ss); then quote the folded form.
        source = text if len(folded) == len(text) else folded
        found: dict[str, None] = {}
        for match in self.pattern.finditer(folded):
            found.setdefault(source[match.start() : match.end()], None)
        return list(found)


# --- Mood ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoodDrop:
    recent: float
    baseline: float
    recent_count: int
    baseline_count: int


def mood_drop(moods: Iterable[tuple[datetime, int]], now: datetime) -> MoodDrop | None:
    """`moods`: (due_at, mood) of one person's submitted reports. A drop when the average of
    the last three weeks is at least one point below the eight weeks before, each window
    holding enough answers to mean something."""
    recent_from, baseline_from = now - RECENT, now - RECENT - BASELINE
    recent: list[int] = []
    baseline: list[int] = []
    for due_at, mood in moods:
        if recent_from <= due_at <= now:
            recent.append(mood)
        elif baseline_from <= due_at < recent_from:
            baseline.append(mood)
    if len(recent) < MIN_RECENT_MOODS or len(baseline) < MIN_BASELINE_MOODS:
        return None
    recent_avg, baseline_avg = sum(recent) / len(recent), sum(baseline) / len(baseline)
    if baseline_avg - recent_avg < MOOD_DROP - 1e-9:
        return None
    return MoodDrop(round(recent_avg, 2), round(baseline_avg, 2), len(recent), len(baseline))


# --- Missed reports --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    period_date: date
    due_at: datetime
    submitted: bool
    closes_at: datetime  # due_at + the form's late window: missed for good after it


@dataclass(frozen=True)
class Missed:
    count: int
    first: date
    last: date


def missed_in_a_row(rows: Iterable[ReportRow], now: datetime) -> Missed | None:
    """The latest run of missed reports (any form), newest backwards until a written one.
    Reports still inside their late window neither count nor break the run."""
    ordered = sorted(rows, key=lambda r: (r.due_at, r.period_date), reverse=True)
    run: list[ReportRow] = []
    for row in ordered:
        if row.submitted:
            break
        if row.closes_at > now:
            continue
        run.append(row)
    if len(run) < MIN_MISSED_IN_A_ROW:
        return None
    return Missed(count=len(run), first=run[-1].period_date, last=run[0].period_date)
