"""API routes for wiki spaces, pages and revisions, under /workspaces/{slug}/wiki/.

Thin like the pages: resolve the caller's membership from the URL, fetch through the wiki's
selectors (a space or page the caller may not read is a 404, exactly like one that does not
exist), call one service, return a schema. Service field errors are renamed to the API's
field names (`parent` → `parent_id`…), so a 422 points at the field that was sent.

Optimistic concurrency (`etags.py`): a page answers with a strong
`ETag: "<page id>-<version>"`. PATCH must send it back in `If-Match` (428 without). If the
page moved on since, the service merges the two edits line by line: a clean merge is saved
(200, `"merged": true`); overlapping changes are a 412 whose body carries the current
version, who saved it and the merged text with conflict markers, and nothing is saved.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from keel.accounts.models import Group
from keel.core.api_support import (
    ERROR_RESPONSES,
    PageParams,
    Problem,
    api_field_names,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.api_support import Page as Paged
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.org.models import Department, Seat
from keel.wiki import selectors, services
from keel.wiki.access import EDIT, MANAGE, READ, can, page_levels, reader_for
from keel.wiki.api.etags import IfMatch, base_version, conflict_response, etag
from keel.wiki.api.schemas import (
    ID_MAX,
    ConflictOut,
    PageIn,
    PageItemOut,
    PageMoveIn,
    PageOut,
    PagePatchIn,
    PageSavedOut,
    RevisionDetailOut,
    RevisionOut,
    SpaceIn,
    SpaceOut,
    SpacePatchIn,
)
from keel.wiki.models import Page, Revision, Space
from keel.wiki.services.spaces import SLUG_RE

router = Router(tags=["wiki"])

WS = "/workspaces/{slug}/wiki"
PageId = Annotated[int, Path(ge=1, le=ID_MAX, description="The page id.")]
RevisionNumber = Annotated[int, Path(ge=1, le=2_147_483_647, description="The revision number.")]
API_FIELD = {
    "parent": "parent_id",
    "owner": "owner_id",
    "owner_seat": "owner_seat_id",
    "department": "department_id",
    "group": "group_id",
}


def _reader(request: HttpRequest, slug: str) -> Membership:
    membership = workspace_membership(request, slug)
    require(membership, "wiki.view")
    return membership


def _lookup(membership: Membership, model: Any, pk: int | None, field: str) -> Any:
    """The workspace's object `pk` for a body field, or a 422 on that field."""
    if pk is None:
        return None
    obj = model.objects.filter(workspace_id=membership.workspace_id, pk=pk).first()
    if obj is None:
        raise ValidationError({field: _("Nothing with id %(id)s here.") % {"id": pk}})
    return obj


def _owner(membership: Membership, pk: int | None) -> Membership | None:
    if pk is None:
        return None
    owner = (
        Membership.objects.filter(workspace_id=membership.workspace_id, pk=pk)
        .select_related("user", "workspace")
        .first()
    )
    if owner is None:
        raise ValidationError({"owner_id": _("Nothing with id %(id)s here.") % {"id": pk}})
    return owner


def _parent(membership: Membership, space: Space, pk: int | None) -> Page | None:
    """A page the caller may read, as a new parent; one they may not read looks missing."""
    if pk is None:
        return None
    try:
        parent, _level = selectors.get_page_for(membership, pk)
    except Http404:
        parent = None
    if parent is None or parent.space_id != space.pk:
        raise ValidationError({"parent_id": _("Choose a page of this space.")})
    return parent


def _space(membership: Membership, space_slug: str) -> tuple[Space, str]:
    # A slug no space can have names nothing: 404 without asking the database.
    if len(space_slug) > 40 or not SLUG_RE.match(space_slug):
        raise Http404
    return selectors.get_space_for(membership, space_slug)


# --- Output ---------------------------------------------------------------------------------


def _member_ref(membership: Membership | None) -> dict[str, Any] | None:
    if membership is None:
        return None
    return {"id": membership.pk, "name": membership.user.display_name}


def _space_out(space: Space, level: str, pages: int) -> dict[str, Any]:
    return {
        "id": space.pk, "slug": space.slug, "name": space.name,
        "description": space.description, "kind": space.kind,
        "department_id": space.department_id, "staff_level": space.staff_level,
        "archived": space.archived_at is not None, "level": level, "pages": pages,
    }  # fmt: skip


def _page_out(
    membership: Membership, page_id: int, response: HttpResponse, **extra: Any
) -> dict[str, Any]:
    """The page as the caller sees it now, with its ETag on `response`."""
    page, level = selectors.get_page_for(membership, page_id)
    response["ETag"] = etag(page)
    owner_seat = page.owner_seat
    return {
        "id": page.pk,
        "space": {"id": page.space.pk, "slug": page.space.slug, "name": page.space.name},
        "parent_id": page.parent_id, "position": page.position, "title": page.title,
        "kind": page.kind, "body": page.body, "version": page.version,
        "restricted": page.restricted, "owner": _member_ref(page.owner),
        "owner_seat": {"id": owner_seat.pk, "title": owner_seat.title} if owner_seat else None,
        "review_every_days": page.review_every_days, "review_due": page.review_due,
        "needs_review": page.review_due is not None and page.review_due <= timezone.localdate(),
        "archived": page.archived_at is not None, "level": level,
        "created_at": page.created_at, "updated_at": page.updated_at,
        "updated_by": _member_ref(page.updated_by), **extra,
    }  # fmt: skip


# --- Spaces ---------------------------------------------------------------------------------


@router.get(f"{WS}/spaces", response={200: page_schema(SpaceOut), **ERROR_RESPONSES})
def space_list(
    request: HttpRequest, slug: str, params: Query[PageParams], archived: bool = False
) -> Paged[dict[str, Any]]:
    """The spaces the caller may read (archived ones with `archived=true`), in order, with
    what the caller may do in each."""
    membership = _reader(request, slug)
    rows = {row.space.pk: row for row in selectors.spaces_for(membership, archived=archived)}
    spaces = Space.objects.in_workspace(membership.workspace).filter(pk__in=list(rows))
    page = paginate(spaces.only("pk", "position"), params, order_by="position")
    items = [rows[space.pk] for space in page.items]
    return Paged(
        items=[_space_out(row.space, row.level, row.pages) for row in items],
        next_cursor=page.next_cursor,
    )


@router.post(f"{WS}/spaces", response={201: SpaceOut, **ERROR_RESPONSES})
def space_create(request: HttpRequest, slug: str, payload: SpaceIn) -> Status[dict[str, Any]]:
    """A new space (managers and above); the creator manages it. A private space is open
    to nobody else until access is given: to `group_id` (edit) when one is named."""
    membership = workspace_membership(request, slug)
    with api_field_names(API_FIELD):
        space = services.space_create(
            actor=membership, name=payload.name, slug=payload.slug, kind=payload.kind.value,
            description=payload.description,
            department=_lookup(membership, Department, payload.department_id, "department_id"),
            group=_lookup(membership, Group, payload.group_id, "group_id"),
            staff_level=payload.staff_level.value if payload.staff_level else None,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    space, level = selectors.get_space_for(membership, space.slug)
    return Status(201, _space_out(space, level, 0))


@router.get(f"{WS}/spaces/{{space_slug}}", response={200: SpaceOut, **ERROR_RESPONSES})
def space_detail(request: HttpRequest, slug: str, space_slug: str) -> dict[str, Any]:
    membership = _reader(request, slug)
    space, level = _space(membership, space_slug)
    pages = Page.objects.filter(space=space, archived_at__isnull=True).count()
    return _space_out(space, level, pages)


@router.patch(f"{WS}/spaces/{{space_slug}}", response={200: SpaceOut, **ERROR_RESPONSES})
def space_update(
    request: HttpRequest, slug: str, space_slug: str, payload: SpacePatchIn
) -> dict[str, Any]:
    """Change the fields sent (the space's managers); `archived` archives or restores it.
    A new `slug` changes the space's address."""
    membership = workspace_membership(request, slug)
    space, _level = _space(membership, space_slug)
    context = AuditContext.from_request(request)
    with api_field_names(API_FIELD):
        if {"name", "slug", "description", "staff_level"} & payload.model_fields_set:
            services.space_update(
                actor=membership, space=space, name=payload.name or space.name,
                slug=payload.slug or space.slug,
                description=(
                    payload.description if payload.description is not None
                    else space.description
                ),
                staff_level=payload.staff_level.value if payload.staff_level else None,
                context=context,
            )  # fmt: skip
        if payload.archived is not None:
            services.space_archive(actor=membership, space=space, archived=payload.archived,
                                   context=context)  # fmt: skip
    space, level = selectors.get_space_for(membership, space.slug)
    pages = Page.objects.filter(space=space, archived_at__isnull=True).count()
    return _space_out(space, level, pages)


# --- Pages ----------------------------------------------------------------------------------


def _unreadable(membership: Membership, space: Space, level: str) -> list[int]:
    """The pages of the space the caller may not open: only restricted subtrees can hide
    anything, so a space without restricted pages costs one query."""
    if can(level, MANAGE) or not Page.objects.filter(space=space, restricted=True).exists():
        return []
    pages = list(Page.objects.filter(space=space).only("pk", "parent_id", "restricted",
                                                       "space_id"))  # fmt: skip
    levels = page_levels(reader_for(membership), pages, level)
    return [pk for pk, page_level in levels.items() if not can(page_level, READ)]


@router.get(
    f"{WS}/spaces/{{space_slug}}/pages", response={200: page_schema(PageItemOut), **ERROR_RESPONSES}
)
def page_list(
    request: HttpRequest,
    slug: str,
    space_slug: str,
    params: Query[PageParams],
    archived: bool = False,
) -> Paged[Page]:
    """The space's pages the caller may read, flat, oldest first (`parent_id` and `position`
    rebuild the tree); archived ones instead with `archived=true`."""
    membership = _reader(request, slug)
    space, level = _space(membership, space_slug)
    pages = (
        Page.objects.in_workspace(membership.workspace)
        .filter(space=space, archived_at__isnull=not archived)
        .exclude(pk__in=_unreadable(membership, space, level))
        .only("pk", "title", "parent_id", "position", "kind", "restricted", "updated_at")
    )
    return paginate(pages, params, order_by="id")


@router.post(f"{WS}/spaces/{{space_slug}}/pages", response={201: PageOut, **ERROR_RESPONSES})
def page_create(
    request: HttpRequest, slug: str, space_slug: str, payload: PageIn, response: HttpResponse
) -> Status[dict[str, Any]]:
    """A new page at the end of its parent's pages (or the top level); its ETag comes back in
    the `ETag` header. The owner defaults to the caller."""
    membership = workspace_membership(request, slug)
    space, _level = _space(membership, space_slug)
    with api_field_names(API_FIELD):
        page = services.page_create(
            actor=membership, space=space, title=payload.title, body=payload.body,
            parent=_parent(membership, space, payload.parent_id), kind=payload.kind.value,
            owner=_owner(membership, payload.owner_id),
            owner_seat=_lookup(membership, Seat, payload.owner_seat_id, "owner_seat_id"),
            review_every_days=payload.review_every_days, summary=payload.summary,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    return Status(201, _page_out(membership, page.pk, response))


@router.get(f"{WS}/pages/{{page_id}}", response={200: PageOut, **ERROR_RESPONSES})
def page_detail(
    request: HttpRequest, slug: str, page_id: PageId, response: HttpResponse
) -> dict[str, Any]:
    """The page with its Markdown; the `ETag` header is what a later PATCH sends in
    `If-Match`."""
    return _page_out(_reader(request, slug), page_id, response)


@router.patch(
    f"{WS}/pages/{{page_id}}",
    response={200: PageSavedOut, 412: ConflictOut, 428: Problem, **ERROR_RESPONSES},
)
def page_update(
    request: HttpRequest,
    slug: str,
    page_id: PageId,
    payload: PagePatchIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> dict[str, Any] | HttpResponse:
    """Save the fields sent as a new revision, starting from the version in `If-Match`.

    428 without If-Match; 412 for an ETag that is not this page's. When someone saved since:
    a clean merge is saved (`merged: true`); overlapping changes are a 412 with the merged
    text (conflict markers) and the current ETag, and nothing is saved.
    """
    membership = workspace_membership(request, slug)
    page, _level = selectors.get_page_for(membership, page_id, needed=EDIT)
    base = base_version(page, if_match)
    if isinstance(base, HttpResponse):
        return base
    sent = payload.model_fields_set
    try:
        with api_field_names(API_FIELD):
            saved = services.page_update(
                actor=membership, page=page, base_version=base, title=payload.title,
                body=payload.body, owner=_owner(membership, payload.owner_id),
                owner_seat=_lookup(membership, Seat, payload.owner_seat_id, "owner_seat_id"),
                set_owner=bool({"owner_id", "owner_seat_id"} & sent),
                review_every_days=payload.review_every_days,
                set_review="review_every_days" in sent, summary=payload.summary,
                context=AuditContext.from_request(request),
            )  # fmt: skip
    except services.PageConflict as conflict:
        return conflict_response(conflict)
    return _page_out(membership, page.pk, response, merged=saved.merged)


@router.post(f"{WS}/pages/{{page_id}}/move", response={200: PageOut, **ERROR_RESPONSES})
def page_move(
    request: HttpRequest, slug: str, page_id: PageId, payload: PageMoveIn, response: HttpResponse
) -> dict[str, Any]:
    """Put the page (with its subtree) under `parent_id` (null: top level) at `position`
    among its new siblings (null: last). Never under itself."""
    membership = workspace_membership(request, slug)
    page, _level = selectors.get_page_for(membership, page_id, needed=EDIT)
    with api_field_names(API_FIELD):
        services.page_move(
            actor=membership, page=page, parent=_parent(membership, page.space, payload.parent_id),
            position=payload.position, context=AuditContext.from_request(request),
        )  # fmt: skip
    return _page_out(membership, page.pk, response)


@router.post(f"{WS}/pages/{{page_id}}/archive", response={200: PageOut, **ERROR_RESPONSES})
def page_archive(
    request: HttpRequest, slug: str, page_id: PageId, response: HttpResponse
) -> dict[str, Any]:
    """Archive the page and the pages below it: out of the tree and search, kept."""
    membership = workspace_membership(request, slug)
    page, _level = selectors.get_page_for(membership, page_id, needed=EDIT)
    services.page_archive(actor=membership, page=page, context=AuditContext.from_request(request))
    return _page_out(membership, page.pk, response)


@router.post(f"{WS}/pages/{{page_id}}/unarchive", response={200: PageOut, **ERROR_RESPONSES})
def page_unarchive(
    request: HttpRequest, slug: str, page_id: PageId, response: HttpResponse
) -> dict[str, Any]:
    """Bring the page and the pages below it back (to the top level if its parent is still
    archived)."""
    membership = workspace_membership(request, slug)
    page, _level = selectors.get_page_for(membership, page_id)
    services.page_unarchive(actor=membership, page=page, context=AuditContext.from_request(request))
    return _page_out(membership, page.pk, response)


# --- Revisions ------------------------------------------------------------------------------


def _revision_out(revision: Revision) -> dict[str, Any]:
    return {
        "number": revision.number, "title": revision.title, "summary": revision.summary,
        "author": _member_ref(revision.author), "created_at": revision.created_at,
    }  # fmt: skip


@router.get(
    f"{WS}/pages/{{page_id}}/revisions",
    response={200: page_schema(RevisionOut), **ERROR_RESPONSES},
)
def revision_list(
    request: HttpRequest, slug: str, page_id: PageId, params: Query[PageParams]
) -> Paged[dict[str, Any]]:
    """The page's saves, newest first: who, when and why."""
    membership = _reader(request, slug)
    page, _level = selectors.get_page_for(membership, page_id)
    revisions = (
        Revision.objects.in_workspace(membership.workspace)
        .filter(page=page)
        .select_related("author__user")
        .defer("body")
    )
    found = paginate(revisions, params, order_by="-number")
    return Paged(items=[_revision_out(r) for r in found.items], next_cursor=found.next_cursor)


def _revision(membership: Membership, page: Page, number: int) -> Revision:
    revision = (
        Revision.objects.in_workspace(membership.workspace)
        .filter(page=page, number=number)
        .select_related("author__user")
        .first()
    )
    if revision is None:
        raise Http404
    return revision


@router.get(
    f"{WS}/pages/{{page_id}}/revisions/{{number}}",
    response={200: RevisionDetailOut, **ERROR_RESPONSES},
)
def revision_detail(
    request: HttpRequest, slug: str, page_id: PageId, number: RevisionNumber
) -> dict[str, Any]:
    """One save of the page, with its Markdown as it was then."""
    membership = _reader(request, slug)
    page, _level = selectors.get_page_for(membership, page_id)
    revision = _revision(membership, page, number)
    return {**_revision_out(revision), "body": revision.body}


@router.post(
    f"{WS}/pages/{{page_id}}/revisions/{{number}}/restore",
    response={200: PageSavedOut, 412: ConflictOut, **ERROR_RESPONSES},
)
def revision_restore(
    request: HttpRequest, slug: str, page_id: PageId, number: RevisionNumber,
    response: HttpResponse,
) -> dict[str, Any] | HttpResponse:  # fmt: skip
    """Make revision `number` the current text again, as a new revision (history is kept)."""
    membership = workspace_membership(request, slug)
    page, _level = selectors.get_page_for(membership, page_id, needed=EDIT)
    _revision(membership, page, number)
    try:
        saved = services.revision_restore(
            actor=membership, page=page, number=number, context=AuditContext.from_request(request)
        )
    except services.PageConflict as conflict:  # someone saved between our read and the lock
        return conflict_response(conflict)
    return _page_out(membership, page.pk, response, merged=saved.merged)
