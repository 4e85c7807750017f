"""Writing audit events. Callers pass what happened and where it came from (an AuditContext,
built from the request by views; see keel.core.services).

Never pass a secret in `data`: keys that look secret are refused so a slip fails loudly in tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from keel.core.models import AuditEvent

if TYPE_CHECKING:
    from keel.core.models import Workspace
    from keel.core.services import AuditContext

_SECRET_WORDS = ("password", "secret", "token", "otp", "code", "key")

# How each action code reads for people (audit filter, audit table). Apps register their own
# in AppConfig.ready(); an unknown code shows as itself.
_ACTION_LABELS: dict[str, Any] = {}


def register_action_labels(labels: dict[str, Any]) -> None:
    _ACTION_LABELS.update(labels)


def action_label(action: str) -> Any:
    return _ACTION_LABELS.get(action, action)


def audit(
    *,
    action: str,
    actor: Any = None,
    workspace: Workspace | None = None,
    target: models.Model | None = None,
    context: AuditContext | None = None,
    data: dict[str, Any] | None = None,
    actor_email: str = "",
) -> AuditEvent:
    data = data or {}
    for key in data:
        if any(word in key.lower() for word in _SECRET_WORDS):
            raise ValueError(f"Audit data key {key!r} looks like a secret; don't record it.")
    if actor is not None and getattr(actor, "is_authenticated", False):
        actor_email = actor_email or actor.email
    else:
        actor = None
    return AuditEvent.objects.create(
        workspace=workspace,
        actor=actor,
        actor_email=actor_email[:254],
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        data=data,
        ip=context.ip if context else None,
        user_agent=context.user_agent[:300] if context else "",
    )
