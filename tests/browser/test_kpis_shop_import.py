"""Issue 16's shop import in a real Chromium: an owner opens "Import from a shop" from the
scorecard, uploads a Shopify orders export (the real column layout: 33 line items, 23 orders
over January–March 2026, multi-line orders and a cancelled one), finds revenue, orders and
average order value offered to the KPIs whose names say so, sees February's revenue replace
the value typed before, changes one choice, confirms, and reads the imported figures on the
scorecard and on the KPI's month. axe-core checks the upload page and the preview. Waits are
on page state, never on time.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory

from .helpers import axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "acme"
SAMPLE = Path(__file__).parents[2] / "keel/kpis/tests/samples/shopify_orders.csv"


def test_owner_imports_a_shopify_export_into_three_kpis(new_context: Any, base_url: str) -> None:
    import datetime

    from keel.kpis.models import KpiMonth
    from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory

    failures: list[str] = []

    def axe(page: Any, what: str) -> None:
        try:
            axe_check(page, label=what)
        except pytest.fail.Exception as failure:
            failures.append(str(failure))

    ws = WorkspaceFactory(name="Acme Home", slug=SLUG, language="en", timezone="Asia/Shanghai",
                          currency="USD")  # fmt: skip
    owner = MembershipFactory(workspace=ws, role=Role.OWNER, user__full_name="Olivia Owner",
                              user__language="en", user__timezone="Asia/Shanghai")  # fmt: skip
    usd = {"unit": "money", "currency": "USD"}
    revenue = KpiFactory(workspace=ws, name="Revenue", **usd)
    orders = KpiFactory(workspace=ws, name="Orders")
    aov = KpiFactory(workspace=ws, name="Average order value", aggregation="average", **usd)
    other = KpiFactory(workspace=ws, name="Wholesale orders")
    feb = datetime.date(2026, 2, 1)
    KpiMonthFactory(kpi=revenue, month=feb, target=Decimal(900), value=Decimal(980))

    context = new_context()
    sign_in_context(context, base_url, owner.user)
    page = context.new_page()

    # 1. From the scorecard to the upload page.
    page.goto(f"/{SLUG}/kpis/")
    page.get_by_role("link", name="Import from a shop").click()
    page.wait_for_url(f"**/{SLUG}/kpis/import/")
    axe(page, "shop import upload")
    page.get_by_label(re.compile(r"^Format")).select_option(label="Shopify orders export")
    page.get_by_label(re.compile(r"^File")).set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Check the file").click()

    # 2. The preview: three figures, each offered to the KPI named for it; three months.
    expect(page.get_by_role("heading", name="Check before importing")).to_be_visible()
    expect(page.get_by_label("Revenue", exact=True)).to_have_value(str(revenue.pk))
    # two KPIs say "orders": the one named just that
    expect(page.get_by_label("Orders", exact=True)).to_have_value(str(orders.pk))
    expect(page.get_by_label("Average order value", exact=True)).to_have_value(str(aov.pk))
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text("February 2026")
    expect(rows.nth(1)).to_contain_text("US$1,003.80")
    expect(rows.nth(1)).to_contain_text("replaces US$980")
    axe(page, "shop import preview")
    assert KpiMonth.objects.get(kpi=revenue, month=feb).value == 980  # nothing saved yet

    # 3. A choice changed and checked ("Show what it replaces" keeps it), then back; confirm.
    page.get_by_label("Average order value", exact=True).select_option(label="Don't import")
    page.get_by_role("button", name="Show what it replaces").click()
    expect(page.get_by_role("columnheader", name=re.compile("not imported"))).to_be_visible()
    expect(page.get_by_label("Average order value", exact=True)).to_have_value("")
    page.get_by_label("Average order value", exact=True).select_option(str(aov.pk))
    expect(page.get_by_role("columnheader", name=re.compile("Orders → Orders"))).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url(f"**/{SLUG}/kpis/")
    expect(page.locator(".messages")).to_contain_text("3 months imported into 3 KPIs.")

    # 4. The figures on the scorecard and on the KPI's month.
    page.goto(f"/{SLUG}/kpis/?month=2026-02")
    expect(page.get_by_role("row").filter(has_text="Revenue").first).to_contain_text("US$1,003.80")
    expect(page.get_by_role("row").filter(has=page.get_by_role("link", name="Orders", exact=True))
           ).to_contain_text("8")  # fmt: skip
    page.goto(f"/{SLUG}/kpis/{aov.pk}/months/2026-03/")
    expect(page.locator(".kpi-meta")).to_contain_text("US$90.21")
    saved = {kpi.name: dict(KpiMonth.objects.filter(kpi=kpi).values_list("month", "value"))
             for kpi in (revenue, orders, aov, other)}  # fmt: skip
    assert saved["Revenue"][feb] == Decimal("1003.80"), saved
    assert saved["Orders"] == {datetime.date(2026, m, 1): n for m, n in ((1, 7), (2, 8), (3, 7))}
    assert saved["Wholesale orders"] == {}
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
