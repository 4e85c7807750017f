# mypy: disable-error-code="attr-defined,union-attr,arg-type,index"
"""Wiki import: Markdown and HTML zips become a page tree with [[links]] and attachments;
bad zips (paths, bombs, sizes, types, encodings) are refused per file or whole, with nothing
partial saved; the preview survives a reload and belongs to its uploader. Export and the
round trip: test_io_export.py."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.wiki import services
from keel.wiki.markdown import render
from keel.wiki.models import Attachment, Grant, Level, Page
from keel.wiki.services import io as wiki_io
from keel.wiki.services.io_html import decode_text, html_to_markdown
from keel.wiki.services.io_zip import MB, FileTooLarge, Limits, _declared_entries, open_zip
from keel.wiki.tests.io_builders import make_zip, png

pytestmark = pytest.mark.django_db


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def space(owner):
    return services.space_create(actor=owner, name="Operations", slug="ops")


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.KEEL_WIKI_IMPORT_DIR = tmp_path / "imports"
    return settings.KEEL_WIKI_IMPORT_DIR


def plan_of(actor, space, data: bytes):
    return wiki_io.import_plan(actor=actor, space=space, source=io.BytesIO(data))


def run_import(actor, space, data: bytes, **kw):
    return wiki_io.import_confirm(actor=actor, space=space, source=io.BytesIO(data), **kw)


def tree_of(space) -> dict[str, str | None]:
    return {
        p.title: (p.parent.title if p.parent else None)
        for p in Page.objects.filter(space=space).select_related("parent")
    }


NOTION_ID = "3f2a9c0b1d2e4f5a6b7c8d9e0f1a2b3c"


# --- Markdown zips ----------------------------------------------------------------------------


def test_markdown_zip_becomes_a_tree_with_links_and_images(owner, space):
    data = make_zip({
        "Export-1234/Shipping.md": "# Shipping\n\nSee [carriers](Shipping/Carriers.md) and "
                                   "[refunds](Ops/Refunds%20" + NOTION_ID + ".md).\n",
        "Export-1234/Shipping/Carriers.md": "Call [the ops team](../Ops/index.md).\n"
                                            "![Logo](../images/logo.png)\n",
        "Export-1234/Ops/index.md": "---\ntitle: Operations handbook\n---\nHow we work.\n",
        f"Export-1234/Ops/Refunds {NOTION_ID}.md": "# Refunds\n\n"
                                                  "[Back](../Shipping.md) `[x](y.md)`\n",
        "Export-1234/Ops/Deep/Nested.md": "Deep page\n",
        "Export-1234/images/logo.png": png(),
    })  # fmt: skip
    plan = plan_of(owner, space, data)
    assert [p["title"] for p in plan.summary()["pages"]] == [
        "Operations handbook", "Deep", "Nested", "Refunds", "Shipping", "Carriers",
    ]  # fmt: skip
    assert plan.summary()["images"] == 1
    result = run_import(owner, space, data, file_name="export.zip")
    assert (result.pages, result.images) == (6, 1)
    assert tree_of(space) == {
        "Shipping": None, "Carriers": "Shipping", "Operations handbook": None,
        "Refunds": "Operations handbook", "Deep": "Operations handbook", "Nested": "Deep",
    }  # fmt: skip
    pages = {p.title: p for p in Page.objects.filter(space=space)}
    # Notion's repeated "# Title" line goes; links between files become [[links]].
    assert pages["Shipping"].body == ("See [[Carriers|carriers]] and [[Refunds|refunds]].\n")
    attachment = Attachment.objects.get(space=space)
    assert attachment.name == "logo.png" and attachment.kind == "image"
    assert pages["Carriers"].body == (
        "Call [[Operations handbook|the ops team]].\n"
        f"![Logo]({wiki_io.attachment_url(attachment)})\n"
    )
    assert pages["Refunds"].body == "[[Shipping|Back]] `[x](y.md)`\n"
    assert pages["Deep"].body == ""  # a folder without a page of its own
    # The links table knows them (backlinks work at once).
    assert set(pages["Shipping"].outgoing_links.values_list("target__title", flat=True)) == {
        "Carriers", "Refunds"}  # fmt: skip
    event = AuditEvent.objects.get(action="wiki.space_imported")
    assert event.data["pages"] == 6 and event.data["images"] == 1


def test_import_under_a_parent_page_and_duplicate_titles_get_a_suffix(owner, space):
    parent = services.page_create(actor=owner, space=space, title="Imported")
    services.page_create(actor=owner, space=space, title="FAQ")
    data = make_zip({"a/FAQ.md": "one", "b/FAQ.md": "two", "c.md": "x"})
    run_import(owner, space, data, parent=parent)
    titles = sorted(Page.objects.filter(space=space, parent__isnull=False)
                    .values_list("title", flat=True))  # fmt: skip
    assert "FAQ (2)" in titles and "FAQ (3)" in titles
    assert Page.objects.get(title="a").parent == parent


def test_obsidian_embeds_and_wikilinks(owner, space):
    data = make_zip({
        "Vault/Home.md": "![[logo.png]] and ![[sub/pic.png|300]] see [[Other]] ![[nope.png]]",
        "Vault/Other.md": "x",
        "Vault/assets/logo.png": png(),
        "Vault/sub/pic.png": png(),
    })  # fmt: skip
    run_import(owner, space, data)
    body = Page.objects.get(space=space, title="Home").body
    urls = {a.name: wiki_io.attachment_url(a) for a in Attachment.objects.filter(space=space)}
    assert body == (
        f"![logo.png]({urls['logo.png']}) and ![sub/pic.png]({urls['pic.png']}) "
        "see [[Other]] ![[nope.png]]"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "# 退款\n\n先查库存。".encode("utf-8-sig"),
        "# 退款\n\n先查库存。".encode("utf-16"),
        "# 退款\n\n先查库存。".encode("gb18030"),
        "# 退款\n\n先查库存。".encode("gbk"),
        "# 退款\n\n先查库存。".encode("utf-16-le"),
    ],
    ids=["utf8-bom", "utf16-bom", "gb18030", "gbk", "utf16-no-bom"],
)
def test_markdown_encodings_are_decoded(raw):
    assert decode_text(raw) == "# 退款\n\n先查库存。"


def test_gb18030_file_imports_and_undecodable_file_is_a_per_file_error(owner, space):
    data = make_zip({"退款.md": "# 退款\n\n先查库存。".encode("gb18030"),
                     "bad.md": b"\x81\x30\xff\xff\x00\x01broken"})  # fmt: skip
    plan = plan_of(owner, space, data)
    problems = {p.path: p for p in plan.problems}
    assert problems["bad.md"].skipped and "UTF-8" in problems["bad.md"].message
    run_import(owner, space, data)
    assert Page.objects.get(space=space).body == "先查库存。"


def test_zip_names_in_gbk_without_the_utf8_flag(owner, space):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("abcd.md"), "text")
    raw = out.getvalue().replace(b"abcd", "库存".encode("gbk"))  # same length: 4 bytes
    run_import(owner, space, raw)
    assert Page.objects.get(space=space).title == "库存"


# --- HTML zips --------------------------------------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">j</a>',
    '<a href="JaVaScRiPt:alert(4)">k</a>',
    '<a href="java&#x09;script:alert(5)">t</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(6)"><circle/></svg>',
    '<div style="background:url(javascript:alert(7))" onclick="alert(8)">styled</div>',
    "<style>body{display:none}</style>",
    '<object data="x.swf"></object><embed src="x.swf">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==">d</a>',
    "&lt;script&gt;alert(10)&lt;/script&gt;",
    '<form action="https://evil.example/"><input name=x></form>',
]


def test_html_zip_sanitized_to_markdown_with_titles_and_tree(owner, space):
    page = (
        "<html><head><title>Supplier follow-up 供应商跟进</title></head><body>"
        "<h1>Supplier follow-up 供应商跟进</h1><p>Write to <b>them</b>. See "
        "<a href='team/Carriers.html'>carriers</a>.</p>"
        "<img src='images/photo.png' alt='Photo'>"
        "<img src='https://lh3.googleusercontent.com/abc' alt='Remote'>"
        + "".join(XSS)
        + "</body></html>"
    )
    data = make_zip({
        "Takeout/Sites/Site/home.html": page,
        "Takeout/Sites/Site/team/Carriers.html": "<html><body><h1>Carriers 承运商</h1>"
        "<p>SF</p></body></html>",
        "Takeout/Sites/Site/team/untitled.htm": "<p>No title here</p>",
        "Takeout/Sites/Site/images/photo.png": png(),
    })  # fmt: skip
    plan = plan_of(owner, space, data)
    warnings = [p for p in plan.problems if not p.skipped]
    assert [(w.path, "another site" in w.message) for w in warnings] == [("home.html", True)]
    run_import(owner, space, data)
    pages = {p.title: p for p in Page.objects.filter(space=space)}
    assert set(pages) == {"Supplier follow-up 供应商跟进", "team", "Carriers 承运商", "untitled"}
    assert pages["Carriers 承运商"].parent == pages["team"]
    body = pages["Supplier follow-up 供应商跟进"].body
    assert body.startswith("Write to **them**. See [[Carriers 承运商|carriers]].")
    assert "![Photo](/" in body
    html = render(body, resolve_link=lambda t: "/x/").html.lower()
    for bad in ("<script", "onerror", "javascript:", "<iframe", "onload", "onclick", "style=",
                "<svg", "<object", "<embed", "data:text", "<form", "alert(8)"):  # fmt: skip
        assert bad not in html, bad
        assert bad not in body.lower() or bad == "<script", bad  # text, escaped: never a tag
    assert "&lt;script&gt;alert(10)" in html  # what was text stays visible text


def test_html_title_prefers_the_h1_when_the_title_only_adds_the_site_name():
    page = html_to_markdown(
        "<html><head><title>Refunds - Acme Wiki</title></head>"
        "<body><h1>Refunds</h1><p>Text</p></body></html>"
    )
    assert (page.title, page.markdown) == ("Refunds", "Text\n")
    other = html_to_markdown("<title>Shipping</title><h1>Overview</h1><p>x</p>")
    assert other.title == "Shipping" and other.markdown.startswith("# Overview")


@pytest.mark.parametrize("payload", XSS)
def test_each_xss_payload_never_survives_conversion(payload):
    converted = html_to_markdown(f"<html><body><p>ok</p>{payload}</body></html>").markdown
    html = render(converted).html.lower()
    for bad in (
        "<script",
        "onerror=",
        "onload=",
        "onclick=",
        "javascript:",
        "<iframe",
        "<svg",
        "<object",
        "<embed",
        "<style",
        "data:text",
        "<form",
        "<input name",
    ):
        assert bad not in html, (payload, html)


# --- Safety -----------------------------------------------------------------------------------


def test_unsafe_paths_and_symlinks_are_reported_and_skipped(owner, space):
    data = make_zip(
        {"../evil.md": "up", "/etc/passwd.md": "abs", "C:\\x.md": "drive", "a/../../b.md": "up2",
         "\\\\host\\share.md": "unc", "ok.md": "fine", "notes.pdf": b"%PDF-1.4",
         "__MACOSX/._ok.md": "junk"},
        symlinks={"link.md": "/etc/passwd"},
    )  # fmt: skip
    plan = plan_of(owner, space, data)
    problems = {p.path: p.message for p in plan.problems}
    assert "outside the zip" in problems["../evil.md"]
    assert "outside the zip" in problems["a/../../b.md"]
    assert "absolute" in problems["/etc/passwd.md"]
    assert "absolute" in problems["C:\\x.md"]
    assert "absolute" in problems["\\\\host\\share.md"]
    assert "symbolic link" in problems["link.md"]
    assert "Not imported" in problems["notes.pdf"]
    assert not any("__MACOSX" in p for p in problems)
    run_import(owner, space, data)
    assert list(Page.objects.filter(space=space).values_list("title", "body")) == [("ok", "fine")]


def test_not_a_zip_and_empty_zip_are_refused(owner, space):
    with pytest.raises(ValidationError, match="not a zip"):
        plan_of(owner, space, b"%PDF-1.4 pretending to be a zip")
    with pytest.raises(ValidationError, match="empty"):
        plan_of(owner, space, make_zip({}))
    with pytest.raises(ValidationError, match="no Markdown"):
        plan_of(owner, space, make_zip({"a.txt": "x", "b.exe": b"MZ"}))
    assert not Page.objects.filter(space=space).exists()


def test_zip_bomb_ratio_is_refused_whole(owner, space):
    data = make_zip({"ok.md": "fine", "bomb.md": b"\0" * (3 * MB)})
    with pytest.raises(ValidationError, match="zip bomb"):
        plan_of(owner, space, data)


def test_total_size_and_file_count_limits(owner, space, settings):
    settings.KEEL_WIKI_IMPORT_MAX_MB = 1
    big = bytes(range(256)) * 3000  # 768 KB each, barely compressible
    with pytest.raises(ValidationError, match="limit is 1 MB"):
        plan_of(owner, space, make_zip({"a.md": big, "b.md": big}))
    settings.KEEL_WIKI_IMPORT_MAX_MB = 200
    settings.KEEL_WIKI_IMPORT_MAX_FILES = 3
    many = make_zip({f"{n}.md": "x" for n in range(4)})
    with pytest.raises(ValidationError, match="the limit is 3"):
        plan_of(owner, space, many)
    # Counted from the end record, before Python parses the whole directory into memory.
    assert _declared_entries(io.BytesIO(many)) == 4
    assert _declared_entries(io.BytesIO(b"not a zip")) is None


def test_reading_stops_at_the_limit_whatever_the_zip_declares():
    data = make_zip({"a.md": bytes(range(256)) * 400})  # 100 KB
    safe = open_zip(io.BytesIO(data), Limits(total=10 * MB, per_file=10 * MB, files=10))
    # The directory says 1 MB is allowed; reading counts the real bytes and stops past 1 KB.
    safe.limits = Limits(total=10 * MB, per_file=1024, files=10)
    with pytest.raises(FileTooLarge):
        safe.read("a.md")
    # Past the total, the whole zip is refused.
    safe.limits = Limits(total=2048, per_file=10 * MB, files=10)
    with pytest.raises(ValidationError, match="once unpacked"):
        safe.read("a.md")
    # An entry that lies about its size is read no further than it says: damaged, skipped.
    safe = open_zip(io.BytesIO(data), Limits(total=10 * MB, per_file=10 * MB, files=10))
    safe.entries["a.md"].file_size = 10
    assert safe.read_or_problem("a.md") is None
    assert "damaged" in safe.problems[-1].message


def test_image_that_is_not_an_image_is_skipped_with_its_reason(owner, space):
    data = make_zip({"a.md": "![x](fake.png)", "fake.png": b"MZ\x90\x00 a program"})
    plan = plan_of(owner, space, data)
    assert [p.path for p in plan.problems if p.skipped] == ["fake.png"]
    assert "not allowed" in plan.problems[-1].message
    run_import(owner, space, data)
    assert not Attachment.objects.exists()


def test_confirm_is_one_transaction(owner, space, monkeypatch):
    data = make_zip({"a.md": "![x](p.png)", "b.md": "two", "p.png": png()})
    real = services.pages.page_create
    calls = []

    def failing(**kw):
        calls.append(kw["title"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(**kw)

    monkeypatch.setattr(wiki_io, "page_create", failing)
    with pytest.raises(RuntimeError):
        run_import(owner, space, data)
    assert not Page.objects.filter(space=space).exists()
    assert not Attachment.objects.exists()


def test_import_needs_edit_on_the_space(assistant, member, space, owner):
    data = make_zip({"a.md": "x"})
    with pytest.raises(PermissionDenied):
        plan_of(assistant, space, data)
    space.staff_level = "read"
    space.save(update_fields=["staff_level"])
    with pytest.raises(PermissionDenied):
        run_import(member, space, data)
    assert not Page.objects.filter(space=space).exists()


# --- Views: upload → preview (survives a reload) → confirm ------------------------------------


def _upload(client, ws, space, data, name="export.zip"):
    url = reverse("wiki_space_import", kwargs={"ws": ws.slug, "space": space.slug})
    upload = io.BytesIO(data)
    upload.name = name
    return url, client.post(url, {"file": upload})


def test_upload_preview_reload_confirm(login, owner, space, workspace, import_dir):
    client = login(owner)
    data = make_zip({"Guide.md": "Hello", "Guide/Step one.md": "1", "x.exe": b"MZ"})
    url, response = _upload(client, workspace, space, data)
    assert response.status_code == 302 and "?token=" in response["Location"]
    token = response["Location"].split("token=")[1]
    assert len(token) == 32
    assert (import_dir / f"{token}.zip").exists()
    for _ in range(2):  # a reload shows the same preview
        page = client.get(response["Location"])
        assert page.status_code == 200
        text = page.content.decode()
        assert "Step one" in text and "x.exe" in text and "Import 2 pages" in text
    assert not Page.objects.filter(space=space).exists()
    done = client.post(url, {"token": token, "action": "confirm", "parent": ""})
    assert done.status_code == 302
    assert tree_of(space) == {"Guide": None, "Step one": "Guide"}
    assert not (import_dir / f"{token}.zip").exists()
    assert client.get(response["Location"]).status_code == 302  # used: gone


def test_a_failed_confirm_keeps_the_preview_and_a_second_click_imports_once(
    login, owner, space, workspace, import_dir, monkeypatch
):
    client = login(owner)
    url, response = _upload(client, workspace, space, make_zip({"a.md": "x"}))
    token = response["Location"].split("token=")[1]
    real = wiki_io.import_confirm

    def refuse(**kw):
        raise ValidationError("The space was archived meanwhile.")

    monkeypatch.setattr(wiki_io, "import_confirm", refuse)
    failed = client.post(url, {"token": token, "action": "confirm"})
    assert failed.status_code == 400 and "archived meanwhile" in failed.content.decode()
    assert (import_dir / f"{token}.zip").exists()
    monkeypatch.setattr(wiki_io, "import_confirm", real)
    assert client.post(url, {"token": token, "action": "confirm"}).status_code == 302
    again = client.post(url, {"token": token, "action": "confirm"})
    assert again.status_code == 302 and "?token" not in again["Location"]
    assert Page.objects.filter(space=space).count() == 1


def test_preview_token_is_only_for_its_uploader(login, owner, admin, space, workspace, client):
    _url, response = _upload(login(owner), workspace, space, make_zip({"a.md": "x"}))
    location = response["Location"]
    client.force_login(admin.user)
    expired = client.get(location)
    assert expired.status_code == 302 and "?token" not in expired["Location"]
    token = location.split("token=")[1]
    url = reverse("wiki_space_import", kwargs={"ws": workspace.slug, "space": space.slug})
    client.post(url, {"token": token, "action": "confirm"})
    assert not Page.objects.filter(space=space).exists()


def test_preview_expires_after_an_hour(login, owner, space, workspace, import_dir):
    client = login(owner)
    _url, response = _upload(client, workspace, space, make_zip({"a.md": "x"}))
    token = response["Location"].split("token=")[1]
    meta_path = import_dir / f"{token}.json"
    meta = json.loads(meta_path.read_text())
    meta["created"] = "2000-01-01T00:00:00+00:00"
    meta_path.write_text(json.dumps(meta))
    assert client.get(response["Location"]).status_code == 302
    assert not (import_dir / f"{token}.zip").exists()


def test_bad_zip_upload_shows_the_error_on_the_form(login, owner, space, workspace):
    _url, response = _upload(login(owner), workspace, space, b"not a zip at all")
    assert response.status_code == 400
    assert "not a zip file" in response.content.decode()


def test_import_and_export_pages_404_for_other_workspaces(login, outsider, space, workspace):
    client = login(outsider)
    for name in ("wiki_space_import", "wiki_space_export"):
        url = reverse(name, kwargs={"ws": workspace.slug, "space": space.slug})
        assert client.get(url).status_code == 404


def test_import_page_refused_without_edit(login, assistant, owner, space, workspace):
    Grant.objects.create(workspace=workspace, space=space, level=Level.READ, membership=assistant)
    url = reverse("wiki_space_import", kwargs={"ws": workspace.slug, "space": space.slug})
    assert login(assistant).get(url).status_code == 403
