"""All email leaves through a background job.

`QueuedEmailBackend` is Django's EMAIL_BACKEND: it serialises each message and enqueues
`deliver_email` after the surrounding transaction commits, so a rolled-back request sends
nothing and a slow SMTP server never slows a page. The job hands the message to the real
backend named by KEEL_DELIVERY_EMAIL_BACKEND (SMTP from EMAIL_URL, files in development).
`absolute_url` builds every link an email carries.
"""

from __future__ import annotations

import base64
import json
import logging
import uuid
import zoneinfo
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from email import encoders
from email.mime.base import MIMEBase
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.utils import timezone

from keel.core import crypto  # secrets: job payload sealing

logger = logging.getLogger(__name__)


def message_to_dict(message: EmailMessage) -> dict[str, Any]:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {k: str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        **attachments_to_dict(message),  # kpis: inline images (issue 16)
    }


def message_from_dict(data: dict[str, Any]) -> EmailMultiAlternatives:
    data = open_message(data)
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    attachments_from_dict(message, data)  # kpis: inline images (issue 16)
    return message


# --- kpis: inline images (issue 16) ------------------------------------------------------------
# The monthly scorecard email carries its charts as PNG parts with a Content-ID
# (multipart/related), so attachments travel through the queue too: base64 in the sealed
# payload (a scorecard's charts are a few kilobytes each; docs/kpis.md). A payload queued
# before this has no "attachments" key and opens as before.
_PART_HEADERS_SET_BY_MIME = {"content-type", "mime-version", "content-transfer-encoding"}


def attachments_to_dict(message: EmailMessage) -> dict[str, Any]:
    items = []
    for item in message.attachments:
        if isinstance(item, MIMEBase):
            headers = [[k, str(v)] for k, v in item.items()
                       if k.lower() not in _PART_HEADERS_SET_BY_MIME]  # fmt: skip
            raw = item.get_payload(decode=True)
            if not isinstance(raw, bytes):
                raise TypeError("Only single-part MIME attachments can be queued.")
            items.append({"type": item.get_content_type(), "headers": headers,
                          "data": base64.b64encode(raw).decode("ascii")})  # fmt: skip
        else:
            filename, content, mimetype = item
            raw = content.encode("utf-8") if isinstance(content, str) else content
            items.append({"type": mimetype, "filename": filename,
                          "data": base64.b64encode(raw).decode("ascii")})  # fmt: skip
    if not items:
        return {}
    return {"attachments": items, "mixed_subtype": message.mixed_subtype}


def attachments_from_dict(message: EmailMessage, data: dict[str, Any]) -> None:
    for item in data.get("attachments", []):
        raw = base64.b64decode(item["data"])
        if "headers" in item:
            maintype, subtype = item["type"].split("/", 1)
            part = MIMEBase(maintype, subtype)
            part.set_payload(raw)
            encoders.encode_base64(part)
            for name, value in item["headers"]:
                part[name] = value
            message.attach(part)
        else:
            message.attach(item["filename"], raw, item["type"])
    message.mixed_subtype = data.get("mixed_subtype", "mixed")


# --- end kpis: inline images


# --- Job payload secrecy: queued messages are sealed with the master key (docs/security.md) ---
# A queued message holds live password-reset and invitation links, and job arguments sit in
# the queue (database table or Redis) until purged. So the job's argument is the message
# sealed with the master key (keel.core.crypto, aad "mail"): {"sealed": "k1:..."}; the job
# opens it at send time. Other top-level keys pass through in the clear for the job's own
# bookkeeping (never put message content there).
MAIL_AAD = "mail"


def seal_message(data: dict[str, Any]) -> dict[str, Any]:
    """The job argument for a `message_to_dict` result: the message encrypted."""
    return {"sealed": crypto.encrypt(json.dumps(data).encode("utf-8"), aad=MAIL_AAD)}


def open_message(payload: dict[str, Any]) -> dict[str, Any]:
    """`message_to_dict`'s dict from a job argument, sealed or (queued before sealing) not."""
    if "sealed" not in payload:
        return payload
    rest = {k: v for k, v in payload.items() if k != "sealed"}
    return {**rest, **json.loads(crypto.decrypt(payload["sealed"], aad=MAIL_AAD))}


# --- end job payload secrecy


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from keel.core.jobs import deliver_email

        for message in email_messages:
            with_idempotency_key(message)  # jobs: idempotent delivery (issue 12)
            payload = seal_message(message_to_dict(message))
            transaction.on_commit(partial(deliver_email.enqueue, payload))
        return len(email_messages)


# --- jobs: idempotent delivery (issue 12) ------------------------------------------------------
# Jobs run at least once: a worker killed mid-job has its job run again. Each message gets a
# key when it is queued; delivery records the key first and marks it sent after, so a retry
# of a job that got as far as sending sends nothing.
IDEMPOTENCY_HEADER = "X-Keel-Message-Id"


def with_idempotency_key(message: EmailMessage) -> str:
    """Give `message` its idempotency key (and a Message-ID built from it) unless it has one.

    The Message-ID is fixed here, not at send time, so even the one unavoidable duplicate
    (a crash after the server accepted the message) carries the same id for mail clients.
    """
    from django.core.mail.utils import DNS_NAME

    headers = message.extra_headers
    key = str(headers.get(IDEMPOTENCY_HEADER) or uuid.uuid4().hex)
    headers[IDEMPOTENCY_HEADER] = key
    if not any(name.lower() == "message-id" for name in headers):
        headers["Message-ID"] = f"<{key}@{DNS_NAME}>"
    return key


# A claim without `sent_at` older than this (or than the job timeout, if shorter) belongs to a
# run that died mid-send: a retry takes it over. Younger, another run may be sending right now.
# Retries come after the job timeout (database queue) or ~90 s (RQ), so they find it stale.
CLAIM_STALE_SECONDS = 60


def deliver_once(payload: dict[str, Any]) -> int:
    """Send one queued message through KEEL_DELIVERY_EMAIL_BACKEND unless its key was sent.

    The key's row is inserted (and committed) before sending and marked sent as soon as the
    server accepted the message — before the connection's QUIT, so a server that hangs up
    slowly cannot make a retry send twice. Of two runs of the same job only one holds the row,
    whatever the timing. A failed send deletes the row so a retry can send. Returns the number
    of messages sent (0 for a duplicate).
    """
    email = message_from_dict(payload)
    connection = get_connection(settings.KEEL_DELIVERY_EMAIL_BACKEND, fail_silently=False)
    key = str(email.extra_headers.get(IDEMPOTENCY_HEADER, ""))
    if not key:  # queued before keys existed: nothing to deduplicate against
        email.connection = connection
        return email.send()
    claim = _claim(key)
    if claim is None:
        return 0
    try:
        connection.open()  # opened here, so send_messages leaves closing to us
        sent = connection.send_messages([email]) or 0
    except BaseException:
        claim.delete()
        _close(connection)
        raise
    claim.sent_at = timezone.now()
    claim.save(update_fields=["sent_at"])
    _close(connection)
    return sent


def _close(connection: Any) -> None:
    try:
        connection.close()
    except Exception:  # the message's fate is already settled; a failed QUIT changes nothing
        logger.warning("closing the mail connection failed", exc_info=True)


def _claim(key: str) -> Any:
    """The SentMessage row this run may send under, or None when the message is not ours."""
    from keel.core.models import SentMessage

    try:
        with transaction.atomic():
            return SentMessage.objects.create(key=key)
    except IntegrityError:
        pass
    now = timezone.now()
    timeout = int(getattr(settings, "KEEL_JOB_TIMEOUT_SECONDS", CLAIM_STALE_SECONDS))
    stale = now - timedelta(seconds=min(CLAIM_STALE_SECONDS, timeout))
    taken = SentMessage.objects.filter(key=key, sent_at=None, claimed_at__lt=stale)
    if taken.update(claimed_at=now):
        # The earlier run died mid-send: the server may already hold the message, but
        # losing a password-reset link is worse than a rare duplicate with the same id.
        logger.warning("email %s: an earlier attempt died while sending; sending again", key)
        return SentMessage.objects.get(key=key)
    logger.info("email %s was already sent (or is being sent); not sending it again", key)
    return None


# --- end jobs: idempotent delivery


def absolute_url(path: str, base_url: str = "") -> str:
    """`path` (a URL path inside Keel, or "" for the site itself) as a link for an email.

    Inside a request pass the request's address (`request.build_absolute_uri("/")`) as
    `base_url`, so the link matches the host the reader used; jobs, notifications and
    `keel seed` have no request and get settings.KEEL_BASE_URL (the server's public address).
    """
    return (base_url.rstrip("/") or settings.KEEL_BASE_URL.rstrip("/")) + path


def reader_language(membership: Any) -> str:
    """The language a member reads Keel in: their account's, else their workspace's."""
    return str(membership.user.language or membership.workspace.language or settings.LANGUAGE_CODE)


def reader_timezone(membership: Any) -> str:
    """The time zone a member reads times in: their account's, else their workspace's."""
    return str(getattr(membership.user, "timezone", "") or membership.workspace.timezone or "UTC")


@contextmanager
def as_reader(membership: Any) -> Iterator[None]:
    """Render for one member: their language and time zone, whoever triggered the email."""
    from django.utils import timezone, translation

    zone = reader_timezone(membership)
    try:
        tzinfo = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tzinfo = zoneinfo.ZoneInfo("UTC")
    with translation.override(reader_language(membership)), timezone.override(tzinfo):
        yield
