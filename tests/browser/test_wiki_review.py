"""A review date becomes a task for the seat holder (issue 10), in 简体中文: the page owned by
the "物流专员" seat is due; the review job creates the task; the holder finds it in My tasks,
opens the page from the task's link, marks it reviewed, and the task is done."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import Seat
from keel.tasks.models import Status

from .helpers import axe_check, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_seat_holder_reviews_a_due_page(new_context, base_url):
    from keel.wiki import services
    from keel.wiki.models import Page

    ws = WorkspaceFactory(slug="shop", language="zh-hans", timezone="Asia/Shanghai")
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__full_name="林伟")
    holder = MembershipFactory(workspace=ws, role=Role.MEMBER, user__full_name="王芳",
                               user__language="zh-hans")  # fmt: skip
    seat = Seat.objects.create(workspace=ws, title="物流专员", holder=holder, status="filled")
    space = services.space_create(actor=owner, name="运营", slug="ops")
    page = services.page_create(actor=owner, space=space, title="发货流程", owner_seat=seat,
                                body="## 打包\n\n先称重。", review_every_days=90)  # fmt: skip
    Page.objects.filter(pk=page.pk).update(review_due=timezone.localdate())
    assert services.create_due_review_tasks() == 1
    page.refresh_from_db()
    task = page.review_task

    context = new_context()
    sign_in_context(context, base_url, holder.user)
    set_language(context, base_url, "zh-hans")
    browser_page = context.new_page()
    browser_page.goto(reverse("tasks_mine", kwargs={"ws": ws.slug}))
    row = browser_page.get_by_role("link", name=re.compile("复查知识库页面“发货流程”"))
    expect(row).to_be_visible()
    browser_page.goto(reverse("wiki_page", kwargs={"ws": ws.slug, "page_id": page.pk}))
    expect(browser_page.get_by_text("待复查").first).to_be_visible()
    axe_check(browser_page, label="page due for review (zh-hans)")
    browser_page.get_by_role("button", name="标记为已复查").click()
    browser_page.wait_for_url(re.compile(rf"/wiki/p/{page.pk}/$"))
    expect(browser_page.get_by_role("button", name="标记为已复查")).to_have_count(0)
    task.refresh_from_db()
    assert task.status == Status.DONE
