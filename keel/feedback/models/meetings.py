"""Meeting series (monthly review, team meeting, 1:1), their meetings, agendas and actions.

A series keeps its schedule as the tasks app keeps a recurring task's: an RFC 5545 rule over a
naive wall-clock start in a time zone (keel.tasks.recurrence computes the dates), so a
Monday 10:00 meeting stays at 10:00 across daylight-saving changes. A `Meeting` row exists
for a past or next occurrence that someone wrote into (agenda, notes) or that the job
prepared; the others are computed.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership, WorkspaceScoped
from keel.org.models import Seat
from keel.tasks.models import Project, Recurrence, Task


class MeetingKind(models.TextChoices):
    REVIEW = "review", _("Monthly review")
    TEAM = "team", _("Team meeting")
    ONE_ON_ONE = "one_on_one", _("1:1")
    OTHER = "other", _("Other meeting")


class MeetingSeries(WorkspaceScoped):
    title = models.CharField(_("title"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=12, choices=MeetingKind.choices, default=MeetingKind.TEAM
    )
    description = models.TextField(_("purpose"), blank=True)
    rrule = models.CharField(_("repeat rule"), max_length=500)
    # The first meeting's wall-clock time in `timezone`, stored labelled UTC (as tasks does).
    dtstart_local = models.DateTimeField(_("first meeting"))
    timezone = models.CharField(_("time zone"), max_length=64)
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=30)
    call_url = models.URLField(_("call link"), max_length=500, blank=True)
    # Who runs it: a person, or a seat (its holder now runs it; the seat rule applies).
    organizer = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("organizer"),
    )  # fmt: skip
    organizer_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("organizer seat"),
    )  # fmt: skip
    # A 1:1's other person: a member, or a seat (a new holder inherits the 1:1).
    report_member = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("with"),
    )  # fmt: skip
    report_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("with seat"),
    )  # fmt: skip
    # Where action items become tasks; the check-in task of a 1:1 lives there too.
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("project for action items"),
    )  # fmt: skip
    checkin = models.ForeignKey(
        Recurrence, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organizer__isnull=True) | Q(organizer_seat__isnull=True),
                name="feedback_series_one_organizer",
            ),
            models.CheckConstraint(
                condition=Q(report_member__isnull=True) | Q(report_seat__isnull=True),
                name="feedback_series_one_report",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5, duration_minutes__lte=600),
                name="feedback_series_duration",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Attendee(WorkspaceScoped):
    """Who is invited: a member, a group's members, or whoever holds a seat now."""

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="attendees")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    seat = models.ForeignKey(
        Seat, on_delete=models.CASCADE, null=True, blank=True, related_name="meeting_attendees"
    )

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.CheckConstraint(
                condition=Q(membership__isnull=False, group__isnull=True, seat__isnull=True)
                | Q(membership__isnull=True, group__isnull=False, seat__isnull=True)
                | Q(membership__isnull=True, group__isnull=True, seat__isnull=False),
                name="feedback_attendee_one_target",
            ),
        ]

    def __str__(self) -> str:
        return str(self.membership or self.group or self.seat)


class Meeting(WorkspaceScoped):
    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))  # UTC
    notes = models.TextField(_("notes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    held_at = models.DateTimeField(null=True, blank=True)  # marked as held (notes final)
    # When prepare_meetings told the attendees it is coming up (once per meeting).
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "starts_at"], name="feedback_meeting_once"),
        ]
        indexes = [models.Index(fields=["workspace", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.series} {self.starts_at:%Y-%m-%d}"


class AgendaSource(models.TextChoices):
    MANUAL = "manual", _("Added")
    CARRIED = "carried", _("Carried over")
    FLAGGED = "flagged", _("Flagged report answer")
    KPI = "kpi", _("KPI off target")


class AgendaItem(WorkspaceScoped):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    text = models.CharField(_("item"), max_length=500)
    source = models.CharField(
        max_length=8, choices=AgendaSource.choices, default=AgendaSource.MANUAL
    )
    added_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A flagged answer: the agenda shows it to the meeting only if the reader may read it.
    answer = models.ForeignKey(
        "feedback.Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)
    resolved_at = models.DateTimeField(null=True, blank=True)
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # An item an agenda feed pulled in (keel/feedback/agenda_feeds.py): the id of what it
    # refers to (a KPI's: a plain integer, as feedback may not point at an app above it) and
    # plain figures and codes, worded in the reader's language when read.
    ref_id = models.PositiveBigIntegerField(null=True, blank=True)
    ref_data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "source", "ref_id"],
                condition=Q(ref_id__isnull=False),
                name="feedback_agenda_ref_once",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class ActionItem(WorkspaceScoped):
    """A decision's follow-up: always a task (owner, due date) in the series' project."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.task.title


class MeetingFeed(WorkspaceScoped):
    """A secret iCalendar URL with the meetings one member attends. Stored hashed."""

    owner = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting calendar feed")

    def __str__(self) -> str:
        return self.owner.user.display_name
