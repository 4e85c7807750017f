"""Writes for chat webhooks: connect a chat (the workspace's, or a group's), change it, pause
it, remove it, and send it a test message. Admins only (`chat.manage`): a webhook posts the
shop's news outside Keel.

The webhook URL and the signing secret are sealed (keel.core.crypto) under associated data
that names the workspace, the webhook and the field; neither is ever put in an audit entry,
a job payload, a log line or an API answer. Pages see `url_hint`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from keel.accounts.models import Group
from keel.core import crypto
from keel.core.models import Membership, Workspace
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.notifications import chat_formats
from keel.notifications.chat_topics import CHAT_TOPICS
from keel.notifications.models import ChatDelivery, ChatProvider, ChatWebhook

NAME_MAX = 80
URL_MAX = 1000
SECRET_MAX = 200


@dataclass(frozen=True, kw_only=True)
class WebhookFields:
    """What a person sets on a webhook. `url` "" and `secret` None keep the sealed ones on
    an edit (pages never show them again); `secret` "" removes the secret."""

    name: str
    provider: str
    url: str = ""
    secret: str | None = None
    group_id: int | None = None
    topics: Collection[str] = ()
    language: str = ""
    is_active: bool = True


def seal(workspace_id: int, webhook_id: int, field: str, value: str) -> str:
    return crypto.encrypt(value.encode(), aad=f"chat:{workspace_id}:{webhook_id}:{field}")


def unseal(webhook: ChatWebhook, field: str) -> str:
    token = getattr(webhook, f"{field}_sealed")
    if not token:
        return ""
    aad = f"chat:{webhook.workspace_id}:{webhook.pk}:{field}"
    return crypto.decrypt(token, aad=aad).decode()


def allow_private_hosts() -> bool:
    return bool(getattr(settings, "KEEL_CHAT_ALLOW_PRIVATE_HOSTS", False))


def _url_errors(provider: str, url: str) -> list[str]:
    invalid = [_("Paste the webhook address the chat gave you; it starts with https://.")]
    if len(url) > URL_MAX or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return invalid
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not one)
    except ValueError:
        return invalid
    schemes = ("https", "http") if allow_private_hosts() else ("https",)
    if parts.scheme not in schemes or not parts.hostname or "@" in parts.netloc:
        return invalid
    if not allow_private_hosts() and chat_formats.literal_private_host(url):
        return [_("Keel posts only to public addresses. To post to a chat on your own network, "
                  "the server's administrator sets KEEL_CHAT_ALLOW_PRIVATE_HOSTS.")]  # fmt: skip
    query = parse_qs(parts.query)
    if provider == ChatProvider.DINGTALK and not query.get("access_token"):
        return [_("A DingTalk robot's address ends in ?access_token=…; copy it whole.")]
    if provider == ChatProvider.WECOM and not query.get("key"):
        return [_("A WeCom robot's address ends in ?key=…; copy it whole.")]
    if provider == ChatProvider.FEISHU and "/hook/" not in parts.path:
        return [_("A Feishu or Lark bot's address contains /bot/v2/hook/; copy it whole.")]
    return []


def _validated(
    actor: Membership, fields: WebhookFields, webhook: ChatWebhook | None
) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    name = " ".join(fields.name.split())
    if not name:
        errors["name"] = [_("Give the chat a name, such as the group chat's.")]
    elif len(name) > NAME_MAX:
        errors["name"] = [_("At most %(n)d characters.") % {"n": NAME_MAX}]
    if fields.provider not in ChatProvider.values:
        errors["provider"] = [_("Choose which chat this is.")]
    url = fields.url.strip()
    if not url and webhook is None:
        errors["url"] = [_("Paste the webhook address the chat gave you.")]
    elif (
        url
        and fields.provider in ChatProvider.values
        and (problems := _url_errors(fields.provider, url))
    ):
        errors["url"] = problems
    secret = None if fields.secret is None else fields.secret.strip()
    if secret and fields.provider not in chat_formats.SIGNED:
        errors["secret"] = [
            _("Only Feishu/Lark and DingTalk sign their messages; leave this empty.")
        ]
    elif secret and len(secret) > SECRET_MAX:
        errors["secret"] = [_("At most %(n)d characters.") % {"n": SECRET_MAX}]
    group = None
    if fields.group_id is not None:
        group = Group.objects.in_workspace(actor.workspace).filter(pk=fields.group_id).first()
        if group is None:
            errors["group"] = [_("Choose one of this workspace's groups.")]
    topics = [t for t in dict.fromkeys(fields.topics)]
    if not topics:
        errors["topics"] = [_("Choose at least one thing to post.")]
    elif unknown := [t for t in topics if t not in CHAT_TOPICS or not CHAT_TOPICS[t].listed]:
        errors["topics"] = [_("Unknown: %(names)s.") % {"names": ", ".join(unknown)}]
    elif fields.group_id is not None and (
        whole := [str(CHAT_TOPICS[t].label) for t in topics if not CHAT_TOPICS[t].group_scoped]
    ):
        errors["topics"] = [_("A group's chat gets what concerns the group and its members; "
                              "%(names)s goes to the workspace's chats only.")
                            % {"names": ", ".join(whole)}]  # fmt: skip
    language = fields.language or actor.workspace.language
    if language not in dict(settings.LANGUAGES):
        errors["language"] = [_("Choose one of Keel's languages.")]
    if errors:
        raise ValidationError(errors)
    return {"name": name, "provider": fields.provider, "url": url, "secret": secret,
            "group": group, "topics": topics, "language": language,
            "is_active": bool(fields.is_active)}  # fmt: skip


def _apply(webhook: ChatWebhook, clean: dict[str, Any]) -> None:
    webhook.name = clean["name"]
    webhook.provider = clean["provider"]
    webhook.group = clean["group"]
    webhook.topics = clean["topics"]
    webhook.language = clean["language"]
    webhook.is_active = clean["is_active"]
    ws = webhook.workspace_id
    if clean["url"]:
        webhook.url_sealed = seal(ws, webhook.pk, "url", clean["url"])
        webhook.url_hint = chat_formats.url_hint(clean["url"])
    if clean["secret"] is not None:
        webhook.secret_sealed = (
            seal(ws, webhook.pk, "secret", clean["secret"]) if clean["secret"] else ""
        )
    if webhook.provider not in chat_formats.SIGNED:
        webhook.secret_sealed = ""


@transaction.atomic
def chat_webhook_create(
    *, actor: Membership, fields: WebhookFields, context: AuditContext | None = None
) -> ChatWebhook:
    require(actor, "chat.manage")
    clean = _validated(actor, fields, None)
    # The sealed values name the webhook's id, so the row exists before they are sealed.
    webhook = ChatWebhook.objects.create(workspace=actor.workspace, name=clean["name"],
                                         provider=clean["provider"], language=clean["language"],
                                         created_by=actor)  # fmt: skip
    _apply(webhook, clean)
    webhook.save()
    audit_event(actor, "chat.webhook_created", webhook, context, name=webhook.name,
                chat=webhook.provider,
                group=webhook.group.name if webhook.group else "")  # fmt: skip
    return webhook


@transaction.atomic
def chat_webhook_update(
    *, actor: Membership, webhook: ChatWebhook, fields: WebhookFields,
    context: AuditContext | None = None,
) -> ChatWebhook:  # fmt: skip
    require(actor, "chat.manage")
    same_workspace(actor, webhook)
    clean = _validated(actor, fields, webhook)
    if clean["provider"] != webhook.provider and not clean["url"]:
        # Another chat's address would not fit the new format; ask for it again.
        raise ValidationError({"url": [_("Paste the new chat's webhook address.")]})
    _apply(webhook, clean)
    webhook.save()
    audit_event(actor, "chat.webhook_updated", webhook, context, name=webhook.name,
                chat=webhook.provider, active=webhook.is_active)  # fmt: skip
    return webhook


@transaction.atomic
def chat_webhook_delete(
    *, actor: Membership, webhook: ChatWebhook, context: AuditContext | None = None
) -> None:
    require(actor, "chat.manage")
    same_workspace(actor, webhook)
    audit_event(actor, "chat.webhook_deleted", None, context, name=webhook.name,
                chat=webhook.provider)  # fmt: skip
    webhook.delete()


def chat_webhook_test(
    *, actor: Membership, webhook: ChatWebhook, context: AuditContext | None = None
) -> ChatDelivery:
    """Send a test message now, in this request, so the admin sees the chat's answer on the
    page (one attempt, no retries). Returns the delivery: sent, or failed with the error."""
    from keel.notifications.services.chat_delivery import deliver_now

    require(actor, "chat.manage")
    same_workspace(actor, webhook)
    delivery = ChatDelivery.objects.create(
        workspace=webhook.workspace, webhook=webhook, topic="chat.test",
        params={"actor": actor.user.display_name}, url="",
    )  # fmt: skip
    deliver_now(delivery, retry=False)
    audit_event(actor, "chat.webhook_tested", webhook, context, name=webhook.name,
                result=delivery.status)  # fmt: skip
    return delivery


def webhooks_for_topic(
    workspace: Workspace, topic: str, group_ids: Collection[int] = ()
) -> list[ChatWebhook]:
    """The active webhooks that take `topic`: the workspace's, and those of `group_ids`."""
    hooks = (
        ChatWebhook.objects.in_workspace(workspace)
        .filter(is_active=True)
        .only("id", "workspace_id", "group_id", "topics")
    )
    return [h for h in hooks
            if topic in h.topics and (h.group_id is None or h.group_id in group_ids)]  # fmt: skip
