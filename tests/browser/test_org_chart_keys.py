"""The org chart reads at every zoom and works from the keyboard (issue 9, rule 9), in a real
Chromium: "Fit" and zooming out never draw the smallest text under about 10 px (a big chart is
moved instead), the arrow keys move between boxes, and Enter in the search box jumps to a hit.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.org.models import Seat, SeatStatus

from .helpers import sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "wide"
# Screen px of the smallest chart text (11 chart units), measured on a box's title.
SMALLEST_TEXT_PX = "document.querySelector('.oc-title').getScreenCTM().a * 11"
FOCUSED_NODE = "document.activeElement.closest('.oc-node')?.getAttribute('data-node') ?? ''"


def _wide_chart() -> tuple[Membership, Seat, list[Seat], dict[str, Seat]]:
    ws = WorkspaceFactory(name="Wide Shop", slug=SLUG, language="en")
    owner: Membership = MembershipFactory(workspace=ws, role=Role.OWNER)
    boss = Seat.objects.create(workspace=ws, title="Boss", holder=owner, status=SeatStatus.FILLED)
    leads = [
        Seat.objects.create(
            workspace=ws, title=f"Lead {i}", reports_to=boss, status=SeatStatus.OPEN
        )
        for i in range(4)
    ]
    seats = {}
    for i in range(60):
        title = f"Seat {i}"
        seats[title] = Seat.objects.create(
            workspace=ws, title=title, reports_to=leads[i % 4], status=SeatStatus.OPEN
        )
    return owner, boss, leads, seats


def test_fit_stays_readable_and_the_keyboard_moves_between_boxes(new_context, base_url):
    owner, boss, leads, seats = _wide_chart()
    context = new_context(viewport={"width": 1280, "height": 900})
    sign_in_context(context, base_url, owner.user)
    page: Any = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"/{SLUG}/org/")
    frame = page.get_by_role("region", name="Org chart drawing")
    expect(frame).to_contain_text("Boss")

    assert not errors
    assert page.evaluate(SMALLEST_TEXT_PX) >= 9.9  # the first view
    frame.focus()
    for _ in range(8):
        page.keyboard.press("-")
    assert page.evaluate(SMALLEST_TEXT_PX) >= 9.9  # zoomed out as far as it goes
    page.keyboard.press("0")
    assert page.evaluate(SMALLEST_TEXT_PX) >= 9.9  # "fit"

    page.locator(f"#oc-node-{boss.pk} a.oc-link").focus()
    page.keyboard.press("ArrowDown")
    first_lead = page.evaluate(FOCUSED_NODE)
    assert first_lead in {str(s.pk) for s in leads}
    page.keyboard.press("ArrowRight")
    second_lead = page.evaluate(FOCUSED_NODE)
    assert second_lead in {str(s.pk) for s in leads} and second_lead != first_lead
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(FOCUSED_NODE) == first_lead
    page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED_NODE) == str(boss.pk)

    search = page.get_by_role("searchbox", name="Find a person or seat")
    search.fill("seat 42")
    expect(page.locator("[data-search-count]")).not_to_be_empty()
    search.press("Enter")
    assert page.evaluate(FOCUSED_NODE) == str(seats["Seat 42"].pk)
    box = page.locator(f"#oc-node-{seats['Seat 42'].pk}").bounding_box()
    view = frame.bounding_box()
    assert view["x"] <= box["x"] and box["x"] + box["width"] <= view["x"] + view["width"]
