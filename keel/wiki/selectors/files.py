"""Reads for wiki attachments: one file by its key (checked exactly like its page), and the
files of a page. A file the reader may not open is a 404, like its page.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse

from keel.core.models import Membership
from keel.wiki.access import MANAGE, NONE, READ, can, page_levels, reader_for, space_level
from keel.wiki.models import Attachment, FileKind, Page


def get_attachment_for(
    actor: Membership, key: str, *, needed: str = READ
) -> tuple[Attachment, str]:
    """The attachment and the actor's level on its page (or space); 404 unless readable.

    Three to five small queries: the row with its space and page, then the access check.
    """
    attachment = (
        Attachment.objects.in_workspace(actor.workspace)
        .select_related("space", "page")
        .filter(key=key)
        .first()
    )
    if attachment is None:
        raise Http404
    reader = reader_for(actor)
    level = space_level(reader, attachment.space)
    if attachment.page is not None and level != NONE:
        level = page_levels(reader, [attachment.page], level)[attachment.page.pk]
    if not can(level, READ) or (
        attachment.space.archived_at is not None and not can(level, MANAGE)
    ):
        raise Http404
    if not can(level, needed):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return attachment, level


def attachments_of(page: Page) -> list[Attachment]:
    """A page's files, newest first, with their uploaders (one query)."""
    return list(
        Attachment.objects.filter(page=page, workspace_id=page.workspace_id)
        .select_related("uploaded_by__user")
        .order_by("-created_at", "-id")
    )


def _markdown_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\[]()*_`<>!" else ch for ch in text)


def upload_result(attachment: Attachment, ws: str) -> dict[str, str]:
    """What the editor inserts: an image (or a video, which the page turns into a player) or
    a link to download."""
    url = reverse("wiki_file", kwargs={"ws": ws, "key": attachment.key})
    label = _markdown_escape(attachment.name)
    if attachment.kind in (FileKind.IMAGE, FileKind.VIDEO):
        markdown = f"![{label}]({url})"
    else:
        markdown = f"[{label}]({url})"
    return {"url": url, "markdown": markdown, "name": attachment.name, "kind": attachment.kind}
