"""Wiki background jobs: review tasks for pages that are due, and the poster frame of a video.

The poster is one JPEG frame taken by Debian's `ffmpeg` (a subprocess: no shell, a timeout,
only the file protocol, the demuxer forced to the container we accepted, so a crafted file
cannot make ffmpeg read a playlist or a URL). Without ffmpeg the job logs once and leaves no
poster: the page then shows a neutral placeholder. Idempotent: a video that already has a
poster is left as it is.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django_tasks import task

log = logging.getLogger(__name__)

FFMPEG_TIMEOUT = 60  # seconds; a frame near the start of a file takes well under one
POSTER_WIDTH = 1280
_DEMUXER = {"video/mp4": "mp4", "video/webm": "webm"}  # ffmpeg -f names (mov / matroska)
_warned = False


def ffmpeg_path() -> str | None:
    global _warned
    path = shutil.which("ffmpeg")
    if path is None and not _warned:
        _warned = True
        log.warning("ffmpeg is not installed: wiki videos get no poster frame "
                    "(apt-get install ffmpeg)")  # fmt: skip
    return path


def extract_frame(ffmpeg: str, source: Path, content_type: str, *, at: float = 1.0) -> bytes:
    """One JPEG frame `at` seconds in (the first frame if the video is shorter); b"" if none."""
    demuxer = {"mp4": "mov", "webm": "matroska"}[_DEMUXER[content_type]]
    with tempfile.TemporaryDirectory(prefix="keel-poster-") as tmp:
        out = Path(tmp) / "poster.jpg"
        for seek in (at, 0.0):
            command = [
                ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-protocol_whitelist", "file", "-f", demuxer, "-ss", str(seek), "-i", str(source),
                "-frames:v", "1", "-vf", f"scale='min({POSTER_WIDTH},iw)':-2",
                "-f", "image2", "-c:v", "mjpeg", "-q:v", "4", str(out),
            ]  # fmt: skip
            try:
                subprocess.run(command, check=True, capture_output=True, timeout=FFMPEG_TIMEOUT)  # noqa: S603
            except subprocess.TimeoutExpired:
                log.warning("ffmpeg took longer than %ss on %s", FFMPEG_TIMEOUT, source.name)
                return b""
            except subprocess.CalledProcessError as exc:
                log.info("ffmpeg could not read %s: %s", source.name, exc.stderr[-500:])
                return b""
            if out.exists() and out.stat().st_size > 0:
                return out.read_bytes()
    return b""


@task()
def make_poster(attachment_id: int) -> bool:
    """Take the poster frame of a video attachment; True when one was saved."""
    from keel.wiki.models import Attachment, FileKind

    attachment = Attachment.objects.filter(pk=attachment_id, kind=FileKind.VIDEO).first()
    if attachment is None or attachment.poster or attachment.content_type not in _DEMUXER:
        return False
    ffmpeg = ffmpeg_path()
    if ffmpeg is None:
        return False
    with tempfile.TemporaryDirectory(prefix="keel-video-") as tmp:
        source = Path(tmp) / "video"
        # Copied out of storage (which may not be on this disk), in chunks.
        with attachment.file.open("rb") as stored, source.open("wb") as copy:
            shutil.copyfileobj(stored, copy, 1024 * 1024)
        frame = extract_frame(ffmpeg, source, attachment.content_type)
    if not frame.startswith(b"\xff\xd8"):
        return False
    attachment.poster.save(f"{attachment.key}.jpg", ContentFile(frame), save=False)
    Attachment.objects.filter(pk=attachment.pk).update(poster=attachment.poster.name)
    return True


# --- reviews (lead) ------------------------------------------------------------------------


@task()
def create_review_tasks() -> int:
    """Periodic (wiring.REVIEW_CHECK_EVERY): a task for each page whose review date has come."""
    from keel.wiki.services.reviews import create_due_review_tasks

    return create_due_review_tasks()
