"""Offboarding in Chinese (issue 9, rule 7): the owner sees every piece of the leaving person's
work — their own tasks, a recurring series, the seat they hold with the series it carries —
by name and count, picks a receiver, confirms, and reads what moved to whom, in 简体中文.

Before, the confirmation listed headings without names and the summary said "0 open tasks"
while the person's seat carried a recurring series with an open occurrence.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import Seat

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shop():
    from keel.tasks import services
    from keel.tasks.services.recurrence import recurrence_create

    ws = WorkspaceFactory(slug="shop", language="zh-hans", timezone="Asia/Shanghai")
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__full_name="林伟",
                              user__language="zh-hans")  # fmt: skip
    lead = MembershipFactory(workspace=ws, role=Role.MANAGER, user__full_name="张伟",
                             user__email="zhang@shop.example")  # fmt: skip
    leaver = MembershipFactory(workspace=ws, role=Role.MEMBER, user__full_name="王芳",
                               user__email="wang@shop.example")  # fmt: skip
    boss = Seat.objects.create(workspace=ws, title="运营主管", holder=lead, status="filled")
    seat = Seat.objects.create(workspace=ws, title="物流专员", holder=leaver, reports_to=boss,
                               status="filled")  # fmt: skip
    project = services.project_create(actor=owner, name="亚马逊店铺", key="AMZ")
    services.project_set_members(actor=owner, project=project, members=[lead, leaver])
    recurrence_create(actor=owner, project=project, title="每周核对物流账单", preset="weekly",
                      weekdays=["MO"], dtstart_local=date(2026, 12, 7),
                      assignee_seat=seat)  # fmt: skip
    services.task_create(actor=owner, project=project, title="回复供应商邮件", assignee=leaver)
    return ws, owner, lead, leaver


def test_owner_sees_the_work_before_and_where_it_went_after(new_context, base_url):
    ws, owner, lead, leaver = _shop()
    context = new_context()
    sign_in_context(context, base_url, owner.user)
    set_language(context, base_url, "zh-hans")
    page = context.new_page()

    page.goto(reverse("member_offboard", kwargs={"ws": ws.slug, "pk": leaver.pk}))
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^zh"))
    main = page.locator("main")
    # Before: names and counts, the seat with what it carries and who does it if left empty.
    expect(main).to_contain_text("回复供应商邮件")
    expect(main).to_contain_text("物流专员")
    expect(main).to_contain_text("周期任务：1")
    expect(main).to_contain_text("若空出，由 张伟 承担其工作")
    task_select = main.get_by_label(re.compile("由谁接手 AMZ-"))
    expect(task_select).to_have_value(str(lead.pk))  # the seat above's holder by default
    axe_check(page, label="offboarding plan (zh-hans)")

    page.get_by_role("button", name="办理离职并交接").click()
    page.wait_for_url(re.compile(r"/offboarding/$"))
    # After: what moved to whom, by name, in Chinese.
    expect(main).to_contain_text("已交给 张伟")
    expect(main).to_contain_text("岗位空出：到岗前由 张伟 承担其工作")
    expect(main).to_contain_text("周期任务：1")
    expect(main).not_to_contain_text("zhang@shop.example")
    axe_check(page, label="offboarding report (zh-hans)")

    page.set_viewport_size({"width": MOBILE_WIDTH, "height": 800})
    assert horizontal_overflow(page) == 0
    axe_check(page, label="offboarding report at 375 px")
