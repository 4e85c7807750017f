"""All email leaves through a background job.

`QueuedEmailBackend` is Django's EMAIL_BACKEND: it serialises each message and enqueues
`deliver_email` after the surrounding transaction commits, so a rolled-back request sends
nothing and a slow SMTP server never slows a page. The job hands the message to the real
backend named by KEEL_DELIVERY_EMAIL_BACKEND (SMTP from EMAIL_URL, files in development).
`absolute_url` builds every link an email carries.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


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
    }


def message_from_dict(data: dict[str, Any]) -> EmailMultiAlternatives:
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
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from keel.core.jobs import deliver_email

        for message in email_messages:
            transaction.on_commit(partial(deliver_email.enqueue, message_to_dict(message)))
        return len(email_messages)


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
