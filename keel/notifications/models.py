"""A notification is addressed to one membership; preferences say which channels they want."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
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


# --- chat delivery ----------------------------------------------------------------------------


class ChatProvider(models.TextChoices):
    """Incoming-webhook formats Keel speaks (keel.notifications.chat_formats)."""

    SLACK = "slack", _("Slack (or a Slack-compatible chat)")
    FEISHU = "feishu", _("Feishu / Lark")
    DINGTALK = "dingtalk", _("DingTalk")
    WECOM = "wecom", _("WeCom")


class ChatWebhook(WorkspaceScoped):
    """A chat's incoming webhook: the workspace's, or one group's (its team chat).

    The webhook URL carries the chat's token and the signing secret signs each message, so
    both are sealed with keel.core.crypto (the associated data names the workspace, the
    webhook and the field); pages show only `url_hint`. Messages are written in `language`:
    a chat has many readers, so the channel, not a person, chooses it.
    """

    name = models.CharField(_("name"), max_length=80)
    provider = models.CharField(_("chat"), max_length=12, choices=ChatProvider.choices)
    group = models.ForeignKey(
        "accounts.Group", on_delete=models.CASCADE, null=True, blank=True,
        related_name="chat_webhooks", verbose_name=_("group"),
    )  # fmt: skip
    url_sealed = models.TextField()
    url_hint = models.CharField(max_length=120)
    secret_sealed = models.TextField(blank=True)
    topics = models.JSONField(default=list)  # chat topic keys (notifications.chat_topics)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("chat webhook")
        verbose_name_plural = _("chat webhooks")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ChatDeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to send")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class ChatDelivery(WorkspaceScoped):
    """One message for one webhook. It holds the topic and plain parameters (names, codes,
    numbers — never a secret, never translated text): the text is rendered when it is sent,
    in the webhook's language. A failed attempt is retried with a growing delay."""

    webhook = models.ForeignKey(ChatWebhook, on_delete=models.CASCADE, related_name="deliveries")
    topic = models.CharField(max_length=64)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=8, choices=ChatDeliveryStatus.choices, default=ChatDeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["webhook", "-created_at"], name="chat_delivery_history"),
            models.Index(fields=["status", "next_attempt_at"], name="chat_delivery_due"),
        ]

    def __str__(self) -> str:
        return f"{self.topic} → {self.webhook_id}"
