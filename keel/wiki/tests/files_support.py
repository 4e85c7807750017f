# mypy: disable-error-code="attr-defined,union-attr,arg-type,index"
"""What the wiki file tests share: files made in the test (pictures with Pillow, Office files
and archives with zipfile, videos with ffmpeg), a fresh in-memory storage per test, a space
and a page, and the URLs of a file."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from keel.wiki import services
from keel.wiki.models import Attachment
from keel.wiki.services.files import attachment_upload

FFMPEG = shutil.which("ffmpeg")
needs_ffmpeg = pytest.mark.skipif(FFMPEG is None, reason="needs ffmpeg (apt-get install ffmpeg)")


# --- Files made in the test ------------------------------------------------------------------


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, fmt)
    return out.getvalue()


def zip_bytes(entries: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return out.getvalue()


def ooxml(folder: str) -> bytes:
    return zip_bytes({"[Content_Types].xml": "<Types/>", f"{folder}/document.xml": "<x/>"})


def fake_mp4(size: int = 64) -> bytes:
    """An MP4 header ("ftyp" box) and padding: enough for type and size checks."""
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    return head + b"\x00" * max(0, size - len(head))


def make_video(tmp_path: Path, suffix: str) -> bytes:
    """A 2-second 64x64 test pattern, made with ffmpeg (a few KB)."""
    out = tmp_path / f"clip.{suffix}"
    codec = ["-c:v", "libvpx", "-b:v", "50k"] if suffix == "webm" else ["-c:v", "mpeg4"]
    subprocess.run(
        [str(FFMPEG), "-v", "error", "-y", "-f", "lavfi", "-i",
         "testsrc=duration=2:size=64x64:rate=10", *codec, str(out)],
        check=True, timeout=60,
    )  # fmt: skip
    return out.read_bytes()


SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(document.cookie)</script></svg>"
)
EXE = b"MZ\x90\x00" + b"\x00" * 56 + b"\x40\x00\x00\x00" + b"PE\x00\x00" + b"\x00" * 200


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def stored_files(workspace) -> list[str]:
    try:
        return default_storage.listdir(f"wiki/{workspace.pk}")[1]
    except FileNotFoundError:
        return []


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    """Each test its own in-memory storage, so "nothing stored" means this test stored nothing."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture
def space(owner):
    return services.space_create(actor=owner, name="Operations", slug="ops")


@pytest.fixture
def page(owner, space):
    return services.page_create(actor=owner, space=space, title="Returns", body="Hello")


def add(actor, space, page, name, data) -> Attachment:
    return attachment_upload(actor=actor, space=space, page=page, file=upload(name, data))


def file_url(attachment, suffix=""):
    ws = attachment.workspace.slug
    return reverse("wiki_file" + suffix, kwargs={"ws": ws, "key": attachment.key})


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def upload_url(space):
    return reverse("wiki_file_upload", kwargs={"ws": space.workspace.slug, "space": space.slug})
