"""Wiki attachments: upload (type found from the content, size limits from settings) and delete.

Why this shape:
- The type comes from the bytes (`filetype`, plus small checks of our own for what it does not
  know: SVG, text, legacy Office), never from the name or the browser's Content-Type. The name
  is only for display; an extension that names another known type ("video.mp4" holding a zip)
  is refused, so what people download is what the name says.
- The stored file is named by the random `key` (models.files._upload_to): a person's file
  name never reaches the file system, so `../`, absolute or Windows paths cannot escape.
- SVG can carry script: it is kept as a plain file (kind "file"), served as a download only.
- Everything is checked before anything is written; if a write fails after the file was
  stored, the file is deleted again, so a failed upload leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from keel.core.models import Membership
from keel.core.services import AuditContext, audit_event, same_workspace
from keel.wiki.access import EDIT, require_page, require_space
from keel.wiki.models import Attachment, FileKind, Page, Space

if TYPE_CHECKING:
    from django.core.files.base import File

log = logging.getLogger(__name__)

NAME_MAX = 200
HEAD_BYTES = 8192  # filetype looks at most this far
CHUNK = 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000  # a 7000 x 7000 photo fits; a decompression bomb does not

# content type → (kind, extensions the name may carry). The first extension is the one added
# to a name whose extension we do not know ("scan.v2" holding a PDF → "scan.v2.pdf").
ALLOWED: dict[str, tuple[str, tuple[str, ...]]] = {
    "image/png": (FileKind.IMAGE, ("png", "apng")),
    "image/jpeg": (FileKind.IMAGE, ("jpg", "jpeg", "jpe", "jfif")),
    "image/gif": (FileKind.IMAGE, ("gif",)),
    "image/webp": (FileKind.IMAGE, ("webp",)),
    "image/svg+xml": (FileKind.FILE, ("svg",)),  # never inline: see the module docstring
    "video/mp4": (FileKind.VIDEO, ("mp4", "m4v")),
    "video/webm": (FileKind.VIDEO, ("webm",)),
    "application/pdf": (FileKind.FILE, ("pdf",)),
    "application/msword": (FileKind.FILE, ("doc",)),
    "application/vnd.ms-excel": (FileKind.FILE, ("xls",)),
    "application/vnd.ms-powerpoint": (FileKind.FILE, ("ppt",)),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        FileKind.FILE, ("docx",)),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
        FileKind.FILE, ("xlsx",)),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        FileKind.FILE, ("pptx",)),
    "application/vnd.oasis.opendocument.text": (FileKind.FILE, ("odt",)),
    "application/vnd.oasis.opendocument.spreadsheet": (FileKind.FILE, ("ods",)),
    "application/vnd.oasis.opendocument.presentation": (FileKind.FILE, ("odp",)),
    "application/rtf": (FileKind.FILE, ("rtf",)),
    "text/csv": (FileKind.FILE, ("csv",)),
    "text/plain": (FileKind.FILE, ("txt", "text", "md", "log", "tsv")),
    "application/zip": (FileKind.FILE, ("zip",)),
}  # fmt: skip
EXTENSION_TYPE = {ext: ctype for ctype, (_kind, exts) in ALLOWED.items() for ext in exts}
# Archives whose first bytes say only "zip": the entries tell which Office format it is.
_ZIP_MARKERS = {
    "docx": "word/", "xlsx": "xl/", "pptx": "ppt/",
    "odt": "mimetype", "ods": "mimetype", "odp": "mimetype",
}  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_EXT = {"doc": "application/msword", "xls": "application/vnd.ms-excel",
            "ppt": "application/vnd.ms-powerpoint"}  # fmt: skip
_SVG_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--.*?-->\s*)*<svg\b",
    re.IGNORECASE | re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Sniffed:
    content_type: str
    kind: str
    name: str  # the display name, with an extension that agrees with the content


def max_bytes(kind: str) -> int:
    """The size limit for a kind of file, from settings (MB)."""
    if kind == FileKind.VIDEO:
        return int(getattr(settings, "KEEL_WIKI_MAX_VIDEO_MB", 200)) * 1024 * 1024
    return int(getattr(settings, "KEEL_WIKI_MAX_FILE_MB", 25)) * 1024 * 1024


def clean_name(raw: str | None) -> str:
    """A display name: the last path part (either slash), no control characters, ≤ 200."""
    name = unicodedata.normalize("NFC", str(raw or ""))
    name = _CONTROL.sub("", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = " ".join(name.split()).strip(" .")
    if len(name) > NAME_MAX:
        stem, dot, ext = name.rpartition(".")
        ext = ext[:16] if dot and stem else ""
        name = (name[: NAME_MAX - len(ext) - 1] + "." + ext) if ext else name[:NAME_MAX]
    return name


def _extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut at the end of the sample
                return True
            continue
        return True
    return False


def _zip_has(upload: IO[bytes], marker: str) -> bool:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    if marker == "mimetype":  # OpenDocument: the first entry names the format
        return "mimetype" in names
    return "[Content_Types].xml" in names and any(n.startswith(marker) for n in names)


def _refuse_kind(what: str) -> ValidationError:
    return ValidationError({"file": _(
        "This kind of file is not allowed: %(what)s. Upload an image (PNG, JPEG, GIF, WebP), "
        "a video (MP4, WebM), a PDF, an Office document, CSV or text, or a ZIP archive."
    ) % {"what": what}})  # fmt: skip


def sniff(upload: IO[bytes], name: str) -> Sniffed:
    """What the file really is, from its content; ValidationError({"file": …}) if refused."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    ext = _extension(name)
    guess = filetype.guess(head)
    content_type = guess.mime if guess is not None else ""
    if (
        content_type == "application/zip"
        and ext in _ZIP_MARKERS
        and _zip_has(upload, _ZIP_MARKERS[ext])
    ):
        content_type = EXTENSION_TYPE[ext]  # an Office file whose first entries say only "zip"
    elif not content_type and head.startswith(_OLE_MAGIC) and ext in _OLE_EXT:
        content_type = _OLE_EXT[ext]
    elif not content_type and _SVG_START.match(head.lstrip(b"\xef\xbb\xbf")):
        content_type = "image/svg+xml"
    elif not content_type and _is_text(head) and ext in ("", *ALLOWED["text/plain"][1], "csv"):
        content_type = "text/csv" if ext == "csv" else "text/plain"
    if content_type not in ALLOWED:
        what = guess.extension.upper() if guess is not None else (f".{ext}" if ext else name)
        if guess is not None and guess.mime in ("application/x-msdownload",
                                                "application/x-executable"):  # fmt: skip
            what = _("a program")
        raise _refuse_kind(what)
    kind, extensions = ALLOWED[content_type]
    if ext and ext not in extensions:
        claimed = EXTENSION_TYPE.get(ext)
        same_family = claimed and ALLOWED[claimed][0] == FileKind.IMAGE == kind
        if claimed and not same_family:
            raise ValidationError({"file": _(
                "%(name)s is not really a .%(ext)s file: its content is %(what)s. Rename it or "
                "upload the right file."
            ) % {"name": name, "ext": ext, "what": extensions[0].upper()}})  # fmt: skip
        if not claimed:  # an extension we do not know: add the one the content has
            name = clean_name(f"{name}.{extensions[0]}")
    elif not ext:
        name = clean_name(f"{name}.{extensions[0]}")
    if kind == FileKind.IMAGE:
        _check_image(upload, name)
    return Sniffed(content_type=content_type, kind=kind, name=name)


def _check_image(upload: IO[bytes], name: str) -> None:
    """The picture must decode (Pillow) and not be absurdly large once decoded."""
    import warnings

    from PIL import Image

    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                image.verify()
    except Exception as exc:  # Pillow raises many kinds of errors for broken images
        raise ValidationError({"file": _(
            "%(name)s could not be read as a picture. Save it again as PNG or JPEG and retry."
        ) % {"name": name}}) from exc  # fmt: skip
    finally:
        upload.seek(0)
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError({"file": _(
            "%(name)s is too large a picture (%(w)s × %(h)s pixels). Make it smaller and retry."
        ) % {"name": name, "w": width, "h": height}})  # fmt: skip


def _check_size(name: str, size: int, kind: str) -> None:
    limit = max_bytes(kind)
    if size > limit:
        message = (
            _("%(name)s is %(size)s; videos can be at most %(limit)s.")
            if kind == FileKind.VIDEO
            else _("%(name)s is %(size)s; files can be at most %(limit)s.")
        )
        values = {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        raise ValidationError({"file": message % values})


def _digest(upload: IO[bytes]) -> tuple[str, int]:
    sha, size = hashlib.sha256(), 0
    upload.seek(0)
    while chunk := upload.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return sha.hexdigest(), size


def _check_target(actor: Membership, space: Space, page: Page | None) -> None:
    same_workspace(actor, space, page)
    if page is not None:
        if page.space_id != space.pk:
            raise ValidationError({"page": _("Choose a page in the same space.")})
        require_page(actor, page, EDIT)
        if page.archived_at is not None:
            raise ValidationError({"page": _("This page is archived.")})
    else:
        require_space(actor, space, EDIT)
    if space.archived_at is not None:
        raise ValidationError(_("This space is archived."))


def attachment_upload(
    *,
    actor: Membership,
    space: Space,
    page: Page | None = None,
    file: File[bytes],
    context: AuditContext | None = None,
) -> Attachment:
    """Store one uploaded file for a page (or a space); a video gets a poster frame later."""
    _check_target(actor, space, page)
    name = clean_name(file.name)
    if not name:
        name = _("file")
    size = file.size or 0
    if size == 0:
        raise ValidationError({"file": _("%(name)s is empty.") % {"name": name}})
    # Before reading anything: nothing bigger than the largest limit is even looked at.
    _check_size(name, size, FileKind.VIDEO if size > max_bytes(FileKind.FILE) else FileKind.FILE)
    sniffed = sniff(file, name)
    _check_size(sniffed.name, size, sniffed.kind)
    sha256, size = _digest(file)  # the bytes actually there, whatever the upload claimed
    if size == 0:
        raise ValidationError({"file": _("%(name)s is empty.") % {"name": name}})
    _check_size(sniffed.name, size, sniffed.kind)
    attachment = Attachment(
        workspace=actor.workspace, space=space, page=page, key=secrets.token_urlsafe(24),
        name=sniffed.name, content_type=sniffed.content_type, kind=sniffed.kind, size=size,
        sha256=sha256, uploaded_by=actor,
    )  # fmt: skip
    attachment.file.save(attachment.key, file, save=False)
    stored = attachment.file.name
    try:
        with transaction.atomic():
            attachment.save()
            audit_event(actor, "wiki.file_uploaded", attachment, context,
                        name=attachment.name, kind=attachment.kind, size=size)  # fmt: skip
            if attachment.kind == FileKind.VIDEO:
                from keel.wiki.jobs import make_poster

                pk = attachment.pk
                transaction.on_commit(lambda: make_poster.enqueue(pk))
    except BaseException:
        attachment.file.storage.delete(stored)  # no orphan file for a row that is not there
        raise
    return attachment


@transaction.atomic
def attachment_delete(
    *, actor: Membership, attachment: Attachment, context: AuditContext | None = None
) -> None:
    """Whoever may edit the page (or space) may delete its files; the bytes go after commit."""
    same_workspace(actor, attachment)
    if attachment.page is not None:
        require_page(actor, attachment.page, EDIT)
    else:
        require_space(actor, attachment.space, EDIT)
    storage = attachment.file.storage
    stored = [name for name in (attachment.file.name, attachment.poster.name) if name]
    audit_event(actor, "wiki.file_deleted", attachment, context, name=attachment.name)
    attachment.delete()

    def remove() -> None:
        for name in stored:
            storage.delete(name)

    transaction.on_commit(remove)
