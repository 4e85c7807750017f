"""Importing a shop file into several KPIs: the service (all or nothing, the currency and the
unit of each KPI, permissions, audit) and the pages (upload → preview → check → confirm; who
may; what a bad, empty, binary or huge file gets; the KPI's own import page handing over)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from keel.core.models import AuditEvent
from keel.kpis import services
from keel.kpis.figures import add_months, month_start
from keel.kpis.models import KpiMonth, Metric, ValueSource
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.kpis.views.shop_import import SESSION_KEY

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"ws": "acme", **kwargs})


def sample(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (SAMPLES / name).read_bytes(), content_type="text/csv")


@pytest.fixture
def shop_kpis(workspace):
    """The demo shop's KPIs a Shopify or Amazon file feeds, and two it must never feed."""
    workspace.timezone = "Asia/Shanghai"
    workspace.save()
    money = {"unit": "money", "currency": "USD"}
    return {
        "revenue": KpiFactory(workspace=workspace, name="Revenue", **money),
        "orders": KpiFactory(workspace=workspace, name="Orders"),
        "aov": KpiFactory(
            workspace=workspace, name="Average order value", aggregation="average", **money
        ),
        "sales": KpiFactory(workspace=workspace, name="Amazon US sales", **money),
        "sessions": KpiFactory(workspace=workspace, name="Amazon sessions"),
        "revenue_cny": KpiFactory(
            workspace=workspace, name="Tmall revenue", unit="money", currency="CNY"
        ),
        "computed": KpiFactory(
            workspace=workspace, name="Tasks overdue", metric=Metric.TASKS_OVERDUE
        ),
        "refund_rate": KpiFactory(workspace=workspace, name="Refund rate", unit="percent"),
    }


def values(kpi) -> dict[date, D]:
    return dict(KpiMonth.objects.filter(kpi=kpi).values_list("month", "value"))


# --- The service ---------------------------------------------------------------------------


def _imports(k, *pairs):
    return [services.FigureImport(figure=f, kpi=k[name], months=months)
            for f, name, months in pairs]  # fmt: skip


def test_apply_saves_every_kpi_and_audits_the_file(manager, shop_kpis):
    imports = _imports(shop_kpis, ("revenue", "revenue", {JAN: D("753.50"), FEB: D(1000)}),
                       ("orders", "orders", {JAN: D(7), FEB: D(8)}))  # fmt: skip
    changed = services.shop_import_apply(actor=manager, format="shopify", currency="USD",
                                         imports=imports, file_name="orders.csv")  # fmt: skip
    assert changed == 4
    assert values(shop_kpis["revenue"]) == {JAN: D("753.50"), FEB: D(1000)}
    assert values(shop_kpis["orders"]) == {JAN: 7, FEB: 8}
    assert set(KpiMonth.objects.values_list("source", flat=True)) == {ValueSource.IMPORT}
    event = AuditEvent.objects.get(action="kpis.shop_imported")
    assert event.data["kpis"] == {"revenue": shop_kpis["revenue"].pk,
                                  "orders": shop_kpis["orders"].pk}  # fmt: skip
    assert event.data["file"] == "orders.csv" and event.data["months"] == ["2026-01", "2026-02"]
    assert AuditEvent.objects.filter(action="kpis.months_saved").count() == 2


def test_a_kpi_in_another_currency_is_refused_naming_both(manager, shop_kpis):
    imports = _imports(shop_kpis, ("revenue", "revenue_cny", {JAN: D(1)}))
    with pytest.raises(ValidationError) as error:
        services.shop_import_apply(actor=manager, format="shopify", currency="USD",
                                   imports=imports)  # fmt: skip
    message = error.value.message_dict["kpi_revenue"][0]
    assert "USD" in message and "CNY" in message and "Tmall revenue" in message
    assert not KpiMonth.objects.exists()


@pytest.mark.parametrize(("figure", "kpi", "says"), [
    ("orders", "revenue", "isn't a count"),
    ("revenue", "orders", "isn't kept in money"),
    ("revenue", "computed", "Keel computes"),
    ("units", "refund_rate", "isn't a count"),
])  # fmt: skip
def test_units_must_fit_and_computed_kpis_take_nothing(manager, shop_kpis, figure, kpi, says):
    fmt = "amazon" if figure == "units" else "shopify"
    imports = _imports(shop_kpis, (figure, kpi, {JAN: D(1)}))
    with pytest.raises(ValidationError) as error:
        services.shop_import_apply(actor=manager, format=fmt, currency="USD", imports=imports)
    assert says in str(error.value) and not KpiMonth.objects.exists()


def test_one_bad_month_of_one_kpi_saves_nothing_at_all(manager, shop_kpis):
    next_month = add_months(month_start(timezone.localdate()), 1)
    imports = _imports(shop_kpis, ("revenue", "revenue", {JAN: D(5)}),
                       ("orders", "orders", {JAN: D(1), next_month: D(2)}))  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.shop_import_apply(actor=manager, format="shopify", currency="USD",
                                   imports=imports)  # fmt: skip
    assert "“Orders”" in str(error.value) and "has not started" in str(error.value)
    assert not KpiMonth.objects.exists() and not AuditEvent.objects.filter(
        action__startswith="kpis.").exists()  # fmt: skip


def test_a_kpi_takes_one_figure(manager, shop_kpis):
    imports = _imports(shop_kpis, ("revenue", "revenue", {JAN: D(5)}),
                       ("aov", "revenue", {JAN: D(1)}))  # fmt: skip
    with pytest.raises(ValidationError, match="already receives"):
        services.shop_import_apply(actor=manager, format="shopify", currency="USD",
                                   imports=imports)  # fmt: skip


def test_members_may_not_import_a_shop_file(member, shop_kpis):
    KpiMonthFactory(kpi=shop_kpis["orders"], month=JAN, value=D(3))
    imports = _imports(shop_kpis, ("orders", "orders", {JAN: D(7)}))
    with pytest.raises(PermissionDenied):
        services.shop_import_apply(actor=member, format="shopify", currency="USD",
                                   imports=imports)  # fmt: skip
    assert values(shop_kpis["orders"]) == {JAN: D(3)}


def test_another_workspaces_kpi_is_refused(outsider, shop_kpis):
    imports = _imports(shop_kpis, ("orders", "orders", {JAN: D(7)}))
    with pytest.raises(PermissionDenied):
        services.shop_import_apply(actor=outsider, format="shopify", currency="USD",
                                   imports=imports)  # fmt: skip
    assert not KpiMonth.objects.exists()


# --- The pages -----------------------------------------------------------------------------


def test_only_managers_open_the_shop_import(login, manager, member, assistant, shop_kpis):
    assert login(manager).get(url("kpis_shop_import")).status_code == 200
    for who in (member, assistant):
        client = login(who)
        assert client.get(url("kpis_shop_import")).status_code == 403
        upload = {"format": "auto", "file": sample("shopify_orders.csv")}
        response = client.post(url("kpis_shop_import"), upload)
        assert response.status_code == 403
        assert client.post(url("kpis_shop_import_confirm"), {"token": "x" * 32}).status_code == 403
    assert not KpiMonth.objects.exists()


def test_shopify_file_previews_preselects_and_saves_on_confirm(login, manager, shop_kpis):
    KpiMonthFactory(kpi=shop_kpis["revenue"], month=FEB, value=D("980.00"), target=D(900))
    client = login(manager)
    response = client.post(url("kpis_shop_import"),
                           {"format": "auto", "file": sample("shopify_orders.csv")})  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 200 and "Check before importing" in body
    form = response.context["form"]
    assert form["kpi_revenue"].value() == str(shop_kpis["revenue"].pk)
    assert form["kpi_orders"].value() == str(shop_kpis["orders"].pk)
    assert form["kpi_aov"].value() == str(shop_kpis["aov"].pk)
    choices = [label for _pk, label in form.fields["kpi_orders"].choices]
    assert "Orders" in choices and "Revenue (USD)" not in choices and "Tasks overdue" not in choices
    assert "US$1,003.80" in body and "replaces US$980" in body
    assert not KpiMonth.objects.filter(value__isnull=False).exclude(month=FEB).exists()
    token = form["token"].value()
    response = client.post(url("kpis_shop_import_confirm"), {
        "token": token, "kpi_revenue": shop_kpis["revenue"].pk,
        "kpi_orders": shop_kpis["orders"].pk, "kpi_aov": "",
        "months": ["2026-01", "2026-02", "2026-03"],
    })  # fmt: skip
    assert response.status_code == 302 and response.url == url("kpis_scorecard")
    assert values(shop_kpis["revenue"]) == {JAN: D("753.50"), FEB: D("1003.80"),
                                            MAR: D("631.46")}  # fmt: skip
    assert KpiMonth.objects.get(kpi=shop_kpis["revenue"], month=FEB).target == 900
    assert values(shop_kpis["orders"]) == {JAN: 7, FEB: 8, MAR: 7}
    assert values(shop_kpis["aov"]) == {}  # "don't import"
    assert AuditEvent.objects.filter(action="kpis.shop_imported").count() == 1
    # the token is spent: a second confirm saves nothing more
    again = client.post(url("kpis_shop_import_confirm"), {"token": token, "months": ["2026-01"]})
    assert again.status_code == 302 and again.url == url("kpis_shop_import")


def test_check_names_both_currencies_before_anything_is_saved(login, manager, shop_kpis):
    client = login(manager)
    response = client.post(url("kpis_shop_import"),
                           {"format": "shopify", "file": sample("shopify_orders.csv")})  # fmt: skip
    token = response.context["form"]["token"].value()
    response = client.post(url("kpis_shop_import_confirm"), {
        "token": token, "kpi_revenue": shop_kpis["revenue_cny"].pk, "months": ["2026-01"],
        "check": "1",
    })  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 400
    assert "is in USD, but “Tmall revenue” is kept in CNY" in body
    choice = {"token": token, "kpi_revenue": shop_kpis["revenue_cny"].pk, "months": ["2026-01"]}
    response = client.post(url("kpis_shop_import_confirm"), choice)
    assert response.status_code == 400 and not KpiMonth.objects.exists()


def test_amazon_bad_months_are_listed_and_the_good_ones_kept(login, manager, shop_kpis):
    client = login(manager)
    upload = {"format": "amazon", "file": sample("amazon_business_report_broken.csv")}
    response = client.post(url("kpis_shop_import"), upload)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Line 42: 2026-02-08 is also on line 40" in body and "Line 72" in body
    form = response.context["form"]
    assert [value for value, _label in form.fields["months"].choices] == ["2026-01"]
    assert form["kpi_sales"].value() == str(shop_kpis["sales"].pk)
    assert form["kpi_sessions"].value() == str(shop_kpis["sessions"].pk)
    response = client.post(url("kpis_shop_import_confirm"), {
        "token": form["token"].value(), "kpi_sales": shop_kpis["sales"].pk,
        "kpi_sessions": shop_kpis["sessions"].pk, "kpi_units": "", "months": ["2026-01"],
    })  # fmt: skip
    assert response.status_code == 302
    assert values(shop_kpis["sales"]) == {JAN: D("36077.69")}
    assert values(shop_kpis["sessions"]) == {JAN: D(39090)}


def test_unticked_months_are_not_imported_and_one_is_needed(login, manager, shop_kpis):
    client = login(manager)
    response = client.post(url("kpis_shop_import"),
                           {"format": "auto", "file": sample("shopify_orders.csv")})  # fmt: skip
    token = response.context["form"]["token"].value()
    orders = shop_kpis["orders"].pk
    response = client.post(url("kpis_shop_import_confirm"), {"token": token, "kpi_orders": orders})
    assert response.status_code == 400 and "Tick at least one month" in response.content.decode()
    choice = {"token": token, "kpi_orders": orders, "months": ["2026-03"]}
    response = client.post(url("kpis_shop_import_confirm"), choice)
    assert response.status_code == 302 and values(shop_kpis["orders"]) == {MAR: 7}


@pytest.mark.parametrize(("name", "data", "says"), [
    ("empty.csv", b"", "The submitted file is empty"),
    ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not text"),
    ("book.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "Excel workbook"),
    ("values.csv", b"date,value\n2026-03-01,5\n", "recognise"),
    ("big.csv", b"Name,Created at,Total\n" + b"x" * (20 * 1024 * 1024), "20 MB"),
    ("bad_date.csv", (SAMPLES / "shopify_bad_date.csv").read_bytes(), "Line 24"),
])  # fmt: skip
def test_bad_files_get_a_clear_message_never_a_500(login, manager, shop_kpis, name, data, says):
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    response = login(manager).post(url("kpis_shop_import"), {"format": "auto", "file": upload})
    assert response.status_code == 400 and says in response.content.decode()
    assert not KpiMonth.objects.exists() and SESSION_KEY not in login(manager).session


def test_a_token_is_its_uploaders_only(client, login, manager, owner, shop_kpis):
    upload = {"format": "auto", "file": sample("shopify_orders.csv")}
    response = login(manager).post(url("kpis_shop_import"), upload)
    token = response.context["form"]["token"].value()
    for bad in (token, "../../etc", ""):
        response = login(owner).post(url("kpis_shop_import_confirm"), {
            "token": bad, "kpi_orders": shop_kpis["orders"].pk, "months": ["2026-01"]})  # fmt: skip
        assert response.status_code == 302 and response.url == url("kpis_shop_import")
    assert not KpiMonth.objects.exists()


def test_a_kpis_own_import_page_hands_a_shop_file_over(login, manager, member, shop_kpis):
    kpi = shop_kpis["sales"]
    body = login(manager).get(url("kpis_import", kpi_id=kpi.pk)).content.decode()
    assert "Shopify orders export" in body and f"{url('kpis_shop_import')}?kpi={kpi.pk}" in body
    response = login(manager).post(url("kpis_import", kpi_id=kpi.pk), {
        "format": "amazon", "file": sample("amazon_business_report_us.csv")})  # fmt: skip
    assert (
        response.status_code == 200
        and "Which KPI receives each figure" in response.content.decode()
    )
    assert response.context["form"]["kpi_sales"].value() == str(kpi.pk)
    # the person who answers for a KPI, not a manager, keeps to "date,value"
    kpi.owner_member = member
    kpi.save()
    response = login(member).post(url("kpis_import", kpi_id=kpi.pk), {
        "format": "shopify", "file": sample("shopify_orders.csv")})  # fmt: skip
    assert response.status_code == 400 and "only managers" in response.content.decode()
    assert SESSION_KEY not in login(member).session


def test_the_scorecard_links_to_the_shop_import_for_managers(login, manager, member, shop_kpis):
    assert url("kpis_shop_import") in login(manager).get(url("kpis_scorecard")).content.decode()
    assert url("kpis_shop_import") not in login(member).get(url("kpis_scorecard")).content.decode()
