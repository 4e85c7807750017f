"""KPI services: who may define KPIs, set targets and enter values; every field checked at
once with nothing saved on a refusal; copying targets; imports; audit entries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keel.accounts.models import Group, GroupMembership
from keel.core.models import AuditEvent
from keel.core.tests.factories import MembershipFactory
from keel.kpis import services
from keel.kpis.access import can_enter_values
from keel.kpis.models import Kpi, KpiMonth, Metric, Unit, ValueSource
from keel.kpis.services import KpiFields, MonthEntry
from keel.kpis.tests.factories import KpiFactory, KpiMonthFactory
from keel.org.tests.factories import DepartmentFactory, SeatFactory

pytestmark = pytest.mark.django_db


def test_manager_defines_a_kpi_with_the_workspace_currency_and_an_audit_entry(manager):
    kpi = services.kpi_create(actor=manager, fields=KpiFields(name=" Revenue ", unit=Unit.MONEY))
    assert (kpi.name, kpi.currency) == ("Revenue", manager.workspace.currency)
    assert AuditEvent.objects.filter(action="kpis.created", target_id=str(kpi.pk)).exists()


def test_members_may_not_define_kpis(member):
    with pytest.raises(PermissionDenied):
        services.kpi_create(actor=member, fields=KpiFields(name="Revenue"))
    assert not Kpi.objects.exists()


def test_every_bad_field_is_named_at_once(manager, workspace):
    seat, group = SeatFactory(workspace=workspace), Group.objects.create(
        workspace=workspace, name="Sales", alias="sales")  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        services.kpi_create(actor=manager, fields=KpiFields(
            name="  ", unit="bananas", currency="XXX", amber_margin=150,
            owner_seat=seat, owner_group=group,
        ))  # fmt: skip
    assert set(caught.value.message_dict) == {"name", "unit", "amber_margin", "owner_seat"}
    assert not Kpi.objects.exists()


def test_another_workspaces_seat_is_refused(manager, outsider):
    with pytest.raises(PermissionDenied):
        services.kpi_create(actor=manager, fields=KpiFields(
            name="x", owner_seat=SeatFactory(workspace=outsider.workspace)))  # fmt: skip


def test_a_computed_kpi_takes_its_metrics_unit_and_direction(manager):
    kpi = services.kpi_create(actor=manager, fields=KpiFields(
        name="Overdue", unit=Unit.MONEY, metric=Metric.TASKS_OVERDUE))  # fmt: skip
    assert (kpi.unit, kpi.direction, kpi.currency) == (Unit.COUNT, "lower", "")


def test_values_are_for_managers_and_whoever_answers_for_the_kpi(workspace, member, manager):
    seat = SeatFactory(workspace=workspace, holder=member, status="filled")
    peer: Any = MembershipFactory(workspace=workspace)
    group = Group.objects.create(workspace=workspace, name="Ads", alias="ads")
    GroupMembership.objects.create(workspace=workspace, group=group, membership=peer)
    by_seat = KpiFactory(workspace=workspace, owner_seat=seat)
    by_group = KpiFactory(workspace=workspace, owner_group=group)
    assert can_enter_values(manager, by_seat) and can_enter_values(member, by_seat)
    assert not can_enter_values(peer, by_seat) and can_enter_values(peer, by_group)
    entry = [MonthEntry(month=date(2026, 1, 1), value=D(5))]
    with pytest.raises(PermissionDenied):
        services.months_save(actor=peer, kpi=by_seat, entries=entry)
    assert services.months_save(actor=member, kpi=by_seat, entries=entry) == 1
    # … but targets stay the managers'
    with pytest.raises(PermissionDenied):
        services.months_save(actor=member, kpi=by_seat,
                             entries=[MonthEntry(month=date(2026, 1, 1), target=D(9))])  # fmt: skip
    assert KpiMonth.objects.get(kpi=by_seat).target is None


def test_one_bad_month_saves_nothing_and_names_the_month(manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    entries = [
        MonthEntry(month=date(2026, 1, 1), target=D(100), value=D(90)),
        MonthEntry(month=date(2026, 2, 1), target=D("1e15")),
        MonthEntry(month=date(2999, 1, 1), value=D(1)),
    ]
    with pytest.raises(ValidationError) as caught:
        services.months_save(actor=manager, kpi=kpi, entries=entries)
    assert "2026-02" in " ".join(caught.value.message_dict["target"])
    assert caught.value.message_dict["month"]
    assert not KpiMonth.objects.exists()


def test_a_month_that_has_not_started_has_no_value(manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    with pytest.raises(ValidationError, match="has not started"):
        services.months_save(actor=manager, kpi=kpi,
                             entries=[MonthEntry(month=date(2200, 1, 1), value=D(1))])  # fmt: skip
    # a target for a future month is a plan, and welcome
    services.months_save(actor=manager, kpi=kpi,
                         entries=[MonthEntry(month=date(2200, 1, 1), target=D(1))])  # fmt: skip


def test_a_computed_kpis_values_are_keels(manager, workspace):
    kpi = KpiFactory(workspace=workspace, metric=Metric.TASKS_OVERDUE)
    with pytest.raises(ValidationError, match="computes"):
        services.months_save(actor=manager, kpi=kpi,
                             entries=[MonthEntry(month=date(2026, 1, 1), value=D(3))])  # fmt: skip


def test_saving_the_same_cells_again_changes_nothing(manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    entry = [MonthEntry(month=date(2026, 1, 1), target=D(10), value=D(9), comment="ok")]
    assert services.months_save(actor=manager, kpi=kpi, entries=entry) == 1
    assert services.months_save(actor=manager, kpi=kpi, entries=entry) == 0
    row = KpiMonth.objects.get()
    assert (row.source, row.value_set_by) == (ValueSource.MANUAL, manager)
    # None empties a cell; UNSET (left out) keeps it
    services.months_save(actor=manager, kpi=kpi,
                         entries=[MonthEntry(month=date(2026, 1, 1), value=None)])  # fmt: skip
    row.refresh_from_db()
    assert (row.target, row.value, row.comment) == (D(10), None, "ok")


def test_targets_copy_grows_last_years_targets_or_values(manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    KpiMonthFactory(kpi=kpi, month=date(2025, 1, 1), target=D(100), value=D(80))
    KpiMonthFactory(kpi=kpi, month=date(2025, 2, 1), target=None, value=D(50))
    KpiMonthFactory(kpi=kpi, month=date(2025, 3, 1), target=None, value=None)
    assert services.targets_copy(actor=manager, kpi=kpi, year=2026, growth_percent=D(10)) == 2
    targets = dict(KpiMonth.objects.filter(month__year=2026).values_list("month", "target"))
    assert targets == {date(2026, 1, 1): D(110), date(2026, 2, 1): D(55)}
    with pytest.raises(ValidationError):
        services.targets_copy(actor=manager, kpi=kpi, year=2026, growth_percent=D(5000))
    with pytest.raises(ValidationError, match="2029"):
        services.targets_copy(actor=manager, kpi=kpi, year=2030, growth_percent=D(10))


def test_import_marks_its_values_as_imported(manager, workspace):
    kpi = KpiFactory(workspace=workspace)
    months = {date(2026, 1, 1): D(5), date(2026, 2, 1): D(6)}
    saved = services.import_apply(actor=manager, kpi=kpi, months=months)
    assert saved == 2
    assert set(KpiMonth.objects.values_list("source", flat=True)) == {ValueSource.IMPORT}
    event = AuditEvent.objects.get(action="kpis.months_saved")
    assert event.data["months"] == ["2026-01", "2026-02"]


def test_archive_and_restore(manager, workspace):
    kpi = KpiFactory(workspace=workspace, department=DepartmentFactory(workspace=workspace))
    services.kpi_archive(actor=manager, kpi=kpi)
    assert not Kpi.objects.active().exists()
    services.kpi_restore(actor=manager, kpi=kpi)
    assert Kpi.objects.active().get() == kpi
