"""Posting to chats: `chat_post` queues a message for every webhook that takes its topic, a
job sends it (keel.notifications.jobs.deliver_chat), and a failed send is retried with a
growing delay until MAX_ATTEMPTS; the webhook shows its last error to the admins.

A delivery row holds the topic and plain parameters, and the job payload only row ids: the
text is rendered when it is sent, in the webhook's language and the workspace's time zone,
and the URL and secret are unsealed only in the worker's memory for the one request.
Sending twice is prevented by a claim (an UPDATE that only one worker wins).
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Collection, Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from keel.core import crypto
from keel.core.mail import absolute_url
from keel.core.models import Membership, Workspace
from keel.notifications import chat_formats
from keel.notifications.chat_topics import CHAT_TOPICS, render_chat
from keel.notifications.models import ChatDelivery, ChatDeliveryStatus, ChatWebhook
from keel.notifications.services.chat import allow_private_hosts, unseal, webhooks_for_topic

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
# A worker that dies mid-send frees the delivery after this: far longer than one attempt
# (10 s per connect, send and read), so a slow chat is never posted to twice.
CLAIM = timedelta(minutes=10)
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
            raise chat_formats.ChatSendError(UNWRITTEN)
        return (text.title, list(text.lines), absolute_url(delivery.url) if delivery.url else "",
                _("Open in Keel"))  # fmt: skip


def _send(url: str, body: bytes) -> tuple[int, bytes]:
    """POST `body` to the chat. Outside tests and own-network setups the host is resolved
    once, every address must be public, and the connection goes to that address (TLS still
    checks the certificate against the host name)."""
    if getattr(settings, "KEEL_CHAT_LOOPBACK_ONLY", False) and not chat_formats.loopback(url):
        raise chat_formats.ChatSendError("KEEL_CHAT_LOOPBACK_ONLY: not sent")
    if allow_private_hosts():
        return _post(url, body)
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or chat_formats.literal_private_host(url):
        raise chat_formats.ChatSendError(INSIDE)
    try:
        port = parts.port or 443
        addresses = chat_formats.public_addresses(parts.hostname, port)
    except ValueError:
        raise chat_formats.ChatSendError(INSIDE) from None
    except chat_formats.ChatSendError as error:
        raise chat_formats.ChatSendError(INSIDE if str(error) == "inside" else str(error)) from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = _PinnedHTTPS(parts.hostname, port, address=addresses[0])
    try:
        connection.request("POST", path, body=body, headers=HEADERS)
        response = connection.getresponse()
        return response.status, response.read(65536)
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise chat_formats.ChatSendError(str(error)[:200] or type(error).__name__) from None
    finally:
        connection.close()


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to one address already checked, named by its host for SNI and the certificate."""

    def __init__(self, host: str, port: int, *, address: str) -> None:
        super().__init__(host, port, timeout=TIMEOUT_SECONDS,
                         context=ssl.create_default_context())  # fmt: skip
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


HEADERS = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Keel"}


def _post(url: str, body: bytes) -> tuple[int, bytes]:
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked: https, or http by setting)
        url, data=body, method="POST", headers=HEADERS)  # fmt: skip
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, response.read(65536)
    except urllib.error.HTTPError as error:
        return error.code, error.read(2000)
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        raise chat_formats.ChatSendError(str(reason)[:200]) from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A chat answers; it does not redirect. Following one could lead Keel anywhere."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# Errors Keel words itself are kept in English and translated when an admin reads them
# (views/chat.py): the worker has no reader. A chat's own answer is kept as it said it.
PAUSED = gettext_noop("The chat is paused.")
UNREADABLE = gettext_noop(
    "The webhook address can't be read with this server's master key; paste it again."
)
INSIDE = gettext_noop("The address is inside this network; Keel does not post there.")
UNWRITTEN = gettext_noop("This message can no longer be written.")
BROKEN = gettext_noop("Keel could not send this message (an unexpected error; see the log).")


def deliver_now(delivery: ChatDelivery, *, retry: bool) -> None:
    """One attempt. On failure: the next attempt after a growing delay while `retry` and
    attempts remain, else failed. The error is kept on the delivery and the webhook."""
    webhook = delivery.webhook
    now = timezone.now()
    try:
        if not webhook.is_active and delivery.topic != "chat.test":
            raise chat_formats.ChatSendError(PAUSED)
        title, lines, link, label = _message(delivery, webhook)
        try:
            url, secret = unseal(webhook, "url"), unseal(webhook, "secret")
        except crypto.DecryptionError:
            raise chat_formats.ChatSendError(UNREADABLE) from None
        target, body = chat_formats.build_request(
            provider=webhook.provider, url=url, secret=secret, title=title, lines=lines,
            link=link, link_label=label, language=webhook.language, now=time.time(),
        )  # fmt: skip
        status, answer = _send(target, body)
        chat_formats.check_response(webhook.provider, status, answer)
    except chat_formats.ChatSendError as error:
        _failed(delivery, webhook, str(error), retry=retry, now=now)
        return
    except Exception:  # a bug must not leave the delivery claimed and retried for ever
        logger.exception("chat delivery %s failed", delivery.pk)
        _failed(delivery, webhook, BROKEN, retry=False, now=now)
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
