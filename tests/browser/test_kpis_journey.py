"""Issue 16's KPI journey in a real Chromium: an owner opens the KPIs page from the sidebar,
defines "Revenue" (money in CNY, summed per month, for the Sales team, answered for by a
seat), sets the year's targets and a month's value and commentary in the year grid, copies
the targets into the next year, imports a CSV of daily sales (a bad line reported by its
number, the month totals previewed, the typed value shown as replaced), reads the trend and
the month-by-month table, finds the KPI on the scorecard with the right status and drills
into the month to change its commentary. A member who does not answer for the KPI reads it
but may not enter its values or import them.

Figures are built so the status does not depend on the month's length: each month's target
is 1,000 a day, the later imported month sells 950 a day (95%: "Close" under the 10% amber
margin) and the earlier one 1,200 a day ("On target"). axe-core checks the scorecard, the
KPI page, the year grid and the import preview. Waits are on page state, never on time.
"""

from __future__ import annotations

import calendar
import datetime
import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.kpis.figures import add_months, month_start
from keel.org.models import Seat, workspace_today
from keel.org.tests.conftest import make_seat_in
from keel.org.tests.factories import DepartmentFactory

from .helpers import axe_check, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "acme"
COMMENT = "Typed from the bank statement"
MONTH_NOTE = "Singles' Day stock ran out early"


def field(label: str) -> re.Pattern[str]:
    """A form field's label: the text, optionally followed by the required-field asterisk."""
    return re.compile(rf"^{re.escape(label)}\s*\*?$")


def days(month: datetime.date) -> int:
    return calendar.monthrange(month.year, month.month)[1]


def cny(amount: int) -> str:
    return f"CN¥{amount:,}"  # keel.ui.money.format_money in English, whole amounts


def label(month: datetime.date) -> str:
    with translation.override("en"):
        return date_format(month, "YEAR_MONTH_FORMAT")


def _team() -> tuple[Membership, Membership, Any, Seat]:
    """Acme Home: the owner, Maya (a manager holding the "Head of sales" seat) and Mike (a
    member who answers for no KPI); a Sales department."""
    ws = WorkspaceFactory(name="Acme Home", slug=SLUG, language="en", timezone="Asia/Shanghai")
    people: dict[str, Any] = {
        role: MembershipFactory(workspace=ws, role=role, user__full_name=name,
                                user__language="en", user__timezone="Asia/Shanghai")
        for role, name in ((Role.OWNER, "Olivia Owner"), (Role.MANAGER, "Maya Chen"),
                           (Role.MEMBER, "Mike Lee"))
    }  # fmt: skip
    sales = DepartmentFactory(workspace=ws, name="Sales")
    seat = make_seat_in(ws, "Head of sales", holder=people[Role.MANAGER], department=sales)
    return people[Role.OWNER], people[Role.MEMBER], sales, seat


def _page_for(new_context: Any, base_url: str, membership: Membership) -> Any:
    context = new_context()
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


def _months(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The two imported months: the two before this one, or last November and December in
    January and February (so both fall in the year whose targets the grid sets)."""
    if today.month <= 2:
        return datetime.date(today.year - 1, 11, 1), datetime.date(today.year - 1, 12, 1)
    this = month_start(today)
    return add_months(this, -2), add_months(this, -1)


def _csv(tmp_path: Path, early: datetime.date, late: datetime.date) -> tuple[Path, int]:
    """Daily sales of both months (1,200 a day, then 950) and one bad line between them."""
    lines = ["date,value"]
    lines += [f"{early.replace(day=d).isoformat()},1200" for d in range(1, days(early) + 1)]
    lines.append("yesterday,5")
    bad_line = len(lines)
    lines += [f"{late.replace(day=d).isoformat()},950" for d in range(1, days(late) + 1)]
    path = tmp_path / "daily_sales.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, bad_line


def test_owner_defines_a_kpi_sets_targets_imports_and_reads_the_scorecard(
    new_context: Any, base_url: str, tmp_path: Path
) -> None:
    from keel.kpis.models import Kpi, KpiMonth

    failures: list[str] = []

    def axe(page: Any, what: str) -> None:
        try:
            axe_check(page, label=what)
        except pytest.fail.Exception as failure:
            failures.append(str(failure))

    owner, _member, sales, seat = _team()
    today = workspace_today(owner.workspace)
    early, late = _months(today)
    year = late.year
    page = _page_for(new_context, base_url, owner)

    # 1. The sidebar's "KPIs": the empty state and its "Add a KPI".
    page.goto(f"/{SLUG}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="KPIs").click()
    page.wait_for_url(f"**/{SLUG}/kpis/")
    expect(page.get_by_role("heading", name="No KPIs yet")).to_be_visible()
    page.locator(".empty-state").get_by_role("link", name="Add a KPI").click()
    page.wait_for_url(f"**/{SLUG}/kpis/new/")

    # 2. The definition; the owner is a seat, offered under "Seats".
    page.get_by_label(field("Name")).fill("Revenue")
    page.get_by_label(field("Unit")).select_option(label="Money")
    page.get_by_label(field("Currency")).select_option("CNY")
    page.get_by_label(field("Direction")).select_option(label="Higher is better")
    page.get_by_label(field("A month's figure")).select_option(label="Sum")
    page.get_by_label(field("Team")).select_option(label="Sales")
    owner_select = page.get_by_label(field("Who answers for it"))
    seat_option = owner_select.locator(f'optgroup[label="Seats"] option[value="seat:{seat.pk}"]')
    expect(seat_option).to_have_count(1)
    owner_select.select_option(f"seat:{seat.pk}")
    page.get_by_role("button", name="Add KPI").click()
    page.wait_for_url(re.compile(rf"/kpis/\d+/years/{today.year}/$"))
    expect(page.locator(".messages")).to_contain_text("KPI added.")
    kpi = Kpi.objects.get(workspace=owner.workspace, name="Revenue")
    defined = (kpi.unit, kpi.currency, kpi.direction, kpi.aggregation)
    assert defined == ("money", "CNY", "higher", "sum"), defined
    assert kpi.department_id == sales.pk and kpi.owner_seat_id == seat.pk
    expect(page.get_by_role("button", name=f"Copy from {today.year - 1}")).to_be_visible()
    if year != today.year:  # January or February: the imported months are last year's
        page.get_by_role("link", name=f"← {year}").click()
        page.wait_for_url(f"**/years/{year}/")

    # 3. The year grid: twelve targets (1,000 a day), a value and commentary for `late`.
    for n in range(1, 13):
        page.locator(f"input[name=target_{n}]").fill(str(days(datetime.date(year, n, 1)) * 1000))
    page.locator(f"input[name=value_{late.month}]").fill("20000")
    page.locator(f"input[name=comment_{late.month}]").fill(COMMENT)
    axe(page, "year grid")
    page.get_by_role("button", name=f"Save {year}").click()
    expect(page.locator(".messages")).to_contain_text(f"{year} saved.")
    for n in (1, 2, 12):
        target = str(days(datetime.date(year, n, 1)) * 1000)
        expect(page.locator(f"input[name=target_{n}]")).to_have_value(target)
    expect(page.locator(f"input[name=value_{late.month}]")).to_have_value("20000")
    expect(page.locator(f"input[name=comment_{late.month}]")).to_have_value(COMMENT)
    assert KpiMonth.objects.filter(kpi=kpi, month__year=year).exclude(target=None).count() == 12

    # 4. The next year's targets from this one's, 10% up.
    page.get_by_role("link", name=f"{year + 1} →").click()
    page.wait_for_url(f"**/years/{year + 1}/")
    page.get_by_label(field("Growth on last year (%)")).fill("10")
    page.get_by_role("button", name=f"Copy from {year}").click()
    expect(page.locator(".messages")).to_contain_text(f"12 targets set from {year}.")
    expect(page.locator("input[name=target_1]")).to_have_value("34100")  # 31,000 × 1.1

    # 5. The import: the bad line named, the month totals, the typed value replaced.
    page.get_by_role("link", name="Back to the KPI").click()
    page.get_by_role("link", name="Import a CSV file").click()
    page.wait_for_url(f"**/kpis/{kpi.pk}/import/")
    csv_path, bad_line = _csv(tmp_path, early, late)
    page.get_by_label(field("CSV file")).set_input_files(str(csv_path))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check before importing")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text(f'Line {bad_line}: "yesterday" is not a date')
    early_sum, late_sum = 1200 * days(early), 950 * days(late)
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    previewed = [(label(early), cny(early_sum), "–"), (label(late), cny(late_sum), cny(20000))]
    for n, cells in enumerate(previewed):  # month, value, the value it replaces
        expect(rows.nth(n)).to_have_text(re.compile(r"\s*".join(map(re.escape, cells))))
    axe(page, "import preview")
    assert KpiMonth.objects.get(kpi=kpi, month=late).value == 20000  # nothing written yet
    page.get_by_role("button", name="Import 2 months").click()
    page.wait_for_url(f"**/kpis/{kpi.pk}/")
    expect(page.locator(".messages")).to_contain_text("2 months imported.")

    # 6. The KPI page: the trend chart and the month-by-month table.
    expect(page.locator(f"svg#kpi-trend-{kpi.pk}[role=img]")).to_be_visible()
    for month, total, status in ((early, early_sum, "On target"), (late, late_sum, "Close")):
        row = page.locator(f"#m-{month:%Y-%m}")
        expect(row).to_contain_text(cny(total))
        expect(row).to_contain_text(cny(days(month) * 1000))
        expect(row.locator(".badge")).to_have_text(status)
    expect(page.locator(f"#m-{late:%Y-%m}")).to_contain_text(COMMENT)
    axe(page, "KPI page")

    # 7. The scorecard of `late`: the Sales section, "Close"; into the month, new commentary.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="KPIs").click()
    page.wait_for_url(f"**/{SLUG}/kpis/")
    page.get_by_label("Month", exact=True).select_option(f"{late:%Y-%m}")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"**/kpis/?month={late:%Y-%m}*")
    section = page.locator("section").filter(has=page.get_by_role("heading", name="Sales"))
    row = section.get_by_role("row").filter(has_text="Revenue")
    expect(row).to_contain_text("Head of sales (Maya Chen)")
    expect(row.locator(".badge")).to_have_text("Close")
    expect(page.locator(".kpi-summary")).to_contain_text("1 close")
    axe(page, "scorecard")
    row.get_by_role("link", name=cny(late_sum)).click()
    page.wait_for_url(f"**/kpis/{kpi.pk}/months/{late:%Y-%m}/")
    figures = page.locator(".kpi-meta")
    expect(figures).to_contain_text(cny(late_sum))
    expect(figures).to_contain_text(cny(days(late) * 1000))
    comment = page.get_by_label(field("Commentary"))
    expect(comment).to_have_value(COMMENT)
    comment.fill(MONTH_NOTE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"{label(late)} saved.")
    expect(page.get_by_label(field("Commentary"))).to_have_value(MONTH_NOTE)
    saved = KpiMonth.objects.get(kpi=kpi, month=late)
    assert (saved.value, saved.comment) == (late_sum, MONTH_NOTE), (saved.value, saved.comment)
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_member_reads_the_scorecard_but_may_not_enter_or_import_values(
    new_context: Any, base_url: str
) -> None:
    from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory

    owner, member, sales, seat = _team()
    last = add_months(month_start(workspace_today(owner.workspace)), -1)
    kpi: Any = KpiFactory(workspace=owner.workspace, name="Revenue", unit="money", currency="CNY",
                     department=sales, owner_seat=seat)  # fmt: skip
    KpiMonthFactory(kpi=kpi, month=last, target=30000, value=31000)
    page = _page_for(new_context, base_url, member)

    page.goto(f"/{SLUG}/kpis/?month={last:%Y-%m}")
    row = page.get_by_role("row").filter(has_text="Revenue")
    expect(row.locator(".badge")).to_have_text("On target")
    expect(page.get_by_role("link", name="Add a KPI")).to_have_count(0)
    row.get_by_role("link", name="Revenue").click()
    page.wait_for_url(f"**/kpis/{kpi.pk}/")
    expect(page.locator(f"svg#kpi-trend-{kpi.pk}")).to_be_visible()
    for name in ("Targets and values", "Enter values", "Import a CSV file", "Edit"):
        expect(page.get_by_role("link", name=name)).to_have_count(0)
    for path in (f"/{SLUG}/kpis/{kpi.pk}/import/", f"/{SLUG}/kpis/{kpi.pk}/years/{last.year}/"):
        response = page.goto(path)
        assert response is not None and response.status == 403, (path, response and response.status)
