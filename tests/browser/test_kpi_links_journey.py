"""Issue 16's links from KPIs to the rest of Keel, in a real Chromium: the owner picks a KPI for
a vision milestone on its form (KPIs grouped Company / team), reads its progress for the year
on the vision page (a badge, the year's figure against the year's target, a link to the
year grid), then opens the upcoming monthly review, finds last month's missed KPI on the
agenda worded with its figures and follows it to the KPI's month. axe-core checks the
vision page, the milestone form and the meeting page. Waits are on page state, never time.

Figures are built so nothing depends on the date: the milestone's KPI has a target of 100,000
and a value of 1 in every month of this year up to now (missed by any pace), and the review's
KPI missed the month before the meeting's month (312,000 of 350,000).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.kpis.figures import add_months, month_start
from keel.org.models import workspace_today
from keel.org.tests.factories import DepartmentFactory

from .helpers import axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "acme"


def _shop() -> dict[str, Any]:
    from keel.feedback import agenda_feeds
    from keel.feedback.models import MeetingKind
    from keel.feedback.tests.factories import MeetingFactory, MeetingSeriesFactory
    from keel.goals.tests.factories import GoalFactory, MilestoneFactory
    from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory

    ws = WorkspaceFactory(name="Acme Home", slug=SLUG, language="en", timezone="Asia/Shanghai")
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__full_name="Olivia Owner",
                              user__language="en", user__timezone="Asia/Shanghai")  # fmt: skip
    sales = DepartmentFactory(workspace=ws, name="Sales")
    today = workspace_today(ws)
    orders = KpiFactory(workspace=ws, name="Orders", department=sales)
    for month in range(1, today.month + 1):
        KpiMonthFactory(kpi=orders, workspace=ws, month=datetime.date(today.year, month, 1),
                        target=Decimal(100_000), value=Decimal(1))  # fmt: skip
    revenue = KpiFactory(workspace=ws, name="Revenue", unit="money", currency="CNY")
    goal = GoalFactory(workspace=ws, title="Ten times the orders", target_year=today.year + 2)
    milestone = MilestoneFactory(workspace=ws, goal=goal, year=today.year, title="Double orders")
    series = MeetingSeriesFactory(
        workspace=ws, kind=MeetingKind.REVIEW, title="Monthly review", organizer=owner,
        rrule="FREQ=MONTHLY;BYDAY=1MO", timezone="Asia/Shanghai",
    )  # fmt: skip
    now = timezone.now()
    meeting = MeetingFactory(series=series, workspace=ws, starts_at=now + datetime.timedelta(
        minutes=5))  # fmt: skip
    looked_at = add_months(month_start(timezone.localtime(meeting.starts_at).date()), -1)
    KpiMonthFactory(kpi=revenue, workspace=ws, month=looked_at, target=Decimal(350_000),
                    value=Decimal(312_000))  # fmt: skip
    agenda_feeds.pull_into(meeting, now=now)
    return {"owner": owner, "orders": orders, "revenue": revenue, "milestone": milestone,
            "meeting": meeting, "month": looked_at, "year": today.year}  # fmt: skip


def test_owner_links_a_milestone_to_a_kpi_and_meets_the_missed_kpis(
    new_context: Any, base_url: str
) -> None:
    shop = _shop()
    context = new_context()
    sign_in_context(context, base_url, shop["owner"].user)
    page = context.new_page()
    failures: list[str] = []

    def axe(what: str) -> None:
        try:
            axe_check(page, label=what)
        except pytest.fail.Exception as failure:
            failures.append(str(failure))

    page.goto(f"{base_url}/{SLUG}/vision/milestones/{shop['milestone'].pk}/edit/")
    picker = page.get_by_label("KPI", exact=True)
    expect(picker.locator("optgroup[label='Sales'] option")).to_have_text(["Orders"])
    expect(picker.locator("optgroup[label='Company'] option")).to_have_text(["Revenue"])
    axe("milestone form")
    picker.select_option(label="Orders")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Milestone saved.")).to_be_visible()

    row = page.locator(f"#milestone-{shop['milestone'].pk}")
    expect(row.locator(".milestone-kpi .badge")).to_have_text("Missed")
    expect(row.locator(".milestone-kpi")).to_contain_text(re.compile(r"\d+ of [\d,]+ \(0%\)"))
    expect(row.locator(".milestone-kpi")).to_contain_text("judged by the pace so far")
    axe("vision page")
    row.get_by_role("link", name="Orders", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/kpis/{shop['orders'].pk}/$"))

    page.goto(f"{base_url}/{SLUG}/feedback/meetings/{shop['meeting'].pk}/")
    item = page.locator(".agenda-item", has_text="Revenue missed in")
    expect(item).to_contain_text("CN¥312,000 of CN¥350,000 (89%)")
    axe("meeting page")
    item.get_by_role("link", name=re.compile("^Revenue missed in")).click()
    slug = shop["month"].strftime("%Y-%m")
    expect(page).to_have_url(re.compile(rf"/kpis/{shop['revenue'].pk}/months/{slug}/$"))
    assert not failures, "\n".join(failures)
