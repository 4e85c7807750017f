"""Attachments: size- and type-checked uploads, stored under a random name.

A file is accepted only when its extension is on the allowlist AND its first bytes say it is
that kind of file (a renamed .exe is refused). Files are served only through the
permission-checked download view (selectors.get_attachment_for), never from /media/.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.permissions import MANAGERS
from keel.core.services import AuditContext, same_workspace
from keel.tasks.access import require_edit_in_project
from keel.tasks.models import Attachment, Task
from keel.tasks.services._common import activity

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# extension → (content type we serve it with, sniffer kind)
ALLOWED_TYPES: dict[str, tuple[str, str]] = {
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
    "gif": ("image/gif", "gif"),
    "webp": ("image/webp", "webp"),
    "pdf": ("application/pdf", "pdf"),
    "txt": ("text/plain", "text"),
    "csv": ("text/csv", "text"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ooxml"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ooxml"),
    "zip": ("application/zip", "zip"),
    "mp4": ("video/mp4", "mp4"),
}


def max_attachment_bytes() -> int:
    return int(getattr(settings, "KEEL_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _looks_like(kind: str, head: bytes) -> bool:
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if kind == "gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if kind == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if kind == "pdf":
        return head.startswith(b"%PDF-")
    if kind in {"zip", "ooxml"}:
        return head.startswith((b"PK\x03\x04", b"PK\x05\x06"))
    if kind == "mp4":
        return head[4:8] == b"ftyp"
    if kind == "text":
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still text.
            return exc.start >= len(head) - 3
        return True
    return False  # pragma: no cover - every kind is listed above


def _is_ooxml(upload: UploadedFile) -> bool:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)


def check_upload(upload: UploadedFile) -> tuple[str, str]:
    """(clean file name, content type) or ValidationError({"file": …}) naming the problem."""
    name = os.path.basename((upload.name or "").replace("\\", "/")).strip()[:255]
    if not name:
        raise ValidationError({"file": _("Choose a file to attach.")})
    size = upload.size or 0
    limit = max_attachment_bytes()
    if size > limit:
        raise ValidationError(
            {"file": _("%(name)s is %(size)s; attachments can be at most %(limit)s.")
             % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}}
        )  # fmt: skip
    if size == 0:
        raise ValidationError({"file": _("%(name)s is empty.") % {"name": name}})
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED_TYPES:
        allowed = ", ".join(sorted(ALLOWED_TYPES))
        raise ValidationError(
            {"file": _("Files of type .%(ext)s cannot be attached. Allowed: %(allowed)s.")
             % {"ext": ext or "?", "allowed": allowed}}
        )  # fmt: skip
    content_type, kind = ALLOWED_TYPES[ext]
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if not _looks_like(kind, head) or (kind == "ooxml" and not _is_ooxml(upload)):
        raise ValidationError(
            {"file": _("%(name)s is not really a .%(ext)s file; its content is of another "
                       "type.") % {"name": name, "ext": ext}}
        )  # fmt: skip
    return name, content_type


@transaction.atomic
def attachment_add(
    *, actor: Membership, task: Task, upload: UploadedFile, context: AuditContext | None = None
) -> Attachment:
    same_workspace(actor, task)
    require_edit_in_project(actor, task.project)
    name, content_type = check_upload(upload)
    ext = name.rsplit(".", 1)[-1].lower()
    attachment = Attachment(
        workspace=actor.workspace, task=task, name=name, size=upload.size or 0,
        content_type=content_type, uploaded_by=actor,
    )  # fmt: skip
    # A random stored name: the original name never reaches the file system.
    attachment.file.save(f"{uuid.uuid4().hex}.{ext}", upload, save=False)
    stored = attachment.file.name
    try:
        attachment.save()
    except Exception:
        default_storage.delete(stored)
        raise
    activity(task, actor, "attached", name=name)
    return attachment


@transaction.atomic
def attachment_delete(
    *, actor: Membership, attachment: Attachment, context: AuditContext | None = None
) -> None:
    """The uploader, or a manager and above, may delete; the file goes once the row is gone."""
    same_workspace(actor, attachment)
    task = attachment.task
    require_edit_in_project(actor, task.project)
    if attachment.uploaded_by_id != actor.pk and actor.role not in MANAGERS:
        raise PermissionDenied(_("Only the person who attached the file can delete it."))
    stored, name = attachment.file.name, attachment.name
    attachment.delete()
    activity(task, actor, "detached", name=name)
    transaction.on_commit(lambda: default_storage.delete(stored))
