# mypy: disable-error-code="attr-defined,union-attr,arg-type,index"
"""Wiki file uploads: types found from the content (every allowed kind, and refusals), names
that cannot reach the file system, size limits, nothing stored by a failed upload, and
delete. Serving, the endpoints and videos in pages: test_files_serving.py."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from keel.core.models import AuditEvent
from keel.wiki import services
from keel.wiki.models import Attachment, FileKind, Level
from keel.wiki.services import files as file_services
from keel.wiki.services.files import attachment_delete, clean_name
from keel.wiki.tests import files_support
from keel.wiki.tests.files_support import (
    EXE,
    SVG,
    add,
    fake_mp4,
    image_bytes,
    make_video,
    needs_ffmpeg,
    ooxml,
    stored_files,
    zip_bytes,
)

pytestmark = pytest.mark.django_db
# Fixtures shared with the other file tests.
fresh_storage = files_support.fresh_storage
space = files_support.space
page = files_support.page


# --- Types ----------------------------------------------------------------------------------

ALLOWED = [
    ("photo.png", lambda: image_bytes("PNG"), "image/png", FileKind.IMAGE),
    ("photo.jpg", lambda: image_bytes("JPEG"), "image/jpeg", FileKind.IMAGE),
    ("anim.gif", lambda: image_bytes("GIF"), "image/gif", FileKind.IMAGE),
    ("pic.webp", lambda: image_bytes("WEBP"), "image/webp", FileKind.IMAGE),
    ("clip.mp4", fake_mp4, "video/mp4", FileKind.VIDEO),
    ("guide.pdf", lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
     "application/pdf", FileKind.FILE),
    ("letter.docx", lambda: ooxml("word"),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileKind.FILE),
    ("stock.xlsx", lambda: ooxml("xl"),
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileKind.FILE),
    ("deck.pptx", lambda: ooxml("ppt"),
     "application/vnd.openxmlformats-officedocument.presentationml.presentation", FileKind.FILE),
    ("old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
     "application/msword", FileKind.FILE),
    ("orders.csv", lambda: "order,reason\n1001,退款\n".encode(), "text/csv", FileKind.FILE),
    ("orders-gbk.csv", lambda: "订单,原因\n1001,退款\n".encode("gb18030"), "text/csv",
     FileKind.FILE),
    ("notes.txt", lambda: b"Check stock every Monday.\n", "text/plain", FileKind.FILE),
    ("export.zip", lambda: zip_bytes({"a.txt": "hi"}), "application/zip", FileKind.FILE),
    ("logo.svg", lambda: SVG, "image/svg+xml", FileKind.FILE),  # a download, never inline
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "content_type", "kind"), ALLOWED,
                         ids=[row[0] for row in ALLOWED])  # fmt: skip
def test_allowed_types_are_found_from_the_content(owner, space, page, name, make, content_type,
                                                   kind):  # fmt: skip
    data = make()
    attachment = add(owner, space, page, name, data)
    assert (attachment.content_type, attachment.kind, attachment.name) == (content_type, kind, name)
    assert attachment.size == len(data)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert attachment.file.name == f"wiki/{owner.workspace_id}/{attachment.key}"
    assert attachment.uploaded_by == owner
    event = AuditEvent.objects.get(action="wiki.file_uploaded")
    assert event.data["name"] == name


@needs_ffmpeg
@pytest.mark.parametrize("suffix", ["webm", "mp4"])
def test_real_videos_are_videos(owner, space, page, tmp_path, suffix):
    attachment = add(owner, space, page, f"how-to-pack.{suffix}", make_video(tmp_path, suffix))
    assert attachment.kind == FileKind.VIDEO
    assert attachment.content_type == f"video/{suffix}"


REFUSED = [
    ("setup.png", EXE, "This kind of file is not allowed"),  # a program renamed .png
    ("setup.exe", EXE, "This kind of file is not allowed"),
    ("random.bin", bytes(range(256)) * 4, "This kind of file is not allowed"),
    ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>",
     "This kind of file is not allowed"),
    ("clip.mp4", zip_bytes({"a.txt": "hi"}), "is not really a .mp4 file"),  # a zip named .mp4
    ("scan.pdf", image_bytes("PNG"), "is not really a .pdf file"),
    ("logo.png", SVG, "is not really a .png file"),  # SVG pretending to be a PNG
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "could not be read as a picture"),
    ("tune.mp3", b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 100,
     "This kind of file is not allowed"),
    ("empty.txt", b"", "is empty"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_files_say_why_and_store_nothing(owner, space, page, name, data, message):
    with pytest.raises(ValidationError) as error:
        add(owner, space, page, name, data)
    assert message in " ".join(error.value.messages)
    assert not Attachment.objects.exists()
    assert stored_files(owner.workspace) == []
    assert not AuditEvent.objects.filter(action="wiki.file_uploaded").exists()


def test_a_picture_with_the_wrong_image_extension_keeps_its_real_type(owner, space, page):
    attachment = add(owner, space, page, "photo.jpg", image_bytes("PNG"))
    assert attachment.content_type == "image/png" and attachment.kind == FileKind.IMAGE


def test_unknown_or_missing_extension_gets_the_real_one(owner, space, page):
    assert add(owner, space, page, "photo", image_bytes()).name == "photo.png"
    assert add(owner, space, page, "report.exe", b"%PDF-1.4\n%%EOF\n").name == "report.exe.pdf"


# --- Names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("/etc/shadow.txt", "shadow.txt"),
        ("C:\\Users\\x.png", "x.png"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("a\x00b\nc\u202egnp.txt", "abcgnp.txt"),  # control and direction characters go
        ("  spaced   out .png ", "spaced out .png"),
        ("..", ""),
        ("退款流程.png", "退款流程.png"),
    ],
)
def test_clean_name(raw, shown):
    assert clean_name(raw) == shown


def test_long_names_keep_their_extension():
    name = clean_name("x" * 300 + ".pdf")
    assert len(name) == 200 and name.endswith(".pdf")


@pytest.mark.parametrize("raw", ["../../etc/passwd", "C:\\x.png", "/abs/path/x.png"])
def test_path_names_are_display_names_only(owner, space, page, raw):
    data = image_bytes() if raw.endswith(".png") else b"root:x:0:0\n"
    attachment = add(owner, space, page, raw, data)
    assert "/" not in attachment.name and "\\" not in attachment.name
    assert attachment.file.name == f"wiki/{owner.workspace_id}/{attachment.key}"
    assert len(attachment.key) >= 30


# --- Sizes and failures ---------------------------------------------------------------------


@override_settings(KEEL_WIKI_MAX_FILE_MB=1, KEEL_WIKI_MAX_VIDEO_MB=2)
def test_files_and_videos_have_their_own_limits(owner, space, page):
    big_text = b"a,b\n" * (400 * 1024)  # 1.6 MB
    with pytest.raises(ValidationError) as error:
        add(owner, space, page, "big.csv", big_text)
    assert "files can be at most 1.0\xa0MB" in error.value.messages[0]
    video = add(owner, space, page, "big.mp4", fake_mp4(1_600_000))  # under the video limit
    assert video.kind == FileKind.VIDEO
    with pytest.raises(ValidationError) as error:
        add(owner, space, page, "huge.mp4", fake_mp4(2_200_000))
    assert "videos can be at most 2.0\xa0MB" in error.value.messages[0]
    assert stored_files(owner.workspace) == [video.key]


def test_a_failure_after_storing_removes_the_file(owner, space, page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(file_services, "audit_event", broken)
    with pytest.raises(RuntimeError):
        add(owner, space, page, "photo.png", image_bytes())
    assert stored_files(owner.workspace) == []
    assert not Attachment.objects.exists()


def test_upload_needs_edit_rights(owner, space, page, assistant, member, workspace):
    with pytest.raises(PermissionDenied):
        add(assistant, space, page, "photo.png", image_bytes())
    services.grant_set(actor=owner, space=space, level=Level.READ, membership=assistant)
    with pytest.raises(PermissionDenied):
        add(type(assistant).objects.get(pk=assistant.pk), space, page, "p.png", image_bytes())
    assert add(member, space, None, "space-wide.png", image_bytes()).page is None
    assert stored_files(workspace) and Attachment.objects.count() == 1


def test_delete_removes_row_and_bytes_after_commit(owner, space, page, member,
                                                   django_capture_on_commit_callbacks):  # fmt: skip
    attachment = add(owner, space, page, "photo.png", image_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(actor=member, attachment=attachment)
    assert not Attachment.objects.exists()
    assert stored_files(owner.workspace) == []
    assert AuditEvent.objects.filter(action="wiki.file_deleted").exists()
