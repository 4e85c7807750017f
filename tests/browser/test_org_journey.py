"""The org chart's "done when" (issue 3), in a real Chromium: the owner builds the chart from
the e-commerce template, adds a planned seat held by a placeholder, sees it only in the future
view, invites a colleague (caught by a real SMTP server) who joins, fills the planned seat with
them and exports the chart as SVG. A second journey writes the vision: statement, a goal, a
milestone owned by a seat, and the timeline's link to the future chart of that year.

axe-core checks every distinct page seen. Waits are on page state, never on time.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import Department, Seat, SeatStatus, workspace_today

from .helpers import axe_check, body_text, first_link, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "harbour"
DOMAIN = "harbour.example"
OWNER_EMAIL = f"olivia@{DOMAIN}"
OWNER_NAME = "Olivia Owner"
MEMBER_EMAIL = f"mei@{DOMAIN}"
MEMBER_NAME = "Mei Chen"
PASSWORD = "Harbour-tea-2026!"
PLACEHOLDER = "Alex — to hire"
PLANNED_TITLE = "Operations manager"
RESPONSIBILITIES = ["Purchasing and supplier follow-up", "Shipping, returns and the warehouse"]
TEMPLATE_DEPARTMENTS = [
    "Management",
    "Marketing",
    "Sales",
    "Purchasing",
    "Operations/Logistics",
    "Customer service",
    "Finance",
]


def field(label: str) -> re.Pattern[str]:
    """A form field's label: the text, optionally followed by the required-field asterisk."""
    return re.compile(rf"^{re.escape(label)}\s*\*?$")


class AxeTrail:
    """Runs axe once per distinct page (ids folded, the future chart told apart).

    Violations are collected and reported together at the end (`assert_clean`), so one
    inaccessible page does not hide what the rest of the journey would find.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.failures: list[str] = []

    def check(self, page: Any, label: str, *, again: bool = False) -> None:
        url = urlparse(page.url)
        key = re.sub(r"/\d+/", "/<id>/", url.path)
        if "as_of" in parse_qs(url.query):
            key += "?as_of"
        if key in self.seen and not again:
            return
        self.seen.add(key)
        try:
            axe_check(page, label=label)
        except pytest.fail.Exception as failure:
            self.failures.append(str(failure))

    def assert_clean(self) -> None:
        if self.failures:
            pytest.fail("\n".join(self.failures), pytrace=False)


def _owner() -> Membership:
    ws = WorkspaceFactory(name="Harbour Tea", slug=SLUG, email_domain=DOMAIN, language="en")
    owner: Membership = MembershipFactory(
        workspace=ws, role=Role.OWNER, user__email=OWNER_EMAIL, user__full_name=OWNER_NAME
    )
    return owner


def _signed_in_page(new_context: Any, base_url: str, owner: Membership) -> Any:
    context = new_context(accept_downloads=True)
    sign_in_context(context, base_url, owner.user)
    return context.new_page()


def _chart_drawing(page: Any) -> Any:
    return page.get_by_role("region", name="Org chart drawing")


def _outline(page: Any) -> Any:
    return page.get_by_role("region", name="Outline")


def test_owner_builds_the_chart_plans_a_seat_fills_it_and_exports(
    new_context, smtp_mailbox, base_url
):
    axe = AxeTrail()
    owner = _owner()
    next_year = workspace_today(owner.workspace).year + 1
    page = _signed_in_page(new_context, base_url, owner)

    # 1. Departments: start from the e-commerce template.
    page.goto(f"/{SLUG}/org/departments/")
    expect(page.get_by_role("heading", name="No departments yet")).to_be_visible()
    axe.check(page, "departments (empty)")
    page.get_by_role("button", name="Start from the e-commerce template").click()
    expect(page.get_by_text("7 departments were added from the template.")).to_be_visible()
    table = page.get_by_role("table")
    for name in TEMPLATE_DEPARTMENTS:
        expect(table.get_by_text(name, exact=True)).to_be_visible()
    axe.check(page, again=True, label="departments (from the template)")
    assert sorted(
        Department.objects.filter(workspace=owner.workspace).values_list("name", flat=True)
    ) == sorted(TEMPLATE_DEPARTMENTS)

    # 2. Seats: the empty list, then the founder's seat, held by the owner.
    page.get_by_role("navigation", name="Org chart sections").get_by_role(
        "link", name="Seats"
    ).click()
    page.wait_for_url(f"**/{SLUG}/org/seats/")
    axe.check(page, "seats (empty)")
    page.get_by_role("link", name="New seat").first.click()
    page.wait_for_url(f"**/{SLUG}/org/seats/new/")
    axe.check(page, "seat form")
    page.get_by_label(field("Title")).fill("Founder")
    page.get_by_label(field("Department")).select_option(label="Management")
    page.get_by_label(field("Status")).select_option("filled")
    page.get_by_label(field("Holder")).select_option(label=f"{OWNER_NAME} <{OWNER_EMAIL}>")
    page.get_by_role("button", name="Create seat").click()
    page.wait_for_url(re.compile(r"/org/seats/\d+/$"))
    expect(page.get_by_role("heading", name="Founder", level=1)).to_be_visible()
    axe.check(page, "seat page (filled)")
    founder = Seat.objects.get(workspace=owner.workspace, title="Founder")
    assert founder.holder_id == owner.pk and founder.status == SeatStatus.FILLED

    # 3. A planned seat with a placeholder, a target quarter next year and two responsibilities.
    page.goto(f"/{SLUG}/org/seats/new/")
    page.get_by_label(field("Title")).fill(PLANNED_TITLE)
    page.get_by_label(field("Department")).select_option(label="Operations/Logistics")
    page.get_by_label(field("Reports to")).select_option(label=f"Founder — {OWNER_NAME}")
    page.get_by_label(field("Responsibilities")).fill("\n".join(RESPONSIBILITIES))
    page.get_by_label(field("Status")).select_option("planned")
    page.get_by_label(field("Placeholder name")).fill(PLACEHOLDER)
    page.get_by_label(field("Target quarter")).select_option(label=f"{next_year} Q2")
    page.get_by_role("button", name="Create seat").click()
    page.wait_for_url(re.compile(r"/org/seats/\d+/$"))
    expect(page.get_by_role("heading", name=PLANNED_TITLE, level=1)).to_be_visible()
    expect(page.get_by_text(PLACEHOLDER, exact=True).first).to_be_visible()
    expect(page.get_by_text(f"Planned · {next_year} Q2").first).to_be_visible()
    responsibilities = page.get_by_role("region", name="Responsibilities").get_by_role("listitem")
    expect(responsibilities).to_have_text(RESPONSIBILITIES)
    axe.check(page, again=True, label="seat page (planned, with the fill form)")
    seat_url = page.url
    planned = Seat.objects.get(workspace=owner.workspace, title=PLANNED_TITLE)
    assert planned.status == SeatStatus.PLANNED and planned.holder_id is None
    assert planned.reports_to_id == founder.pk
    assert planned.planned_for is not None and planned.planned_for.year == next_year

    # 4. The seats list shows both.
    page.goto(f"/{SLUG}/org/seats/")
    expect(page.get_by_role("link", name=PLANNED_TITLE)).to_be_visible()
    axe.check(page, again=True, label="seats (two seats)")

    # 5. Today's chart: the planned seat is neither drawn nor in the outline.
    page.get_by_role("navigation", name="Org chart sections").get_by_role(
        "link", name="Chart"
    ).click()
    page.wait_for_url(f"**/{SLUG}/org/")
    drawing, outline = _chart_drawing(page), _outline(page)
    expect(drawing.locator("[data-node]")).to_have_count(1)
    expect(drawing).to_contain_text("Founder")
    expect(drawing).not_to_contain_text(PLANNED_TITLE)
    expect(drawing).not_to_contain_text(PLACEHOLDER)
    expect(outline).to_contain_text("Founder")
    expect(outline).not_to_contain_text(PLANNED_TITLE)
    expect(outline).not_to_contain_text(PLACEHOLDER)
    axe.check(page, "org chart (today)")

    # 6. The future as of the end of next year: the planned seat is there, with its placeholder.
    page.get_by_label("Future as of").fill(f"{next_year}-12-31")
    page.get_by_role("button", name="Show future").click()
    page.wait_for_url(re.compile(rf"as_of={next_year}-12-31"))
    drawing, outline = _chart_drawing(page), _outline(page)
    expect(drawing.locator("[data-node]")).to_have_count(2)
    expect(drawing.locator(f'[data-node][aria-label^="{PLANNED_TITLE} — "]')).to_have_count(1)
    expect(drawing).to_contain_text(PLANNED_TITLE)
    expect(outline.get_by_role("listitem").filter(has_text=PLANNED_TITLE).last).to_contain_text(
        PLACEHOLDER
    )
    expect(outline).to_contain_text(PLACEHOLDER)
    axe.check(page, "org chart (future)")

    # 7. Headcount and vision pages, as they stand.
    page.goto(f"/{SLUG}/org/headcount/")
    expect(page.get_by_role("heading", name="Headcount plan", level=1)).to_be_visible()
    axe.check(page, "headcount")
    page.goto(f"/{SLUG}/vision/")
    expect(page.get_by_role("heading", name="Vision", level=1)).to_be_visible()
    axe.check(page, "vision (empty)")

    # 8. Invite a colleague from the members page; the invitation goes out through real SMTP.
    page.goto(f"/{SLUG}/members/")
    invite = page.get_by_role("region", name="Invite someone")
    invite.get_by_label(field("Email address")).fill(MEMBER_EMAIL)
    invite.get_by_label(field("Role")).select_option("member")
    invite.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invitation sent to {MEMBER_EMAIL}")).to_be_visible()
    link = first_link(body_text(smtp_mailbox.wait_for(to=MEMBER_EMAIL)), containing="/invitations/")
    assert link.startswith(base_url), f"the link must point at this server: {link}"

    # 9. The colleague, in a browser of their own, creates an account and joins.
    colleague = new_context().new_page()
    colleague.goto(link)
    colleague.get_by_label(field("Your name")).fill(MEMBER_NAME)
    colleague.get_by_label(field("Password")).fill(PASSWORD)
    colleague.get_by_label(field("Password (again)")).fill(PASSWORD)
    colleague.get_by_role("button", name="Create account and join").click()
    colleague.wait_for_url(f"**/{SLUG}/")
    member = Membership.objects.get(workspace=owner.workspace, user__email=MEMBER_EMAIL)
    assert member.is_active

    # 10. The owner fills the planned seat with the new member.
    page.goto(seat_url)
    fill = page.get_by_role("region", name="Fill this seat")
    fill.get_by_label(field("Member")).select_option(label=f"{MEMBER_NAME} <{MEMBER_EMAIL}>")
    fill.get_by_role("button", name="Fill this seat").click()
    page.wait_for_url(seat_url)
    expect(page.get_by_text(f"{MEMBER_NAME} now holds “{PLANNED_TITLE}”")).to_be_visible()
    holder = page.get_by_role("region", name="Holder")
    expect(holder.locator("strong")).to_have_text(MEMBER_NAME)
    expect(holder).to_contain_text("Filled")
    expect(holder).not_to_contain_text(PLACEHOLDER)
    expect(page.get_by_role("region", name="Fill this seat")).to_have_count(0)
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text(MEMBER_NAME)
    # A placeholder is not a person: the history never lists it as a holder (issue 9).
    expect(history).not_to_contain_text(PLACEHOLDER)
    axe.check(page, again=True, label="seat page (filled by the new member)")

    # 11. The resolution function, asked directly: the member does the seat's work now, and
    # the seat's responsibilities are the same two lines.
    from keel.org.resolution import seat_assignee

    planned.refresh_from_db()
    assert planned.holder_id == member.pk and planned.status == SeatStatus.FILLED
    assert planned.placeholder_name == ""
    assert seat_assignee(planned).pk == member.pk
    assert [r.text for r in planned.responsibilities.all()] == RESPONSIBILITIES

    # 12. Today's chart now has the seat; export it as SVG.
    page.goto(f"/{SLUG}/org/")
    expect(_chart_drawing(page)).to_contain_text(PLANNED_TITLE)
    expect(_outline(page)).to_contain_text(MEMBER_NAME)
    with page.expect_download() as info:
        page.get_by_role("link", name="Export SVG").click()
    download = info.value
    assert download.suggested_filename.endswith(".svg"), download.suggested_filename
    svg_text = Path(download.path()).read_text(encoding="utf-8")
    root = ET.fromstring(svg_text.encode("utf-8"))  # noqa: S314 - our own export, parsed to check it
    assert root.tag.endswith("svg"), root.tag
    assert PLANNED_TITLE in svg_text
    assert "Founder" in svg_text
    assert MEMBER_NAME in svg_text
    axe.assert_clean()


def test_owner_writes_the_vision_and_opens_the_chart_of_a_milestone_year(new_context, base_url):
    from keel.goals.services import current_year
    from keel.org import services as org

    axe = AxeTrail()
    owner = _owner()
    this_year = current_year(owner.workspace)
    next_year, target_year = this_year + 1, this_year + 4
    org.department_template_apply(actor=owner)
    founder = org.seat_create(actor=owner, title="Founder", holder=owner)
    org.seat_create(
        actor=owner, title=PLANNED_TITLE, reports_to=founder, placeholder_name=PLACEHOLDER,
        status=SeatStatus.PLANNED, planned_for=workspace_today(owner.workspace).replace(
            year=next_year, month=4, day=1
        ),
    )  # fmt: skip
    page = _signed_in_page(new_context, base_url, owner)

    # 1. The empty vision page, then the statement.
    page.goto(f"/{SLUG}/vision/")
    axe.check(page, "vision (empty)")
    page.get_by_role("link", name="Edit vision").click()
    page.wait_for_url(f"**/{SLUG}/vision/edit/")
    axe.check(page, "vision form")
    statement = "The go-to shop for handmade tea ware on three marketplaces."
    page.get_by_label(field("Vision statement")).fill(statement)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/{SLUG}/vision/")
    expect(page.get_by_text(statement)).to_be_visible()

    # 2. A long-term goal with a target year four years out.
    page.get_by_role("link", name="New goal").first.click()
    page.wait_for_url(f"**/{SLUG}/vision/goals/new/")
    axe.check(page, "goal form")
    goal_title = "¥10M yearly revenue"
    page.get_by_label(field("Goal")).fill(goal_title)
    page.get_by_label(field("Target year")).fill(str(target_year))
    page.get_by_role("button", name="Add goal").click()
    page.wait_for_url(re.compile(rf"/{SLUG}/vision/#goal-\d+$"))
    goal = page.get_by_role("article", name=re.compile(re.escape(goal_title)))
    expect(goal).to_contain_text(f"by {target_year}")
    axe.check(page, again=True, label="vision (goal, no milestone)")

    # 3. A milestone next year, owned by the founder's seat.
    goal.get_by_role("link", name="Add milestone").click()
    page.wait_for_url(re.compile(r"/vision/goals/\d+/milestones/new/$"))
    axe.check(page, "milestone form")
    milestone = "Second warehouse partner in the EU"
    page.get_by_label(field("Year")).fill(str(next_year))
    page.get_by_label(field("Milestone")).fill(milestone)
    page.get_by_label(field("Owner seat")).select_option(label=f"Founder — {OWNER_NAME}")
    page.get_by_role("button", name="Add milestone").click()
    page.wait_for_url(re.compile(rf"/{SLUG}/vision/#milestone-\d+$"))
    expect(page.get_by_text("Milestone added.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=milestone)
    expect(row).to_contain_text(str(next_year))
    expect(row).to_contain_text("Founder")

    # 4. The timeline shows it under next year, with that year's chart one click away.
    years = page.get_by_role("list", name="Milestones by year")
    year_item = years.locator(":scope > li").filter(
        has=page.get_by_role("heading", name=re.compile(rf"^{next_year}"))
    )
    expect(year_item.get_by_role("link", name=milestone)).to_be_visible()
    expect(page.get_by_role("region", name="Timeline")).to_contain_text(milestone)
    axe.check(page, again=True, label="vision (goal and milestone)")
    year_item.get_by_role("link", name=f"Org chart at end of {next_year}").click()
    page.wait_for_url(re.compile(rf"/{SLUG}/org/\?as_of={next_year}-12-31$"))
    expect(page.get_by_label("Future as of")).to_have_value(f"{next_year}-12-31")
    expect(page.get_by_role("button", name="Show future")).to_have_attribute("aria-current", "true")
    expect(_chart_drawing(page)).to_contain_text(PLANNED_TITLE)
    expect(_outline(page)).to_contain_text(PLACEHOLDER)
    axe.check(page, "org chart (future, from the timeline)")
    axe.assert_clean()
