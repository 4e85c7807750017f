"""The KPI API: definitions for managers, months pushed with a token by whoever answers for
the KPI, 422 problems naming the field, nothing half-saved."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from keel.core.tests.api_client import assert_problem
from keel.kpis.models import Kpi, KpiMonth, ValueSource
from keel.kpis.tests.factories import KpiFactory
from keel.org.tests.factories import DepartmentFactory, SeatFactory

pytestmark = pytest.mark.django_db
WS = "/workspaces/acme"


def test_define_read_change_archive(api_for, manager, workspace):
    api = api_for(manager)
    team = DepartmentFactory(workspace=workspace)
    response = api.post(f"{WS}/kpis", {"name": "ACoS", "unit": "percent", "direction": "lower",
                                       "aggregation": "average", "team_id": team.pk})  # fmt: skip
    assert response.status_code == 201, response.content
    kpi_id = response.json()["id"]
    assert response.json()["team_id"] == team.pk and response.json()["archived"] is False
    response = api.patch(f"{WS}/kpis/{kpi_id}", {"amber_margin": 5, "team_id": None})
    assert response.json()["amber_margin"] == 5 and response.json()["team_id"] is None
    assert response.json()["direction"] == "lower"  # fields not sent keep their value
    assert api.get(f"{WS}/kpis").json()["items"][0]["name"] == "ACoS"
    assert api.post(f"{WS}/kpis/{kpi_id}/archive").json()["archived"] is True


def test_bad_definitions_are_422_on_the_field(api_for, manager, outsider):
    api = api_for(manager)
    problem = assert_problem(api.post(f"{WS}/kpis", {"name": "x", "unit": "percent",
                                                     "aggregation": "sum"}), 422)  # fmt: skip
    assert problem["errors"][0]["loc"] == ["body", "aggregation"]
    seat = SeatFactory(workspace=outsider.workspace)
    problem = assert_problem(api.post(f"{WS}/kpis", {"name": "x", "owner_seat_id": seat.pk}), 422)
    assert problem["errors"][0]["loc"] == ["body", "owner_seat_id"]
    assert_problem(api.post(f"{WS}/kpis", {"name": "x", "owner_seat_id": True}), 422)
    assert not Kpi.objects.exists()


def test_members_read_but_may_not_define(api_for, member, workspace):
    KpiFactory(workspace=workspace)
    api = api_for(member)
    assert api.get(f"{WS}/kpis").status_code == 200
    assert_problem(api.post(f"{WS}/kpis", {"name": "x"}), 403)


def test_the_seat_holder_pushes_values_with_a_token(api_for, member, workspace):
    seat = SeatFactory(workspace=workspace, holder=member, status="filled")
    kpi = KpiFactory(workspace=workspace, owner_seat=seat)
    api = api_for(member)
    body = {"months": [{"month": "2026-01", "value": "1200.50", "comment": "From the script"},
                       {"month": "2026-02", "value": 900}]}  # fmt: skip
    response = api.post(f"{WS}/kpis/{kpi.pk}/months", body)
    assert response.json() == {"changed": 2}
    assert set(KpiMonth.objects.values_list("source", flat=True)) == {ValueSource.API}
    months = api.get(f"{WS}/kpis/{kpi.pk}/months?year=2026").json()
    assert [(m["month"], D(m["value"])) for m in months] == [
        ("2026-01", D("1200.50")), ("2026-02", D(900)),
    ]  # fmt: skip
    # targets are the managers'
    assert_problem(api.post(f"{WS}/kpis/{kpi.pk}/months",
                            {"months": [{"month": "2026-03", "target": 5}]}), 403)  # fmt: skip


def test_a_bad_month_saves_none_of_the_push(api_for, manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    api = api_for(manager)
    for month in ("2026-13", "1999-01", "March"):
        assert_problem(api.post(f"{WS}/kpis/{kpi.pk}/months",
                                {"months": [{"month": month, "value": 1}]}), 422)  # fmt: skip
    body = {"months": [{"month": "2026-01", "value": 1}, {"month": "2199-01", "value": 2}]}
    problem = assert_problem(api.post(f"{WS}/kpis/{kpi.pk}/months", body), 422)
    assert "has not started" in problem["errors"][0]["msg"]
    assert not KpiMonth.objects.exists()
