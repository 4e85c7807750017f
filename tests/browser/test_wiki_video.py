"""A video tutorial in a wiki page, in a real Chromium: the uploaded 2-second WebM shows as a
player with its poster frame, plays (its time advances) and seeks to 1.5 s, which the server
answers with a `206 Partial Content` range response."""

from __future__ import annotations

import dataclasses
import inspect
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from keel.wiki import services
from keel.wiki.services.files import attachment_upload

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FFMPEG = shutil.which("ffmpeg")


def _webm(tmp_path: Path) -> bytes:
    out = tmp_path / "how-to-pack.webm"
    subprocess.run(
        [str(FFMPEG), "-v", "error", "-y", "-f", "lavfi", "-i",
         "testsrc=duration=2:size=64x64:rate=10", "-c:v", "libvpx", "-b:v", "50k", str(out)],
        check=True, timeout=60,
    )  # fmt: skip
    return out.read_bytes()


@pytest.fixture
def players_in_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the page view calls keel.wiki.media.embed_media itself, wrap its renderer (the
    live server runs in this process); once it does, this does nothing."""
    from keel.wiki.views import pages

    if "embed_media" in inspect.getsource(pages):
        return
    from keel.wiki.media import embed_media

    original = pages.render_for

    def render_for(actor: Any, text: str) -> Any:
        rendered = original(actor, text)
        return dataclasses.replace(
            rendered, html=embed_media(rendered.html, workspace=actor.workspace)
        )

    monkeypatch.setattr(pages, "render_for", render_for)


@pytest.mark.skipif(FFMPEG is None, reason="needs ffmpeg (apt-get install ffmpeg)")
def test_a_video_in_a_page_plays_and_seeks(
    new_context: Any, base_url: str, owner: Any, tmp_path: Path, players_in_pages: None
) -> None:
    space = services.space_create(actor=owner, name="Warehouse", slug="warehouse")
    video = attachment_upload(
        actor=owner, space=space,
        file=SimpleUploadedFile("how-to-pack.webm", _webm(tmp_path), content_type="video/webm"),
    )  # fmt: skip
    video.refresh_from_db()
    assert video.poster, "the poster job runs on commit (ffmpeg)"
    url = reverse("wiki_file", kwargs={"ws": owner.workspace.slug, "key": video.key})
    wiki_page = services.page_create(
        actor=owner, space=space, title="How to pack a parcel",
        body=f"Watch first:\n\n![How to pack a parcel]({url})\n",
    )  # fmt: skip

    context = new_context()
    sign_in_context(context, base_url, owner.user)
    page = context.new_page()
    errors: list[str] = []
    statuses: list[tuple[str, int]] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: statuses.append((r.url, r.status)))
    page.goto(reverse("wiki_page", kwargs={"ws": owner.workspace.slug, "page_id": wiki_page.pk}))

    player = page.locator("video.wiki-video")
    player.wait_for()
    assert player.get_attribute("aria-label") == "How to pack a parcel"
    assert player.get_attribute("poster", timeout=1000)
    handle = player.element_handle()
    # Muted: Chromium lets a page start muted media without a click.
    player.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("v => v.currentTime > 0.3", arg=handle, timeout=10_000)
    seeked = player.evaluate(
        """v => new Promise(resolve => {
             v.pause();
             v.addEventListener('seeked', () => resolve(v.currentTime), {once: true});
             v.currentTime = 1.5;
           })"""
    )
    assert abs(seeked - 1.5) < 0.05
    assert player.evaluate("v => v.readyState") >= 2  # the frame at 1.5 s is there
    video_responses = [status for address, status in statuses if address.endswith(url)]
    assert 206 in video_responses, statuses
    assert not errors


PNG_B64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)
DROP = """([area, name, b64]) => {
  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], name, {type: "image/png"}));
  area.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
}"""


def test_dropping_files_into_an_editor_uploads_them(
    new_context: Any, base_url: str, owner: Any
) -> None:
    """static/wiki/upload.js on a textarea with data-upload-url: a dropped picture becomes
    its Markdown at the cursor; a refused file leaves the text as it was and says why."""
    import base64

    space = services.space_create(actor=owner, name="Warehouse", slug="warehouse")
    wiki_page = services.page_create(actor=owner, space=space, title="Packing", body="")
    ws = owner.workspace.slug
    context = new_context()
    sign_in_context(context, base_url, owner.user)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    checklist = SimpleUploadedFile("Packing checklist.pdf", b"%PDF-1.4\n%%EOF\n")
    attachment_upload(actor=owner, space=space, page=wiki_page, file=checklist)
    page.goto(reverse("wiki_page_files", kwargs={"ws": ws, "page_id": wiki_page.pk}))
    assert "Packing checklist.pdf" in page.locator(".wiki-files").inner_text()
    axe_check(page, label="files panel")
    page.set_viewport_size({"width": MOBILE_WIDTH, "height": 800})
    assert horizontal_overflow(page) == 0
    page.set_viewport_size({"width": 1280, "height": 900})
    upload_url = reverse("wiki_file_upload", kwargs={"ws": ws, "space": space.slug})
    # The editor's markup (wikiui's page_form.html carries the same attributes).
    page.evaluate(
        """([url, pageId]) => {
             const area = document.createElement("textarea");
             area.id = "body"; area.value = "Intro\\n";
             area.setAttribute("data-upload-url", url);
             area.setAttribute("data-upload-page", pageId);
             area.setAttribute("data-upload-status", "wiki-upload-status");
             const status = document.createElement("p");
             status.id = "wiki-upload-status"; status.setAttribute("role", "status");
             status.setAttribute("data-done", "%(name)s uploaded.");
             const form = document.querySelector("form[enctype]");
             form.append(area, status);
           }""",
        [upload_url, str(wiki_page.pk)],
    )
    page.add_script_tag(url="/static/wiki/upload.js")
    area = page.locator("#body")
    area.evaluate("a => a.setSelectionRange(a.value.length, a.value.length)")
    page.evaluate(DROP, [area.element_handle(), "box.png", PNG_B64])
    page.wait_for_function("() => document.querySelector('#body').value.includes('](/')")
    value = area.input_value()
    assert value.startswith("Intro\n![box.png](/" + ws + "/wiki/files/")
    assert "Uploading" not in value
    assert page.locator("#wiki-upload-status").inner_text() == "box.png uploaded."

    exe = base64.b64encode(b"MZ\x90\x00" + b"\x00" * 300).decode()
    page.evaluate(DROP, [area.element_handle(), "setup.png", exe])
    status = page.locator("#wiki-upload-status.is-error")
    status.wait_for()
    assert "This kind of file is not allowed" in status.inner_text()
    assert area.input_value() == value  # the placeholder is gone again
    assert not errors
