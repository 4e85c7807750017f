"""The org API: departments and seats, fill/vacate, problems with the API's field names."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from keel.accounts.tokens import token_create
from keel.core.models import AuditEvent, Membership
from keel.org.models import Department, Seat, add_quarters, workspace_today

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


class Api:
    def __init__(self, client: Client, raw: str) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {raw}"}

    def call(self, method: str, path: str, body: Any = None) -> Any:
        kwargs: dict[str, Any] = {"headers": self.headers}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(self.client, method)(f"/api/v1/workspaces/acme{path}", **kwargs)


@pytest.fixture
def api_for(client):
    def _api_for(membership: Membership) -> Api:
        _token, raw = token_create(membership=membership, name="test")
        return Api(client, raw)

    return _api_for


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    return response.json()


def error_fields(body: dict[str, Any]) -> set[str]:
    return {e["loc"][-1] for e in body["errors"] if len(e["loc"]) > 1}


# --- Departments -----------------------------------------------------------------------------


def test_department_crud(api_for, owner, workspace):
    api = api_for(owner)
    response = api.call("post", "/departments", {"name": "Sales"})
    assert response.status_code == 201
    sales = response.json()
    assert sales["name"] == "Sales" and sales["parent_id"] is None and sales["colour"] == 1
    child = api.call("post", "/departments", {"name": "Wholesale", "parent_id": sales["id"]})
    assert child.json()["parent_id"] == sales["id"]

    listing = api.call("get", "/departments?limit=1").json()
    assert len(listing["items"]) == 1 and listing["next_cursor"]

    renamed = api.call("patch", f"/departments/{sales['id']}", {"name": "Sales & wholesale"})
    assert renamed.json()["name"] == "Sales & wholesale"
    assert api.call("get", f"/departments/{sales['id']}").json()["colour"] == 1

    body = problem(api.call("delete", f"/departments/{sales['id']}"), 422)
    assert "sub-departments" in body["detail"]
    assert api.call("delete", f"/departments/{child.json()['id']}").status_code == 204
    assert api.call("delete", f"/departments/{sales['id']}").status_code == 204
    assert not Department.objects.filter(workspace=workspace).exists()


def test_department_patch_cycle_is_422_on_parent_id(api_for, owner, workspace):
    top = Department.objects.create(workspace=workspace, name="Ops")
    child = Department.objects.create(workspace=workspace, name="Warehouse", parent=top)
    body = problem(
        api_for(owner).call("patch", f"/departments/{top.pk}", {"parent_id": child.pk}), 422
    )
    assert error_fields(body) == {"parent_id"}
    top.refresh_from_db()
    assert top.parent is None


def test_department_parent_of_another_workspace_is_422(api_for, owner, outsider):
    theirs = Department.objects.create(workspace=outsider.workspace, name="Theirs")
    body = problem(
        api_for(owner).call("post", "/departments", {"name": "X", "parent_id": theirs.pk}), 422
    )
    assert error_fields(body) == {"parent_id"}


def test_members_read_but_cannot_write(api_for, member, workspace):
    dept = Department.objects.create(workspace=workspace, name="Sales")
    api = api_for(member)
    assert api.call("get", "/departments").status_code == 200
    assert api.call("get", "/seats").status_code == 200
    problem(api.call("post", "/departments", {"name": "X"}), 403)
    problem(api.call("patch", f"/departments/{dept.pk}", {"name": "Y"}), 403)
    problem(api.call("post", "/seats", {"title": "X"}), 403)
    assert Department.objects.get(pk=dept.pk).name == "Sales"
    assert not Seat.objects.exists()


def test_assistant_cannot_read_the_chart(api_for, assistant):
    problem(api_for(assistant).call("get", "/seats"), 403)


# --- Seats -----------------------------------------------------------------------------------


def test_seat_create_and_read(api_for, owner, member, workspace):
    api = api_for(owner)
    dept = Department.objects.create(workspace=workspace, name="Purchasing")
    future = add_quarters(workspace_today(workspace), 2)
    response = api.call(
        "post",
        "/seats",
        {
            "title": "Purchasing lead",
            "department_id": dept.pk,
            "responsibilities": ["Orders", "Suppliers"],
            "cost_per_month": "12000.00",
            "holder_id": member.pk,
        },
    )
    assert response.status_code == 201, response.content
    seat = response.json()
    assert seat["status"] == "filled" and seat["holder"]["id"] == member.pk
    assert seat["responsibilities"] == ["Orders", "Suppliers"]
    assert seat["cost_currency"] == "CNY" and seat["department_id"] == dept.pk

    planned = api.call(
        "post",
        "/seats",
        {"title": "Ops", "status": "planned", "planned_for": future.isoformat(),
         "placeholder_name": "Alex — to hire", "reports_to_id": seat["id"]},
    ).json()  # fmt: skip
    assert planned["planned_quarter"] and planned["holder"] is None

    only_planned = api.call("get", "/seats?status=planned").json()["items"]
    assert [s["id"] for s in only_planned] == [planned["id"]]
    in_dept = api.call("get", f"/seats?department={dept.pk}").json()["items"]
    assert [s["id"] for s in in_dept] == [seat["id"]]
    assert api.call("get", f"/seats/{seat['id']}").json()["title"] == "Purchasing lead"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "X", "status": "planned", "planned_for": "past"}, "planned_for"),
        ({"title": "X", "status": "filled"}, "holder_id"),
        ({"title": "X", "holder_id": "outsider"}, "holder_id"),
        ({"title": "X", "reports_to_id": 2_000_000_000}, "reports_to_id"),
        ({"title": "X", "department_id": 2_000_000_000}, "department_id"),
        ({"title": "X", "fte": "3"}, "fte"),
        ({"title": "X", "cost_currency": "JPY"}, "cost_currency"),
    ],
)
def test_seat_create_errors_are_422_with_field(api_for, owner, outsider, workspace, body, field):
    values = {
        "past": add_quarters(workspace_today(workspace), -1).isoformat(),
        "outsider": outsider.pk,
    }
    body = {k: values.get(v, v) if isinstance(v, str) else v for k, v in body.items()}
    result = problem(api_for(owner).call("post", "/seats", body), 422)
    assert field in error_fields(result)
    assert not Seat.objects.filter(workspace=workspace).exists()


def test_seat_patch_reporting_cycle_is_422(api_for, owner, make_seat):
    top = make_seat("CEO", holder=owner)
    below = make_seat("Head", reports_to=top)
    body = problem(
        api_for(owner).call("patch", f"/seats/{top.pk}", {"reports_to_id": below.pk}), 422
    )
    assert error_fields(body) == {"reports_to_id"}
    assert "circle" in body["detail"]


def test_seat_patch_changes_only_what_is_sent(api_for, owner, make_seat):
    seat = make_seat("Buyer", holder=owner, cost_per_month=100)
    seat.responsibilities.create(workspace=seat.workspace, text="Orders")
    out = api_for(owner).call("patch", f"/seats/{seat.pk}", {"title": "Senior buyer"}).json()
    assert out["title"] == "Senior buyer" and out["responsibilities"] == ["Orders"]
    assert out["holder"]["id"] == owner.pk and out["cost_per_month"] is not None
    out = api_for(owner).call("patch", f"/seats/{seat.pk}", {"cost_per_month": None}).json()
    assert out["cost_per_month"] is None


def test_fill_and_vacate(api_for, owner, member, make_seat):
    api = api_for(owner)
    seat = make_seat("Buyer", placeholder_name="Alex — to hire")
    out = api.call("post", f"/seats/{seat.pk}/fill", {"member_id": member.pk})
    assert out.status_code == 200
    assert out.json()["holder"]["id"] == member.pk and out.json()["placeholder_name"] == ""

    body = problem(api.call("post", f"/seats/{seat.pk}/fill", {"member_id": owner.pk}), 422)
    assert error_fields(body) == {"member_id"}
    assert "vacate it first" in body["detail"]

    out = api.call("post", f"/seats/{seat.pk}/vacate", {"placeholder_name": "Next buyer"})
    assert out.json()["holder"] is None and out.json()["status"] == "open"
    problem(api.call("post", f"/seats/{seat.pk}/vacate", {}), 422)
    assert AuditEvent.objects.filter(action__in=["seat.filled", "seat.vacated"]).count() == 2


def test_fill_with_another_workspaces_member_is_422(api_for, owner, outsider, make_seat):
    seat = make_seat("Buyer")
    body = problem(
        api_for(owner).call("post", f"/seats/{seat.pk}/fill", {"member_id": outsider.pk}), 422
    )
    assert error_fields(body) == {"member_id"}


def test_another_workspaces_seat_is_404(api_for, owner, outsider):
    theirs = Seat.objects.create(workspace=outsider.workspace, title="Theirs")
    api = api_for(owner)
    problem(api.call("get", f"/seats/{theirs.pk}"), 404)
    problem(api.call("post", f"/seats/{theirs.pk}/fill", {"member_id": owner.pk}), 404)
    problem(api.call("delete", f"/seats/{theirs.pk}"), 404)
    assert Seat.objects.filter(pk=theirs.pk, holder__isnull=True).exists()


def test_seat_delete(api_for, owner, make_seat):
    api = api_for(owner)
    boss = make_seat("Boss")
    child = make_seat("Child", reports_to=boss)
    problem(api.call("delete", f"/seats/{boss.pk}"), 422)
    assert api.call("delete", f"/seats/{child.pk}").status_code == 204


def test_seat_list_query_count_does_not_grow(
    api_for, owner, make_seat, django_assert_max_num_queries
):
    api = api_for(owner)
    for i in range(30):
        seat = make_seat(f"S{i}", holder=owner if i % 2 else None)
        seat.responsibilities.create(workspace=seat.workspace, text="x")
    with django_assert_max_num_queries(6):
        assert len(api.call("get", "/seats?limit=50").json()["items"]) == 30
