"""The org API: departments and seats, fill/vacate, problems with the API's field names."""

from __future__ import annotations

import pytest

from keel.core.models import AuditEvent
from keel.core.tests.api_client import assert_problem, error_fields
from keel.org.models import Department, Seat, add_quarters, workspace_today

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


# --- Departments -----------------------------------------------------------------------------


def test_department_crud(api_for, owner, workspace):
    api = api_for(owner)
    response = api.post(f"{WS}/departments", {"name": "Sales"})
    assert response.status_code == 201
    sales = response.json()
    assert sales["name"] == "Sales" and sales["parent_id"] is None and sales["colour"] == 1
    child = api.post(f"{WS}/departments", {"name": "Wholesale", "parent_id": sales["id"]})
    assert child.json()["parent_id"] == sales["id"]

    listing = api.get(f"{WS}/departments?limit=1").json()
    assert len(listing["items"]) == 1 and listing["next_cursor"]

    renamed = api.patch(f"{WS}/departments/{sales['id']}", {"name": "Sales & wholesale"})
    assert renamed.json()["name"] == "Sales & wholesale"
    assert api.get(f"{WS}/departments/{sales['id']}").json()["colour"] == 1

    body = assert_problem(api.delete(f"{WS}/departments/{sales['id']}"), 422)
    assert "sub-departments" in body["detail"]
    assert api.delete(f"{WS}/departments/{child.json()['id']}").status_code == 204
    assert api.delete(f"{WS}/departments/{sales['id']}").status_code == 204
    assert not Department.objects.filter(workspace=workspace).exists()


def test_department_patch_cycle_is_422_on_parent_id(api_for, owner, workspace):
    top = Department.objects.create(workspace=workspace, name="Ops")
    child = Department.objects.create(workspace=workspace, name="Warehouse", parent=top)
    body = assert_problem(
        api_for(owner).patch(f"{WS}/departments/{top.pk}", {"parent_id": child.pk}), 422
    )
    assert error_fields(body) == {"parent_id"}
    top.refresh_from_db()
    assert top.parent is None


def test_department_parent_of_another_workspace_is_422(api_for, owner, outsider):
    theirs = Department.objects.create(workspace=outsider.workspace, name="Theirs")
    body = assert_problem(
        api_for(owner).post(f"{WS}/departments", {"name": "X", "parent_id": theirs.pk}), 422
    )
    assert error_fields(body) == {"parent_id"}


def test_members_read_but_cannot_write(api_for, member, workspace):
    dept = Department.objects.create(workspace=workspace, name="Sales")
    api = api_for(member)
    assert api.get(f"{WS}/departments").status_code == 200
    assert api.get(f"{WS}/seats").status_code == 200
    assert_problem(api.post(f"{WS}/departments", {"name": "X"}), 403)
    assert_problem(api.patch(f"{WS}/departments/{dept.pk}", {"name": "Y"}), 403)
    assert_problem(api.post(f"{WS}/seats", {"title": "X"}), 403)
    assert Department.objects.get(pk=dept.pk).name == "Sales"
    assert not Seat.objects.exists()


def test_assistant_cannot_read_the_chart(api_for, assistant):
    assert_problem(api_for(assistant).get(f"{WS}/seats"), 403)


# --- Seats -----------------------------------------------------------------------------------


def test_seat_create_and_read(api_for, owner, member, workspace):
    api = api_for(owner)
    dept = Department.objects.create(workspace=workspace, name="Purchasing")
    future = add_quarters(workspace_today(workspace), 2)
    response = api.post(
        f"{WS}/seats",
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

    planned = api.post(f"{WS}/seats",
        {"title": "Ops", "status": "planned", "planned_for": future.isoformat(),
         "placeholder_name": "Alex — to hire", "reports_to_id": seat["id"]},
    ).json()  # fmt: skip
    assert planned["planned_quarter"] and planned["holder"] is None

    only_planned = api.get(f"{WS}/seats?status=planned").json()["items"]
    assert [s["id"] for s in only_planned] == [planned["id"]]
    in_dept = api.get(f"{WS}/seats?department={dept.pk}").json()["items"]
    assert [s["id"] for s in in_dept] == [seat["id"]]
    assert api.get(f"{WS}/seats/{seat['id']}").json()["title"] == "Purchasing lead"


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
    result = assert_problem(api_for(owner).post(f"{WS}/seats", body), 422)
    assert field in error_fields(result)
    assert not Seat.objects.filter(workspace=workspace).exists()


def test_seat_patch_reporting_cycle_is_422(api_for, owner, make_seat):
    top = make_seat("CEO", holder=owner)
    below = make_seat("Head", reports_to=top)
    body = assert_problem(
        api_for(owner).patch(f"{WS}/seats/{top.pk}", {"reports_to_id": below.pk}), 422
    )
    assert error_fields(body) == {"reports_to_id"}
    assert "circle" in body["detail"]


def test_seat_patch_changes_only_what_is_sent(api_for, owner, make_seat):
    seat = make_seat("Buyer", holder=owner, cost_per_month=100)
    seat.responsibilities.create(workspace=seat.workspace, text="Orders")
    out = api_for(owner).patch(f"{WS}/seats/{seat.pk}", {"title": "Senior buyer"}).json()
    assert out["title"] == "Senior buyer" and out["responsibilities"] == ["Orders"]
    assert out["holder"]["id"] == owner.pk and out["cost_per_month"] is not None
    out = api_for(owner).patch(f"{WS}/seats/{seat.pk}", {"cost_per_month": None}).json()
    assert out["cost_per_month"] is None


def test_fill_and_vacate(api_for, owner, member, make_seat):
    api = api_for(owner)
    seat = make_seat("Buyer", placeholder_name="Alex — to hire")
    out = api.post(f"{WS}/seats/{seat.pk}/fill", {"member_id": member.pk})
    assert out.status_code == 200
    assert out.json()["holder"]["id"] == member.pk and out.json()["placeholder_name"] == ""

    body = assert_problem(api.post(f"{WS}/seats/{seat.pk}/fill", {"member_id": owner.pk}), 422)
    assert error_fields(body) == {"member_id"}
    assert "vacate it first" in body["detail"]

    out = api.post(f"{WS}/seats/{seat.pk}/vacate", {"placeholder_name": "Next buyer"})
    assert out.json()["holder"] is None and out.json()["status"] == "open"
    assert_problem(api.post(f"{WS}/seats/{seat.pk}/vacate", {}), 422)
    assert AuditEvent.objects.filter(action__in=["seat.filled", "seat.vacated"]).count() == 2


def test_fill_with_another_workspaces_member_is_422(api_for, owner, outsider, make_seat):
    seat = make_seat("Buyer")
    body = assert_problem(
        api_for(owner).post(f"{WS}/seats/{seat.pk}/fill", {"member_id": outsider.pk}), 422
    )
    assert error_fields(body) == {"member_id"}


def test_another_workspaces_seat_is_404(api_for, owner, outsider):
    theirs = Seat.objects.create(workspace=outsider.workspace, title="Theirs")
    api = api_for(owner)
    assert_problem(api.get(f"{WS}/seats/{theirs.pk}"), 404)
    assert_problem(api.post(f"{WS}/seats/{theirs.pk}/fill", {"member_id": owner.pk}), 404)
    assert_problem(api.delete(f"{WS}/seats/{theirs.pk}"), 404)
    assert Seat.objects.filter(pk=theirs.pk, holder__isnull=True).exists()


def test_seat_delete(api_for, owner, make_seat):
    api = api_for(owner)
    boss = make_seat("Boss")
    child = make_seat("Child", reports_to=boss)
    assert_problem(api.delete(f"{WS}/seats/{boss.pk}"), 422)
    assert api.delete(f"{WS}/seats/{child.pk}").status_code == 204


def test_seat_list_query_count_does_not_grow(
    api_for, owner, make_seat, django_assert_max_num_queries
):
    api = api_for(owner)
    for i in range(30):
        seat = make_seat(f"S{i}", holder=owner if i % 2 else None)
        seat.responsibilities.create(workspace=seat.workspace, text="x")
    with django_assert_max_num_queries(6):
        assert len(api.get(f"{WS}/seats?limit=50").json()["items"]) == 30
