"""API routes for wiki files, under /workspaces/{slug}/wiki/: upload (multipart), list a page's
files, read one file's details, delete. The bytes themselves are served by the page URL the
answers carry (`url`, permission-checked, with HTTP ranges), not by the JSON API.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import File, Form, Path, Router, Schema, Status
from ninja.files import UploadedFile

from keel.core.api_support import ERROR_RESPONSES, workspace_membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.wiki import selectors
from keel.wiki.api.schemas import ID_MAX
from keel.wiki.models import Attachment
from keel.wiki.selectors.files import attachments_of, get_attachment_for, upload_result
from keel.wiki.services.files import attachment_delete, attachment_upload
from keel.wiki.services.spaces import SLUG_RE

router = Router(tags=["wiki"])

WS = "/workspaces/{slug}/wiki"
PageId = Annotated[int, Path(ge=1, le=ID_MAX, description="The page id.")]
Key = Annotated[str, Path(min_length=8, max_length=40, pattern=r"^[A-Za-z0-9_-]+$",
                          description="The file's key.")]  # fmt: skip


class FileOut(Schema):
    key: str
    name: str
    kind: str
    content_type: str
    size: int
    sha256: str
    space: str
    page_id: int | None
    url: str
    poster_url: str | None
    markdown: str
    uploaded_by: str | None
    created_at: datetime


def _file_out(attachment: Attachment, ws: str) -> dict[str, Any]:
    result = upload_result(attachment, ws)
    poster = (
        reverse("wiki_file_poster", kwargs={"ws": ws, "key": attachment.key})
        if attachment.poster else None
    )  # fmt: skip
    uploader = attachment.uploaded_by
    return {
        "key": attachment.key, "name": attachment.name, "kind": attachment.kind,
        "content_type": attachment.content_type, "size": attachment.size,
        "sha256": attachment.sha256, "space": attachment.space.slug,
        "page_id": attachment.page_id, "url": result["url"], "poster_url": poster,
        "markdown": result["markdown"],
        "uploaded_by": uploader.user.display_name if uploader else None,
        "created_at": attachment.created_at,
    }  # fmt: skip


@router.post(f"{WS}/spaces/{{space_slug}}/files", response={201: FileOut, **ERROR_RESPONSES})
def file_upload(
    request: HttpRequest,
    slug: str,
    space_slug: str,
    file: File[UploadedFile],
    page_id: Form[int | None] = None,
) -> Status[dict[str, Any]]:
    """Upload one file (multipart `file`, optional `page_id`) to a space or one of its pages.
    The type is found from the content; refused files are a 422 on `file`. A video gets a
    poster frame from the worker shortly after."""
    membership = workspace_membership(request, slug)
    if len(space_slug) > 40 or not SLUG_RE.match(space_slug):
        raise Http404
    space, _level = selectors.get_space_for(membership, space_slug)
    page = None
    if page_id is not None:
        if not 1 <= page_id <= ID_MAX:
            raise Http404
        page, _page_level = selectors.get_page_for(membership, page_id)
        if page.space_id != space.pk:
            raise Http404
    attachment = attachment_upload(
        actor=membership, space=space, page=page, file=file,
        context=AuditContext.from_request(request),
    )  # fmt: skip
    attachment.uploaded_by = membership
    return Status(201, _file_out(attachment, slug))


@router.get(f"{WS}/pages/{{page_id}}/files", response={200: list[FileOut], **ERROR_RESPONSES})
def page_file_list(request: HttpRequest, slug: str, page_id: PageId) -> list[dict[str, Any]]:
    """The page's files, newest first."""
    membership = workspace_membership(request, slug)
    require(membership, "wiki.view")
    page, _level = selectors.get_page_for(membership, page_id)
    files = attachments_of(page)
    for attachment in files:
        attachment.space = page.space
    return [_file_out(a, slug) for a in files]


@router.get(f"{WS}/files/{{key}}", response={200: FileOut, **ERROR_RESPONSES})
def file_detail(request: HttpRequest, slug: str, key: Key) -> dict[str, Any]:
    membership = workspace_membership(request, slug)
    require(membership, "wiki.view")
    attachment, _level = get_attachment_for(membership, key)
    return _file_out(attachment, slug)


@router.delete(f"{WS}/files/{{key}}", response={204: None, **ERROR_RESPONSES})
def file_delete(request: HttpRequest, slug: str, key: Key) -> Status[None]:
    """Delete a file (whoever may edit its page). Pages that show it then show its words."""
    membership = workspace_membership(request, slug)
    attachment, _level = get_attachment_for(membership, key)
    attachment_delete(actor=membership, attachment=attachment,
                      context=AuditContext.from_request(request))  # fmt: skip
    return Status(204, None)
