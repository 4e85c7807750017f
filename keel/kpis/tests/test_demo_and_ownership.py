"""Demo Shop's KPIs (idempotent; seats and departments found in the chart; marketing the one
team missing its targets) and the seat ownership provider that lists a seat's KPIs."""

from __future__ import annotations

import pytest
from django.utils import timezone

from keel.kpis import selectors
from keel.kpis.demo import seed_demo_kpis
from keel.kpis.figures import add_months, month_start
from keel.kpis.models import Kpi, KpiMonth
from keel.kpis.tests.factories import KpiFactory
from keel.kpis.wiring import seat_kpis
from keel.org.demo import seed_demo_org
from keel.org.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db


def test_demo_kpis_on_the_demo_chart_then_idempotent(owner):
    seed_demo_org(owner)
    seed_demo_kpis(owner)
    seed_demo_kpis(owner)
    kpis = Kpi.objects.all()
    assert kpis.count() == 14 and not kpis.filter(owner_seat__isnull=True).exists()
    assert KpiMonth.objects.filter(kpi__name="Revenue", value__isnull=False).count() == 25
    # two weekly KPIs: 26 weeks of values (this one so far), targets a quarter ahead
    weekly = KpiMonth.objects.filter(kpi__name="Orders per week")
    assert Kpi.objects.filter(period="weekly").count() == 2
    assert weekly.filter(value__isnull=False).count() == 26 and weekly.count() == 39
    first_weekday = owner.workspace.first_weekday
    assert {w.weekday() for w in weekly.values_list("month", flat=True)} == {first_weekday}
    last_month = add_months(month_start(timezone.localdate()), -1)
    card = selectors.scorecard(workspace=owner.workspace, month=last_month,
                               today=timezone.localdate())  # fmt: skip
    missed = {s.title for s in card.sections if s.missed}
    assert missed == {"Marketing"}  # one team misses its targets; the others are on track
    # the computed ones were computed at once, for two years (no tasks here: none overdue)
    overdue = KpiMonth.objects.filter(kpi__name="Tasks overdue", source="computed")
    assert overdue.count() == 24 and set(overdue.values_list("value", flat=True)) == {0}


def test_seat_ownership_lists_the_seats_kpis(workspace):
    from keel.org.ownership import seat_ownership

    seat = SeatFactory(workspace=workspace)
    kpi = KpiFactory(workspace=workspace, owner_seat=seat, name="ACoS")
    KpiFactory(workspace=workspace, owner_seat=SeatFactory(workspace=workspace))
    KpiFactory(workspace=workspace, owner_seat=seat, name="Old", archived_at=timezone.now())
    assert seat_kpis(seat) == [("ACoS", f"/acme/kpis/{kpi.pk}/")]
    groups = {g.key: g for g in seat_ownership(seat)}
    assert groups["kpis.kpis"].items == [("ACoS", f"/acme/kpis/{kpi.pk}/")]


def test_a_leavers_kpis_go_to_whom_the_owner_picks(owner, admin, member, manager, workspace):
    from keel.accounts.services import membership_offboard

    picked = KpiFactory(workspace=workspace, owner_member=member, name="Refund rate")
    dropped = KpiFactory(workspace=workspace, owner_member=member, name="ACoS")
    summary = membership_offboard(actor=owner, membership=member, handover={
        "kpis.owned": {str(picked.pk): manager.pk, str(dropped.pk): None},
    })  # fmt: skip
    picked.refresh_from_db()
    dropped.refresh_from_db()
    assert (picked.owner_member, dropped.owner_member) == (manager, None)
    assert dict(summary.steps)["kpis.owned"].count == 2
