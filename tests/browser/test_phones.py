"""Phones (UI rule 10, issue 9), in a real Chromium at 375 px: the month calendar becomes an
agenda of its days with tasks (the grid still shows on a wide screen), and wide tables scroll
inside a focusable, named container while the page itself keeps to the screen's width.

axe-core checks each page at the width it is looked at. Waits are on page state, never on time.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import workspace_today

from .helpers import MOBILE_WIDTH, axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "acme"
PHONE = {"width": MOBILE_WIDTH, "height": 812}
PAGE_WIDTH = "() => document.scrollingElement.scrollWidth"


def _owner() -> Membership:
    ws = WorkspaceFactory(name="Acme Home", slug=SLUG, language="en", timezone="Asia/Shanghai")
    owner: Membership = MembershipFactory(
        workspace=ws, role=Role.OWNER, user__email="olivia@acme.example",
        user__full_name="Olivia Owner",
    )  # fmt: skip
    return owner


def _page_for(new_context: Any, base_url: str, membership: Membership, **options: Any) -> Any:
    context = new_context(**options)
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


def test_month_calendar_is_an_agenda_on_a_phone_and_a_grid_on_a_wide_screen(new_context, base_url):
    from keel.tasks import services

    owner = _owner()
    project = services.project_create(actor=owner, name="Amazon listings", key="AMZ")
    title = "Rewrite the bamboo cutting board listing for the German marketplace"
    task = services.task_create(
        actor=owner, project=project, title=title, due=workspace_today(owner.workspace)
    )
    url = reverse("project_calendar", kwargs={"ws": SLUG, "project_id": project.pk})

    page = _page_for(new_context, base_url, owner, viewport=PHONE)
    page.goto(url)
    agenda = page.locator(".calendar-agenda")
    expect(agenda).to_be_visible()
    expect(page.locator(".calendar-wrap")).to_be_hidden()
    link = agenda.get_by_role("link", name=title)
    expect(link).to_be_visible()
    assert page.evaluate(PAGE_WIDTH) <= MOBILE_WIDTH
    axe_check(page, label="calendar at 375 px")
    # The keyboard reaches the task and opens it.
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('task_detail', kwargs={'ws': SLUG, 'task_id': task.pk})}")

    wide = _page_for(new_context, base_url, owner)
    wide.goto(url)
    expect(wide.locator("table.calendar")).to_be_visible()
    expect(wide.locator(".calendar-agenda")).to_be_hidden()
    expect(wide.locator("table.calendar").get_by_role("link", name=title)).to_be_visible()


def _scrolls_inside_its_container(page: Any, label: str) -> None:
    scroller = page.locator(".table-scroll")
    expect(scroller).to_have_count(1)
    expect(scroller).to_be_visible()
    assert scroller.get_attribute("tabindex") == "0"
    assert scroller.get_attribute("role") == "region"
    assert page.evaluate(PAGE_WIDTH) <= MOBILE_WIDTH, f"{label}: the page is wider than the phone"
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth"), f"{label}: nothing to scroll"
    # Focused, the arrow keys scroll it.
    scroller.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")
    axe_check(page, label=f"{label} at 375 px")


def test_headcount_and_workload_tables_scroll_in_their_own_container_on_a_phone(
    new_context, base_url
):
    from keel.org.demo import seed_demo_org

    owner = _owner()
    seed_demo_org(owner)
    page = _page_for(new_context, base_url, owner, viewport=PHONE)

    page.goto(reverse("org_headcount", kwargs={"ws": SLUG}))
    _scrolls_inside_its_container(page, "headcount")

    page.goto(reverse("tasks_workload", kwargs={"ws": SLUG}))
    _scrolls_inside_its_container(page, "workload")


def test_new_project_suggests_a_key_from_the_name_until_the_key_is_edited(new_context, base_url):
    from keel.tasks.models import Project

    owner = _owner()
    page = _page_for(new_context, base_url, owner, viewport=PHONE)
    page.goto(reverse("project_new", kwargs={"ws": SLUG}))
    name, key = page.locator("input[name=name]"), page.locator("input[name=key]")

    name.fill("Marketing")
    expect(key).to_have_value("MAR")
    name.fill("Amazon listings")
    expect(key).to_have_value("AL")
    # Typed in lower case, the key shows in capitals; from then on the name leaves it alone.
    key.fill("")
    key.press_sequentially("amz")
    expect(key).to_have_value("AMZ")
    name.fill("Amazon listings Europe")
    expect(key).to_have_value("AMZ")
    axe_check(page, label="new project at 375 px")
    assert page.evaluate(PAGE_WIDTH) <= MOBILE_WIDTH

    page.get_by_role("button", name="Create project").click()
    page.wait_for_url(re.compile(r"/projects/\d+/$"))
    assert Project.objects.filter(workspace=owner.workspace, key="AMZ").exists()
