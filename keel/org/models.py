"""Departments, seats and the history of who held each seat.

A seat is *filled* (has a holder), *open* (hiring now) or *planned* (from a target quarter on,
shown only in the future chart). Empty seats carry a placeholder name ("Alex — to hire").
Invariants that a form could forget live in Meta constraints.
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal
from typing import ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from keel.core.models import Membership, Workspace, WorkspaceQuerySet, WorkspaceScoped

DEPARTMENT_COLOURS = 8  # UI.md: a fixed palette of 8 department colours (--dept-1 … --dept-8)

# The currencies a seat's cost can be in (a short list: the shops Keel is for pay in these).
CURRENCIES = ["CNY", "USD", "EUR", "HKD", "TWD", "GBP"]
DEFAULT_CURRENCY = "CNY"


# --- Quarters --------------------------------------------------------------------------------
# A planned seat's target is a quarter, stored as the quarter's first day (`planned_for`).


def quarter_start(day: datetime.date) -> datetime.date:
    """The first day of the quarter `day` falls in."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def add_quarters(day: datetime.date, quarters: int) -> datetime.date:
    """The first day of the quarter `quarters` after the quarter of `day` (may be negative)."""
    start = quarter_start(day)
    index = start.year * 4 + (start.month - 1) // 3 + quarters
    return datetime.date(index // 4, 3 * (index % 4) + 1, 1)


def quarter_end(day: datetime.date) -> datetime.date:
    """The last day of the quarter `day` falls in."""
    return add_quarters(day, 1) - datetime.timedelta(days=1)


def workspace_today(workspace: Workspace) -> datetime.date:
    """Today in the workspace's time zone: “this quarter” is the company's, not the server's."""
    try:
        tz: datetime.tzinfo = zoneinfo.ZoneInfo(workspace.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = datetime.UTC
    return timezone.localdate(timezone.now(), tz)


def quarter_label(day: datetime.date) -> str:
    """“2027 Q1”: the same in every language Keel speaks, so not translated."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


class Department(WorkspaceScoped):
    """A function of the business (Marketing, Purchasing, …). May nest."""

    name = models.CharField(_("name"), max_length=80)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
        verbose_name=_("part of"),
    )  # fmt: skip
    colour = models.PositiveSmallIntegerField(
        _("colour"), default=1, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "parent", "name"], name="department_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SeatStatus(models.TextChoices):
    FILLED = "filled", _("Filled")
    OPEN = "open", _("Open — hiring")
    PLANNED = "planned", _("Planned")


class EmploymentType(models.TextChoices):
    STAFF = "staff", _("Staff")
    ASSISTANT = "assistant", _("Assistant")
    CONTRACTOR = "contractor", _("Contractor")


class SeatQuerySet(WorkspaceQuerySet["Seat"]):
    def today(self) -> SeatQuerySet:
        """The chart of today: filled and open seats."""
        return self.exclude(status=SeatStatus.PLANNED)

    def as_of(self, date: datetime.date) -> SeatQuerySet:
        """The future chart on `date`: today's seats plus planned seats due by then."""
        return self.filter(~Q(status=SeatStatus.PLANNED) | Q(planned_for__lte=date))


SeatManager = models.Manager.from_queryset(SeatQuerySet)


class Seat(WorkspaceScoped):
    title = models.CharField(pgettext_lazy("seat", "title"), max_length=120)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="seats",
        verbose_name=_("department"),
    )  # fmt: skip
    reports_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reports",
        verbose_name=_("reports to"),
    )  # fmt: skip
    purpose = models.TextField(_("purpose"), blank=True)
    employment_type = models.CharField(
        _("employment type"), max_length=16, choices=EmploymentType.choices,
        default=EmploymentType.STAFF,
    )  # fmt: skip
    fte = models.DecimalField(
        _("FTE"), max_digits=3, decimal_places=2, default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.05")), MaxValueValidator(Decimal("1.00"))],
        help_text=_("Full-time equivalent: 1 for full time, 0.5 for half time."),
    )  # fmt: skip
    cost_per_month = models.DecimalField(
        _("cost per month"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )  # fmt: skip
    cost_currency = models.CharField(
        _("currency"), max_length=3, choices=[(c, c) for c in CURRENCIES],
        default=DEFAULT_CURRENCY,
    )  # fmt: skip
    holder = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="seats",
        verbose_name=_("holder"),
    )  # fmt: skip
    placeholder_name = models.CharField(
        _("placeholder name"), max_length=80, blank=True,
        help_text=_("Shown while nobody holds the seat, e.g. “Alex — to hire”."),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=8, choices=SeatStatus.choices, default=SeatStatus.OPEN
    )
    # First day of the target quarter, for planned seats.
    planned_for = models.DateField(_("target quarter"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects: ClassVar[SeatManager[Seat]] = SeatManager()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status=SeatStatus.FILLED) & Q(holder__isnull=False))
                | (~Q(status=SeatStatus.FILLED) & Q(holder__isnull=True)),
                name="seat_holder_matches_status",
            ),
            models.CheckConstraint(
                condition=~Q(status=SeatStatus.PLANNED) | Q(planned_for__isnull=False),
                name="seat_planned_has_quarter",
            ),
            models.CheckConstraint(
                condition=~Q(reports_to=models.F("id")), name="seat_not_own_manager"
            ),
            models.CheckConstraint(
                condition=Q(cost_per_month__isnull=True) | Q(cost_per_month__gte=0),
                name="seat_cost_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "status"]),
            models.Index(fields=["workspace", "holder"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def display_holder(self) -> str:
        if self.holder is not None:
            return self.holder.user.display_name
        return self.placeholder_name

    @property
    def status_tone(self) -> str:
        """The badge colour of the status (UI.md: green filled, amber open, grey planned)."""
        tones: dict[str, str] = {SeatStatus.FILLED: "green", SeatStatus.OPEN: "amber"}
        return tones.get(self.status, "grey")

    @property
    def planned_quarter(self) -> str:
        return quarter_label(self.planned_for) if self.planned_for else ""


class Responsibility(WorkspaceScoped):
    """One line of a seat's responsibilities; a row (not JSON) so SOPs and tasks can link to it."""

    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="responsibilities")
    text = models.CharField(_("responsibility"), max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self) -> str:
        return self.text


class SeatHolding(WorkspaceScoped):
    """History: who held a seat (or which placeholder stood in) and when."""

    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="holdings")
    holder = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    placeholder_name = models.CharField(max_length=80, blank=True)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["seat"], condition=Q(ended_at__isnull=True), name="seat_one_current_holding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.seat} since {self.started_at:%Y-%m-%d}"
