"""A chat webhook for other apps' tests: connected through the service, as an admin would."""

from __future__ import annotations

from typing import Any

from keel.notifications.models import ChatWebhook
from keel.notifications.services import WebhookFields, chat_webhook_create


def connect_chat(admin: Any, topics: list[str], *, group_id: int | None = None,
                 language: str = "en") -> ChatWebhook:  # fmt: skip
    fields = WebhookFields(name=f"Chat {len(topics)}", provider="slack",
                           url="https://hooks.slack.com/services/T0/B0/abc", topics=topics,
                           group_id=group_id, language=language)  # fmt: skip
    return chat_webhook_create(actor=admin, fields=fields)
