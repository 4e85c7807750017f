"""Use an email template in a real Chromium, in Simplified Chinese: the Chinese variant is
chosen, the variables (one with a Chinese name) are filled, the result shows with its copy
buttons, "Copy subject" puts the subject on the clipboard, and the mailto: link carries the
encoded subject and body. axe-clean at 375 and 1280 px, and nothing wider than the phone."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from keel.wiki import services
from keel.wiki.models import PageKind

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def template(owner: Any) -> Any:
    space = services.space_create(actor=owner, name="客服", slug="cs")
    page = services.page_create(
        actor=owner,
        space=space,
        title="供应商催货",
        body="订单延迟时使用。",
        kind=PageKind.TEMPLATE,
    )
    services.variant_set(
        actor=owner,
        page=page,
        language="en",
        subject="Order {{order_number}} is late",
        body="Dear {{supplier_name}},\nOrder {{order_number}} is late.",
    )
    services.variant_set(
        actor=owner,
        page=page,
        language="zh-hans",
        subject="订单 {{order_number}} 催货",
        body="{{供应商}}您好：\n订单 {{order_number}} 还没有发货，请尽快安排。",
    )
    return page


@pytest.mark.parametrize("width", [MOBILE_WIDTH, 1280])
def test_use_a_template_in_chinese(new_context, base_url, member, template, width):
    context = new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    set_language(context, base_url, "zh-hans")
    sign_in_context(context, base_url, member.user)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/{member.workspace.slug}/wiki/p/{template.pk}/use/")
    page.wait_for_selector("html.js")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    axe_check(page, label=f"template use form {width}")

    page.get_by_label("order number").fill("A-1024")
    page.get_by_label("供应商").fill("华强电子")
    page.locator("form[hx-post] button[type=submit]").click()
    subject = page.locator("#tpl-subject")
    subject.wait_for()
    assert subject.input_value() == "订单 A-1024 催货"
    assert page.locator("#tpl-body").input_value().startswith("华强电子您好：\n订单 A-1024")
    copy = page.locator("[data-copy=tpl-subject]")
    assert copy.is_visible()
    copy.click()
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent")
    assert page.evaluate("() => navigator.clipboard.readText()") == "订单 A-1024 催货"

    href = page.locator("[data-mailto]").get_attribute("href")
    assert href is not None and href.startswith("mailto:?subject=")
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == ["订单 A-1024 催货"]
    assert query["body"] == ["华强电子您好：\r\n订单 A-1024 还没有发货，请尽快安排。"]
    axe_check(page, label=f"template result {width}")
    assert horizontal_overflow(page) == 0
    assert errors == []


def test_contacts_directory_is_accessible_on_a_phone(new_context, base_url, owner, member):
    services.contact_create(
        actor=owner,
        fields=services.ContactFields(
            kind="supplier",
            company="深圳华强电子有限公司",
            name="张伟",
            email="zhang.wei.sales.department@huaqiang-electronics.example",
            tags=["电子", "深圳"],
        ),
    )
    context = new_context(viewport={"width": MOBILE_WIDTH, "height": 800})
    set_language(context, base_url, "zh-hans")
    sign_in_context(context, base_url, owner.user)
    page = context.new_page()
    page.goto(f"/{owner.workspace.slug}/wiki/contacts/")
    page.wait_for_selector(".contact-card")
    assert "深圳华强电子有限公司" in page.locator("main").inner_text()
    assert horizontal_overflow(page) == 0
    axe_check(page, label="contacts 375")
