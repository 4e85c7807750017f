"""A notification is addressed to one membership; preferences say which channels they want."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from keel.core.models import Membership, WorkspaceQuerySet, WorkspaceScoped
from keel.notifications.kinds import render_title


class NotificationQuerySet(WorkspaceQuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


NotificationManager = models.Manager.from_queryset(NotificationQuerySet)


class Notification(WorkspaceScoped):
    recipient = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=64)
    # What the kind's title is rendered from when read, in the reader's language (names and
    # codes, never translated text): see notifications.kinds.
    params = models.JSONField(default=dict, blank=True)
    # The title as rendered for the recipient when sent: shown only when the kind can no
    # longer render it (a retired kind, a row from before `params`).
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)  # people's own words (a comment), never translated
    url = models.CharField(max_length=500, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[NotificationManager[Notification]] = NotificationManager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self) -> str:
        return self.display_title()

    def display_title(self) -> str:
        """The title in the active language (the reader's, on a page)."""
        return render_title(self.kind, self.params) or self.title


class NotificationPreference(WorkspaceScoped):
    """One row per member and kind of notification; missing rows mean the kind's defaults."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=64)
    in_app = models.BooleanField(_("in Keel"), default=True)
    email = models.BooleanField(_("by email"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "kind"], name="notification_pref_once")
        ]

    def __str__(self) -> str:
        return f"{self.membership} {self.kind}"
