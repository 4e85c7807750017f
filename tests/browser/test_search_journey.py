"""Search in a real Chromium: `/` opens the shell's box, a 2-character Chinese word shows
the best hits as you type, Enter opens the results page (axe-clean, in Chinese), and a hit
opens the task. A task of a project the member may not open never shows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from keel.search.registry import only_search_providers
from keel.search.services import rebuild
from keel.tasks.search import TASK_SEARCH
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indexed_tasks(workspace: Any) -> Iterator[Any]:
    shop = ProjectFactory(workspace=workspace, name="Shop")
    payroll = ProjectFactory(workspace=workspace, name="Payroll", visibility="members")
    task = TaskFactory(
        project=shop, title="處理亞馬遜退款", description="客户申请退款，FBA 仓库已收货。"
    )
    TaskFactory(project=shop, title="补充库存", description="下周补货")
    TaskFactory(project=payroll, title="工资退款核对", description="管理层")
    with only_search_providers(TASK_SEARCH):
        rebuild(workspace=workspace)
        yield task


def test_find_a_task_from_the_shell_box_in_chinese(new_context, base_url, member, indexed_tasks):
    context = new_context()
    set_language(context, base_url, "zh-hans")
    sign_in_context(context, base_url, member.user)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/{member.workspace.slug}/projects/")
    page.wait_for_selector("html.js")

    page.keyboard.press("/")
    box = page.locator("[data-shell-search]")
    assert box.evaluate("el => el === document.activeElement")
    box.type("退款")  # Simplified finds the Traditional title
    hit = page.locator("#shell-search-results [data-search-hit]").first
    hit.wait_for()
    assert "處理亞馬遜退款" in hit.inner_text()
    assert "工资" not in page.locator("#shell-search-results").inner_text()
    axe_check(page, label="search dropdown")

    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator(".search-result")
    assert results.count() == 1
    assert page.locator(".search-result mark").first.inner_text() == "退款"
    assert "1 条结果" in page.locator("[role=status]").inner_text()
    axe_check(page, label="search results zh-hans")

    page.locator(".search-result-title a").click()
    page.wait_for_url(f"**/tasks/{indexed_tasks.pk}/")
    assert "處理亞馬遜退款" in page.locator("main").inner_text()
    assert errors == []


def test_empty_results_page_is_accessible(new_context, base_url, member, indexed_tasks):
    context = new_context(viewport={"width": MOBILE_WIDTH, "height": 800})
    sign_in_context(context, base_url, member.user)
    page = context.new_page()
    page.goto(f"/{member.workspace.slug}/search/?q=%E5%B7%A5%E8%B5%84")  # 工资: hidden
    assert page.locator(".search-result").count() == 0
    assert "Nothing matches" in page.locator("main").inner_text()
    axe_check(page, label="search empty")
    assert horizontal_overflow(page) == 0
    page.goto(f"/{member.workspace.slug}/search/?q=%E9%80%80%E6%AC%BE")  # 退款
    assert page.locator(".search-result").count() == 1
    assert horizontal_overflow(page) == 0
