# mypy: disable-error-code="attr-defined,union-attr,arg-type,index"
"""Serving wiki files: downloads checked exactly like their page (404 otherwise), headers
(inline only for pictures, videos and PDFs; never SVG), HTTP ranges for seeking, the
editor's upload endpoint, the Files panel, the API, poster frames (ffmpeg), and videos in
pages (embed_media)."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse

from keel.wiki import jobs, services
from keel.wiki.media import embed_media
from keel.wiki.models import Attachment, Level
from keel.wiki.tests import files_support
from keel.wiki.tests.files_support import (
    EXE,
    SVG,
    add,
    body,
    fake_mp4,
    file_url,
    image_bytes,
    make_video,
    needs_ffmpeg,
    ooxml,
    upload,
    upload_url,
)

pytestmark = pytest.mark.django_db
# Fixtures shared with the other file tests.
fresh_storage = files_support.fresh_storage
space = files_support.space
page = files_support.page


# --- Downloads ------------------------------------------------------------------------------


def test_download_headers_for_an_image(owner, space, page, login):
    data = image_bytes()
    attachment = add(owner, space, page, "photo.png", data)
    response = login(owner).get(file_url(attachment))
    assert response.status_code == 200 and body(response) == data
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"].startswith("private")
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"] == f'"{attachment.sha256}"'
    assert response["Last-Modified"]
    again = login(owner).get(file_url(attachment), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("name", "make", "disposition"),
    [
        ("logo.svg", lambda: SVG, "attachment"),
        ("notes.txt", lambda: b"<script>alert(1)</script>\n", "attachment"),
        ("guide.pdf", lambda: b"%PDF-1.4\n%%EOF\n", "inline"),
        ("clip.mp4", fake_mp4, "inline"),
        ("letter.docx", lambda: ooxml("word"), "attachment"),
    ],
)
def test_only_pictures_videos_and_pdfs_are_inline(owner, space, page, login, name, make,
                                                  disposition):  # fmt: skip
    attachment = add(owner, space, page, name, make())
    response = login(owner).get(file_url(attachment))
    assert response["Content-Disposition"].split(";")[0] == disposition
    assert response["Content-Type"] == attachment.content_type
    assert response["X-Content-Type-Options"] == "nosniff"


def test_svg_is_never_served_as_an_inline_picture(owner, space, page, login):
    attachment = add(owner, space, page, "logo.svg", SVG)
    response = login(owner).get(file_url(attachment))
    assert response["Content-Disposition"] == 'attachment; filename="logo.svg"'
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("header", "status", "first", "last"),
    [
        ("bytes=0-9", 206, 0, 9),
        ("bytes=10-", 206, 10, 99),
        ("bytes=-5", 206, 95, 99),
        ("bytes=90-500", 206, 90, 99),  # the end is clipped to the file
        ("bytes=-500", 206, 0, 99),  # a suffix longer than the file is all of it
        ("bytes=0-1,5-6", 200, 0, 99),  # several ranges: the whole file
        ("items=0-1", 200, 0, 99),  # another unit: ignored
        ("bytes=5-2", 200, 0, 99),  # invalid: ignored
    ],
)
def test_ranges(owner, space, page, login, header, status, first, last):
    data = bytes(range(100))
    attachment = add(owner, space, page, "clip.mp4", fake_mp4(100)[:24] + data[24:])
    data = fake_mp4(100)[:24] + data[24:]
    response = login(owner).get(file_url(attachment), HTTP_RANGE=header)
    assert response.status_code == status
    assert body(response) == data[first : last + 1]
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Accept-Ranges"] == "bytes"
    if status == 206:
        assert response["Content-Range"] == f"bytes {first}-{last}/100"
        assert response["Content-Type"] == "video/mp4"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("header", ["bytes=100-", "bytes=500-600", "bytes=-0"])
def test_unsatisfiable_ranges_are_416(owner, space, page, login, header):
    attachment = add(owner, space, page, "clip.mp4", fake_mp4(100))
    response = login(owner).get(file_url(attachment), HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */100"


def test_if_range_with_an_old_tag_sends_everything(owner, space, page, login):
    attachment = add(owner, space, page, "clip.mp4", fake_mp4(100))
    client = login(owner)
    stale = client.get(file_url(attachment), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')
    assert stale.status_code == 200
    fresh = client.get(file_url(attachment), HTTP_RANGE="bytes=0-9",
                       HTTP_IF_RANGE=f'"{attachment.sha256}"')  # fmt: skip
    assert fresh.status_code == 206


def test_a_restricted_pages_files_are_404_for_those_who_cannot_read_it(
    owner, space, page, member, login
):
    attachment = add(owner, space, page, "salaries.png", image_bytes())
    space_file = add(owner, space, None, "everyone.png", image_bytes())
    services.page_set_restricted(actor=owner, page=page, restricted=True)
    client = login(member)
    assert client.get(file_url(attachment)).status_code == 404
    assert client.get(file_url(attachment), HTTP_RANGE="bytes=0-1").status_code == 404
    assert client.get(file_url(space_file)).status_code == 200
    services.grant_set(actor=owner, space=space, page=page, level=Level.READ, membership=member)
    assert client.get(file_url(attachment)).status_code == 200


def test_other_workspaces_and_strangers_get_404(owner, space, page, outsider, assistant, login):
    attachment = add(owner, space, page, "photo.png", image_bytes())
    assert login(outsider).get(file_url(attachment)).status_code == 404
    other = reverse("wiki_file", kwargs={"ws": outsider.workspace.slug, "key": attachment.key})
    assert login(outsider).get(other).status_code == 404  # the key in their own workspace
    assert login(assistant).get(file_url(attachment)).status_code == 404
    wrong = attachment.key[:-1] + ("y" if attachment.key.endswith("x") else "x")  # another key
    assert (
        login(owner).get(reverse("wiki_file", kwargs={"ws": "acme", "key": wrong})).status_code
        == 404
    )


# --- The editor's upload endpoint -----------------------------------------------------------


def test_upload_endpoint_answers_markdown(owner, space, page, login):
    client = login(owner)
    response = client.post(upload_url(space), {"file": upload("Box [v2].png", image_bytes()),
                                                "page": page.pk})  # fmt: skip
    assert response.status_code == 201
    data = response.json()
    attachment = Attachment.objects.get()
    assert attachment.page == page
    assert data == {"url": file_url(attachment), "name": "Box [v2].png", "kind": "image",
                    "markdown": f"![Box \\[v2\\].png]({file_url(attachment)})"}  # fmt: skip
    video = client.post(upload_url(space), {"file": upload("how.mp4", fake_mp4())}).json()
    assert video["kind"] == "video" and video["markdown"].startswith("![how.mp4](")
    pdf = client.post(upload_url(space), {"file": upload("a.pdf", b"%PDF-1.4\n%%EOF")}).json()
    assert pdf["markdown"].startswith("[a.pdf](/acme/wiki/files/")


def test_upload_endpoint_errors_are_json(owner, space, page, member, assistant, login):
    client = login(owner)
    refused = client.post(upload_url(space), {"file": upload("setup.png", EXE)})
    assert refused.status_code == 400
    assert refused.json()["error"].startswith("This kind of file is not allowed")
    missing = client.post(upload_url(space), {})
    assert missing.status_code == 400 and missing.json()["error"]
    assert login(assistant).post(upload_url(space), {"file": upload("a.png", image_bytes())}
                                 ).status_code == 404  # fmt: skip
    services.page_set_restricted(actor=owner, page=page, restricted=True)
    services.grant_set(actor=owner, space=space, page=page, level=Level.READ, membership=member)
    read_only = login(member).post(upload_url(space), {"file": upload("a.png", image_bytes()),
                                                       "page": page.pk})  # fmt: skip
    assert read_only.status_code == 403 and read_only.json()["error"]
    assert not Attachment.objects.exists()


# --- The Files panel ------------------------------------------------------------------------


def test_files_panel_lists_uploads_and_deletes(owner, space, page, login):
    client = login(owner)
    url = reverse("wiki_page_files", kwargs={"ws": "acme", "page_id": page.pk})
    response = client.post(url, {"file": upload("返品.png", image_bytes())})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    listing = client.get(url)
    assert listing.status_code == 200
    assert "返品.png" in listing.content.decode() and "Olivia" in listing.content.decode()
    bad = client.post(url, {"file": upload("setup.png", EXE)})
    assert bad.status_code == 400 and "This kind of file is not allowed" in bad.content.decode()
    delete = reverse("wiki_file_delete", kwargs={"ws": "acme", "key": attachment.key})
    assert client.post(delete).status_code == 302
    assert not Attachment.objects.exists()


def test_files_panel_is_read_only_for_readers(owner, space, page, member, login):
    add(owner, space, page, "photo.png", image_bytes())
    services.space_update(actor=owner, space=space, name=space.name, slug=space.slug,
                          description="", staff_level="read")  # fmt: skip
    client = login(member)
    url = reverse("wiki_page_files", kwargs={"ws": "acme", "page_id": page.pk})
    listing = client.get(url)
    assert listing.status_code == 200 and "Upload a file" not in listing.content.decode()
    assert client.post(url, {"file": upload("a.png", image_bytes())}).status_code == 403
    key = Attachment.objects.get().key
    delete = reverse("wiki_file_delete", kwargs={"ws": "acme", "key": key})
    assert client.post(delete).status_code == 403
    assert Attachment.objects.count() == 1


# --- API ------------------------------------------------------------------------------------


def test_api_upload_list_and_delete(owner, space, page, api_for):
    api = api_for(owner)
    root = f"{api.root}/workspaces/acme/wiki"
    response = api.client.post(f"{root}/spaces/ops/files",
                               {"file": upload("photo.png", image_bytes()), "page_id": page.pk},
                               headers=api.headers)  # fmt: skip
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["kind"] == "image" and created["page_id"] == page.pk
    refused = api.client.post(f"{root}/spaces/ops/files", {"file": upload("x.png", EXE)},
                              headers=api.headers)  # fmt: skip
    assert refused.status_code == 422
    assert [f["key"] for f in api.get(f"/workspaces/acme/wiki/pages/{page.pk}/files").json()] == [
        created["key"]
    ]
    assert api.get(f"/workspaces/acme/wiki/files/{created['key']}").json()["name"] == "photo.png"
    assert api.delete(f"/workspaces/acme/wiki/files/{created['key']}").status_code == 204
    assert not Attachment.objects.exists()


# --- Poster frames --------------------------------------------------------------------------


@needs_ffmpeg
@pytest.mark.parametrize("suffix", ["webm", "mp4"])
def test_poster_frame_is_taken_after_commit(suffix, owner, space, page, tmp_path, login,
                                            django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        video = add(owner, space, page, f"how-to-pack.{suffix}", make_video(tmp_path, suffix))
    video.refresh_from_db()
    assert video.poster.name
    assert video.poster.read(3) == b"\xff\xd8\xff"
    response = login(owner).get(file_url(video, "_poster"))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert body(response).startswith(b"\xff\xd8")
    assert jobs.make_poster.call(video.pk) is False  # idempotent: it has one already


@needs_ffmpeg
def test_a_broken_video_gets_no_poster(owner, space, page):
    video = add(owner, space, page, "clip.mp4", fake_mp4(4096))
    assert jobs.make_poster.call(video.pk) is False
    video.refresh_from_db()
    assert not video.poster


def test_without_ffmpeg_no_poster_and_one_warning(owner, space, page, monkeypatch, caplog):
    video = add(owner, space, page, "clip.mp4", fake_mp4())
    monkeypatch.setattr(jobs.shutil, "which", lambda name: None)
    monkeypatch.setattr(jobs, "_warned", False)
    with caplog.at_level(logging.WARNING, logger="keel.wiki.jobs"):
        assert jobs.make_poster.call(video.pk) is False
        assert jobs.make_poster.call(video.pk) is False
    assert len([r for r in caplog.records if "ffmpeg" in r.message]) == 1


def test_poster_is_404_until_there_is_one(owner, space, page, login):
    video = add(owner, space, page, "clip.mp4", fake_mp4())
    assert login(owner).get(file_url(video, "_poster")).status_code == 404


# --- Videos in pages ------------------------------------------------------------------------


def test_embed_media_turns_video_images_into_players(owner, space, page,
                                                     django_assert_num_queries):  # fmt: skip
    video = add(owner, space, page, "how <to> pack.mp4", fake_mp4())
    picture = add(owner, space, page, "photo.png", image_bytes())
    Attachment.objects.filter(pk=video.pk).update(poster=f"wiki/posters/{video.key}.jpg")
    html = (
        f'<p><img src="{file_url(video)}" alt="Packing &amp; taping"></p>'
        f'<p><img src="{file_url(picture)}" alt="photo"></p>'
        f'<p><img src="/acme/wiki/files/unknownkey123456/" alt="gone"></p>'
        f'<p><img src="/other/wiki/files/{video.key}/" alt="elsewhere"></p>'
    )
    with django_assert_num_queries(1):
        out = embed_media(html, workspace=owner.workspace)
    assert (
        f'<video class="wiki-video" controls preload="metadata" '
        f'poster="{file_url(video, "_poster")}" src="{file_url(video)}" '
        f'aria-label="Packing &amp; taping" title="Packing &amp; taping">'
    ) in out
    assert "Download the video how &lt;to&gt; pack.mp4</a></video>" in out
    assert f'<img src="{file_url(picture)}" alt="photo">' in out
    assert '<img src="/acme/wiki/files/unknownkey123456/" alt="gone">' in out
    assert f'<img src="/other/wiki/files/{video.key}/" alt="elsewhere">' in out


def test_embed_media_without_poster_shows_the_placeholder(owner, space, page):
    video = add(owner, space, page, "clip.mp4", fake_mp4())
    out = embed_media(f'<p><img src="{file_url(video)}" alt=""></p>', workspace=owner.workspace)
    assert 'class="wiki-video wiki-video-no-poster"' in out and "poster=" not in out
    assert 'aria-label="clip.mp4"' in out


def test_embed_media_leaves_text_without_images_alone(owner, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert embed_media("<p>hi</p>", workspace=owner.workspace) == "<p>hi</p>"


def test_rendered_markdown_video_becomes_a_player(owner, space, page):
    from keel.wiki.markdown import render

    video = add(
        owner, space, page, "clip.webm", b"\x1aE\xdf\xa3" + b"\x42\x82\x84webm" + b"\0" * 64
    )
    html = render(f"Watch: ![Packing]({file_url(video)})").html
    assert "<video" in embed_media(html, workspace=owner.workspace)
