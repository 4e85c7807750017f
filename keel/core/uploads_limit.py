"""Requests larger than KEEL_MAX_UPLOAD_MB are refused with 413 before their body is read.

Django reads a whole multipart body (to memory or a temporary file) before any view can look
at the file's size, so a 2 GB upload used to cost 2 GB of disk and the time to receive it.
The middleware refuses on the declared Content-Length before anything reads the body; the
upload handler (first in FILE_UPLOAD_HANDLERS) stops the parser as soon as the streamed bytes
pass the limit, for any path the middleware does not see. Per-feature limits (attachments,
wiki files) stay where they are, smaller than this one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from keel.core.api_support import problem_response

Handler = Callable[[HttpRequest], HttpResponse]

# Form fields and multipart framing travel with the largest allowed file.
_FRAMING_BYTES = 1024 * 1024
_REFUSED = "_keel_upload_too_large"


def max_request_bytes() -> int:
    return int(settings.KEEL_MAX_UPLOAD_MB) * 1024 * 1024 + _FRAMING_BYTES


class UploadTooLarge(RequestDataTooBig):
    """A RequestDataTooBig (Django then refuses to read the POST again); the middleware turns
    the response into a 413."""


def _refuse(request: HttpRequest | None) -> None:
    if request is not None:
        setattr(request, _REFUSED, True)
    raise UploadTooLarge(f"Request body larger than {max_request_bytes()} bytes")


def too_large_response(request: HttpRequest) -> HttpResponse:
    limit_mb = int(settings.KEEL_MAX_UPLOAD_MB)
    detail = _("The upload is larger than %(size)s MB, the most this server accepts.") % {
        "size": limit_mb
    }
    if request.path.startswith("/api/"):
        return problem_response(413, code="upload_too_large", detail=detail)
    title = _("Upload too large")
    back = _("Go back and choose a smaller file.")
    html = format_html(
        '<!doctype html><html lang="{}"><head><meta charset="utf-8"><title>{} · Keel</title>'
        '</head><body><main><h1>{}</h1><p>{}</p><p>{}</p></main></body></html>',
        get_language() or settings.LANGUAGE_CODE, title, title, detail, back,
    )  # fmt: skip
    return HttpResponse(html, status=413)


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django treats it as empty too


class UploadLimitMiddleware:
    """Refuses on Content-Length at once; turns the handler's refusal into the same 413."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _declared_length(request) > max_request_bytes():
            return too_large_response(request)
        response = self.get_response(request)
        if getattr(request, _REFUSED, False):
            return too_large_response(request)
        return response


class UploadLimitHandler(FileUploadHandler):
    """Counts the file bytes as the multipart parser streams them; passes them on unchanged
    to the next handler (memory or temporary file)."""

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        self.received = 0
        if content_length > max_request_bytes():
            _refuse(self.request)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > max_request_bytes():
            _refuse(self.request)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file
