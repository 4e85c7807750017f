"""Writes for notifications: `notify` (in-app and email, by the recipient's preferences),
marking read, and saving preferences. Email leaves through Django's mail API, which Keel
routes through a background job (keel.core.mail.QueuedEmailBackend) after commit.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from keel.core.mail import absolute_url, as_reader, reader_language
from keel.core.models import Membership
from keel.core.permissions import require
from keel.notifications.kinds import KINDS, render_title
from keel.notifications.models import Notification, NotificationPreference
from keel.notifications.selectors import preference_for


def recipient_language(membership: Membership) -> str:
    return reader_language(membership)


def notify(
    *,
    recipient: Membership,
    kind: str,
    params: Mapping[str, str | int | None] | None = None,
    body: str = "",
    url: str = "",
) -> Notification | None:
    """Tell `recipient` about something, on the channels their preferences allow.

    The notification is stored as `kind` plus `params` and its title is rendered by the
    kind (notifications.kinds) whenever it is read, in the reader's language; the email is
    rendered now, in the recipient's. `params` are plain values: names as written and codes
    (a role code, not its label) — never translated text. `body` is people's own words (a
    comment's excerpt), shown as written. `url` must be a path inside Keel.
    Returns the in-app notification, or None when the member turned that channel off.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind {kind!r}; register it in notifications.kinds")
    if url and not (
        url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    ):
        raise ValueError("Notification URLs must be paths inside Keel.")
    params = dict(params or {})
    for name, value in params.items():
        if value is not None and type(value) not in (str, int):
            # A lazy translation here would be frozen in the sender's language.
            raise TypeError(f"Notification parameter {name!r} must be a str, int or None.")
    body = str(body)
    # The stored title and the email are rendered in the recipient's language.
    with as_reader(recipient):
        title = render_title(kind, params)
        if title is None:
            raise ValueError(f"Parameters {sorted(params)} do not render kind {kind!r}.")
        title = title[:200]
        if not recipient.is_active:
            return None
        in_app, email = preference_for(membership=recipient, kind=kind)
        notification = None
        if in_app:
            notification = Notification.objects.create(
                workspace=recipient.workspace,
                recipient=recipient,
                kind=kind,
                params=params,
                title=title,
                body=body,
                url=url,
            )
        if email:
            _send_email(recipient, kind, title, body, url)
    return notification


def _send_email(recipient: Membership, kind: str, title: str, body: str, url: str) -> None:
    workspace = recipient.workspace
    prefs_path = reverse("notification_preferences", kwargs={"ws": workspace.slug})
    context = {
        "workspace": workspace,
        "recipient": recipient,
        "title": title,
        "body": body,
        "url": absolute_url(url) if url else "",
        "preferences_url": absolute_url(prefs_path),
        "kind_label": KINDS[kind].label,
    }
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{title}".replace("\n", " ")
    text = render_to_string("notifications/email/notification.txt", context)
    EmailMultiAlternatives(subject=subject, body=text, to=[recipient.user.email]).send()


def notification_mark_read(*, actor: Membership, notification: Notification) -> bool:
    """Mark one of the actor's own notifications read. Returns False if it already was."""
    if notification.recipient_id != actor.pk or notification.workspace_id != actor.workspace_id:
        # Views fetch through get_notification_for (404); this guards other callers.
        raise PermissionDenied
    if notification.read_at is not None:
        return False
    notification.read_at = timezone.now()
    notification.save(update_fields=["read_at", "updated_at"])
    return True


def notifications_mark_all_read(*, actor: Membership) -> int:
    return (
        Notification.objects.in_workspace(actor.workspace)
        .filter(recipient=actor)
        .unread()
        .update(read_at=timezone.now(), updated_at=timezone.now())
    )


@transaction.atomic
def preferences_save(*, actor: Membership, choices: dict[str, tuple[bool, bool]]) -> None:
    """Store the actor's (in_app, email) choice per kind; unknown kinds are ignored."""
    require(actor, "workspace.view")
    for kind, (in_app, email) in choices.items():
        if kind not in KINDS:
            continue
        NotificationPreference.objects.update_or_create(
            workspace=actor.workspace,
            membership=actor,
            kind=kind,
            defaults={"in_app": in_app, "email": email},
        )
