"""API input and output shapes for projects, tasks and comments.

Types and lengths are checked here; rules that need the database (assignee can see the
project, due not before start, key taken…) stay in the services and come back as 422
problems on the same field names (`assignee_id`, `due`, `key`…).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from keel.core.api_support import Id, InputSchema
from keel.tasks.models import Priority, Status, Visibility


class MemberRef(Schema):
    id: int = Field(..., description="The membership id.")
    name: str
    email: str


class SeatRef(Schema):
    id: int
    title: str


def member_ref(membership: Any) -> dict[str, Any] | None:
    if membership is None:
        return None
    user = membership.user
    return {"id": membership.pk, "name": user.display_name, "email": user.email}


# --- Projects -------------------------------------------------------------------------------


class ProjectOut(Schema):
    id: int
    name: str
    key: str
    description: str
    visibility: Visibility
    department_id: int | None
    group_id: int | None
    owner_seat_id: int | None
    archived: bool
    archived_at: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_archived(obj: Any) -> bool:
        return obj.archived_at is not None


class ProjectIn(InputSchema):
    name: str = Field(..., min_length=1, max_length=120)
    key: str = Field(..., min_length=2, max_length=6, description="2–6 letters A–Z, e.g. MKT.")
    description: str = ""
    visibility: Visibility = Visibility.WORKSPACE
    department_id: Id | None = None
    group_id: Id | None = None
    owner_seat_id: Id | None = None
    member_ids: list[Id] = Field(default_factory=list, description="Membership ids to add.")


class ProjectPatchIn(InputSchema):
    """Send only what changes. `archived: true` archives the project, `false` restores it."""

    name: str | None = Field(None, min_length=1, max_length=120)
    key: str | None = Field(None, min_length=2, max_length=6)
    description: str | None = None
    visibility: Visibility | None = None
    department_id: Id | None = None
    group_id: Id | None = None
    owner_seat_id: Id | None = None
    archived: bool | None = None
    member_ids: list[Id] | None = Field(None, description="The project's members, exactly.")


# --- Tasks ----------------------------------------------------------------------------------

WHEN_HELP = (
    "A date (2026-03-02) or an ISO 8601 date-time with its offset (2026-03-02T15:00:00+08:00)."
)


class TaskOut(Schema):
    id: int
    ref: str = Field(..., description="KEY-number, e.g. MKT-42.")
    project_id: int
    number: int
    title: str
    description: str
    description_html: str
    status: Status
    priority: Priority
    section_id: int | None
    parent_id: int | None
    assignee: MemberRef | None
    assignee_seat: SeatRef | None
    current_assignee: MemberRef | None = Field(
        None, description="Who does it now: the assignee, or whoever holds the seat."
    )
    start_date: date | None
    start_at: datetime | None
    due_date: date | None
    due_at: datetime | None
    labels: list[str]
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_ref(obj: Any) -> str:
        return f"{obj.project.key}-{obj.number}"

    @staticmethod
    def resolve_assignee(obj: Any) -> dict[str, Any] | None:
        return member_ref(obj.assignee)

    @staticmethod
    def resolve_assignee_seat(obj: Any) -> dict[str, Any] | None:
        seat = obj.assignee_seat
        return {"id": seat.pk, "title": seat.title} if seat else None

    @staticmethod
    def resolve_current_assignee(obj: Any) -> dict[str, Any] | None:
        from keel.tasks.selectors import task_assignee

        return member_ref(task_assignee(obj))

    @staticmethod
    def resolve_labels(obj: Any) -> list[str]:
        return [label.name for label in obj.labels.all()]


class TaskIn(InputSchema):
    project_id: Id
    title: str = Field(..., min_length=1, max_length=300)
    description: str = ""
    section_id: Id | None = None
    assignee_id: Id | None = Field(None, description="A membership id (or use a seat).")
    assignee_seat_id: Id | None = None
    start: str | None = Field(None, description=WHEN_HELP)
    due: str | None = Field(None, description=WHEN_HELP)
    priority: Priority = Priority.NONE
    labels: list[str] = Field(default_factory=list, description="Label names.")
    parent_id: Id | None = None
    follower_ids: list[Id] = Field(default_factory=list)


class TaskPatchIn(InputSchema):
    """Send only what changes; `null` clears a field (assignee, seat, dates, section…)."""

    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    section_id: Id | None = None
    assignee_id: Id | None = None
    assignee_seat_id: Id | None = None
    start: str | None = Field(None, description=WHEN_HELP)
    due: str | None = Field(None, description=WHEN_HELP)
    priority: Priority | None = None
    status: Status | None = None
    labels: list[str] | None = None
    parent_id: Id | None = None
    follower_ids: list[Id] | None = None


# --- Comments -------------------------------------------------------------------------------


class CommentOut(Schema):
    id: int
    author: MemberRef | None
    body: str
    body_html: str
    created_at: datetime

    @staticmethod
    def resolve_author(obj: Any) -> dict[str, Any] | None:
        return member_ref(obj.author)


class CommentIn(InputSchema):
    body: str = Field(..., min_length=1, max_length=10_000)
