"""Files and videos: the permission-checked download (with HTTP ranges, so videos seek), the
poster frame, the editor's upload endpoint (JSON), and a page's Files panel (no JavaScript
needed: list, upload, delete).

Every file response carries `X-Content-Type-Options: nosniff` and a CSP that forbids
everything (`default-src 'none'; sandbox`), so even a file opened directly cannot run
script; only images (not SVG), videos and PDFs are shown inline, everything else downloads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.fields.files import FieldFile
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from keel.core.middleware import request_membership
from keel.core.services import AuditContext
from keel.ui.forms import submit
from keel.wiki import selectors
from keel.wiki.access import EDIT, can
from keel.wiki.forms.files import FileUploadForm
from keel.wiki.models import Attachment, FileKind
from keel.wiki.selectors.files import attachments_of, get_attachment_for, upload_result
from keel.wiki.services.files import attachment_delete, attachment_upload

CHUNK = 256 * 1024
FILE_CSP = "default-src 'none'; sandbox"
INLINE_TYPES = frozenset({"application/pdf"})


# --- Serving --------------------------------------------------------------------------------


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """The (first, last) byte of a single `bytes=` range; None to answer with the whole file
    (no header, a header we do not understand, or several ranges); False if unsatisfiable."""
    unit, _sep, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or not spec or "," in spec:
        return None
    first_s, dash, last_s = spec.strip().partition("-")
    if not dash or not (first_s or last_s) or not (first_s + last_s).isdigit():
        return None
    try:
        if not first_s:  # suffix: the last n bytes
            n = int(last_s)
            if n <= 0:
                return False
            return max(0, size - n), size - 1
        first = int(first_s)
        last = int(last_s) if last_s else None
    except ValueError:
        return None
    if first < 0 or (last is not None and last < first):
        return None  # invalid syntax: ignored, as RFC 9110 says
    if first >= size:
        return False
    if last is None:
        return first, size - 1
    return first, min(last, size - 1)


class _RangeReader:
    """Streams bytes [first, first + length) of a file and closes it, even if never read."""

    def __init__(self, handle: IO[bytes], first: int, length: int) -> None:
        self.handle, self.first, self.length = handle, first, length

    def __iter__(self) -> Iterator[bytes]:
        self.handle.seek(self.first)
        remaining = self.length
        while remaining > 0:
            chunk = self.handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.handle.close()


def _protect(response: HttpResponseBase) -> HttpResponseBase:
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    # Private: only the reader's browser keeps it. A key's bytes never change, so an hour is
    # safe and spares a page full of pictures a request per picture.
    response["Cache-Control"] = "private, max-age=3600"
    return response


def serve_file(
    request: HttpRequest, field: FieldFile, *, size: int, content_type: str, filename: str,
    inline: bool, etag: str, last_modified: int,
) -> HttpResponseBase:  # fmt: skip
    """A stored file with conditional GET and single-range support (206 / 416)."""
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        not_modified["ETag"] = etag
        return _protect(not_modified)
    wanted = parse_range(request.headers.get("Range", ""), size)
    if_range = request.headers.get("If-Range", "")
    if wanted is not None and if_range and if_range != etag:
        since = parse_http_date_safe(if_range)
        if since is None or since < last_modified:
            wanted = None  # the file changed since the client's copy: send all of it
    if wanted is False:
        response: HttpResponseBase = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _protect(response)
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    if isinstance(wanted, tuple):
        first, last = wanted
        response = StreamingHttpResponse(
            _RangeReader(handle, first, last - first + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = content_disposition_header(not inline, filename) or "inline"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return _protect(response)


def _is_inline(attachment: Attachment) -> bool:
    if attachment.content_type == "image/svg+xml":
        return False
    return attachment.kind in (FileKind.IMAGE, FileKind.VIDEO) or (
        attachment.content_type in INLINE_TYPES
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def file_download(request: HttpRequest, ws: str, key: str) -> HttpResponseBase:
    attachment, _level = get_attachment_for(request_membership(request), key)
    return serve_file(
        request, attachment.file, size=attachment.size,
        content_type=attachment.content_type or "application/octet-stream",
        filename=attachment.name, inline=_is_inline(attachment),
        etag=f'"{attachment.sha256 or attachment.key}"',
        last_modified=int(attachment.created_at.timestamp()),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "HEAD"])
def file_poster(request: HttpRequest, ws: str, key: str) -> HttpResponseBase:
    attachment, _level = get_attachment_for(request_membership(request), key)
    if not attachment.poster:
        raise Http404
    try:
        size = attachment.poster.size
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    stem = attachment.name.rsplit(".", 1)[0] or "poster"
    return serve_file(
        request, attachment.poster, size=size, content_type="image/jpeg",
        filename=f"{stem}.jpg", inline=True, etag=f'"poster-{attachment.key}-{size}"',
        last_modified=int(attachment.updated_at.timestamp()),
    )  # fmt: skip


# --- Uploading ------------------------------------------------------------------------------


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@login_required
@require_POST
def file_upload(request: HttpRequest, ws: str, space: str) -> JsonResponse:
    """The editor's paste/drop upload: multipart `file` (+ optional `page` id) → JSON."""
    actor = request_membership(request)
    space_obj, _level = selectors.get_space_for(actor, space)
    page = None
    page_id = request.POST.get("page", "").strip()
    if page_id:
        page, _page_level = selectors.get_page_for(actor, page_id)
        if page.space_id != space_obj.pk:
            raise Http404
    upload = request.FILES.get("file")
    if upload is None:
        return _error(_("Choose a file to upload."))
    try:
        attachment = attachment_upload(
            actor=actor, space=space_obj, page=page, file=upload,
            context=AuditContext.from_request(request),
        )  # fmt: skip
    except ValidationError as error:
        return _error(" ".join(error.messages))
    except PermissionDenied as error:
        return _error(str(error) or _("You cannot add files here."), status=403)
    return JsonResponse(upload_result(attachment, ws), status=201)


# --- A page's Files panel -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def page_files(request: HttpRequest, ws: str, page_id: int) -> HttpResponse:
    actor = request_membership(request)
    page, level = selectors.get_page_for(actor, page_id)
    live = page.archived_at is None and page.space.archived_at is None
    can_edit = can(level, EDIT) and live
    form = FileUploadForm(request.POST or None, request.FILES or None, auto_id="upload-%s")
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("You cannot add files to this page."))
        attachment = submit(request, form, lambda data: attachment_upload(
            actor=actor, space=page.space, page=page, file=data["file"],
            context=AuditContext.from_request(request),
        ))  # fmt: skip
        if attachment is not None:
            messages.success(request, _("%(name)s uploaded.") % {"name": attachment.name})
            return redirect("wiki_page_files", ws=ws, page_id=page.pk)
    context = {
        "page": page,
        "space": page.space,
        "files": [(a, upload_result(a, ws)["markdown"]) for a in attachments_of(page)],
        "form": form,
        "can_edit": can_edit,
    }
    return render(request, "wiki/files/page_files.html", context,
                  status=400 if form.errors else 200)  # fmt: skip


@login_required
@require_POST
def file_delete(request: HttpRequest, ws: str, key: str) -> HttpResponse:
    actor = request_membership(request)
    attachment, level = get_attachment_for(actor, key)
    page_id, name = attachment.page_id, attachment.name
    if not can(level, EDIT):
        raise PermissionDenied(_("You cannot delete this file."))
    try:
        attachment_delete(actor=actor, attachment=attachment,
                          context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s deleted.") % {"name": name})
    if page_id is not None:
        return redirect("wiki_page_files", ws=ws, page_id=page_id)
    return redirect("wiki_space", ws=ws, space=attachment.space.slug)
