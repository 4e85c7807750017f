"""The pieces every app's services share, so each exists once.

`AuditContext` carries where a request came from into a service (services never take an
HttpRequest); `same_workspace` guards against acting on another workspace's objects;
`audit_event` records an actor's act; `next_position` appends to an ordered list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

from django.core.exceptions import PermissionDenied
from django.db.models import Max

from keel.core.audit import audit

if TYPE_CHECKING:
    from django.db import models
    from django.http import HttpRequest

    from keel.core.models import AuditEvent, Membership


class _Ordered(Protocol):
    pk: Any
    position: int


_Row = TypeVar("_Row", bound=_Ordered)


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


def move_one_place(rows: list[_Row], row: _Row, direction: str) -> list[_Row]:
    """Swap `row` with its neighbour above ("up") or below ("down") in `rows` (in display
    order) and renumber their `position` 0..n-1; returns the rows whose position changed,
    for one `bulk_update`. At either end nothing moves and nothing is returned. `row` gets
    its new position too (it may be another instance of the same database row).
    """
    index = next(i for i, item in enumerate(rows) if item.pk == row.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(rows):
        return []
    rows[index], rows[other] = rows[other], rows[index]
    changed = []
    for position, item in enumerate(rows):
        if item.position != position:
            item.position = position
            changed.append(item)
    row.position = other
    return changed


def next_position(queryset: models.QuerySet[Any], field: str = "position") -> int:
    """The position after the last row of `queryset` (0 for an empty one)."""
    top = queryset.aggregate(top=Max(field))["top"]
    return 0 if top is None else int(top) + 1
