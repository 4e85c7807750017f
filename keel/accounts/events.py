"""People events that higher modules react to (notifications, later tasks and org).

accounts may not import the modules above it, so it publishes here and they subscribe in
their AppConfig.ready(). Handlers run after the surrounding transaction commits, so a
rolled-back change tells nobody.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction

MEMBER_JOINED = "member.joined"  # membership, invitation
ROLE_CHANGED = "member.role_changed"  # actor, membership, old_role, new_role
GROUP_SENT = "group.sent"  # actor, group, subject, recipients (list of Membership)
WORKSPACE_CREATED = "workspace.created"  # owner (Membership): modules add starting content

_HANDLERS: dict[str, list[Callable[..., None]]] = defaultdict(list)


def subscribe(event: str, handler: Callable[..., None]) -> None:
    if handler not in _HANDLERS[event]:
        _HANDLERS[event].append(handler)


def publish(event: str, **payload: Any) -> None:
    for handler in _HANDLERS[event]:
        transaction.on_commit(partial(handler, **payload))
