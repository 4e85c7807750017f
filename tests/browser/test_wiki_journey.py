"""The wiki's pages in a real Chromium, in Simplified Chinese: write a page in Chinese with a
[[link]] to another page (live preview, rendered link, backlink on the target), view its
history and restore an older version, two people editing the same page at once (the second
gets the conflict screen and saves the merge: nothing is lost), and axe-core at 375 and
1280 px on the front page, a space, a page, the editor, the history and a diff.

Selectors are ids and data attributes, not words: the Chinese catalogue is merged later.
Waits are on page state, never on time.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.wiki import services
from keel.wiki.models import Page, Space

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lotus"
LANGUAGE = "zh-hans"


def _url(name: str, **kwargs: Any) -> str:
    return reverse(name, kwargs={"ws": SLUG, **kwargs})


@pytest.fixture
def people() -> tuple[Membership, Membership]:
    ws = WorkspaceFactory(name="莲花贸易", slug=SLUG, language=LANGUAGE, timezone="Asia/Shanghai",
                          email_domain="lotus.example")  # fmt: skip
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__email="wang@lotus.example",
                              user__full_name="王芳", user__language=LANGUAGE)  # fmt: skip
    member = MembershipFactory(workspace=ws, role=Role.MEMBER, user__email="li@lotus.example",
                               user__full_name="李雷", user__language=LANGUAGE)  # fmt: skip
    return owner, member


@pytest.fixture
def space(people: tuple[Membership, Membership]) -> Space:
    owner, _member = people
    space = services.space_create(actor=owner, name="运营", slug="ops")
    services.page_create(actor=owner, space=space, title="退款政策",
                         body="# 退款\n\n七天内可以退款。\n")  # fmt: skip
    return space


def _browser_page(new_context: Any, base_url: str, membership: Membership, **options: Any) -> Any:
    context = new_context(**options)
    set_language(context, base_url, LANGUAGE)
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


def test_write_link_history_and_restore(
    new_context: Any, base_url: str, people: Any, space: Space
) -> None:
    owner, _member = people
    target = Page.objects.get(title="退款政策")
    page = _browser_page(new_context, base_url, owner)

    page.goto(_url("wiki_page_new", space="ops"))
    expect(page.locator("html")).to_have_attribute("lang", LANGUAGE)
    page.fill("#id_title", "客服手册")
    page.locator("#id_body").fill("## 退货\n\n请先阅读 [[退款政策]]。\n")
    # The live preview (htmx, debounced) renders the link for this reader.
    link = page.locator("#wiki-preview a.wikilink")
    expect(link).to_have_attribute("href", _url("wiki_page", page_id=target.pk))
    page.locator("[data-wiki-save]").click()
    expect(page.locator("article.wiki-body a.wikilink")).to_have_text("退款政策")
    created = Page.objects.get(title="客服手册")

    # The target lists it under "Linked from".
    page.locator("article.wiki-body a.wikilink").click()
    expect(page.locator(".wiki-backlinks")).to_contain_text("客服手册")

    # A second version, then restore the first from the history.
    page.goto(_url("wiki_page_edit", page_id=created.pk))
    page.locator("#id_body").fill("## 退货\n\n已改写。\n")
    page.locator("#id_body").press("Control+Enter")  # the editor's save shortcut
    expect(page.locator("article.wiki-body")).to_contain_text("已改写")
    page.goto(_url("wiki_page_history", page_id=created.pk))
    expect(page.locator("table.wiki-history tbody tr")).to_have_count(2)
    page.locator('button[form="restore-1"]').click()
    expect(page.locator("article.wiki-body")).to_contain_text("请先阅读")
    created.refresh_from_db()
    assert created.version == 3 and "请先阅读" in created.body


def test_two_editors_nothing_lost(
    new_context: Any, base_url: str, people: Any, space: Space
) -> None:
    owner, member = people
    target = Page.objects.get(title="退款政策")
    first = _browser_page(new_context, base_url, owner)
    second = _browser_page(new_context, base_url, member)
    for tab in (first, second):
        tab.goto(_url("wiki_page_edit", page_id=target.pk))
        expect(tab.locator("#id_body")).to_have_value(re.compile("七天内"))

    first.locator("#id_body").fill("# 退款\n\n十四天内可以退款。\n")
    first.locator("[data-wiki-save]").click()
    expect(first.locator("article.wiki-body")).to_contain_text("十四天内")

    second.locator("#id_body").fill("# 退款\n\n三十天内可以退款。\n")
    second.locator("[data-wiki-save]").click()
    # The conflict screen: their version, a diff, and the merged text with markers.
    expect(second.locator(".wiki-conflict")).to_be_visible()
    expect(second.locator(".wiki-diff")).to_contain_text("十四天内")
    merged = second.locator("#id_body").input_value()
    assert "十四天内" in merged and "三十天内" in merged and "<<<<<<<" in merged
    axe_check(second, label="conflict screen")
    second.locator("#id_body").fill("# 退款\n\n十四天内可以退款；大件三十天内。\n")
    second.locator("[data-wiki-save]").click()
    expect(second.locator("article.wiki-body")).to_contain_text("大件三十天内")
    target.refresh_from_db()
    assert target.version == 3 and "十四天内" in target.body and "三十天内" in target.body


@pytest.mark.parametrize("width", [MOBILE_WIDTH, 1280])
def test_wiki_pages_are_accessible(new_context: Any, base_url: str, people: Any, space: Space,
                                   width: int) -> None:  # fmt: skip
    owner, member = people
    target = Page.objects.get(title="退款政策")
    body = "# 退款\n\n七天内可以退款。\n\n## 例外\n\n定制商品不退。\n"
    services.page_update(actor=member, page=target, base_version=1, body=body)
    page = _browser_page(new_context, base_url, owner, viewport={"width": width, "height": 800})
    for path in (
        _url("wiki_home"),
        _url("wiki_space", space="ops"),
        _url("wiki_page", page_id=target.pk),
        _url("wiki_page_edit", page_id=target.pk),
        _url("wiki_page_history", page_id=target.pk),
        _url("wiki_page_diff", page_id=target.pk) + "?from=1&to=2",
        # and the other wiki screens of this module
        _url("wiki_revision", page_id=target.pk, number=1),
        _url("wiki_page_move", page_id=target.pk),
        _url("wiki_page_archive", page_id=target.pk),
        _url("wiki_page_access", page_id=target.pk),
        _url("wiki_page_new", space="ops"),
        _url("wiki_space_new"),
        _url("wiki_space_settings", space="ops"),
        _url("wiki_space_archived", space="ops"),
    ):
        page.goto(path)
        expect(page.locator(".page-header h1")).to_be_visible()
        axe_check(page, label=f"{path} at {width}px")
        if width == MOBILE_WIDTH:
            assert horizontal_overflow(page) == 0, f"{path} scrolls sideways at {width}px"


def test_drag_a_page_under_another(
    new_context: Any, base_url: str, people: Any, space: Space
) -> None:
    owner, _member = people
    first = services.page_create(actor=owner, space=space, title="发货流程")
    second = services.page_create(actor=owner, space=space, title="包装规范")
    page = _browser_page(new_context, base_url, owner)
    page.goto(_url("wiki_page", page_id=first.pk))
    page.keyboard.press("g")
    page.keyboard.press("w")  # "g w": the wiki, from anywhere
    expect(page).to_have_url(re.compile(re.escape(_url("wiki_home")) + "$"))
    page.goto(_url("wiki_space", space="ops"))
    source = page.locator(f'li[data-page="{second.pk}"] > .wiki-tree-row')
    source.drag_to(page.locator(f'li[data-page="{first.pk}"] > .wiki-tree-row'))
    # The page reloads with the tree as saved: the second page is now under the first.
    expect(page.locator(f'li[data-page="{first.pk}"] li[data-page="{second.pk}"]')).to_have_count(1)
    second.refresh_from_db()
    assert second.parent_id == first.pk
