"""API routes for chat webhooks (mounted in keel/api.py). Admins only (`chat.manage`).
Thin like the pages: resolve the caller's membership, parse a schema, call one service."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from keel.core.api_support import (
    ERROR_RESPONSES,
    Page,
    PageParams,
    api_field_names,
    get_in_workspace,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.notifications import selectors, services
from keel.notifications.api.schemas import (
    ChatDeliveryOut,
    ChatWebhookIn,
    ChatWebhookOut,
    ChatWebhookPatchIn,
)
from keel.notifications.models import ChatWebhook

router = Router(tags=["chat"])

WS = "/workspaces/{slug}"
HOOK = f"{WS}/chat-webhooks/{{webhook_id}}"
FIELD_NAMES = {"group": "group_id", "is_active": "active"}


def _admin(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "chat.manage")
    return membership


def _hook(membership: Membership, webhook_id: int) -> ChatWebhook:
    return get_in_workspace(ChatWebhook.objects.select_related("workspace"), membership,
                            webhook_id)  # fmt: skip


@router.get(f"{WS}/chat-webhooks", response={200: page_schema(ChatWebhookOut), **ERROR_RESPONSES})
def webhook_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[ChatWebhook]:
    membership = _admin(request, slug)
    return paginate(ChatWebhook.objects.in_workspace(membership.workspace), params, order_by="id")


@router.post(f"{WS}/chat-webhooks", response={201: ChatWebhookOut, **ERROR_RESPONSES})
def webhook_create(request: HttpRequest, slug: str, payload: ChatWebhookIn) -> Status[ChatWebhook]:
    """Connect a chat. Send it a test message next (`…/test`)."""
    membership = _admin(request, slug)
    fields = services.WebhookFields(
        name=payload.name, provider=payload.provider, url=payload.url, secret=payload.secret,
        group_id=payload.group_id, topics=payload.topics, language=payload.language,
        is_active=payload.active,
    )  # fmt: skip
    with api_field_names(FIELD_NAMES):
        hook = services.chat_webhook_create(actor=membership, fields=fields,
                                            context=AuditContext.from_request(request))  # fmt: skip
    return Status(201, hook)


@router.get(HOOK, response={200: ChatWebhookOut, **ERROR_RESPONSES})
def webhook_detail(request: HttpRequest, slug: str, webhook_id: int) -> ChatWebhook:
    return _hook(_admin(request, slug), webhook_id)


@router.patch(HOOK, response={200: ChatWebhookOut, **ERROR_RESPONSES})
def webhook_update(
    request: HttpRequest, slug: str, webhook_id: int, payload: ChatWebhookPatchIn
) -> ChatWebhook:
    """Change the fields sent; the others keep their value."""
    membership = _admin(request, slug)
    hook = _hook(membership, webhook_id)
    sent = payload.model_dump(exclude_unset=True)
    fields = services.WebhookFields(
        name=sent.get("name") or hook.name, provider=sent.get("provider") or hook.provider,
        url=sent.get("url") or "", secret=sent.get("secret"),
        group_id=sent.get("group_id", hook.group_id),
        topics=sent["topics"] if sent.get("topics") is not None else hook.topics,
        language=sent.get("language") or hook.language,
        is_active=sent["active"] if sent.get("active") is not None else hook.is_active,
    )  # fmt: skip
    with api_field_names(FIELD_NAMES):
        return services.chat_webhook_update(actor=membership, webhook=hook, fields=fields,
                                            context=AuditContext.from_request(request))  # fmt: skip


@router.delete(HOOK, response={204: None, **ERROR_RESPONSES})
def webhook_delete(request: HttpRequest, slug: str, webhook_id: int) -> Status[None]:
    membership = _admin(request, slug)
    services.chat_webhook_delete(actor=membership, webhook=_hook(membership, webhook_id),
                                 context=AuditContext.from_request(request))  # fmt: skip
    return Status(204, None)


@router.post(f"{HOOK}/test", response={200: ChatDeliveryOut, **ERROR_RESPONSES})
def webhook_test(request: HttpRequest, slug: str, webhook_id: int) -> Any:
    """Send a test message now and answer with the result: `sent`, or `failed` with the
    chat's own error in `last_error`."""
    membership = _admin(request, slug)
    return services.chat_webhook_test(actor=membership, webhook=_hook(membership, webhook_id),
                                      context=AuditContext.from_request(request))  # fmt: skip


@router.get(f"{HOOK}/deliveries", response={200: list[ChatDeliveryOut], **ERROR_RESPONSES})
def webhook_deliveries(request: HttpRequest, slug: str, webhook_id: int) -> Any:
    """The webhook's last messages, newest first: what was sent, what is being retried."""
    membership = _admin(request, slug)
    return selectors.recent_deliveries(webhook=_hook(membership, webhook_id), limit=50)
