"""Users (email is the login), invitations, groups (mailing lists) and personal API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership, Role, WorkspaceQuerySet, WorkspaceScoped


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=120, blank=True)
    language = models.CharField(
        _("language"), max_length=10, blank=True, choices=settings.LANGUAGES
    )
    timezone = models.CharField(_("time zone"), max_length=64, blank=True)
    theme = models.CharField(
        _("theme"),
        max_length=8,
        blank=True,
        choices=[("", _("System")), ("light", _("Light")), ("dark", _("Dark"))],
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("site administrator"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email.split("@")[0]

    @property
    def initials(self) -> str:
        name = self.display_name.strip()
        parts = name.split()
        if len(parts) >= 2:
            return (parts[0][0] + parts[-1][0]).upper()
        return name[:2].upper()


def _invitation_expiry() -> Any:
    return timezone.now() + timedelta(days=settings.KEEL_INVITATION_DAYS)


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class Invitation(WorkspaceScoped):
    """An emailed link to join a workspace. Only the hash of the link's secret is stored."""

    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["workspace", "email"])]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class Group(WorkspaceScoped):
    """A team and its mailing list: `sales@<domain>` delivers to every member."""

    name = models.CharField(_("name"), max_length=80)
    alias = models.SlugField(_("alias"), max_length=64)
    description = models.CharField(_("description"), max_length=200, blank=True)
    members: models.ManyToManyField[Membership, GroupMembership] = models.ManyToManyField(
        Membership, through="GroupMembership", related_name="keel_groups", blank=True
    )

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "alias"], name="group_unique_alias"),
            models.UniqueConstraint(fields=["workspace", "name"], name="group_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.alias}@{self.workspace.email_domain}"


class GroupMembership(WorkspaceScoped):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="group_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "membership"], name="group_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.membership} in {self.group}"


class ApiTokenQuerySet(WorkspaceQuerySet["ApiToken"]):
    def usable(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


ApiTokenManager = models.Manager.from_queryset(ApiTokenQuerySet)


TOKEN_PREFIX = "keel_"  # noqa: S105  (a public prefix, not a secret)


class ApiToken(WorkspaceScoped):
    """A personal access token bound to one membership. Shown once; stored as a SHA-256 hash."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects: ClassVar[ApiTokenManager[ApiToken]] = ApiTokenManager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def new_secret() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)
