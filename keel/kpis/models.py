"""KPI definitions and their months: one row per KPI and month holds the target, the value
and the commentary, so the year grid, the scorecard and the trend read one table."""

from __future__ import annotations

from typing import ClassVar, Self

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.accounts.models import Group
from keel.core.models import Membership, WorkspaceQuerySet, WorkspaceScoped
from keel.org.models import Department, Seat


class Unit(models.TextChoices):
    MONEY = "money", _("Money")
    PERCENT = "percent", _("Percentage")
    COUNT = "count", _("Count")
    DURATION = "duration", _("Duration (hours)")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Aggregation(models.TextChoices):
    """How the values of one month make the month's figure (imports with one row a day)."""

    SUM = "sum", _("Sum")
    AVERAGE = "average", _("Average")
    LAST = "last", _("Last value")


class Period(models.TextChoices):
    """How often the KPI has a figure: a month's (the default) or a week's, in the
    workspace's week (Workspace.first_weekday). Fixed once the KPI has figures."""

    MONTHLY = "monthly", _("Monthly")
    WEEKLY = "weekly", _("Weekly")


class Metric(models.TextChoices):
    """Where the values come from: typed, imported or pushed (manual), or computed by Keel
    over the KPI's team (its department's people; everyone for a company KPI)."""

    MANUAL = "", _("Entered, imported or pushed")
    TASKS_ON_TIME = "tasks_on_time", _("Tasks completed on time (%)")
    TASKS_OVERDUE = "tasks_overdue", _("Tasks overdue")
    REPORT_PARTICIPATION = "report_participation", _("Report participation (%)")
    REPORT_MOOD = "report_mood", _("Average mood in reports (1–5)")
    VAULT_ROTATIONS = "vault_rotations", _("Passwords still to change after departures")


class ValueSource(models.TextChoices):
    MANUAL = "manual", _("Typed")
    IMPORT = "import", _("Imported")
    API = "api", _("Pushed through the API")
    COMPUTED = "computed", _("Computed by Keel")


class KpiQuerySet(WorkspaceQuerySet["Kpi"]):
    def active(self) -> Self:
        return self.filter(archived_at__isnull=True)


KpiManager = models.Manager.from_queryset(KpiQuerySet)


class Kpi(WorkspaceScoped):
    """A KPI: what is measured, how it is judged, who answers for it, and for which team."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.COUNT)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )
    aggregation = models.CharField(
        _("month's figure"), max_length=8, choices=Aggregation.choices, default=Aggregation.SUM
    )
    period = models.CharField(
        _("period"), max_length=7, choices=Period.choices, default=Period.MONTHLY
    )
    metric = models.CharField(
        pgettext_lazy("kpi", "values"),
        max_length=24,
        choices=Metric.choices,
        default=Metric.MANUAL,
        blank=True,
    )
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("team"),
    )  # fmt: skip
    owner_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_kpis",
        verbose_name=_("owner seat"),
    )  # fmt: skip
    owner_group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("owner group"),
    )  # fmt: skip
    owner_member = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("owner"),
    )  # fmt: skip
    # Amber: within this many percent of the target on the wrong side; red beyond it.
    amber_margin = models.PositiveSmallIntegerField(_("amber margin (%)"), default=10)
    position = models.PositiveIntegerField(default=0)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[KpiManager[Kpi]] = KpiManager()

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(owner_seat__isnull=True, owner_group__isnull=True)
                    | Q(owner_seat__isnull=True, owner_member__isnull=True)
                    | Q(owner_group__isnull=True, owner_member__isnull=True)
                ),
                name="kpi_one_owner",
            ),
            models.CheckConstraint(condition=Q(amber_margin__lte=100), name="kpi_margin_range"),
        ]
        indexes = [models.Index(fields=["workspace", "department", "position"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return bool(self.metric)

    @property
    def is_weekly(self) -> bool:
        return self.period == Period.WEEKLY


class KpiMonth(WorkspaceScoped):
    """One KPI in one period: target, value and commentary. `month` is the period's first
    day — a month's first day, or for a weekly KPI the week's first day in the workspace's
    week (services.months_save checks it). One table for both periods: the scorecard,
    trend and progress read weeks and months in the same query (docs/kpis.md)."""

    kpi = models.ForeignKey(Kpi, on_delete=models.CASCADE, related_name="months")
    month = models.DateField(_("month"))
    target = models.DecimalField(
        pgettext_lazy("kpi", "target"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    value = models.DecimalField(
        pgettext_lazy("kpi", "value"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    source = models.CharField(max_length=10, choices=ValueSource.choices, blank=True)
    comment = models.TextField(_("commentary"), blank=True)
    value_set_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    value_set_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("KPI month")
        ordering = ["kpi", "month"]
        constraints = [
            # `month` is a month's first day: the services check it (a date-part check
            # constraint needs a function SQLite only has inside Django's connections).
            models.UniqueConstraint(fields=["kpi", "month"], name="kpi_month_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kpi_id} {self.month:%Y-%m}"


class ScorecardSend(WorkspaceScoped):
    """The month whose scorecard was emailed (kpis.scorecard_mail): one row per workspace and
    month makes the monthly job send once, however often it runs, and paces "Send now"."""

    month = models.DateField(_("month"))  # the first day of the month the scorecard is for
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # nobody: the monthly job
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("scorecard sent")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "month"], name="kpi_scorecard_once")
        ]

    def __str__(self) -> str:
        return f"{self.workspace_id} {self.month:%Y-%m}"
