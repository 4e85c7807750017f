# mypy: disable-error-code="attr-defined,union-attr,arg-type,index"
"""Wiki export: a zip of Markdown files mirroring the tree ([[links]] → relative links,
attachments under _files/), only what the exporter may read, audited; and a round trip
(export, then import into a new space) keeps titles, tree, order and bodies."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.wiki import services
from keel.wiki.models import Attachment, Grant, Page
from keel.wiki.services import io as wiki_io
from keel.wiki.services.io_export import space_export
from keel.wiki.tests.io_builders import make_zip, png

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(owner):
    return services.space_create(actor=owner, name="Operations", slug="ops")


def run_import(actor, space, data: bytes, **kw):
    return wiki_io.import_confirm(actor=actor, space=space, source=io.BytesIO(data), **kw)


# --- Export and the round trip ----------------------------------------------------------------


def _names(data: bytes) -> list[str]:
    return sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_export_mirrors_the_tree_links_and_files(login, owner, space, workspace):
    client = login(owner)
    guide = services.page_create(actor=owner, space=space, title="Guide: shipping/returns",
                                 body="See [[Carriers]] and [[Refunds|money back]].")  # fmt: skip
    services.page_create(actor=owner, space=space, title="Carriers", parent=guide, body="SF")
    services.page_create(actor=owner, space=space, title="Refunds", body="[[Missing]]")
    response = client.get(reverse("wiki_space_export", kwargs={"ws": workspace.slug,
                                                                 "space": space.slug}))  # fmt: skip
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    assert _names(data) == ["Guide- shipping-returns/Carriers.md",
                            "Guide- shipping-returns/index.md", "Refunds.md"]  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(data))
    index = archive.read("Guide- shipping-returns/index.md").decode()
    assert index.startswith('---\ntitle: "Guide: shipping/returns"\norder: 0\n---\n')
    assert "See [Carriers](Carriers.md) and [money back](../Refunds.md)." in index
    assert archive.read("Refunds.md").decode().endswith("[[Missing]]")
    assert AuditEvent.objects.filter(action="wiki.space_exported").count() == 1


def test_export_leaves_out_pages_the_exporter_cannot_read(owner, member, space):
    services.page_create(actor=owner, space=space, title="Open", body="x")
    secret = services.page_create(actor=owner, space=space, title="Salaries", body="y")
    services.page_set_restricted(actor=owner, page=secret, restricted=True)
    export = space_export(actor=member, space=space)
    assert _names(export.file.read()) == ["Open.md"]
    assert _names(space_export(actor=owner, space=space).file.read()) == ["Open.md", "Salaries.md"]
    assert not Grant.objects.filter(page=secret).exists()


def test_round_trip_keeps_titles_tree_and_bodies(owner, space):
    image = run_import(owner, space, make_zip({"Pic.md": "![a](p.png)", "p.png": png()}))
    assert image.images == 1
    home = services.page_create(
        actor=owner,
        space=space,
        title="Home 首页",
        body="Welcome. See [[Returns]] and [[Pic|the picture]].\n",
    )
    returns = services.page_create(actor=owner, space=space, title="Returns", parent=home,
                                   body="| a | b |\n|---|---|\n| 1 | 2 |\n")  # fmt: skip
    services.page_create(actor=owner, space=space, title="Label: 50% off", parent=returns,
                         body="```\n[[Not a link]]\n```\n")  # fmt: skip
    services.page_create(actor=owner, space=space, title="Aardvark", parent=home, body="first?")
    export = space_export(actor=owner, space=space)
    new = services.space_create(actor=owner, name="Copy", slug="copy")
    run_import(owner, new, export.file.read())

    def snapshot(s):
        pages = Page.objects.filter(space=s).select_related("parent").order_by("position", "id")
        return sorted(
            (p.title, p.parent.title if p.parent else None, p.position,
             p.body.split("](/")[0])  # image addresses differ: a new attachment
            for p in pages
        )  # fmt: skip

    assert snapshot(new) == snapshot(space)
    pic = Page.objects.get(space=new, title="Pic")
    assert Attachment.objects.get(space=new).name == "p.png"
    assert wiki_io.attachment_url(Attachment.objects.get(space=new)) in pic.body
