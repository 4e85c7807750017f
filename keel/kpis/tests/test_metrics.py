"""KPIs computed from Keel, against figures worked out by hand (keel/kpis/metrics.py).

March 2026 in a Shanghai shop, seen on 10 April. The Ops team is Mia (in a seat of the Ops
department); Pete is in no team. Tasks due in March: Mia's A (done on its due day, 23:00
local), B (done 01:00 the next day, local: late), C (still open); Pete's F (open). Mia's D
was due in February and done on 2 March. Reports in March: Mia three written (moods 2, 4,
5) and one missed; Pete one written (mood 1).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D
from typing import Any

import pytest
from django.utils import timezone

from keel.core.tests.factories import MembershipFactory
from keel.feedback.tests.factories import ReportFactory, ReportFormFactory
from keel.kpis import metrics
from keel.kpis.jobs import compute_workspace
from keel.kpis.models import KpiMonth, Metric, ValueSource
from keel.kpis.tests.factories import KpiFactory
from keel.org.tests.factories import DepartmentFactory, SeatFactory
from keel.tasks.models import Status
from keel.tasks.tests.factories import ProjectFactory, TaskFactory

pytestmark = pytest.mark.django_db

MARCH, TODAY = date(2026, 3, 1), date(2026, 4, 10)


@pytest.fixture
def shop(workspace):
    workspace.timezone = "Asia/Shanghai"
    workspace.save(update_fields=["timezone"])
    ops = DepartmentFactory(workspace=workspace, name="Ops")
    mia = MembershipFactory(workspace=workspace, user__full_name="Mia")
    pete = MembershipFactory(workspace=workspace, user__full_name="Pete")
    SeatFactory(workspace=workspace, department=ops, holder=mia, status="filled")
    project = ProjectFactory(workspace=workspace)

    def task(who, due, done_at=None):
        return TaskFactory(project=project, assignee=who, due_date=due,
                           status=Status.DONE if done_at else Status.TODO,
                           completed_at=done_at)  # fmt: skip

    task(mia, date(2026, 3, 5), datetime(2026, 3, 5, 15, 0, tzinfo=UTC))  # A: 23:00 local
    task(mia, date(2026, 3, 10), datetime(2026, 3, 10, 17, 0, tzinfo=UTC))  # B: 01:00 next day
    task(mia, date(2026, 3, 20))  # C: open
    task(mia, date(2026, 2, 27), datetime(2026, 3, 2, 3, 0, tzinfo=UTC))  # D: February's
    task(mia, date(2026, 3, 31))  # E: due on the last day, not overdue at its end
    task(pete, date(2026, 3, 6))  # F: open
    form = ReportFormFactory(workspace=workspace)
    for day, mood in ((2, 2), (3, 4), (4, 5), (5, None)):
        due = datetime(2026, 3, day, 9, 0, tzinfo=UTC)
        ReportFactory(form=form, author=mia, period_date=date(2026, 3, day), due_at=due,
                      submitted_at=due if mood else None, mood=mood)  # fmt: skip
    due = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    ReportFactory(form=form, author=pete, period_date=date(2026, 3, 2), due_at=due,
                  submitted_at=due, mood=1)  # fmt: skip
    return workspace, ops


@pytest.mark.parametrize(
    ("metric", "team", "company"),
    [
        (Metric.TASKS_ON_TIME, D("25.00"), D("20.00")),  # A of A,B,C,E | A of A,B,C,E,F
        (Metric.TASKS_OVERDUE, D(1), D(2)),  # C | C and F
        (Metric.REPORT_PARTICIPATION, D("75.00"), D("80.00")),  # 3 of 4 | 4 of 5
        (Metric.REPORT_MOOD, D("3.67"), D("3.00")),  # (2+4+5)/3 | (2+4+5+1)/4
    ],
)
def test_march_as_worked_out_by_hand(shop, metric, team, company):
    workspace, ops = shop
    for department, expected in ((ops, team), (None, company)):
        kpi = KpiFactory(workspace=workspace, metric=metric, department=department)
        assert metrics.compute(kpi, [MARCH], TODAY) == {MARCH: expected}


def test_a_month_not_started_and_an_empty_month_have_no_figure(shop):
    workspace, _ops = shop
    kpi = KpiFactory(workspace=workspace, metric=Metric.TASKS_ON_TIME)
    assert metrics.compute(kpi, [date(2026, 5, 1), date(2026, 1, 1)], TODAY) == {
        date(2026, 5, 1): None, date(2026, 1, 1): None,
    }  # fmt: skip


def test_the_nightly_job_writes_this_and_last_month_once(workspace):
    kpi = KpiFactory(workspace=workspace, metric=Metric.TASKS_OVERDUE)
    TaskFactory(project=ProjectFactory(workspace=workspace), due_date=date(2000, 1, 3))
    assert compute_workspace(workspace.pk) == 2
    assert compute_workspace(workspace.pk) == 0  # idempotent: nothing moved
    rows = KpiMonth.objects.filter(kpi=kpi)
    assert {r.source for r in rows} == {ValueSource.COMPUTED}
    assert rows.get(month=timezone.localdate().replace(day=1)).value == D(1)


def test_passwords_still_to_change_by_hand(workspace, owner):
    """Three rotations queued in March 2026 (one done on 20 March, one done on 2 April) and
    one queued in April: March ends with 2 waiting (the one done in April still waited on
    31 March); April with 2; a team KPI counts those given to its people."""
    from keel.vault.models import Rotation
    from keel.vault.tests.factories import make_item

    helper: Any = MembershipFactory(workspace=workspace)
    other: Any = MembershipFactory(workspace=workspace)
    leaver: Any = MembershipFactory(workspace=workspace)

    def at(day: int, month: int) -> datetime:
        return datetime(2026, month, day, 9, tzinfo=UTC)

    rows = [  # (made, done, given to)
        (at(5, 3), at(20, 3), helper),
        (at(6, 3), at(2, 4), helper),
        (at(7, 3), None, other),
        (at(3, 4), None, helper),
    ]
    for made, done, assignee in rows:
        item = make_item(workspace)
        rotation = Rotation.objects.create(workspace=workspace, item=item, leaver=leaver,
                                           assignee=assignee, done_at=done)  # fmt: skip
        Rotation.objects.filter(pk=rotation.pk).update(created_at=made)
    today = date(2026, 4, 15)
    march, april = date(2026, 3, 1), date(2026, 4, 1)
    assert metrics.vault_rotations(workspace, None, march, today) == D(2)
    assert metrics.vault_rotations(workspace, None, april, today) == D(2)
    assert metrics.vault_rotations(workspace, [helper.pk], march, today) == D(1)
    assert metrics.vault_rotations(workspace, [helper.pk], april, today) == D(1)
    assert metrics.vault_rotations(workspace, None, date(2026, 5, 1), today) is None
