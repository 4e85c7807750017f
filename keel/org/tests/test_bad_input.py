"""Bad input to the org API is a 422 problem, never a silent change or a cut (see
keel/core/tests/test_api_fuzz.py for the fuzzer that found these classes)."""

from __future__ import annotations

import json

import pytest

from keel.core.tests.api_client import assert_problem, error_fields
from keel.org.models import Department, Seat
from keel.org.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


def test_a_bare_string_body_does_not_rename_the_seat(api_for, owner, workspace):
    seat = SeatFactory(workspace=workspace, title="Purchasing lead")
    api = api_for(owner)
    response = api.client.patch(
        f"/api/v1{WS}/seats/{seat.pk}", data=json.dumps("hello"),
        content_type="application/json", headers=api.headers,
    )  # fmt: skip
    assert_problem(response, 422)
    seat.refresh_from_db()
    assert seat.title == "Purchasing lead"


@pytest.mark.parametrize("title", ["Lead\r\nbuyer", "Lead\tbuyer", "Lead\x7f"])
def test_seat_title_with_control_characters_is_refused(api_for, owner, title):
    response = api_for(owner).post(f"{WS}/seats", {"title": title})
    assert "title" in error_fields(assert_problem(response, 422))
    assert not Seat.objects.exists()


def test_department_name_with_a_line_break_is_refused(api_for, owner):
    response = api_for(owner).post(f"{WS}/departments", {"name": "Sales\nEU"})
    assert "name" in error_fields(assert_problem(response, 422))
    assert not Department.objects.exists()


def test_vacating_with_a_long_placeholder_is_refused_not_cut(api_for, owner, member, workspace):
    seat = SeatFactory(workspace=workspace, title="Buyer", holder=member, status="filled")
    response = api_for(owner).post(f"{WS}/seats/{seat.pk}/vacate", {"placeholder_name": "x" * 81})
    assert "placeholder_name" in error_fields(assert_problem(response, 422))
    seat.refresh_from_db()
    assert seat.holder_id == member.pk


def test_holder_id_past_64_bits_is_a_field_error(api_for, owner):
    response = api_for(owner).post(
        f"{WS}/seats", {"title": "Buyer", "holder_id": 2**64, "status": "filled"}
    )
    assert "holder_id" in error_fields(assert_problem(response, 422))


def test_seat_list_department_filter_past_64_bits_is_a_query_error(api_for, owner):
    response = api_for(owner).get(f"{WS}/seats", {"department": 2**70})
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["loc"][0] == "query"
