"""Workspace settings (issue 9): the owner finds the page in the sidebar, changes the default
language and time zone, and sees them saved; the page passes axe before and after."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Role, Workspace
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

from .helpers import axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_owner_changes_default_language_and_time_zone(new_context, base_url):
    ws = WorkspaceFactory(slug="shop", name="Lotus Shop", language="en", timezone="UTC")
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__full_name="Wang Fang")
    context = new_context()
    sign_in_context(context, base_url, owner.user)
    page = context.new_page()

    page.goto(reverse("members", kwargs={"ws": ws.slug}))
    page.get_by_role("link", name="Workspace settings").click()
    page.wait_for_url(re.compile(r"/shop/settings/$"))
    expect(page.get_by_role("heading", name="Workspace settings")).to_be_visible()
    axe_check(page, label="workspace settings")

    page.get_by_label("Default language").select_option("zh-hant")
    page.get_by_label("Time zone").select_option("Asia/Taipei")
    page.get_by_label("Week starts on").select_option("sunday")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("The workspace settings were saved.")).to_be_visible()
    expect(page.get_by_label("Default language")).to_have_value("zh-hant")
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Taipei")
    axe_check(page, label="workspace settings, saved")
    saved = Workspace.objects.get(pk=ws.pk)
    assert (saved.language, saved.timezone, saved.week_start) == (
        "zh-hant",
        "Asia/Taipei",
        "sunday",
    )
