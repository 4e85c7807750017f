"""Turns people events from accounts into notifications (subscribed in AppConfig.ready).

Parameters are names and codes; notifications.kinds renders them in the reader's language.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from keel.accounts import events
from keel.core.models import Membership, Role
from keel.notifications.services import chat_post, notify
from keel.ui.nav import front_url


def member_joined(*, membership: Membership, invitation: Any) -> None:
    inviter = (
        Membership.objects.active()
        .filter(workspace=membership.workspace, user_id=invitation.invited_by_id)
        .select_related("user", "workspace")
        .first()
    )
    if inviter is None or inviter.pk == membership.pk:
        return
    notify(
        recipient=inviter,
        kind="member.joined",
        params={"name": membership.user.display_name, "workspace": membership.workspace.name},
        url=reverse("member_detail", kwargs={"ws": membership.workspace.slug, "pk": membership.pk}),
    )


def role_changed(
    *, actor: Membership, membership: Membership, old_role: str, new_role: str
) -> None:
    if actor.pk == membership.pk:
        return
    notify(
        recipient=membership,
        kind="member.role_changed",
        params={"workspace": membership.workspace.name, "role": Role(new_role).value},
        url=front_url(membership.workspace.slug),
    )


def group_sent(
    *, actor: Membership, group: Any, subject: str, recipients: list[Membership]
) -> None:
    url = reverse("group_detail", kwargs={"ws": group.workspace.slug, "pk": group.pk})
    # The group's own chat hears it once (its members would otherwise see it once each).
    chat_post(workspace=group.workspace, topic="group.message", url=url, group_ids=[group.pk],
              params={"actor": actor.user.display_name, "group": group.name,
                      "subject": subject})  # fmt: skip
    for recipient in recipients:
        if recipient.pk == actor.pk:
            continue
        notify(
            recipient=recipient,
            kind="group.message",
            params={"group": group.name, "subject": subject},
            url=url,
        )


def subscribe_all() -> None:
    events.subscribe(events.MEMBER_JOINED, member_joined)
    events.subscribe(events.ROLE_CHANGED, role_changed)
    events.subscribe(events.GROUP_SENT, group_sent)
