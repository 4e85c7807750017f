"""The team-chat pages as an admin would use them, in a real browser: connect a chat to a
local fake DingTalk robot, send a test message and see the chat's answer, fix the secret,
see the message go through. And the pages (list, form, a chat with history) are axe-clean
and fit a phone in English, Simplified and Traditional Chinese."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from .helpers import sign_in_context
from .test_accessibility import SLUG, _check_page
from .test_accessibility import _workspace_with_people as _people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "zh-hans", "zh-hant"]


def _list(owner: Any) -> str:
    return reverse("chat_webhooks", kwargs={"ws": SLUG})


def _new(owner: Any) -> str:
    return reverse("chat_webhook_new", kwargs={"ws": SLUG})


def _edit(owner: Any) -> str:
    from keel.notifications.models import ChatWebhook

    hook = ChatWebhook.objects.filter(workspace=owner.workspace).order_by("id").first()
    assert hook is not None
    return reverse("chat_webhook_edit", kwargs={"ws": SLUG, "webhook_id": hook.pk})


PAGES: list[tuple[str, Callable[[Any], str]]] = [
    ("chat-list", _list), ("chat-new", _new), ("chat-edit", _edit),
]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page_id", "make_url"), PAGES, ids=[p[0] for p in PAGES])
def test_chat_page_is_accessible_and_fits_a_phone(
    new_context, base_url, page_id, make_url, language
):
    from keel.accounts.models import Group
    from keel.notifications.demo import seed_demo_chats

    owner = _people()
    Group.objects.get_or_create(workspace=owner.workspace, name="Purchasing", alias="buy")
    seed_demo_chats(owner, language=language)
    _check_page(new_context, base_url, owner, make_url(owner), page_id, language, signed_in=True)


@override_settings(KEEL_CHAT_ALLOW_PRIVATE_HOSTS=True)
def test_an_admin_connects_a_chat_and_fixes_a_wrong_secret(new_context, base_url):
    from keel.notifications.tests.fake_chat import fake_chat

    owner = _people()
    with fake_chat(secret="SECright") as chat:
        context = new_context()
        sign_in_context(context, base_url, owner.user)
        page = context.new_page()
        page.goto(f"{base_url}{_list(owner)}")
        page.get_by_role("link", name="Connect a chat").first.click()
        page.locator("input[name=name]").fill("Ops robot")
        page.locator("select[name=provider]").select_option("dingtalk")
        page.get_by_label("Webhook address").fill(chat.url("dingtalk"))
        page.locator("input[name=secret]").fill("SECwrong")
        page.get_by_role("button", name="Connect").click()
        page.get_by_role("button", name="Send a test message").first.click()
        assert page.get_by_text("sign not match").first.is_visible()
        page.locator("input[name=secret]").fill("SECright")
        page.get_by_role("button", name="Save").click()
        page.get_by_role("link", name="Ops robot").click()
        page.get_by_role("button", name="Send a test message").first.click()
        assert page.get_by_text("Test message sent to Ops robot").is_visible()
    assert len(chat.received) == 2
