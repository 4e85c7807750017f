"""Vision, core values, goals with a target year, and yearly milestones."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from keel.core.models import WorkspaceScoped
from keel.org.models import Seat


class Vision(WorkspaceScoped):
    """One per workspace: where the company wants to be in five years."""

    statement = models.TextField(_("vision statement"), blank=True)
    horizon_year = models.PositiveSmallIntegerField(
        _("horizon year"), validators=[MinValueValidator(2000), MaxValueValidator(2200)]
    )

    class Meta:
        verbose_name = _("vision")
        constraints = [
            models.UniqueConstraint(fields=["workspace"], name="vision_one_per_workspace")
        ]

    def __str__(self) -> str:
        return self.statement[:60]


class CoreValue(WorkspaceScoped):
    title = models.CharField(_("value"), max_length=80)
    description = models.CharField(_("what it means"), max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("core value")
        verbose_name_plural = _("core values")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Goal(WorkspaceScoped):
    """A long-term goal: “¥10M yearly revenue by 2030”."""

    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    target_year = models.PositiveSmallIntegerField(
        _("target year"), validators=[MinValueValidator(2000), MaxValueValidator(2200)]
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["target_year", "position", "id"]

    def __str__(self) -> str:
        return self.title


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    DONE = "done", _("Done")
    MISSED = "missed", _("Missed")


# UI.md status colours: green on track/done, amber at risk, red off track/missed, grey not yet.
STATUS_TONE: dict[str, str] = {
    MilestoneStatus.NOT_STARTED: "grey",
    MilestoneStatus.ON_TRACK: "green",
    MilestoneStatus.AT_RISK: "amber",
    MilestoneStatus.OFF_TRACK: "red",
    MilestoneStatus.DONE: "green",
    MilestoneStatus.MISSED: "red",
}


class Milestone(WorkspaceScoped):
    """A yearly step towards a goal, owned by a seat, needing some (planned) seats, measured
    by a KPI."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2200)]
    )
    title = models.CharField(_("milestone"), max_length=200)
    owner_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_milestones",
        verbose_name=_("owner seat"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=12, choices=MilestoneStatus.choices,
        default=MilestoneStatus.NOT_STARTED,
    )  # fmt: skip
    needed_seats = models.ManyToManyField(
        Seat, blank=True, related_name="needed_by_milestones", verbose_name=_("seats it needs")
    )
    # The KPI that measures the milestone: the vision page shows its figure for the
    # milestone's year against the year's target (kpis.selectors.progress).
    kpi = models.ForeignKey(
        "kpis.Kpi", on_delete=models.SET_NULL, null=True, blank=True, related_name="milestones",
        verbose_name=_("KPI"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["year", "id"]
        indexes = [models.Index(fields=["workspace", "year"])]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"

    @property
    def status_tone(self) -> str:
        return STATUS_TONE.get(self.status, "grey")
