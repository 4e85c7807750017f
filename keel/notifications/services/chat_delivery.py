"""Posting to chats: `chat_post` queues a message for every webhook that takes its topic, a
job sends it (keel.notifications.jobs.deliver_chat), and a failed send is retried with a
growing delay until MAX_ATTEMPTS; the webhook shows its last error to the admins.

A delivery row holds the topic and plain parameters, and the job payload only row ids: the
text is rendered when it is sent, in the webhook's language and the workspace's time zone,
and the URL and secret are unsealed only in the worker's memory for the one request.
Sending twice is prevented by a claim (an UPDATE that only one worker wins).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Collection, Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from keel.core import crypto
from keel.core.mail import absolute_url
from keel.core.models import Membership, Workspace
from keel.notifications import chat_formats
from keel.notifications.chat_topics import CHAT_TOPICS, render_chat
from keel.notifications.models import ChatDelivery, ChatDeliveryStatus, ChatWebhook
from keel.notifications.services.chat import allow_private_hosts, unseal, webhooks_for_topic

MAX_ATTEMPTS = 5
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
CLAIM = timedelta(minutes=2)  # a worker that dies mid-send frees the delivery after this
TIMEOUT_SECONDS = 10
SWEEP_LIMIT = 50


def _plain(params: Mapping[str, Any]) -> dict[str, Any]:
    clean = dict(params)
    for name, value in clean.items():
        if value is not None and type(value) not in (str, int, float):
            # A lazy translation here would be frozen in the sender's language.
            raise TypeError(f"Chat parameter {name!r} must be a str, int, float or None.")
    return clean


def chat_post(
    *,
    workspace: Workspace,
    topic: str,
    params: Mapping[str, Any],
    url: str = "",
    group_ids: Collection[int] = (),
) -> int:
    """Queue `topic` for the workspace's chats that take it — and, for a group-scoped topic,
    the chats of `group_ids`. Sent after the transaction commits. Returns how many."""
    spec = CHAT_TOPICS.get(topic)
    if spec is None:
        raise ValueError(f"Unknown chat topic {topic!r}; register it in notifications.chat_topics")
    if url and not (url.startswith("/") and url_has_allowed_host_and_scheme(url, None)):
        raise ValueError("Chat links must be paths inside Keel.")
    clean = _plain(params)
    hooks = webhooks_for_topic(workspace, topic, group_ids if spec.group_scoped else ())
    if not hooks:
        return 0
    now = timezone.now()
    rows = ChatDelivery.objects.bulk_create([
        ChatDelivery(workspace=workspace, webhook=hook, topic=topic, params=clean, url=url,
                     next_attempt_at=now)
        for hook in hooks
    ])  # fmt: skip
    ids = [row.pk for row in rows]

    def enqueue() -> None:
        from keel.notifications.jobs import deliver_chat

        deliver_chat.enqueue(ids)

    transaction.on_commit(enqueue)
    return len(ids)


def chat_notify(
    *, recipient: Membership, kind: str, params: Mapping[str, Any], url: str = ""
) -> int:
    """The chat side of `notify` for kinds that are also chat topics (mentions): the
    recipient's groups' chats and the workspace's get "<actor> mentioned <recipient> …"."""
    if kind not in CHAT_TOPICS:
        return 0
    group_ids = set(recipient.group_memberships.values_list("group_id", flat=True))
    return chat_post(workspace=recipient.workspace, topic=kind, url=url, group_ids=group_ids,
                     params={**params, "recipient": recipient.user.display_name})  # fmt: skip


def deliver(delivery_id: int) -> bool:
    """Send one delivery if it is still waiting and nobody else is sending it."""
    now = timezone.now()
    claimed = (
        ChatDelivery.objects.filter(pk=delivery_id, status=ChatDeliveryStatus.PENDING)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + CLAIM)
    )
    if not claimed:
        return False
    delivery = ChatDelivery.objects.select_related("webhook__workspace").get(pk=delivery_id)
    deliver_now(delivery, retry=True)
    return delivery.status == ChatDeliveryStatus.SENT


def retry_due(*, limit: int = SWEEP_LIMIT) -> int:
    """Send the deliveries whose next attempt has come (retries, and any whose first job
    was lost). Returns how many were sent."""
    due = list(
        ChatDelivery.objects.filter(status=ChatDeliveryStatus.PENDING,
                                    next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at").values_list("pk", flat=True)[:limit]
    )  # fmt: skip
    return sum(deliver(pk) for pk in due)


def _message(delivery: ChatDelivery, webhook: ChatWebhook) -> tuple[str, list[str], str, str]:
    """(title, lines, absolute link, link label) in the webhook's language."""
    with translation.override(webhook.language), timezone.override(webhook.workspace.timezone):
        text = render_chat(delivery.topic, delivery.params)
        if text is None:
            raise chat_formats.ChatSendError(_("This message can no longer be written."))
        return (text.title, list(text.lines), absolute_url(delivery.url) if delivery.url else "",
                _("Open in Keel"))  # fmt: skip


def _post(url: str, body: bytes) -> tuple[int, bytes]:
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked: https, or http by setting)
        url, data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "Keel"},
    )  # fmt: skip
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, response.read(65536)
    except urllib.error.HTTPError as error:
        return error.code, error.read(2000)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise chat_formats.ChatSendError(str(reason)[:200]) from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A chat answers; it does not redirect. Following one could lead Keel anywhere."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def deliver_now(delivery: ChatDelivery, *, retry: bool) -> None:
    """One attempt. On failure: the next attempt after a growing delay while `retry` and
    attempts remain, else failed. The error is kept on the delivery and the webhook."""
    webhook = delivery.webhook
    now = timezone.now()
    try:
        if not webhook.is_active and delivery.topic != "chat.test":
            raise chat_formats.ChatSendError(_("The chat is paused."))
        title, lines, link, label = _message(delivery, webhook)
        try:
            url, secret = unseal(webhook, "url"), unseal(webhook, "secret")
        except crypto.DecryptionError:
            raise chat_formats.ChatSendError(
                _(
                    "The webhook address can't be read with this server's master key; "
                    "paste it again."
                )
            ) from None
        if getattr(settings, "KEEL_CHAT_LOOPBACK_ONLY", False) and not chat_formats.loopback(url):
            raise chat_formats.ChatSendError("KEEL_CHAT_LOOPBACK_ONLY: not sent")
        if not allow_private_hosts() and (chat_formats.literal_private_host(url)
                                          or chat_formats.resolves_inside(url)):  # fmt: skip
            raise chat_formats.ChatSendError(
                _("The address is inside this network; Keel does not post there.")
            )
        target, body = chat_formats.build_request(
            provider=webhook.provider, url=url, secret=secret, title=title, lines=lines,
            link=link, link_label=label, language=webhook.language, now=time.time(),
        )  # fmt: skip
        status, answer = _post(target, body)
        chat_formats.check_response(webhook.provider, status, answer)
    except chat_formats.ChatSendError as error:
        _failed(delivery, webhook, str(error), retry=retry, now=now)
        return
    delivery.status = ChatDeliveryStatus.SENT
    delivery.sent_at = now
    delivery.attempts += 1
    delivery.last_error = ""
    delivery.claimed_until = None
    delivery.save(update_fields=["status", "sent_at", "attempts", "last_error", "claimed_until",
                                 "updated_at"])  # fmt: skip
    ChatWebhook.objects.filter(pk=webhook.pk).update(last_sent_at=now)
    webhook.last_sent_at = now


def _failed(delivery: ChatDelivery, webhook: ChatWebhook, error: str, *, retry: bool,
            now: Any) -> None:  # fmt: skip
    delivery.attempts += 1
    delivery.last_error = error[:300]
    delivery.claimed_until = None
    if retry and delivery.attempts < MAX_ATTEMPTS:
        delivery.next_attempt_at = now + BACKOFF[min(delivery.attempts, len(BACKOFF)) - 1]
    else:
        delivery.status = ChatDeliveryStatus.FAILED
        delivery.next_attempt_at = None
    delivery.save(update_fields=["attempts", "last_error", "claimed_until", "next_attempt_at",
                                 "status", "updated_at"])  # fmt: skip
    ChatWebhook.objects.filter(pk=webhook.pk).update(last_error=error[:300], last_error_at=now)
    webhook.last_error, webhook.last_error_at = error[:300], now
