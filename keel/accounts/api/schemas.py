"""API input and output shapes for people, workspaces, invitations and groups.

Inputs are validated here (types, lengths, known roles); rules that need the database (who
may grant which role, unique aliases) stay in the services and come back as 422 problems.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Field, Schema
from pydantic import field_validator

from keel.core.api_support import Id, InputSchema
from keel.core.models import Role


def _email(value: str) -> str:
    value = value.strip().lower()
    try:
        validate_email(value)
    except DjangoValidationError as exc:
        raise ValueError("Enter a valid email address.") from exc
    return value


# --- Out ------------------------------------------------------------------------------------


class WorkspaceOut(Schema):
    id: int
    slug: str
    name: str
    email_domain: str
    language: str
    timezone: str


class WorkspaceSettingsOut(Schema):
    """The workspace's settings. The logo is uploaded on the settings page only."""

    id: int
    slug: str
    name: str
    email_domain: str
    language: str = Field(..., description="Default language: en, zh-hans or zh-hant.")
    timezone: str = Field(..., description="An IANA time zone, e.g. Asia/Shanghai.")
    week_start: str = Field(..., description="monday or sunday.")
    currency: str = Field(..., description="ISO 4217 code, e.g. CNY.")
    has_logo: bool
    updated_at: datetime

    @staticmethod
    def resolve_has_logo(obj: Any) -> bool:
        return bool(obj.logo)


class WorkspaceSettingsPatchIn(InputSchema):
    """Fields left out keep their value; the values are checked by the service (422)."""

    name: str | None = Field(None, min_length=1, max_length=120)
    email_domain: str | None = Field(None, max_length=253)
    language: str | None = Field(None, max_length=10)
    timezone: str | None = Field(None, max_length=64)
    week_start: str | None = Field(None, max_length=6)
    currency: str | None = Field(None, max_length=3)


class MyWorkspaceOut(Schema):
    """A workspace as seen by the caller, with the caller's role in it."""

    id: int = Field(..., alias="workspace.id")
    slug: str = Field(..., alias="workspace.slug")
    name: str = Field(..., alias="workspace.name")
    email_domain: str = Field(..., alias="workspace.email_domain")
    language: str = Field(..., alias="workspace.language")
    timezone: str = Field(..., alias="workspace.timezone")
    role: Role


class TokenInfoOut(Schema):
    name: str
    hint: str
    workspace: WorkspaceOut
    role: Role


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    language: str
    timezone: str
    token: TokenInfoOut | None = Field(
        None, description="The token's workspace and role, when called with a token."
    )


class MemberOut(Schema):
    id: int = Field(..., description="The membership id (used in member URLs).")
    user_id: int
    email: str = Field(..., alias="user.email")
    full_name: str = Field(..., alias="user.full_name")
    role: Role
    title: str = Field(..., description="The title of the seat(s) they hold, else their own.")
    is_external: bool
    joined_at: datetime = Field(..., alias="created_at")
    offboarded_at: datetime | None

    @staticmethod
    def resolve_title(obj: Any) -> str:
        from keel.accounts.titles import display_title

        return display_title(obj)


class InvitationOut(Schema):
    """Never carries the link's secret: it is only ever emailed to the invitee."""

    id: int
    email: str
    role: Role
    expires_at: datetime
    created_at: datetime


class OffboardingMoveOut(Schema):
    item: str
    kind: str = Field(..., description="person, unassigned, revoked, seat_filled or seat_empty.")
    to: str = Field(..., description="The receiver's name; empty when nobody received it.")


class OffboardingStepOut(Schema):
    key: str
    label: str
    count: int
    items: list[str]
    url: str
    moves: list[OffboardingMoveOut]


class OffboardingOut(Schema):
    member: MemberOut
    steps: list[OffboardingStepOut]


class HandoverItemOut(Schema):
    key: str
    label: str
    detail: str
    url: str
    default_receiver_id: int | None = Field(
        ..., description="The member who receives it unless told otherwise (null: nobody)."
    )


class HandoverSectionOut(Schema):
    key: str
    label: str
    receiver: str = Field(
        ..., description="person (who takes it over), holder (who holds the seat) or none."
    )
    allow_empty: bool
    items: list[HandoverItemOut]


class OffboardingPlanOut(Schema):
    member: MemberOut
    successor_id: int = Field(..., description="Who receives their own work by default.")
    sections: list[HandoverSectionOut]


class OffboardIn(InputSchema):
    handover: dict[str, dict[str, Id | None]] = Field(
        default_factory=dict,
        description="Section key → item key → member id to receive it (null: nobody / leave "
        "the seat empty). Items left out get the plan's default.",
    )


class GroupMemberOut(Schema):
    id: int = Field(..., description="The membership id.")
    email: str = Field(..., alias="user.email")
    full_name: str = Field(..., alias="user.full_name")
    role: Role


class GroupOut(Schema):
    id: int
    name: str
    alias: str
    address: str
    description: str
    member_count: int


class GroupDetailOut(GroupOut):
    members: list[GroupMemberOut]


class QueuedOut(Schema):
    queued: int


# --- In -------------------------------------------------------------------------------------


class InvitationIn(InputSchema):
    email: str = Field(..., max_length=254)
    role: Role = Role.MEMBER

    @field_validator("email")
    @classmethod
    def _check_email(cls, value: str) -> str:
        return _email(value)


class MemberPatchIn(InputSchema):
    role: Role


class GroupIn(InputSchema):
    name: str = Field(..., min_length=1, max_length=80)
    alias: str = Field(..., min_length=1, max_length=64, pattern=r"^\s*[-a-zA-Z0-9_]+\s*$")
    description: str = Field("", max_length=200)


class GroupPatchIn(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=80)
    alias: str | None = Field(None, min_length=1, max_length=64, pattern=r"^\s*[-a-zA-Z0-9_]+\s*$")
    description: str | None = Field(None, max_length=200)


class GroupMembersIn(InputSchema):
    member_ids: list[Id] = Field(..., max_length=1000, description="Membership ids.")


class GroupSendIn(InputSchema):
    subject: str = Field(..., min_length=1, max_length=200)
    body: str = Field(..., max_length=100_000)
