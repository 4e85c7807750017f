"""The pieces every app's services share, so each exists once.

`AuditContext` carries where a request came from into a service (services never take an
HttpRequest); `same_workspace` guards against acting on another workspace's objects;
`audit_event` records an actor's act; `next_position` appends to an ordered list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from django.core.exceptions import PermissionDenied
from django.db.models import Max

from keel.core.audit import audit

if TYPE_CHECKING:
    from django.db import models
    from django.http import HttpRequest

    from keel.core.models import AuditEvent, Membership


@dataclass(frozen=True)
class AuditContext:
    """Where an act came from, as the audit log records it: the client's address and browser.

    Views and API routes build it once with `AuditContext.from_request(request)`; jobs,
    commands and tests pass None.
    """

    ip: str | None = None
    user_agent: str = ""

    @overload
    @classmethod
    def from_request(cls, request: HttpRequest) -> AuditContext: ...

    @overload
    @classmethod
    def from_request(cls, request: None) -> None: ...

    @overload
    @classmethod
    def from_request(cls, request: HttpRequest | None) -> AuditContext | None: ...

    @classmethod
    def from_request(cls, request: HttpRequest | None) -> AuditContext | None:
        if request is None:
            return None
        return cls(
            ip=request.META.get("REMOTE_ADDR") or None,
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )


def same_workspace(actor: Membership, *objects: Any) -> None:
    """Refuse to act on an object of another workspace (None is skipped).

    Views and the API 404 before this; it guards every other caller (jobs, shell, tests).
    """
    for obj in objects:
        if obj is not None and obj.workspace_id != actor.workspace_id:
            raise PermissionDenied


def audit_event(
    actor: Membership,
    action: str,
    target: models.Model | None,
    context: AuditContext | None,
    /,
    **data: Any,
) -> AuditEvent:
    """Record `action` by `actor` on `target` in the actor's workspace; `data` as details.

    Positional-only, so `data` may use any key (`from`, `target`, …).
    """
    return audit(action=action, actor=actor.user, workspace=actor.workspace, target=target,
                 context=context, data=data)  # fmt: skip


def next_position(queryset: models.QuerySet[Any], field: str = "position") -> int:
    """The position after the last row of `queryset` (0 for an empty one)."""
    top = queryset.aggregate(top=Max(field))["top"]
    return 0 if top is None else int(top) + 1
