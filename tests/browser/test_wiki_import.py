"""Import a Notion-style zip into a wiki space in a real Chromium: upload, the preview lists
the tree and the skipped files (survives a reload), confirm creates the pages; the space's
export downloads a zip. axe-clean at 1280 and 375 px, nothing wider than the phone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from keel.wiki import services
from keel.wiki.models import Page

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


NOTION_ID = "3f2a9c0b1d2e4f5a6b7c8d9e0f1a2b3c"
XSS_PAGE = (
    "<html><head><title>Payloads</title><script>alert('head')</script></head><body>"
    "<p id=ok>Still here</p><img src=x onerror=alert(1)><a href='javascript:alert(2)'>a</a>"
    "<iframe srcdoc='<script>alert(3)</script>'></iframe><svg onload=alert(4)></svg>"
    "<div onmouseover=alert(5)>hover</div><a href='jav&#x09;ascript:alert(6)'>b</a>"
    "<details open ontoggle=alert(7)>x</details><math><mi xlink:href='javascript:alert(8)'>m</mi>"
    "</math>&lt;script&gt;alert(9)&lt;/script&gt;</body></html>"
)


def _zip(tmp_path: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "Export/退款流程 3f2a9c0b1d2e4f5a6b7c8d9e0f1a2b3c.md", "# 退款流程\n\n先查库存。"
        )
        archive.writestr(
            f"Export/退款流程 {NOTION_ID}/Carriers.md",
            f"See [refunds](../退款流程%20{NOTION_ID}.md)",
        )
        archive.writestr("Export/../../etc/evil.md", "nope")
        archive.writestr("Export/Payloads.html", XSS_PAGE)
        archive.writestr("Export/<img src=x onerror=alert(1)>.exe", b"MZ")
    path = tmp_path / "notion export.zip"
    path.write_bytes(out.getvalue())
    return path


def test_import_a_zip_and_export_the_space(
    owner: Any, new_context: Any, base_url: str, workspace: Any, tmp_path: Path, settings: Any
) -> None:
    settings.KEEL_WIKI_IMPORT_DIR = tmp_path / "imports"
    space = services.space_create(actor=owner, name="Operations", slug="ops")
    for width in (1280, MOBILE_WIDTH):
        context = new_context(viewport={"width": width, "height": 900})
        sign_in_context(context, base_url, owner.user)
        page = context.new_page()
        page.on("dialog", lambda d: pytest.fail(f"a script ran: {d.message}"))
        page.goto(f"/{workspace.slug}/wiki/s/{space.slug}/import/")
        axe_check(page, label=f"import upload {width}")
        page.set_input_files("input[type=file]", str(_zip(tmp_path)))
        page.get_by_role("button", name="Preview").click()
        page.wait_for_url("**/import/?token=*")
        problems = page.locator("#import-problems")
        assert "outside the zip" in problems.inner_text()
        assert "<img src=x onerror=alert(1)>.exe" in problems.inner_text()  # shown as text
        page.reload()
        assert "Carriers" in page.locator(".wiki-import-tree").inner_text()
        axe_check(page, label=f"import preview {width}")
        assert horizontal_overflow(page) == 0
        if width == MOBILE_WIDTH:
            page.get_by_role("button", name="Cancel").click()
            page.wait_for_url(f"**/wiki/s/{space.slug}/")
            continue
        page.get_by_role("button", name="Import 3 pages").click()
        page.wait_for_url(f"**/wiki/s/{space.slug}/")
        carriers = Page.objects.get(space=space, title="Carriers")
        assert carriers.parent is not None and carriers.parent.title == "退款流程"
        assert carriers.body == "See [[退款流程|refunds]]"
        payloads = Page.objects.get(space=space, title="Payloads")
        page.goto(f"/{workspace.slug}/wiki/p/{payloads.pk}/")
        page.locator("text=hover").hover()
        assert "<script>alert(9)</script>" in page.locator("main").inner_text()
        assert (
            page.evaluate("() => document.querySelectorAll('main script, main iframe').length") == 0
        )
        with page.expect_download() as download:
            page.evaluate(
                "url => { const a = document.createElement('a'); a.href = url; a.download = '';"
                " document.body.appendChild(a); a.click(); }",
                f"/{workspace.slug}/wiki/s/{space.slug}/export.zip",
            )
        names = zipfile.ZipFile(download.value.path()).namelist()
        assert sorted(names) == ["Payloads.md", "退款流程/Carriers.md", "退款流程/index.md"]
    assert Page.objects.filter(space=space).count() == 3
