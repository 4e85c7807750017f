"""Org pages: departments, seats, fill/vacate; forms re-display errors; 403 and 404."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keel.core.models import AuditEvent
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Department, Seat, SeatHolding, add_quarters, workspace_today
from keel.org.ownership import register_seat_ownership, unregister_seat_ownership

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"ws": "acme", **kwargs})


def seat_form(**overrides):
    data = {
        "title": "Buyer",
        "department": "",
        "reports_to": "",
        "purpose": "",
        "responsibilities": "",
        "employment_type": "staff",
        "fte": "1",
        "cost_per_month": "",
        "cost_currency": "CNY",
        "status": "open",
        "holder": "",
        "placeholder_name": "",
        "planned_for": "",
    }
    return data | overrides


# --- Departments -----------------------------------------------------------------------------


def test_new_workspace_offers_the_template_or_a_department(login, owner):
    html = login(owner).get(url("org_departments")).content.decode()
    assert "No departments yet" in html
    assert "Start from the e-commerce template" in html and "Add a department" in html
    assert "style=" not in html


def test_template_button_creates_the_departments(login, owner, workspace):
    response = login(owner).post(url("org_department_template"))
    assert response.status_code == 302
    assert Department.objects.filter(workspace=workspace).count() == 7
    html = login(owner).get(url("org_departments")).content.decode()
    assert "Customer service" in html and "7 departments were added" in html


def test_members_see_departments_but_cannot_change_them(login, member, workspace):
    Department.objects.create(workspace=workspace, name="Sales")
    client = login(member)
    html = client.get(url("org_departments")).content.decode()
    assert "Sales" in html and "Add a department" not in html
    assert client.post(url("org_department_template")).status_code == 403
    assert client.post(url("org_departments"), {"name": "X", "colour": "1"}).status_code == 403
    assert Department.objects.filter(workspace=workspace).count() == 1


def test_assistant_cannot_open_org_pages(login, assistant):
    client = login(assistant)
    for name in ("org_departments", "org_seats", "org_headcount"):
        assert client.get(url(name)).status_code == 403


def test_add_department_error_is_shown_beside_the_field(login, owner, workspace):
    Department.objects.create(workspace=workspace, name="Sales")
    response = login(owner).post(url("org_departments"), {"name": "sales", "colour": "2"})
    assert response.status_code == 400
    assert "There is already a department called" in response.content.decode()
    assert Department.objects.filter(workspace=workspace).count() == 1


def test_edit_department_refuses_a_nesting_loop(login, owner, workspace):
    top = Department.objects.create(workspace=workspace, name="Ops")
    child = Department.objects.create(workspace=workspace, name="Warehouse", parent=top)
    response = login(owner).post(
        url("org_department_edit", pk=top.pk), {"name": "Ops", "parent": child.pk, "colour": 1}
    )
    assert response.status_code == 400
    assert "part of itself" in response.content.decode()
    top.refresh_from_db()
    assert top.parent is None


def test_move_and_delete_buttons(login, owner, workspace):
    a = Department.objects.create(workspace=workspace, name="A", position=0)
    b = Department.objects.create(workspace=workspace, name="B", position=1)
    client = login(owner)
    client.post(url("org_department_move", pk=b.pk), {"direction": "up"})
    assert list(Department.objects.order_by("position").values_list("name", flat=True)) == [
        "B",
        "A",
    ]
    Seat.objects.create(workspace=workspace, title="Rep", department=a)
    response = client.post(url("org_department_delete", pk=a.pk), follow=True)
    assert "still has seats" in response.content.decode()
    assert Department.objects.filter(pk=a.pk).exists()
    client.post(url("org_department_delete", pk=b.pk))
    assert not Department.objects.filter(pk=b.pk).exists()


def test_other_workspaces_department_is_404(login, owner, outsider):
    theirs = Department.objects.create(workspace=outsider.workspace, name="Theirs")
    client = login(owner)
    assert client.get(url("org_department_edit", pk=theirs.pk)).status_code == 404
    assert client.post(url("org_department_delete", pk=theirs.pk)).status_code == 404
    assert Department.objects.filter(pk=theirs.pk).exists()


# --- Seats -----------------------------------------------------------------------------------


def test_seat_list_groups_by_department_with_badges(
    login, member, owner, workspace, make_department, make_seat
):
    sales = make_department("Sales")
    for title in ("CEO", "Sales lead", "Bookkeeping", "Logistics"):
        make_seat(title, holder=owner, department=sales)
    make_seat("Marketing lead", placeholder_name="Alex — to hire")
    make_seat(
        "Ops manager", status="planned", planned_for=add_quarters(workspace_today(workspace), 4)
    )
    html = login(member).get(url("org_seats")).content.decode()
    assert "Sales" in html and "No department" in html
    assert "Alex — to hire" in html and "Open — hiring" in html and "Planned" in html
    assert "Overloaded: 4 seats" in html
    assert "Olivia holds 4 seats" in html
    assert "New seat" not in html  # members only look


def test_three_seats_is_not_overloaded(login, owner, make_seat):
    for title in ("A", "B", "C"):
        make_seat(title, holder=owner)
    assert "Overloaded" not in login(owner).get(url("org_seats")).content.decode()


def test_seat_list_filters_by_status(login, owner, make_seat):
    make_seat("Held seat", holder=owner)
    make_seat("Open seat")
    html = login(owner).get(url("org_seats"), {"status": "open"}).content.decode()
    assert "Open seat" in html and "Held seat" not in html


def test_empty_seat_list_explains_seats(login, owner):
    html = login(owner).get(url("org_seats")).content.decode()
    assert "No seats yet" in html and "Add a seat" in html


def test_seat_list_queries_do_not_grow(login, owner, workspace, make_seat):
    client = login(owner)
    boss = make_seat("Boss", holder=owner)
    client.get(url("org_seats"))  # warm-up: the first request also records the session

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("org_seats")).status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    for i in range(30):
        make_seat(f"Seat {i}", holder=MembershipFactory(workspace=workspace), reports_to=boss)
    assert queries() == small <= 15  # session, shell and four for the page


def test_seat_page_shows_everything(login, member, owner, make_seat):
    boss = make_seat("CEO", holder=owner)
    seat = make_seat("Buyer", reports_to=boss, placeholder_name="Alex — to hire",
                     purpose="Buys stock.")  # fmt: skip
    seat.responsibilities.create(workspace=seat.workspace, text="Purchase orders")
    make_seat("Assistant buyer", reports_to=seat)
    html = login(member).get(url("org_seat", pk=seat.pk)).content.decode()
    for text in ("Alex — to hire", "CEO", "Buys stock.", "Purchase orders", "Assistant buyer",
                 "History", "It belongs to the seat, not the person"):  # fmt: skip
        assert text in html, text
    assert "Olivia" in html  # the vacant seat's work goes to the CEO seat's holder
    assert "Fill this seat" not in html  # members cannot fill


def test_seat_page_lists_what_registered_modules_say_it_owns(login, owner, make_seat):
    seat = make_seat("Buyer", holder=owner)
    register_seat_ownership(
        "test.things", "Test things", lambda s: [(f"Thing of {s.title}", "/somewhere/")]
    )
    try:
        html = login(owner).get(url("org_seat", pk=seat.pk)).content.decode()
    finally:
        unregister_seat_ownership("test.things")
    assert "Test things" in html and 'href="/somewhere/"' in html and "Thing of Buyer" in html


def test_create_seat_with_responsibilities(login, owner, member, workspace):
    response = login(owner).post(
        url("org_seat_new"),
        seat_form(status="filled", holder=member.pk, responsibilities="Orders\n\nSuppliers\n"),
    )
    seat = Seat.objects.get(workspace=workspace)
    assert response.status_code == 302 and response["Location"] == url("org_seat", pk=seat.pk)
    assert [r.text for r in seat.responsibilities.all()] == ["Orders", "Suppliers"]
    assert seat.holder == member


def test_create_form_redisplays_errors_and_saves_nothing(login, owner, workspace):
    response = login(owner).post(
        url("org_seat_new"), seat_form(status="filled", responsibilities="Keep me")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "A filled seat needs a holder" in html and "Nothing was saved" in html
    assert "Keep me" in html  # the input comes back
    assert not Seat.objects.filter(workspace=workspace).exists()


def test_planned_seat_needs_a_quarter_from_the_list(login, owner, workspace):
    client = login(owner)
    response = client.post(url("org_seat_new"), seat_form(status="planned"))
    assert response.status_code == 400
    assert "Choose the quarter" in response.content.decode()
    past = add_quarters(workspace_today(workspace), -1).isoformat()
    response = client.post(url("org_seat_new"), seat_form(status="planned", planned_for=past))
    assert response.status_code == 400  # not one of the offered quarters
    future = add_quarters(workspace_today(workspace), 3)
    response = client.post(
        url("org_seat_new"), seat_form(status="planned", planned_for=future.isoformat())
    )
    assert response.status_code == 302
    assert Seat.objects.get(workspace=workspace).planned_for == future


def test_edit_refuses_a_reporting_cycle(login, owner, make_seat):
    top = make_seat("CEO", holder=owner)
    below = make_seat("Head", reports_to=top)
    response = login(owner).post(
        url("org_seat_edit", pk=top.pk),
        seat_form(title="CEO", status="filled", holder=owner.pk, reports_to=below.pk),
    )
    assert response.status_code == 400
    assert "round in a circle" in response.content.decode()
    top.refresh_from_db()
    assert top.reports_to is None


def test_edit_form_keeps_a_past_quarter_visible_and_explains(login, owner, workspace, make_seat):
    past = add_quarters(workspace_today(workspace), -2)
    seat = make_seat("Late", status="planned", planned_for=past)
    client = login(owner)
    html = client.get(url("org_seat_edit", pk=seat.pk)).content.decode()
    assert f'value="{past.isoformat()}" selected' in html
    response = client.post(
        url("org_seat_edit", pk=seat.pk),
        seat_form(title="Late", status="planned", planned_for=past.isoformat()),
    )
    assert response.status_code == 400
    assert "this quarter or later" in response.content.decode()


def test_fill_and_vacate_from_the_seat_page(login, owner, member, make_seat):
    seat = make_seat("Buyer", placeholder_name="Alex — to hire")
    client = login(owner)
    assert "Fill this seat" in client.get(url("org_seat", pk=seat.pk)).content.decode()
    response = client.post(url("org_seat_fill", pk=seat.pk), {"member": member.pk}, follow=True)
    assert "now holds" in response.content.decode()
    seat.refresh_from_db()
    assert seat.holder == member and seat.placeholder_name == ""
    response = client.post(
        url("org_seat_vacate", pk=seat.pk), {"placeholder_name": "Next"}, follow=True
    )
    assert "is open" in response.content.decode()
    seat.refresh_from_db()
    assert seat.holder is None and seat.placeholder_name == "Next"
    assert SeatHolding.objects.filter(seat=seat).count() == 3


def test_filling_a_held_seat_shows_who_holds_it(login, owner, member, make_seat):
    seat = make_seat("Buyer", holder=owner)
    response = login(owner).post(url("org_seat_fill", pk=seat.pk), {"member": member.pk})
    assert response.status_code == 400
    assert "already held by Olivia — vacate it first" in response.content.decode()
    seat.refresh_from_db()
    assert seat.holder == owner


def test_member_cannot_edit_fill_vacate_or_delete(login, member, owner, make_seat):
    seat = make_seat("Buyer", holder=owner)
    client = login(member)
    assert client.get(url("org_seat_edit", pk=seat.pk)).status_code == 403
    assert client.get(url("org_seat_new")).status_code == 403
    for name in ("org_seat_fill", "org_seat_vacate", "org_seat_delete"):
        assert client.post(url(name, pk=seat.pk), {"member": member.pk}).status_code == 403
    seat.refresh_from_db()
    assert seat.holder == owner
    assert not AuditEvent.objects.filter(action__startswith="seat.").exists()


def test_delete_seat(login, owner, make_seat):
    boss = make_seat("Boss")
    child = make_seat("Child", reports_to=boss)
    client = login(owner)
    response = client.post(url("org_seat_delete", pk=boss.pk), follow=True)
    assert "Make them report to another seat first" in response.content.decode()
    response = client.post(url("org_seat_delete", pk=child.pk))
    assert response["Location"] == url("org_seats")
    assert not Seat.objects.filter(pk=child.pk).exists()


def test_other_workspaces_seat_is_404(login, owner, outsider):
    theirs = Seat.objects.create(workspace=outsider.workspace, title="Theirs")
    client = login(owner)
    for name in ("org_seat", "org_seat_edit"):
        assert client.get(url(name, pk=theirs.pk)).status_code == 404
    assert client.post(url("org_seat_fill", pk=theirs.pk), {"member": owner.pk}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.holder is None


def test_sidebar_links_the_org_chart_for_staff_only(login, member, assistant):
    assert 'data-nav="org"' in login(member).get(url("org_seats")).content.decode()
    html = login(assistant).get(reverse("workspace_home", kwargs={"ws": "acme"})).content.decode()
    assert 'data-nav="org"' not in html


def test_org_pages_link_the_headcount_plan(login, owner):
    html = login(owner).get(url("org_departments")).content.decode()
    assert url("org_headcount") in html
