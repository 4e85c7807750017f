"""Reads for notifications: every query starts from `in_workspace` and the recipient."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.http import Http404

from keel.core.models import Membership
from keel.notifications.kinds import KINDS
from keel.notifications.models import Notification, NotificationPreference, NotificationQuerySet


def notifications_for(*, membership: Membership) -> NotificationQuerySet:
    """The member's notifications, unread first, then newest first."""
    return (
        Notification.objects.in_workspace(membership.workspace)
        .filter(recipient=membership)
        .annotate(
            is_read=Case(
                When(read_at__isnull=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_read", "-created_at", "-id")
    )


def unread_for(*, membership: Membership) -> NotificationQuerySet:
    return (
        Notification.objects.in_workspace(membership.workspace)
        .filter(recipient=membership)
        .unread()
        .order_by("-created_at", "-id")
    )


def unread_count(*, membership: Membership) -> int:
    return unread_for(membership=membership).count()


def recent_for(*, membership: Membership, limit: int = 10) -> list[Notification]:
    return list(
        Notification.objects.in_workspace(membership.workspace)
        .filter(recipient=membership)
        .order_by("-created_at", "-id")[:limit]
    )


def get_notification_for(membership: Membership, pk: int) -> Notification:
    """The member's own notification, or 404 (another member's or workspace's looks missing)."""
    notification = (
        Notification.objects.in_workspace(membership.workspace)
        .filter(recipient=membership, pk=pk)
        .first()
    )
    if notification is None:
        raise Http404
    return notification


def preferences_for(*, membership: Membership) -> dict[str, tuple[bool, bool]]:
    """kind → (in_app, email) for every registered kind; missing rows give the kind's defaults."""
    saved = {
        p.kind: (p.in_app, p.email)
        for p in NotificationPreference.objects.in_workspace(membership.workspace).filter(
            membership=membership
        )
    }
    return {kind: saved.get(kind, (spec.in_app, spec.email)) for kind, spec in KINDS.items()}


def preference_for(*, membership: Membership, kind: str) -> tuple[bool, bool]:
    spec = KINDS[kind]
    row = (
        NotificationPreference.objects.in_workspace(membership.workspace)
        .filter(membership=membership, kind=kind)
        .values_list("in_app", "email")
        .first()
    )
    return (row[0], row[1]) if row else (spec.in_app, spec.email)
