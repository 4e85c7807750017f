"""API shapes for wiki spaces, pages and revisions.

Types, lengths and id ranges are checked here, so no input can reach the database in a shape
it refuses (a NUL character, a lone surrogate, an id past 64 bits); the rules that need the
database (slug taken, parent in the same space, owner still here…) stay in the services and
come back as 422 problems on the API's field names (`parent_id`, `owner_id`…).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator

from keel.core.api_support import MAX_ID, Id, InputSchema
from keel.wiki.models import Level, PageKind, SpaceKind, StaffLevel
from keel.wiki.services.pages import BODY_MAX, REVIEW_DAYS_MAX, SUMMARY_MAX, TITLE_MAX

ID_MAX = MAX_ID  # the path ids' bound (pages.py, files.py); bodies use core's `Id`
POSITION_MAX = 1_000_000


def _storable(value: str) -> str:
    """PostgreSQL refuses NUL in text and no database stores a lone UTF-16 surrogate."""
    if "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError(_("Remove the control characters from this text."))
    return value


Storable = AfterValidator(_storable)
Name = Annotated[str, Field(min_length=1, max_length=80), Storable]
Slug = Annotated[str, Field(min_length=1, max_length=40), Storable]
Description = Annotated[str, Field(max_length=300), Storable]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX), Storable]
Body = Annotated[str, Field(max_length=BODY_MAX), Storable]
Summary = Annotated[str, Field(max_length=SUMMARY_MAX), Storable]
ReviewDays = Annotated[int, Field(ge=0, le=REVIEW_DAYS_MAX)]


# --- Out ------------------------------------------------------------------------------------


class MemberRef(Schema):
    id: int = Field(..., description="The membership id.")
    name: str


class SeatRef(Schema):
    id: int
    title: str


class SpaceRef(Schema):
    id: int
    slug: str
    name: str


class SpaceOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    kind: SpaceKind
    department_id: int | None
    staff_level: StaffLevel
    archived: bool
    level: Level = Field(..., description="What the caller may do in this space.")
    pages: int = Field(..., description="Live (not archived) pages.")


class PageItemOut(Schema):
    """A page in a space's flat list; `parent_id` and `position` rebuild the tree."""

    id: int
    title: str
    parent_id: int | None
    position: int
    kind: PageKind
    restricted: bool
    updated_at: datetime


class PageOut(Schema):
    id: int
    space: SpaceRef
    parent_id: int | None
    position: int
    title: str
    kind: PageKind
    body: str = Field(..., description="Markdown.")
    version: int = Field(..., description='The current revision; the ETag is "<id>-<version>".')
    restricted: bool = Field(..., description="Only people given access open it.")
    owner: MemberRef | None
    owner_seat: SeatRef | None
    review_every_days: int | None
    review_due: date | None
    needs_review: bool
    archived: bool
    level: Level = Field(..., description="What the caller may do with this page.")
    created_at: datetime
    updated_at: datetime
    updated_by: MemberRef | None


class PageSavedOut(PageOut):
    merged: bool = Field(
        False, description="True when someone else's save since If-Match was merged in."
    )


class RevisionOut(Schema):
    number: int
    title: str
    summary: str
    author: MemberRef | None
    created_at: datetime


class RevisionDetailOut(RevisionOut):
    body: str


class ConflictOut(Schema):
    """412 when the page changed since If-Match and the changes overlap: nothing was saved.

    Resolve `merged_body` (conflict markers around both versions of each overlapping part)
    and send it again with `If-Match: <etag>`."""

    type: str
    title: str
    status: int
    detail: str
    etag: str | None = Field(None, description="The current ETag, to send with the retry.")
    current_version: int | None = None
    current_title: str | None = None
    current_body: str | None = None
    their_author: str | None = Field(None, description="Who saved the current version.")
    merged_body: str | None = Field(None, description="The merged text, conflicts marked.")


# --- In -------------------------------------------------------------------------------------


class SpaceIn(InputSchema):
    name: Name
    slug: Slug = Field(..., description="Lowercase letters, digits and dashes.")
    kind: SpaceKind = SpaceKind.COMPANY
    description: Description = ""
    department_id: Id | None = Field(None, description="For a department's space.")
    group_id: Id | None = Field(None, description="For a private space: the group it is for.")
    staff_level: StaffLevel | None = Field(
        None, description="What all staff may do (default by kind)."
    )


class SpacePatchIn(InputSchema):
    """Send only what changes; `archived` archives the space or brings it back."""

    name: Name | None = None
    slug: Slug | None = None
    description: Description | None = None
    staff_level: StaffLevel | None = None
    archived: bool | None = None


class PageIn(InputSchema):
    title: Title
    body: Body = Field("", description="Markdown.")
    parent_id: Id | None = Field(None, description="A page of the same space; null: top level.")
    kind: PageKind = PageKind.PAGE
    owner_id: Id | None = Field(None, description="A member (default: you).")
    owner_seat_id: Id | None = Field(None, description="Or a seat: whoever holds it owns it.")
    review_every_days: ReviewDays | None = Field(None, description="0 or null: no reviews.")
    summary: Summary = ""


class PagePatchIn(InputSchema):
    """Send only what changes, with the ETag you last read in `If-Match`. Sending
    `owner_id` or `owner_seat_id` sets the owner (one of them, the other null)."""

    title: Title | None = None
    body: Body | None = Field(None, description="Markdown.")
    summary: Summary = ""
    owner_id: Id | None = None
    owner_seat_id: Id | None = None
    review_every_days: ReviewDays | None = Field(None, description="0 or null: no reviews.")


class PageMoveIn(InputSchema):
    parent_id: Id | None = Field(..., description="The new parent; null: top level.")
    position: Annotated[int, Field(ge=0, le=POSITION_MAX)] | None = Field(
        None, description="Place among the new siblings, from 0; null: last."
    )
