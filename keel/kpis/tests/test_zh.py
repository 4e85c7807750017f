"""Every KPI page in Simplified and Traditional Chinese: no English left (user data aside),
figures and months written the reader's way (keel/core/tests/translation_check.py)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from keel.core.models import WORKSPACE_CURRENCIES
from keel.core.tests.translation_check import untranslated
from keel.kpis.figures import add_months, month_start
from keel.kpis.models import Metric, Unit
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.org.tests.factories import DepartmentFactory, SeatFactory

pytestmark = pytest.mark.django_db
# ISO codes stay in Latin letters, and so do the CSV header names a file may use (date,value)
CURRENCIES = frozenset(WORKSPACE_CURRENCIES) | {"date", "value"}


@pytest.fixture
def pages(workspace, owner):
    workspace.name = "莲花贸易"  # user data in Chinese, so only Keel's own words are checked
    workspace.save(update_fields=["name"])
    owner.user.full_name = "王芳"
    owner.user.save(update_fields=["full_name"])
    team = DepartmentFactory(workspace=workspace, name="运营部")
    seat = SeatFactory(workspace=workspace, title="运营经理", holder=owner, status="filled")
    revenue = KpiFactory(workspace=workspace, name="销售额", unit=Unit.MONEY, currency="CNY",
                         owner_seat=seat)  # fmt: skip
    overdue = KpiFactory(workspace=workspace, name="逾期任务", metric=Metric.TASKS_OVERDUE,
                         department=team, direction="lower", aggregation="last")  # fmt: skip
    this_month = month_start(timezone.localdate())
    for kpi in (revenue, overdue):
        for n in range(3):
            KpiMonthFactory(kpi=kpi, month=add_months(this_month, -n), target=D(100),
                            value=D(80 + 10 * n), comment="促销周")  # fmt: skip
    archived = KpiFactory(workspace=workspace, name="旧指标", archived_at=timezone.now())
    month = f"{add_months(this_month, -1):%Y-%m}"

    def at(name: str, **kwargs: object) -> str:
        return reverse(name, kwargs={"ws": "acme", **kwargs})

    return [
        at("kpis_scorecard"), at("kpis_scorecard") + f"?month={month}&team={team.pk}",
        at("kpis_new"), at("kpis_archived"),
        at("kpis_detail", kpi_id=revenue.pk), at("kpis_detail", kpi_id=overdue.pk),
        at("kpis_detail", kpi_id=archived.pk), at("kpis_edit", kpi_id=revenue.pk),
        at("kpis_year", kpi_id=revenue.pk, year=this_month.year),
        at("kpis_year", kpi_id=overdue.pk, year=this_month.year),
        at("kpis_month", kpi_id=revenue.pk, month=month),
        at("kpis_month", kpi_id=overdue.pk, month=month), at("kpis_import", kpi_id=revenue.pk),
    ]  # fmt: skip


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_every_kpi_page_is_chinese(pages, owner, language):
    user = owner.user
    user.language = language
    user.save(update_fields=["language"])
    client = Client(headers={"accept-language": language})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        left = untranslated(response.content.decode(), extra_allowed=CURRENCIES)
        assert not left, f"{url} in {language}: {left}"
    # the import preview and its bad-line report
    data = "date,value\n2026-01-05,100\n昨天,1\n"
    response = client.post(pages[-1], {"csv_text": data})
    html = response.content.decode()
    assert "第 3 行" in html or "第 3 列" in html
    assert not untranslated(html, extra_allowed=CURRENCIES)
