"""Headcount plan: columns, counts per status and period, costs per currency, query budget."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from keel.org.headcount import headcount_periods, headcount_plan

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


def test_columns_are_now_four_quarters_then_years_two_to_five():
    periods = headcount_periods(TODAY)
    assert [str(p.label) for p in periods] == [
        "Now", "2027 Q1", "2027 Q2", "2027 Q3", "2027 Q4",
        "2028 Q4", "2029 Q4", "2030 Q4", "2031 Q4",
    ]  # fmt: skip
    assert periods[0].date == TODAY and periods[0].is_now
    assert periods[1].date == datetime.date(2027, 3, 31)
    assert periods[-1].date == datetime.date(2031, 12, 31)


@pytest.fixture
def plan_data(make_department, make_seat, owner, member):
    sales = make_department("Sales", position=0)
    ops = make_department("Ops", position=1)
    make_department("Warehouse", parent=ops)
    make_seat("Rep 1", holder=owner, department=sales, cost_per_month=Decimal("1000"))
    make_seat(
        "Rep 2", holder=member, department=sales, cost_per_month=Decimal("500"),
        cost_currency="USD",
    )  # fmt: skip
    make_seat("Rep 3", department=sales, cost_per_month=Decimal("2000"))  # open
    make_seat(
        "Sales lead", department=sales, status="planned", planned_for=datetime.date(2027, 4, 1),
        cost_per_month=Decimal("3000"),
    )  # fmt: skip
    make_seat("Ops manager", department=ops, status="planned",
              planned_for=datetime.date(2029, 1, 1))  # fmt: skip
    make_seat("Loose seat", holder=owner)  # no department, no cost
    return sales, ops


def test_counts_and_costs_per_department_and_period(workspace, plan_data):
    plan = headcount_plan(workspace=workspace, today=TODAY)
    names = [(r.department.name if r.department else None, r.depth) for r in plan.rows]
    assert names == [("Sales", 0), ("Ops", 0), ("Warehouse", 1), (None, 0)]
    sales, ops, warehouse, loose = plan.rows

    now, q1, q2 = sales.cells[0], sales.cells[1], sales.cells[2]
    assert (now.filled, now.open, now.planned) == (2, 1, 0)
    assert now.cost_list == [("CNY", Decimal("3000")), ("USD", Decimal("500"))]
    assert (q1.filled, q1.open, q1.planned) == (2, 1, 0)  # planned for Q2: not yet
    assert (q2.filled, q2.open, q2.planned) == (2, 1, 1)
    assert q2.costs["CNY"] == Decimal("6000")

    assert [c.planned for c in ops.cells] == [0, 0, 0, 0, 0, 0, 1, 1, 1]  # from 2029 Q1
    assert ops.cells[6].costs == {}  # no cost recorded
    assert all(c.total == 0 for c in warehouse.cells)
    assert loose.department is None and loose.cells[0].filled == 1

    totals = plan.total.cells
    assert (totals[0].filled, totals[0].open, totals[0].planned) == (3, 1, 0)
    assert (totals[-1].filled, totals[-1].open, totals[-1].planned) == (3, 1, 2)
    assert totals[-1].cost_list == [("CNY", Decimal("6000")), ("USD", Decimal("500"))]


def test_plan_costs_two_queries_whatever_the_size(
    workspace, plan_data, make_seat, django_assert_max_num_queries
):
    sales, _ops = plan_data
    for i in range(40):
        make_seat(f"Extra {i}", department=sales, cost_per_month=Decimal(i))
    with django_assert_max_num_queries(2):
        headcount_plan(workspace=workspace, today=TODAY)


def test_headcount_page_shows_formatted_numbers(login, owner, plan_data, make_seat):
    sales, _ops = plan_data
    make_seat("Big", department=sales, cost_per_month=Decimal("1234567"), holder=owner)
    response = login(owner).get(reverse("org_headcount", kwargs={"ws": "acme"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "CN¥1,237,567" in html  # 1,234,567 + 3,000, grouped by thousands (keel.ui.money)
    assert "3&nbsp;/&nbsp;1&nbsp;/&nbsp;0" in html and "Each cell: filled / open / planned" in html
    assert "2031 Q4" in html and "style=" not in html


def test_headcount_page_in_chinese_uses_the_chinese_labels(login, owner, plan_data, client):
    owner.user.language = "zh-hans"
    owner.user.save()
    response = login(owner).get(
        reverse("org_headcount", kwargs={"ws": "acme"}), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 200
    assert 'lang="zh-hans"' in response.content.decode()


def test_empty_workspace_gets_an_empty_state(login, owner):
    html = login(owner).get(reverse("org_headcount", kwargs={"ws": "acme"})).content.decode()
    assert "Nothing to plan yet" in html


def test_assistant_cannot_see_the_plan(login, assistant):
    response = login(assistant).get(reverse("org_headcount", kwargs={"ws": "acme"}))
    assert response.status_code == 403
