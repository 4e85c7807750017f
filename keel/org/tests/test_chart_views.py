"""The chart page and its exports: who may see them, views, collapse, escaping, query budget."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from keel.core.models import AuditEvent
from keel.core.tests.factories import MembershipFactory
from keel.org.models import Department, Seat, SeatStatus

pytestmark = pytest.mark.django_db


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # noqa: S314 - our own output, parsed to check it


URL_NAMES = ["org_chart", "org_chart_svg", "org_chart_pdf"]


def url(name: str, ws: str = "acme", query: str = "") -> str:
    return reverse(name, kwargs={"ws": ws}) + query


def add_seats(workspace, count: int, *, boss=None) -> list[Seat]:
    dept = Department.objects.create(workspace=workspace, name=f"Dept {count}", colour=2)
    holders: list[Any] = [MembershipFactory(workspace=workspace) for _ in range(3)]
    seats: list[Seat] = []
    for i in range(count):
        parent = boss if i < 5 or not seats else seats[(i - 5) // 4]
        holder = holders[i % 3] if i % 2 == 0 else None
        seats.append(
            Seat.objects.create(
                workspace=workspace,
                title=f"Seat {count}-{i}",
                reports_to=parent,
                holder=holder,
                status=SeatStatus.FILLED if holder else SeatStatus.OPEN,
                department=dept,
                placeholder_name="" if holder else f"Hire {i}",
            )
        )
    return seats


@pytest.fixture
def org(workspace, owner):
    ceo = Seat.objects.create(workspace=workspace, title="Managing director", holder=owner,
                              status=SeatStatus.FILLED)  # fmt: skip
    ops = Seat.objects.create(workspace=workspace, title="Operations lead", reports_to=ceo,
                              placeholder_name="Jo — to hire")  # fmt: skip
    packer = Seat.objects.create(workspace=workspace, title="Packer", reports_to=ops)
    planned = Seat.objects.create(
        workspace=workspace, title="Brand manager", reports_to=ceo, status=SeatStatus.PLANNED,
        planned_for=datetime.date(2027, 1, 1), placeholder_name="Kim — to hire",
    )  # fmt: skip
    return {"ceo": ceo, "ops": ops, "packer": packer, "planned": planned}


def test_staff_see_the_chart_with_an_outline(login, member, org):
    response = login(member).get(url("org_chart"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="org-chart-svg"' in html and "Outline" in html
    assert "Operations lead" in html and "Jo — to hire" in html
    assert "Brand manager" not in html  # planned: future view only
    assert "data-search" in html and 'aria-live="polite"' in html
    assert url("org_chart_svg") in html and url("org_chart_pdf") in html
    assert "<script>" not in html.split("</head>", 1)[1]  # no inline scripts in the body
    assert ' style="' not in html


def test_outline_is_a_balanced_nested_list(login, owner, org):
    html = login(owner).get(url("org_chart")).content.decode()
    outline = html.split('<ul class="oc-outline">', 1)[1].split("</section>", 1)[0]
    assert outline.count("<ul") + 1 == outline.count("</ul>")
    assert outline.count("<li") == outline.count("</li>") == 3


def test_future_view_adds_planned_seats_from_their_quarter(login, owner, org):
    client = login(owner)
    assert (
        "Brand manager"
        not in client.get(url("org_chart", query="?as_of=2026-12-31")).content.decode()
    )
    html = client.get(url("org_chart", query="?as_of=2027-01-01")).content.decode()
    assert "Brand manager" in html and "Kim — to hire" in html and "Q1 2027" in html


def test_future_date_defaults_to_the_end_of_next_year(login, owner, org):
    html = login(owner).get(url("org_chart")).content.decode()
    next_year = timezone.localdate().year + 1
    assert f'value="{next_year}-12-31"' in html


def test_a_bad_date_says_what_to_enter_and_shows_today(login, owner, org):
    response = login(owner).get(url("org_chart", query="?as_of=tomorrow"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a date such as" in html and 'aria-invalid="true"' in html
    assert "Brand manager" not in html


def test_collapse_param_hides_descendants(login, owner, org):
    client = login(owner)
    html = client.get(url("org_chart", query=f"?collapsed={org['ops'].pk},junk,")).content.decode()
    assert "Packer" not in html
    assert "+1" in html and 'aria-expanded="false"' in html
    assert "Expand all branches" in html
    # Every box with children links to the page with its branch toggled.
    html = client.get(url("org_chart")).content.decode()
    assert f"?collapsed={org['ops'].pk}#oc-node-{org['ops'].pk}" in html


def test_empty_state_points_to_the_departments_template(login, owner):
    html = login(owner).get(url("org_chart")).content.decode()
    assert "Start from the e-commerce template" in html
    assert reverse("org_departments", kwargs={"ws": "acme"}) in html
    assert "org-chart-svg" not in html


def test_only_planned_seats_today_says_so(login, owner):
    Seat.objects.create(
        workspace=owner.workspace, title="Brand manager", status=SeatStatus.PLANNED,
        planned_for=datetime.date(2027, 1, 1),
    )  # fmt: skip
    html = login(owner).get(url("org_chart")).content.decode()
    assert "only planned seats" in html
    assert "Start from the e-commerce template" not in html


def test_svg_export_is_an_escaped_attachment(login, owner, org):
    Seat.objects.create(workspace=owner.workspace, title="<script>alert('x')</script>",
                        reports_to=org["ceo"])  # fmt: skip
    response = login(owner).get(url("org_chart_svg", query="?as_of=2027-06-30"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Content-Disposition"] == (
        'attachment; filename="org-chart-acme-2027-06-30.svg"'
    )
    body = response.content.decode()
    assert "<script" not in body and "&lt;script&gt;" in body
    root = parse(body)
    assert root.get("role") == "img"
    assert "Brand manager" in body
    assert AuditEvent.objects.filter(action="org.chart_exported", data__format="svg").exists()


def test_pdf_export(login, owner, org):
    Seat.objects.create(workspace=owner.workspace, title="客服主管", reports_to=org["ceo"])
    response = login(owner).get(url("org_chart_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("name", URL_NAMES)
def test_outsiders_get_404(login, outsider, org, name):
    assert login(outsider).get(url(name)).status_code == 404


@pytest.mark.parametrize("name", URL_NAMES)
def test_assistants_are_refused(login, assistant, org, name):
    assert login(assistant).get(url(name)).status_code == 403


@pytest.mark.parametrize("name", URL_NAMES)
def test_anonymous_visitors_are_sent_to_sign_in(client, org, name):
    response = client.get(url(name))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


@pytest.mark.parametrize("name", ["org_chart", "org_chart_svg"])
def test_query_count_does_not_grow_with_seats(login, owner, django_assert_max_num_queries, name):
    client = login(owner)
    boss = Seat.objects.create(workspace=owner.workspace, title="Boss", holder=owner,
                               status=SeatStatus.FILLED)  # fmt: skip
    add_seats(owner.workspace, 10, boss=boss)
    target = url(name, query="?as_of=2030-01-01")
    client.get(target)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(target).status_code == 200
    add_seats(owner.workspace, 290, boss=boss)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(target)
    assert response.status_code == 200
    assert response.content.decode().count('role="listitem"') == 301
