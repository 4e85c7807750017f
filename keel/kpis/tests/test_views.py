"""KPI pages: the scorecard, the definition form, the year grid, a month, the CSV import;
who sees which button and who gets a 403; bounded queries whatever the number of KPIs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from keel.kpis.figures import add_months, month_start
from keel.kpis.models import Kpi, KpiMonth, Metric
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.org.tests.factories import DepartmentFactory, SeatFactory

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": "acme", **kwargs})


@pytest.fixture
def last_month() -> date:
    return add_months(month_start(timezone.localdate()), -1)


def test_empty_scorecard_says_what_to_do_next(login, owner, member):
    body = login(owner).get(url("kpis_scorecard")).content.decode()
    assert "No KPIs yet" in body and url("kpis_new") in body
    body = login(member).get(url("kpis_scorecard")).content.decode()
    assert "No KPIs yet" in body and url("kpis_new") not in body


def test_scorecard_groups_by_team_and_shows_status(login, member, workspace, last_month):
    ops = DepartmentFactory(workspace=workspace, name="Ops")
    ok = KpiFactory(workspace=workspace, name="Orders")
    late = KpiFactory(workspace=workspace, name="Shipped in 24h", department=ops)
    KpiMonthFactory(kpi=ok, month=last_month, target=D(100), value=D(120))
    KpiMonthFactory(kpi=late, month=last_month, target=D(100), value=D(50), comment="Courier")
    response = login(member).get(url("kpis_scorecard"), {"month": f"{last_month:%Y-%m}"})
    body = response.content.decode().split('id="main"')[1].split("</form>", 1)[1]  # the cards
    assert body.index("Orders") < body.index("Ops") < body.index("Shipped in 24h")
    assert "On target" in body and "Missed" in body and "Courier" in body
    assert "1 missed" in body
    only_ops = login(member).get(url("kpis_scorecard"), {"team": ops.pk}).content.decode()
    assert "Shipped in 24h" in only_ops and "Orders" not in only_ops


def test_scorecard_queries_do_not_grow_with_kpis(
    login, owner, workspace, last_month, django_assert_max_num_queries
):
    seat = SeatFactory(workspace=workspace, holder=owner, status="filled")
    client = login(owner)

    def add(n: int) -> None:
        for _ in range(n):
            kpi = KpiFactory(workspace=workspace, owner_seat=seat,
                             department=DepartmentFactory(workspace=workspace))  # fmt: skip
            KpiMonthFactory(kpi=kpi, month=last_month)

    add(2)
    client.get(url("kpis_scorecard"))  # the first request after sign-in records the session
    with django_assert_max_num_queries(14):
        assert client.get(url("kpis_scorecard")).status_code == 200
    add(20)
    with django_assert_max_num_queries(14):
        assert client.get(url("kpis_scorecard")).status_code == 200


def test_define_a_kpi_then_set_the_years_targets(login, manager, workspace):
    client = login(manager)
    seat = SeatFactory(workspace=workspace)
    response = client.post(url("kpis_new"), {
        "name": "Revenue", "metric": "", "unit": "money", "currency": "USD",
        "direction": "higher", "aggregation": "sum", "department": "", "owner": f"seat:{seat.pk}",
        "amber_margin": "10",
    })  # fmt: skip
    kpi = Kpi.objects.get()
    year = timezone.localdate().year
    assert response.status_code == 302
    assert response["Location"] == url("kpis_year", kpi_id=kpi.pk, year=year)
    assert (kpi.currency, kpi.owner_seat) == ("USD", seat)
    grid = {f"target_{m}": str(1000 * m) for m in range(1, 13)}
    grid.update({"value_1": "900", "comment_1": "Slow January"})
    response = client.post(url("kpis_year", kpi_id=kpi.pk, year=year), grid)
    assert response.status_code == 302
    assert KpiMonth.objects.filter(kpi=kpi, target__isnull=False).count() == 12
    january = KpiMonth.objects.get(kpi=kpi, month=date(year, 1, 1))
    assert (january.value, january.comment) == (D(900), "Slow January")
    body = client.get(url("kpis_year", kpi_id=kpi.pk, year=year)).content.decode()
    assert 'value="12000"' in body and "Slow January" in body


def test_a_bad_cell_keeps_what_was_typed_and_saves_nothing(login, manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    response = login(manager).post(url("kpis_year", kpi_id=kpi.pk, year=2026),
                                   {"target_1": "12", "target_2": "lots"})  # fmt: skip
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="lots"' in body and 'value="12"' in body
    assert not KpiMonth.objects.exists()


def test_new_kpi_form_names_bad_fields(login, manager):
    bad = {"name": "", "unit": "money", "direction": "up", "amber_margin": "x"}
    response = login(manager).post(url("kpis_new"), bad)
    assert response.status_code == 400
    assert not Kpi.objects.exists()


def test_who_may_open_what(login, member, workspace):
    kpi = KpiFactory(workspace=workspace)
    client = login(member)
    body = client.get(url("kpis_detail", kpi_id=kpi.pk)).content.decode()
    assert url("kpis_import", kpi_id=kpi.pk) not in body and url("kpis_edit", kpi_id=kpi.pk) \
        not in body  # fmt: skip
    assert client.get(url("kpis_import", kpi_id=kpi.pk)).status_code == 403
    assert client.get(url("kpis_year", kpi_id=kpi.pk, year=2026)).status_code == 403
    assert client.get(url("kpis_new")).status_code == 403
    assert client.post(url("kpis_archive", kpi_id=kpi.pk)).status_code == 403


def test_the_seat_holder_enters_values_and_commentary_of_a_month(login, member, workspace):
    seat = SeatFactory(workspace=workspace, holder=member, status="filled")
    kpi = KpiFactory(workspace=workspace, owner_seat=seat)
    client = login(member)
    page = url("kpis_month", kpi_id=kpi.pk, month="2026-01")
    body = client.get(page).content.decode()
    assert 'name="value"' in body and 'name="target"' not in body  # targets are managers'
    response = client.post(page, {"value": "42", "comment": "Promotion week"})
    assert response.status_code == 302
    row = KpiMonth.objects.get(kpi=kpi)
    assert (row.value, row.comment, row.value_set_by) == (D(42), "Promotion week", member)
    assert client.get(url("kpis_month", kpi_id=kpi.pk, month="2026-13")).status_code == 404


def test_import_previews_then_saves_only_on_confirm(login, manager, workspace):
    kpi = KpiFactory(workspace=workspace, aggregation="sum")
    client = login(manager)
    data = "date,value\n2026-01-05,100\n2026-01-06,50\nnot a date,1\n2026-02-01,70\n"
    upload = SimpleUploadedFile("sales.csv", data.encode("gb18030"), content_type="text/csv")
    response = client.post(url("kpis_import", kpi_id=kpi.pk), {"file": upload})
    body = response.content.decode()
    assert response.status_code == 200 and "Line 4" in body and "Import 2 months" in body
    assert not KpiMonth.objects.exists()  # nothing before the confirm
    response = client.post(url("kpis_import", kpi_id=kpi.pk), {"csv_text": data, "confirm": "1"})
    assert response.status_code == 302
    assert dict(KpiMonth.objects.values_list("month", "value")) == {
        date(2026, 1, 1): D(150), date(2026, 2, 1): D(70),
    }  # fmt: skip


def test_import_refuses_a_file_it_cannot_read(login, manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    upload = SimpleUploadedFile("x.csv", b"\xff\xfe\x00\x81garbage\x80", content_type="text/csv")
    response = login(manager).post(url("kpis_import", kpi_id=kpi.pk), {"file": upload})
    assert response.status_code == 400 and "UTF-8" in response.content.decode()
    computed = KpiFactory(workspace=workspace, metric=Metric.TASKS_OVERDUE)
    response = login(manager).post(url("kpis_import", kpi_id=computed.pk),
                                   {"csv_text": "date,value\n2026-01-01,1\n"})  # fmt: skip
    assert response.status_code == 400 and not KpiMonth.objects.exists()


def test_detail_shows_trend_chart_and_archive_round_trip(login, owner, workspace, last_month):
    kpi = KpiFactory(workspace=workspace, name="Refund rate", unit="percent", direction="lower")
    KpiMonthFactory(kpi=kpi, month=last_month, target=D(3), value=D("2.5"))
    client = login(owner)
    body = client.get(url("kpis_detail", kpi_id=kpi.pk)).content.decode()
    assert f'id="kpi-trend-{kpi.pk}"' in body and "2.5%" in body and "On target" in body
    assert client.post(url("kpis_archive", kpi_id=kpi.pk)).status_code == 302
    link = ">Refund rate</a>"
    assert link not in client.get(url("kpis_scorecard")).content.decode()
    assert link in client.get(url("kpis_archived")).content.decode()
    client.post(url("kpis_restore", kpi_id=kpi.pk))
    assert link in client.get(url("kpis_scorecard")).content.decode()


def test_a_team_without_kpis_says_so_and_links_back(login, member, workspace):
    KpiFactory(workspace=workspace, name="Orders")
    empty = DepartmentFactory(workspace=workspace, name="Finance")
    body = login(member).get(url("kpis_scorecard"), {"team": empty.pk}).content.decode()
    assert "This team has no KPIs yet." in body and "Orders" not in body.split('id="main"')[1]


def test_the_current_month_of_a_sum_is_drawn_as_its_pace(login, owner, workspace):
    from keel.kpis.selectors import kpi_history
    from keel.kpis.trend import trend_chart

    kpi = KpiFactory(workspace=workspace, aggregation="sum")
    today = date(2026, 3, 10)  # a third of March gone
    KpiMonthFactory(kpi=kpi, month=date(2026, 2, 1), value=D(3000), target=D(3000))
    KpiMonthFactory(kpi=kpi, month=date(2026, 3, 1), value=D(1000), target=D(3000))
    svg = str(trend_chart(kpi_history(kpi=kpi, today=today)))
    values, _targets, pace = svg.split('<g class="chart-series')[1:4]
    assert values.count("<circle") == 1  # last month only: the month so far is not a point
    assert pace.count("<circle") == 2  # from last month to where this one is heading
