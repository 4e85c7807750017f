"""Tenancy: a Workspace is one company; a Membership is a person's role in it.

Every tenant-owned model inherits `WorkspaceScoped`, whose manager offers `in_workspace(ws)`:
selectors start every read from it so a query can never cross companies by accident.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, TypeVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RESERVED_SLUGS = frozenset(
    {
        "accounts", "api", "static", "media", "admin", "new", "settings", "healthz", "readyz",
        "invitations", "workspaces", "i18n", "notifications", "help", "www", "mail",
        "feeds",  # /feeds/<token>.ics (calendar feeds) is a top-level path
    }
)  # fmt: skip

slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
    _("Use 1–40 lowercase letters, digits or hyphens, not starting or ending with a hyphen."),
)
domain_validator = RegexValidator(
    r"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    _("Enter a domain such as myshop.com."),
)


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


_M = TypeVar("_M", bound=models.Model)


class WorkspaceQuerySet(models.QuerySet[_M]):
    def in_workspace(self, workspace: Workspace) -> Self:
        return self.filter(workspace=workspace)


# Managers are built at module level with `Manager.from_queryset` so that the django-stubs
# plugin types `Model.objects.in_workspace(ws)` and each queryset's own methods.
WorkspaceManager = models.Manager.from_queryset(WorkspaceQuerySet)


class WorkspaceScoped(TimeStamped):
    """Base for every tenant-owned row: its own workspace key, even when a parent has one."""

    workspace = models.ForeignKey("core.Workspace", on_delete=models.CASCADE, related_name="+")

    objects = WorkspaceManager()

    class Meta:
        abstract = True


# Currencies a shop is likely to price in; the first is the default of a new workspace.
WORKSPACE_CURRENCIES = ["CNY", "HKD", "TWD", "USD", "EUR", "GBP", "JPY", "SGD", "AUD", "CAD"]
DEFAULT_WORKSPACE_CURRENCY = "CNY"


class WeekStart(models.TextChoices):
    MONDAY = "monday", _("Monday")
    SUNDAY = "sunday", _("Sunday")


class Workspace(TimeStamped):
    name = models.CharField(_("company name"), max_length=120)
    slug = models.SlugField(_("address"), max_length=40, unique=True, validators=[slug_validator])
    email_domain = models.CharField(
        _("company email domain"), max_length=253, validators=[domain_validator]
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    week_start = models.CharField(
        _("week starts on"), max_length=6, choices=WeekStart.choices, default=WeekStart.MONDAY
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=[(c, c) for c in WORKSPACE_CURRENCIES],
        default=DEFAULT_WORKSPACE_CURRENCY,
    )
    # Served by a members-only view, never from a public media URL (see accounts' settings).
    logo = models.ImageField(_("logo"), upload_to="workspace-logos/", blank=True)

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self) -> str:
        return self.name

    @property
    def first_weekday(self) -> int:
        """Python's weekday number of the first day of a week (Monday=0, Sunday=6)."""
        return 6 if self.week_start == WeekStart.SUNDAY else 0

    def is_company_email(self, email: str) -> bool:
        return email.rsplit("@", 1)[-1].lower() == self.email_domain.lower()


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Admin")
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")
    ASSISTANT = "assistant", _("Assistant")
    GUEST = "guest", _("Guest")


class MembershipQuerySet(WorkspaceQuerySet["Membership"]):
    def active(self) -> Self:
        return self.filter(offboarded_at__isnull=True)


MembershipManager = models.Manager.from_queryset(MembershipQuerySet)


class Membership(TimeStamped):
    """A user's place in a workspace. Offboarding keeps the row (history) but ends access."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(_("job title"), max_length=120, blank=True)
    offboarded_at = models.DateTimeField(_("offboarded"), null=True, blank=True)

    objects: ClassVar[MembershipManager[Membership]] = MembershipManager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="membership_unique_user"),
        ]
        indexes = [models.Index(fields=["workspace", "offboarded_at", "role"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.workspace}"

    @property
    def is_active(self) -> bool:
        return self.offboarded_at is None

    @property
    def is_external(self) -> bool:
        """Outside the company's email domain: allowed for assistants, shown as external."""
        return not self.workspace.is_company_email(self.user.email)


class AuditEvent(models.Model):
    """Append-only record of who did what, when, from where. Never holds a secret."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=64, db_index=True)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_repr = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects: ClassVar[WorkspaceManager[AuditEvent]] = WorkspaceManager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["workspace", "-created_at"])]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_email} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("Audit events are append-only.")
        super().save(*args, **kwargs)

    @property
    def action_label(self) -> Any:
        from keel.core.audit import action_label

        return action_label(self.action)


class ScheduledRun(models.Model):
    """One row per periodic job and time slot: the unique key makes scheduling exactly-once."""

    name = models.CharField(max_length=200)
    slot = models.BigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="scheduled_run_once")]

    def __str__(self) -> str:
        return f"{self.name}#{self.slot}"


class WorkerHeartbeat(models.Model):
    """Written by the `record_heartbeat` job; proves a worker processed a job."""

    note = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.note}"


# --- jobs: idempotent mail (issue 12) ---------------------------------------------------------
class SentMessage(models.Model):
    """One row per outgoing email, keyed by the idempotency key it got when it was queued.

    `deliver_email` inserts the row (unique key) before handing the message to the mail
    server and fills `sent_at` after, so a retried job never sends twice. A row without
    `sent_at` is a send in progress, or one whose worker died (keel.core.mail.deliver_once).
    """

    key = models.CharField(max_length=100, unique=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.key} {'sent' if self.sent_at else 'sending'}"
