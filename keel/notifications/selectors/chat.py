"""Reads for the chat webhooks page and API."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from keel.core.models import Membership, Workspace
from keel.notifications.models import ChatDelivery, ChatWebhook

RECENT_DELIVERIES = 10


def webhooks_of(*, workspace: Workspace) -> list[ChatWebhook]:
    return list(ChatWebhook.objects.in_workspace(workspace).select_related("group")
                .defer("url_sealed", "secret_sealed"))  # fmt: skip


def get_webhook_for(actor: Membership, webhook_id: int) -> ChatWebhook:
    """The actor's workspace's webhook, or 404 (another workspace's does not exist)."""
    return get_object_or_404(ChatWebhook.objects.in_workspace(actor.workspace)
                             .select_related("group", "workspace"), pk=webhook_id)  # fmt: skip


def recent_deliveries(
    *, webhook: ChatWebhook, limit: int = RECENT_DELIVERIES
) -> list[ChatDelivery]:
    return list(ChatDelivery.objects.filter(webhook=webhook).order_by("-created_at", "-id")
                .only("id", "topic", "status", "attempts", "last_error", "created_at", "sent_at",
                      "next_attempt_at")[:limit])  # fmt: skip
