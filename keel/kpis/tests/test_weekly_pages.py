"""Weekly KPIs on the pages and the API: the weeks grid (13 weeks a page), the scorecard's
drill-down and the year grid leading to it, the KPI's page, the CSV preview by week, the shop
import refusing a weekly KPI, `period` and `week` in the API."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from freezegun import freeze_time

from keel.core.tests.api_client import assert_problem
from keel.kpis.models import Kpi, KpiMonth
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.org.tests.factories import DepartmentFactory, SeatFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
WS = "/workspaces/acme"


@pytest.fixture
def frozen():
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - load the API's schemas before the clock stops
    with freeze_time("2026-03-18 12:00"):  # a Wednesday; this week is 2026-W12 (16 March)
        yield


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": "acme", **kwargs})


def weekly(workspace, **kwargs):
    return KpiFactory(workspace=workspace, period="weekly", **kwargs)


def test_a_weekly_kpi_is_made_on_the_form_and_opens_on_its_weeks(login, manager):
    response = login(manager).post(url("kpis_new"), {
        "name": "Orders per week", "unit": "count", "direction": "higher",
        "aggregation": "sum", "period": "weekly", "amber_margin": "10",
    })  # fmt: skip
    kpi = Kpi.objects.get()
    assert kpi.is_weekly
    # nine weeks gone, this week, three to come: from 2026-W03
    assert response["Location"] == url("kpis_weeks", kpi_id=kpi.pk, week="2026-W03")


def test_the_weeks_grid_saves_targets_and_the_started_weeks_values(login, manager, workspace):
    kpi = weekly(workspace)
    client = login(manager)
    page = url("kpis_weeks", kpi_id=kpi.pk, week="2026-W10")  # 2 March … 25 May
    body = client.get(page).content.decode()
    assert "2026-W10 ·" in body and "2026-W22 ·" in body and "2026-W23 ·" not in body
    assert 'name="value_2"' in body and 'name="value_3"' not in body  # W13 has not started
    assert url("kpis_weeks", kpi_id=kpi.pk, week="2026-W23") in body  # later weeks
    assert url("kpis_weeks", kpi_id=kpi.pk, week="2025-W49") in body  # earlier weeks
    cells = {f"target_{n}": "350" for n in range(13)}
    cells.update({"value_0": "300", "value_2": "100", "comment_2": "Half a week"})
    assert client.post(page, cells).status_code == 302
    rows = dict(KpiMonth.objects.filter(kpi=kpi).values_list("month", "value"))
    assert len(rows) == 13 and rows[date(2026, 3, 2)] == D(300)
    assert rows[date(2026, 3, 16)] == D(100) and rows[date(2026, 3, 23)] is None
    # a value smuggled in for a week to come is no field: nothing of it is saved
    client.post(page, {**cells, "value_3": "5"})
    assert KpiMonth.objects.get(kpi=kpi, month=date(2026, 3, 23)).value is None


def test_who_may_open_the_weeks_grid(login, member, workspace):
    kpi = weekly(workspace)
    page = url("kpis_weeks", kpi_id=kpi.pk, week="2026-W10")
    assert login(member).get(page).status_code == 403
    seat = SeatFactory(workspace=workspace, holder=member, status="filled")
    kpi.owner_seat = seat
    kpi.save()
    body = login(member).get(page).content.decode()
    assert 'name="value_0"' in body and 'name="target_0"' not in body  # values, not targets
    assert login(member).get(url("kpis_weeks", kpi_id=kpi.pk, week="2026-W99")).status_code \
        == 404  # fmt: skip


def test_months_and_years_of_a_weekly_kpi_lead_to_its_weeks(login, manager, workspace):
    kpi = weekly(workspace)
    client = login(manager)
    response = client.get(url("kpis_month", kpi_id=kpi.pk, month="2026-03"))
    assert response["Location"] == url("kpis_weeks", kpi_id=kpi.pk, week="2026-W10")
    response = client.get(url("kpis_year", kpi_id=kpi.pk, year=2026))
    # the year's first week: 5 January (29 December's week is 2025's, where it starts)
    assert response["Location"] == url("kpis_weeks", kpi_id=kpi.pk, week="2026-W02")
    monthly = KpiFactory(workspace=workspace)
    response = client.get(url("kpis_weeks", kpi_id=monthly.pk, week="2026-W10"))
    assert response["Location"] == url("kpis_year", kpi_id=monthly.pk, year=2026)


def test_copy_targets_from_the_weeks_grid_returns_to_it(login, manager, workspace):
    kpi = weekly(workspace)
    KpiMonthFactory(kpi=kpi, month=date(2025, 3, 17), target=D(100), value=None)
    response = login(manager).post(url("kpis_copy_targets", kpi_id=kpi.pk, year=2026),
                                   {"growth": "10", "week": "2026-W10"})  # fmt: skip
    assert response["Location"] == url("kpis_weeks", kpi_id=kpi.pk, week="2026-W10")
    assert KpiMonth.objects.get(kpi=kpi, month=date(2026, 3, 16)).target == D("110.00")


def test_the_kpi_page_and_the_scorecard_show_weeks(login, member, workspace):
    kpi = weekly(workspace, name="Orders per week")
    KpiMonthFactory(kpi=kpi, month=date(2026, 3, 16), target=D(350), value=D(312))
    client = login(member)
    body = client.get(url("kpis_detail", kpi_id=kpi.pk)).content.decode()
    assert "Week by week" in body and "per week over 26 weeks" in body
    assert url("kpis_weeks", kpi_id=kpi.pk, week="2026-W12") in body
    body = client.get(url("kpis_scorecard")).content.decode()
    assert "This week: 312 of 350" in body


def test_the_scorecard_with_weekly_kpis_keeps_its_query_budget(
    login, owner, workspace, django_assert_max_num_queries
):
    seat = SeatFactory(workspace=workspace, holder=owner, status="filled")
    client = login(owner)

    def add(n: int) -> None:
        for _ in range(n):
            kpi = weekly(workspace, owner_seat=seat,
                         department=DepartmentFactory(workspace=workspace))  # fmt: skip
            for day in (2, 9, 16):
                KpiMonthFactory(kpi=kpi, month=date(2026, 3, day))

    add(2)
    client.get(url("kpis_scorecard"))
    with django_assert_max_num_queries(14):
        assert client.get(url("kpis_scorecard")).status_code == 200
    add(20)
    with django_assert_max_num_queries(14):
        assert client.get(url("kpis_scorecard")).status_code == 200


def test_a_csv_preview_names_the_weeks(login, manager, workspace):
    kpi = weekly(workspace)
    client = login(manager)
    upload = SimpleUploadedFile("orders.csv", b"date,value\n2026-03-10,5\n2026-03-11,7\n")
    body = client.post(url("kpis_import", kpi_id=kpi.pk), {"file": upload}).content.decode()
    assert "2026-W11" in body and "12" in body
    response = client.post(url("kpis_import", kpi_id=kpi.pk), {
        "csv_text": "date,value\n2026-03-10,5\n2026-03-11,7\n", "confirm": "1"})  # fmt: skip
    assert response.status_code == 302
    assert KpiMonth.objects.get(kpi=kpi).month == date(2026, 3, 9)


def test_the_shop_import_refuses_a_weekly_kpi(manager, workspace):
    from keel.kpis.services.shop_import import FigureImport, shop_import_check
    from keel.kpis.views.shop_import import importable_kpis

    kpi = weekly(workspace, unit="money", currency="CNY")
    assert kpi not in importable_kpis(manager)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        shop_import_check(actor=manager, format="shopify", currency="CNY",
                          imports=[FigureImport(figure="revenue", kpi=kpi,
                                                months={date(2026, 2, 1): D(5)})])  # fmt: skip
    assert "is weekly" in str(error.value)


# --- the API --------------------------------------------------------------------------------


def test_the_api_makes_a_weekly_kpi_and_pushes_weeks(api_for, manager):
    api = api_for(manager)
    response = api.post(f"{WS}/kpis", {"name": "Orders per week", "period": "weekly"})
    assert response.status_code == 201 and response.json()["period"] == "weekly"
    kpi_id = response.json()["id"]
    body = {"months": [{"week": "2026-W05", "value": "312", "target": 350}]}
    assert api.post(f"{WS}/kpis/{kpi_id}/months", body).json() == {"changed": 1}
    assert KpiMonth.objects.get().month == date(2026, 1, 26)  # ISO week 5's Monday
    weeks = api.get(f"{WS}/kpis/{kpi_id}/months?year=2026").json()
    assert [(w["week"], w["month"], D(w["value"])) for w in weeks] == [
        ("2026-W05", None, D(312))]  # fmt: skip
    # a month for a weekly KPI, a week for a monthly one: 422 naming the field
    push = {"months": [{"month": "2026-01", "value": 1}]}
    problem = assert_problem(api.post(f"{WS}/kpis/{kpi_id}/months", push), 422)
    assert "week" in str(problem["errors"][0]) and "weekly" in problem["errors"][0]["msg"]
    monthly = api.post(f"{WS}/kpis", {"name": "Revenue"}).json()
    assert monthly["period"] == "monthly"
    push = {"months": [{"week": "2026-W05", "value": 1}]}
    problem = assert_problem(api.post(f"{WS}/kpis/{monthly['id']}/months", push), 422)
    assert "month" in str(problem["errors"][0]) and "monthly" in problem["errors"][0]["msg"]
    assert_problem(api.post(f"{WS}/kpis/{kpi_id}/months",
                            {"months": [{"week": "2026-W60", "value": 1}]}), 422)  # fmt: skip
    # the period can't change now
    problem = assert_problem(api.patch(f"{WS}/kpis/{kpi_id}", {"period": "monthly"}), 422)
    assert "can't become monthly" in problem["errors"][0]["msg"]
    assert KpiMonth.objects.count() == 1
