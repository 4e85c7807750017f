"""Date inputs in Chinese (issue 9): the new recurring task form pre-fills today's date, and
a shop owner reading Keel in Simplified Chinese keeps it, submits, and gets the series.

Before, the first date was written as `2026/12/07` (the language's input format), Chromium
dropped it, and the form failed with "this field is required".
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import workspace_today

from .helpers import set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chinese_owner_keeps_the_prefilled_first_date_and_creates_a_series(new_context, base_url):
    from keel.tasks import services
    from keel.tasks.models import Recurrence

    ws = WorkspaceFactory(slug="shop", language="zh-hans", timezone="Asia/Shanghai")
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__full_name="王芳")
    project = services.project_create(actor=owner, name="天猫店铺", key="TM")
    today = workspace_today(ws)
    context = new_context()
    sign_in_context(context, base_url, owner.user)
    set_language(context, base_url, "zh-hans")
    page = context.new_page()

    page.goto(reverse("project_recurrences", kwargs={"ws": ws.slug, "project_id": project.pk}))
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^zh"))
    first_date = page.locator('input[name="dtstart_date"]')
    # The browser accepted the pre-filled value: an ISO date, not `2026/12/07`.
    expect(first_date).to_have_value(today.isoformat())
    page.locator('input[name="title"]').fill("每日核对订单")
    page.locator('input[name="preset"][value="daily"]').check()
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(re.compile(r"/recurring/$"))

    series = Recurrence.objects.get(project=project)
    assert series.title == "每日核对订单"
    assert series.dtstart_local.date() == today
    expect(page.get_by_role("row").filter(has_text="每日核对订单")).to_be_visible()
