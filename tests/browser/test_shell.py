"""The shell in a real Chromium: shortcuts, theme, sidebar at 375 px, language, CSP.

Pages run under their real CSP here (no bypass), so an inline style or script shows up as a
console error and fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path(os.environ.get("KEEL_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture
def chromium(browser: Any) -> Any:
    """The session's Chromium (tests/browser/conftest.py); contexts here keep the real CSP."""
    return browser


def _page(chromium: Any, live_server: Any, client: Any, membership: Any, width: int = 1280):
    client.force_login(membership.user)
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    context.set_default_timeout(10_000)
    host = live_server.url.split("//")[1].split(":")[0]
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "domain": host, "path": "/"}]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, errors


def test_shortcuts_theme_and_dropdowns(chromium, live_server, client, owner, member):
    page, errors = _page(chromium, live_server, client, owner)
    page.goto("/acme/")
    page.wait_for_selector("html.js")

    page.keyboard.press("?")
    dialog = page.locator("#shortcuts-dialog")
    assert dialog.is_visible()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()

    toggle = page.locator("[data-theme-toggle]")
    assert toggle.is_visible()
    toggle.click()
    assert page.locator("html").get_attribute("data-theme") == "light"
    toggle.click()
    assert page.locator("html").get_attribute("data-theme") == "dark"
    page.reload()
    assert page.locator("html").get_attribute("data-theme") == "dark"  # remembered

    switcher = page.locator(".workspace-switcher [data-dropdown]")
    menu = page.locator("#workspace-menu")
    assert not menu.is_visible()
    switcher.click()
    assert switcher.get_attribute("aria-expanded") == "true" and menu.is_visible()
    page.keyboard.press("Escape")
    assert switcher.get_attribute("aria-expanded") == "false" and not menu.is_visible()

    page.locator("body").click(position={"x": 600, "y": 400})
    page.keyboard.press("g")
    page.keyboard.press("m")
    page.wait_for_url("**/acme/members/")
    assert errors == []


def test_narrow_screen_has_top_bar_and_no_horizontal_overflow(chromium, live_server, client, owner):
    page, errors = _page(chromium, live_server, client, owner, width=375)
    for path in ("/acme/", "/acme/notifications/", "/acme/notifications/preferences/"):
        page.goto(path)
        page.wait_for_selector("html.js")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.goto("/acme/")
    menu = page.locator("[data-sidebar-toggle]")
    sidebar_link = page.locator("#sidebar [data-nav='home']")
    assert menu.is_visible() and not sidebar_link.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    sidebar_link.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert errors == []


def test_language_select_submits_on_change(chromium, live_server, client, owner):
    page, errors = _page(chromium, live_server, client, owner)
    page.goto("/acme/")
    page.wait_for_selector("html.js")
    with page.expect_navigation():
        page.locator("#sidebar-language").select_option("zh-hant")
    assert page.locator("html").get_attribute("lang") == "zh-hant"
    assert errors == []


def test_sidebar_collapses_on_wide_screens(chromium, live_server, client, owner):
    page, errors = _page(chromium, live_server, client, owner)
    page.goto("/acme/")
    page.wait_for_selector("html.js")
    page.locator("[data-sidebar-collapse]").click()
    assert not page.locator("#sidebar").is_visible()
    page.reload()
    assert not page.locator("#sidebar").is_visible()  # remembered on this device
    page.locator("[data-sidebar-toggle]").click()
    assert page.locator("#sidebar").is_visible()
    assert errors == []
