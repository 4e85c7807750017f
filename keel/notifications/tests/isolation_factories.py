"""Objects of workspace A for the tenancy isolation harness (keel/core/tests/isolation.py)."""

from __future__ import annotations

from typing import Any

from keel.core.models import Role, Workspace
from keel.core.tests.isolation import register_isolation_factory


def _notification(ws: Workspace) -> Any:
    from keel.core.tests.factories import MembershipFactory
    from keel.notifications.models import Notification

    recipient: Any = MembershipFactory(workspace=ws, role=Role.MEMBER)
    return Notification.objects.create(
        workspace=ws, recipient=recipient, kind="member.role_changed", title="Probe"
    )


def _webhook(ws: Workspace) -> Any:
    from keel.notifications.models import ChatWebhook

    return ChatWebhook.objects.create(workspace=ws, name="Probe", provider="slack",
                                      url_sealed="", url_hint="probe", topics=["group.message"],
                                      language="en")  # fmt: skip


def register_isolation_factories() -> None:
    register_isolation_factory("webhook_id", _webhook)
    register_isolation_factory("notifications.notification", _notification)
    register_isolation_factory("pk@notification_read", _notification)
