"""The monthly scorecard in a team chat: posted when the scorecard is sent, written in the
chat's language when it is delivered — the counts, then the KPIs off target by team."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import translation

from keel.kpis.scorecard_mail import deliver
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.notifications.chat_topics import render_chat
from keel.notifications.models import ChatDelivery
from keel.notifications.tests.chat_support import connect_chat
from keel.org.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

OCTOBER = date(2026, 10, 1)


def test_the_scorecard_reaches_the_chat_with_what_missed(owner, workspace):
    marketing = DepartmentFactory(workspace=workspace, name="Marketing")
    revenue = KpiFactory(workspace=workspace, name="Revenue", unit="money", currency="CNY")
    orders = KpiFactory(workspace=workspace, name="Orders")
    acos = KpiFactory(workspace=workspace, name="ACoS", unit="percent", direction="lower",
                      aggregation="average", department=marketing)  # fmt: skip
    KpiMonthFactory(kpi=revenue, month=OCTOBER, target=D(350000), value=D(300000))
    KpiMonthFactory(kpi=orders, month=OCTOBER, target=D(1000), value=D(1100))
    KpiMonthFactory(kpi=acos, month=OCTOBER, target=D(25), value=D("31.5"))
    hook = connect_chat(owner, ["kpis.scorecard"], language="zh-hans")
    deliver(workspace=workspace, month=OCTOBER)
    delivery = ChatDelivery.objects.get(webhook=hook)
    assert delivery.url == "/acme/kpis/?month=2026-10"
    assert set(delivery.params) == {"workspace_id", "month"}
    with translation.override("zh-hans"):
        text = render_chat(delivery.topic, delivery.params)
    assert text is not None
    assert "2026" in text.title and "10" in text.title
    body = "\n".join(text.lines)
    assert "Revenue" in body and "ACoS" in body and "Marketing" in body
    assert "Orders" not in body  # on target: it stays on the page
    assert "¥300,000" in body and "未达标" in body and "Missed" not in body
