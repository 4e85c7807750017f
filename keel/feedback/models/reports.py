"""Report forms (the questions and the schedule), who writes them, and the reports written.

A `Report` is one person's report for one period of one form. The row exists from the moment
the report is due (the reminder job creates it at the due time in the writer's own time
zone) or from the moment someone writes it early; `submitted_at` null means not written yet.
So "missed", "late" and "reminded" are plain columns, and the signal job reads one table.
"""

from __future__ import annotations

from datetime import time

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Membership, WorkspaceScoped
from keel.org.models import Seat


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")


# Hours a late report is still accepted: what the form services allow (the home page reads
# only the writer's reports of the longest window).
LATE_WINDOW_HOURS = (1, 336)


class ReportForm(WorkspaceScoped):
    """A report form: its questions, when it is due and who writes it."""

    title = models.CharField(_("title"), max_length=120)
    intro = models.TextField(_("introduction"), blank=True)
    # The built-in template it was made from ("daily", "weekly"), or "" for a blank form.
    template = models.CharField(max_length=16, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    # Daily: the days it is due ("MO".."SU"); weekly: the one day; monthly: unused.
    weekdays = models.JSONField(_("days"), default=list, blank=True)
    # Monthly: 1..28, or -1 for the last day of the month.
    month_day = models.SmallIntegerField(_("day of the month"), null=True, blank=True)
    # Local to each writer: 17:00 is 17:00 in Shanghai for one and in Los Angeles for another.
    due_time = models.TimeField(_("due at"), default=time(17, 0))
    # A late report can still be written this long after it was due; after that it is missed.
    late_window_hours = models.PositiveSmallIntegerField(_("late reports accepted for (hours)"),
                                                         default=48)  # fmt: skip
    # A submitted report can be edited by its writer this long after submitting.
    edit_window_hours = models.PositiveSmallIntegerField(_("editable for (hours)"), default=24)
    starts_on = models.DateField(_("first report on"))
    owner = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("owner"),
    )  # fmt: skip
    owner_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="report_forms",
        verbose_name=_("owner seat"),
    )  # fmt: skip
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=True) | Q(owner_seat__isnull=True),
                name="feedback_form_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(month_day__isnull=True)
                | Q(month_day=-1)
                | Q(month_day__gte=1, month_day__lte=28),
                name="feedback_form_month_day",
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=["daily", "weekly", "monthly"]),
                name="feedback_form_frequency",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SCALE = "scale", _("Scale 1–5")
    MOOD = "mood", _("Mood 1–5")
    YES_NO = "yes_no", _("Yes / no")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("Single choice")


class AnswerVisibility(models.TextChoices):
    # Private by default: only the writer, their manager chain and the owners read it.
    MANAGERS = "managers", _("Manager chain only")
    TEAM = "team", pgettext_lazy("visibility", "Team")


class Measure(models.TextChoices):
    """What a 1–5 answer measures, copied onto the report for trends and signals."""

    NONE = "", _("Nothing")
    MOOD = "mood", _("Mood")
    WORKLOAD = "workload", _("Workload")


class Prefill(models.TextChoices):
    NONE = "", _("Nothing")
    COMPLETED_TASKS = "completed_tasks", _("Tasks I completed in the period")


class Question(WorkspaceScoped):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("type"), max_length=12, choices=QuestionKind.choices)
    prompt = models.CharField(_("question"), max_length=300)
    help = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    visibility = models.CharField(
        _("who sees the answers"), max_length=8, choices=AnswerVisibility.choices,
        default=AnswerVisibility.MANAGERS,
    )  # fmt: skip
    measure = models.CharField(_("measures"), max_length=8, choices=Measure.choices, blank=True)
    prefill = models.CharField(
        _("pre-filled with"), max_length=16, choices=Prefill.choices, blank=True
    )
    choices = models.JSONField(_("choices"), default=list, blank=True)  # single choice: labels
    # A question with answers is archived, never deleted: old reports keep their answers.
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.prompt


class Audience(WorkspaceScoped):
    """Who writes a form: a member, a group's members, or whoever holds a seat now."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="audience")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    seat = models.ForeignKey(
        Seat, on_delete=models.CASCADE, null=True, blank=True, related_name="report_audiences"
    )

    class Meta:
        verbose_name = _("report writer")
        verbose_name_plural = _("report writers")
        constraints = [
            models.CheckConstraint(
                condition=Q(membership__isnull=False, group__isnull=True, seat__isnull=True)
                | Q(membership__isnull=True, group__isnull=False, seat__isnull=True)
                | Q(membership__isnull=True, group__isnull=True, seat__isnull=False),
                name="feedback_audience_one_target",
            ),
        ]

    def __str__(self) -> str:
        target = self.membership or self.group or self.seat
        return str(target)


class Report(WorkspaceScoped):
    """One person's report for one period of a form. It stays with its writer for good."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="reports")
    author = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    # The local date the report is due: the day (daily), the due day (weekly, monthly).
    period_date = models.DateField(_("for"))
    # The first day of the work it covers (daily: the same day; weekly: seven days before).
    period_start = models.DateField()
    due_at = models.DateTimeField(_("due"))  # UTC: due_time on period_date in `timezone`
    timezone = models.CharField(max_length=64)  # the writer's zone when the row was made
    reminded_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Copied from the answers of the questions that measure them (1–5), for trends and signals.
    mood = models.PositiveSmallIntegerField(null=True, blank=True)
    workload = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "author", "period_date"], name="feedback_report_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(mood__isnull=True) | Q(mood__gte=1, mood__lte=5),
                name="feedback_report_mood_range",
            ),
            models.CheckConstraint(
                condition=Q(workload__isnull=True) | Q(workload__gte=1, workload__lte=5),
                name="feedback_report_workload_range",
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "author", "period_date"]),
            # The team's reports of a period (home's team block, the team page's participation
            # and weekly mood): covering, so 250 people's twelve weeks are read from the index
            # alone (22 → 5 ms on SQLite).
            models.Index(
                fields=[
                    "workspace",
                    "period_date",
                    "author",
                    "form",
                    "submitted_at",
                    "due_at",
                    "mood",
                ],
                name="feedback_report_team",
            ),
            models.Index(fields=["form", "period_date"]),
            models.Index(fields=["workspace", "submitted_at", "due_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.form} {self.period_date.isoformat()}"


class Answer(WorkspaceScoped):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)  # text, the chosen label, "yes"/"no"
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    flagged_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["report", "question"], name="feedback_answer_once"),
        ]

    def __str__(self) -> str:
        return self.text[:60] if self.text else str(self.number)
