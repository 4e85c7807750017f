"""The workspace's logo shows in the shell beside its name once uploaded.

It is served from our own host by the permission-checked logo view (never a public media
URL), and its address changes with each upload so a cached old logo does not linger.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db

SETTINGS = {
    "name": "Acme Shop",
    "email_domain": "acme.example",
    "language": "en",
    "timezone": "Asia/Shanghai",
    "week_start": "monday",
    "currency": "CNY",
}


def _png(colour: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, "PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


def _logo_srcs(html: str, logo_url: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split(f'src="{logo_url}')[1:]]


def test_no_logo_no_image_in_the_shell(login, member, workspace):
    html = login(member).get(reverse("members", kwargs={"ws": workspace.slug})).content.decode()
    assert 'class="workspace-logo"' not in html


def test_logo_appears_in_the_sidebar_after_upload(login, owner, member, workspace, client):
    settings_url = reverse("workspace_settings", kwargs={"ws": workspace.slug})
    logo_url = reverse("workspace_logo", kwargs={"ws": workspace.slug})
    owner_client = login(owner)
    assert owner_client.post(settings_url, {**SETTINGS, "logo": _png("red")}).status_code == 302

    html = owner_client.get(reverse("members", kwargs={"ws": workspace.slug})).content.decode()
    first = _logo_srcs(html, logo_url)
    assert len(first) == 2  # the top bar and the sidebar's workspace switcher
    assert 'class="workspace-logo"' in html

    # A new upload gets a new address, so the browser does not keep showing the old one.
    assert owner_client.post(settings_url, {**SETTINGS, "logo": _png("blue")}).status_code == 302
    html = owner_client.get(reverse("members", kwargs={"ws": workspace.slug})).content.decode()
    assert _logo_srcs(html, logo_url)[0] != first[0]

    # Every member sees it, through the member-only view on our host.
    client.logout()
    member_client = login(member)
    page = member_client.get(reverse("members", kwargs={"ws": workspace.slug})).content.decode()
    src = logo_url + _logo_srcs(page, logo_url)[0]
    response = member_client.get(src.replace("&amp;", "&"))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
