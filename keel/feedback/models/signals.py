"""Early-warning signals about one person, and the workspace's list of watched words.

Signals are for the owners and the person's manager chain only. `details` holds plain values
(numbers, ISO dates, the matched words as written) so the explanation is worded in the
reader's language when read, never stored as prose.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership, WorkspaceScoped


class SignalKind(models.TextChoices):
    MOOD_DROP = "mood_drop", _("Mood dropping")
    MISSED_REPORTS = "missed_reports", _("Missed reports")
    WATCH_WORDS = "watch_words", _("Words about leaving")
    OVERDUE_RECURRING = "overdue_recurring", _("Recurring work overdue")


class Signal(WorkspaceScoped):
    subject = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=SignalKind.choices)
    # What makes one episode: the kind, plus the answer for watched words ("watch_words:812").
    key = models.CharField(max_length=60)
    details = models.JSONField(default=dict, blank=True)
    answer = models.ForeignKey(
        "feedback.Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    detected_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    # Cleared when the condition no longer holds (mood recovered, reports written again).
    cleared_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-detected_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "key"],
                condition=Q(cleared_at__isnull=True),
                name="feedback_signal_one_open_episode",
            ),
        ]
        indexes = [models.Index(fields=["workspace", "cleared_at", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_id}"


class WatchWords(WorkspaceScoped):
    """The words that raise a signal when they appear in an answer, one per line."""

    words = models.TextField(_("watched words"), blank=True)

    class Meta:
        verbose_name = _("watched words")
        constraints = [
            models.UniqueConstraint(fields=["workspace"], name="feedback_watchwords_one"),
        ]

    def __str__(self) -> str:
        return self.words[:60]
