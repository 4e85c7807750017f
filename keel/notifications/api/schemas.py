"""API shapes for chat webhooks. The address and the signing secret go in and never come
out: answers carry `url_hint` and `has_secret`."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from keel.core.api_support import Id, InputSchema
from keel.notifications.models import ChatDeliveryStatus, ChatProvider
from keel.notifications.services.chat import NAME_MAX, SECRET_MAX, URL_MAX


class ChatWebhookOut(Schema):
    id: int
    name: str
    provider: ChatProvider
    group_id: int | None
    url_hint: str = Field(description="The address's host and last four characters.")
    has_secret: bool
    topics: list[str]
    language: str
    active: bool = Field(alias="is_active")
    last_sent_at: datetime | None
    last_error: str
    last_error_at: datetime | None

    @staticmethod
    def resolve_has_secret(obj: object) -> bool:
        return bool(getattr(obj, "secret_sealed", ""))


class ChatWebhookIn(InputSchema):
    name: str = Field(max_length=NAME_MAX)
    provider: ChatProvider
    url: str = Field(max_length=URL_MAX, description="The chat's incoming-webhook address.")
    secret: str = Field("", max_length=SECRET_MAX,
                        description="Feishu/Lark and DingTalk signing secret.")  # fmt: skip
    group_id: Id | None = Field(None, description="A group's chat; null: the workspace's.")
    topics: list[str] = Field(max_length=20, description="What Keel posts (see the form).")
    language: str = Field("", max_length=10, description="Empty: the workspace's language.")
    active: bool = True


class ChatWebhookPatchIn(InputSchema):
    name: str | None = Field(None, max_length=NAME_MAX)
    provider: ChatProvider | None = None
    url: str | None = Field(None, max_length=URL_MAX, description="Omit to keep the address.")
    secret: str | None = Field(None, max_length=SECRET_MAX,
                               description="Omit to keep; empty to remove.")  # fmt: skip
    group_id: Id | None = None
    topics: list[str] | None = Field(None, max_length=20)
    language: str | None = Field(None, max_length=10)
    active: bool | None = None


class ChatDeliveryOut(Schema):
    id: int
    topic: str
    status: ChatDeliveryStatus
    attempts: int
    last_error: str
    created_at: datetime
    sent_at: datetime | None
    next_attempt_at: datetime | None
